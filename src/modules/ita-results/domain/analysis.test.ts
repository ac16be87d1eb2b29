import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, levelFor, roundTo, TOTAL_TOLERANCE } from './analysis.js';
import { parseResultsJson } from './results-input.js';
import { fixtureCatalogues, fy2565Catalogue, fy2567Catalogue, LABELS } from './test-fixtures.js';
import type { ResultsInput } from './types.js';

const fy65 = fy2565Catalogue();
const fy67 = fy2567Catalogue();

/** The product's own copy of the Prueyai FY2565 numbers, read through the real JSON parser. */
function seed(): ResultsInput {
  const raw: unknown = JSON.parse(readFileSync(new URL('./fixtures/seed-fy2565.json', import.meta.url), 'utf8'));
  const parsed = parseResultsJson(raw, fixtureCatalogues());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** Indicator scores 1…n from a list. */
function input(scores: number[], extra: Partial<ResultsInput> = {}, fiscalYear = 2565): ResultsInput {
  const indicators: Record<number, number> = {};
  scores.forEach((s, i) => (indicators[i + 1] = s));
  return { fiscalYear, official: {}, indicators, ...extra };
}

const flagCodes = (a: { flags: { code: string }[] }) => a.flags.map((f) => f.code);

describe('analyze: the FY2565 seed (เทศบาลตำบลปรุใหญ่)', () => {
  const a = analyze(fy65, seed());

  it('recomputes the total with weights 30/30/40 over unweighted tool means', () => {
    expect(a.tools).toEqual({ IIT: 78.63, EIT: 76.61, OIT: 47.73 });
    expect(a.total.exact).toBeCloseTo(65.6656, 10);
    expect(a.total.computed).toBe(65.67);
    expect(a.total.official).toBe(65.66);
    expect(a.total.difference).toBe(-0.0056);
  });

  it('does not flag 65.66 against 65.6656: rounding explains it', () => {
    expect(flagCodes(a)).not.toContain('TOTAL_MISMATCH');
    expect(a.flags).toEqual([]);
  });

  it('gives level C, matching the official level, and does not pass 85', () => {
    expect(a.level).toEqual({ computed: 'C', computedLabelTh: 'C', official: 'C' });
    expect(a.passMark).toBe(85);
    expect(a.passed).toBe(false);
    expect(a.gapToPass).toBe(19.34); // from the official 65.66, the total that counts
  });

  it('finds the lowest indicator of each tool', () => {
    expect(a.lowestPerTool.IIT).toMatchObject({ indicator: 5, nameTh: 'การแก้ไขปัญหาการทุจริต', score: 74.62 });
    expect(a.lowestPerTool.EIT).toMatchObject({ indicator: 8, score: 74.22 });
    expect(a.lowestPerTool.OIT).toMatchObject({ indicator: 10, nameTh: 'การป้องกันการทุจริต', score: 18.75, questions: [] });
  });

  it('lists the catalogue questions of the lowest indicator with score null when none were entered', () => {
    expect(a.lowestPerTool.IIT.questions.map((q) => q.code)).toEqual(['I25', 'I26', 'I27', 'I28', 'I29', 'I30']);
    expect(a.lowestPerTool.IIT.questions.every((q) => q.score === null)).toBe(true);
    expect(a.lowestPerTool.IIT.questions[3]).toEqual({
      code: 'I28',
      textTh: 'หน่วยงานของท่าน มีการดำเนินการดังต่อไปนี้ ต่อการทุจริตในหน่วยงาน มากน้อยเพียงใด',
      score: null,
      recommendationTh: 'ข้อเสนอแนะสำหรับ I28',
    });
    expect(a.lowestPerTool.EIT.questions.map((q) => q.code)).toEqual(['E11', 'E12', 'E13', 'E14', 'E15']);
  });

  it('reports strengths 1, 3 and 6 (≥ 80), best first', () => {
    expect(a.strengths).toEqual([1, 3, 6]);
  });

  it('lists the ten failed OIT items in catalogue order with reasons and recommendations', () => {
    expect(a.failedOit.map((f) => f.code)).toEqual(['O2', 'O11', 'O12', 'O17', 'O20', 'O27', 'O39', 'O40', 'O42', 'O43']);
    expect(a.failedOit[0]).toEqual({
      code: 'O2',
      titleTh: 'ข้อมูลผู้บริหาร',
      indicator: 9,
      subIndicator: '9.1',
      reason: expect.stringContaining('ไม่แสดงข้อมูลผู้บริหารฝ่ายข้าราชการประจำ'),
      recommendation: 'เผยแพร่ ข้อมูลผู้บริหาร ให้ครบองค์ประกอบ',
    });
    expect(a.failedOit.find((f) => f.code === 'O42')).toMatchObject({ indicator: 10, subIndicator: '10.2', reason: 'ไม่ครบตามองค์ประกอบที่กำหนด' });
  });

  it('keeps the agency name and year, and lists indicators in number order', () => {
    expect(a.fiscalYear).toBe(2565);
    expect(a.agencyName).toBe('เทศบาลตำบลปรุใหญ่');
    expect(a.indicators.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(a.indicators[9]).toEqual({ no: 10, tool: 'OIT', nameTh: 'การป้องกันการทุจริต', score: 18.75 });
  });

  it('lists failed items in catalogue order whatever order the input gives', () => {
    const s = seed();
    const reversed = Object.fromEntries(Object.entries(s.oit!).reverse());
    expect(analyze(fy65, { ...s, oit: reversed }).failedOit.map((f) => f.code)).toEqual(a.failedOit.map((f) => f.code));
  });

  it('uses an empty reason when the evaluator gave none', () => {
    const r = analyze(fy65, { ...seed(), oit: { O5: { passed: false } } });
    expect(r.failedOit).toEqual([expect.objectContaining({ code: 'O5', reason: '' })]);
  });
});

describe('levelFor: FY2565 bands', () => {
  it.each([
    [100, 'AA'],
    [95, 'AA'],
    [94.99, 'A'],
    [85, 'A'],
    [84.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [65.67, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [55, 'D'],
    [54.99, 'E'],
    [50, 'E'],
    [49.99, 'F'],
    [0, 'F'],
  ])('%s → %s', (total, code) => {
    expect(levelFor(fy65, total).code).toBe(code);
  });

  it('does not depend on the order the bands are listed in', () => {
    const shuffled = fy2565Catalogue({
      rating: { kind: 'bands', bands: [{ code: 'F', min: 0 }, { code: 'A', min: 85 }, { code: 'AA', min: 95 }, { code: 'B', min: 75 }] },
    });
    expect(levelFor(shuffled, 84.99).code).toBe('B');
    expect(levelFor(shuffled, 85).code).toBe('A');
    expect(levelFor(shuffled, 95).code).toBe('AA');
  });

  it('uses the computed (rounded) total: 84.995 rounds to 85.00 → A', () => {
    const a = analyze(fy65, input(Array(10).fill(84.995)));
    expect(a.total.computed).toBe(85);
    expect(a.level.computed).toBe('A');
    expect(a.passed).toBe(true);
    expect(a.gapToPass).toBe(0);
  });

  it('84.99 everywhere → B, 0.01 short of passing', () => {
    const a = analyze(fy65, input(Array(10).fill(84.99)));
    expect(a.level.computed).toBe('B');
    expect(a.passed).toBe(false);
    expect(a.gapToPass).toBe(0.01);
  });
});

describe('levelFor: FY2567+ rating labels', () => {
  it('total 94.64 with EIT 84 → ผ่าน, not ผ่านดี (the State Audit Office case)', () => {
    expect(levelFor(fy67, 94.64, { IIT: 96, EIT: 84, OIT: 99 })).toEqual(LABELS.pass);
  });

  it('every tool ≥ 95 and total ≥ 95 → ผ่านดีเยี่ยม', () => {
    expect(levelFor(fy67, 96, { IIT: 95, EIT: 96, OIT: 97 })).toEqual(LABELS.excellent);
  });

  it('total ≥ 95 but one tool below 95 (all ≥ 85) → ผ่านดี', () => {
    expect(levelFor(fy67, 96, { IIT: 99, EIT: 99, OIT: 94.99 })).toEqual(LABELS.good);
  });

  it('exactly 85 everywhere → ผ่านดี', () => {
    expect(levelFor(fy67, 85, { IIT: 85, EIT: 85, OIT: 85 })).toEqual(LABELS.good);
  });

  it.each([
    [84.99, LABELS.improve],
    [70, LABELS.improve],
    [69.99, LABELS.urgent],
    [0, LABELS.urgent],
  ])('%s → %o', (total, label) => {
    expect(levelFor(fy67, total, { IIT: total, EIT: total, OIT: total })).toEqual(label);
  });

  it('without tool scores, rules that need them are not met', () => {
    expect(levelFor(fy67, 99)).toEqual(LABELS.pass);
  });

  it('analyze: EIT below 85 keeps a 94-point agency at ผ่าน, which passes', () => {
    const a = analyze(fy67, input([96, 96, 96, 96, 96, 84, 84, 84, 100, 100], {}, 2567));
    expect(a.tools).toEqual({ IIT: 96, EIT: 84, OIT: 100 });
    expect(a.total.computed).toBe(94);
    expect(a.level).toEqual({ computed: 'PASS', computedLabelTh: 'ผ่าน', official: null });
    expect(a.passed).toBe(true);
    expect(a.gapToPass).toBe(0);
  });

  it('analyze: 69.99 → ต้องปรับปรุงโดยด่วน, not passed', () => {
    const a = analyze(fy67, input(Array(10).fill(69.99), {}, 2567));
    expect(a.level.computedLabelTh).toBe('ต้องปรับปรุงโดยด่วน');
    expect(a.passed).toBe(false);
    expect(a.gapToPass).toBe(15.01);
  });
});

describe('flags', () => {
  it('TOTAL_MISMATCH: official 65.65 vs exact 65.6656 (0.0156 > 0.015) is flagged with a Thai message', () => {
    const a = analyze(fy65, { ...seed(), official: { score: 65.65, level: 'C' } });
    expect(a.total.difference).toBe(-0.0156);
    expect(a.flags).toHaveLength(1);
    expect(a.flags[0]!.code).toBe('TOTAL_MISMATCH');
    expect(a.flags[0]!.message).toContain('65.65');
    expect(a.flags[0]!.message).toContain('เกินกว่าที่การปัดเศษอธิบายได้');
  });

  it('TOTAL_MISMATCH: official 65.68 (0.0144) and 65.67 are not flagged', () => {
    for (const score of [65.68, 65.67, 65.66]) {
      expect(flagCodes(analyze(fy65, { ...seed(), official: { score } }))).toEqual([]);
    }
  });

  it('the tolerance is exactly 0.015: a difference of 0.015 passes, 0.016 is flagged', () => {
    expect(TOTAL_TOLERANCE).toBe(0.015);
    expect(flagCodes(analyze(fy65, input(Array(10).fill(80), { official: { score: 80.015 } })))).toEqual([]);
    expect(flagCodes(analyze(fy65, input(Array(10).fill(80), { official: { score: 79.985 } })))).toEqual([]);
    expect(flagCodes(analyze(fy65, input(Array(10).fill(80), { official: { score: 80.016 } })))).toEqual(['TOTAL_MISMATCH']);
  });

  it('no official score: difference is null and nothing is flagged', () => {
    const a = analyze(fy65, input(Array(10).fill(80)));
    expect(a.total.official).toBeNull();
    expect(a.total.difference).toBeNull();
    expect(a.level.official).toBeNull();
    expect(a.flags).toEqual([]);
  });

  it('LEVEL_MISMATCH: official level B for an official total of 65.66', () => {
    const a = analyze(fy65, { ...seed(), official: { score: 65.66, level: 'B' } });
    expect(flagCodes(a)).toEqual(['LEVEL_MISMATCH']);
    expect(a.flags[0]!.message).toBe('ระดับที่ประกาศ (B) ไม่ตรงกับเกณฑ์ของปีงบประมาณ 2565 ซึ่งคะแนนที่ประกาศ 65.66 ควรได้ระดับ C');
    expect(a.level.official).toBe('B');
  });

  it('LEVEL_MISMATCH is judged on the official total when there is one', () => {
    // Official 75.00 with level C: the rules give B for 75.00 (and the total itself mismatches).
    const a = analyze(fy65, { ...seed(), official: { score: 75, level: 'C' } });
    expect(flagCodes(a)).toEqual(['TOTAL_MISMATCH', 'LEVEL_MISMATCH']);
  });

  it('LEVEL_MISMATCH without an official total is judged on the computed total', () => {
    expect(flagCodes(analyze(fy65, { ...seed(), official: { level: 'C' } }))).toEqual([]);
    expect(flagCodes(analyze(fy65, { ...seed(), official: { level: 'D' } }))).toEqual(['LEVEL_MISMATCH']);
  });

  it('LEVEL_MISMATCH in label years takes the tool scores into account; labels are accepted for codes', () => {
    const scores = [96, 96, 96, 96, 96, 84, 84, 84, 100, 100];
    const good = analyze(fy67, input(scores, { official: { score: 94, level: 'ผ่านดี' } }, 2567));
    expect(flagCodes(good)).toEqual(['LEVEL_MISMATCH']);
    expect(good.level.official).toBe('GOOD');
    expect(good.flags[0]!.message).toContain('ควรได้ระดับ ผ่าน');
    const pass = analyze(fy67, input(scores, { official: { score: 94, level: 'ผ่าน' } }, 2567));
    expect(pass.flags).toEqual([]);
    expect(pass.level.official).toBe('PASS');
  });

  it('LEVEL_UNKNOWN for a level the year does not use (analysis of unparsed data must not crash)', () => {
    const a = analyze(fy65, { ...seed(), official: { score: 65.66, level: 'ผ่านดี' } });
    expect(flagCodes(a)).toEqual(['LEVEL_UNKNOWN']);
    expect(a.level.official).toBe('ผ่านดี');
  });

  it('MISSING_INDICATOR: a missing score counts as 0, is flagged, and nothing crashes', () => {
    const s = seed();
    const { 10: _dropped, ...rest } = s.indicators;
    const a = analyze(fy65, { ...s, indicators: rest });
    expect(flagCodes(a)).toContain('MISSING_INDICATOR');
    expect(a.flags.find((f) => f.code === 'MISSING_INDICATOR')!.message).toContain('ตัวชี้วัดที่ 10');
    expect(a.indicators[9]!.score).toBe(0);
    expect(a.tools.OIT).toBe(38.36);
    expect(a.lowestPerTool.OIT.indicator).toBe(10);
  });

  it('MISSING_INDICATOR: no indicators at all still gives a full analysis', () => {
    const a = analyze(fy65, { fiscalYear: 2565, official: {}, indicators: {} });
    expect(a.total.computed).toBe(0);
    expect(a.level.computed).toBe('F');
    expect(a.strengths).toEqual([1]);
    expect(flagCodes(a)).toEqual(['MISSING_INDICATOR']);
  });

  it('QUESTION_UNKNOWN names the codes the catalogue lacks', () => {
    const a = analyze(fy65, { ...seed(), questions: { I28: 50, I99: 40, E77: 10 } });
    expect(flagCodes(a)).toEqual(['QUESTION_UNKNOWN']);
    expect(a.flags[0]!.message).toContain('I99, E77');
  });

  it('OIT_UNKNOWN names OIT codes the catalogue lacks', () => {
    const a = analyze(fy65, { ...seed(), oit: { ...seed().oit, O99: { passed: false } } });
    expect(flagCodes(a)).toEqual(['OIT_UNKNOWN']);
    expect(a.failedOit.map((f) => f.code)).not.toContain('O99');
  });
});

describe('OIT_SCORE_INCONSISTENT', () => {
  const items10 = fy65.oitItems.filter((i) => i.indicator === 10).map((i) => i.code);
  const items9 = fy65.oitItems.filter((i) => i.indicator === 9).map((i) => i.code);
  const outcomes = (codes: string[], passed: boolean) => Object.fromEntries(codes.map((c) => [c, { passed }]));

  it('all items of indicator 10 passed but its score is 18.75', () => {
    const a = analyze(fy65, { ...seed(), oit: outcomes(items10, true) });
    expect(flagCodes(a)).toEqual(['OIT_SCORE_INCONSISTENT']);
    expect(a.flags[0]!.message).toContain('ตัวชี้วัดที่ 10');
    expect(a.flags[0]!.message).toContain('ทุกข้อ (10 ข้อ) ผ่าน');
  });

  it('no item of indicator 10 passed but its score is above 0', () => {
    const a = analyze(fy65, { ...seed(), oit: outcomes(items10, false) });
    expect(flagCodes(a)).toEqual(['OIT_SCORE_INCONSISTENT']);
    expect(a.flags[0]!.message).toContain('ไม่ผ่านทุกข้อ');
  });

  it('a failed item with its indicator at 100, and a passed item with its indicator at 0', () => {
    const s = seed();
    const a = analyze(fy65, { ...s, official: {}, indicators: { ...s.indicators, 9: 100, 10: 0 }, oit: { O2: { passed: false }, O34: { passed: true } } });
    expect(a.flags.map((f) => f.message)).toEqual([
      expect.stringContaining('ตัวชี้วัดที่ 9 (การเปิดเผยข้อมูล): มี 1 ข้อที่ไม่ผ่าน แต่คะแนนเต็ม 100'),
      expect.stringContaining('ตัวชี้วัดที่ 10 (การป้องกันการทุจริต): มี 1 ข้อที่ผ่าน แต่คะแนนเป็น 0'),
    ]);
  });

  it('consistent outcomes are not flagged', () => {
    const s = seed();
    expect(analyze(fy65, { ...s, official: {}, indicators: { ...s.indicators, 9: 100, 10: 0 }, oit: { ...outcomes(items9, true), ...outcomes(items10, false) } }).flags).toEqual([]);
    expect(analyze(fy65, { ...s, oit: { ...outcomes(items10, true), O42: { passed: false } } }).flags).toEqual([]);
  });
});

describe('strengths, lowest indicators and ties', () => {
  it('ties for lowest go to the lower indicator number', () => {
    const a = analyze(fy65, input([90, 70, 80, 70, 75, 88, 77, 77, 60, 60]));
    expect(a.lowestPerTool.IIT.indicator).toBe(2);
    expect(a.lowestPerTool.EIT.indicator).toBe(7);
    expect(a.lowestPerTool.OIT.indicator).toBe(9);
  });

  it('strengths are ordered by score, ties by number; threshold is inclusive', () => {
    const a = analyze(fy65, input([80, 95, 79.99, 95, 81, 10, 10, 10, 10, 10]));
    expect(a.strengths).toEqual([2, 4, 5, 1]);
  });

  it('when nothing reaches the threshold, the single top indicator (lowest number on a tie)', () => {
    expect(analyze(fy65, input([50, 70, 60, 70, 10, 10, 10, 10, 10, 10])).strengths).toEqual([2]);
  });

  it('uses the catalogue threshold', () => {
    const strict = fy2565Catalogue({ strengthThreshold: 90 });
    expect(analyze(strict, seed()).strengths).toEqual([1]);
  });

  it('lists the entered question scores of the lowest indicator, lowest first, ties in catalogue order', () => {
    const a = analyze(fy65, { ...seed(), questions: { I30: 50.5, I25: 60, I28: 50.5, I1: 10, E12: 70 } });
    expect(a.lowestPerTool.IIT.questions).toEqual([
      { code: 'I28', textTh: expect.stringContaining('ต่อการทุจริตในหน่วยงาน'), score: 50.5, recommendationTh: 'ข้อเสนอแนะสำหรับ I28' },
      { code: 'I30', textTh: expect.stringContaining('แนวโน้มการทุจริต'), score: 50.5, recommendationTh: 'ข้อเสนอแนะสำหรับ I30' },
      { code: 'I25', textTh: 'ข้อคำถาม I25', score: 60, recommendationTh: 'ข้อเสนอแนะสำหรับ I25' },
    ]);
    // I1 belongs to indicator 1, not the lowest; E12 is the only scored question of indicator 8.
    expect(a.lowestPerTool.EIT.questions.map((q) => [q.code, q.score])).toEqual([['E12', 70]]);
  });
});

describe('changes over the years', () => {
  it('gives the delta against each earlier year, oldest first, ignoring the same or later years', () => {
    const a = analyze(fy65, seed(), [
      { fiscalYear: 2564, total: 60.12 },
      { fiscalYear: 2566, total: 90 },
      { fiscalYear: 2563, total: 70 },
      { fiscalYear: 2565, total: 1 },
    ]);
    expect(a.changes).toEqual([
      { fiscalYear: 2563, total: 70, delta: -4.33 },
      { fiscalYear: 2564, total: 60.12, delta: 5.55 },
    ]);
  });

  it('no history → no changes', () => {
    expect(analyze(fy65, seed()).changes).toEqual([]);
  });
});

describe('roundTo', () => {
  it.each([
    [65.6656, 2, 65.67],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [84.995, 2, 85],
    [84.9949, 2, 84.99],
    [-0.0056000001, 4, -0.0056],
    [-0.004, 2, 0],
  ])('roundTo(%s, %s) = %s', (value, dp, expected) => {
    expect(roundTo(value, dp)).toBe(expected);
  });
});
