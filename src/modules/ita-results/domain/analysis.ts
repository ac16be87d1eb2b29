/**
 * Gap analysis of one agency-year of ITA results: tool and total scores recomputed from the
 * indicator scores, the level the year's rules give, strengths, the weakest indicator of each
 * tool with the questions behind it, failed OIT items, year-on-year changes, and flags where the
 * entered data does not add up. Pure: the catalogue comes in as data.
 *
 * Formula (methodology §2): a tool's score is the unweighted mean of its indicators; the total
 * is Σ weight/100 · tool. FY2565 check: Prueyai's indicators give 65.6656, published as 65.66.
 */
import type { Catalogue, ToolCode } from '../../catalogue/index.js';
import { formatNumber } from '../../../shared/thai.js';
import type {
  Analysis,
  AnalysisFlag,
  FailedOitItem,
  IndicatorResult,
  LowestIndicator,
  QuestionResult,
  ResultsInput,
  YearChange,
} from './types.js';
import { findLevel, indexCatalogue, levelShortTh, type LevelOption } from './catalogue-index.js';

export interface HistoryPoint {
  fiscalYear: number;
  total: number;
}

/**
 * Largest |official − exact| that rounding alone explains. NACC publishes each indicator to two
 * decimals, so each entered score is within ±0.005 of the true one; the total is a weighted mean
 * whose indicator weights sum to 1 (e.g. 6 % ×5 + 10 % ×3 + 20 % ×2), so the recomputed total is
 * within ±0.005 of the true total. The official total is then published to two decimals, either
 * rounded (±0.005) or truncated (up to −0.01, as 65.6656 → 65.66 suggests); the worst case is
 * 0.01. Together: 0.005 + 0.01 = 0.015. A tiny epsilon absorbs binary floating-point noise, so
 * that a difference of exactly 0.015 is not flagged while 0.0156 is.
 */
export const TOTAL_TOLERANCE = 0.015;
const FLOAT_EPSILON = 1e-9;

/** The three tools in report order. Kept here (not imported) so domain code takes only types from the catalogue module. */
const TOOL_CODES: readonly ToolCode[] = ['IIT', 'EIT', 'OIT'];

/**
 * Rounds half away from zero to `dp` decimals, immune to 1.005*100 = 100.49999… noise. The
 * 1e-7 nudge is far below any real gap: totals built from two-decimal scores and the catalogue
 * weights are multiples of 0.0001 or so, never within 1e-7 of a rounding boundary unless on it.
 */
export function roundTo(value: number, dp = 2): number {
  const f = 10 ** dp;
  const shifted = value * f;
  return Math.sign(shifted) * Math.round(Math.abs(shifted) + 1e-7) / f + 0;
}

const fmt = (n: number) => formatNumber(n, 'arabic', 2);

/**
 * The level the year's rules give for a total (and, for label years, the tool scores).
 * - `bands` (FY2563–2565): the highest band whose `min` the total reaches.
 * - `labels` (FY2566+): the first rule, in catalogue order, whose `minTotal` the total reaches
 *   and, when the rule has `minEachTool`, every tool reaches it too.
 * A total below every band or rule falls into the lowest one, so the function always answers.
 * @example levelFor(fy2565, 65.67) // { code: 'C', labelTh: 'C' }
 * @example levelFor(fy2568, 94.64, { IIT: 96, EIT: 84, OIT: 99 }) // { code: …, labelTh: 'ผ่าน' }
 */
export function levelFor(
  catalogue: Catalogue,
  total: number,
  tools: Partial<Record<ToolCode, number>> = {},
): LevelOption {
  const t = total + FLOAT_EPSILON;
  if (catalogue.rating.kind === 'bands') {
    const bands = indexCatalogue(catalogue).bandsDesc;
    const band = bands.find((b) => b.min <= t) ?? bands[bands.length - 1]!;
    return { code: band.code, labelTh: band.labelTh || band.code };
  }
  const rules = catalogue.rating.rules;
  const rule =
    rules.find(
      (r) =>
        r.minTotal <= t &&
        (r.minEachTool === undefined ||
          TOOL_CODES.every((code) => tools[code] !== undefined && tools[code]! + FLOAT_EPSILON >= r.minEachTool!)),
    ) ?? [...rules].sort((a, b) => a.minTotal - b.minTotal)[0]!;
  return { code: rule.code, labelTh: rule.labelTh };
}

/** Whether a level counts as passing: for label years, a rule whose `minTotal` reaches the pass mark. */
function levelPasses(catalogue: Catalogue, level: LevelOption, computed: number): boolean {
  if (catalogue.rating.kind === 'bands') return computed + FLOAT_EPSILON >= catalogue.passMark;
  const rule = catalogue.rating.rules.find((r) => r.code === level.code);
  return rule !== undefined && rule.minTotal + FLOAT_EPSILON >= catalogue.passMark;
}

/**
 * Analyses one agency-year against its year's catalogue.
 * @param history earlier totals of the same agency (any order; later or equal years are ignored).
 * @example analyze(fy2565, seed).total // { computed: 65.67, exact: 65.6656, official: 65.66, difference: -0.0056 }
 */
export function analyze(catalogue: Catalogue, input: ResultsInput, history: HistoryPoint[] = []): Analysis {
  const idx = indexCatalogue(catalogue);
  const flags: AnalysisFlag[] = [];

  // Indicators in number order. A missing score counts as 0 (never overstates the total);
  // parsing prevents it, but a half-entered record from the database must still render.
  const missing: number[] = [];
  const indicators: IndicatorResult[] = idx.indicators.map((ind) => {
    const raw = input.indicators[ind.no];
    const present = typeof raw === 'number' && Number.isFinite(raw);
    if (!present) missing.push(ind.no);
    return { no: ind.no, tool: ind.tool, nameTh: ind.nameTh, score: present ? raw : 0 };
  });
  if (missing.length > 0) {
    flags.push({
      code: 'MISSING_INDICATOR',
      message: `ไม่มีคะแนนตัวชี้วัดที่ ${missing.join(', ')} จึงนับเป็น 0 คะแนน ผลรวมจึงอาจต่ำกว่าความเป็นจริง`,
    });
  }

  const exactTools = {} as Record<ToolCode, number>;
  for (const tool of TOOL_CODES) {
    const scores = indicators.filter((i) => i.tool === tool).map((i) => i.score);
    exactTools[tool] = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : 0;
  }
  const exact = catalogue.tools.reduce((sum, t) => sum + (t.weight / 100) * exactTools[t.code], 0);
  const computed = roundTo(exact, 2);
  const tools = {} as Record<ToolCode, number>;
  for (const tool of TOOL_CODES) tools[tool] = roundTo(exactTools[tool], 2);

  const level = levelFor(catalogue, computed, tools);

  // Official total and level.
  const official = typeof input.official.score === 'number' && Number.isFinite(input.official.score) ? input.official.score : null;
  const difference = official === null ? null : roundTo(official - exact, 4);
  if (official !== null && Math.abs(official - exact) > TOTAL_TOLERANCE + FLOAT_EPSILON) {
    flags.push({
      code: 'TOTAL_MISMATCH',
      message:
        `คะแนนรวมที่ประกาศ (${fmt(official)}) ต่างจากคะแนนที่คำนวณจากตัวชี้วัด (${roundTo(exact, 4)}) ` +
        `${roundTo(Math.abs(official - exact), 4)} คะแนน เกินกว่าที่การปัดเศษอธิบายได้ (${TOTAL_TOLERANCE}) ` +
        'โปรดตรวจสอบคะแนนรายตัวชี้วัดที่กรอก',
    });
  }

  let officialLevel: string | null = null;
  const officialLevelText = input.official.level?.trim();
  if (officialLevelText) {
    const known = findLevel(catalogue, officialLevelText);
    officialLevel = known?.code ?? officialLevelText;
    if (!known) {
      flags.push({
        code: 'LEVEL_UNKNOWN',
        message: `ระดับที่ประกาศ "${officialLevelText}" ไม่มีในเกณฑ์ของปีงบประมาณ ${catalogue.fiscalYear}`,
      });
    } else {
      const basis = official ?? computed;
      const expected = levelFor(catalogue, basis, tools);
      if (expected.code !== known.code) {
        flags.push({
          code: 'LEVEL_MISMATCH',
          message:
            `ระดับที่ประกาศ (${levelShortTh(catalogue, known)}) ไม่ตรงกับเกณฑ์ของปีงบประมาณ ${catalogue.fiscalYear} ` +
            `ซึ่งคะแนน${official !== null ? 'ที่ประกาศ' : 'ที่คำนวณ'} ${fmt(basis)} ควรได้ระดับ ${levelShortTh(catalogue, expected)}`,
        });
      }
    }
  }

  // Strengths: at or above the threshold, best first; ties keep the lower indicator number.
  const byScoreDesc = [...indicators].sort((a, b) => b.score - a.score || a.no - b.no);
  const strong = byScoreDesc.filter((i) => i.score + FLOAT_EPSILON >= catalogue.strengthThreshold);
  const strengths = (strong.length ? strong : byScoreDesc.slice(0, 1)).map((i) => i.no);

  // The weakest indicator of each tool, with the questions behind it.
  const lowestPerTool = {} as Record<ToolCode, LowestIndicator>;
  for (const tool of TOOL_CODES) {
    const ofTool = indicators.filter((i) => i.tool === tool);
    const lowest = [...ofTool].sort((a, b) => a.score - b.score || a.no - b.no)[0];
    if (!lowest) {
      // The catalogue schema guarantees every tool an indicator; this only guards the type.
      lowestPerTool[tool] = { indicator: 0, nameTh: '', score: 0, questions: [] };
      continue;
    }
    lowestPerTool[tool] = {
      indicator: lowest.no,
      nameTh: lowest.nameTh,
      score: lowest.score,
      questions: questionsOf(idx.questionsOfIndicator.get(lowest.no) ?? [], input.questions ?? {}),
    };
  }

  const unknownQuestions = Object.keys(input.questions ?? {}).filter((code) => !idx.questionsByCode.has(code));
  if (unknownQuestions.length > 0) {
    flags.push({
      code: 'QUESTION_UNKNOWN',
      message: `ไม่มีข้อคำถาม ${unknownQuestions.join(', ')} ในแคตตาล็อกของปีงบประมาณ ${catalogue.fiscalYear} จึงไม่นำมาวิเคราะห์`,
    });
  }

  // Failed OIT items in catalogue order.
  const oit = input.oit ?? {};
  const failedOit: FailedOitItem[] = catalogue.oitItems
    .filter((item) => oit[item.code]?.passed === false)
    .map((item) => ({
      code: item.code,
      titleTh: item.titleTh,
      indicator: item.indicator,
      subIndicator: item.subIndicator,
      reason: oit[item.code]?.reason ?? '',
      recommendation: item.recommendationTh,
    }));
  const unknownOit = Object.keys(oit).filter((code) => !idx.oitByCode.has(code));
  if (unknownOit.length > 0) {
    flags.push({
      code: 'OIT_UNKNOWN',
      message: `ไม่มีข้อ ${unknownOit.join(', ')} ในรายการ OIT ของปีงบประมาณ ${catalogue.fiscalYear} จึงไม่นำมาวิเคราะห์`,
    });
  }
  if (Object.keys(oit).length > 0) flags.push(...oitConsistencyFlags(idx.oitOfIndicator, indicators, oit));

  const changes: YearChange[] = history
    .filter((h) => h.fiscalYear < input.fiscalYear && Number.isFinite(h.total))
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((h) => ({ fiscalYear: h.fiscalYear, total: h.total, delta: roundTo(computed - h.total, 2) }));

  return {
    fiscalYear: input.fiscalYear,
    ...(input.agencyName !== undefined ? { agencyName: input.agencyName } : {}),
    indicators,
    tools,
    total: { computed, exact, official, difference },
    level: { computed: level.code, computedLabelTh: level.labelTh, official: officialLevel },
    passMark: catalogue.passMark,
    passed: levelPasses(catalogue, level, computed),
    // The gap is measured from the total that counts: NACC's announced total when there is one
    // (the document and the dashboard cite it), else the total computed from the indicators.
    gapToPass: roundTo(Math.max(0, catalogue.passMark - (official ?? computed)), 2),
    strengths,
    lowestPerTool,
    failedOit,
    changes,
    flags,
  };
}

/**
 * Scored questions of the indicator, lowest first (ties in catalogue order). When none of its
 * questions has a score, every catalogue question is listed with score null, so the measures
 * document can still name what the indicator asks about.
 */
function questionsOf(
  catalogueQuestions: Catalogue['questions'],
  scores: Record<string, number>,
): QuestionResult[] {
  const scored = catalogueQuestions
    .map((q, order) => ({ q, order, score: scores[q.code] }))
    .filter((x): x is { q: (typeof x)['q']; order: number; score: number } => typeof x.score === 'number');
  if (scored.length === 0) {
    return catalogueQuestions.map((q) => ({ code: q.code, textTh: q.textTh, score: null, recommendationTh: q.recommendationTh }));
  }
  return scored
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ q, score }) => ({ code: q.code, textTh: q.textTh, score, recommendationTh: q.recommendationTh }));
}

/**
 * Checks only what holds whatever the year's item-to-indicator roll-up is (methodology §2 leaves
 * it unverified): an item that did not pass cannot leave its indicator at 100, an item that
 * passed cannot leave it at 0, every item passing means 100 and none passing means 0.
 */
function oitConsistencyFlags(
  itemsOfIndicator: Map<number, Catalogue['oitItems']>,
  indicators: IndicatorResult[],
  oit: NonNullable<ResultsInput['oit']>,
): AnalysisFlag[] {
  const flags: AnalysisFlag[] = [];
  for (const ind of indicators) {
    const items = itemsOfIndicator.get(ind.no) ?? [];
    const given = items.filter((item) => oit[item.code] !== undefined);
    if (given.length === 0) continue;
    const passed = given.filter((item) => oit[item.code]!.passed).length;
    const failed = given.length - passed;
    const complete = given.length === items.length;
    let problem: string | null = null;
    if (complete && failed === 0 && ind.score < 100) problem = `ทุกข้อ (${items.length} ข้อ) ผ่าน แต่คะแนนเป็น ${fmt(ind.score)} ไม่ใช่ 100`;
    else if (complete && passed === 0 && ind.score > 0) problem = `ไม่ผ่านทุกข้อ (${items.length} ข้อ) แต่คะแนนเป็น ${fmt(ind.score)} ไม่ใช่ 0`;
    else if (failed > 0 && ind.score >= 100) problem = `มี ${failed} ข้อที่ไม่ผ่าน แต่คะแนนเต็ม 100`;
    else if (passed > 0 && ind.score <= 0) problem = `มี ${passed} ข้อที่ผ่าน แต่คะแนนเป็น 0`;
    if (problem) {
      flags.push({ code: 'OIT_SCORE_INCONSISTENT', message: `ตัวชี้วัดที่ ${ind.no} (${ind.nameTh}): ${problem} โปรดตรวจสอบผล OIT ที่กรอก` });
    }
  }
  return flags;
}
