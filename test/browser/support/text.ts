/** Text helpers for reading pages that show Thai or Arabic digits, as the agency chooses. */

const THAI_ZERO = 0x0e50; // ๐

/** "๖๕.๖๗" → "65.67"; other characters are kept. */
export const arabicDigits = (text: string): string =>
  text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));

/** 65 → "๖๕". */
export const thaiDigits = (value: string | number): string =>
  String(value).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));

/** Visible-text comparison: digits as Arabic, runs of whitespace folded to one space. */
export const normalized = (text: string | null | undefined): string => arabicDigits(text ?? '').replace(/\s+/g, ' ').trim();

/** A pattern matching `n` written with either digit set, e.g. for labels like "ตัวชี้วัดที่ ๓". */
export const eitherDigits = (n: number | string): string => `(?:${String(n)}|${thaiDigits(n)})`;

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
