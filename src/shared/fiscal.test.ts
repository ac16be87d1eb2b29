import { describe, expect, it } from 'vitest';
import { addDays, firstHalfRange, fiscalYearOf, fiscalYearRange, rangeCovers, rangeWithin, reportDueDate } from './fiscal.js';

describe('Thai fiscal years', () => {
  it('runs FY N from 1 October of B.E. N−1 to 30 September of B.E. N', () => {
    expect(fiscalYearRange(2569)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    expect(fiscalYearRange(2565)).toEqual({ from: '2021-10-01', to: '2022-09-30' });
  });

  it('names the year a date falls in, at both edges', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2026-11-25')).toBe(2570);
  });

  it('has the 6-month round October–March, leap years included', () => {
    expect(firstHalfRange(2565)).toEqual({ from: '2021-10-01', to: '2022-03-31' });
    expect(firstHalfRange(2567)).toEqual({ from: '2023-10-01', to: '2024-03-31' });
  });

  it('dues the 6- and 12-month reports after their rounds close', () => {
    expect(reportDueDate(2566, '6-month')).toBe('2023-04-30');
    expect(reportDueDate(2566, '12-month')).toBe('2023-10-31');
  });

  it('compares ranges and adds days across month and year ends', () => {
    const fy = fiscalYearRange(2565);
    expect(rangeWithin(firstHalfRange(2565), fy)).toBe(true);
    expect(rangeWithin(fiscalYearRange(2566), fy)).toBe(false);
    expect(rangeCovers(fy, firstHalfRange(2565))).toBe(true);
    expect(rangeCovers(firstHalfRange(2565), fy)).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
  });
});
