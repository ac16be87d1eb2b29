// Extracts the text of one PDF in a worker thread, so a hostile or broken file is bounded by the
// worker's heap limit and a timeout instead of the server's memory (see text-extract.ts).
// Plain JavaScript on purpose: it runs the same under tsx, vitest and plain node.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { path, maxPages } = workerData;
try {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(path));
  const doc = await pdfjs.getDocument({ data, disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = Math.min(doc.numPages, maxPages);
  const parts = [];
  for (let p = 1; p <= pages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : ' ');
    parts.push('\n');
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ ok: true, text: parts.join(''), pages });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String(error && error.message ? error.message : error) });
}
