/**
 * Tabular import of ITA results: one row per agency-year, wide columns, many agencies in one
 * CSV or XLSX file (a province's or NACC's whole list). Column format in docs/results-import.md:
 *
 *   fiscal_year, agency_code, agency_name, official_score, official_level, ind_1 … ind_10,
 *   then optional question columns (I1…, E1…) and OIT columns (O1…, with O1_reason …).
 *
 * The import is all-or-nothing: every problem in the file is collected (row = the line of the
 * file or the spreadsheet row, field = the column header as written) and any problem rejects the
 * whole file, so a half-imported province never sits in the database.
 *
 * Rows are checked with plain functions rather than a zod object per row: 8,000+ rows × 60+
 * cells would otherwise allocate a schema run per row for no gain in clarity (see the bench
 * number in docs/results-import.md).
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../../shared/lazy-libraries.js';
import type { Catalogue } from '../../catalogue/index.js';
import type { FieldError } from '../../../shared/errors.js';
import { toArabicDigits } from '../../../shared/thai.js';
import type { OitOutcome } from './types.js';
import { findLevel, indexCatalogue, levelListTh, lookupCatalogue, type CatalogueSource } from './catalogue-index.js';
import { parseCsv, toCsv } from './csv.js';
import type { ImportedResults } from './results-input.js';
import { analyze } from './analysis.js';
import { readXlsxSheet } from './xlsx-reader.js';
import { noCatalogueMessage, parseFiscalYear, parseOitPassed, parseScore, shown } from './values.js';
import { assertZipWithinLimits } from '../../../shared/zip-limits.js';

/** One imported agency-year, with the file row it came from. */
export type ResultsRow = ImportedResults & { sourceRow: number };

export type TableParseResult = { ok: true; rows: ResultsRow[] } | { ok: false; errors: FieldError[] };

export type Cell = string | number | boolean | null | undefined;

/** A non-empty row of the file: its line (CSV) or row number (XLSX) and its cells. */
export interface GridRow {
  row: number;
  cells: Cell[];
}

// ---------------------------------------------------------------------------------------------
// Columns

type FixedKind = 'fiscalYear' | 'agencyCode' | 'agencyName' | 'officialScore' | 'officialLevel';

type Column =
  | { kind: FixedKind; header: string; index: number }
  | { kind: 'indicator'; no: number; header: string; index: number }
  | { kind: 'question'; code: string; header: string; index: number }
  | { kind: 'oit'; code: string; header: string; index: number }
  | { kind: 'oitReason'; code: string; header: string; index: number };

/** Canonical header of each fixed column; also its name in messages. */
export const FIXED_HEADERS: Record<FixedKind, string> = {
  fiscalYear: 'fiscal_year',
  agencyCode: 'agency_code',
  agencyName: 'agency_name',
  officialScore: 'official_score',
  officialLevel: 'official_level',
};

/** Accepted spellings (after `normHeader`) of each fixed column, Thai aliases included. */
const FIXED_ALIASES: Record<FixedKind, string[]> = {
  fiscalYear: ['fiscalyear', 'year', 'fy', 'ปีงบประมาณ', 'ปีงบประมาณพศ', 'ปีงบ', 'ปี'],
  agencyCode: ['agencycode', 'code', 'รหัสหน่วยงาน', 'รหัส'],
  agencyName: ['agencyname', 'agency', 'name', 'ชื่อหน่วยงาน', 'หน่วยงาน'],
  officialScore: ['officialscore', 'score', 'total', 'คะแนนรวม', 'คะแนน', 'คะแนนที่ประกาศ', 'คะแนนทางการ', 'คะแนนita'],
  officialLevel: ['officiallevel', 'level', 'ระดับ', 'ระดับผลการประเมิน', 'ผลการประเมิน'],
};
const ALIAS_TO_KIND = new Map<string, FixedKind>();
for (const [kind, aliases] of Object.entries(FIXED_ALIASES) as [FixedKind, string[]][]) {
  for (const a of aliases) ALIAS_TO_KIND.set(a, kind);
}

/** "Ind_1", "ตัวชี้วัดที่ ๑", "ปีงบประมาณ (พ.ศ.)" → "ind1", "ตัวชี้วัดที่1", "ปีงบประมาณพศ". */
function normHeader(header: string): string {
  return toArabicDigits(header.normalize('NFC')).toLowerCase().replace(/[\s_\-.()]/g, '');
}

function classify(header: string, index: number): Column | null {
  const h = normHeader(header);
  const fixed = ALIAS_TO_KIND.get(h);
  if (fixed) return { kind: fixed, header, index };
  let m = /^(?:ind|indicator|ตัวชี้วัด(?:ที่)?)(\d+)$/.exec(h);
  if (m) return { kind: 'indicator', no: Number(m[1]), header, index };
  m = /^([ie])(\d+)$/.exec(h);
  if (m) return { kind: 'question', code: `${m[1]!.toUpperCase()}${Number(m[2])}`, header, index };
  m = /^o(\d+)$/.exec(h);
  if (m) return { kind: 'oit', code: `O${Number(m[1])}`, header, index };
  m = /^o(\d+)(?:reason|เหตุผล|สาเหตุ)$/.exec(h) ?? /^(?:เหตุผล|สาเหตุ)o(\d+)$/.exec(h);
  if (m) return { kind: 'oitReason', code: `O${Number(m[1])}`, header, index };
  return null;
}

function columnKey(c: Column): string {
  switch (c.kind) {
    case 'indicator':
      return `ind:${c.no}`;
    case 'question':
    case 'oit':
    case 'oitReason':
      return `${c.kind}:${c.code}`;
    default:
      return c.kind;
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * The common case of a score cell (a number, or plain digits, within 0–100) without allocating
 * a result object; anything else returns undefined and goes through `parseScore` for its message.
 */
function quickScore(v: Cell): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && PLAIN_NUMBER.test(v) ? Number(v) : NaN;
  return n >= 0 && n <= 100 ? n : undefined;
}
const PLAIN_NUMBER = /^\d{1,3}(?:\.\d+)?$/;

const cellText = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));
const isBlank = (v: Cell): boolean =>
  v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

/**
 * Validates a grid (header row first) against the catalogues of the years it names. Shared by
 * the CSV and XLSX readers, and usable directly for other tabular sources.
 */
export function parseResultsGrid(grid: GridRow[], catalogues: CatalogueSource): TableParseResult {
  const rows = grid.filter((r) => r.cells.some((c) => !isBlank(c)));
  if (rows.length === 0) return fail([{ field: '', message: 'ไฟล์ว่างเปล่า ไม่มีหัวตารางและข้อมูล' }]);
  const [headerRow, ...dataRows] = rows as [GridRow, ...GridRow[]];
  const hr = headerRow.row;
  const errors: FieldError[] = [];

  // Header: classify every column, then check the required ones.
  const columns: Column[] = [];
  const unknownHeaders: FieldError[] = [];
  const byKey = new Map<string, Column>();
  headerRow.cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    const col = classify(header, index);
    if (!col) {
      unknownHeaders.push({ row: hr, field: header, message: `ไม่รู้จักคอลัมน์ "${shown(header)}"` });
      return;
    }
    const key = columnKey(col);
    const previous = byKey.get(key);
    if (previous) {
      errors.push({ row: hr, field: header, message: `คอลัมน์ "${shown(header)}" ซ้ำกับคอลัมน์ "${previous.header}"` });
      return;
    }
    byKey.set(key, col);
    columns.push(col);
  });
  if (!columns.some((c) => c.kind === 'fiscalYear' || c.kind === 'agencyName' || c.kind === 'agencyCode')) {
    // The first row is not a header at all (data pasted without it, or another file):
    // one clear message instead of a list of "unknown column" errors.
    return fail([
      {
        row: hr,
        field: '',
        message:
          'แถวแรกของไฟล์ต้องเป็นหัวตาราง เช่น fiscal_year, agency_code, agency_name, official_score, official_level, ind_1 … ' +
          '(ดาวน์โหลดแบบฟอร์มจากระบบเพื่อดูรูปแบบ)',
      },
    ]);
  }
  errors.push(...unknownHeaders);
  const fixed = (kind: FixedKind) => columns.find((c) => c.kind === kind);
  const yearCol = fixed('fiscalYear');
  const codeCol = fixed('agencyCode');
  const nameCol = fixed('agencyName');
  const scoreCol = fixed('officialScore');
  const levelCol = fixed('officialLevel');
  if (!yearCol) errors.push({ row: hr, field: FIXED_HEADERS.fiscalYear, message: 'ไม่พบคอลัมน์ fiscal_year (ปีงบประมาณ) ในหัวตาราง' });
  if (!codeCol && !nameCol) {
    errors.push({ row: hr, field: FIXED_HEADERS.agencyName, message: 'ไม่พบคอลัมน์ agency_name (ชื่อหน่วยงาน) หรือ agency_code (รหัสหน่วยงาน) ในหัวตาราง' });
  }
  const indicatorCols = columns.filter((c): c is Extract<Column, { kind: 'indicator' }> => c.kind === 'indicator');
  const questionCols = columns.filter((c): c is Extract<Column, { kind: 'question' }> => c.kind === 'question');
  const oitCols = columns.filter((c): c is Extract<Column, { kind: 'oit' }> => c.kind === 'oit');
  const reasonCols = columns.filter((c): c is Extract<Column, { kind: 'oitReason' }> => c.kind === 'oitReason');
  const oitColByCode = new Map(oitCols.map((c) => [c.code, c]));
  const reasonColByCode = new Map(reasonCols.map((c) => [c.code, c]));
  for (const rc of reasonCols) {
    if (!oitColByCode.has(rc.code)) {
      errors.push({ row: hr, field: rc.header, message: `มีคอลัมน์เหตุผล "${rc.header}" แต่ไม่มีคอลัมน์ผล ${rc.code}` });
    }
  }

  // The catalogues of the years the file names, to check columns against them once.
  const yearOf = (r: GridRow) => (yearCol ? parseFiscalYear(r.cells[yearCol.index]) : undefined);
  const fileCatalogues = new Map<number, Catalogue>();
  if (yearCol) {
    for (const r of dataRows) {
      const y = yearOf(r);
      if (y?.ok && !fileCatalogues.has(y.value)) {
        const cat = lookupCatalogue(catalogues, y.value);
        if (cat) fileCatalogues.set(y.value, cat);
      }
    }
  }
  const years = [...fileCatalogues.keys()].sort((a, b) => a - b);
  const yearsText = years.join(', ');
  const inSomeYear = (test: (cat: Catalogue) => boolean) => [...fileCatalogues.values()].some(test);
  // Columns whose code no year of the file knows are reported once, at the header.
  const deadColumns = new Set<Column>();
  if (years.length > 0) {
    for (const c of indicatorCols) {
      if (!inSomeYear((cat) => indexCatalogue(cat).indicatorsByNo.has(c.no))) {
        deadColumns.add(c);
        errors.push({ row: hr, field: c.header, message: `ไม่มีตัวชี้วัดที่ ${c.no} ในแคตตาล็อกของปีงบประมาณ ${yearsText}` });
      }
    }
    for (const c of questionCols) {
      if (!inSomeYear((cat) => indexCatalogue(cat).questionsByCode.has(c.code))) {
        deadColumns.add(c);
        errors.push({ row: hr, field: c.header, message: `ไม่มีข้อคำถาม ${c.code} ในแคตตาล็อกของปีงบประมาณ ${yearsText}` });
      }
    }
    for (const c of oitCols) {
      if (!inSomeYear((cat) => indexCatalogue(cat).oitByCode.has(c.code))) {
        deadColumns.add(c);
        errors.push({ row: hr, field: c.header, message: `ไม่มีข้อ ${c.code} ในรายการ OIT ของปีงบประมาณ ${yearsText}` });
      }
    }
    // Every indicator each year needs must have a column.
    const have = new Set(indicatorCols.map((c) => c.no));
    const missing = new Map<number, number[]>();
    for (const y of years) {
      for (const ind of fileCatalogues.get(y)!.indicators) {
        if (!have.has(ind.no)) missing.set(ind.no, [...(missing.get(ind.no) ?? []), y]);
      }
    }
    for (const [no, ys] of [...missing].sort((a, b) => a[0] - b[0])) {
      errors.push({ row: hr, field: `ind_${no}`, message: `ไม่พบคอลัมน์ ind_${no} (ตัวชี้วัดที่ ${no}) ซึ่งปีงบประมาณ ${ys.join(', ')} ต้องมี` });
    }
  }

  const liveIndicatorCols = indicatorCols.filter((c) => !deadColumns.has(c));
  const liveQuestionCols = questionCols.filter((c) => !deadColumns.has(c));
  const liveOitCols = oitCols
    .filter((c) => !deadColumns.has(c))
    .map((c) => ({ col: c, reasonCol: reasonColByCode.get(c.code) }));

  const headerWidth = headerRow.cells.length;
  const unnamedColumns: number[] = [];
  for (let i = 0; i < headerWidth; i++) if (cellText(headerRow.cells[i]) === '') unnamedColumns.push(i);
  const seen = new Map<string, number>();
  const out: ResultsRow[] = [];

  for (const r of dataRows) {
    const row = r.row;
    const cells = r.cells;
    const rowErrors: FieldError[] = [];
    const err = (field: string, message: string) => rowErrors.push({ row, field, message });

    for (let i = headerWidth; i < cells.length; i++) {
      if (!isBlank(cells[i])) {
        err(`คอลัมน์ที่ ${i + 1}`, 'มีข้อมูลในคอลัมน์ที่ไม่มีหัวตาราง');
        break;
      }
    }
    for (const i of unnamedColumns) {
      if (!isBlank(cells[i])) err(`คอลัมน์ที่ ${i + 1}`, 'มีข้อมูลในคอลัมน์ที่ไม่มีหัวตาราง');
    }

    // Year and catalogue.
    let catalogue: Catalogue | undefined;
    let fiscalYear: number | undefined;
    if (yearCol) {
      const y = yearOf(r)!;
      if (!y.ok) err(yearCol.header, y.message);
      else {
        fiscalYear = y.value;
        catalogue = fileCatalogues.get(y.value);
        if (!catalogue) err(yearCol.header, noCatalogueMessage(y.value));
      }
    }
    const idx = catalogue ? indexCatalogue(catalogue) : undefined;

    // Agency and duplicates.
    const agencyCode = codeCol ? cellText(cells[codeCol.index]) : '';
    const agencyName = nameCol ? cellText(cells[nameCol.index]).replace(/\s+/g, ' ') : '';
    if ((codeCol || nameCol) && !agencyCode && !agencyName) {
      err((nameCol ?? codeCol)!.header, 'ต้องระบุชื่อหน่วยงานหรือรหัสหน่วยงาน');
    } else if (fiscalYear !== undefined && (agencyCode || agencyName)) {
      const key = `${fiscalYear}|${agencyCode ? `c:${agencyCode}` : `n:${agencyName}`}`;
      const first = seen.get(key);
      if (first !== undefined) {
        err((agencyCode ? codeCol : nameCol)!.header, `ข้อมูลซ้ำกับแถวที่ ${first} (หน่วยงาน "${shown(agencyCode || agencyName)}" ปีงบประมาณ ${fiscalYear})`);
      } else seen.set(key, row);
    }

    // Official score and level.
    let officialScore: number | undefined;
    if (scoreCol) {
      const s = parseScore(cells[scoreCol.index], false);
      if (!s.ok) err(scoreCol.header, s.message);
      else officialScore = s.value;
    }
    let officialLevel: string | undefined;
    if (levelCol && !isBlank(cells[levelCol.index]) && catalogue) {
      const text = cellText(cells[levelCol.index]);
      const level = findLevel(catalogue, text);
      if (!level) err(levelCol.header, `ระดับ "${shown(text)}" ไม่มีในเกณฑ์ของปีงบประมาณ ${catalogue.fiscalYear} (ใช้ได้: ${levelListTh(catalogue)})`);
      else officialLevel = level.code;
    }

    // Indicators: required for the year; a value under an indicator the year lacks is an error.
    const indicators: Record<number, number> = {};
    for (const c of liveIndicatorCols) {
      const v = cells[c.index];
      const inYear = idx ? idx.indicatorsByNo.has(c.no) : true;
      if (!inYear) {
        if (!isBlank(v)) err(c.header, `ปีงบประมาณ ${fiscalYear} ไม่มีตัวชี้วัดที่ ${c.no} (ให้เว้นว่าง)`);
        continue;
      }
      const fast = quickScore(v);
      if (fast !== undefined) {
        indicators[c.no] = fast;
        continue;
      }
      const s = parseScore(v, true);
      if (!s.ok) err(c.header, s.message === 'ต้องระบุคะแนน' ? `ต้องระบุคะแนนตัวชี้วัดที่ ${c.no}` : s.message);
      else indicators[c.no] = s.value!;
    }

    // Questions (optional).
    let questions: Record<string, number> | undefined;
    for (const c of liveQuestionCols) {
      const v = cells[c.index];
      if (isBlank(v)) continue;
      if (idx && !idx.questionsByCode.has(c.code)) {
        err(c.header, `ไม่มีข้อคำถาม ${c.code} ในแคตตาล็อกของปีงบประมาณ ${fiscalYear} (ให้เว้นว่าง)`);
        continue;
      }
      const fast = quickScore(v);
      const s = fast !== undefined ? ({ ok: true, value: fast } as const) : parseScore(v, true);
      if (!s.ok) err(c.header, s.message);
      else (questions ??= {})[c.code] = s.value!;
    }

    // OIT outcomes (optional) with reasons.
    let oit: Record<string, OitOutcome> | undefined;
    for (const { col: c, reasonCol } of liveOitCols) {
      const v = cells[c.index];
      const reason = reasonCol ? cellText(cells[reasonCol.index]) : '';
      if (isBlank(v)) {
        if (reason) err(reasonCol!.header, `มีเหตุผลแต่ไม่ได้ระบุผลของข้อ ${c.code} (ผ่าน/ไม่ผ่าน)`);
        continue;
      }
      if (idx && !idx.oitByCode.has(c.code)) {
        err(c.header, `ไม่มีข้อ ${c.code} ในรายการ OIT ของปีงบประมาณ ${fiscalYear} (ให้เว้นว่าง)`);
        continue;
      }
      const p = parseOitPassed(v);
      if (!p.ok) err(c.header, p.message);
      else (oit ??= {})[c.code] = reason ? { passed: p.value!, reason } : { passed: p.value! };
    }

    if (rowErrors.length > 0 || fiscalYear === undefined || !catalogue) {
      errors.push(...rowErrors);
      continue;
    }
    const value: ResultsRow = { sourceRow: row, fiscalYear, official: {}, indicators };
    if (agencyName) value.agencyName = agencyName;
    if (agencyCode) value.agencyCode = agencyCode;
    if (officialScore !== undefined) value.official.score = officialScore;
    if (officialLevel !== undefined) value.official.level = officialLevel;
    if (questions) value.questions = questions;
    if (oit) value.oit = oit;
    out.push(value);
  }

  if (dataRows.length === 0) errors.push({ row: hr, field: '', message: 'ไฟล์มีแต่หัวตาราง ไม่มีแถวข้อมูล' });
  return errors.length > 0 ? fail(errors) : { ok: true, rows: out };
}

function fail(errors: FieldError[]): TableParseResult {
  // Header errors first, then by row; within a row the order of the checks (columns left to right).
  const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i);
  return { ok: false, errors: sorted.map(({ e }) => e) };
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * Parses a CSV file of results. Accepts the text, or the raw bytes (which must be UTF-8; other
 * encodings such as TIS-620 give one Thai error instead of garbled agency names).
 */
export function parseResultsCsv(input: string | Uint8Array, catalogues: CatalogueSource): TableParseResult {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (looksLikeZip(input)) return brokenFile('ไฟล์นี้เป็นไฟล์ Excel (.xlsx) ไม่ใช่ CSV โปรดนำเข้าในรูปแบบ XLSX');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return brokenFile('อ่านไฟล์ CSV ไม่ได้ ไฟล์ต้องเข้ารหัส UTF-8 (ใน Excel เลือกบันทึกเป็น "CSV UTF-8")');
    }
  }
  if (text.startsWith('PK\u0003\u0004')) return brokenFile('ไฟล์นี้เป็นไฟล์ Excel (.xlsx) ไม่ใช่ CSV โปรดนำเข้าในรูปแบบ XLSX');
  // NUL or other control bytes, or decoding replacement characters, mean a binary or mis-encoded file.
  if (/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(text)) {
    return brokenFile('ไฟล์ CSV เสียหายหรือไม่ใช่ไฟล์ข้อความ (ต้องเป็น CSV เข้ารหัส UTF-8)');
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [{ row: parsed.line, field: '', message: parsed.message }] };
  return parseResultsGrid(
    parsed.records.map((r) => ({ row: r.line, cells: r.fields })),
    catalogues,
  );
}

function brokenFile(message: string): TableParseResult {
  return { ok: false, errors: [{ field: '', message }] };
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** The sheet the template puts its instructions in; never read as data. */
export const INSTRUCTIONS_SHEET = 'คำอธิบาย';
export const DATA_SHEET = 'ผลการประเมิน';

/** The data sheet: the one named ผลการประเมิน, else the first that is not the instructions; -1 if none. */
function pickDataSheet(names: string[]): number {
  const named = names.indexOf(DATA_SHEET);
  return named !== -1 ? named : names.findIndex((n) => n !== INSTRUCTIONS_SHEET);
}

/**
 * Parses an XLSX workbook of results. Cells are read by the fast reader in ./xlsx-reader.ts;
 * a workbook it does not understand is read with ExcelJS instead. A file neither can open gives
 * one Thai error, never an exception.
 */
export async function parseResultsXlsx(input: Uint8Array | ArrayBuffer, catalogues: CatalogueSource): Promise<TableParseResult> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) return brokenFile('ไฟล์ว่างเปล่า');
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return brokenFile('ไฟล์ .xls (Excel รุ่นเก่า) ไม่รองรับ โปรดบันทึกเป็น .xlsx หรือ CSV UTF-8 แล้วนำเข้าอีกครั้ง');
  }
  if (!looksLikeZip(bytes)) return brokenFile('ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย');
  let grid: GridRow[] | undefined;
  try {
    grid = (await readXlsxSheet(bytes, pickDataSheet))?.rows;
  } catch {
    grid = undefined;
  }
  if (!grid) {
    try {
      grid = await readWithExcelJs(bytes);
    } catch {
      return brokenFile('เปิดไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย โปรดบันทึกใหม่เป็น .xlsx แล้วนำเข้าอีกครั้ง');
    }
  }
  return parseResultsGrid(grid, catalogues);
}

/** The ExcelJS path: slower (it builds the whole document) but reads anything Excel writes. */
export async function readWithExcelJs(bytes: Uint8Array): Promise<GridRow[]> {
  await assertZipWithinLimits(bytes, 'file', { maxInflatedBytes: 500 * 1024 * 1024 });
  const workbook = await newWorkbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  // A zip without worksheets (some other archive) is not a workbook, whatever ExcelJS makes of it.
  if (workbook.worksheets.length === 0) throw new Error('no worksheets');
  const sheet = workbook.worksheets[pickDataSheet(workbook.worksheets.map((s) => s.name))];
  const grid: GridRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    // row.values is 1-based (index 0 unused) and sparse.
    for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
    grid.push({ row: rowNumber, cells });
  });
  return grid;
}

/** Reduces an ExcelJS cell value (rich text, formula, hyperlink, date, error) to a plain value. */
function excelCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('result' in o) return excelCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Templates

interface TemplateColumn {
  header: string;
  descriptionTh: string;
  example: string | number;
}

/** The columns of a year's template, with a Thai description and the example row's value. */
export function resultsTemplateColumns(catalogue: Catalogue): TemplateColumn[] {
  const idx = indexCatalogue(catalogue);
  const indicators = [...catalogue.indicators].sort((a, b) => a.no - b.no);
  // Example scores: plausible two-decimal values, and an official total/level consistent with them.
  const exampleScores: Record<number, number> = {};
  indicators.forEach((ind, i) => (exampleScores[ind.no] = 70 + ((i * 7) % 25) + 0.25));
  const failedExample = new Set<string>();
  for (const ind of indicators) {
    const first = idx.oitOfIndicator.get(ind.no)?.[0];
    if (first) failedExample.add(first.code);
  }
  const exampleOit: Record<string, OitOutcome> = {};
  for (const item of catalogue.oitItems) exampleOit[item.code] = { passed: !failedExample.has(item.code) };
  const example = analyze(catalogue, { fiscalYear: catalogue.fiscalYear, official: {}, indicators: exampleScores, oit: exampleOit });

  const cols: TemplateColumn[] = [
    { header: FIXED_HEADERS.fiscalYear, descriptionTh: `ปีงบประมาณ พ.ศ. เช่น ${catalogue.fiscalYear} (ต้องมีแคตตาล็อกของปีนั้นในระบบ)`, example: catalogue.fiscalYear },
    { header: FIXED_HEADERS.agencyCode, descriptionTh: 'รหัสหน่วยงาน (ไม่บังคับ; ถ้ามี ใช้ตรวจแถวซ้ำแทนชื่อ)', example: '' },
    { header: FIXED_HEADERS.agencyName, descriptionTh: 'ชื่อหน่วยงาน (ต้องระบุชื่อหรือรหัสอย่างน้อยหนึ่งอย่าง)', example: 'เทศบาลตำบลตัวอย่าง (ลบแถวนี้ก่อนนำเข้า)' },
    { header: FIXED_HEADERS.officialScore, descriptionTh: 'คะแนนรวมที่ ป.ป.ช. ประกาศ 0–100 (ไม่บังคับ)', example: example.total.computed.toFixed(2) },
    { header: FIXED_HEADERS.officialLevel, descriptionTh: `ระดับที่ประกาศ (ไม่บังคับ) ใช้ได้: ${levelListTh(catalogue)}`, example: example.level.computed },
    ...indicators.map((ind) => ({
      header: `ind_${ind.no}`,
      descriptionTh: `คะแนนตัวชี้วัดที่ ${ind.no} ${ind.nameTh} (${ind.tool}) 0–100 (ต้องระบุ)`,
      example: exampleScores[ind.no]!.toFixed(2),
    })),
    ...catalogue.questions.map((q) => ({
      header: q.code,
      descriptionTh: `คะแนนข้อคำถาม ${q.code} (ตัวชี้วัดที่ ${q.indicator}) 0–100 (ไม่บังคับ)`,
      example: '',
    })),
  ];
  for (const item of catalogue.oitItems) {
    const failed = failedExample.has(item.code);
    cols.push(
      { header: item.code, descriptionTh: `ผล OIT ข้อ ${item.code} ${item.titleTh}: ผ่าน หรือ ไม่ผ่าน (ไม่บังคับ)`, example: failed ? 'ไม่ผ่าน' : 'ผ่าน' },
      { header: `${item.code}_reason`, descriptionTh: `สาเหตุที่ข้อ ${item.code} ไม่ผ่าน ตามที่ผู้ประเมินระบุ (ไม่บังคับ)`, example: failed ? 'ตัวอย่าง: ขาดองค์ประกอบ ปัญหา อุปสรรค และข้อเสนอแนะ' : '' },
    );
  }
  return cols;
}

/** CSV template (UTF-8 with BOM, CRLF): the header row and one example row. */
export function resultsTemplateCsv(catalogue: Catalogue): string {
  const cols = resultsTemplateColumns(catalogue);
  return toCsv([cols.map((c) => c.header), cols.map((c) => c.example)]);
}

/** XLSX template: a data sheet (header, example row, input checks) and a Thai instructions sheet. */
export async function resultsTemplateXlsx(catalogue: Catalogue): Promise<Buffer> {
  const cols = resultsTemplateColumns(catalogue);
  const wb = await newWorkbook();
  wb.creator = 'Prongsai';
  const sheet = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.addRow(cols.map((c) => c.header));
  // Scores are written as numbers so Excel treats the example like the officer's own entries.
  sheet.addRow(cols.map((c) => (typeof c.example === 'string' && /^\d+(\.\d+)?$/.test(c.example) ? Number(c.example) : c.example)));
  sheet.getRow(1).font = { bold: true };
  // Agency codes are text: as numbers Excel would drop leading zeros.
  sheet.getColumn(2).numFmt = '@';
  cols.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(Math.max(c.header.length + 2, typeof c.example === 'string' ? c.example.length / 2 : 8, 10), 40);
    sheet.getCell(1, i + 1).note = c.descriptionTh;
  });

  // Input checks on the first 2,000 rows (hand entry; bulk files come from exports): scores 0–100,
  // OIT outcome from a list. More rows would slow ExcelJS, which expands ranges cell by cell when
  // it reads a file back. ExcelJS supports range validations but does not declare them in its types.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  cols.forEach((c, i) => {
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}2001`;
    if (/^(official_score|ind_\d+|[IE]\d+)$/.test(c.header)) {
      validations.add(range, {
        type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100],
        showErrorMessage: true, errorTitle: 'คะแนนไม่ถูกต้อง', error: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100',
      });
    } else if (/^O\d+$/.test(c.header)) {
      validations.add(range, {
        type: 'list', allowBlank: true, formulae: ['"ผ่าน,ไม่ผ่าน"'],
        showErrorMessage: true, errorTitle: 'ค่าไม่ถูกต้อง', error: 'เลือก ผ่าน หรือ ไม่ผ่าน',
      });
    }
  });

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.addRows([
    [`แบบฟอร์มนำเข้าผลการประเมิน ITA ปีงบประมาณ ${catalogue.fiscalYear}`],
    ['กรอกข้อมูลในแผ่นงาน "ผลการประเมิน" หนึ่งแถวต่อหนึ่งหน่วยงานต่อหนึ่งปีงบประมาณ ห้ามแก้ไขแถวหัวตาราง'],
    ['แถวที่ 2 เป็นตัวอย่าง โปรดลบหรือแทนที่ก่อนนำเข้า คะแนนใช้ทศนิยม 2 ตำแหน่งตามที่ ป.ป.ช. ประกาศ ใช้เลขไทยหรือเลขอารบิกก็ได้'],
    ['ถ้าไฟล์มีข้อผิดพลาดแม้แต่แถวเดียว ระบบจะไม่นำเข้าทั้งไฟล์ และจะแสดงรายการข้อผิดพลาดทุกแถวพร้อมชื่อคอลัมน์ให้แก้ไข'],
    ['หน่วยงานและปีงบประมาณเดียวกันต้องมีเพียงแถวเดียว'],
    [],
    ['คอลัมน์', 'ความหมาย', 'ตัวอย่าง'],
    ...cols.map((c) => [c.header, c.descriptionTh, c.example]),
  ]);
  help.getRow(1).font = { bold: true, size: 14 };
  help.getRow(7).font = { bold: true };
  help.getColumn(1).width = 16;
  help.getColumn(2).width = 90;
  help.getColumn(3).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
