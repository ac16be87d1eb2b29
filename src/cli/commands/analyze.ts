/**
 * `npm run cli -- analyze FILE [--json] [--catalogue CATALOGUE.json]`
 *
 * Reads one agency-year of results in the JSON import format (docs/results-import.md), checks it
 * against the year's shipped catalogue, and prints the analysis: one JSON object with `--json`,
 * otherwise a Thai summary. `--catalogue` analyses against a catalogue file instead (a draft or
 * corrected year before it is shipped). Exit 0 on success, 1 on any input problem, 2 on misuse.
 */
import { readFile } from 'node:fs/promises';
import type { CliCommand, CliIO } from '../main.js';
import { parseArgs } from '../args.js';
import { describeFieldError } from '../../shared/errors.js';
import { formatNumber } from '../../shared/thai.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { catalogueSchema, TOOL_CODES, type Catalogue, type ToolCode } from '../../modules/catalogue/domain/schema.js';
import { getShippedCatalogue } from '../../modules/catalogue/shipped.js';
import { analyze, roundTo } from '../../modules/ita-results/domain/analysis.js';
import { parseResultsJson } from '../../modules/ita-results/domain/results-input.js';
import type { Analysis } from '../../modules/ita-results/domain/types.js';
import { findLevel, levelShortTh } from '../../modules/ita-results/domain/catalogue-index.js';

const USAGE = 'วิธีใช้: npm run cli -- analyze ไฟล์ผลการประเมิน.json [--json] [--catalogue แคตตาล็อก.json]';

export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['catalogue']);
  const file = positional[0];
  if (!file || positional.length > 1) {
    io.err(USAGE);
    return 2;
  }

  const raw = await readJson(file, 'ไฟล์ผลการประเมิน', io);
  if (raw === undefined) return 1;

  let catalogues: (year: number) => Catalogue | undefined = getShippedCatalogue;
  if (typeof flags.catalogue === 'string') {
    const catRaw = await readJson(flags.catalogue, 'ไฟล์แคตตาล็อก', io);
    if (catRaw === undefined) return 1;
    const cat = catalogueSchema.safeParse(catRaw);
    if (!cat.success) {
      io.err(`ไฟล์แคตตาล็อก "${flags.catalogue}" ไม่ถูกต้อง:`);
      for (const e of zodToFieldErrors(cat.error)) io.err(`  - ${describeFieldError(e)}`);
      return 1;
    }
    catalogues = (year) => (year === cat.data.fiscalYear ? cat.data : undefined);
  } else if (flags.catalogue === true) {
    io.err('ตัวเลือก --catalogue ต้องตามด้วยชื่อไฟล์แคตตาล็อก');
    return 2;
  }

  const parsed = parseResultsJson(raw, catalogues);
  if (!parsed.ok) {
    io.err(`ข้อมูลในไฟล์ "${file}" ไม่ถูกต้อง (${parsed.errors.length} รายการ):`);
    for (const e of parsed.errors) io.err(`  - ${describeFieldError(e)}`);
    return 1;
  }
  const catalogue = catalogues(parsed.value.fiscalYear)!;
  const analysis = analyze(catalogue, parsed.value);

  if (flags.json) io.out(JSON.stringify(toCliJson(analysis), null, 2));
  else io.out(summaryTh(analysis, catalogue));
  return 0;
};

async function readJson(path: string, what: string, io: CliIO): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `ไม่พบ${what} "${path}"`
        : code === 'EISDIR'
          ? `"${path}" เป็นโฟลเดอร์ ไม่ใช่${what}`
          : `อ่าน${what} "${path}" ไม่ได้ (${code ?? 'ไม่ทราบสาเหตุ'})`,
    );
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    io.err(`${what} "${path}" ไม่ใช่ JSON ที่ถูกต้อง: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The `--json` output: a stable, flat shape for scripts and the benchmarks. */
export function toCliJson(a: Analysis) {
  const tools = {} as Record<ToolCode, number>;
  const lowestPerTool = {} as Record<ToolCode, number>;
  for (const t of TOOL_CODES) {
    tools[t] = a.tools[t];
    lowestPerTool[t] = a.lowestPerTool[t].indicator;
  }
  return {
    fiscalYear: a.fiscalYear,
    agencyName: a.agencyName ?? null,
    total: {
      computed: a.total.computed,
      // Unrounded in the analysis; six decimals here hide binary noise (65.66560000000001).
      exact: roundTo(a.total.exact, 6),
      official: a.total.official,
      difference: a.total.difference,
    },
    level: a.level.computed,
    levelLabelTh: a.level.computedLabelTh,
    levelOfficial: a.level.official,
    tools,
    indicators: a.indicators,
    strengths: a.strengths,
    lowestPerTool,
    lowestDetail: a.lowestPerTool,
    failedOit: a.failedOit.map((f) => ({
      code: f.code,
      titleTh: f.titleTh,
      indicator: f.indicator,
      subIndicator: f.subIndicator,
      reason: f.reason,
      recommendation: f.recommendation,
    })),
    flags: a.flags,
    passMark: a.passMark,
    passed: a.passed,
    gapToPass: a.gapToPass,
    changes: a.changes,
  };
}

const n2 = (n: number) => formatNumber(n, 'arabic', 2);

/** "ระดับ C" in band years, "ระดับผ่านดี" in label years. */
function levelText(catalogue: Catalogue, code: string): string {
  const level = findLevel(catalogue, code);
  return `ระดับ${catalogue.rating.kind === 'bands' ? ' ' : ''}${level ? levelShortTh(catalogue, level) : code}`;
}

/** The readable Thai summary printed without `--json`. */
export function summaryTh(a: Analysis, catalogue: Catalogue): string {
  const lines: string[] = [];
  lines.push(`ผลการประเมิน ITA ปีงบประมาณ ${a.fiscalYear}${a.agencyName ? ` — ${a.agencyName}` : ''}`);
  lines.push(`คะแนนรวมที่คำนวณจากตัวชี้วัด: ${n2(a.total.computed)} (ค่าจริง ${roundTo(a.total.exact, 4)}) ${levelText(catalogue, a.level.computed)}`);
  if (a.total.official !== null || a.level.official !== null) {
    const parts = [];
    if (a.total.official !== null) parts.push(`${n2(a.total.official)} (ต่างจากค่าที่คำนวณ ${roundTo(a.total.difference!, 4)})`);
    if (a.level.official !== null) parts.push(levelText(catalogue, a.level.official));
    lines.push(`คะแนนที่ประกาศ: ${parts.join(' ')}`);
  }
  lines.push(
    a.passed
      ? `ผ่านเกณฑ์ ${n2(a.passMark)} คะแนน`
      : `ยังไม่ผ่านเกณฑ์ ${n2(a.passMark)} คะแนน (ขาดอีก ${n2(a.gapToPass)} คะแนน)`,
  );
  lines.push(`เครื่องมือ: ${TOOL_CODES.map((t) => `${t} ${n2(a.tools[t])}`).join(' | ')}`);
  lines.push('', 'คะแนนรายตัวชี้วัด:');
  for (const ind of a.indicators) {
    const mark = a.strengths.includes(ind.no) ? '  (จุดแข็ง)' : '';
    lines.push(`  ${String(ind.no).padStart(2)}. ${ind.nameTh} [${ind.tool}] ${n2(ind.score)}${mark}`);
  }
  lines.push('', 'ตัวชี้วัดที่คะแนนต่ำสุดของแต่ละเครื่องมือ:');
  for (const t of TOOL_CODES) {
    const low = a.lowestPerTool[t];
    lines.push(`  ${t}: ตัวชี้วัดที่ ${low.indicator} ${low.nameTh} ${n2(low.score)}`);
    for (const q of low.questions) {
      lines.push(`      ${q.code}${q.score !== null ? ` (${n2(q.score)})` : ''} ${q.textTh}`);
    }
  }
  if (a.failedOit.length > 0) {
    lines.push('', `ข้อ OIT ที่ไม่ผ่าน (${a.failedOit.length} ข้อ):`);
    for (const f of a.failedOit) {
      lines.push(`  ${f.code} ${f.titleTh} (ตัวชี้วัดย่อย ${f.subIndicator})${f.reason ? ` — สาเหตุ: ${f.reason}` : ''}`);
    }
  }
  if (a.flags.length > 0) {
    lines.push('', 'ข้อสังเกตเกี่ยวกับข้อมูล:');
    for (const f of a.flags) lines.push(`  - ${f.message}`);
  }
  if (catalogue.status !== 'complete') {
    const status = catalogue.status === 'provisional' ? 'เป็นฉบับชั่วคราว' : 'มีข้อมูลเพียงบางส่วน';
    lines.push('', `หมายเหตุ: แคตตาล็อกปีงบประมาณ ${catalogue.fiscalYear} ${status} เกณฑ์บางข้อยังไม่ได้รับการยืนยัน`);
  }
  return lines.join('\n');
}
