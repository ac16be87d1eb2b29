/**
 * Reading the register's inputs and rows: a CSV or XLSX file as a grid (a file that cannot be read
 * is one Thai error), a column mapping from a form or the CLI, and contract rows ⇄ domain contracts.
 */
import { validationError } from '../../shared/errors.js';
import { assertZipWithinLimits } from '../../shared/zip-limits.js';
import { parseCsv, readXlsxSheet } from '../ita-results/index.js';
import type { ContractRow } from './tables.js';
import type { Contract } from './domain/types.js';
import { FIELDS, type ColumnMap, type GridRow } from './domain/import-table.js';

export const IMPORT_REJECTED = 'ไฟล์มีข้อผิดพลาด จึงไม่ได้นำเข้าข้อมูลใดเลย กรุณาแก้ไขตามรายการแล้วนำเข้าอีกครั้ง';

export const parseJson = <T>(s: string | null | undefined, fallback: T): T => {
  try {
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
};
export const num = (v: number | string | null): number | null => (v === null || v === undefined ? null : Number(v));

export function toContract(r: ContractRow): Contract {
  return {
    projectNo: r.project_no,
    titleTh: r.title_th,
    procType: r.proc_type,
    method: r.method,
    budget: num(r.budget),
    referencePrice: num(r.reference_price),
    bidders: parseJson(r.bidders, []),
    winner: r.winner,
    agreedPrice: num(r.agreed_price),
    reason: r.reason,
    contractNo: r.contract_no,
    contractDate: r.contract_date ? String(r.contract_date).slice(0, 10) : null,
    procuredOn: String(r.procured_on).slice(0, 10),
    sources: parseJson(r.sources, []),
  };
}

export function toFields(c: Contract) {
  return {
    title_th: c.titleTh,
    proc_type: c.procType,
    method: c.method,
    budget: c.budget,
    reference_price: c.referencePrice,
    bidders: JSON.stringify(c.bidders),
    winner: c.winner,
    agreed_price: c.agreedPrice,
    reason: c.reason,
    contract_no: c.contractNo,
    contract_date: c.contractDate,
    procured_on: c.procuredOn,
    sources: JSON.stringify(c.sources),
  };
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
export const fileError = (message: string) => validationError(IMPORT_REJECTED, [{ field: 'file', message }]);

/** A CSV or XLSX file as rows of cells; a file that cannot be read is one Thai error. */
export async function readGrid(bytes: Uint8Array, filename: string): Promise<GridRow[]> {
  if (bytes.length === 0) throw fileError('ไฟล์ว่างเปล่า');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw fileError('ไฟล์ .xls (Excel รุ่นเก่า) ไม่รองรับ โปรดบันทึกเป็น .xlsx หรือ CSV UTF-8');
  if (isZip(bytes) || /\.xlsx$/i.test(filename)) {
    if (!isZip(bytes)) throw fileError('ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย');
    // Zip bombs: the central directory must declare sane sizes before anything is inflated.
    assertZipWithinLimits(bytes, 'file', { maxInflatedBytes: 100 * 1024 * 1024 });
    let sheet;
    try {
      sheet = await readXlsxSheet(bytes, (names) => (names.length ? 0 : -1));
    } catch {
      sheet = undefined;
    }
    if (!sheet) throw fileError('เปิดไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย โปรดบันทึกใหม่เป็น .xlsx แล้วนำเข้าอีกครั้ง');
    return sheet.rows;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError('อ่านไฟล์ CSV ไม่ได้ ไฟล์ต้องเข้ารหัส UTF-8 (ใน Excel เลือกบันทึกเป็น "CSV UTF-8")');
  }
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) throw fileError('ไฟล์ CSV เสียหายหรือไม่ใช่ไฟล์ข้อความ');
  const parsed = parseCsv(text);
  if (!parsed.ok) throw validationError(IMPORT_REJECTED, [{ row: parsed.line, field: 'file', message: parsed.message }]);
  return parsed.records.map((r) => ({ row: r.line, cells: r.fields }));
}

/** A mapping from a form or the CLI: field → column header text or 1-based column number. */
export function mappingFrom(headers: string[], raw: Record<string, string | undefined>): ColumnMap {
  const map: ColumnMap = {};
  for (const f of FIELDS) {
    const v = raw[f]?.trim();
    if (!v) continue;
    const byName = headers.findIndex((h) => h.trim() === v);
    const i = byName !== -1 ? byName : /^\d+$/.test(v) ? Number(v) - 1 : -1;
    if (i >= 0 && i < headers.length) map[f] = i;
  }
  return map;
}
