/**
 * The ITAS export: one row per catalogue item, code → public URL, with a one-line evidence
 * summary, ready to paste into ITAS. Headers read "ชื่อไทย (key)" as in the catalogue workbook.
 */
import { STATUS_LABELS, type OitStatus } from './checks.js';

export interface ItasRow {
  code: string;
  titleTh: string;
  url: string;
  status: OitStatus;
  evidence: string;
}

export const ITAS_COLUMNS: { key: keyof ItasRow; label: string; width: number }[] = [
  { key: 'code', label: 'ข้อ (code)', width: 8 },
  { key: 'titleTh', label: 'รายการ (title)', width: 60 },
  { key: 'url', label: 'ลิงก์สาธารณะ (url)', width: 60 },
  { key: 'status', label: 'สถานะ (status)', width: 16 },
  { key: 'evidence', label: 'สรุปหลักฐาน (evidence)', width: 80 },
];

export const itasCell = (row: ItasRow, key: keyof ItasRow): string => (key === 'status' ? STATUS_LABELS[row.status].th : row[key]);

const quote = (s: string) => (/[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV with a UTF-8 BOM (so Excel reads Thai) and CRLF; cells that look like formulas are defused. */
export function itasCsv(rows: ItasRow[]): string {
  const lines = [ITAS_COLUMNS.map((c) => quote(c.label)).join(',')];
  for (const r of rows) lines.push(ITAS_COLUMNS.map((c) => quote(itasCell(r, c.key))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
