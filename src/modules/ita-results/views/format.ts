/** Number and year formatting in the agency's digit choice (Arabic digits in English pages). */
import type { PageContext } from '../../../ui/context.js';
import { formatNumber, withDigits, type DigitStyle } from '../../../shared/thai.js';

export const digitsOf = (ctx: PageContext): DigitStyle => (ctx.locale === 'en' ? 'arabic' : ctx.agency?.digits ?? 'arabic');

export function formatters(ctx: PageContext) {
  const digits = digitsOf(ctx);
  return {
    digits,
    /** A score with two decimals: 65.66 → "๖๕.๖๖". */
    score: (n: number) => formatNumber(n, digits, 2),
    /** A signed change: +1.20 / −0.45. */
    delta: (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), digits, 2)}`,
    /** Integers, years and codes with digits: 2565 → "๒๕๖๕". */
    text: (v: number | string) => withDigits(String(v), digits),
  };
}
