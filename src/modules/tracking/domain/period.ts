/**
 * The period a periodic report covers, stated exactly as NACC reads it: the 6-month round of
 * FY2569 is "ระหว่างเดือนตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙" (the seed agency lost O11 for a 6-month
 * report that did not cover the first six months).
 */
import { firstHalfRange, fiscalYearRange, type DateRange } from '../../../shared/fiscal.js';
import { THAI_MONTHS, parseIsoDate, toBuddhistYear, withDigits, type DigitStyle } from '../../../shared/thai.js';

/** 6 = first half (Oct–Mar), 12 = the whole fiscal year, 0 = a plan (the whole year, no round). */
export type Round = 0 | 6 | 12;
export const isRound = (v: unknown): v is Round => v === 0 || v === 6 || v === 12;

export function roundRange(fiscalYear: number, round: Round): DateRange {
  return round === 6 ? firstHalfRange(fiscalYear) : fiscalYearRange(fiscalYear);
}

const monthYear = (iso: string) => {
  const { year, month } = parseIsoDate(iso);
  return `${THAI_MONTHS[month - 1]} ${toBuddhistYear(year)}`;
};

/** @example periodText(2569, 6, 'thai') // 'ระหว่างเดือนตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙' */
export function periodText(fiscalYear: number, round: Round, digits: DigitStyle): string {
  const r = roundRange(fiscalYear, round);
  return withDigits(`ระหว่างเดือน${monthYear(r.from)} – ${monthYear(r.to)}`, digits);
}

/** "รอบ ๖ เดือน" / "รอบ ๑๒ เดือน" / "" for a plan. */
export function roundLabel(round: Round, digits: DigitStyle): string {
  return round === 0 ? '' : withDigits(`รอบ ${round} เดือน`, digits);
}
