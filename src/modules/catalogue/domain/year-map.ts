/**
 * Year-to-year map of OIT items: which items of year A persist in year B, which were merged
 * into another item, which were dropped and which are new. NACC renumbers and renames items
 * between years (procurement moved from O21–O24 to O19–O22 in FY2566; FY2569 merged structure
 * with powers and duties), so codes alone are useless and titles alone are fragile.
 *
 * Matching, each item of B taken once except as the receiver of a merge, in this order:
 * 1. same role (the stable key every shipped item has);
 * 2. merged: A's role is listed in an item of B's `mergedRoles`;
 * 3. for items where at least one side has no role (an imported file may omit it): same
 *    normalised title; then same code with a similar title (character-bigram Dice ≥ 0.6);
 *    then a similar title elsewhere (Dice ≥ 0.75). Two items that both carry a role and differ
 *    are never matched by title: the roles say they are different things.
 */
import type { OitItem, OitPeriod } from './schema.js';
import type { OitRole } from './roles.js';

export type YearMapMatch = 'role' | 'merged' | 'code-and-title' | 'title' | 'code' | 'similar-title';

/** How a pair was matched, for pages (Thai first). */
export const YEAR_MAP_MATCH_LABELS = {
  role: { th: 'บทบาทเดียวกัน', en: 'same role' },
  merged: { th: 'รวมเข้ากับรายการนี้', en: 'merged into this item' },
  'code-and-title': { th: 'เลขข้อและชื่อ', en: 'code and title' },
  title: { th: 'ชื่อรายการ', en: 'title' },
  code: { th: 'เลขข้อ (ชื่อคล้าย)', en: 'code (similar title)' },
  'similar-title': { th: 'ชื่อคล้ายกัน', en: 'similar title' },
} as const satisfies Record<YearMapMatch, { th: string; en: string }>;

export interface YearMapRow {
  fromCode: string;
  fromTitle: string;
  toCode: string;
  toTitle: string;
  role: OitRole | null;
  match: YearMapMatch;
  /** Similarity of the titles, 0–1. */
  similarity: number;
  /** What the evidence of the new item must cover. */
  fromPeriod: OitPeriod;
  toPeriod: OitPeriod;
}

export interface YearMapItem {
  code: string;
  titleTh: string;
  role: OitRole | null;
}

export interface ItemMap {
  /** Every old item that goes somewhere, in the old year's order (persisting and merged). */
  mappings: YearMapRow[];
  /** Old items that map to nothing in the new year. */
  dropped: YearMapItem[];
  /** New items no old item maps to. */
  added: YearMapItem[];
}

export interface YearMap extends ItemMap {
  fromYear: number;
  toYear: number;
  persisting: YearMapRow[];
  merged: YearMapRow[];
}

export function normalizeTitle(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u200b().,:;'"“”‘’\-–—/]+/g, '')
    .replace(/ๆ/g, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice coefficient on character bigrams of the normalised titles. */
export function titleSimilarity(a: string, b: string): number {
  const x = normalizeTitle(a);
  const y = normalizeTitle(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const bx = bigrams(x);
  const by = bigrams(y);
  let overlap = 0;
  for (const [g, n] of bx) overlap += Math.min(n, by.get(g) ?? 0);
  return (2 * overlap) / (x.length - 1 + (y.length - 1));
}

const itemOf = (i: OitItem): YearMapItem => ({ code: i.code, titleTh: i.titleTh, role: i.role ?? null });

export function mapOitItems(from: OitItem[], to: OitItem[]): ItemMap {
  const used = new Set<string>();
  const mapped = new Map<string, YearMapRow>();
  const add = (f: OitItem, t: OitItem, match: YearMapMatch, similarity?: number) => {
    used.add(t.code);
    const sim = similarity ?? titleSimilarity(f.titleTh, t.titleTh);
    mapped.set(f.code, {
      fromCode: f.code,
      fromTitle: f.titleTh,
      toCode: t.code,
      toTitle: t.titleTh,
      role: f.role ?? t.role ?? null,
      match,
      similarity: Math.round(sim * 100) / 100,
      fromPeriod: f.period,
      toPeriod: t.period,
    });
  };
  // Title matching only where the roles cannot decide.
  const titleMatchable = (f: OitItem, t: OitItem) => !f.role || !t.role;
  for (const f of from) {
    const t = f.role ? to.find((x) => !used.has(x.code) && x.role === f.role) : undefined;
    if (t) add(f, t, 'role');
  }
  for (const f of from) {
    if (mapped.has(f.code) || !f.role) continue;
    const t = to.find((x) => x.mergedRoles?.includes(f.role!));
    if (t) add(f, t, 'merged');
  }
  for (const f of from) {
    if (mapped.has(f.code)) continue;
    const free = to.filter((t) => !used.has(t.code) && titleMatchable(f, t) && normalizeTitle(t.titleTh) === normalizeTitle(f.titleTh));
    const same = free.find((t) => t.code === f.code) ?? free[0];
    if (same) add(f, same, same.code === f.code ? 'code-and-title' : 'title', 1);
  }
  for (const f of from) {
    if (mapped.has(f.code)) continue;
    const t = to.find((x) => x.code === f.code && !used.has(x.code) && titleMatchable(f, x));
    const sim = t ? titleSimilarity(f.titleTh, t.titleTh) : 0;
    if (t && sim >= 0.6) add(f, t, 'code', sim);
  }
  for (const f of from) {
    if (mapped.has(f.code)) continue;
    let best: { t: OitItem; sim: number } | undefined;
    for (const t of to) {
      if (used.has(t.code) || !titleMatchable(f, t)) continue;
      const sim = titleSimilarity(f.titleTh, t.titleTh);
      if (sim >= 0.75 && (!best || sim > best.sim)) best = { t, sim };
    }
    if (best) add(f, best.t, 'similar-title', best.sim);
  }
  return {
    mappings: from.flatMap((f) => (mapped.has(f.code) ? [mapped.get(f.code)!] : [])),
    dropped: from.filter((f) => !mapped.has(f.code)).map(itemOf),
    added: to.filter((t) => !used.has(t.code)).map(itemOf),
  };
}

/** The map between two years' catalogues, split the way the page and the CLI show it. */
export function mapCatalogueYears(from: { fiscalYear: number; oitItems: OitItem[] }, to: { fiscalYear: number; oitItems: OitItem[] }): YearMap {
  const m = mapOitItems(from.oitItems, to.oitItems);
  return {
    fromYear: from.fiscalYear,
    toYear: to.fiscalYear,
    ...m,
    persisting: m.mappings.filter((r) => r.match !== 'merged'),
    merged: m.mappings.filter((r) => r.match === 'merged'),
  };
}
