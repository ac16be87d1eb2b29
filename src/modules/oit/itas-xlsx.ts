/** The ITAS export as an Excel workbook (one sheet, URLs as hyperlinks). */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../shared/lazy-libraries.js';
import { ITAS_COLUMNS, itasCell, type ItasRow } from './domain/itas-export.js';
import { assertZipWithinLimits } from '../../shared/zip-limits.js';

export async function itasXlsx(rows: ItasRow[], sheetName: string): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Prongsai';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = ITAS_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(Object.fromEntries(ITAS_COLUMNS.map((c) => [c.key, itasCell(r, c.key)])));
    row.getCell('url').value = { text: r.url, hyperlink: r.url };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first worksheet of a workbook as rows of text cells (for the vendor-site import). */
export async function xlsxTable(bytes: Buffer): Promise<string[][]> {
  await assertZipWithinLimits(bytes);
  const wb = await newWorkbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 20); c++) {
      const cell = row.getCell(c);
      const v = cell.value as unknown;
      // Hyperlink cells hold { text, hyperlink }: the link is what matters.
      const text = v && typeof v === 'object' && 'hyperlink' in (v as object) ? String((v as { hyperlink: string }).hyperlink) : cell.text;
      cells.push(text ?? '');
    }
    rows.push(cells);
  });
  // Every row: the import refuses a file past its row limit rather than silently cutting it.
  return rows;
}
