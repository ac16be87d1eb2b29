/**
 * What the completeness checks need to know about a document's text, found once at upload and
 * stored as a small digest (the text itself is not kept): the fiscal years it names, the dates,
 * months and date ranges it mentions, and whether it has the report parts NACC asks for.
 *
 * Thai documents write dates in many ways — "๑ ตุลาคม ๒๕๖๘", "ต.ค. 2568 – มี.ค. 2569",
 * "ต.ค.64 - มี.ค.65", "1/10/2564", "ปีงบประมาณ พ.ศ. 2565", "(พ.ศ. 2561 - 2565)" — in Thai or
 * Arabic digits and Buddhist-era years. Text extracted from PDFs also carries stray spaces
 * and pdfkit's doubled sara am ("ำา"); `normalizeThaiText` undoes those first.
 * All dates returned are Gregorian ISO (storage form); years are B.E.
 */
import { toArabicDigits } from '../../../shared/thai.js';

export interface DateSpan {
  /** Inclusive ISO `YYYY-MM-DD` (CE). */
  from: string;
  to: string;
}

export interface TextFacts {
  /** Non-space characters of the text (0 for a scan without a text layer). */
  chars: number;
  /** B.E. years named as fiscal years ("ปีงบประมาณ พ.ศ. 2565", "ประจำปี 2565"), ranges expanded. */
  fiscalYears: number[];
  /** B.E. year spans of multi-year plans ("พ.ศ. 2561 - 2565"). */
  yearSpans: { from: number; to: number }[];
  /** Each dated mention: a day, or a whole month when no day is given. */
  dates: DateSpan[];
  /** Explicit ranges ("ต.ค. 2564 – มี.ค. 2565", "1 ต.ค. 64 ถึง 31 มี.ค. 65"). */
  ranges: DateSpan[];
  /** "รอบ 6 เดือน", "6 เดือนแรก", "ครึ่งปีแรก"… */
  firstHalfPhrase: boolean;
  /** "รอบ 12 เดือน", "ประจำปี"… */
  fullYearPhrase: boolean;
  hasProblems: boolean;
  hasObstacles: boolean;
  hasSuggestions: boolean;
}

export const EMPTY_FACTS: TextFacts = {
  chars: 0,
  fiscalYears: [],
  yearSpans: [],
  dates: [],
  ranges: [],
  firstHalfPhrase: false,
  fullYearPhrase: false,
  hasProblems: false,
  hasObstacles: false,
  hasSuggestions: false,
};

/** Thai digits → Arabic, NFC, zero-width characters and pdfkit's doubled sara am removed, spaces folded. */
export function normalizeThaiText(text: string): string {
  return toArabicDigits(text.normalize('NFC'))
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\u0e33\u0e32/g, '\u0e33')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

const FULL_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const SHORT_MONTHS = ['ม.ค', 'ก.พ', 'มี.ค', 'เม.ย', 'พ.ค', 'มิ.ย', 'ก.ค', 'ส.ค', 'ก.ย', 'ต.ค', 'พ.ย', 'ธ.ค'];

/** "ต.ค" → /ต\s?\.\s?ค\.?/ : a dot between letters is required, spaces around it tolerated. */
const shortPattern = (s: string) =>
  s
    .split('.')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s?\\.\\s?') + '(?:\\s?\\.)?';

// Longest first, so "มี.ค." is not read as "ม.ค." and "มีนาคม" wins over any abbreviation.
const MONTH_ALTERNATIVES = [
  ...FULL_MONTHS.map((m, i) => ({ re: m, month: i + 1 })),
  ...SHORT_MONTHS.map((m, i) => ({ re: shortPattern(m), month: i + 1 })),
].sort((a, b) => b.re.length - a.re.length);
const MONTH_RE = MONTH_ALTERNATIVES.map((m) => `(${m.re})`).join('|');

const BE = '(?:พ\\s?\\.\\s?ศ\\s?\\.?\\s*)';
/** One date token: optional day, a month name, optional "พ.ศ.", optional year (4 or 2 digits). */
const DATE_TOKEN = new RegExp(`(?:(?<![0-9])(\\d{1,2})\\s*)?(?:${MONTH_RE})\\s*(?:${BE}?\\s*(\\d{4}|\\d{2})(?![0-9]))?`, 'g');
const NUMERIC_DATE = /(?<![0-9])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?![0-9])/g;
const RANGE_GAP = /^\s*(?:-|–|—|~|ถึง|จนถึง|ถึงวันที่|ถึงเดือน|to)\s*(?:วันที่|เดือน)?\s*$/;
const FISCAL_YEAR = new RegExp(
  `(?:ปีงบประมาณ|ปีงบฯ|ปีงบ|ประจำปี(?:งบประมาณ)?)\\s*${BE}?(\\d{4})(?:\\s*(?:-|–|—|ถึง)\\s*${BE}?(\\d{4}))?`,
  'g',
);
const YEAR_SPAN = new RegExp(`${BE}(\\d{4})\\s*(?:-|–|—|ถึง)\\s*${BE}?(\\d{4})|\\((\\d{4})\\s*(?:-|–|—)\\s*(\\d{4})\\)`, 'g');

/** A 4-digit year as B.E.: 2400–2700 is already B.E.; 1900–2157 is C.E. */
export function toBE(year: number): number | undefined {
  if (year >= 2400 && year <= 2700) return year;
  if (year >= 1900 && year < 2200) return year + 543;
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (ceYear: number, month: number) => new Date(Date.UTC(ceYear, month, 0)).getUTCDate();
const validDay = (ceYear: number, month: number, day: number) => day >= 1 && day <= lastDay(ceYear, month);

interface Token {
  start: number;
  end: number;
  day?: number;
  month: number;
  /** B.E. */
  year?: number;
}

function monthOfMatch(m: RegExpExecArray): number {
  // Groups: 1 = day, 2..(2+n-1) = month alternatives, last = year.
  for (let i = 0; i < MONTH_ALTERNATIVES.length; i++) if (m[2 + i] !== undefined) return MONTH_ALTERNATIVES[i]!.month;
  return 0;
}

function dateTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(DATE_TOKEN)) {
    const month = monthOfMatch(m);
    const yearRaw = m[2 + MONTH_ALTERNATIVES.length];
    let year: number | undefined;
    // Two-digit years ("ต.ค.64") are B.E. 25xx; below 40 they are more likely counts than years.
    if (yearRaw) year = yearRaw.length === 2 ? (Number(yearRaw) >= 40 ? 2500 + Number(yearRaw) : undefined) : toBE(Number(yearRaw));
    const day = m[1] ? Number(m[1]) : undefined;
    tokens.push({ start: m.index!, end: m.index! + m[0].length, month, day: day && day >= 1 && day <= 31 ? day : undefined, year });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = toBE(Number(m[3]));
    if (!year || month < 1 || month > 12 || day < 1 || day > 31) continue;
    tokens.push({ start: m.index!, end: m.index! + m[0].length, day, month, year });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

function spanOf(t: Token & { year: number }, edge: 'from' | 'to' | 'both'): DateSpan | undefined {
  const ce = t.year - 543;
  if (t.day !== undefined) {
    if (!validDay(ce, t.month, t.day)) return undefined;
    const d = `${ce}-${pad(t.month)}-${pad(t.day)}`;
    return { from: d, to: d };
  }
  const from = `${ce}-${pad(t.month)}-01`;
  const to = `${ce}-${pad(t.month)}-${pad(lastDay(ce, t.month))}`;
  return edge === 'from' ? { from, to: from } : edge === 'to' ? { from: to, to } : { from, to };
}

const uniqSorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
const uniqSpans = (xs: DateSpan[]) => {
  const seen = new Set<string>();
  return xs.filter((s) => (seen.has(`${s.from}/${s.to}`) ? false : (seen.add(`${s.from}/${s.to}`), true)));
};

/** Caps what is kept per document, so a 300-page report's digest stays small. */
const MAX_ENTRIES = 200;

/**
 * @example analyseText('รายงานรอบ ๖ เดือน (ต.ค. ๒๕๖๘ – มี.ค. ๒๕๖๙) ปัญหา อุปสรรค และข้อเสนอแนะ')
 * // ranges: [{ from: '2025-10-01', to: '2026-03-31' }], firstHalfPhrase: true, hasProblems: true …
 */
/**
 * Text without Thai vowel and tone marks above and below the line. Some PDF writers put those
 * marks out of order in the text layer, with spaces between (LibreOffice for bold Thai: "ข ้อ"),
 * and some readers drop them; the words this module looks for stay recognisable without them
 * ("ขอเสนอแนะ", "ปงบประมาณ"), so the checks read the skeleton as well as the text.
 */
export const thaiSkeleton = (s: string) => s.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');
const FISCAL_YEAR_SKELETON = new RegExp(thaiSkeleton(FISCAL_YEAR.source), 'g');

export function analyseText(raw: string): TextFacts {
  const text = normalizeThaiText(raw);
  const compact = text.replace(/\s/g, '');
  const bare = thaiSkeleton(compact);
  const fiscalYears: number[] = [];
  for (const m of [...text.matchAll(FISCAL_YEAR), ...bare.matchAll(FISCAL_YEAR_SKELETON)]) {
    const a = toBE(Number(m[1]));
    const b = m[2] ? toBE(Number(m[2])) : undefined;
    if (!a) continue;
    if (b && b >= a && b - a <= 10) for (let y = a; y <= b; y++) fiscalYears.push(y);
    else fiscalYears.push(a);
  }
  const yearSpans: { from: number; to: number }[] = [];
  for (const m of text.matchAll(YEAR_SPAN)) {
    const a = toBE(Number(m[1] ?? m[3]));
    const b = toBE(Number(m[2] ?? m[4]));
    if (a && b && b >= a && b - a <= 10 && !yearSpans.some((s) => s.from === a && s.to === b)) yearSpans.push({ from: a, to: b });
  }

  const tokens = dateTokens(text);
  const dates: DateSpan[] = [];
  const ranges: DateSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next && next.year !== undefined && RANGE_GAP.test(text.slice(t.end, next.start))) {
      // "ตุลาคม – มีนาคม 2565": the first year is the second's, minus one if the months wrap.
      const firstYear = t.year ?? (t.month > next.month ? next.year - 1 : next.year);
      const a = spanOf({ ...t, year: firstYear }, 'from');
      const b = spanOf({ ...next, year: next.year }, 'to');
      if (a && b && a.from <= b.to) {
        ranges.push({ from: a.from, to: b.to });
        dates.push(spanOf({ ...t, year: firstYear }, 'both')!, spanOf({ ...next, year: next.year }, 'both')!);
        i++;
        continue;
      }
    }
    if (t.year !== undefined) {
      const s = spanOf({ ...t, year: t.year }, 'both');
      if (s) dates.push(s);
    }
  }

  return {
    chars: compact.length,
    fiscalYears: uniqSorted(fiscalYears).slice(0, MAX_ENTRIES),
    yearSpans: yearSpans.slice(0, MAX_ENTRIES),
    dates: uniqSpans(dates).slice(0, MAX_ENTRIES),
    ranges: uniqSpans(ranges).slice(0, MAX_ENTRIES),
    firstHalfPhrase: /รอบ6เดือน|6เดือนแรก|ครึ่งปีแรก|ครึ่งปีงบประมาณแรก|รอบหกเดือน|หกเดือนแรก/.test(compact),
    fullYearPhrase: /รอบ12เดือน|12เดือน|รอบปี|ประจำปี/.test(compact),
    hasProblems: bare.includes(thaiSkeleton('ปัญหา')),
    hasObstacles: bare.includes(thaiSkeleton('อุปสรรค')),
    hasSuggestions: bare.includes(thaiSkeleton('ข้อเสนอแนะ')),
  };
}

/** Reads a stored digest back, tolerating older or partial shapes. */
export function parseFacts(json: string | null): TextFacts | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<TextFacts>;
    return { ...EMPTY_FACTS, ...v };
  } catch {
    return null;
  }
}
