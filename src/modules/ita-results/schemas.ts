/**
 * The results entry form's fields ↔ the JSON import format. The form posts flat names
 * (`indicators.3`, `official.score`, `oit.O2`, `oit.O2.reason`, `questions.I28`) that are the
 * same paths the validator reports errors on, so every error links to its field.
 * Values stay text: the validator reads Thai digits and reports what was typed.
 */
import type { Catalogue } from '../catalogue/index.js';
import type { ResultsInput } from './domain/types.js';

export type FormValues = Record<string, string>;

export const OIT_PASSED = 'passed';
export const OIT_FAILED = 'failed';

/** The first value of each field of a urlencoded body, as text. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === 'string') out[k] = one;
  }
  return out;
}

/**
 * The JSON import format of what the form holds. Every indicator of the year is sent, so an
 * empty one is reported; questions and the official figures only when filled; an OIT item only
 * when marked passed or failed (an empty choice means "not assessed").
 */
export function resultsFormToJson(values: FormValues, fiscalYear: number, catalogue: Catalogue): Record<string, unknown> {
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  const indicators: Record<string, string> = {};
  for (const ind of catalogue.indicators) indicators[String(ind.no)] = values[`indicators.${ind.no}`] ?? '';
  const questions: Record<string, string> = {};
  for (const q of catalogue.questions) {
    const v = values[`questions.${q.code}`];
    if (!blank(v)) questions[q.code] = v!;
  }
  const oit: Record<string, { passed: boolean; reason?: string } | string> = {};
  for (const item of catalogue.oitItems) {
    const v = values[`oit.${item.code}`];
    const reason = (values[`oit.${item.code}.reason`] ?? '').trim();
    if (v === OIT_PASSED || v === OIT_FAILED) oit[item.code] = { passed: v === OIT_PASSED, ...(reason ? { reason } : {}) };
    else if (!blank(v)) oit[item.code] = v!; // a tampered value: let the validator name it
  }
  const official: Record<string, string> = {};
  if (!blank(values['official.score'])) official.score = values['official.score']!;
  if (!blank(values['official.level'])) official.level = values['official.level']!;
  return {
    fiscalYear,
    official,
    indicators,
    ...(Object.keys(questions).length > 0 ? { questions } : {}),
    ...(Object.keys(oit).length > 0 ? { oit } : {}),
  };
}

/** Stored results → the form's values (Arabic digits, two decimals as NACC publishes them). */
export function resultsToFormValues(input: ResultsInput): FormValues {
  const v: FormValues = {};
  const score = (n: number) => String(n);
  for (const [no, s] of Object.entries(input.indicators)) v[`indicators.${no}`] = score(s);
  if (input.official.score !== undefined) v['official.score'] = score(input.official.score);
  if (input.official.level) v['official.level'] = input.official.level;
  for (const [code, s] of Object.entries(input.questions ?? {})) v[`questions.${code}`] = score(s);
  for (const [code, o] of Object.entries(input.oit ?? {})) {
    v[`oit.${code}`] = o.passed ? OIT_PASSED : OIT_FAILED;
    if (o.reason) v[`oit.${code}.reason`] = o.reason;
  }
  return v;
}

/** A new year's form: every OIT item starts as passed (officers mark the few that failed). */
export function newFormValues(catalogue: Catalogue): FormValues {
  const v: FormValues = {};
  for (const item of catalogue.oitItems) v[`oit.${item.code}`] = OIT_PASSED;
  return v;
}
