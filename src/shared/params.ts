/** Route parameter parsing shared by modules: a bad parameter is a Thai 404, never a crash. */
import { notFound, validationError } from './errors.js';

/**
 * Highest row index a repeated form group (`prefix.N.field`) may use. A form never shows more
 * rows than this; a larger index is an attack (`measures.4294967294.titleTh` would otherwise
 * make a sparse array of four billion slots and hold the event loop for minutes).
 */
export const MAX_FORM_ROWS = 200;

/** A B.E. fiscal year in a URL, e.g. `/admin/results/2565`. */
export function fiscalYearParam(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2560 || year > 2650) throw notFound('ไม่พบปีงบประมาณที่ระบุ');
  return year;
}

/**
 * Collects `prefix.N.field` form fields into an array of objects, in index order. An index past
 * MAX_FORM_ROWS is refused with a Thai message naming
 * the field, before any array is built.
 */
export function indexedFields(body: Record<string, unknown>, prefix: string): Record<string, string>[] {
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.(\\w+)$`);
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(body)) {
    const m = re.exec(key);
    if (!m) continue;
    const i = m[1]!.length <= 4 ? Number(m[1]) : Number.POSITIVE_INFINITY;
    if (i >= MAX_FORM_ROWS) {
      throw validationError(`แบบฟอร์มมีจำนวนแถวเกินกำหนด (ช่อง ${key.slice(0, 80)})`, [{ field: key, message: `ลำดับแถวเกิน ${MAX_FORM_ROWS} แถวที่แบบฟอร์มรับได้` }]);
    }
    const row = byIndex.get(i) ?? {};
    row[m[2]!] = typeof value === 'string' ? value : String(value ?? '');
    byIndex.set(i, row);
  }
  // A Map, not a sparse array: memory follows the fields sent, never the largest index.
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** Rows a long list shows per page (item evidence, lists that grow with imports). */
export const PAGE_SIZE = 100;

/** `?page=N` of a paginated list: a positive integer, 1 when absent or not a sane number. */
export function pageParam(query: unknown): number {
  const raw = (query as { page?: unknown } | undefined)?.page;
  const n = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

/** The rows of `page` and what a pager needs; a page past the end shows the last one. */
export function paginate<T>(rows: readonly T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number; total: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(page, pages);
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages, total: rows.length };
}
