/** Route parameters of the OIT pages, checked before any lookup: anything else is a 404. */
import { notFound } from '../../shared/errors.js';

export const YEAR = /^\d{4}$/;
const CODE = /^O\d{1,3}$/;
const ID = /^[0-9a-f-]{36}$/i;

export function yearOf(params: unknown): number {
  const y = (params as { year?: string }).year ?? '';
  if (!YEAR.test(y)) throw notFound();
  return Number(y);
}
export function codeOf(params: unknown): string {
  const c = (params as { code?: string }).code ?? '';
  if (!CODE.test(c)) throw notFound();
  return c;
}
export function idOf(params: unknown, name = 'id'): string {
  const id = (params as Record<string, string | undefined>)[name] ?? '';
  if (!ID.test(id)) throw notFound();
  return id;
}
