/**
 * Projects of a plan or report, entered as lines ("ชื่อ | งบประมาณ | …") or imported from the
 * spreadsheet the agency already keeps (first sheet, a header row, then one project per row).
 * All or nothing: one bad row refuses the whole import with a Thai message naming the row and
 * the column; nothing is stored.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../../shared/lazy-libraries.js';
import type { FieldError } from '../../../shared/errors.js';
import { toArabicDigits } from '../../../shared/thai.js';
import { planProjectSchema, resultProjectSchema, type PlanProject, type ResultProject } from './report-content.js';

export type ProjectsKind = 'plan' | 'result';

/** Column order of a line or a spreadsheet row, with the header names the import recognises. */
export const PROJECT_COLUMNS: Record<ProjectsKind, { key: string; th: string }[]> = {
  plan: [
    { key: 'name', th: 'โครงการ/กิจกรรม' },
    { key: 'budget', th: 'งบประมาณ' },
    { key: 'period', th: 'ระยะเวลาดำเนินการ' },
    { key: 'unit', th: 'หน่วยงานที่รับผิดชอบ' },
  ],
  result: [
    { key: 'name', th: 'โครงการ/กิจกรรม' },
    { key: 'budget', th: 'งบประมาณ' },
    { key: 'spent', th: 'ใช้จ่ายจริง' },
    { key: 'result', th: 'ผลการดำเนินงาน' },
    { key: 'unit', th: 'หน่วยงานที่รับผิดชอบ' },
  ],
};

export type ProjectsResult<T> = { ok: true; projects: T[] } | { ok: false; errors: FieldError[] };

const number = (s: string) => toArabicDigits(s).replace(/[,\s]|บาท/g, '');

/** Validates rows of cells (already split into columns); `rowNo` numbers rows as the officer sees them. */
export function validateProjects(kind: 'plan', rows: { rowNo: number; cells: string[] }[], field: string): ProjectsResult<PlanProject>;
export function validateProjects(kind: 'result', rows: { rowNo: number; cells: string[] }[], field: string): ProjectsResult<ResultProject>;
export function validateProjects(kind: ProjectsKind, rows: { rowNo: number; cells: string[] }[], field: string): ProjectsResult<PlanProject | ResultProject> {
  const cols = PROJECT_COLUMNS[kind];
  const schema = kind === 'plan' ? planProjectSchema : resultProjectSchema;
  const errors: FieldError[] = [];
  const projects: (PlanProject | ResultProject)[] = [];
  if (rows.length === 0) return { ok: false, errors: [{ field, message: 'ยังไม่มีโครงการ/กิจกรรม กรุณาเพิ่มอย่างน้อย ๑ รายการ' }] };
  for (const { rowNo, cells } of rows) {
    const raw = Object.fromEntries(cols.map((c, i) => [c.key, c.key === 'budget' || c.key === 'spent' ? number(cells[i] ?? '') : (cells[i] ?? '').trim()]));
    for (const c of cols) if ((c.key === 'budget' || c.key === 'spent') && raw[c.key] === '') raw[c.key] = 'x';
    const r = schema.safeParse(raw);
    if (r.success) projects.push(r.data);
    else {
      for (const issue of r.error.issues) {
        const col = cols.find((c) => c.key === issue.path[0]);
        errors.push({ field, message: `แถวที่ ${rowNo} ช่อง "${col?.th ?? String(issue.path[0])}": ${issue.message}` });
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, projects };
}

/** Lines typed into the form, columns separated by "|". Empty lines are skipped. */
export function projectRowsFromLines(text: string): { rowNo: number; cells: string[] }[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ rowNo: i + 1, cells: line.split('|').map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

/** The lines form of stored projects (to show them again in the form). */
export function projectsToLines(kind: ProjectsKind, projects: Record<string, unknown>[]): string {
  return projects.map((p) => PROJECT_COLUMNS[kind].map((c) => String(p[c.key] ?? '')).join(' | ')).join('\n');
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return String(v.result ?? '');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
};

/**
 * Rows of the first sheet of an XLSX file: the header row is found by the first column's name
 * ("โครงการ…"), columns are matched by their header text, rows after it are projects.
 */
export async function projectRowsFromXlsx(bytes: Buffer, kind: ProjectsKind): Promise<{ ok: true; rows: { rowNo: number; cells: string[] }[] } | { ok: false; errors: FieldError[] }> {
  const book = await newWorkbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ field: 'file', message: 'อ่านไฟล์ไม่ได้ กรุณาบันทึกเป็นไฟล์ Excel (.xlsx)' }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, errors: [{ field: 'file', message: 'ไฟล์ไม่มีแผ่นงาน' }] };
  const cols = PROJECT_COLUMNS[kind];
  let headerRow = 0;
  const index: number[] = [];
  sheet.eachRow((row, rowNo) => {
    if (headerRow) return;
    const texts = Array.from(row.values as ExcelJS.CellValue[], (v) => cellText(v).replace(/\s+/g, ''));
    if (!texts.some((t) => t.startsWith('โครงการ'))) return;
    headerRow = rowNo;
    for (const c of cols) index.push(texts.findIndex((t) => t.startsWith(c.th.replace(/\s+/g, '').split('/')[0]!)));
  });
  if (!headerRow) return { ok: false, errors: [{ field: 'file', message: `ไม่พบแถวหัวตาราง กรุณาให้มีหัวคอลัมน์ ${cols.map((c) => `"${c.th}"`).join(' ')}` }] };
  const missing = cols.filter((c, i) => index[i]! < 0 && c.key !== 'unit');
  if (missing.length) return { ok: false, errors: [{ field: 'file', message: `ไม่พบคอลัมน์ ${missing.map((c) => `"${c.th}"`).join(' ')} ในแถวหัวตาราง (แถวที่ ${headerRow})` }] };
  const rows: { rowNo: number; cells: string[] }[] = [];
  sheet.eachRow((row, rowNo) => {
    if (rowNo <= headerRow) return;
    const values = row.values as ExcelJS.CellValue[];
    const cells = index.map((i) => (i >= 0 ? cellText(values[i]) : ''));
    if (cells.some((c) => c.trim() !== '')) rows.push({ rowNo, cells });
  });
  return { ok: true, rows };
}
