/**
 * The catalogue as a workbook an officer can open, correct and upload again.
 *
 * One sheet per kind of record, one row per record, and a header row whose cells read
 * "ชื่อไทย (key)": the Thai label is for people, the key in brackets is what the reader
 * matches, so columns may be reordered or widened without breaking the import. Lists nested
 * in the JSON (sub-indicators, OIT elements) get their own sheet with a column naming the
 * parent; the row order is the order in the catalogue.
 *
 * Reading never throws: a file that is not a workbook, a missing sheet or column, or a value
 * the schema rejects all come back as Thai field errors naming the sheet, the column and the
 * spreadsheet row (as Excel numbers it, the header being row 1).
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../../shared/lazy-libraries.js';
import type { Catalogue } from './schema.js';
import type { FieldError } from '../../../shared/errors.js';
import { toArabicDigits } from '../../../shared/thai.js';
import { parseCatalogue, type CatalogueResult } from './validate.js';
import { assertZipWithinLimits } from '../../../shared/zip-limits.js';

export const SHEET = {
  year: 'ปีงบประมาณ',
  tools: 'เครื่องมือ',
  rating: 'ระดับผลการประเมิน',
  indicators: 'ตัวชี้วัด',
  subIndicators: 'ตัวชี้วัดย่อย',
  questions: 'คำถาม',
  oitItems: 'รายการ OIT',
  elements: 'องค์ประกอบ OIT',
  calendar: 'ปฏิทิน',
} as const;

type CellKind = 'string' | 'number' | 'boolean' | 'list' | 'date';
interface Column {
  key: string;
  label: string;
  kind: CellKind;
  /** The import stops with one error when a required column is missing, instead of one per row. */
  required?: boolean;
  width?: number;
}

const col = (key: string, label: string, kind: CellKind, width = 14, required = false): Column => ({ key, label, kind, width, required });
const provenanceCols = [col('verified', 'ยืนยันแล้ว', 'boolean', 12), col('note', 'หมายเหตุ', 'string', 50)];

const TOOL_COLS: Column[] = [
  col('code', 'รหัส', 'string', 10, true),
  col('nameTh', 'ชื่อภาษาไทย', 'string', 45),
  col('nameEn', 'ชื่อภาษาอังกฤษ', 'string', 45),
  col('weight', 'น้ำหนักร้อยละ', 'number', 14, true),
  ...provenanceCols,
];
const INDICATOR_COLS: Column[] = [
  col('no', 'ลำดับ', 'number', 8, true),
  col('tool', 'เครื่องมือ', 'string', 10, true),
  col('nameTh', 'ชื่อภาษาไทย', 'string', 30),
  col('nameEn', 'ชื่อภาษาอังกฤษ', 'string', 30),
  col('descriptionTh', 'คำอธิบาย', 'string', 80),
  ...provenanceCols,
];
const SUB_INDICATOR_COLS: Column[] = [
  col('indicator', 'ตัวชี้วัด', 'number', 10, true),
  col('code', 'รหัส', 'string', 10, true),
  col('nameTh', 'ชื่อ', 'string', 40),
  ...provenanceCols,
];
const QUESTION_COLS: Column[] = [
  col('code', 'รหัส', 'string', 8, true),
  col('tool', 'เครื่องมือ', 'string', 10, true),
  col('indicator', 'ตัวชี้วัด', 'number', 10, true),
  col('textTh', 'ข้อคำถาม', 'string', 70),
  col('recommendationTh', 'แนวทางพัฒนา', 'string', 70),
  ...provenanceCols,
];
const OIT_ITEM_COLS: Column[] = [
  col('code', 'รหัส', 'string', 8, true),
  col('role', 'บทบาท', 'string', 22),
  col('mergedRoles', 'บทบาทที่รวมเข้ามา', 'list', 22),
  col('indicator', 'ตัวชี้วัด', 'number', 10, true),
  col('subIndicator', 'ตัวชี้วัดย่อย', 'string', 12, true),
  col('groupTh', 'กลุ่ม', 'string', 30),
  col('titleTh', 'ชื่อรายการ', 'string', 45),
  col('period', 'ช่วงเวลาของหลักฐาน', 'string', 16),
  col('recommendationTh', 'ข้อเสนอแนะ', 'string', 70),
  col('confidence', 'ความเชื่อมั่น', 'string', 12),
  ...provenanceCols,
];
const ELEMENT_COLS: Column[] = [
  col('item', 'รหัสรายการ', 'string', 10, true),
  col('key', 'รหัสองค์ประกอบ', 'string', 22, true),
  col('textTh', 'องค์ประกอบ', 'string', 70),
  col('checks', 'การตรวจอัตโนมัติ', 'list', 30),
  ...provenanceCols,
];
const CALENDAR_COLS: Column[] = [
  col('key', 'รหัสขั้นตอน', 'string', 20, true),
  col('labelTh', 'ขั้นตอน', 'string', 40),
  col('from', 'วันเริ่มต้น ค.ศ.', 'date', 14),
  col('to', 'วันสิ้นสุด ค.ศ.', 'date', 14),
  ...provenanceCols,
];
const BAND_COLS: Column[] = [
  col('code', 'รหัส', 'string', 14, true),
  col('labelTh', 'ชื่อระดับ', 'string', 30),
  col('min', 'คะแนนต่ำสุด', 'number', 14, true),
  ...provenanceCols,
];
const LABEL_RULE_COLS: Column[] = [
  col('code', 'รหัส', 'string', 14, true),
  col('labelTh', 'ชื่อระดับ', 'string', 30),
  col('minTotal', 'คะแนนรวมต่ำสุด', 'number', 16, true),
  col('minEachTool', 'คะแนนต่ำสุดทุกเครื่องมือ', 'number', 22),
  ...provenanceCols,
];
const YEAR_COLS: Column[] = [
  col('key', 'ช่อง', 'string', 20, true),
  col('value', 'ค่า', 'string', 80, true),
  col('help', 'คำอธิบาย', 'string', 60),
];

/** Rows of the year sheet, in order, with the kind of their value and a hint for the editor. */
const YEAR_FIELDS: { key: string; kind: CellKind; help: string }[] = [
  { key: 'fiscalYear', kind: 'number', help: 'ปีงบประมาณ พ.ศ. เช่น 2565' },
  { key: 'version', kind: 'string', help: 'รุ่นของแคตตาล็อก เพิ่มทุกครั้งที่แก้ไข เช่น 2565.1 เป็น 2565.2' },
  { key: 'status', kind: 'string', help: 'complete = ครบถ้วน, partial = บางส่วน, provisional = ชั่วคราว (ยังไม่ใช่รายการทางการ)' },
  { key: 'passMark', kind: 'number', help: 'คะแนนผ่านเกณฑ์' },
  { key: 'strengthThreshold', kind: 'number', help: 'ตัวชี้วัดที่ได้คะแนนตั้งแต่ค่านี้รายงานเป็นจุดแข็ง' },
  { key: 'summaryTh', kind: 'string', help: 'สรุปภาพรวมของปี' },
  { key: 'ratingKind', kind: 'string', help: 'bands = ระดับตามช่วงคะแนน (AA–F), labels = ระดับผ่านดีเยี่ยมถึงต้องปรับปรุงโดยด่วน' },
];
const SOURCE_KEY = 'source';
const SOURCE_HELP = 'แหล่งอ้างอิง หนึ่งแถวต่อหนึ่งแหล่ง';

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a catalogue as a workbook. `catalogueFromXlsx(await catalogueToXlsx(c))` gives back `c`.
 */
export async function catalogueToXlsx(c: Catalogue): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Prongsai';

  const yearRows: Record<string, unknown>[] = [
    ...YEAR_FIELDS.map((f) => ({
      key: f.key,
      value: f.key === 'ratingKind' ? c.rating.kind : (c as unknown as Record<string, unknown>)[f.key],
      help: f.help,
    })),
    ...c.sources.map((s) => ({ key: SOURCE_KEY, value: s, help: SOURCE_HELP })),
  ];
  addTable(wb, SHEET.year, YEAR_COLS, yearRows);
  addTable(wb, SHEET.tools, TOOL_COLS, c.tools);
  if (c.rating.kind === 'bands') addTable(wb, SHEET.rating, BAND_COLS, c.rating.bands);
  else addTable(wb, SHEET.rating, LABEL_RULE_COLS, c.rating.rules);
  addTable(wb, SHEET.indicators, INDICATOR_COLS, c.indicators);
  addTable(
    wb,
    SHEET.subIndicators,
    SUB_INDICATOR_COLS,
    c.indicators.flatMap((ind) => ind.subIndicators.map((s) => ({ indicator: ind.no, ...s }))),
  );
  addTable(wb, SHEET.questions, QUESTION_COLS, c.questions);
  addTable(wb, SHEET.oitItems, OIT_ITEM_COLS, c.oitItems);
  addTable(
    wb,
    SHEET.elements,
    ELEMENT_COLS,
    c.oitItems.flatMap((item) => item.elements.map((e) => ({ item: item.code, ...e }))),
  );
  addTable(wb, SHEET.calendar, CALENDAR_COLS, c.calendar);

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function addTable(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: readonly object[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: `${c.label} (${c.key})`, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    const values: Record<string, ExcelJS.CellValue> = {};
    for (const c of columns) {
      const v = rec[c.key];
      if (v === undefined || v === null) continue;
      values[c.key] = c.kind === 'list' && Array.isArray(v) ? v.join(', ') : (v as ExcelJS.CellValue);
    }
    ws.addRow(values).alignment = { vertical: 'top', wrapText: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

const NOT_A_WORKBOOK = 'อ่านไฟล์ไม่ได้ ไฟล์ต้องเป็นสมุดงาน Excel (.xlsx) เช่น ไฟล์ที่ส่งออกจากระบบนี้';

/** Where a record of the catalogue came from in the workbook, to report errors against it. */
interface Origin {
  sheet: string;
  row: number;
}

/**
 * Reads a workbook written by `catalogueToXlsx` (possibly edited by hand) and validates it.
 * Errors carry `row` = the spreadsheet row and `field` = `<sheet>.<column key>`.
 */
export async function catalogueFromXlsx(buf: Buffer | Uint8Array): Promise<CatalogueResult> {
  const wb = await newWorkbook();
  try {
    await assertZipWithinLimits(buf);
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: [{ field: 'ไฟล์', message: NOT_A_WORKBOOK }] };
  }
  try {
    return readWorkbook(wb);
  } catch {
    // A workbook can be malformed in ways exceljs only notices while cells are read.
    return { ok: false, errors: [{ field: 'ไฟล์', message: `${NOT_A_WORKBOOK} (โครงสร้างไฟล์เสียหาย)` }] };
  }
}

interface TableRow {
  row: number;
  values: Record<string, unknown>;
}

function readWorkbook(wb: ExcelJS.Workbook): CatalogueResult {
  const errors: FieldError[] = [];
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const name of Object.values(SHEET)) {
    const ws = wb.getWorksheet(name);
    if (ws) sheets.set(name, ws);
    else errors.push({ field: name, message: `ไม่พบแผ่นงาน "${name}" ในไฟล์` });
  }
  if (sheets.size === 0) {
    return { ok: false, errors: [{ field: 'ไฟล์', message: `ไฟล์นี้ไม่ใช่แคตตาล็อก ITA: ไม่พบแผ่นงาน "${SHEET.year}" และแผ่นงานอื่นของแคตตาล็อก` }] };
  }
  if (errors.length > 0) return { ok: false, errors };
  const sheet = (name: string) => sheets.get(name)!;

  // The year sheet decides how the rating sheet is read, so it comes first.
  const yearRows = readTable(sheet(SHEET.year), SHEET.year, YEAR_COLS, errors);
  if (!yearRows) return { ok: false, errors };
  const raw: Record<string, unknown> = {};
  const yearOrigin = new Map<string, number>();
  const sources: string[] = [];
  const sourceRows: number[] = [];
  for (const { row, values } of yearRows) {
    const key = typeof values.key === 'string' ? values.key : String(values.key ?? '');
    if (key === SOURCE_KEY) {
      if (values.value !== undefined) {
        sources.push(String(values.value));
        sourceRows.push(row);
      }
      continue;
    }
    const field = YEAR_FIELDS.find((f) => f.key === key);
    if (!field) {
      errors.push({ field: `${SHEET.year}.key`, row, message: `ไม่รู้จักช่อง "${key}"` });
      continue;
    }
    if (yearOrigin.has(key)) {
      errors.push({ field: `${SHEET.year}.value`, row, message: `ช่อง ${key} ซ้ำ (พบแล้วที่แถวที่ ${yearOrigin.get(key)})` });
      continue;
    }
    yearOrigin.set(key, row);
    const value = convert(values.value as string | undefined, field.kind);
    if (value !== undefined) raw[key] = value;
  }
  raw.sources = sources;
  const ratingKind = raw.ratingKind;
  delete raw.ratingKind;

  const tables = {
    tools: readTable(sheet(SHEET.tools), SHEET.tools, TOOL_COLS, errors),
    // With an unknown rating kind the rows cannot be read; the schema reports the kind itself.
    rating:
      ratingKind === 'bands' || ratingKind === 'labels'
        ? readTable(sheet(SHEET.rating), SHEET.rating, ratingKind === 'labels' ? LABEL_RULE_COLS : BAND_COLS, errors)
        : [],
    indicators: readTable(sheet(SHEET.indicators), SHEET.indicators, INDICATOR_COLS, errors),
    subIndicators: readTable(sheet(SHEET.subIndicators), SHEET.subIndicators, SUB_INDICATOR_COLS, errors),
    questions: readTable(sheet(SHEET.questions), SHEET.questions, QUESTION_COLS, errors),
    oitItems: readTable(sheet(SHEET.oitItems), SHEET.oitItems, OIT_ITEM_COLS, errors),
    elements: readTable(sheet(SHEET.elements), SHEET.elements, ELEMENT_COLS, errors),
    calendar: readTable(sheet(SHEET.calendar), SHEET.calendar, CALENDAR_COLS, errors),
  };
  if (errors.length > 0) return { ok: false, errors };
  const t = tables as { [K in keyof typeof tables]: TableRow[] };

  raw.tools = t.tools.map((r) => r.values);
  raw.rating =
    ratingKind === 'bands'
      ? { kind: 'bands', bands: t.rating.map((r) => r.values) }
      : ratingKind === 'labels'
        ? { kind: 'labels', rules: t.rating.map((r) => r.values) }
        : { kind: ratingKind };

  // Children are attached to the first parent with their key; a duplicated parent is reported
  // by the schema, a missing one here.
  const indicators = t.indicators.map((r): Record<string, unknown> & { subIndicators: unknown[] } => ({ ...r.values, subIndicators: [] }));
  const subOrigins: Origin[][] = indicators.map(() => []);
  for (const { row, values } of t.subIndicators) {
    const { indicator, ...sub } = values;
    const i = indicators.findIndex((ind) => ind.no === indicator);
    if (i < 0) {
      errors.push({ field: `${SHEET.subIndicators}.indicator`, row, message: `ไม่พบตัวชี้วัดที่ ${String(indicator ?? '')} ในแผ่นงาน "${SHEET.indicators}"` });
      continue;
    }
    indicators[i]!.subIndicators.push(sub);
    subOrigins[i]!.push({ sheet: SHEET.subIndicators, row });
  }
  raw.indicators = indicators;

  const items = t.oitItems.map((r): Record<string, unknown> & { elements: unknown[] } => ({ ...r.values, elements: [] }));
  const elementOrigins: Origin[][] = items.map(() => []);
  for (const { row, values } of t.elements) {
    const { item, ...element } = values;
    const i = items.findIndex((it) => it.code === item);
    if (i < 0) {
      errors.push({ field: `${SHEET.elements}.item`, row, message: `ไม่พบรายการ ${String(item ?? '')} ในแผ่นงาน "${SHEET.oitItems}"` });
      continue;
    }
    items[i]!.elements.push(element);
    elementOrigins[i]!.push({ sheet: SHEET.elements, row });
  }
  raw.oitItems = items;
  raw.questions = t.questions.map((r) => r.values);
  raw.calendar = t.calendar.map((r) => r.values);

  const result = parseCatalogue(raw);
  if (result.ok && errors.length === 0) return result;

  const origins: Origins = {
    year: yearOrigin,
    sourceRows,
    tables: t,
    subOrigins,
    elementOrigins,
  };
  const located = result.ok ? [] : result.errors.map((e) => locate(e, origins));
  return { ok: false, errors: [...errors, ...located] };
}

/**
 * Reads the data rows of a sheet by header keys. Returns undefined (with errors) when a
 * required column is missing, so one missing column gives one message, not one per row.
 */
function readTable(ws: ExcelJS.Worksheet, sheet: string, columns: Column[], errors: FieldError[]): TableRow[] | undefined {
  const header = ws.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, colNumber) => {
    const text = String(cellValue(cell.value) ?? '');
    const key = /\(([A-Za-z]+)\)\s*$/.exec(text)?.[1] ?? (/^[A-Za-z]+$/.test(text) ? text : undefined);
    if (key && !index.has(key)) index.set(key, colNumber);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  for (const c of missing) {
    errors.push({ field: `${sheet}.${c.key}`, row: 1, message: `ไม่พบคอลัมน์ "${c.label} (${c.key})" ในแถวหัวตาราง` });
  }
  if (missing.length > 0) return undefined;

  const rows: TableRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Record<string, unknown> = {};
    for (const c of columns) {
      const n = index.get(c.key);
      if (n === undefined) continue;
      const v = convert(cellValue(row.getCell(n).value), c.kind);
      if (v !== undefined) values[c.key] = v;
    }
    if (Object.keys(values).length > 0) rows.push({ row: r, values });
  }
  return rows;
}

/** Flattens the many shapes an exceljs cell value can take to a plain scalar. */
function cellValue(v: ExcelJS.CellValue): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  // Excel turns a typed date into a date cell; the catalogue stores ISO text (CE).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cellValue(v.richText.map((p) => p.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellValue((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'ใช่', 'จริง', 'ยืนยัน', 'ยืนยันแล้ว']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'ไม่', 'ไม่ใช่', 'เท็จ', 'ยังไม่ยืนยัน']);

/**
 * Converts a cell to the column's kind. A value that cannot be converted is passed through
 * unchanged, so the schema reports it with its usual Thai message and the row it came from.
 */
function convert(v: string | number | boolean | undefined, kind: CellKind): unknown {
  if (v === undefined) return undefined;
  switch (kind) {
    case 'string':
      return String(v);
    case 'number': {
      if (typeof v !== 'string') return v;
      const s = toArabicDigits(v).replace(/,/g, '');
      return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : v;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const s = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(s)) return true;
      if (FALSE_WORDS.has(s)) return false;
      return v;
    }
    case 'date':
      // A date typed into Excel may come back as a day serial when the cell lost its date format.
      return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2_958_466 ? excelSerialToIso(v) : String(v);
    case 'list':
      return String(v)
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
  }
}

/** Excel's 1900 date system, as every spreadsheet program writes it: day 1 is 1900-01-01, via the 1900 leap-year bug. */
function excelSerialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

interface Origins {
  year: Map<string, number>;
  sourceRows: number[];
  tables: Record<'tools' | 'rating' | 'indicators' | 'questions' | 'oitItems' | 'calendar', TableRow[]>;
  subOrigins: Origin[][];
  elementOrigins: Origin[][];
}

/** Turns a catalogue field path (`oitItems.3.elements.1.checks.0`) into a sheet, column and row. */
function locate(e: FieldError, o: Origins): FieldError {
  const p = e.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const at = (sheet: string, row: number | undefined, key: unknown): FieldError => ({
    field: typeof key === 'string' ? `${sheet}.${key}` : sheet,
    ...(row !== undefined ? { row } : {}),
    message: e.message,
  });
  const rowOf = (rows: TableRow[], i: unknown) => (typeof i === 'number' ? rows[i]?.row : undefined);
  const [head, i, sub, j] = p;

  switch (head) {
    case 'tools':
    case 'questions':
    case 'calendar': {
      const sheet = { tools: SHEET.tools, questions: SHEET.questions, calendar: SHEET.calendar }[head];
      return at(sheet, rowOf(o.tables[head], i), typeof i === 'number' ? sub : undefined);
    }
    case 'indicators':
      if (sub === 'subIndicators' && typeof i === 'number' && typeof j === 'number') {
        return at(SHEET.subIndicators, o.subOrigins[i]?.[j]?.row, p[4]);
      }
      return at(SHEET.indicators, rowOf(o.tables.indicators, i), typeof i === 'number' ? sub : undefined);
    case 'oitItems':
      if (sub === 'elements' && typeof i === 'number' && typeof j === 'number') {
        return at(SHEET.elements, o.elementOrigins[i]?.[j]?.row, p[4]);
      }
      return at(SHEET.oitItems, rowOf(o.tables.oitItems, i), typeof i === 'number' ? sub : undefined);
    case 'rating':
      if ((i === 'bands' || i === 'rules') && typeof sub === 'number') {
        return at(SHEET.rating, rowOf(o.tables.rating, sub), j);
      }
      if (i === 'bands' || i === 'rules') return at(SHEET.rating, undefined, undefined);
      return { field: `${SHEET.year}.value`, ...rowIf(o.year.get('ratingKind')), message: `ratingKind: ${e.message}` };
    case 'sources':
      return { field: `${SHEET.year}.value`, ...rowIf(typeof i === 'number' ? o.sourceRows[i] : undefined), message: e.message };
    default:
      if (typeof head === 'string' && YEAR_FIELDS.some((f) => f.key === head)) {
        return { field: `${SHEET.year}.value`, ...rowIf(o.year.get(head)), message: `${head}: ${e.message}` };
      }
      return e;
  }
}

const rowIf = (row: number | undefined) => (row !== undefined ? { row } : {});
