/**
 * Every deadline of an agency's fiscal year in one list, computed from the fiscal calendar and
 * the year's catalogue: OIT collection (the catalogue's timeline), each periodic OIT item by its
 * period (6-month items at the end of April, plans by the end of December, reports on the
 * previous year by the end of October), the 6- and 12-month reports of each tracked measure, and
 * the officers' own changes (another date, or marked done).
 *
 * The end-of-April and end-of-October dates follow the improvement plan's own due dates
 * (shared/fiscal `reportDueDate`); the end-of-December date for plans is Prongsai's default, not
 * an NACC date, and every date is editable.
 */
import type { Catalogue, OitItem } from '../../catalogue/domain/schema.js';
import { reportDueDate } from '../../../shared/fiscal.js';
import { toGregorianYear, withDigits, type DigitStyle } from '../../../shared/thai.js';

export type EntryStatus = 'done' | 'due' | 'overdue';

export interface CalendarEntry {
  /** Stable within the year: what overrides and reminders refer to. */
  key: string;
  due: string;
  what: string;
  item: string | null;
  status: EntryStatus;
  /** Where the officer does it (staff URL). */
  link: string;
  /** The responsible unit, when one is known (measures). */
  unitId: string | null;
  /** Whether the date was changed by an officer. */
  edited: boolean;
}

export interface MeasureFacts {
  id: string;
  titleTh: string;
  unitId: string | null;
  /** Done or cancelled: nothing more to report. */
  finished: boolean;
  /** Dates (ISO) of progress notes and evidence: any of them is the measure's 6-month report. */
  reportedOn: string[];
}

export interface ItemFacts {
  code: string;
  /** Published on the agency's OIT portal, or every element satisfied. */
  done: boolean;
}

export interface Override {
  key: string;
  due: string | null;
  done: boolean;
}

export interface DeadlineInput {
  year: number;
  today: string;
  digits: DigitStyle;
  catalogue: Catalogue | undefined;
  items: ItemFacts[];
  measures: MeasureFacts[];
  overrides: Override[];
}

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function itemDue(item: OitItem, year: number): string | undefined {
  const endCE = toGregorianYear(year);
  if (item.period === 'first-half') return reportDueDate(year, '6-month');
  if (item.period === 'previous-fy') return `${endCE - 1}-10-31`;
  if (item.period === 'current-fy') return `${endCE - 1}-12-31`;
  return undefined;
}

function status(due: string, done: boolean, today: string): EntryStatus {
  if (done) return 'done';
  return due < today ? 'overdue' : 'due';
}

/** The year's deadlines in date order (then by key). */
export function computeDeadlines(input: DeadlineInput): CalendarEntry[] {
  const { year, today, catalogue } = input;
  const txt = (s: string) => withDigits(s, input.digits);
  const raw: Omit<CalendarEntry, 'status' | 'edited'>[] = [];
  const doneByRule = new Map<string, boolean>();

  for (const step of catalogue?.calendar ?? []) {
    if (!/oit|assessment/.test(step.key)) continue;
    raw.push({ key: `timeline:${step.key}`, due: step.to, what: txt(`${step.labelTh} (สิ้นสุด)`), item: null, link: `/admin/oit/${year}`, unitId: null });
  }
  for (const item of catalogue?.oitItems ?? []) {
    const due = itemDue(item, year);
    if (!due) continue;
    const key = `oit:${item.code}`;
    raw.push({ key, due, what: txt(`เผยแพร่ ${item.code} ${shorten(item.titleTh)}`), item: item.code, link: `/admin/oit/${year}/${item.code}`, unitId: null });
    doneByRule.set(key, input.items.find((i) => i.code === item.code)?.done ?? false);
  }
  const six = reportDueDate(year, '6-month');
  const twelve = reportDueDate(year, '12-month');
  for (const m of input.measures) {
    const k6 = `measure:${m.id}:6`;
    const k12 = `measure:${m.id}:12`;
    raw.push({ key: k6, due: six, what: txt(`รายงานความก้าวหน้ามาตรการ รอบ 6 เดือน: ${shorten(m.titleTh, 60)}`), item: null, link: `/admin/measures/${year}/${m.id}`, unitId: m.unitId });
    raw.push({ key: k12, due: twelve, what: txt(`รายงานผลมาตรการ รอบ 12 เดือน: ${shorten(m.titleTh, 60)}`), item: null, link: `/admin/measures/${year}/${m.id}`, unitId: m.unitId });
    // Reported at all counts as done (late or not): the overdue mark is for reports not made.
    doneByRule.set(k6, m.finished || m.reportedOn.length > 0);
    doneByRule.set(k12, m.finished);
  }

  return raw
    .map((e) => {
      const o = input.overrides.find((x) => x.key === e.key);
      const due = o?.due ?? e.due;
      const done = (o?.done ?? false) || (doneByRule.get(e.key) ?? false);
      return { ...e, due, status: status(due, done, today), edited: !!o?.due };
    })
    .sort((a, b) => (a.due === b.due ? a.key.localeCompare(b.key) : a.due < b.due ? -1 : 1));
}

/** National ITA averages where a public figure is known (for the executive dashboard). */
export const NATIONAL_AVERAGES: Record<number, { value: number; noteTh: string }> = {
  2566: { value: 90.2, noteTh: 'ประมาณ จากรายงานข่าว (แหล่งรอง)' },
  2567: { value: 93.05, noteTh: 'คำนวณจากการเปลี่ยนแปลงที่รายงานในปี 2568' },
  2568: { value: 93.82, noteTh: 'จากรายงานข่าวอ้าง สำนักงาน ป.ป.ช.' },
};
