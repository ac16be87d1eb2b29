/** Route parameter parsing shared by modules: a bad parameter is a Thai 404, never a crash. */
import { notFound } from './errors.js';

/** A B.E. fiscal year in a URL, e.g. `/admin/results/2565`. */
export function fiscalYearParam(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2560 || year > 2650) throw notFound('ไม่พบปีงบประมาณที่ระบุ');
  return year;
}

/** Collects `prefix.N.field` form fields into an array of objects, in index order. */
export function indexedFields(body: Record<string, unknown>, prefix: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.(\\w+)$`);
  for (const [key, value] of Object.entries(body)) {
    const m = re.exec(key);
    if (!m) continue;
    const i = Number(m[1]);
    (out[i] ??= {})[m[2]!] = typeof value === 'string' ? value : String(value ?? '');
  }
  return out.filter(Boolean);
}
