/**
 * The improvement plan as an Excel workbook, for officers who prefer to edit offline, and back.
 *
 * Workbook layout:
 * - "แผนปรับปรุง": one plan row per sheet row; steps and monitoring one per line inside the cell;
 *   the responsible unit has a dropdown of the agency's units (from the hidden sheet "หน่วยงาน").
 * - "มาตรการขับเคลื่อน": the driving measures.
 *
 * Dates are written as Thai B.E. text, e.g. "30 เม.ย. 2566", in a text-formatted cell. Why not
 * ISO or real Excel dates: officers read and type B.E.; Excel never turns Thai month text into a
 * date serial, so the value survives editing in Excel, LibreOffice or Google Sheets unchanged; and
 * a real date typed in a Thai-locale Excel ("30/4/2566") is stored as year 2566 C.E., which only a
 * tolerant reader can repair anyway. So the reader accepts that text form (short or full month
 * names, Thai or Arabic digits), ISO C.E. `2023-04-30`, `d/m/yyyy` with a B.E. or C.E. year
 * (a year ≥ 2400 is B.E.), and real Excel dates (again B.E. when the year is ≥ 2400). Anything
 * else is reported, never guessed.
 *
 * Errors name the sheet row as Excel shows it (the header is row 1) and the column header.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../../shared/lazy-libraries.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, THAI_MONTHS, THAI_MONTHS_SHORT, toArabicDigits, toGregorianYear } from '../../../shared/thai.js';
import type { DrivingMeasure, ImprovementPlan, PlanRow, PlanRowSource } from './types.js';
import { isIsoDate, validatePlanRow } from './plan-validation.js';
import { assertZipWithinLimits } from '../../../shared/zip-limits.js';

export const PLAN_SHEET = 'แผนปรับปรุง';
export const MEASURES_SHEET = 'มาตรการขับเคลื่อน';
export const UNITS_SHEET = 'หน่วยงาน';

export const PLAN_HEADERS = {
  id: 'id',
  order: 'ลำดับ',
  weaknessTh: 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
  steps: 'ขั้นตอนหรือวิธีการ/มาตรการ',
  responsibleUnit: 'ผู้รับผิดชอบ',
  monitoring: 'การรายงานผลและการกำกับติดตาม',
  sixMonthDue: 'กำหนดรายงาน 6 เดือน',
  twelveMonthDue: 'กำหนดรายงาน 12 เดือน',
  source: 'ที่มา',
} as const;
type PlanColumn = keyof typeof PLAN_HEADERS;
const PLAN_COLUMNS = Object.keys(PLAN_HEADERS) as PlanColumn[];
const REQUIRED_COLUMNS: PlanColumn[] = ['weaknessTh', 'steps', 'responsibleUnit', 'monitoring', 'sixMonthDue', 'twelveMonthDue'];

export const MEASURE_HEADERS = { order: 'ลำดับ', titleTh: 'มาตรการ', detailTh: 'รายละเอียด' } as const;
type MeasureColumn = keyof typeof MEASURE_HEADERS;

/** Spare rows below the plan that still carry the unit dropdown, for rows officers add. */
const SPARE_ROWS = 100;
const KEYWORDS_PREFIX = 'prongsai-plan';

const MESSAGES = {
  unreadable: 'ไม่สามารถอ่านไฟล์ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel (.xlsx)',
  missingSheet: (name: string) => `ไม่พบแผ่นงาน "${name}" ในไฟล์`,
  missingColumn: (header: string) => `ไม่พบคอลัมน์ "${header}" ในแถวหัวตาราง`,
  wrongYear: (fileYear: number, targetYear: number) =>
    `ไฟล์นี้เป็นแผนของปีงบประมาณ พ.ศ. ${fileYear} แต่กำลังนำเข้าแผนของปีงบประมาณ พ.ศ. ${targetYear}`,
  badDate: 'วันที่ไม่ถูกต้อง ใช้รูปแบบ 30 เม.ย. 2566 (พ.ศ.) หรือ 2023-04-30 (ค.ศ.)',
  badOrder: 'ลำดับต้องเป็นจำนวนเต็มบวก',
  badSource: 'ที่มาไม่ถูกต้อง ต้องเป็น question:I28, oit:O11, indicator:5 หรือ manual',
  duplicateId: (id: string) => `รหัสแถว ${id} ซ้ำกับแถวก่อนหน้า`,
  measureTitle: 'ต้องระบุชื่อมาตรการ',
} as const;

// ---------------------------------------------------------------------------------------------
// Writing

/** Builds the workbook. `units` feeds the dropdown of the responsible-unit column. */
export async function planToXlsx(plan: ImprovementPlan, units: string[]): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Prongsai';
  wb.title = `แผนการนำผลการประเมิน ITA ไปปรับปรุง ปีงบประมาณ พ.ศ. ${plan.targetYear}`;
  wb.subject = wb.title;
  // Lets the reader refuse last year's file uploaded for this year.
  wb.keywords = `${KEYWORDS_PREFIX};targetYear=${plan.targetYear};resultsYear=${plan.resultsYear}`;

  const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<PlanColumn, number> = {
    id: 14, order: 7, weaknessTh: 45, steps: 60, responsibleUnit: 20, monitoring: 60, sixMonthDue: 18, twelveMonthDue: 18, source: 16,
  };
  ws.columns = PLAN_COLUMNS.map((key) => ({ key, header: PLAN_HEADERS[key], width: widths[key] }));
  styleHeader(ws.getRow(1));
  ws.getColumn('id').font = { color: { argb: 'FF808080' } };
  headerNote(ws, 'id', 'รหัสแถวสำหรับนำเข้ากลับ ห้ามแก้ไข แถวที่เพิ่มใหม่ให้เว้นว่าง');
  headerNote(ws, 'steps', 'หนึ่งขั้นตอนต่อหนึ่งบรรทัด (ขึ้นบรรทัดใหม่ในช่องด้วย Alt+Enter)');
  headerNote(ws, 'monitoring', 'หนึ่งขั้นตอนต่อหนึ่งบรรทัด (ขึ้นบรรทัดใหม่ในช่องด้วย Alt+Enter)');
  headerNote(ws, 'responsibleUnit', 'เลือกจากรายชื่อหน่วยงานภายใน');
  const dateNote = 'วันที่แบบ พ.ศ. เช่น 30 เม.ย. 2566 (รับรูปแบบ ค.ศ. 2023-04-30 ได้ด้วย)';
  headerNote(ws, 'sixMonthDue', dateNote);
  headerNote(ws, 'twelveMonthDue', dateNote);
  headerNote(ws, 'source', 'ที่มาของประเด็น เช่น question:I28 หรือ oit:O11 แถวที่เพิ่มเองใช้ manual');

  for (const row of [...plan.rows].sort((a, b) => a.order - b.order)) {
    const r = ws.addRow({
      id: row.id,
      order: row.order,
      weaknessTh: row.weaknessTh,
      steps: row.steps.join('\n'),
      responsibleUnit: row.responsibleUnit,
      monitoring: row.monitoring.join('\n'),
      sixMonthDue: formatThaiDate(row.sixMonthDue, { style: 'short' }),
      twelveMonthDue: formatThaiDate(row.twelveMonthDue, { style: 'short' }),
      source: formatSource(row.source),
    });
    r.alignment = { vertical: 'top', wrapText: true };
  }
  // Text format keeps Excel from reinterpreting what officers type in the date cells.
  for (const key of ['sixMonthDue', 'twelveMonthDue'] as const) ws.getColumn(key).numFmt = '@';

  const unitsSheet = wb.addWorksheet(UNITS_SHEET);
  units.forEach((u, i) => (unitsSheet.getCell(i + 1, 1).value = u));
  unitsSheet.state = 'hidden';
  if (units.length > 0) {
    const unitCol = PLAN_COLUMNS.indexOf('responsibleUnit') + 1;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: false,
      // A range on a sheet, not an inline list: unit names may contain commas, and inline lists stop at 255 characters.
      formulae: [`'${UNITS_SHEET}'!$A$1:$A$${units.length}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'ผู้รับผิดชอบไม่ถูกต้อง',
      error: 'กรุณาเลือกหน่วยงานจากรายการ',
    };
    for (let r = 2; r <= plan.rows.length + 1 + SPARE_ROWS; r++) ws.getCell(r, unitCol).dataValidation = validation;
  }

  const ms = wb.addWorksheet(MEASURES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ms.columns = [
    { key: 'order', header: MEASURE_HEADERS.order, width: 7 },
    { key: 'titleTh', header: MEASURE_HEADERS.titleTh, width: 45 },
    { key: 'detailTh', header: MEASURE_HEADERS.detailTh, width: 90 },
  ];
  styleHeader(ms.getRow(1));
  for (const m of [...plan.drivingMeasures].sort((a, b) => a.order - b.order)) {
    ms.addRow({ order: m.order, titleTh: m.titleTh, detailTh: m.detailTh }).alignment = { vertical: 'top', wrapText: true };
  }

  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
}

function headerNote(ws: ExcelJS.Worksheet, key: PlanColumn, text: string): void {
  ws.getCell(1, PLAN_COLUMNS.indexOf(key) + 1).note = text;
}

export function formatSource(source: PlanRowSource): string {
  return source.kind === 'manual' ? 'manual' : `${source.kind}:${source.code}`;
}

export function parseSource(text: string): PlanRowSource | null {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'manual') return { kind: 'manual' };
  const m = /^(question|oit|indicator)\s*:\s*(\S+)$/i.exec(t);
  if (!m) return null;
  const kind = m[1]!.toLowerCase() as 'question' | 'oit' | 'indicator';
  const code = m[2]!.toUpperCase();
  const valid = kind === 'question' ? /^[IE]\d+$/.test(code) : kind === 'oit' ? /^O\d+$/.test(code) : /^\d+$/.test(code);
  return valid ? { kind, code } : null;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type PlanImport = { ok: true; plan: ImprovementPlan } | { ok: false; errors: FieldError[] };

export interface PlanFromXlsxOptions {
  /** Id for rows added in the file without one; random UUIDs by default. */
  idFactory?: () => string;
}

/**
 * Reads a workbook made by `planToXlsx` (and edited by an officer). Never throws: a broken file is
 * an error in Thai. Rows are sorted by ลำดับ and renumbered 1…n; blank rows are skipped.
 */
export async function planFromXlsx(
  buf: Buffer | Uint8Array,
  units: string[],
  targetYear: number,
  opts: PlanFromXlsxOptions = {},
): Promise<PlanImport> {
  const wb = await newWorkbook();
  try {
    await assertZipWithinLimits(buf);
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ field: '', message: MESSAGES.unreadable }] };
  }
  const errors: FieldError[] = [];

  const fileYear = /targetYear=(\d{4})/.exec(wb.keywords ?? '');
  if (fileYear && (wb.keywords ?? '').startsWith(KEYWORDS_PREFIX) && Number(fileYear[1]) !== targetYear) {
    return { ok: false, errors: [{ field: '', message: MESSAGES.wrongYear(Number(fileYear[1]), targetYear) }] };
  }

  const ws = wb.getWorksheet(PLAN_SHEET);
  const ms = wb.getWorksheet(MEASURES_SHEET);
  if (!ws) errors.push({ field: '', message: MESSAGES.missingSheet(PLAN_SHEET) });
  if (!ms) errors.push({ field: '', message: MESSAGES.missingSheet(MEASURES_SHEET) });
  if (!ws || !ms) return { ok: false, errors };

  const rows = readPlanRows(ws, units, targetYear, opts.idFactory ?? (() => globalThis.crypto.randomUUID()), errors);
  const measures = readMeasures(ms, errors);
  if (errors.length > 0) return { ok: false, errors };

  const sorted = rows.sort((a, b) => a.order - b.order).map((r, i) => ({ ...r, order: i + 1 }));
  const sortedMeasures = measures.sort((a, b) => a.order - b.order).map((m, i) => ({ ...m, order: i + 1 }));
  return { ok: true, plan: { resultsYear: targetYear - 1, targetYear, rows: sorted, drivingMeasures: sortedMeasures } };
}

function headerIndex<K extends string>(
  ws: ExcelJS.Worksheet,
  headers: Record<K, string>,
  required: K[],
  errors: FieldError[],
): Partial<Record<K, number>> | null {
  const byText = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => byText.set(normaliseHeader(cellText(cell.value)), col));
  const index: Partial<Record<K, number>> = {};
  for (const key of Object.keys(headers) as K[]) {
    const col = byText.get(normaliseHeader(headers[key]));
    if (col !== undefined) index[key] = col;
    else if (required.includes(key)) errors.push({ row: 1, field: headers[key], message: MESSAGES.missingColumn(headers[key]) });
  }
  return required.every((k) => index[k] !== undefined) ? index : null;
}

function readPlanRows(
  ws: ExcelJS.Worksheet,
  units: string[],
  targetYear: number,
  newId: () => string,
  errors: FieldError[],
): PlanRow[] {
  const index = headerIndex(ws, PLAN_HEADERS, REQUIRED_COLUMNS, errors);
  if (!index) return [];
  const rows: PlanRow[] = [];
  const ids = new Set<string>();
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const value = (key: PlanColumn) => (index[key] === undefined ? null : row.getCell(index[key]!).value);
    const text = (key: PlanColumn) => cellText(value(key)).trim();
    if (PLAN_COLUMNS.filter((k) => k !== 'id' && k !== 'order').every((k) => text(k) === '')) continue;

    const rowErrors: FieldError[] = [];
    const fail = (key: PlanColumn, message: string) => rowErrors.push({ row: n, field: PLAN_HEADERS[key], message });

    let id = text('id');
    if (id === '') id = newId();
    else if (ids.has(id)) fail('id', MESSAGES.duplicateId(id));
    ids.add(id);

    let order = rows.length + 1;
    const orderText = toArabicDigits(text('order'));
    if (orderText !== '') {
      if (/^\d+$/.test(orderText) && Number(orderText) > 0) order = Number(orderText);
      else fail('order', MESSAGES.badOrder);
    }

    const source = parseSource(text('source'));
    if (!source) fail('source', MESSAGES.badSource);

    const dates: Partial<Record<'sixMonthDue' | 'twelveMonthDue', string>> = {};
    for (const key of ['sixMonthDue', 'twelveMonthDue'] as const) {
      const raw = value(key);
      if (cellText(raw).trim() === '') continue; // reported as required by the row validation
      const iso = parseDateCell(raw);
      if (iso) dates[key] = iso;
      else fail(key, MESSAGES.badDate);
    }

    const input = {
      weaknessTh: text('weaknessTh'),
      steps: splitLines(cellText(value('steps'))),
      responsibleUnit: text('responsibleUnit'),
      monitoring: splitLines(cellText(value('monitoring'))),
      sixMonthDue: dates.sixMonthDue,
      twelveMonthDue: dates.twelveMonthDue,
    };
    const checked = validatePlanRow(input, { units, targetYear }, n);
    if (!checked.ok) {
      for (const e of checked.errors) {
        const header = PLAN_HEADERS[e.field as PlanColumn] ?? e.field;
        // A date already reported as unreadable is not reported again as missing.
        if (!rowErrors.some((r) => r.field === header)) rowErrors.push({ ...e, field: header });
      }
    }
    if (rowErrors.length > 0 || !checked.ok || !source) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ id, order, source, ...checked.value });
  }
  return rows;
}

function readMeasures(ws: ExcelJS.Worksheet, errors: FieldError[]): DrivingMeasure[] {
  const index = headerIndex<MeasureColumn>(ws, MEASURE_HEADERS, ['titleTh', 'detailTh'], errors);
  if (!index) return [];
  const measures: DrivingMeasure[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const text = (key: MeasureColumn) => (index[key] === undefined ? '' : cellText(row.getCell(index[key]!).value).trim());
    if (text('titleTh') === '' && text('detailTh') === '') continue;
    if (text('titleTh') === '') {
      errors.push({ row: n, field: MEASURE_HEADERS.titleTh, message: MESSAGES.measureTitle });
      continue;
    }
    const orderText = toArabicDigits(text('order'));
    let order = measures.length + 1;
    if (orderText !== '') {
      if (/^\d+$/.test(orderText) && Number(orderText) > 0) order = Number(orderText);
      else {
        errors.push({ row: n, field: MEASURE_HEADERS.order, message: MESSAGES.badOrder });
        continue;
      }
    }
    measures.push({ order, titleTh: text('titleTh'), detailTh: text('detailTh') });
  }
  return measures;
}

// ---------------------------------------------------------------------------------------------
// Cell values

/** The text a person sees in a cell, for every kind of value ExcelJS returns. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value && 'text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('error' in value) return '';
  }
  return '';
}

function normaliseHeader(s: string): string {
  return toArabicDigits(s).replace(/\s+/g, ' ').trim();
}

/** One entry per non-empty line; a leading bullet an officer typed is dropped. */
function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[•▪]\s*/, '').trim())
    .filter((l) => l !== '');
}

const MONTH_NAMES: Map<string, number> = new Map(
  [...THAI_MONTHS.map((m, i) => [m, i + 1] as const), ...THAI_MONTHS_SHORT.map((m, i) => [m.replace(/\./g, ''), i + 1] as const)],
);

/** A year ≥ 2400 is Buddhist era: no plan date is near 2400 C.E., and none near 1857 B.E. */
const toCeYear = (year: number): number => (year >= 2400 ? toGregorianYear(year) : year);

const isoOf = (year: number, month: number, day: number): string | null => {
  const iso = `${String(toCeYear(year)).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
};

/** Reads a date cell in any form listed in the file header comment; null when unreadable. */
export function parseDateCell(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return null; // a bare serial number is too ambiguous to guess
  const text = toArabicDigits(cellText(value)).replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2}) ?([\u0E00-\u0E7F.]+?) ?(?:พ\.ศ\. ?)?(\d{4})$/.exec(text);
  if (m) {
    const month = MONTH_NAMES.get(m[2]!.replace(/\./g, '').trim());
    if (month && Number(m[3]) >= 2400) return isoOf(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
