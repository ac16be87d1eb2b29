/** The province view as CSV (UTF-8 with BOM, for Excel) and XLSX: one row per agency, the same columns. */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../shared/lazy-libraries.js';
import { toCsv } from '../ita-results/index.js';
import { AGENCY_STATUS_LABELS, isAgencyStatus } from '../agencies/index.js';
import type { OverviewData } from './overview.js';

const HEADER = [
  'ชื่อหน่วยงาน',
  'ชื่อย่อ (slug)',
  'ประเภท',
  'จังหวัด',
  'สถานะ',
  'ปีงบประมาณผล ITA ล่าสุด',
  'คะแนน ITA',
  'ที่มาของคะแนน',
  'ระดับ',
  'ผ่านเกณฑ์',
  'ปีงบประมาณ OIT',
  'รายการ OIT ที่เผยแพร่',
  'รายการ OIT ทั้งหมด',
  'ร้อยละที่เผยแพร่',
  'แผนปรับปรุง (ปีผล)',
  'จำนวนแถวในแผน',
  'รายงานผลตามมาตรการล่าสุด (ปีงบประมาณ)',
  'รอบรายงาน (เดือน)',
];

function table(data: OverviewData): (string | number)[][] {
  return data.rows.map((r) => [
    r.name,
    r.slug,
    r.typeTh,
    r.province,
    isAgencyStatus(r.status) ? AGENCY_STATUS_LABELS[r.status] : r.status,
    r.result?.fiscalYear ?? '',
    r.result?.total ?? '',
    r.result ? (r.result.source === 'official' ? 'ประกาศ' : 'คำนวณ') : '',
    r.result?.levelTh ?? '',
    r.result ? (r.result.passed ? 'ผ่าน' : 'ไม่ผ่าน') : '',
    data.oitYear,
    r.oit?.published ?? 0,
    r.oit?.total ?? '',
    r.oit?.publishedPercent ?? 0,
    r.plan?.resultsYear ?? '',
    r.plan?.rows ?? '',
    r.report?.fiscalYear ?? '',
    r.report?.round ?? '',
  ]);
}

/** A spreadsheet must not run a name that starts like a formula ("=…", "+…", "-…", "@…"). */
const inert = (v: string | number): string | number => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function overviewCsv(data: OverviewData): string {
  return toCsv([HEADER, ...table(data).map((row) => row.map(inert))]);
}

export async function overviewXlsx(data: OverviewData): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = wb.addWorksheet('ภาพรวม');
  sheet.addRow(HEADER).font = { bold: true };
  for (const row of table(data)) sheet.addRow(row.map(inert));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
