import { describe, expect, it } from 'vitest';
import { answerScore, indicatorScores, roundResults, scoringFor, toolScore, weakestQuestions, type ScoredQuestion } from './scoring.js';
import { combineIndicators, marginOfError, oitIndicatorScores, withCompleted } from './predict.js';

const q = (code: string, indicator: number): ScoredQuestion => ({ key: code.toLowerCase(), code, indicator, text: code, scoring: scoringFor(code) });
const QS = [q('I1', 1), q('I4', 1), q('I9', 2), q('I26', 5)];

describe('scoring as the reference describes it', () => {
  it('scores four-level items 0/33/67/100, reversed items the other way, and yes/no items by their meaning', () => {
    expect([1, 2, 3, 4].map((v) => Math.round(answerScore(scoringFor('I1'), v)!))).toEqual([0, 33, 67, 100]);
    expect([1, 2, 3, 4].map((v) => Math.round(answerScore(scoringFor('I9'), v)!))).toEqual([100, 67, 33, 0]);
    expect(answerScore(scoringFor('I4'), true)).toBe(0);
    expect(answerScore(scoringFor('I4'), false)).toBe(100);
    expect(answerScore(scoringFor('I26'), true)).toBe(100);
    expect(answerScore(scoringFor('I1'), 5)).toBeUndefined();
    expect(answerScore(scoringFor('I1'), '4')).toBeUndefined();
    expect(answerScore(scoringFor('I4'), 1)).toBeUndefined();
  });

  it('averages questions into indicators and indicators into the tool', () => {
    const sets = [
      { i1: 4, i4: false, i9: 1, i26: true },
      { i1: 1, i4: true, i9: 4, i26: false },
    ];
    // I1: (100+0)/2 = 50; I4: (100+0)/2 = 50 → indicator 1 = 50; I9 reversed: (100+0)/2 = 50; I26: 50.
    expect(indicatorScores(QS, sets)).toEqual({ '1': 50, '2': 50, '5': 50 });
    expect(indicatorScores(QS, [{ i1: 4, i4: false, i9: 1, i26: true }])).toEqual({ '1': 100, '2': 100, '5': 100 });
    expect(toolScore({ '1': 50, '2': 100 })).toBe(75);
    expect(toolScore({})).toBeUndefined();
  });
});

describe('results by unit with k-anonymity', () => {
  const resp = (unit: string, n: number, v: number) => Array.from({ length: n }, () => ({ unit, answers: { i1: v } }));

  it('hides a unit below the threshold and never gives its figures', () => {
    const r = roundResults([q('I1', 1)], [...resp('กองคลัง', 5, 4), ...resp('กองช่าง', 2, 1)], 5);
    expect(r.units).toEqual([
      { unit: 'กองคลัง', responses: 5, hidden: false, indicators: { '1': 100 } },
      { unit: 'กองช่าง', responses: 2, hidden: true },
    ]);
    // The overall leaves the lone hidden unit out, or overall − visible would reveal it.
    expect(r.overall).toMatchObject({ responses: 5, withheld: 2, pooledUnits: 0, indicators: { '1': 100 }, tool: 100 });
  });

  it('pools hidden units into the overall only when the pool reaches the threshold', () => {
    const r = roundResults([q('I1', 1)], [...resp('ก', 5, 4), ...resp('ข', 3, 1), ...resp('ค', 2, 1)], 5);
    expect(r.units.filter((u) => u.hidden).map((u) => u.unit)).toEqual(['ข', 'ค']);
    expect(r.overall).toMatchObject({ responses: 10, withheld: 0, pooledUnits: 2, indicators: { '1': 50 } });
  });

  it('shows nothing overall below the threshold and honours another threshold', () => {
    expect(roundResults([q('I1', 1)], resp('ก', 4, 4), 5).overall).toEqual({ responses: 0, withheld: 4, pooledUnits: 0 });
    expect(roundResults([q('I1', 1)], resp('ก', 3, 4), 3).units[0]!.hidden).toBe(false);
  });

  it('names the weakest questions, lowest first', () => {
    expect(weakestQuestions(QS, { i1: 80, i4: 20, i9: 50, i26: 20 }, 2).map((x) => x.code)).toEqual(['I4', 'I26']);
  });
});

describe('prediction parts', () => {
  it('rolls OIT completeness into indicator scores and applies what-ifs', () => {
    const items = [
      { code: 'O1', indicator: 9, complete: true },
      { code: 'O2', indicator: 9, complete: false },
      { code: 'O3', indicator: 10, complete: false },
    ];
    expect(oitIndicatorScores(items)).toEqual({ 9: 50, 10: 0 });
    expect(oitIndicatorScores(withCompleted(items, ['O2', 'O3']))).toEqual({ 9: 100, 10: 100 });
  });
  it('takes self-diagnosis first, then OIT readiness, then the last official score', () => {
    const r = combineIndicators({ selfDiagnosis: { '1': 80 }, oit: { 9: 50 }, fallback: { 1: 60, 6: 70 } }, [1, 6, 7, 9]);
    expect(r.indicators).toEqual({ 1: 80, 6: 70, 7: 0, 9: 50 });
    expect(r.sources).toEqual({ 1: 'self-diagnosis', 6: 'last-official', 7: 'missing', 9: 'oit-readiness' });
  });
  it('states the margin of error from the sample size', () => {
    expect(marginOfError(0)).toBeUndefined();
    expect(marginOfError(25)).toBe(20);
    expect(marginOfError(100)).toBe(10);
  });
});
