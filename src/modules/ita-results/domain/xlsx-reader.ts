/**
 * A fast, read-only XLSX cell reader for the results import.
 *
 * Why not only ExcelJS: loading an 8,317-row workbook with every optional column (146 columns,
 * 1.2 million cells) takes ExcelJS's `xlsx.load` about 8.5 s and its streaming reader about
 * 3.7 s on the development machine, because it builds a full document model (styles, merges,
 * formulas) through a generic SAX parser. The importer needs only cell values, so this reader
 * unzips the parts it needs with JSZip (already a dependency, also used by ExcelJS) and scans the
 * sheet XML with regular expressions: about 1 s for the same file. (Inflating with node:zlib
 * instead was tried: it saved only ~0.2 s, not worth a zip parser of our own.) Anything it does
 * not understand makes it return `undefined`, and the caller falls back to ExcelJS, so odd but
 * valid files still load.
 *
 * Understood: shared strings (including rich-text runs, without phonetic runs), inline strings,
 * numbers, booleans, errors, formula results, cells without an `r` reference, namespace prefixes
 * (`<x:c>` as written by the OpenXML SDK) and XML entities.
 */
import type JSZip from 'jszip';
import { loadJsZip } from '../../../shared/lazy-libraries.js';
import { assertZipWithinLimits } from '../../../shared/zip-limits.js';

export type XlsxCell = string | number | boolean | null;

export interface XlsxRow {
  /** The spreadsheet row number (1-based). */
  row: number;
  /** Cells by 0-based column; holes are empty cells. */
  cells: XlsxCell[];
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
}

const T_RE = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;

/** Text of a string item: the `<t>` runs, without phonetic (`<rPh>`) runs. */
function runText(xml: string): string {
  const body = xml.indexOf('rPh') === -1 ? xml : xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(T_RE)) text += m[1] ?? '';
  return decodeXml(text);
}

/** Column letters of a cell reference → 0-based index ("A" → 0, "AA" → 26). */
function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col - 1;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Reads one sheet of an XLSX file. `pick` chooses among the sheet names (in workbook order) and
 * returns the chosen index, or -1 for none. Throws if the bytes are not a zip archive; returns
 * `undefined` if the archive is not a workbook this reader understands.
 */
export async function readXlsxSheet(bytes: Uint8Array, pick: (names: string[]) => number): Promise<XlsxSheet | undefined> {
  // 8,317 agencies × 146 columns inflate to a few hundred MB at most; a bomb declares far more.
  await assertZipWithinLimits(bytes, 'file', { maxInflatedBytes: 500 * 1024 * 1024 });
  const zip = await (await loadJsZip()).loadAsync(bytes);
  return readParts(async (name) => zip.file(name)?.async('string'), pick);
}

async function readParts(
  part: (name: string) => Promise<string | undefined>,
  pick: (names: string[]) => number,
): Promise<XlsxSheet | undefined> {
  const workbookXml = await part('xl/workbook.xml');
  const relsXml = await part('xl/_rels/workbook.xml.rels');
  if (!workbookXml || !relsXml) return undefined;

  const targets = new Map<string, string>();
  let sharedStringsPath = 'xl/sharedStrings.xml';
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    const type = attr(m[1]!, 'Type') ?? '';
    if (id && target) targets.set(id, resolveTarget(target));
    if (target && type.endsWith('/sharedStrings')) sharedStringsPath = resolveTarget(target);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name');
    const rid = /\s[\w]+:id="([^"]*)"/.exec(m[1]!)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name === undefined || !path) return undefined;
    sheets.push({ name, path });
  }
  if (sheets.length === 0) return undefined;
  const chosen = sheets[pick(sheets.map((s) => s.name))];
  if (!chosen) return { name: '', rows: [] };
  const sheetXml = await part(chosen.path);
  if (sheetXml === undefined) return undefined;

  const shared: string[] = [];
  const ssXml = await part(sharedStringsPath);
  if (ssXml) {
    for (const m of ssXml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) shared.push(m[1] ? runText(m[1]) : '');
  }

  const start = sheetXml.search(/<(?:\w+:)?sheetData\b/);
  if (start === -1) return undefined;
  // The closing tag is the last "sheetData>" (a regex search over 40 MB of cells costs ~0.1 s).
  const end = sheetXml.lastIndexOf('sheetData>');
  const data = end > start ? sheetXml.slice(start, end) : '';

  const rows: XlsxRow[] = [];
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  const valueRe = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
  let nextRow = 1;
  for (let rm = rowRe.exec(data); rm; rm = rowRe.exec(data)) {
    const r = attr(rm[1]!, 'r');
    const rowNumber = r ? Number(r) : nextRow;
    nextRow = rowNumber + 1;
    const cells: XlsxCell[] = [];
    const body = rm[2];
    if (body) {
      let col = 0;
      cellRe.lastIndex = 0;
      for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
        // indexOf instead of a regex per attribute: this loop runs once per cell (a million
        // times for a national file). Attributes separated by other white space are normalised.
        const attrs = /[\t\r\n]/.test(cm[1]!) ? cm[1]!.replace(/\s/g, ' ') : cm[1]!;
        const refAt = attrs.indexOf(' r="');
        if (refAt !== -1) {
          let end = refAt + 4;
          while (end < attrs.length && attrs.charCodeAt(end) >= 65 && attrs.charCodeAt(end) <= 90) end++;
          if (end > refAt + 4) col = columnIndex(attrs.slice(refAt + 4, end));
        }
        const typeAt = attrs.indexOf(' t="');
        const type = typeAt === -1 ? undefined : attrs.slice(typeAt + 4, attrs.indexOf('"', typeAt + 4));
        const inner = cm[2] ?? '';
        let value: XlsxCell = null;
        if (type === 'inlineStr') value = runText(inner);
        else {
          let raw: string | undefined;
          const vAt = inner.indexOf('<v>');
          if (vAt !== -1) raw = inner.slice(vAt + 3, inner.indexOf('</v>', vAt));
          else if (inner !== '') raw = valueRe.exec(inner)?.[1];
          if (raw !== undefined) {
            if (type === 's') value = shared[Number(raw)] ?? null;
            else if (type === 'b') value = raw === '1';
            else if (type === 'str' || type === 'e' || type === 'd') value = decodeXml(raw);
            else value = raw === '' ? null : Number(raw);
          }
        }
        cells[col] = value;
        col++;
      }
    }
    rows.push({ row: rowNumber, cells });
  }
  return { name: chosen.name, rows };
}
