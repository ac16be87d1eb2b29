/**
 * Text hygiene shared by every boundary that takes text from outside (forms, multipart fields,
 * imported files). PostgreSQL refuses NUL in text (a 500) while SQLite stores it silently, and
 * other control characters are invisible in the UI yet break exports and comparisons; so they
 * are refused, the same on both databases, before anything reaches a service.
 */

/**
 * C0 controls except TAB, LF and CR (typed by officers in text areas and pasted from sheets),
 * DEL, C1 controls, unpaired UTF-16 surrogates and the non-characters U+FFFE/U+FFFF.
 * Zero-width characters (U+200B…) stay allowed: Thai text uses them as word-break hints.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first forbidden character of `text` as "U+0000", or undefined when the text is clean. */
export function forbiddenCharIn(text: string): string | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The Thai message for a field holding a forbidden character. */
export function forbiddenCharMessage(field: string, char: string): string {
  return `ช่อง ${field.slice(0, 80)} มีอักขระควบคุมที่มองไม่เห็น (${char}) ซึ่งระบบไม่รับ กรุณาลบออกแล้วส่งใหม่`;
}
