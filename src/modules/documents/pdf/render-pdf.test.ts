/**
 * Renders a full Thai document and reads it back with poppler (pdftotext, pdfinfo, pdffonts,
 * pdftoppm). These tools are required: a missing one fails the test, it is never skipped,
 * because the text layer is the point of this renderer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocModel } from '../domain/model.js';
import { PAGE } from './flow.js';
import { renderPdf } from './render-pdf.js';
import { SAMPLE_PARAGRAPH, SAMPLE_TITLE_LINES, sampleModel } from './sample-model.js';
import { breakOpportunities } from './thai-lines.js';

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${cmd} not found: these tests need poppler-utils (apt-get install poppler-utils)`);
    }
    throw err;
  }
}

let dir: string;
let pdf: Buffer;
let file: string;
let plain: string;
let layout: string;
let pageCount: number;

const pageText = (page: number, mode: string[] = []): string =>
  run('pdftotext', [...mode, '-f', String(page), '-l', String(page), file, '-']);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prongsai-pdf-'));
  pdf = await renderPdf(sampleModel({ digits: 'thai', tables: 4 }));
  file = join(dir, 'measures.pdf');
  writeFileSync(file, pdf);
  plain = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  layout = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('renderPdf: text layer', () => {
  it('copies SARA AM out as written, in plain and layout extraction', () => {
    for (const text of [plain, layout]) {
      expect(text).toContain('ประจำปีงบประมาณ');
      expect(text).toContain(SAMPLE_TITLE_LINES[0]!.split(' ')[0]!);
      expect(text).not.toContain('ำา');
      expect(text).not.toContain('\u0E4D\u0E32'); // NIKHAHIT + SARA AA: a decomposed SARA AM
    }
    expect(plain).toContain('ได้ดำเนินการ');
    expect(plain).toContain('กำกับติดตาม');
  });

  it('gives every line of a paragraph as drawn: whole words, no inserted spaces, breaks between words', () => {
    // The paragraph's text without spaces is there, contiguous.
    const flat = plain.replace(/\s+/g, '');
    expect(flat).toContain(SAMPLE_PARAGRAPH.replace(/\s+/g, ''));
    // Stronger: walk its lines. Each is an exact slice of the paragraph (so no space was
    // inserted or lost inside it) and ends where the line breaker may break.
    const lines = plain.split('\n');
    let i = lines.findIndex((l) => l.length > 10 && SAMPLE_PARAGRAPH.startsWith(l.trim()));
    expect(i).toBeGreaterThanOrEqual(0);
    const breaks = new Set(breakOpportunities(SAMPLE_PARAGRAPH));
    let at = 0;
    let count = 0;
    while (at < SAMPLE_PARAGRAPH.length) {
      const line = lines[i++]!.trim();
      if (!line) continue;
      while (SAMPLE_PARAGRAPH[at] === ' ') at++;
      expect(SAMPLE_PARAGRAPH.startsWith(line, at), `line "${line}" at ${at}`).toBe(true);
      at += line.length;
      expect(at === SAMPLE_PARAGRAPH.length || SAMPLE_PARAGRAPH[at] === ' ' || breaks.has(at)).toBe(true);
      count++;
    }
    expect(count).toBeGreaterThan(5);
  });

  it('gives pdf.js, which ignores ActualText, the same text up to NFKC (ำ as ํา) and no spaces in words', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    const text = content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('');
    await doc.destroy();
    expect(text).not.toContain('ำา');
    const nfkc = (t: string): string => t.normalize('NFKC');
    expect(nfkc(text)).toContain(nfkc('ประจำปีงบประมาณ'));
    // The paragraph's lines, in order, are exact slices of it: no space was added in a word.
    const paragraph = nfkc(SAMPLE_PARAGRAPH);
    const lines = nfkc(text).split('\n').map((l) => l.trim());
    let i = lines.findIndex((l) => l.length > 10 && paragraph.startsWith(l));
    expect(i).toBeGreaterThanOrEqual(0);
    let at = 0;
    while (at < paragraph.length) {
      while (paragraph[at] === ' ') at++;
      const line = lines[i++]!;
      expect(paragraph.startsWith(line, at), `"${line}"`).toBe(true);
      at += line.length;
    }
  });

  it('keeps the dictionary quirks whole: ผลกระทบ, พ.ศ.', () => {
    expect(plain).toContain('ผลกระทบ');
    expect(plain).toContain('พ.ศ. ๒๕๖๕');
    expect(plain).not.toMatch(/ผลก\n|ผลกระ\n|พ\.ศ\n/);
  });

  it('reads table cells cell by cell, with the header repeated on every page the table reaches', () => {
    const cellParagraph = 'จัดทำแผนการเผยแพร่ข้อมูลสาธารณะประจำปี และกำหนดผู้รับผิดชอบการปรับปรุงข้อมูลบนเว็บไซต์ให้เป็นปัจจุบันอย่างน้อยเดือนละหนึ่งครั้ง';
    // A cell's lines come out one after another (not interleaved with the next column's).
    expect(plain.replace(/\s+/g, '')).toContain(cellParagraph.replace(/\s+/g, ''));
    const pagesWithHeader: number[] = [];
    for (let p = 1; p <= pageCount; p++) if (pageText(p).includes('ขั้นตอนการดำเนินการ')) pagesWithHeader.push(p);
    expect(pagesWithHeader.length).toBeGreaterThanOrEqual(3);
    // A table crossing a page: consecutive pages both carry the header.
    expect(pagesWithHeader.some((p, k) => pagesWithHeader[k + 1] === p + 1)).toBe(true);
    // Bullets are drawn with a glyph the font has, and the author's "- " is not doubled.
    expect(plain).toContain('• ประชุมชี้แจงบุคลากร');
    expect(plain).not.toContain('- ประชุม');
  });

  it('draws the chart labels, values (2 decimals, Thai digits), axis and pass mark; not the alt text', () => {
    expect(plain).toContain('แผนภูมิที่ ๑');
    expect(plain).toContain('การป้องกันการทุจริต');
    expect(plain).toContain('๙๒.๓๑');
    expect(plain).toContain('๖๒.๕๐');
    expect(plain).toContain('เกณฑ์ผ่าน ๘๕ คะแนน');
    expect(layout).toMatch(/๐\s+๒๐\s+๔๐\s+๖๐\s+๘๐\s+๑๐๐/);
    expect(plain).not.toContain('แผนภูมิแท่งแสดงคะแนน');
  });

  it('numbers pages at the top centre from page 2, in Thai digits', () => {
    expect(pageText(1)).not.toMatch(/–\s*๑\s*–/);
    const second = pageText(2, ['-layout']).split('\n').find((l) => l.trim())!;
    expect(second.trim()).toBe('– ๒ –');
    const lastNumber = pageText(pageCount).split('\n').find((l) => l.trim())!;
    expect(lastNumber.trim()).toMatch(/^– [๐-๙]+ –$/);
  });
});

describe('renderPdf: file', () => {
  it('has several A4 pages, Thai metadata and language', () => {
    const info = run('pdfinfo', [file]);
    expect(pageCount).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info).toContain('Title:           มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(info).toContain('Author:          องค์การบริหารส่วนตำบลหนองบัว');
    expect(pdf.includes('/Lang (th-TH)')).toBe(true);
  });

  it('embeds subsets of Sarabun Regular and Bold', () => {
    const fonts = run('pdffonts', [file]);
    expect(fonts).toMatch(/[A-Z]{6}\+Sarabun-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/[A-Z]{6}\+Sarabun-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('keeps all text inside the margins (no clipped or overflowing text)', () => {
    const html = run('pdftotext', ['-bbox', file, '-']);
    const { left, right, top, bottom } = PAGE.margins;
    const tolerance = 0.5;
    let words = 0;
    for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      words++;
      expect(xMin, m[5]).toBeGreaterThanOrEqual(left - tolerance);
      expect(xMax, m[5]).toBeLessThanOrEqual(PAGE.width - right + tolerance);
      expect(yMax, m[5]).toBeLessThanOrEqual(PAGE.height - bottom + tolerance);
      // Only the page number lives in the top margin.
      if (yMin < top - tolerance) expect(m[5]).toMatch(/^– [๐-๙0-9]+ –$/);
    }
    expect(words).toBeGreaterThan(300);
  });

  it('renders to an image (pdftoppm), for a look at marks, justification, table and chart', () => {
    for (const page of [1, 2]) {
      run('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, `page-${page}`)]);
      expect(statSync(join(dir, `page-${page}.png`)).size).toBeGreaterThan(10_000);
    }
  });
});

describe('renderPdf: variants', () => {
  it('uses Arabic digits for the page numbers, axis and values when the agency does', async () => {
    const model: DocModel = sampleModel({ digits: 'arabic', tables: 1 });
    const path = join(dir, 'arabic.pdf');
    writeFileSync(path, await renderPdf(model));
    const text = run('pdftotext', ['-layout', path, '-']);
    expect(text).toContain('– 2 –');
    expect(text).toContain('92.31');
    expect(text).toMatch(/0\s+20\s+40\s+60\s+80\s+100/);
  });

  it('starts a new page at a page break, and keeps a heading with the paragraph after it', async () => {
    const filler = { kind: 'paragraph' as const, indent: true, runs: [SAMPLE_PARAGRAPH] };
    const model: DocModel = {
      title: 'ทดสอบ',
      fileName: 'test',
      lang: 'th',
      digits: 'thai',
      author: 'ทดสอบ',
      blocks: [
        { kind: 'heading', level: 1, text: 'หน้าแรก' },
        { kind: 'pageBreak' },
        filler,
        filler,
        filler,
        { kind: 'heading', level: 1, text: 'หัวข้อท้ายหน้า' },
        filler,
      ],
    };
    const path = join(dir, 'breaks.pdf');
    writeFileSync(path, await renderPdf(model));
    const page = (n: number): string => run('pdftotext', ['-f', String(n), '-l', String(n), path, '-']);
    expect(page(1).trim()).toBe('หน้าแรก');
    // Wherever the heading lands, the paragraph's first line is on the same page.
    const withHeading = [2, 3].find((n) => page(n).includes('หัวข้อท้ายหน้า'))!;
    const after = page(withHeading).split('หัวข้อท้ายหน้า')[1]!;
    expect(after.trim().length).toBeGreaterThan(20);
  });

  it('keeps the text layer exact in a one-line document and in English', async () => {
    const model: DocModel = {
      title: 'Measures',
      fileName: 'measures',
      lang: 'en',
      digits: 'arabic',
      author: 'Agency',
      blocks: [{ kind: 'paragraph', runs: ['กำกับ ติดตาม ', { text: 'ผู้ใหญ่', bold: true }, ' Integrity (ITA) 2022'] }],
    };
    const out = await renderPdf(model);
    const path = join(dir, 'one.pdf');
    writeFileSync(path, out);
    expect(run('pdftotext', [path, '-']).trim()).toBe('กำกับ ติดตาม ผู้ใหญ่ Integrity (ITA) 2022');
    expect(out.includes('/Lang (en-US)')).toBe(true);
    expect(readFileSync(path).subarray(0, 8).toString()).toBe('%PDF-1.7');
  });
});
