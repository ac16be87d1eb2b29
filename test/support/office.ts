/**
 * The office-suite check: what a municipality sees when it opens one of our DOCX files in
 * LibreOffice (the suite many agencies edit in before signing). The DOCX is converted to PDF with
 * `soffice --headless`, and the PDF is read back with poppler (`pdftotext -bbox-layout`):
 *
 * - **overlaps**: pairs of text lines on a page that overlap horizontally and vertically by more
 *   than a third of a line's height. A line pitch smaller than the glyphs (the bug this check was
 *   written for: 12 pt lines for 21 pt Thai glyphs) gives hundreds; a correct document gives 0.
 * - **pages**: the page count, to compare with our own PDF of the same document.
 * - **tables**: every table with a repeated header row (`w:tblHeader`) must show its header cells
 *   side by side on one line band somewhere in the PDF, left to right: a table that LibreOffice
 *   dissolved or squeezed into one column fails.
 * - **text**: every paragraph of the DOCX (body and table cells) must be found in the PDF's text,
 *   ignoring only whitespace (lines wrap elsewhere) and the page-number lines: missing tone marks,
 *   boxes for missing glyphs or lost paragraphs show up here.
 *
 * Generic: takes any DOCX buffer and returns findings; `officeProblems()` turns them into a list of
 * readable problems for `expect(...).toEqual([])`. Each conversion costs ~1.5 s of CPU, so a test
 * file converts once (in `beforeAll`) and asserts on the findings. See docs/office-check.md.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import JSZip from 'jszip';

const run = promisify(execFile);

export const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? '/usr/bin/soffice';
export const PDFTOTEXT = '/usr/bin/pdftotext';

function requireTools(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(`LibreOffice is required for the office check and was not found at ${SOFFICE}: apt-get install -y libreoffice-writer-nogui`);
  }
  if (!existsSync(PDFTOTEXT)) {
    throw new Error(`pdftotext is required for the office check and was not found at ${PDFTOTEXT}: apt-get install -y poppler-utils`);
  }
}

const require = createRequire(import.meta.url);

/**
 * Sarabun with its em enlarged by 4/3 (`head.unitsPerEm` 1000 → 1333): the same design drawn at
 * 3/4 of the size, which is how TH SarabunPSK's Thai compares with Google's Sarabun at one point
 * size (our PDF sets Sarabun at 12 pt for the DOCX's 16 pt TH SarabunPSK). Every metric is in font
 * units, so widths, line heights and mark positions all scale together.
 */
async function scaledSarabun(dir: string): Promise<void> {
  for (const face of ['400Regular/Sarabun_400Regular.ttf', '700Bold/Sarabun_700Bold.ttf']) {
    const font = Buffer.from(await readFile(require.resolve(`@expo-google-fonts/sarabun/${face}`)));
    const tables = font.readUInt16BE(4);
    let head = -1;
    for (let i = 0; i < tables; i++) {
      const record = 12 + i * 16;
      if (font.toString('latin1', record, record + 4) === 'head') head = font.readUInt32BE(record + 8);
    }
    if (head < 0 || font.readUInt16BE(head + 18) !== 1000) throw new Error(`unexpected Sarabun file ${face}: no head table with a 1000-unit em`);
    font.writeUInt16BE(1333, head + 18);
    await writeFile(join(dir, face.split('/')[1]!), font);
  }
}

/**
 * A fontconfig file for the conversion: the machine's fonts plus the scaled Sarabun, and
 * "TH SarabunPSK" (the font our DOCX names, not free to install) resolved to it. Without it the
 * result would depend on which Thai fonts the machine has — none on a fresh CI image, and with
 * Debian's TLWG fonts LibreOffice writes a text layer with tone marks out of order.
 */
function fontConfig(dir: string, fontDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fontDir}</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
  <match target="pattern">
    <test name="family"><string>TH SarabunPSK</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Sarabun</string></edit>
  </match>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`;
}

/**
 * DOCX → PDF with LibreOffice headless. Each run gets its own profile directory
 * (`-env:UserInstallation`), so parallel test files never share (and lock) one profile.
 */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  requireTools();
  const dir = await mkdtemp(join(tmpdir(), 'prongsai-office-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    const fontDir = join(dir, 'fonts');
    await mkdir(fontDir);
    await scaledSarabun(fontDir);
    const fonts = join(dir, 'fonts.conf');
    await writeFile(fonts, fontConfig(dir, fontDir));
    await run(
      SOFFICE,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000, env: { ...process.env, HOME: dir, FONTCONFIG_FILE: fonts } },
    );
    const output = join(dir, 'document.pdf');
    if (!existsSync(output)) throw new Error('LibreOffice produced no PDF for the DOCX');
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ── Reading PDFs with poppler ─────────────────────────────────────────────────────────────────

export interface LineBox {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

async function withPdfFile<T>(pdf: Buffer, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'prongsai-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** Every text line of the PDF with its box, from `pdftotext -bbox-layout` (points, y downwards). */
export async function pdfLineBoxes(pdf: Buffer): Promise<{ pages: number; lines: LineBox[] }> {
  requireTools();
  const { stdout } = await withPdfFile(pdf, (file) => run(PDFTOTEXT, ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 }));
  const lines: LineBox[] = [];
  const pages = stdout.split(/<page\b/).slice(1);
  pages.forEach((page, index) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decodeXml(w[1]!));
      lines.push({ page: index + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: words.join(' ') });
    }
  });
  return { pages: pages.length, lines };
}

/** The PDF's text in reading order, as `pdftotext` gives it (what search and checkers read). */
export async function pdfPlainText(pdf: Buffer): Promise<string> {
  requireTools();
  const { stdout } = await withPdfFile(pdf, (file) => run(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 }));
  return stdout;
}

/**
 * Pairs of lines on one page whose boxes overlap horizontally and vertically by more than a
 * third of the smaller line's height: text drawn over other text.
 */
export function overlappingLines(lines: LineBox[]): [LineBox, LineBox][] {
  const pairs: [LineBox, LineBox][] = [];
  const byPage = new Map<number, LineBox[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const pageLines of byPage.values()) {
    for (let i = 0; i < pageLines.length; i++) {
      for (let j = i + 1; j < pageLines.length; j++) {
        const a = pageLines[i]!;
        const b = pageLines[j]!;
        const horizontal = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const vertical = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        if (horizontal > 0 && vertical > height / 3) pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

// ── Reading the DOCX ──────────────────────────────────────────────────────────────────────────

export interface DocxContent {
  /** Text of each body paragraph outside tables. */
  paragraphs: string[];
  /** Text of each paragraph inside a table cell. */
  cellParagraphs: string[];
  /** Header cell texts of each table that repeats a header row (`w:tblHeader`). */
  tableHeaders: string[][];
}

const paragraphText = (xml: string) =>
  decodeXml(
    xml
      .replace(/<w:(tab|br)\b[^>]*\/>/g, ' ')
      .match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/g)
      ?.map((t) => t.replace(/<[^>]+>/g, ''))
      .join('') ?? '',
  );

const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0]));

export async function readDocxContent(docx: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a Word document: no word/document.xml');
  // Our tables do not nest, so a lazy match from <w:tbl> to </w:tbl> is one table.
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const tableHeaders: string[][] = [];
  const cellParagraphs: string[] = [];
  for (const table of tables) {
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const first = rows[0];
    if (first && /<w:tblHeader\b/.test(first)) {
      tableHeaders.push([...first.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphsOf(c[0]).join(' ').trim()));
    }
    cellParagraphs.push(...paragraphsOf(table));
  }
  return { paragraphs: paragraphsOf(body), cellParagraphs, tableHeaders };
}

// ── The check ─────────────────────────────────────────────────────────────────────────────────

export interface OfficeFindings {
  /** The PDF LibreOffice made, for a test that wants to look further. */
  pdf: Buffer;
  pages: number;
  lines: LineBox[];
  overlaps: [LineBox, LineBox][];
  tables: { headers: string[]; found: boolean }[];
  /** DOCX paragraphs (body and cells) whose text is not in the PDF's text. */
  missingText: string[];
  /** Milliseconds the conversion took (for the record; tests do not time it). */
  convertMs: number;
}

/**
 * Text compared without whitespace (lines wrap elsewhere) and without Thai vowel and tone marks
 * above and below the line: LibreOffice 7.4 writes them out of order in the text layer of bold
 * Thai (poppler reads "ตัวชีว้ ัด" for "ตัวชี้วัด"), whatever the font. A lost paragraph or a lost
 * consonant still fails; the order of marks is the PDF renderer's business, not the DOCX's.
 */
export const squash = (s: string) => s.normalize('NFC').replace(/[\s\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+/g, '');
/** Page-number lines ("- ๒ -", "– 2 –") interrupt a paragraph that runs over a page break. */
const PAGE_NUMBER_LINE = /^\s*[-–]?\s*[0-9๐-๙]+\s*[-–]?\s*$/gm;

/**
 * Whether the paragraph is in the text whole, or in two pieces: a table row that runs over a page
 * break continues after the next page's repeated header, so its cell texts are cut in two.
 */
function foundInText(paragraph: string, text: string): boolean {
  if (text.includes(paragraph)) return true;
  let lo = 0;
  let hi = paragraph.length;
  // The longest prefix found (a prefix of a found prefix is found, so this is monotone).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(paragraph.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 4 && text.includes(paragraph.slice(lo));
}

/** A header is laid out as a table when its cells' first words sit on one line band, left to right. */
function headerFound(headers: string[], lines: LineBox[]): boolean {
  const firstWords = headers.map((h) => squash(h.split(/\s+/)[0] ?? '').slice(0, 3));
  for (const start of lines.filter((l) => firstWords[0] && squash(l.text).startsWith(firstWords[0]))) {
    let x = start.xMin;
    let ok = true;
    for (const word of firstWords.slice(1)) {
      const next = lines.find(
        (l) => l.page === start.page && l.xMax > x && Math.abs(l.yMin - start.yMin) < 40 && squash(l.text).includes(word),
      );
      if (!next) {
        ok = false;
        break;
      }
      x = next.xMin;
    }
    if (ok) return true;
  }
  return false;
}

/** Converts the DOCX with LibreOffice and reads the result back: see the file comment. */
export async function checkDocxInOffice(docx: Buffer): Promise<OfficeFindings> {
  const content = await readDocxContent(docx);
  const started = performance.now();
  const pdf = await convertDocxToPdf(docx);
  const convertMs = Math.round(performance.now() - started);
  const { pages, lines } = await pdfLineBoxes(pdf);
  const text = squash((await pdfPlainText(pdf)).replace(PAGE_NUMBER_LINE, ''));
  const missingText = [
    ...content.paragraphs.filter((p) => squash(p) !== '' && !text.includes(squash(p))),
    ...content.cellParagraphs.filter((p) => squash(p) !== '' && !foundInText(squash(p), text)),
  ];
  return {
    pdf,
    pages,
    lines,
    overlaps: overlappingLines(lines),
    tables: content.tableHeaders.map((headers) => ({ headers, found: headerFound(headers, lines) })),
    missingText,
    convertMs,
  };
}

export interface OfficeExpectations {
  /** Our own PDF's page count; LibreOffice lays Thai out differently (no distributed justification). */
  ownPages?: number;
  /** Allowed difference in pages from `ownPages`: by default a quarter of them, at least 2. */
  pageTolerance?: number;
}

/** The findings as a list of problems; empty when the document survives the office suite. */
export function officeProblems(f: OfficeFindings, expect: OfficeExpectations = {}): string[] {
  const problems: string[] = [];
  if (f.overlaps.length > 0) {
    const [a, b] = f.overlaps[0]!;
    problems.push(`${f.overlaps.length} overlapping line pairs, first on page ${a.page}: "${a.text}" / "${b.text}"`);
  }
  if (expect.ownPages !== undefined) {
    const tolerance = expect.pageTolerance ?? Math.max(2, Math.round(expect.ownPages / 4));
    if (Math.abs(f.pages - expect.ownPages) > tolerance) problems.push(`${f.pages} pages in LibreOffice for ${expect.ownPages} in our PDF (±${tolerance})`);
  }
  for (const t of f.tables) if (!t.found) problems.push(`table header not laid out as a row: ${t.headers.join(' | ')}`);
  for (const p of f.missingText.slice(0, 5)) problems.push(`text missing from the PDF: "${p.slice(0, 80)}"`);
  if (f.missingText.length > 5) problems.push(`… and ${f.missingText.length - 5} more paragraphs missing`);
  return problems;
}
