/**
 * A realistic nation-wide results file: 8,317 agencies' FY2565 results in the import format
 * (every template column: fiscal_year … ind_1–10, the 33 question columns, the 43 OIT items with
 * their reasons — 134 columns). Deterministic (seeded PRNG), so runs compare.
 *
 * Shape of the data, loosely after published FY2565 local-government results: each agency has a
 * "quality" q ~ N(0,1); IIT indicators ≈ 85 + 6q, EIT ≈ 83 + 5q (± 4), the two OIT indicators
 * ≈ 68 + 20q (± 15, clamped 0–100) — OIT is where scores spread. Question scores scatter around
 * their indicator. Every agency lists its failed OIT items (0–5, each with an evaluator's reason)
 * and one in ten lists every item; OIT indicator scores agree with the outcomes listed. The official total is the computed total truncated to two
 * decimals, as NACC published the seed's 65.6656 as 65.66; one row in 200 carries a wrong
 * official total so the analysis has flags to raise.
 */
import ExcelJS from 'exceljs';
import type { Catalogue } from '../../src/modules/catalogue/domain/schema.js';
import { analyze } from '../../src/modules/ita-results/domain/analysis.js';
import { DATA_SHEET, resultsTemplateColumns } from '../../src/modules/ita-results/domain/results-table.js';
import { toCsv } from '../../src/modules/ita-results/domain/csv.js';
import type { OitOutcome, ResultsInput } from '../../src/modules/ita-results/domain/types.js';

export const NATIONWIDE_AGENCIES = 8317;

type Cell = string | number;

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: [string, number][] = [
  ['องค์การบริหารส่วนตำบล', 0.66],
  ['เทศบาลตำบล', 0.28],
  ['เทศบาลเมือง', 0.025],
  ['เทศบาลนคร', 0.004],
  ['องค์การบริหารส่วนจังหวัด', 0.01],
  ['สำนักงาน', 0.021],
];
const SYLLABLES = ['บ้าน', 'หนอง', 'โนน', 'ดอน', 'นา', 'ห้วย', 'คลอง', 'บึง', 'ท่า', 'เขา', 'ป่า', 'วัง', 'สระ', 'โคก', 'ทุ่ง', 'แม่', 'ปรุ', 'ใหญ่', 'น้อย', 'ทอง', 'แก้ว', 'บัว', 'ไผ่', 'สูง', 'ใหม่', 'กลาง', 'เหนือ', 'ใต้', 'ตะวันออก', 'งาม'];
const REASONS = [
  'ขาดองค์ประกอบ ปัญหา อุปสรรค และข้อเสนอแนะ',
  'ไม่ครบตามองค์ประกอบที่กำหนด',
  'ไม่แสดงให้เห็นถึงช่องทาง (URL) ที่สามารถเข้าถึงหรือเชื่อมโยงไปยังข้อมูลได้จากเว็บไซต์หลักของหน่วยงาน',
  'ต้องเป็นข้อมูลของปีงบประมาณ พ.ศ. 2565',
  'รายงานความก้าวหน้าไม่ครอบคลุมระยะเวลา 6 เดือนแรกของปีงบประมาณ',
  'E-Service URL ไม่เชื่อมโยงกับเว็บไซต์หลัก',
  'ไม่พบข้อมูล',
  'ข้อมูลไม่เป็นปัจจุบัน, ไม่ระบุวันที่ "ประกาศ"',
];

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, x));

export interface GeneratedFile {
  header: string[];
  rows: Cell[][];
  stats: { failedOitOutcomes: number; fullOitRows: number; wrongOfficial: number };
}

export function generateNationwideResults(catalogue: Catalogue, count = NATIONWIDE_AGENCIES, seed = 2565): GeneratedFile {
  const rnd = prng(seed);
  const normal = () => {
    const u = 1 - rnd();
    const v = rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const columns = resultsTemplateColumns(catalogue);
  const header = columns.map((c) => c.header);
  const at = new Map(header.map((h, i) => [h, i]));
  const indicators = [...catalogue.indicators].sort((a, b) => a.no - b.no);
  const oitCodes = catalogue.oitItems.map((i) => i.code);
  const itemsOf = new Map<number, string[]>();
  for (const item of catalogue.oitItems) itemsOf.set(item.indicator, [...(itemsOf.get(item.indicator) ?? []), item.code]);
  const stats = { failedOitOutcomes: 0, fullOitRows: 0, wrongOfficial: 0 };

  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const q = clamp(normal(), -3, 3);
    const failedCount = Math.min(oitCodes.length, Math.max(0, Math.round(2 - 1.2 * q + normal())));
    const failed = new Set<string>();
    while (failed.size < failedCount) failed.add(pick(oitCodes));
    const full = rnd() < 0.1;
    const oit: Record<string, OitOutcome> = {};
    for (const code of oitCodes) {
      if (failed.has(code)) oit[code] = { passed: false, reason: pick(REASONS) };
      else if (full) oit[code] = { passed: true };
    }
    const scores: Record<number, number> = {};
    for (const ind of indicators) {
      const [mean, spread, noise] = ind.tool === 'IIT' ? [85, 6, 4] : ind.tool === 'EIT' ? [83, 5, 4] : [68, 20, 15];
      let score = clamp(mean + spread * q + noise * normal(), ind.tool === 'OIT' ? 0 : 35);
      if (ind.tool === 'OIT') {
        // Consistent with the outcomes given (the analysis flags what cannot be): every item
        // listed → the pass share; failures listed → below that share; a pass → above 0.
        const items = itemsOf.get(ind.no) ?? [];
        const fails = items.filter((c) => failed.has(c)).length;
        const share = items.length ? (100 * (items.length - fails)) / items.length : 100;
        score = full ? share : fails > 0 ? Math.min(score, share) : score;
        if (fails > 0 && score >= 100) score = 99.5;
        if (full && fails < items.length && score <= 0) score = 0.5;
      }
      scores[ind.no] = round2(score);
    }
    const input: ResultsInput = { fiscalYear: catalogue.fiscalYear, official: {}, indicators: scores, oit };
    const a = analyze(catalogue, input);
    let official = Math.trunc(a.total.exact * 100) / 100;
    if (i % 200 === 137) {
      official = round2(clamp(official + 0.37));
      stats.wrongOfficial++;
    }
    stats.failedOitOutcomes += failed.size;
    if (full) stats.fullOitRows++;

    const row: Cell[] = new Array(header.length).fill('');
    const [type] = weighted(TYPES, rnd());
    row[at.get('fiscal_year')!] = catalogue.fiscalYear;
    row[at.get('agency_code')!] = String(5_000_001 + i);
    row[at.get('agency_name')!] = `${type}${pick(SYLLABLES)}${pick(SYLLABLES)}${rnd() < 0.3 ? pick(SYLLABLES) : ''}`;
    row[at.get('official_score')!] = official.toFixed(2);
    row[at.get('official_level')!] = a.level.computed;
    for (const ind of indicators) row[at.get(`ind_${ind.no}`)!] = scores[ind.no]!.toFixed(2);
    for (const question of catalogue.questions) {
      row[at.get(question.code)!] = round2(clamp(scores[question.indicator]! + 5 * normal())).toFixed(2);
    }
    for (const [code, o] of Object.entries(oit)) {
      row[at.get(code)!] = o.passed ? 'ผ่าน' : 'ไม่ผ่าน';
      if (o.reason) row[at.get(`${code}_reason`)!] = o.reason;
    }
    rows.push(row);
  }
  return { header, rows, stats };
}

function weighted<T>(options: [T, number][], r: number): [T, number] {
  let acc = 0;
  for (const o of options) {
    acc += o[1];
    if (r < acc) return o;
  }
  return options[options.length - 1]!;
}

/** UTF-8 CSV with BOM and CRLF, as Excel's "CSV UTF-8" writes it. */
export function toResultsCsv(file: GeneratedFile): string {
  return toCsv([file.header, ...file.rows]);
}

/** An XLSX workbook with the data sheet the importer looks for; scores as numbers, as Excel keeps them. */
export async function writeResultsXlsx(file: GeneratedFile, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = wb.addWorksheet(DATA_SHEET);
  sheet.addRow(file.header).commit();
  const numeric = file.header.map((h) => /^(fiscal_year|official_score|ind_\d+|[IE]\d+)$/.test(h));
  for (const r of file.rows) {
    sheet.addRow(r.map((v, i) => (v === '' ? null : numeric[i] ? Number(v) : v))).commit();
  }
  sheet.commit();
  await wb.commit();
}
