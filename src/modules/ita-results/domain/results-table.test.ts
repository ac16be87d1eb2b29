import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { analyze } from './analysis.js';
import { toCsv } from './csv.js';
import {
  INSTRUCTIONS_SHEET,
  parseResultsCsv,
  parseResultsXlsx,
  readWithExcelJs,
  resultsTemplateColumns,
  resultsTemplateCsv,
  resultsTemplateXlsx,
  type TableParseResult,
} from './results-table.js';
import { fixtureCatalogues, fy2565Catalogue, fy2567Catalogue } from './test-fixtures.js';
import { readXlsxSheet } from './xlsx-reader.js';

const catalogues = fixtureCatalogues();
const SEED = [86.05, 76.39, 81.34, 74.76, 74.62, 80.36, 75.26, 74.22, 76.71, 18.75];
const IND = SEED.map((_, i) => `ind_${i + 1}`);
const HEADER = ['fiscal_year', 'agency_code', 'agency_name', 'official_score', 'official_level', ...IND];

type Row = (string | number)[];
const seedRow = (overrides: Partial<Record<string, string | number>> = {}, header = HEADER): Row => {
  const base: Record<string, string | number> = {
    fiscal_year: 2565,
    agency_code: '5340506',
    agency_name: 'เทศบาลตำบลปรุใหญ่',
    official_score: 65.66,
    official_level: 'C',
  };
  IND.forEach((h, i) => (base[h] = SEED[i]!));
  const merged = { ...base, ...overrides };
  return header.map((h) => merged[h] ?? '');
};
const csv = (rows: Row[]) => toCsv(rows);

function errorsOf(r: TableParseResult) {
  if (r.ok) throw new Error(`expected errors, got ${r.rows.length} rows`);
  return r.errors;
}
function rowsOf(r: TableParseResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r.rows;
}

describe('parseResultsCsv: valid files', () => {
  it('reads one row per agency-year, many agencies and years in one file', () => {
    const rows = rowsOf(
      parseResultsCsv(
        csv([
          HEADER,
          seedRow(),
          seedRow({ agency_code: '6000001', agency_name: 'อบต. ตัวอย่าง', official_score: '', official_level: '' }),
          seedRow({ fiscal_year: 2567, official_level: 'ต้องปรับปรุงโดยด่วน' }),
        ]),
        catalogues,
      ),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      sourceRow: 2,
      fiscalYear: 2565,
      agencyCode: '5340506',
      agencyName: 'เทศบาลตำบลปรุใหญ่',
      official: { score: 65.66, level: 'C' },
      indicators: { 1: 86.05, 2: 76.39, 3: 81.34, 4: 74.76, 5: 74.62, 6: 80.36, 7: 75.26, 8: 74.22, 9: 76.71, 10: 18.75 },
    });
    expect(rows[1]).toMatchObject({ sourceRow: 3, official: {} });
    expect(rows[2]).toMatchObject({ sourceRow: 4, fiscalYear: 2567, official: { level: 'URGENT' } });
    const a = analyze(catalogues.get(2565)!, rows[0]!);
    expect([a.total.computed, a.level.computed, a.strengths, a.flags]).toEqual([65.67, 'C', [1, 3, 6], []]);
  });

  it('reads question and OIT columns with reasons (ผ่าน/ไม่ผ่าน/pass/fail/1/0)', () => {
    const header = [...HEADER, 'I28', 'e11', 'O2', 'O2_reason', 'O3', 'o4', 'O5', 'O6', 'O7'];
    const row = seedRow({ I28: '70.10', e11: 60, O2: 'ไม่ผ่าน', O2_reason: 'ไม่แสดงข้อมูลผู้บริหาร', O3: 'pass', o4: 'FAIL', O5: 1, O6: 0, O7: 'ผ่าน' }, header);
    const [r] = rowsOf(parseResultsCsv(csv([header, row]), catalogues));
    expect(r!.questions).toEqual({ I28: 70.1, E11: 60 });
    expect(r!.oit).toEqual({
      O2: { passed: false, reason: 'ไม่แสดงข้อมูลผู้บริหาร' },
      O3: { passed: true },
      O4: { passed: false },
      O5: { passed: true },
      O6: { passed: false },
      O7: { passed: true },
    });
  });

  it('accepts Thai header aliases and Thai digits in cells', () => {
    const header = ['ปีงบประมาณ (พ.ศ.)', 'รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'คะแนนรวม', 'ระดับ', ...IND.map((_, i) => `ตัวชี้วัดที่ ${'๐๑๒๓๔๕๖๗๘๙'[i + 1] ?? '๑๐'}`)];
    header[14] = 'ตัวชี้วัดที่ ๑๐';
    const row: Row = ['๒๕๖๕', '5340506', 'เทศบาลตำบลปรุใหญ่', '๖๕.๖๖', 'ระดับ C', ...SEED.map((s) => String(s))];
    row[5] = '๘๖.๐๕';
    const [r] = rowsOf(parseResultsCsv(csv([header, row]), catalogues));
    expect(r).toMatchObject({ fiscalYear: 2565, official: { score: 65.66, level: 'C' } });
    expect(r!.indicators[1]).toBe(86.05);
    expect(r!.indicators[10]).toBe(18.75);
  });

  it('takes bytes (UTF-8 with BOM) as well as text, skips blank lines, and reports starting lines', () => {
    const text = toCsv([HEADER, seedRow()]) + '\r\n' + toCsv([seedRow({ agency_code: '2', agency_name: 'ชื่อ\nสองบรรทัด' })], false);
    const rows = rowsOf(parseResultsCsv(new TextEncoder().encode(text), catalogues));
    expect(rows.map((r) => [r.sourceRow, r.agencyName])).toEqual([
      [2, 'เทศบาลตำบลปรุใหญ่'],
      [4, 'ชื่อ สองบรรทัด'],
    ]);
  });

  it('the agency code or the name alone is enough', () => {
    const header = HEADER.filter((h) => h !== 'agency_code');
    expect(rowsOf(parseResultsCsv(csv([header, seedRow({}, header)]), catalogues))[0]!.agencyCode).toBeUndefined();
  });
});

describe('parseResultsCsv: errors (row = file line, field = column header, Thai message)', () => {
  it('score outside 0–100', () => {
    const r = parseResultsCsv(csv([HEADER, seedRow(), seedRow({ agency_code: '2', ind_3: 120, official_score: -5 })]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 3, field: 'official_score', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ -5)' },
      { row: 3, field: 'ind_3', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)' },
    ]);
  });

  it('a score that is not a number, and a missing one', () => {
    const r = parseResultsCsv(csv([HEADER, seedRow({ ind_1: 'เจ็ดสิบ', ind_4: '' })]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 2, field: 'ind_1', message: 'ต้องเป็นตัวเลข (ได้ "เจ็ดสิบ")' },
      { row: 2, field: 'ind_4', message: 'ต้องระบุคะแนนตัวชี้วัดที่ 4' },
    ]);
  });

  it('unknown column', () => {
    const header = [...HEADER, 'remark'];
    expect(errorsOf(parseResultsCsv(csv([header, seedRow({}, header)]), catalogues))).toEqual([
      { row: 1, field: 'remark', message: 'ไม่รู้จักคอลัมน์ "remark"' },
    ]);
  });

  it('unknown codes: a column no year of the file has, and a value under a code the row’s year lacks', () => {
    const header = [...HEADER, 'O99', 'I31', 'ind_11', 'O4'];
    const r = parseResultsCsv(
      csv([header, seedRow({}, header), seedRow({ fiscal_year: 2567, O4: 'ผ่าน', official_level: '' }, header)]),
      catalogues,
    );
    expect(errorsOf(r)).toEqual([
      { row: 1, field: 'ind_11', message: 'ไม่มีตัวชี้วัดที่ 11 ในแคตตาล็อกของปีงบประมาณ 2565, 2567' },
      { row: 1, field: 'I31', message: 'ไม่มีข้อคำถาม I31 ในแคตตาล็อกของปีงบประมาณ 2565, 2567' },
      { row: 1, field: 'O99', message: 'ไม่มีข้อ O99 ในรายการ OIT ของปีงบประมาณ 2565, 2567' },
      { row: 3, field: 'O4', message: 'ไม่มีข้อ O4 ในรายการ OIT ของปีงบประมาณ 2567 (ให้เว้นว่าง)' },
    ]);
  });

  it('an official level the year does not use', () => {
    expect(errorsOf(parseResultsCsv(csv([HEADER, seedRow({ official_level: 'ผ่านดี' })]), catalogues))).toEqual([
      { row: 2, field: 'official_level', message: 'ระดับ "ผ่านดี" ไม่มีในเกณฑ์ของปีงบประมาณ 2565 (ใช้ได้: AA, A, B, C, D, E, F)' },
    ]);
  });

  it('year without a catalogue, and a year that is not a B.E. year', () => {
    const r = parseResultsCsv(csv([HEADER, seedRow({ fiscal_year: 2570 }), seedRow({ fiscal_year: 2022, agency_code: '2' }), seedRow({ fiscal_year: 'ปีนี้', agency_code: '3' })]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 2, field: 'fiscal_year', message: 'ไม่มีแคตตาล็อกของปีงบประมาณ 2570' },
      { row: 3, field: 'fiscal_year', message: 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2565 (ได้ 2022 ซึ่งเป็นปี ค.ศ.)' },
      { row: 4, field: 'fiscal_year', message: 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ. 4 หลัก (ได้ "ปีนี้")' },
    ]);
  });

  it('duplicate row: same agency code and year', () => {
    const r = parseResultsCsv(csv([HEADER, seedRow(), seedRow({ fiscal_year: 2567, official_level: '' }), seedRow({ agency_name: 'ชื่ออื่น' })]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 4, field: 'agency_code', message: 'ข้อมูลซ้ำกับแถวที่ 2 (หน่วยงาน "5340506" ปีงบประมาณ 2565)' },
    ]);
  });

  it('duplicate row by name when the file has no codes (spacing does not hide it)', () => {
    const header = HEADER.filter((h) => h !== 'agency_code');
    const r = parseResultsCsv(csv([header, seedRow({}, header), seedRow({ agency_name: ' เทศบาลตำบลปรุใหญ่' }, header)]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 3, field: 'agency_name', message: 'ข้อมูลซ้ำกับแถวที่ 2 (หน่วยงาน "เทศบาลตำบลปรุใหญ่" ปีงบประมาณ 2565)' },
    ]);
  });

  it('a row without agency name or code', () => {
    expect(errorsOf(parseResultsCsv(csv([HEADER, seedRow({ agency_code: '', agency_name: '' })]), catalogues))).toEqual([
      { row: 2, field: 'agency_name', message: 'ต้องระบุชื่อหน่วยงานหรือรหัสหน่วยงาน' },
    ]);
  });

  it('bad OIT outcome, and a reason without an outcome', () => {
    const header = [...HEADER, 'O2', 'O2_reason', 'O3'];
    const r = parseResultsCsv(csv([header, seedRow({ O2: '', O2_reason: 'ไม่ครบ', O3: 'ครบ' }, header)]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 2, field: 'O2_reason', message: 'มีเหตุผลแต่ไม่ได้ระบุผลของข้อ O2 (ผ่าน/ไม่ผ่าน)' },
      { row: 2, field: 'O3', message: 'ต้องเป็น ผ่าน หรือ ไม่ผ่าน (ได้ "ครบ")' },
    ]);
  });

  it('wrong header: data where the header should be gives one clear error', () => {
    expect(errorsOf(parseResultsCsv(csv([seedRow(), seedRow()]), catalogues))).toEqual([
      {
        row: 1,
        field: '',
        message:
          'แถวแรกของไฟล์ต้องเป็นหัวตาราง เช่น fiscal_year, agency_code, agency_name, official_score, official_level, ind_1 … (ดาวน์โหลดแบบฟอร์มจากระบบเพื่อดูรูปแบบ)',
      },
    ]);
  });

  it('wrong header: required columns missing, duplicated, or a reason column without its outcome column', () => {
    const header = ['agency_name', ...IND.slice(0, 9), 'ind_1', 'O5_reason'];
    const r = parseResultsCsv(csv([header, ['ก', ...SEED.slice(0, 9), 1, '']]), catalogues);
    expect(errorsOf(r)).toEqual([
      { row: 1, field: 'ind_1', message: 'คอลัมน์ "ind_1" ซ้ำกับคอลัมน์ "ind_1"' },
      { row: 1, field: 'fiscal_year', message: 'ไม่พบคอลัมน์ fiscal_year (ปีงบประมาณ) ในหัวตาราง' },
      { row: 1, field: 'O5_reason', message: 'มีคอลัมน์เหตุผล "O5_reason" แต่ไม่มีคอลัมน์ผล O5' },
    ]);
    const noInd10 = HEADER.slice(0, -1);
    expect(errorsOf(parseResultsCsv(csv([noInd10, seedRow({}, noInd10)]), catalogues))).toEqual([
      { row: 1, field: 'ind_10', message: 'ไม่พบคอลัมน์ ind_10 (ตัวชี้วัดที่ 10) ซึ่งปีงบประมาณ 2565 ต้องมี' },
    ]);
  });

  it('data under a column without a header', () => {
    const r = parseResultsCsv(csv([[...HEADER, ''], [...seedRow(), 'x']]), catalogues);
    expect(errorsOf(r)).toEqual([{ row: 2, field: 'คอลัมน์ที่ 16', message: 'มีข้อมูลในคอลัมน์ที่ไม่มีหัวตาราง' }]);
  });

  it('empty file, and a header with no data', () => {
    for (const empty of ['', '\uFEFF', '\r\n\r\n', ',,,\r\n']) {
      expect(errorsOf(parseResultsCsv(empty, catalogues))).toEqual([{ field: '', message: 'ไฟล์ว่างเปล่า ไม่มีหัวตารางและข้อมูล' }]);
    }
    expect(errorsOf(parseResultsCsv(csv([HEADER]), catalogues))).toEqual([{ row: 1, field: '', message: 'ไฟล์มีแต่หัวตาราง ไม่มีแถวข้อมูล' }]);
  });

  it('broken files give one Thai error and never throw', () => {
    const garbage = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256);
    expect(errorsOf(parseResultsCsv(garbage, catalogues))).toHaveLength(1);
    expect(errorsOf(parseResultsCsv(garbage, catalogues))[0]!.message).toMatch(/^อ่านไฟล์ CSV ไม่ได้/);
    // TIS-620 (Windows-874) bytes of "ปี" are not UTF-8.
    expect(errorsOf(parseResultsCsv(new Uint8Array([0xbb, 0xd5, 0x2c, 0x41]), catalogues))[0]!.message).toContain('UTF-8');
    expect(errorsOf(parseResultsCsv('fiscal_year\u0000\u0001,x', catalogues))).toEqual([
      { field: '', message: 'ไฟล์ CSV เสียหายหรือไม่ใช่ไฟล์ข้อความ (ต้องเป็น CSV เข้ารหัส UTF-8)' },
    ]);
    expect(errorsOf(parseResultsCsv(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), catalogues))[0]!.message).toContain('ไฟล์ Excel');
    expect(errorsOf(parseResultsCsv('fiscal_year,agency_name\n2565,"ไม่ปิด', catalogues))).toEqual([
      { row: 2, field: '', message: 'เครื่องหมายคำพูด (") ที่เปิดในบรรทัดที่ 2 ไม่มีการปิด' },
    ]);
  });

  it('collects every error of the whole file, by row, and imports nothing', () => {
    const r = parseResultsCsv(
      csv([
        [...HEADER, 'foo'],
        seedRow(),
        seedRow({ agency_code: '2', ind_2: 101 }),
        seedRow(),
        seedRow({ agency_code: '4', fiscal_year: 2599, ind_5: 'x' }),
      ]),
      catalogues,
    );
    expect(errorsOf(r).map((e) => [e.row, e.field])).toEqual([
      [1, 'foo'],
      [3, 'ind_2'],
      [4, 'agency_code'],
      [5, 'fiscal_year'],
      [5, 'ind_5'],
    ]);
  });
});

describe('parseResultsXlsx', () => {
  async function workbook(rows: unknown[][], sheetName = 'ผลการประเมิน', extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    extra?.(wb);
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads numbers and text cells, and spreadsheet row numbers', async () => {
    const buf = await workbook([HEADER, seedRow(), [], seedRow({ agency_code: 7, agency_name: 'อบต. ก' })]);
    const rows = rowsOf(await parseResultsXlsx(buf, catalogues));
    expect(rows.map((r) => [r.sourceRow, r.agencyCode, r.indicators[10]])).toEqual([
      [2, '5340506', 18.75],
      [4, '7', 18.75],
    ]);
  });

  it('reads the data sheet even when the instructions sheet comes first', async () => {
    const buf = await workbook([HEADER, seedRow()], 'ผลการประเมิน', (wb) => wb.addWorksheet(INSTRUCTIONS_SHEET).addRow(['อ่านก่อน']));
    expect(rowsOf(await parseResultsXlsx(buf, catalogues))).toHaveLength(1);
  });

  it('reads formulas (their results), rich text and booleans', async () => {
    const header = [...HEADER, 'O2'];
    const row: unknown[] = seedRow({ O2: '' }, header);
    row[2] = { richText: [{ text: 'เทศบาล' }, { font: { bold: true }, text: 'ตำบลปรุใหญ่' }] };
    row[5] = { formula: '80+6.05', result: 86.05 };
    row[15] = false;
    const rows = rowsOf(await parseResultsXlsx(await workbook([header, row]), catalogues));
    expect(rows[0]).toMatchObject({ agencyName: 'เทศบาลตำบลปรุใหญ่', indicators: { 1: 86.05 }, oit: { O2: { passed: false } } });
  });

  it('reports errors with spreadsheet rows and column headers', async () => {
    const buf = await workbook([HEADER, seedRow(), [], [], seedRow({ ind_3: 120 }), seedRow({ fiscal_year: 2570, agency_code: '9' })]);
    expect(errorsOf(await parseResultsXlsx(buf, catalogues))).toEqual([
      // Within a row, columns left to right.
      { row: 5, field: 'agency_code', message: 'ข้อมูลซ้ำกับแถวที่ 2 (หน่วยงาน "5340506" ปีงบประมาณ 2565)' },
      { row: 5, field: 'ind_3', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)' },
      { row: 6, field: 'fiscal_year', message: 'ไม่มีแคตตาล็อกของปีงบประมาณ 2570' },
    ]);
  });

  it('unknown code column and wrong header', async () => {
    const header = [...HEADER, 'O44'];
    expect(errorsOf(await parseResultsXlsx(await workbook([header, seedRow({}, header)]), catalogues))).toEqual([
      { row: 1, field: 'O44', message: 'ไม่มีข้อ O44 ในรายการ OIT ของปีงบประมาณ 2565' },
    ]);
    expect(errorsOf(await parseResultsXlsx(await workbook([seedRow()]), catalogues))[0]!.message).toMatch(/^แถวแรกของไฟล์ต้องเป็นหัวตาราง/);
  });

  it('empty workbook or sheet', async () => {
    expect(errorsOf(await parseResultsXlsx(await workbook([]), catalogues))).toEqual([{ field: '', message: 'ไฟล์ว่างเปล่า ไม่มีหัวตารางและข้อมูล' }]);
    expect(errorsOf(await parseResultsXlsx(new Uint8Array(), catalogues))).toEqual([{ field: '', message: 'ไฟล์ว่างเปล่า' }]);
  });

  it('broken files give one Thai error and never throw', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(errorsOf(await parseResultsXlsx(garbage, catalogues))).toEqual([{ field: '', message: 'ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย' }]);
    // A zip header followed by garbage, a truncated workbook, and a zip that is not a workbook.
    const good = await workbook([HEADER, seedRow()]);
    const zipGarbage = new Uint8Array([0x50, 0x4b, 3, 4, ...garbage]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const notWorkbook = await zip.generateAsync({ type: 'uint8array' });
    for (const bytes of [zipGarbage, truncated, notWorkbook]) {
      expect(errorsOf(await parseResultsXlsx(bytes, catalogues))).toEqual([
        { field: '', message: 'เปิดไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย โปรดบันทึกใหม่เป็น .xlsx แล้วนำเข้าอีกครั้ง' },
      ]);
    }
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorsOf(await parseResultsXlsx(xls, catalogues))[0]!.message).toContain('.xls (Excel รุ่นเก่า)');
    expect(errorsOf(await parseResultsXlsx(new TextEncoder().encode(csv([HEADER, seedRow()])), catalogues))[0]!.message).toContain('ไม่ใช่ไฟล์ Excel');
  });

  it('the fast reader and ExcelJS read the same grid', async () => {
    const header = [...HEADER, 'O2', 'O2_reason'];
    const buf = await workbook([header, seedRow({ O2: 'ไม่ผ่าน', O2_reason: 'ขาด <องค์ประกอบ> & "ข้อเสนอแนะ"' }, header), [], seedRow({ agency_code: 3 }, header)]);
    const viaExcelJs = await readWithExcelJs(buf);
    const fast = rowsOf(await parseResultsXlsx(buf, catalogues));
    const slow = rowsOf((await import('./results-table.js')).parseResultsGrid(viaExcelJs, catalogues));
    expect(fast).toEqual(slow);
    expect(fast[0]!.oit!.O2!.reason).toBe('ขาด <องค์ประกอบ> & "ข้อเสนอแนะ"');
  });
});

describe('templates', () => {
  const cat = fy2565Catalogue();

  it('lists the columns: fixed, indicators, questions, then each OIT item with its reason', () => {
    const headers = resultsTemplateColumns(cat).map((c) => c.header);
    expect(headers.slice(0, 15)).toEqual(HEADER);
    expect(headers.slice(15, 17)).toEqual(['I1', 'I2']);
    expect(headers.slice(-4)).toEqual(['O42', 'O42_reason', 'O43', 'O43_reason']);
    expect(headers).toHaveLength(15 + 45 + 43 * 2);
  });

  it('CSV template: header and an example row that imports cleanly and analyses without flags', () => {
    const text = resultsTemplateCsv(cat);
    expect(text.startsWith('\uFEFFfiscal_year,agency_code,agency_name,official_score,official_level,ind_1,')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    const [row] = rowsOf(parseResultsCsv(text, catalogues));
    expect(row!.agencyName).toContain('ตัวอย่าง');
    expect(analyze(cat, row!).flags).toEqual([]);
  });

  it('XLSX template: data sheet with the example row, and a Thai instructions sheet', async () => {
    const buf = await resultsTemplateXlsx(cat);
    const names: string[] = [];
    const help = await readXlsxSheet(buf, (n) => (names.push(...n), n.indexOf(INSTRUCTIONS_SHEET)));
    expect(names).toEqual(['ผลการประเมิน', INSTRUCTIONS_SHEET]);
    expect(help!.rows[0]!.cells[0]).toBe('แบบฟอร์มนำเข้าผลการประเมิน ITA ปีงบประมาณ 2565');
    expect(help!.rows.find((r) => r.row === 8)!.cells.slice(0, 2)).toEqual(['fiscal_year', expect.stringContaining('ปีงบประมาณ พ.ศ.')]);
    const data = await readXlsxSheet(buf, () => 0);
    expect(typeof data!.rows[1]!.cells[5]).toBe('number');
    const [row] = rowsOf(await parseResultsXlsx(buf, catalogues));
    expect(analyze(cat, row!).flags).toEqual([]);
  }, 20_000);

  it('label years get their labels in the template example', () => {
    const cat67 = fy2567Catalogue();
    const [row] = rowsOf(parseResultsCsv(resultsTemplateCsv(cat67), catalogues));
    expect(row!.fiscalYear).toBe(2567);
    expect(['EXCELLENT', 'GOOD', 'PASS', 'IMPROVE', 'URGENT']).toContain(row!.official.level);
  });
});
