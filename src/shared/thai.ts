/**
 * Thai presentation helpers: digits, Buddhist-era dates, number formatting.
 * Storage is always Arabic digits and Gregorian ISO dates; conversion happens only at display.
 */

export type DigitStyle = 'thai' | 'arabic';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Replaces Arabic digits 0–9 with Thai digits ๐–๙; other characters are kept. */
export function toThaiDigits(text: string): string {
  // A loop over char codes, not a regex with a callback per digit: long tables format thousands of
  // numbers per page (the 900-agency province view spent ≈2 ms of each request here).
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      out += text.slice(from, i) + THAI_DIGITS[c - 48]!;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Replaces Thai digits ๐–๙ with Arabic digits; used when reading user input and documents. */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** Applies the agency's digit choice to already formatted text. */
export function withDigits(text: string, digits: DigitStyle): string {
  return digits === 'thai' ? toThaiDigits(text) : text;
}

/**
 * Digits of running text (a message, a detail) in the agency's style, identifiers left as written:
 * a token (run of non-spaces) that holds a Latin letter is an identifier — a URL, an item code
 * (O11), a tracking code (ES-7KQ2M), a file name (report-2569.pdf) — and is matched or typed
 * elsewhere exactly, so it keeps its digits (docs/adr/0011-digits-and-identifiers.md).
 * @example localizeDigits('รอบ 6 เดือน ข้อ O11', 'thai') // 'รอบ ๖ เดือน ข้อ O11'
 */
export function localizeDigits(text: string, digits: DigitStyle): string {
  if (digits !== 'thai') return text;
  return text.replace(/\S+/g, (token) => (/[A-Za-z]/.test(token) ? token : toThaiDigits(token)));
}

/**
 * Formats a number with a fixed number of decimals (no grouping below 10,000 as in Thai
 * official writing of scores) in the chosen digits.
 * @example formatNumber(65.66, 'thai') // '๖๕.๖๖'
 */
export function formatNumber(value: number, digits: DigitStyle = 'arabic', decimals = 2): string {
  const fixed = value.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = Math.abs(value) >= 10_000 ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
  return withDigits(frac === undefined ? grouped : `${grouped}.${frac}`, digits);
}

/** Formats an integer (counts, years) in the chosen digits. */
export function formatInteger(value: number, digits: DigitStyle = 'arabic'): string {
  return withDigits(String(Math.trunc(value)), digits);
}

export const THAI_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;
export const THAI_MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;
const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const BE_OFFSET = 543;
export const toBuddhistYear = (ceYear: number): number => ceYear + BE_OFFSET;
export const toGregorianYear = (beYear: number): number => beYear - BE_OFFSET;

/** Parses `YYYY-MM-DD` (CE) into its parts without time-zone shifts. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The Thai calendar day of an ISO date or timestamp: a date (`2026-12-01`) is its own day; a
 * timestamp (`2026-12-01T18:30:00Z`, stored in UTC) is the day in Asia/Bangkok (UTC+7, no
 * daylight saving), so something uploaded at 01:30 on 2 December in Thailand is dated 2 December.
 */
export function thaiDay(iso: string): string {
  if (!/T\d{2}:\d{2}/.test(iso)) return iso.slice(0, 10);
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso.slice(0, 10);
  return new Date(time + 7 * 3600_000).toISOString().slice(0, 10);
}

export type DateStyle = 'long' | 'short';

/**
 * Formats an ISO date (CE) as a Thai BE date.
 * @example formatThaiDate('2022-10-01', { style: 'long' }) // '1 ตุลาคม 2565'
 * @example formatThaiDate('2022-10-01', { style: 'short', digits: 'thai' }) // '๑ ต.ค. ๒๕๖๕'
 */
export function formatThaiDate(
  iso: string,
  opts: { style?: DateStyle; digits?: DigitStyle; locale?: 'th' | 'en' } = {},
): string {
  const { year, month, day } = parseIsoDate(thaiDay(iso));
  if (opts.locale === 'en') return `${day} ${EN_MONTHS_SHORT[month - 1]} ${year}`;
  const months = opts.style === 'short' ? THAI_MONTHS_SHORT : THAI_MONTHS;
  return withDigits(`${day} ${months[month - 1]} ${toBuddhistYear(year)}`, opts.digits ?? 'arabic');
}

/** Formats a timestamp (ISO date-time, UTC) as a Thai BE date and time in Asia/Bangkok. */
export function formatThaiDateTime(isoDateTime: string, digits: DigitStyle = 'arabic'): string {
  const bangkok = new Date(new Date(isoDateTime).getTime() + 7 * 3600_000);
  const date = bangkok.toISOString().slice(0, 10);
  const time = bangkok.toISOString().slice(11, 16);
  return withDigits(`${formatThaiDate(date)} เวลา ${time} น.`, digits);
}

const MONTH_NAMES: readonly (readonly string[])[] = THAI_MONTHS.map((long, i) => [long, THAI_MONTHS_SHORT[i]!, THAI_MONTHS_SHORT[i]!.replace(/\./g, '')]);

/** A BE year as written: four digits (2568), or two (68 → 2568) as Thai forms often do. */
function beYear(written: string): number {
  return written.length === 2 ? 2500 + Number(written) : Number(written);
}

/**
 * Parses a date a person typed into a Buddhist-era date field, in Thai or Arabic digits:
 * `31/3/2568`, `31-03-68`, `31.3.2568`, `31 มีนาคม 2568`, `31 มี.ค. 68` (with or without
 * "พ.ศ."), or ISO `YYYY-MM-DD` as a date picker or a spreadsheet sends it (a year above 2400
 * there is a BE year). Returns the ISO (CE) date, or null when it is not a real day or the year
 * is not a plausible BE year (2400–2700): a CE year typed by mistake (31/3/2025) is refused,
 * not silently read as 543 years ago.
 * @example parseBeDateInput('๓๑/๓/๒๕๖๘') // '2025-03-31'
 * @example parseBeDateInput('1 ต.ค. 2567') // '2024-10-01'
 */
export function parseBeDateInput(raw: string): string | null {
  const s = toArabicDigits(raw).trim().replace(/\s+/g, ' ').replace(/\s*พ\.?\s?ศ\.?\s*/, ' ').trim();
  let d: number, m: number, be: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{2}|\d{4})$/.exec(s);
  const named = /^(\d{1,2}) ?([\u0E00-\u0E7F.]+) ?(\d{2}|\d{4})$/.exec(s);
  if (iso) {
    const y = Number(iso[1]);
    [d, m, be] = [Number(iso[3]), Number(iso[2]), y > 2400 ? y : y + BE_OFFSET];
  } else if (dmy) {
    [d, m, be] = [Number(dmy[1]), Number(dmy[2]), beYear(dmy[3]!)];
  } else if (named) {
    const month = MONTH_NAMES.findIndex((names) => names.includes(named[2]!));
    if (month < 0) return null;
    [d, m, be] = [Number(named[1]), month + 1, beYear(named[3]!)];
  } else return null;
  if (be < 2400 || be > 2700) return null;
  const ce = be - BE_OFFSET;
  const date = new Date(Date.UTC(ce, m - 1, d));
  if (date.getUTCFullYear() !== ce || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Writes an ISO (CE) date the way a BE date field shows it: `31/03/2568` in the chosen digits.
 * Anything that is not an ISO date (what the person typed, kept on a form with errors) is
 * returned as it is.
 */
export function formatBeDateInput(value: string, digits: DigitStyle = 'arabic'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return withDigits(`${m[3]}/${m[2]}/${Number(m[1]) + BE_OFFSET}`, digits);
}

/** The example shown under every BE date field. */
export const BE_DATE_HINT = 'วัน/เดือน/ปี พ.ศ. เช่น 31/03/2568';

// Kept as written: raw text (scripts, styles, what a person typed in a text area) and what is shown
// as code (pre, code, kbd, samp: an example to copy, a setting's name).
// A character reference (`&quot;`, `&#39;`) is markup, not a word: its letters do not make a token
// an identifier and its digits are not a number (`&quot;90.73&quot;` is a quoted score).
const CHARACTER_REFERENCE = /&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;
const CHARACTER_REFERENCE_PIECE = new RegExp(`(${CHARACTER_REFERENCE.source})`, 'i');

function localizeEscapedText(text: string): string {
  // Most runs are plain numbers and Thai words: one pass, no token to look at.
  if (!/[A-Za-z&]/.test(text)) return toThaiDigits(text);
  return text.replace(/\S+/g, (token) => {
    if (/[A-Za-z]/.test(token.replace(CHARACTER_REFERENCE, ''))) return token;
    return token.includes('&') ? token.split(CHARACTER_REFERENCE_PIECE).map((piece, i) => (i % 2 ? piece : toThaiDigits(piece))).join('') : toThaiDigits(token);
  });
}

// Kept as written: raw text (scripts, styles, what a person typed in a text area), what is shown
// as code (pre, code, kbd, samp: an example to copy, a setting's name) and any element marked
// data-verbatim. This finds where such an element opens.
const KEPT_ELEMENT = /<(script|style|textarea|pre|code|kbd|samp)(?=[\s>/])[^>]*>|<([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*?)?\sdata-verbatim(?=[\s=>/])[^>]*>/gi;
// A run of text holding a digit: after a tag (or at the start) up to the next tag.
const TEXT_WITH_DIGIT = /(^|>)([^<]*?[0-9][^<]*)/g;

/** Where the element opened by the tag ending at `from` closes (after its end tag; nested ones of its name counted). */
function endOfElement(html: string, tag: string, from: number): number {
  const tags = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[1]) depth -= 1;
    else if (!m[0].endsWith('/>')) depth += 1;
    if (depth === 0) return tags.lastIndex;
  }
  return html.length;
}

const localizeTextRuns = (markup: string): string => markup.replace(TEXT_WITH_DIGIT, (_, before: string, text: string) => before + localizeEscapedText(text));

/**
 * The text of a rendered page in the agency's digits: every run of text between tags goes
 * through `localizeDigits` (identifiers with a Latin letter kept); tags and attributes (URLs,
 * form values), script, style and textarea content (what a person typed), code shown as code
 * (pre, code, kbd, samp) and any element marked `data-verbatim` stay as they are. Idempotent.
 * Only the text runs that hold a digit and the few kept elements are visited, never every tag:
 * a 900-row table pays for its numbers, not for its markup.
 * @example localizeHtmlDigits('<p title="6">รอบ 6 เดือน <a href="/oit/2565/O11">O11</a></p>', 'thai') // '<p title="6">รอบ ๖ เดือน <a href="/oit/2565/O11">O11</a></p>'
 */
export function localizeHtmlDigits(html: string, digits: DigitStyle): string {
  if (digits !== 'thai') return html;
  let out = '';
  let from = 0;
  KEPT_ELEMENT.lastIndex = 0;
  for (let m = KEPT_ELEMENT.exec(html); m; m = KEPT_ELEMENT.exec(html)) {
    if (m[0].endsWith('/>')) continue; // a self-closing tag keeps nothing
    const end = endOfElement(html, (m[1] ?? m[2])!, KEPT_ELEMENT.lastIndex);
    out += localizeTextRuns(html.slice(from, m.index)) + html.slice(m.index, end);
    from = end;
    KEPT_ELEMENT.lastIndex = end;
  }
  return out + localizeTextRuns(html.slice(from));
}

/**
 * A form shown back shows what the person typed: an `input` whose value is the Arabic-digit
 * reading of a number they typed in Thai digits (the platform's input guard reads it so) gets the
 * typed text back. `typed` maps field names to the typed text; other inputs are left alone.
 * @example showTypedNumbers('<input name="score" value="86.05"/>', new Map([['score', '๘๖.๐๕']])) // '<input name="score" value="๘๖.๐๕"/>'
 */
export function showTypedNumbers(html: string, typed: ReadonlyMap<string, string>): string {
  return html.replace(/<input\b[^>]*>/g, (tag) => {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    const original = name === undefined ? undefined : typed.get(name.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    if (original === undefined) return tag;
    // A typed number holds only digits, spaces and number punctuation: nothing to escape.
    return tag.replace(/\svalue="([^"]*)"/, (attr, value: string) => (value === toArabicDigits(original) ? ` value="${original}"` : attr));
  });
}
