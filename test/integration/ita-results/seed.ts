/**
 * The seed's FY2565 results (เทศบาลตำบลปรุใหญ่, measures-fy2565-pru-yai.md) as test data, in the
 * shapes the tests send: form fields, CSV text, an XLSX workbook and the JSON import format.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Catalogue } from '../../../src/modules/catalogue/index.js';

// One copy of the seed's figures: the product's own fixture (also used by the demo and benchmarks).
const SEED_FILE = JSON.parse(
  readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8'),
) as { indicators: Record<string, number>; oit: Record<string, { passed: boolean; reason: string }> };

export const SEED_INDICATORS: Record<number, number> = Object.fromEntries(
  Object.entries(SEED_FILE.indicators).map(([no, score]) => [Number(no), score]),
);

export const SEED_FAILED_OIT: Record<string, string> = Object.fromEntries(
  Object.entries(SEED_FILE.oit).filter(([, o]) => !o.passed).map(([code, o]) => [code, o.reason]),
);

export const SEED_OFFICIAL = { score: 65.66, level: 'C' };
export const AGENCY_NAME = 'เทศบาลตำบลทดสอบ'; // the name test/support/app.ts setUpAgency gives

/** The entry form's fields for the seed (every OIT item of the year: failed ones with reasons). */
export function seedForm(catalogue: Catalogue, overrides: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = { 'official.score': '65.66', 'official.level': 'C' };
  for (const [no, s] of Object.entries(SEED_INDICATORS)) fields[`indicators.${no}`] = s.toFixed(2);
  for (const item of catalogue.oitItems) {
    const reason = SEED_FAILED_OIT[item.code];
    fields[`oit.${item.code}`] = reason ? 'failed' : 'passed';
    fields[`oit.${item.code}.reason`] = reason ?? '';
  }
  return { ...fields, ...overrides };
}

/** The seed in the JSON import format. */
export function seedJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fiscalYear: 2565,
    agency: { name: AGENCY_NAME },
    official: SEED_OFFICIAL,
    indicators: Object.fromEntries(Object.entries(SEED_INDICATORS).map(([k, v]) => [k, v])),
    oit: Object.fromEntries(Object.entries(SEED_FAILED_OIT).map(([code, reason]) => [code, { passed: false, reason }])),
    ...overrides,
  };
}

export const CSV_HEADER = [
  'fiscal_year',
  'agency_name',
  'official_score',
  'official_level',
  ...Object.keys(SEED_INDICATORS).map((n) => `ind_${n}`),
  ...Object.keys(SEED_FAILED_OIT).flatMap((c) => [c, `${c}_reason`]),
];

/** One data row of the seed for CSV_HEADER, with cells overridden by header name. */
export function seedRow(overrides: Record<string, string | number> = {}): (string | number)[] {
  const cells: Record<string, string | number> = {
    fiscal_year: 2565,
    agency_name: AGENCY_NAME,
    official_score: SEED_OFFICIAL.score,
    official_level: SEED_OFFICIAL.level,
  };
  for (const [no, s] of Object.entries(SEED_INDICATORS)) cells[`ind_${no}`] = s;
  for (const [code, reason] of Object.entries(SEED_FAILED_OIT)) {
    cells[code] = 'ไม่ผ่าน';
    cells[`${code}_reason`] = reason;
  }
  Object.assign(cells, overrides);
  return CSV_HEADER.map((h) => cells[h] ?? '');
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsvText(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ผลการประเมิน');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
