/**
 * Import from an existing OIT site: vendor sites hold "year → item → up to five links", usually
 * exportable as a sheet of year, item, title, link. Each row is matched to an item of that
 * year's catalogue — by its code ("O12", "o12", "ข้อ 12", "12"), or by its title when the code
 * is missing or does not exist — and every row that cannot be placed is reported with why.
 */
import type { OitItem } from '../../catalogue/domain/schema.js';
import { toArabicDigits } from '../../../shared/thai.js';
import { normalizeTitle, titleSimilarity } from './carry-over.js';
import { toBE } from './text-facts.js';
import { isHttpUrl } from '../../../shared/url.js';
import { forbiddenCharIn } from '../../../shared/text.js';

/** Rows one import file may hold: a vendor site has 43 items × ≤ 5 links × a few years. */
export const MAX_IMPORT_ROWS = 20_000;
/** Links one item may hold; beyond this a row is reported, not stored (item pages stay usable). */
export const MAX_LINKS_PER_ITEM = 50;

export interface VendorRow {
  /** Row number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  year: string;
  item: string;
  title: string;
  link: string;
}

export interface ImportMatch {
  row: number;
  year: number;
  code: string;
  title: string;
  url: string;
  by: 'code' | 'title';
}

export interface ImportProblem {
  row: number;
  message: string;
}

const HEADER: Record<keyof Omit<VendorRow, 'row'>, RegExp> = {
  year: /^(year|fy|ปี|ปีงบ|ปีงบประมาณ|ปี พ\.ศ\.)/i,
  item: /^(item|code|no|ข้อ|รหัส|ตัวชี้วัด)/i,
  title: /^(title|name|topic|ชื่อ|หัวข้อ|รายการ|เรื่อง)/i,
  link: /^(link|url|href|ลิงก์|ลิ้งค์|ที่อยู่)/i,
};

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Table rows → vendor rows, finding the columns by their headers (or year, item, title, link in order). */
export function toVendorRows(table: string[][]): VendorRow[] {
  if (table.length === 0) return [];
  const head = table[0]!.map((h) => h.trim());
  const cols = Object.fromEntries((Object.keys(HEADER) as (keyof typeof HEADER)[]).map((k) => [k, head.findIndex((h) => HEADER[k].test(h))])) as Record<keyof typeof HEADER, number>;
  const hasHeader = cols.year >= 0 || cols.link >= 0;
  const at = hasHeader ? cols : { year: 0, item: 1, title: 2, link: 3 };
  const body = hasHeader ? table.slice(1) : table;
  const offset = hasHeader ? 2 : 1;
  return body.map((r, i) => ({
    row: i + offset,
    year: (at.year >= 0 ? r[at.year] : '')?.trim() ?? '',
    item: (at.item >= 0 ? r[at.item] : '')?.trim() ?? '',
    title: (at.title >= 0 ? r[at.title] : '')?.trim() ?? '',
    link: (at.link >= 0 ? r[at.link] : '')?.trim() ?? '',
  }));
}

export function parseItemCode(raw: string): string | undefined {
  const m = /^(?:o|ข้อ|ข้อที่)?\s*\.?\s*(\d{1,3})\b/i.exec(toArabicDigits(raw.trim()));
  return m ? `O${Number(m[1])}` : undefined;
}

/** The B.E. year of a year cell ("2565", "๒๕๖๕", "ปี 2565", "2022"). */
export function parseYear(raw: string): number | undefined {
  const m = /(\d{4})/.exec(toArabicDigits(raw));
  return m ? toBE(Number(m[1])) : undefined;
}

/**
 * Matches vendor rows to catalogue items; `items` gives the OIT items of each year that has a
 * catalogue. Linear in the rows: each year's items are indexed once (by code and by normalised
 * title), and only a row whose title matches no item exactly is compared with that year's few
 * dozen titles.
 */
export function matchVendorRows(rows: VendorRow[], items: (year: number) => OitItem[] | undefined): { matched: ImportMatch[]; unmatched: ImportProblem[] } {
  const matched: ImportMatch[] = [];
  const unmatched: ImportProblem[] = [];
  const indexes = new Map<number, { list: OitItem[]; byCode: Map<string, OitItem>; byTitle: Map<string, OitItem> } | null>();
  const indexOf = (year: number) => {
    if (!indexes.has(year)) {
      const list = items(year);
      indexes.set(year, list && list.length ? { list, byCode: new Map(list.map((i) => [i.code, i])), byTitle: new Map(list.map((i) => [normalizeTitle(i.titleTh), i])) } : null);
    }
    return indexes.get(year)!;
  };
  for (const r of rows) {
    const bad = [r.year, r.item, r.title, r.link].map(forbiddenCharIn).find(Boolean);
    if (bad) {
      unmatched.push({ row: r.row, message: `มีอักขระควบคุมที่มองไม่เห็น (${bad}) ในแถวนี้` });
      continue;
    }
    if (r.title.length > 300 || r.item.length > 300) {
      unmatched.push({ row: r.row, message: 'ชื่อหรือข้อยาวเกิน 300 ตัวอักษร' });
      continue;
    }
    const year = parseYear(r.year);
    if (!year) {
      unmatched.push({ row: r.row, message: `ปีไม่ถูกต้อง: "${r.year.slice(0, 40)}"` });
      continue;
    }
    const index = indexOf(year);
    if (!index) {
      unmatched.push({ row: r.row, message: `ยังไม่มีรายการ OIT ของปีงบประมาณ ${year} ในแคตตาล็อก` });
      continue;
    }
    const url = r.link;
    if (url.length > 2000 || !isHttpUrl(url)) {
      unmatched.push({ row: r.row, message: url ? `ลิงก์ไม่ถูกต้อง: "${url.slice(0, 80)}"` : 'ไม่มีลิงก์' });
      continue;
    }
    const code = parseItemCode(r.item);
    const byCode = code ? index.byCode.get(code) : undefined;
    // The title decides when the code does not exist or clearly names another item.
    const titleOf = (t: string) => index.byTitle.get(normalizeTitle(t)) ?? bestSimilar(index.list, t);
    const titleHit = !byCode && r.title ? titleOf(r.title) : undefined;
    const itemCell = !byCode && r.item && !code ? titleOf(r.item) : undefined;
    const hit = byCode ?? itemCell ?? titleHit;
    if (!hit) {
      unmatched.push({ row: r.row, message: code ? `ไม่มีข้อ ${code} ในปีงบประมาณ ${year} และจับคู่จากชื่อ "${r.title.slice(0, 80)}" ไม่ได้` : `จับคู่รายการไม่ได้ (ข้อ "${r.item.slice(0, 40)}", ชื่อ "${r.title.slice(0, 80)}")` });
      continue;
    }
    matched.push({ row: r.row, year, code: hit.code, title: r.title || hit.titleTh, url, by: byCode ? 'code' : 'title' });
  }
  return { matched, unmatched };
}

function bestSimilar(list: OitItem[], title: string): OitItem | undefined {
  let best: { i: OitItem; s: number } | undefined;
  for (const i of list) {
    const s = titleSimilarity(i.titleTh, title);
    if (s >= 0.75 && (!best || s > best.s)) best = { i, s };
  }
  return best?.i;
}
