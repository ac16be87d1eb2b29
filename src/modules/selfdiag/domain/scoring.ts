/**
 * Self-diagnosis scoring, pure. Questions are scored the way the reference describes the NACC IIT
 * form (replica of the FY2564 form, UNVERIFIED against NACC — shown to staff as provisional):
 * four-level answers 0 / 33.33 / 66.67 / 100; negatively worded items reversed (I9, I10, I16,
 * I17, I18, I19, I22); I4–I6 "มี" = 0 and "ไม่มี" = 100; I26 "มี" = 100. An indicator's score
 * is the mean of its questions' mean scores; a tool's score the mean of its indicators.
 *
 * k-anonymity: a unit with fewer than `threshold` responses is hidden (no figures at all). The
 * overall figures use the visible units plus the hidden units pooled together only when the
 * pool itself reaches the threshold — otherwise "overall minus the visible units" would give a
 * hidden unit's result away.
 */

export type Scoring = { kind: 'likert4'; reverse?: boolean } | { kind: 'yesno'; yesScore: 0 | 100 };

export interface ScoredQuestion {
  /** Survey question key (`i1`, `e11`, `x3`…). */
  key: string;
  /** Catalogue code (I1, E11) or an agency-entered code (X1…). */
  code: string;
  indicator: number;
  text: string;
  scoring: Scoring;
}

const REVERSED = new Set(['I9', 'I10', 'I16', 'I17', 'I18', 'I19', 'I22']);
const YES_IS_BAD = new Set(['I4', 'I5', 'I6']);
const YES_IS_GOOD = new Set(['I26']);

/** How the reference scores an IIT question code; every other code is a plain four-level item. */
export function scoringFor(code: string): Scoring {
  if (YES_IS_BAD.has(code)) return { kind: 'yesno', yesScore: 0 };
  if (YES_IS_GOOD.has(code)) return { kind: 'yesno', yesScore: 100 };
  return REVERSED.has(code) ? { kind: 'likert4', reverse: true } : { kind: 'likert4' };
}

/** One answer's score 0…100, or undefined when the answer does not fit the scoring. */
export function answerScore(scoring: Scoring, answer: unknown): number | undefined {
  if (scoring.kind === 'yesno') {
    if (typeof answer !== 'boolean') return undefined;
    return answer ? scoring.yesScore : 100 - scoring.yesScore;
  }
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > 4) return undefined;
  const s = ((answer - 1) / 3) * 100;
  return scoring.reverse ? 100 - s : s;
}

const mean = (xs: number[]): number | undefined => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean score per question key over answer sets (questions nobody answered are left out). */
export function questionScores(questions: readonly ScoredQuestion[], sets: readonly Record<string, unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of questions) {
    const m = mean(sets.map((s) => answerScore(q.scoring, s[q.key])).filter((v): v is number => v !== undefined));
    if (m !== undefined) out[q.key] = m;
  }
  return out;
}

/** Score per indicator number (two decimals): the mean of its questions' means. */
export function indicatorScores(questions: readonly ScoredQuestion[], sets: readonly Record<string, unknown>[]): Record<string, number> {
  const qs = questionScores(questions, sets);
  const by = new Map<number, number[]>();
  for (const q of questions) if (qs[q.key] !== undefined) by.set(q.indicator, [...(by.get(q.indicator) ?? []), qs[q.key]!]);
  return Object.fromEntries([...by].sort((a, b) => a[0] - b[0]).map(([no, xs]) => [String(no), round2(mean(xs)!)]));
}

export const toolScore = (indicators: Record<string, number>): number | undefined => {
  const m = mean(Object.values(indicators));
  return m === undefined ? undefined : round2(m);
};

export interface UnitResult {
  unit: string;
  responses: number;
  hidden: boolean;
  indicators?: Record<string, number>;
}

export interface RoundResult {
  units: UnitResult[];
  overall: {
    /** Responses the overall figures are computed from. */
    responses: number;
    /** Responses left out because their units (even pooled) stay below the threshold. */
    withheld: number;
    /** Hidden units pooled into the overall (when the pool reaches the threshold). */
    pooledUnits: number;
    indicators?: Record<string, number>;
    tool?: number;
    /** Mean score per question key (only with enough responses). */
    questions?: Record<string, number>;
  };
}

export const DEFAULT_THRESHOLD = 5;

/** Results by unit with k-anonymity (see the file comment). Units in name order. */
export function roundResults(questions: readonly ScoredQuestion[], responses: readonly { unit: string; answers: Record<string, unknown> }[], threshold = DEFAULT_THRESHOLD): RoundResult {
  const k = Math.max(1, Math.floor(threshold));
  const by = new Map<string, Record<string, unknown>[]>();
  for (const r of responses) by.set(r.unit, [...(by.get(r.unit) ?? []), r.answers]);
  const units: UnitResult[] = [...by.keys()].sort((a, b) => a.localeCompare(b, 'th')).map((unit) => {
    const sets = by.get(unit)!;
    return sets.length < k ? { unit, responses: sets.length, hidden: true } : { unit, responses: sets.length, hidden: false, indicators: indicatorScores(questions, sets) };
  });
  const visible = units.filter((u) => !u.hidden).flatMap((u) => by.get(u.unit)!);
  const hiddenUnits = units.filter((u) => u.hidden);
  const pool = hiddenUnits.flatMap((u) => by.get(u.unit)!);
  const pooled = pool.length >= k;
  const used = pooled ? [...visible, ...pool] : visible;
  const overall: RoundResult['overall'] = { responses: used.length, withheld: pooled ? 0 : pool.length, pooledUnits: pooled ? hiddenUnits.length : 0 };
  if (used.length >= k) {
    overall.indicators = indicatorScores(questions, used);
    const t = toolScore(overall.indicators);
    if (t !== undefined) overall.tool = t;
    overall.questions = Object.fromEntries(Object.entries(questionScores(questions, used)).map(([key, v]) => [key, round2(v)]));
  }
  return { units, overall };
}

/** The `n` lowest-scoring questions (ties in question order). */
export function weakestQuestions(questions: readonly ScoredQuestion[], scores: Record<string, number>, n = 3): (ScoredQuestion & { score: number })[] {
  return questions
    .filter((q) => scores[q.key] !== undefined)
    .map((q, i) => ({ ...q, score: scores[q.key]!, i }))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, n)
    .map(({ i: _i, ...q }) => q);
}
