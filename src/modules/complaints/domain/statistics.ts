/**
 * Complaint statistics per fiscal round, and the small-cell suppression applied before anything
 * leaves the module: a count from 1 to threshold−1 is published as a range, because in a small
 * town "1 complaint about procurement in March" can point at a person. Zero stays zero: it says
 * nothing about anyone, and a round without complaints must say so.
 */
import { firstHalfRange, fiscalYearRange, type DateRange } from '../../../shared/fiscal.js';
import { CATEGORIES, CHANNELS, CLOSED_STATES, type Category, type Channel, type State } from './types.js';

export const SUPPRESSION_THRESHOLD = 5;

export type Round = '6-month' | '12-month';

export interface StatRow {
  category: Category;
  channel: Channel;
  state: State;
  receivedDate: string;
  closedDate: string | null;
}

export interface RawStatistics {
  fiscalYear: number;
  round: Round;
  range: DateRange;
  total: number;
  completed: number;
  inProgress: number;
  byCategory: Record<Category, number>;
  byChannel: Record<Channel, number>;
  /** Days from receipt to closing, over closed reports; null with none closed. */
  medianHandlingDays: number | null;
}

export type Cell = { exact: number } | { from: number; to: number };

export interface PublishedStatistics {
  fiscalYear: number;
  round: Round;
  range: DateRange;
  none: boolean;
  total: Cell;
  completed: Cell;
  inProgress: Cell;
  byCategory: Record<Category, Cell>;
  byChannel: Record<Channel, Cell>;
  medianHandlingDays: number | null;
  threshold: number;
}

export const roundRange = (fiscalYear: number, round: Round): DateRange => (round === '6-month' ? firstHalfRange(fiscalYear) : fiscalYearRange(fiscalYear));

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export function computeStatistics(rows: readonly StatRow[], fiscalYear: number, round: Round): RawStatistics {
  const range = roundRange(fiscalYear, round);
  const inRound = rows.filter((r) => r.receivedDate >= range.from && r.receivedDate <= range.to);
  // Completed means closed by the end of the round; later closings count as in progress for it.
  const done = inRound.filter((r) => CLOSED_STATES.includes(r.state) && r.closedDate !== null && r.closedDate <= range.to);
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, inRound.filter((r) => r.category === c).length])) as Record<Category, number>;
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, inRound.filter((r) => r.channel === c).length])) as Record<Channel, number>;
  const days = done.map((r) => daysBetween(r.receivedDate, r.closedDate!)).sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  return { fiscalYear, round, range, total: inRound.length, completed: done.length, inProgress: inRound.length - done.length, byCategory, byChannel, medianHandlingDays: median };
}

export function suppressCell(n: number, threshold = SUPPRESSION_THRESHOLD): Cell {
  return n > 0 && n < threshold ? { from: 1, to: threshold - 1 } : { exact: n };
}

export function suppress(s: RawStatistics, threshold = SUPPRESSION_THRESHOLD): PublishedStatistics {
  const cell = (n: number) => suppressCell(n, threshold);
  const map = <K extends string>(r: Record<K, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v as number)])) as Record<K, Cell>;
  // A handling time over fewer closed reports than the threshold could identify a case: withhold it.
  const median = s.completed >= threshold ? s.medianHandlingDays : null;
  return {
    fiscalYear: s.fiscalYear,
    round: s.round,
    range: s.range,
    none: s.total === 0,
    total: cell(s.total),
    completed: cell(s.completed),
    inProgress: cell(s.inProgress),
    byCategory: map(s.byCategory),
    byChannel: map(s.byChannel),
    medianHandlingDays: median,
    threshold,
  };
}

/**
 * The statistics an OIT year asks for: from FY2568 on, the previous fiscal year (12 months); up
 * to FY2567, the first six months of the year itself (FY2565 wording; FY2566–2567 assumed alike).
 */
export function oitStatisticsPeriod(oitYear: number): { fiscalYear: number; round: Round } {
  return oitYear >= 2568 ? { fiscalYear: oitYear - 1, round: '12-month' } : { fiscalYear: oitYear, round: '6-month' };
}
