/**
 * Reads the text of an uploaded document once, at upload, so the completeness checks work
 * from a stored digest and no page view parses a file. PDF through poppler's `pdftotext` when
 * the server has it (Debian `poppler-utils`), else pdfjs-dist; DOCX and XLSX through jszip (the
 * XML parts that hold the text). Images have no text here (no OCR).
 *
 * Why pdftotext first: pdf.js `getTextContent()` drops Thai tone marks from some PDFs — a
 * Chromium-printed heading "ข้อเสนอแนะ" came out "ขอเสนอแนะ", and the element check then said the
 * suggestions section was missing. pdftotext reads the same files as search engines and
 * assessors' viewers do (it also honours ActualText, which our own PDFs use).
 *
 * Bounded work: files above MAX_EXTRACT_BYTES and pages beyond MAX_PAGES are not read, and a
 * zip part that inflates beyond MAX_XML_BYTES is skipped. PDFs are parsed in a worker thread
 * with a heap limit and a timeout: pdfjs on a broken 30 MB file grew the server by 400 MB in
 * the upload bench; in the worker such a file costs at most the limit and is reported unread.
 * What is not read is reported as "not read" (null), never as "no text".
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type JSZip from 'jszip';
import { loadJsZip } from '../../shared/lazy-libraries.js';
import type { MediaKind } from '../../platform/file-store.js';
import { assertZipWithinLimits } from '../../shared/zip-limits.js';

export const MAX_EXTRACT_BYTES = 40 * 1024 * 1024;
const MAX_PAGES = 300;
const MAX_XML_BYTES = 60 * 1024 * 1024;
/** Average non-space characters per page below which a PDF is taken for a scan. */
const MIN_CHARS_PER_PAGE = 20;
const PDF_WORKER = new URL('./pdf-worker.mjs', import.meta.url);
const PDF_HEAP_MB = 128;
const PDF_TIMEOUT_MS = 30_000;
/** Bound on pdftotext's output: 300 pages of dense Thai are well under this. */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

export interface ExtractedText {
  /** The text, or null when it was not read (images, too large, unreadable). */
  text: string | null;
  /** For PDFs: whether there is a real text layer; null for other kinds or when not read. */
  textLayer: boolean | null;
}

const NOT_READ: ExtractedText = { text: null, textLayer: null };

/** Reads the text of the file at `path` (`sizeBytes` long) of the given kind. */
/** Which PDF reader this server uses (for the operations page and the tests). */
export const pdfReader = (): 'pdftotext' | 'pdfjs' => (PDFTOTEXT ? 'pdftotext' : 'pdfjs');

export async function extractText(kind: MediaKind, path: string, sizeBytes: number): Promise<ExtractedText> {
  if (sizeBytes > MAX_EXTRACT_BYTES) return NOT_READ;
  try {
    if (kind === 'pdf') return await pdfText(path);
    if (kind === 'docx') return { text: await docxText(await readFile(path)), textLayer: null };
    if (kind === 'xlsx') return { text: await xlsxText(await readFile(path)), textLayer: null };
    return NOT_READ;
  } catch {
    return NOT_READ;
  }
}

/** Whether a text over `pages` pages has enough characters to be a real text layer, not a scan. */
function hasTextLayer(text: string, pages: number): boolean {
  return pages > 0 && text.replace(/\s/g, '').length / pages >= MIN_CHARS_PER_PAGE;
}

async function pdfText(path: string): Promise<ExtractedText> {
  if (PDFTOTEXT) {
    const text = await popplerText(PDFTOTEXT, path);
    if (text !== null) return text;
  }
  return pdfjsText(path);
}

/**
 * pdftotext in a child process: bounded by a timeout, an output limit and the page limit, so a
 * hostile file costs at most those. Pages are separated by form feeds in its output.
 * Null when it fails (a damaged file), so pdf.js gets its chance.
 */
function popplerText(bin: string, path: string): Promise<ExtractedText | null> {
  return new Promise((resolve) => {
    execFile(
      bin,
      ['-enc', 'UTF-8', '-l', String(MAX_PAGES), '-q', path, '-'],
      { timeout: PDF_TIMEOUT_MS, maxBuffer: MAX_TEXT_BYTES, encoding: 'utf8', killSignal: 'SIGKILL' },
      (error, stdout) => {
        if (error) return resolve(null);
        const pages = stdout.split('\f').length - 1;
        const text = stdout.replace(/\f/g, '\n');
        resolve({ text, textLayer: hasTextLayer(text, pages) });
      },
    );
  });
}

function pdfjsText(path: string): Promise<ExtractedText> {
  return new Promise((resolve) => {
    const worker = new Worker(PDF_WORKER, {
      workerData: { path, maxPages: MAX_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const done = (r: ExtractedText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done(NOT_READ), PDF_TIMEOUT_MS);
    worker.once('message', (m: { ok: boolean; text?: string; pages?: number }) => {
      if (!m.ok || m.text === undefined) return done(NOT_READ);
      done({ text: m.text, textLayer: hasTextLayer(m.text, m.pages ?? 0) });
    });
    // Out of memory or a crash in the worker: the file is simply not read.
    worker.once('error', () => done(NOT_READ));
    worker.once('exit', () => done(NOT_READ));
  });
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

async function zipPart(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  // jszip keeps the declared size; refuse a part that would inflate beyond the bound.
  const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (declared !== undefined && declared > MAX_XML_BYTES) return null;
  return file.async('string');
}

/** A package that would inflate past the limits is stored but not read ("not read", never a crash). */
const zipWithinLimits = async (bytes: Buffer): Promise<boolean> => {
  try {
    await assertZipWithinLimits(bytes);
    return true;
  } catch {
    return false;
  }
};

async function docxText(bytes: Buffer): Promise<string | null> {
  if (!(await zipWithinLimits(bytes))) return null;
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const names = ['word/document.xml', ...Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))];
  const out: string[] = [];
  for (const name of names) {
    const xml = await zipPart(zip, name);
    if (!xml) continue;
    // Paragraph and line breaks become newlines; text runs (<w:t>) are the words.
    const withBreaks = xml.replace(/<\/w:p>|<w:br\/>|<w:cr\/>/g, '\n').replace(/<w:tab\/>/g, ' ');
    out.push(withBreaks.replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_m, t: string | undefined) => (t !== undefined ? decodeXml(t) : '')));
  }
  return out.join('\n');
}

async function xlsxText(bytes: Buffer): Promise<string | null> {
  if (!(await zipWithinLimits(bytes))) return null;
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const out: string[] = [];
  const shared = await zipPart(zip, 'xl/sharedStrings.xml');
  if (shared) for (const m of shared.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out.push(decodeXml(m[1]!));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).slice(0, 50)) {
    const xml = await zipPart(zip, name);
    if (xml) for (const m of xml.matchAll(/<is>.*?<t(?:\s[^>]*)?>([^<]*)<\/t>.*?<\/is>/gs)) out.push(decodeXml(m[1]!));
  }
  return out.join('\n');
}
