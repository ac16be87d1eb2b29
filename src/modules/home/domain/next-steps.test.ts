import { describe, expect, it } from 'vitest';
import { collectionEndOf, nextSteps, oitYearNow, type CatalogueYearFacts } from './next-steps.js';

const years: CatalogueYearFacts[] = [
  { year: 2568, status: 'partial', collectionEnds: null },
  { year: 2569, status: 'provisional', collectionEnds: '2026-06-30' },
  { year: 2570, status: 'provisional', collectionEnds: '2027-06-30' },
];

describe('oitYearNow', () => {
  it('is the year whose collection is open, or the next one', () => {
    expect(oitYearNow(years, '2026-03-15')).toBe(2569); // FY2569 collection open
    expect(oitYearNow(years, '2026-06-30')).toBe(2569); // its last day
    expect(oitYearNow(years, '2026-07-01')).toBe(2570); // FY2569 closed: the next one, not FY2568
    expect(oitYearNow(years, '2026-12-01')).toBe(2570);
    expect(oitYearNow(years, '2025-02-01')).toBe(2568); // no window: end of June of the fiscal year
  });
  it('after the last known collection, the last year; none without catalogues', () => {
    expect(oitYearNow(years, '2027-09-01')).toBe(2570);
    expect(oitYearNow([], '2026-12-01')).toBeNull();
  });
  it('defaults the window to 30 June of the fiscal year', () => {
    expect(collectionEndOf({ year: 2568, collectionEnds: null })).toBe('2025-06-30');
  });
});

describe('nextSteps', () => {
  const base = { today: '2026-12-01' };
  it('starts with results when there are none', () => {
    const steps = nextSteps({ ...base, latestResults: null, planRows: null, oit: null });
    expect(steps.map((s) => s.key)).toEqual(['enter-results']);
  });
  it('links results year N to the plan for N+1, flags inconsistencies first', () => {
    const steps = nextSteps({ ...base, latestResults: { year: 2568, flagCount: 2 }, planRows: null, oit: { year: 2569, readiness: 40, provisional: false } });
    expect(steps.map((s) => s.key)).toEqual(['check-flags', 'draft-plan', 'oit-evidence']);
    expect(steps[1]!.textTh).toContain('แผนปรับปรุงปี 2569');
    expect(steps[1]!.href).toBe('/admin/plan/2568');
    expect(steps[2]!.textTh).toContain('ร้อยละ 40');
    expect(steps[2]!.href).toBe('/admin/oit/2569');
  });
  it('says when the OIT year’s catalogue is provisional, and what comes after', () => {
    const steps = nextSteps({ ...base, latestResults: { year: 2568, flagCount: 0 }, planRows: 15, oit: { year: 2570, readiness: 100, provisional: true } });
    expect(steps.map((s) => s.key)).toEqual(['download-measures', 'provisional-catalogue', 'enter-next-results']);
    expect(steps[1]!.textTh).toContain('ฉบับชั่วคราว');
    expect(steps[2]!.textTh).toContain('ผลปี 2569');
  });
});
