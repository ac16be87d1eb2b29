/**
 * Reading an agency's procurement spreadsheet or an e-GP export (CSV/XLSX already turned into a
 * grid of cells): which column holds which field (mapped once and remembered per header layout),
 * then every row validated. All or nothing: one bad row rejects the file, and every problem is
 * named in Thai with its spreadsheet row and the column's header.
 */
import { toArabicDigits } from '../../../shared/thai.js';
import { fiscalYearOf } from '../../../shared/fiscal.js';
import type { FieldError } from '../../../shared/errors.js';
import type { Bidder, Contract } from './types.js';

export type GridCell = string | number | boolean | null;
export interface GridRow {
  /** Spreadsheet row (1-based) or CSV line. */
  row: number;
  cells: GridCell[];
}

export const FIELDS = [
  'projectNo',
  'titleTh',
  'procType',
  'method',
  'budget',
  'referencePrice',
  'bidders',
  'winner',
  'agreedPrice',
  'reason',
  'contractNo',
  'contractDate',
  'announcedOn',
] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, string> = {
  projectNo: 'เลขที่โครงการ',
  titleTh: 'งานที่จัดซื้อหรือจัดจ้าง',
  procType: 'ประเภท (ซื้อ/จ้าง/เช่า)',
  method: 'วิธีซื้อหรือจ้าง',
  budget: 'วงเงินงบประมาณ',
  referencePrice: 'ราคากลาง',
  bidders: 'ผู้เสนอราคาและราคาที่เสนอ',
  winner: 'ผู้ได้รับการคัดเลือก',
  agreedPrice: 'ราคาที่ตกลงซื้อหรือจ้าง',
  reason: 'เหตุผลที่คัดเลือก',
  contractNo: 'เลขที่สัญญา',
  contractDate: 'วันที่สัญญา',
  announcedOn: 'วันที่ประกาศ',
};

export const REQUIRED_FIELDS: readonly Field[] = ['projectNo', 'titleTh', 'method', 'winner', 'agreedPrice'];

/** Header words (normalised) each field is recognised by, own templates and e-GP exports alike. */
const SYNONYMS: Record<Field, string[]> = {
  projectNo: ['เลขที่โครงการ', 'เลขโครงการ', 'รหัสโครงการ', 'project_id', 'projectno', 'project id'],
  titleTh: ['งานที่จัดซื้อหรือจัดจ้าง', 'งานที่จัดซื้อจัดจ้าง', 'ชื่อโครงการ', 'โครงการ', 'project_name', 'รายการ'],
  procType: ['ประเภท', 'ประเภทการจัดหา', 'ประเภทโครงการ', 'project_type_name'],
  method: ['วิธีซื้อหรือจ้าง', 'วิธีการจัดซื้อจัดจ้าง', 'วิธีจัดหา', 'วิธีการจัดหา', 'purchase_method_name'],
  budget: ['วงเงินที่จัดซื้อหรือจัดจ้าง', 'วงเงินงบประมาณ', 'งบประมาณ', 'วงเงิน', 'project_money'],
  referencePrice: ['ราคากลาง', 'price_build'],
  bidders: ['รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'ผู้เสนอราคาและราคาที่เสนอ', 'ผู้เสนอราคา', 'bidders'],
  winner: ['ผู้ได้รับการคัดเลือก', 'ผู้ได้รับคัดเลือก', 'ผู้ชนะ', 'ผู้ขาย/ผู้รับจ้าง', 'ผู้รับจ้าง', 'winner'],
  agreedPrice: ['ราคาที่ตกลงซื้อหรือจ้าง', 'ราคาที่ตกลง', 'ราคาตามสัญญา', 'price_agree', 'sum_price_agree'],
  reason: ['เหตุผลที่คัดเลือกโดยสังเขป', 'เหตุผลที่คัดเลือก', 'เหตุผล'],
  contractNo: ['เลขที่สัญญา', 'เลขที่สัญญาหรือข้อตกลง', 'contract_no'],
  contractDate: ['วันที่สัญญา', 'วันที่ลงนามสัญญา', 'วันที่ทำสัญญา', 'contract_date'],
  announcedOn: ['วันที่ประกาศ', 'วันที่ประกาศผู้ชนะ', 'announce_date', 'transaction_date'],
};

export const normHeader = (h: GridCell): string =>
  String(h ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The key a header layout is remembered by. */
export const headersKey = (headers: string[]): string => headers.map(normHeader).join('|');

/** A mapping: field → 0-based column index. */
export type ColumnMap = Partial<Record<Field, number>>;

/** Recognises columns by their headers; unrecognised fields stay unmapped. */
export function autoMap(headers: GridCell[]): ColumnMap {
  const norm = headers.map(normHeader);
  const map: ColumnMap = {};
  const taken = new Set<number>();
  for (const field of FIELDS) {
    for (const word of SYNONYMS[field]) {
      const i = norm.findIndex((h, idx) => !taken.has(idx) && h === word.toLowerCase());
      if (i !== -1) {
        map[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  return map;
}

/** Fields required but not mapped (Thai messages name them). */
export function missingFields(map: ColumnMap): Field[] {
  return REQUIRED_FIELDS.filter((f) => map[f] === undefined);
}

const text = (c: GridCell | undefined): string => (c === null || c === undefined ? '' : String(c).replace(/\s+/g, ' ').trim());

/** A money amount: "1,234.50", "๑,๒๓๔", "1234 บาท"; undefined when not a number. */
export function parseMoney(raw: GridCell | undefined): number | null | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? Math.round(raw * 100) / 100 : undefined;
  const s = toArabicDigits(text(raw)).replace(/บาท|,|\s/g, '');
  if (!s || s === '-') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Number(s);
}

const THAI_MONTH_WORDS: [RegExp, number][] = [
  [/^(ม\.?ค\.?|มกราคม)$/, 1], [/^(ก\.?พ\.?|กุมภาพันธ์)$/, 2], [/^(มี\.?ค\.?|มีนาคม)$/, 3], [/^(เม\.?ย\.?|เมษายน)$/, 4],
  [/^(พ\.?ค\.?|พฤษภาคม)$/, 5], [/^(มิ\.?ย\.?|มิถุนายน)$/, 6], [/^(ก\.?ค\.?|กรกฎาคม)$/, 7], [/^(ส\.?ค\.?|สิงหาคม)$/, 8],
  [/^(ก\.?ย\.?|กันยายน)$/, 9], [/^(ต\.?ค\.?|ตุลาคม)$/, 10], [/^(พ\.?ย\.?|พฤศจิกายน)$/, 11], [/^(ธ\.?ค\.?|ธันวาคม)$/, 12],
];

function validDate(y: number, m: number, d: number): string | undefined {
  // Years written in B.E. (as Thai documents do) become C.E.
  const ce = y > 2400 ? y - 543 : y;
  if (ce < 1990 || ce > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const iso = `${ce}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return dt.getUTCDate() === d ? iso : undefined;
}

/**
 * A date as people and e-GP write it: 2026-01-15, 15/01/2569, 15/1/2026, "15 ม.ค. 2569",
 * Thai digits, or an Excel serial day number. null when empty, undefined when unreadable.
 */
export function parseDate(raw: GridCell | undefined): string | null | undefined {
  if (typeof raw === 'number') {
    if (raw < 20000 || raw > 80000) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + Math.round(raw) * 86400_000).toISOString().slice(0, 10);
  }
  const s = toArabicDigits(text(raw));
  if (!s || s === '-') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$/.exec(s);
  if (m) {
    const month = THAI_MONTH_WORDS.find(([re]) => re.test(m![2]!))?.[1];
    return month ? validDate(Number(m[3]), month, Number(m[1])) : undefined;
  }
  return undefined;
}

/**
 * Bidders written in one cell: "ร้าน ก (10,000); ร้าน ข (12,500.50)" or one per line,
 * "ร้าน ก 10,000 บาท". A name without a price is kept with price null.
 */
export function parseBidders(raw: GridCell | undefined): Bidder[] | undefined {
  const s = String(raw ?? '').trim();
  if (!s || s === '-') return [];
  const parts = s.split(/\s*(?:;|\n|\r|\|)\s*/).filter(Boolean);
  const out: Bidder[] = [];
  for (const p of parts) {
    const m = /^(.*?)[\s(（:]*([0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]{1,2})?)\s*(?:บาท)?\s*[)）]?\s*$/.exec(p);
    if (m && m[1]!.trim()) {
      const price = parseMoney(m[2]!);
      if (price === undefined) return undefined;
      out.push({ name: m[1]!.replace(/[\s(（:-]+$/, '').trim(), price });
    } else out.push({ name: p.trim(), price: null });
  }
  return out;
}

export type ParseOutcome = { ok: true; contracts: Contract[] } | { ok: false; errors: FieldError[] };

/**
 * Validates every data row (the header is the first non-empty row) against `fiscalYear`. A row
 * that is entirely empty is skipped; a project number used twice in the file is an error.
 */
export function parseContractRows(grid: GridRow[], map: ColumnMap, fiscalYear: number): ParseOutcome {
  const nonEmpty = grid.filter((r) => r.cells.some((c) => text(c) !== ''));
  const [header, ...rows] = nonEmpty;
  const errors: FieldError[] = [];
  if (!header) return { ok: false, errors: [{ field: '', message: 'ไฟล์ไม่มีข้อมูล' }] };
  const label = (f: Field) => {
    const i = map[f];
    return i !== undefined && text(header.cells[i]) ? text(header.cells[i]) : FIELD_LABELS[f];
  };
  for (const f of missingFields(map)) errors.push({ row: header.row, field: FIELD_LABELS[f], message: `ไม่พบคอลัมน์ "${FIELD_LABELS[f]}" กรุณาเลือกคอลัมน์ที่ตรงกัน` });
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ row: header.row, field: '', message: 'ไฟล์มีแต่หัวตาราง ไม่มีรายการจัดซื้อจัดจ้าง' }] };
  const range = { from: `${fiscalYear - 544}-10-01`, to: `${fiscalYear - 543}-09-30` };
  const seen = new Map<string, number>();
  const contracts: Contract[] = [];
  for (const r of rows) {
    const cell = (f: Field) => (map[f] === undefined ? null : (r.cells[map[f]!] ?? null));
    const err = (f: Field, message: string) => errors.push({ row: r.row, field: label(f), message });
    const projectNo = toArabicDigits(text(cell('projectNo')));
    if (!projectNo) err('projectNo', 'กรุณาระบุเลขที่โครงการ');
    else if (seen.has(projectNo)) err('projectNo', `เลขที่โครงการ ${projectNo} ซ้ำกับแถวที่ ${seen.get(projectNo)}`);
    else seen.set(projectNo, r.row);
    const titleTh = text(cell('titleTh'));
    if (!titleTh) err('titleTh', 'กรุณาระบุงานที่จัดซื้อหรือจัดจ้าง');
    const method = text(cell('method'));
    if (!method) err('method', 'กรุณาระบุวิธีซื้อหรือจ้าง');
    const winner = text(cell('winner'));
    if (!winner) err('winner', 'กรุณาระบุผู้ได้รับการคัดเลือก');
    const money = (f: Field, required: boolean): number | null => {
      const v = parseMoney(cell(f));
      if (v === undefined) {
        err(f, `"${text(cell(f))}" ไม่ใช่จำนวนเงิน (เช่น 12,500.00)`);
        return null;
      }
      if (v === null && required) err(f, `กรุณาระบุ${FIELD_LABELS[f]}`);
      return v;
    };
    const budget = money('budget', false);
    const referencePrice = money('referencePrice', false);
    const agreedPrice = money('agreedPrice', true);
    if (agreedPrice !== null && budget !== null && agreedPrice > budget) err('agreedPrice', `ราคาที่ตกลง (${agreedPrice.toLocaleString('en-US')}) สูงกว่าวงเงินงบประมาณ (${budget.toLocaleString('en-US')})`);
    const date = (f: Field): string | null => {
      const v = parseDate(cell(f));
      if (v === undefined) {
        err(f, `"${text(cell(f))}" ไม่ใช่วันที่ (เช่น 15/01/2569 หรือ 2026-01-15)`);
        return null;
      }
      return v;
    };
    const contractDate = date('contractDate');
    const announcedOn = date('announcedOn');
    const procuredOn = contractDate ?? announcedOn;
    if (!procuredOn && !errors.some((e) => e.row === r.row && (e.field === label('contractDate') || e.field === label('announcedOn')))) {
      err(map.contractDate !== undefined ? 'contractDate' : 'announcedOn', 'กรุณาระบุวันที่สัญญา (หรือวันที่ประกาศ) เพื่อจัดเข้าเดือน');
    } else if (procuredOn && (procuredOn < range.from || procuredOn > range.to)) {
      err(contractDate ? 'contractDate' : 'announcedOn', `วันที่ไม่อยู่ในปีงบประมาณ ${fiscalYear} (ปีงบประมาณ ${fiscalYearOf(procuredOn)})`);
    }
    const bidders = parseBidders(cell('bidders'));
    if (bidders === undefined) err('bidders', 'อ่านรายชื่อผู้เสนอราคาไม่ได้ เขียนเป็น "ชื่อ (ราคา); ชื่อ (ราคา)"');
    if (errors.some((e) => e.row === r.row)) continue;
    contracts.push({
      projectNo,
      titleTh,
      procType: text(cell('procType')),
      method,
      budget,
      referencePrice,
      bidders: bidders!.length ? bidders! : [{ name: winner, price: agreedPrice }],
      winner,
      agreedPrice,
      reason: text(cell('reason')),
      contractNo: text(cell('contractNo')),
      contractDate,
      procuredOn: procuredOn!,
      sources: ['file'],
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, contracts };
}
