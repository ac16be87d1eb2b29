/**
 * Starting FY N+1 from FY N: which items persist, mapped between the two catalogues by title
 * and code (NACC renumbers items between years — procurement moved from O21–O24 to O19–O22 in
 * 2566), and which carried evidence is outdated and must be replaced.
 *
 * Matching, each new item used once, in this order:
 * 1. same normalised title (same code or not);
 * 2. same code with a similar title (character-bigram Dice ≥ 0.6);
 * 3. a similar title elsewhere (Dice ≥ 0.75).
 * Evidence of an item without a period requirement (structure, laws, manuals…) is carried as is;
 * evidence of an item with one is carried flagged "outdated" unless its stated period already
 * satisfies the new year's requirement.
 */
import type { OitItem, OitPeriod } from '../../catalogue/index.js';
import { itemPeriodRange } from './checks.js';

export type MatchKind = 'code-and-title' | 'title' | 'code' | 'similar-title';

export interface ItemMapping {
  fromCode: string;
  fromTitle: string;
  toCode: string;
  toTitle: string;
  match: MatchKind;
  /** Similarity of the titles, 0–1. */
  similarity: number;
  /** The new item requires a period, so dated evidence needs review. */
  toPeriod: OitPeriod;
}

export interface CarryPlan {
  mappings: ItemMapping[];
  /** Last year's items that map to nothing this year. */
  dropped: { code: string; titleTh: string }[];
  /** This year's items no old item maps to. */
  added: { code: string; titleTh: string }[];
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

export function planCarryOver(from: OitItem[], to: OitItem[]): CarryPlan {
  const used = new Set<string>();
  const mapped = new Map<string, ItemMapping>();
  const add = (f: OitItem, t: OitItem, match: MatchKind, similarity: number) => {
    used.add(t.code);
    mapped.set(f.code, { fromCode: f.code, fromTitle: f.titleTh, toCode: t.code, toTitle: t.titleTh, match, similarity: Math.round(similarity * 100) / 100, toPeriod: t.period });
  };
  for (const f of from) {
    const same = to.find((t) => !used.has(t.code) && normalizeTitle(t.titleTh) === normalizeTitle(f.titleTh) && t.code === f.code)
      ?? to.find((t) => !used.has(t.code) && normalizeTitle(t.titleTh) === normalizeTitle(f.titleTh));
    if (same) add(f, same, same.code === f.code ? 'code-and-title' : 'title', 1);
  }
  for (const f of from) {
    if (mapped.has(f.code)) continue;
    const t = to.find((x) => x.code === f.code && !used.has(x.code));
    const sim = t ? titleSimilarity(f.titleTh, t.titleTh) : 0;
    if (t && sim >= 0.6) add(f, t, 'code', sim);
  }
  for (const f of from) {
    if (mapped.has(f.code)) continue;
    let best: { t: OitItem; sim: number } | undefined;
    for (const t of to) {
      if (used.has(t.code)) continue;
      const sim = titleSimilarity(f.titleTh, t.titleTh);
      if (sim >= 0.75 && (!best || sim > best.sim)) best = { t, sim };
    }
    if (best) add(f, best.t, 'similar-title', best.sim);
  }
  return {
    mappings: from.flatMap((f) => (mapped.has(f.code) ? [mapped.get(f.code)!] : [])),
    dropped: from.filter((f) => !mapped.has(f.code)).map((f) => ({ code: f.code, titleTh: f.titleTh })),
    added: to.filter((t) => !used.has(t.code)).map((t) => ({ code: t.code, titleTh: t.titleTh })),
  };
}

/**
 * Whether carried evidence is outdated for the new item: it is when the new item requires a
 * period and the evidence's stated period does not cover (or, for the fiscal year, overlap) it.
 */
export function isOutdated(period: OitPeriod, toYear: number, stated: { from: string | null; to: string | null }): boolean {
  const req = itemPeriodRange(period, toYear);
  if (!req) return false;
  if (!stated.from || !stated.to) return true;
  if (period === 'current-fy') return !(stated.from <= req.to && stated.to >= req.from);
  return !(stated.from <= req.from && stated.to >= req.to);
}
