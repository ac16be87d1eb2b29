/**
 * The one boundary where text from a request is checked before any route sees it: every string
 * of the query and of a parsed body (urlencoded, JSON), keys included, and — through
 * `checkField`, which readMultipart calls — every multipart text field. A forbidden character
 * (NUL and other controls, see shared/text.ts) is refused with a 400 and a Thai message naming
 * the field, identically on SQLite and PostgreSQL, and nothing is saved.
 */
import type { FastifyInstance } from 'fastify';
import { validationError } from '../shared/errors.js';
import { forbiddenCharIn, forbiddenCharMessage } from '../shared/text.js';
import { toArabicDigits } from '../shared/thai.js';

/** Nesting a form or JSON body may reasonably have; deeper is refused rather than walked. */
const MAX_DEPTH = 8;

/** Throws a Thai validation error when `value` (or the field name itself) holds a forbidden character. */
export function checkField(name: string, value: unknown): void {
  walk(name, value, 0);
}

function walk(path: string, value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw validationError('ข้อมูลซ้อนกันลึกเกินไป', [{ field: path, message: `ช่อง ${path.slice(0, 80)} ซ้อนกันลึกเกินกว่าที่ระบบรับ` }]);
  const nameChar = forbiddenCharIn(path);
  if (nameChar) refuse(path.replace(/[^\x20-\x7e\u0e00-\u0e7f]/g, '?'), nameChar);
  if (typeof value === 'string') {
    const char = forbiddenCharIn(value);
    if (char) refuse(path, char);
  } else if (Array.isArray(value)) {
    value.forEach((v) => walk(path, v, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) walk(path ? `${path}.${k}` : k, v, depth + 1);
  }
}

function refuse(field: string, char: string): never {
  throw validationError(forbiddenCharMessage(field, char), [{ field, message: `มีอักขระควบคุมที่มองไม่เห็น (${char})` }]);
}

/**
 * A value made only of digits and number punctuation with a Thai digit in it: a score, a count, a
 * BE date, an amount, a phone number typed on a Thai keyboard or copied from a page in the
 * agency's Thai digits (docs/adr/0011). Text with any letter (Thai or Latin) is not one.
 */
const NUMBER_IN_THAI_DIGITS = /^[\s0-9\u0E50-\u0E59.,:/+\-%()]*[\u0E50-\u0E59][\s0-9\u0E50-\u0E59.,:/+\-%()]*$/;
/** A password is compared as typed, character for character: never rewritten. */
const SECRET_FIELD = /password/i;

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Form fields whose number was typed in Thai digits, by name, as typed: the body holds them in
     * Arabic digits for every parser, and a form shown back (with errors) shows them as typed.
     */
    typedNumbers?: Map<string, string>;
  }
}

/**
 * Form fields and query values that are numbers written in Thai digits, in Arabic digits, so
 * every schema, date parser and search reads them as numbers without each learning Thai digits.
 * What a person wrote in words is left as typed. The value itself comes back when nothing is
 * rewritten (the usual request costs no copy); arrays stay arrays. A rewritten top-level field's
 * typed text goes into `typed`.
 */
export function numbersInArabicDigits<T>(value: T, typed?: Map<string, string>): T {
  return rewrite(value, '', typed) as T;
}

function rewrite(value: unknown, name: string, typed: Map<string, string> | undefined): unknown {
  if (typeof value === 'string') {
    if (!NUMBER_IN_THAI_DIGITS.test(value) || SECRET_FIELD.test(name)) return value;
    typed?.set(name, value);
    return toArabicDigits(value);
  }
  if (Array.isArray(value)) {
    const out = value.map((v) => rewrite(v, name, undefined));
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    // Only the fields of the form itself are remembered as typed: deeper ones are not shown back.
    const r = rewrite(v, k, name === '' ? typed : undefined);
    if (r !== v) (out ??= { ...value })[k] = r;
  }
  return out ?? value;
}

export function installInputGuard(app: FastifyInstance): void {
  // preValidation: the urlencoded and JSON bodies are parsed by then; multipart bodies are still
  // a stream (their fields pass checkField inside readMultipart).
  app.addHook('preValidation', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    walk('', request.params, 0);
    walk('', request.query, 0);
    if (!request.isMultipart()) walk('', request.body, 0);
    // Forms only: a JSON client sends numbers as numbers, and its strings are data to keep.
    if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      const typed = new Map<string, string>();
      request.body = numbersInArabicDigits(request.body, typed);
      if (typed.size) request.typedNumbers = typed;
    }
    request.query = numbersInArabicDigits(request.query);
  });
}
