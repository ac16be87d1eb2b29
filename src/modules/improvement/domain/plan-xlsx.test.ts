import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedAnalysis, seedCatalogue, SEED_UNITS } from '../../documents/domain/test-fixtures.js';
import { draftPlan } from './draft-plan.js';
import { PLAN_MESSAGES } from './plan-validation.js';
import {
  MEASURES_SHEET,
  PLAN_HEADERS,
  PLAN_SHEET,
  UNITS_SHEET,
  parseDateCell,
  planFromXlsx,
  planToXlsx,
} from './plan-xlsx.js';
import type { ImprovementPlan } from './types.js';

const counter = (prefix = 'row') => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

function seedPlan(): ImprovementPlan {
  const catalogue = seedCatalogue();
  const plan = draftPlan(seedAnalysis(catalogue), catalogue, { units: SEED_UNITS }, { idFactory: counter() });
  // An officer's own row, with Thai digits and a comma in the text.
  plan.rows.push({
    id: 'manual-1',
    order: plan.rows.length + 1,
    source: { kind: 'manual' },
    weaknessTh: 'ป้ายประกาศช่องทางร้องเรียนชำรุด, ไม่ชัดเจน',
    steps: ['ติดตั้งป้ายใหม่ ๒ จุด', 'ถ่ายภาพและเผยแพร่บนเว็บไซต์'],
    responsibleUnit: 'กองช่าง',
    monitoring: ['รายงานผลรอบ 6 เดือน', 'ผู้บริหารตรวจรับงาน'],
    sixMonthDue: '2023-03-31',
    twelveMonthDue: '2023-09-30',
  });
  return plan;
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const col = (key: keyof typeof PLAN_HEADERS) => Object.keys(PLAN_HEADERS).indexOf(key) + 1;

describe('planToXlsx', () => {
  it('lays out the plan sheet, the measures sheet and the unit dropdown', async () => {
    const plan = seedPlan();
    const wb = await load(await planToXlsx(plan, SEED_UNITS));
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...Object.values(PLAN_HEADERS)]);
    expect(Object.values(PLAN_HEADERS)).toEqual([
      'id', 'ลำดับ', 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'ผู้รับผิดชอบ',
      'การรายงานผลและการกำกับติดตาม', 'กำหนดรายงาน 6 เดือน', 'กำหนดรายงาน 12 เดือน', 'ที่มา',
    ]);
    const first = ws.getRow(2);
    expect(first.getCell(col('id')).value).toBe('row-1');
    expect(first.getCell(col('steps')).value).toBe(plan.rows[0]!.steps.join('\n'));
    expect(first.getCell(col('sixMonthDue')).value).toBe('30 เม.ย. 2566');
    expect(first.getCell(col('twelveMonthDue')).value).toBe('31 ต.ค. 2566');
    expect(first.getCell(col('source')).value).toBe('question:I28');
    expect(ws.getRow(plan.rows.length + 1).getCell(col('source')).value).toBe('manual');

    const validation = first.getCell(col('responsibleUnit')).dataValidation;
    expect(validation.type).toBe('list');
    expect(validation.formulae).toEqual([`'${UNITS_SHEET}'!$A$1:$A$${SEED_UNITS.length}`]);
    const units = wb.getWorksheet(UNITS_SHEET)!;
    expect(units.state).toBe('hidden');
    expect(SEED_UNITS.map((_, i) => units.getCell(i + 1, 1).value)).toEqual(SEED_UNITS);

    const ms = wb.getWorksheet(MEASURES_SHEET)!;
    expect(ms.getRow(1).values).toEqual([undefined, 'ลำดับ', 'มาตรการ', 'รายละเอียด']);
    expect(ms.rowCount).toBe(plan.drivingMeasures.length + 1);
  });
});

describe('planFromXlsx', () => {
  it('round-trips a plan without loss', async () => {
    const plan = seedPlan();
    const result = await planFromXlsx(await planToXlsx(plan, SEED_UNITS), SEED_UNITS, 2566);
    expect(result).toEqual({ ok: true, plan });
  });

  it('reports every bad row with its sheet row number and column header', async () => {
    const wb = await load(await planToXlsx(seedPlan(), SEED_UNITS));
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    ws.getRow(2).getCell(col('responsibleUnit')).value = 'กองสาธารณสุข';
    ws.getRow(3).getCell(col('steps')).value = '\n  \n';
    ws.getRow(4).getCell(col('sixMonthDue')).value = '31 ก.พ. 2566';
    ws.getRow(5).getCell(col('sixMonthDue')).value = '1 พ.ย. 2566';
    ws.getRow(6).getCell(col('twelveMonthDue')).value = 'ปลายปี';
    ws.getRow(7).getCell(col('source')).value = 'oit:I28';
    ws.getRow(8).getCell(col('id')).value = 'row-1';
    ws.getRow(9).getCell(col('weaknessTh')).value = '';
    const result = await planFromXlsx(await save(wb), SEED_UNITS, 2566);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 2, field: 'ผู้รับผิดชอบ', message: PLAN_MESSAGES.unitUnknown(SEED_UNITS) },
      { row: 3, field: 'ขั้นตอนหรือวิธีการ/มาตรการ', message: PLAN_MESSAGES.stepsRequired },
      { row: 4, field: 'กำหนดรายงาน 6 เดือน', message: 'วันที่ไม่ถูกต้อง ใช้รูปแบบ 30 เม.ย. 2566 (พ.ศ.) หรือ 2023-04-30 (ค.ศ.)' },
      { row: 5, field: 'กำหนดรายงาน 6 เดือน', message: PLAN_MESSAGES.sixAfterTwelve },
      { row: 6, field: 'กำหนดรายงาน 12 เดือน', message: 'วันที่ไม่ถูกต้อง ใช้รูปแบบ 30 เม.ย. 2566 (พ.ศ.) หรือ 2023-04-30 (ค.ศ.)' },
      { row: 7, field: 'ที่มา', message: 'ที่มาไม่ถูกต้อง ต้องเป็น question:I28, oit:O11, indicator:5 หรือ manual' },
      { row: 8, field: 'id', message: 'รหัสแถว row-1 ซ้ำกับแถวก่อนหน้า' },
      { row: 9, field: 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน', message: PLAN_MESSAGES.weaknessRequired },
    ]);
  });

  it('accepts rows officers add, reorder or leave blank, and other date forms', async () => {
    const plan = seedPlan();
    const wb = await load(await planToXlsx(plan, SEED_UNITS));
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    // Row 2 moves to the end; a new row without id or order is added after a blank row.
    ws.getRow(2).getCell(col('order')).value = 99;
    // A real date cell (pasted from elsewhere) where a Thai-locale Excel stored the B.E. year as C.E.
    const dateCell = ws.getRow(3).getCell(col('sixMonthDue'));
    dateCell.value = new Date(Date.UTC(2566, 3, 30));
    dateCell.numFmt = 'd/m/yyyy';
    ws.getRow(4).getCell(col('sixMonthDue')).value = '๓๐ เมษายน ๒๕๖๖';
    ws.getRow(5).getCell(col('sixMonthDue')).value = '2023-04-30';
    ws.getRow(6).getCell(col('sixMonthDue')).value = { richText: [{ text: '30/4/' }, { text: '2566', font: { bold: true } }] };
    const added = plan.rows.length + 3;
    const values: Partial<Record<keyof typeof PLAN_HEADERS, ExcelJS.CellValue>> = {
      weaknessTh: 'ประเด็นใหม่',
      steps: '• ขั้นแรก\n• ขั้นสอง',
      responsibleUnit: 'กองคลัง',
      monitoring: 'รายงานผลรอบ 6 เดือน',
      sixMonthDue: '30 เม.ย. 2566',
      twelveMonthDue: '31 ต.ค. 2566',
    };
    for (const [key, value] of Object.entries(values)) ws.getRow(added).getCell(col(key as keyof typeof PLAN_HEADERS)).value = value;

    const result = await planFromXlsx(await save(wb), SEED_UNITS, 2566, { idFactory: counter('new') });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const rows = result.plan.rows;
    expect(rows.map((r) => r.order)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.at(-1)!.id).toBe('row-1');
    expect(rows.at(-2)).toEqual({
      id: 'new-1',
      order: rows.length - 1,
      source: { kind: 'manual' },
      weaknessTh: 'ประเด็นใหม่',
      steps: ['ขั้นแรก', 'ขั้นสอง'],
      responsibleUnit: 'กองคลัง',
      monitoring: ['รายงานผลรอบ 6 เดือน'],
      sixMonthDue: '2023-04-30',
      twelveMonthDue: '2023-10-31',
    });
    expect(rows.slice(0, 4).map((r) => r.sixMonthDue)).toEqual(['2023-04-30', '2023-04-30', '2023-04-30', '2023-04-30']);
  });

  it('returns a Thai error for a broken file instead of throwing', async () => {
    const result = await planFromXlsx(Buffer.from('this is not a workbook'), SEED_UNITS, 2566);
    expect(result).toEqual({ ok: false, errors: [{ field: '', message: 'ไม่สามารถอ่านไฟล์ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel (.xlsx)' }] });
  });

  it('names missing sheets and columns', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1');
    const noSheets = await planFromXlsx(await save(other), SEED_UNITS, 2566);
    expect(noSheets).toEqual({
      ok: false,
      errors: [
        { field: '', message: 'ไม่พบแผ่นงาน "แผนปรับปรุง" ในไฟล์' },
        { field: '', message: 'ไม่พบแผ่นงาน "มาตรการขับเคลื่อน" ในไฟล์' },
      ],
    });

    const wb = await load(await planToXlsx(seedPlan(), SEED_UNITS));
    wb.getWorksheet(PLAN_SHEET)!.getRow(1).getCell(col('responsibleUnit')).value = 'หน่วยงาน';
    const noColumn = await planFromXlsx(await save(wb), SEED_UNITS, 2566);
    expect(noColumn).toEqual({
      ok: false,
      errors: [{ row: 1, field: 'ผู้รับผิดชอบ', message: 'ไม่พบคอลัมน์ "ผู้รับผิดชอบ" ในแถวหัวตาราง' }],
    });
  });

  it('refuses a plan file of another year', async () => {
    const result = await planFromXlsx(await planToXlsx(seedPlan(), SEED_UNITS), SEED_UNITS, 2567);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: '', message: 'ไฟล์นี้เป็นแผนของปีงบประมาณ พ.ศ. 2566 แต่กำลังนำเข้าแผนของปีงบประมาณ พ.ศ. 2567' }],
    });
  });

  it('requires a title for each driving measure', async () => {
    const wb = await load(await planToXlsx(seedPlan(), SEED_UNITS));
    wb.getWorksheet(MEASURES_SHEET)!.getRow(3).getCell(2).value = null;
    const result = await planFromXlsx(await save(wb), SEED_UNITS, 2566);
    expect(result).toEqual({ ok: false, errors: [{ row: 3, field: 'มาตรการ', message: 'ต้องระบุชื่อมาตรการ' }] });
  });
});

describe('parseDateCell', () => {
  it.each<[ExcelJS.CellValue, string | null]>([
    ['30 เม.ย. 2566', '2023-04-30'],
    ['30 เมย 2566', '2023-04-30'],
    ['31 ตุลาคม พ.ศ. 2566', '2023-10-31'],
    ['๓๑ ต.ค. ๒๕๖๖', '2023-10-31'],
    ['2023-04-30', '2023-04-30'],
    ['2566-04-30', '2023-04-30'],
    ['30/04/2023', '2023-04-30'],
    ['30/4/2566', '2023-04-30'],
    [new Date(Date.UTC(2023, 3, 30)), '2023-04-30'],
    [new Date(Date.UTC(2566, 3, 30)), '2023-04-30'],
    ['29 ก.พ. 2566', null], // 2023 is not a leap year
    ['30 เม.ย. 2023', null], // a Thai month with a C.E. year is ambiguous
    ['30 Apr 2023', null],
    [45046, null],
    ['', null],
  ])('%s → %s', (value, iso) => expect(parseDateCell(value)).toBe(iso));
});
