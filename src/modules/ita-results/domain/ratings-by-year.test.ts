/**
 * Constructed cases for every shipped year's rating rule, through `analyze` with the shipped
 * catalogues: the AA–F bands of FY2563–FY2565 at each boundary, and the rating labels of
 * FY2566–FY2570 where one tool just below 85 (or 95) decides the label.
 */
import { describe, expect, it } from 'vitest';
import { getShippedCatalogue } from '../../catalogue/shipped.js';
import { analyze } from './analysis.js';

/** Indicator scores that give each tool exactly the score asked for (every indicator of a tool equal). */
function scores(iit: number, eit: number, oit: number): Record<number, number> {
  return { 1: iit, 2: iit, 3: iit, 4: iit, 5: iit, 6: eit, 7: eit, 8: eit, 9: oit, 10: oit };
}
const run = (fy: number, iit: number, eit: number, oit: number) =>
  analyze(getShippedCatalogue(fy)!, { fiscalYear: fy, official: {}, indicators: scores(iit, eit, oit) });

describe.each([2563, 2564, 2565])('FY%i: AA–F bands by the total of 0.3·IIT + 0.3·EIT + 0.4·OIT', (fy) => {
  it.each([
    [95, 'AA'], [94.99, 'A'], [85, 'A'], [84.99, 'B'], [75, 'B'], [74.99, 'C'],
    [65, 'C'], [64.99, 'D'], [55, 'D'], [54.99, 'E'], [50, 'E'], [49.99, 'F'], [0, 'F'],
  ])('total %f is %s', (total, level) => {
    const a = run(fy, total, total, total);
    expect(a.total.computed).toBe(total);
    expect(a.level.computed).toBe(level);
    expect(a.passed).toBe(total >= 85);
  });

  it('weighs the tools 30/30/40, not a plain mean of the ten indicators', () => {
    const a = analyze(getShippedCatalogue(fy)!, { fiscalYear: fy, official: {}, indicators: { 1: 86.05, 2: 76.39, 3: 81.34, 4: 74.76, 5: 74.62, 6: 80.36, 7: 75.26, 8: 74.22, 9: 76.71, 10: 18.75 } });
    expect(a.total.exact).toBeCloseTo(65.6656, 4);
    expect(a.level.computed).toBe('C');
  });
});

describe.each([2566, 2567, 2568, 2569, 2570])('FY%i: rating labels that also look at each tool', (fy) => {
  it.each([
    [[96, 96, 96], 'ผ่านดีเยี่ยม'],
    [[95, 95, 95], 'ผ่านดีเยี่ยม'],
    // Total above 95 but one tool just below 95: not ผ่านดีเยี่ยม.
    [[99, 94.99, 99], 'ผ่านดี'],
    // Every tool at 85: ผ่านดี.
    [[85, 85, 85], 'ผ่านดี'],
    // Total 94.64 with EIT just below 85 (NACC's State Audit Office case): only ผ่าน.
    [[99, 84.99, 98.9], 'ผ่าน'],
    [[97.9, 84.99, 99], 'ผ่าน'],
    [[84.99, 84.99, 84.99], 'ต้องปรับปรุง'],
    [[70, 70, 70], 'ต้องปรับปรุง'],
    [[69.99, 69.99, 69.99], 'ต้องปรับปรุงโดยด่วน'],
    [[0, 0, 0], 'ต้องปรับปรุงโดยด่วน'],
  ] as const)('tools %j are %s', ([iit, eit, oit], label) => {
    const a = run(fy, iit, eit, oit);
    expect(a.level.computedLabelTh).toBe(label);
    expect(a.passed).toBe(a.total.computed >= 85);
  });
});
