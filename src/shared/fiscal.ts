/**
 * Thai government fiscal years: FY N (B.E.) runs from 1 October of B.E. N−1 to 30 September
 * of B.E. N. The 6-month round is October–March, the 12-month round the whole year.
 * All dates here are Gregorian ISO strings (storage form); years named are B.E.
 */
import { toBuddhistYear, toGregorianYear, parseIsoDate } from './thai.js';

export interface DateRange {
  /** Inclusive, ISO `YYYY-MM-DD` (CE). */
  from: string;
  /** Inclusive, ISO `YYYY-MM-DD` (CE). */
  to: string;
}

/** FY2569 → 2025-10-01 … 2026-09-30. */
export function fiscalYearRange(fiscalYearBE: number): DateRange {
  const endCE = toGregorianYear(fiscalYearBE);
  return { from: `${endCE - 1}-10-01`, to: `${endCE}-09-30` };
}

/** The 6-month round of a fiscal year: 1 Oct – 31 Mar. */
export function firstHalfRange(fiscalYearBE: number): DateRange {
  const endCE = toGregorianYear(fiscalYearBE);
  return { from: `${endCE - 1}-10-01`, to: `${endCE}-03-31` };
}

/** The 12-month round is the whole fiscal year. */
export const fullYearRange = fiscalYearRange;

/** The B.E. fiscal year an ISO date falls in: 2025-10-01 → 2569, 2025-09-30 → 2568. */
export function fiscalYearOf(iso: string): number {
  const { year, month } = parseIsoDate(iso);
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

/** Whether `inner` lies wholly within `outer` (ISO strings compare in date order). */
export function rangeWithin(inner: DateRange, outer: DateRange): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

/** Whether `range` covers every day of `required`. */
export function rangeCovers(range: DateRange, required: DateRange): boolean {
  return range.from <= required.from && range.to >= required.to;
}

export type ReportRound = '6-month' | '12-month';

/**
 * Due date of a progress report of the measures of FY N: the 6-month report is due at the
 * end of April (the month after the round closes), the 12-month report at the end of October.
 */
export function reportDueDate(fiscalYearBE: number, round: ReportRound): string {
  const endCE = toGregorianYear(fiscalYearBE);
  return round === '6-month' ? `${endCE}-04-30` : `${endCE}-10-31`;
}

/** Adds days to an ISO date without time-zone drift. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return d.toISOString().slice(0, 10);
}
