/**
 * Which monthly summaries (แบบ สขร.๑) to attach to OIT after an import or a sync, and what a
 * published month's content is, so that publishing again changes nothing when nothing changed.
 */
import type { DigitStyle } from '../../../shared/thai.js';
import { fiscalMonths, monthOf } from './types.js';
import { skr1Cells, type MonthlySummary } from './summaries.js';

export interface PublishWindow {
  fiscalYear: number;
  /** Today in Thailand, ISO date. */
  today: string;
  /** procured_on dates (or months) of the year's contracts. */
  contractDates: readonly string[];
  /**
   * The source is the whole register of record (a finished sync from the government spending
   * API): a month that has passed without a contract in it had no procurement.
   */
  sourceComplete: boolean;
}

/**
 * The months to publish: complete months only (the month in progress may still gain contracts).
 * After a finished API sync, every complete month of the year. After a file import (which may
 * hold only some months), every complete month up to the last complete month that has a
 * contract: a month before it without contracts had none ("ไม่มีการจัดซื้อจัดจ้าง"), while
 * months after it may simply not be imported yet.
 * @example monthsToPublish({ fiscalYear: 2569, today: '2026-03-15', contractDates: ['2025-12-03'], sourceComplete: false })
 *   // ['2025-10', '2025-11', '2025-12']
 */
export function monthsToPublish(w: PublishWindow): string[] {
  const current = w.today.slice(0, 7);
  const complete = fiscalMonths(w.fiscalYear).filter((m) => m < current);
  if (w.sourceComplete) return complete;
  const withData = new Set(w.contractDates.map(monthOf));
  const last = [...complete].reverse().find((m) => withData.has(m));
  return last ? complete.filter((m) => m <= last) : [];
}

/**
 * The month's content as published: every cell of the form, the totals, and the agency's name
 * and digits (a renamed agency or a digit change republishes). Not the "ข้อมูล ณ วันที่" line:
 * a month is not republished only because a day has passed.
 */
export function publishedContent(s: MonthlySummary, agencyName: string, digits: DigitStyle): string {
  return JSON.stringify({ month: s.month, agencyName, digits, rows: s.rows.map((r) => skr1Cells(r, digits)), totals: s.totals, empty: s.empty });
}
