/**
 * Thai first, English second. Messages live beside the view that uses them as
 * `{ th, en }` pairs; `tr` picks the request's locale. Keeping them colocated means a view and
 * its words are changed together, and a missing English text is a type error.
 */
export type Locale = 'th' | 'en';
export const LOCALES: readonly Locale[] = ['th', 'en'];
export type Msg = { th: string; en: string };

export const tr = (locale: Locale, msg: Msg): string => msg[locale];

/** Builds a message table whose entries are all `{th, en}`. */
export const messages = <T extends Record<string, Msg>>(table: T): T => table;

export function parseLocale(value: unknown): Locale | undefined {
  return value === 'th' || value === 'en' ? value : undefined;
}
