import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { catalogueFromXlsx, catalogueToXlsx, SHEET } from './xlsx.js';
import { parseCatalogue } from './validate.js';
import type { Catalogue } from './schema.js';
import type { FieldError } from '../../../shared/errors.js';

const DATA = new URL('../data/', import.meta.url);
function shipped(fy: number): Catalogue {
  const r = parseCatalogue(JSON.parse(readFileSync(new URL(`fy${fy}.json`, DATA), 'utf8')));
  if (!r.ok) throw new Error(`fy${fy}.json is invalid`);
  return r.catalogue;
}
const years = readdirSync(DATA)
  .map((f) => /^fy(\d{4})\.json$/.exec(f)?.[1])
  .filter((y): y is string => y !== undefined)
  .map(Number);

/** Exports FY2565, lets the test edit the workbook like a person would, and reads it back. */
async function editAndRead(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await catalogueToXlsx(shipped(2565))) as unknown as ExcelJS.Buffer);
  edit(wb);
  return catalogueFromXlsx(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
async function errorsAfter(edit: (wb: ExcelJS.Workbook) => void): Promise<FieldError[]> {
  const r = await editAndRead(edit);
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  for (const e of r.errors) expect(e.message, e.field).toMatch(/[\u0E00-\u0E7F]/);
  return r.errors;
}
/** The sheet row holding a value in the first column, as Excel numbers it. */
function rowWith(ws: ExcelJS.Worksheet, first: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no row ${first}`);
}
function columnOf(ws: ExcelJS.Worksheet, key: string): number {
  let found = -1;
  ws.getRow(1).eachCell((cell, n) => {
    if (String(cell.value).endsWith(`(${key})`)) found = n;
  });
  if (found < 0) throw new Error(`no column ${key}`);
  return found;
}
const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;

describe('catalogue workbook round trip', () => {
  it.each(years)('FY%i → xlsx → catalogue is lossless', async (fy) => {
    const c = shipped(fy);
    const r = await catalogueFromXlsx(await catalogueToXlsx(c));
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (r.ok) expect(r.catalogue).toEqual(c);
  });

  it('writes the sheets an officer expects, with Thai headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await catalogueToXlsx(shipped(2565))) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET));
    const items = sheet(wb, SHEET.oitItems);
    expect(items.getRow(1).getCell(1).value).toBe('รหัส (code)');
    expect(items.rowCount).toBe(44);
    const elements = sheet(wb, SHEET.elements);
    const o17 = rowWith(elements, 'O17');
    const checks = [o17, o17 + 1].map((r) => elements.getRow(r).getCell(columnOf(elements, 'checks')).value);
    expect(checks).toContain('https-link');
  });

  it('accepts what a person types: Thai digits, yes/no words, a real date cell, extra columns', async () => {
    const r = await editAndRead((wb) => {
      const tools = sheet(wb, SHEET.tools);
      tools.getRow(2).getCell(columnOf(tools, 'weight')).value = '๓๐';
      tools.getRow(2).getCell(columnOf(tools, 'verified')).value = 'ไม่ใช่';
      tools.getRow(1).getCell(20).value = 'ความเห็นผู้ตรวจ';
      tools.getRow(2).getCell(20).value = 'ตรวจแล้ว';
      const cal = sheet(wb, SHEET.calendar);
      cal.getRow(2).getCell(columnOf(cal, 'from')).value = new Date(Date.UTC(2022, 0, 3));
    });
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.catalogue.tools[0]).toMatchObject({ code: 'IIT', weight: 30, verified: false });
    expect(r.catalogue.calendar[0]!.from).toBe('2022-01-03');
  });
});

describe('catalogue workbook errors', () => {
  it('names the sheet, column and row of a duplicate item code', async () => {
    const errors = await errorsAfter((wb) => {
      const ws = sheet(wb, SHEET.oitItems);
      ws.getRow(rowWith(ws, 'O11')).getCell(1).value = 'O10';
    });
    expect(errors).toContainEqual({ field: 'รายการ OIT.code', row: 12, message: 'รายการ O10 ซ้ำ' });
  });

  it('reports a weight that is not a number, and weights that no longer add up to 100', async () => {
    const errors = await errorsAfter((wb) => {
      const ws = sheet(wb, SHEET.tools);
      ws.getRow(3).getCell(columnOf(ws, 'weight')).value = 'สามสิบ';
    });
    expect(errors).toContainEqual({ field: 'เครื่องมือ.weight', row: 3, message: expect.stringContaining('ตัวเลข') });

    const sumErrors = await errorsAfter((wb) => {
      const ws = sheet(wb, SHEET.tools);
      ws.getRow(4).getCell(columnOf(ws, 'weight')).value = 50;
    });
    expect(sumErrors).toEqual([{ field: 'เครื่องมือ', message: expect.stringContaining('100') }]);
  });

  it('points at the element row with an unknown check, and at one that names no item', async () => {
    let badRow = 0;
    let orphanRow = 0;
    const errors = await errorsAfter((wb) => {
      const ws = sheet(wb, SHEET.elements);
      badRow = rowWith(ws, 'O5');
      ws.getRow(badRow).getCell(columnOf(ws, 'checks')).value = 'structured-contact, ตรวจด้วยตา';
      orphanRow = ws.rowCount + 1;
      ws.getRow(orphanRow).values = ['O99', 'extra', 'องค์ประกอบเกิน'];
    });
    expect(errors).toContainEqual({ field: 'องค์ประกอบ OIT.checks', row: badRow, message: expect.any(String) });
    expect(errors).toContainEqual({ field: 'องค์ประกอบ OIT.item', row: orphanRow, message: expect.stringContaining('O99') });
  });

  it('points at the sub-indicator row whose code does not belong to its indicator', async () => {
    const errors = await errorsAfter((wb) => {
      const ws = sheet(wb, SHEET.subIndicators);
      ws.getRow(3).getCell(columnOf(ws, 'code')).value = '10.9';
    });
    expect(errors).toContainEqual({ field: 'ตัวชี้วัดย่อย.code', row: 3, message: expect.stringContaining('10.9') });
  });

  it('points at the rating row and the year-sheet row', async () => {
    const errors = await errorsAfter((wb) => {
      const rating = sheet(wb, SHEET.rating);
      rating.getRow(3).getCell(columnOf(rating, 'min')).value = 120;
      const year = sheet(wb, SHEET.year);
      year.getRow(rowWith(year, 'fiscalYear')).getCell(2).value = 'สองพันห้าร้อย';
    });
    expect(errors).toContainEqual({ field: 'ระดับผลการประเมิน.min', row: 3, message: 'ต้องไม่เกิน 100' });
    expect(errors).toContainEqual({ field: 'ปีงบประมาณ.value', row: 2, message: expect.stringContaining('fiscalYear') });
  });

  it('reports an unknown rating kind on its row of the year sheet', async () => {
    let row = 0;
    const errors = await errorsAfter((wb) => {
      const year = sheet(wb, SHEET.year);
      row = rowWith(year, 'ratingKind');
      year.getRow(row).getCell(2).value = 'stars';
    });
    expect(errors).toContainEqual({ field: 'ปีงบประมาณ.value', row, message: expect.stringContaining('bands หรือ labels') });
  });

  it('reports a missing sheet and a missing column once, not per row', async () => {
    const missingSheet = await errorsAfter((wb) => wb.removeWorksheet(sheet(wb, SHEET.calendar).id));
    expect(missingSheet).toEqual([{ field: SHEET.calendar, message: expect.stringContaining(SHEET.calendar) }]);

    const missingColumn = await errorsAfter((wb) => {
      const ws = sheet(wb, SHEET.oitItems);
      ws.getRow(1).getCell(columnOf(ws, 'subIndicator')).value = 'ตัวชี้วัดย่อย';
    });
    expect(missingColumn).toEqual([{ field: 'รายการ OIT.subIndicator', row: 1, message: expect.stringContaining('subIndicator') }]);
  });

  it.each([
    ['plain text', Buffer.from('fiscalYear,2565\n', 'utf8')],
    ['an empty file', Buffer.alloc(0)],
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
  ])('turns %s into a Thai error instead of throwing', async (_name, buf) => {
    const r = await catalogueFromXlsx(buf);
    expect(r).toEqual({ ok: false, errors: [{ field: 'ไฟล์', message: expect.stringContaining('.xlsx') }] });
  });

  it('turns a zip that is not a workbook into Thai errors', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'สวัสดี');
    const r = await catalogueFromXlsx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'ไฟล์', message: expect.stringContaining('ไม่ใช่แคตตาล็อก') }] });
  });
});
