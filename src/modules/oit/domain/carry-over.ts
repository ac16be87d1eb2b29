/**
 * Starting FY N+1 from FY N: which items persist, mapped between the two catalogues by the
 * catalogue's year-to-year map (by role, then merged roles, then title and code for items
 * without a role — see catalogue `mapOitItems`), and which carried evidence is outdated and must
 * be replaced. Several old items may land in one new item when NACC merged them.
 * Evidence of an item without a period requirement (structure, laws, manuals…) is carried as is;
 * evidence of an item with one is carried flagged "outdated" unless its stated period already
 * satisfies the new year's requirement.
 */
import type { OitItem, OitPeriod } from '../../catalogue/domain/schema.js';
import { mapOitItems, normalizeTitle, titleSimilarity, type YearMapMatch } from '../../catalogue/domain/year-map.js';
import { itemPeriodRange } from './checks.js';

export { normalizeTitle, titleSimilarity };

export type MatchKind = YearMapMatch;

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

export function planCarryOver(from: OitItem[], to: OitItem[]): CarryPlan {
  const m = mapOitItems(from, to);
  return {
    mappings: m.mappings.map((r) => ({ fromCode: r.fromCode, fromTitle: r.fromTitle, toCode: r.toCode, toTitle: r.toTitle, match: r.match, similarity: r.similarity, toPeriod: r.toPeriod })),
    dropped: m.dropped.map((d) => ({ code: d.code, titleTh: d.titleTh })),
    added: m.added.map((a) => ({ code: a.code, titleTh: a.titleTh })),
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
