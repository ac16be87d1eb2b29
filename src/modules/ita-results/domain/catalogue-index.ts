/**
 * Look-up tables over one year's catalogue, built once per catalogue object and shared by the
 * analysis and the importers. Importing 8,000 rows checks every code against the catalogue, so
 * linear scans of the catalogue arrays per cell would dominate; a WeakMap keeps one index per
 * catalogue without leaking when a corrected catalogue replaces it.
 */
import type { Catalogue, Indicator, OitItem, Question, ToolCode } from '../../catalogue/index.js';

export interface LevelOption {
  code: string;
  labelTh: string;
}

export interface CatalogueIndex {
  catalogue: Catalogue;
  /** Indicators by ascending number. */
  indicators: Indicator[];
  /** Bands from the highest `min` down (empty for label years). */
  bandsDesc: { code: string; labelTh: string; min: number }[];
  indicatorsByNo: Map<number, Indicator>;
  /** Indicator numbers of each tool, ascending. */
  indicatorsOfTool: Record<ToolCode, number[]>;
  questionsByCode: Map<string, Question>;
  /** Questions of each indicator, in catalogue order. */
  questionsOfIndicator: Map<number, Question[]>;
  oitByCode: Map<string, OitItem>;
  /** Catalogue position of each OIT item (for "catalogue order"). */
  oitOrder: Map<string, number>;
  oitOfIndicator: Map<number, OitItem[]>;
  levels: LevelOption[];
}

const cache = new WeakMap<Catalogue, CatalogueIndex>();

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const hit = cache.get(catalogue);
  if (hit) return hit;
  const indicatorsByNo = new Map<number, Indicator>();
  const indicatorsOfTool: Record<ToolCode, number[]> = { IIT: [], EIT: [], OIT: [] };
  for (const ind of catalogue.indicators) {
    indicatorsByNo.set(ind.no, ind);
    indicatorsOfTool[ind.tool].push(ind.no);
  }
  for (const list of Object.values(indicatorsOfTool)) list.sort((a, b) => a - b);

  const questionsByCode = new Map<string, Question>();
  const questionsOfIndicator = new Map<number, Question[]>();
  for (const q of catalogue.questions) {
    questionsByCode.set(q.code, q);
    const list = questionsOfIndicator.get(q.indicator) ?? [];
    list.push(q);
    questionsOfIndicator.set(q.indicator, list);
  }

  const oitByCode = new Map<string, OitItem>();
  const oitOrder = new Map<string, number>();
  const oitOfIndicator = new Map<number, OitItem[]>();
  catalogue.oitItems.forEach((item, i) => {
    oitByCode.set(item.code, item);
    oitOrder.set(item.code, i);
    const list = oitOfIndicator.get(item.indicator) ?? [];
    list.push(item);
    oitOfIndicator.set(item.indicator, list);
  });

  const levels: LevelOption[] =
    catalogue.rating.kind === 'bands'
      ? catalogue.rating.bands.map((b) => ({ code: b.code, labelTh: b.labelTh || b.code }))
      : catalogue.rating.rules.map((r) => ({ code: r.code, labelTh: r.labelTh }));

  const index: CatalogueIndex = {
    catalogue,
    indicators: [...catalogue.indicators].sort((a, b) => a.no - b.no),
    bandsDesc: catalogue.rating.kind === 'bands' ? [...catalogue.rating.bands].sort((a, b) => b.min - a.min) : [],
    indicatorsByNo,
    indicatorsOfTool,
    questionsByCode,
    questionsOfIndicator,
    oitByCode,
    oitOrder,
    oitOfIndicator,
    levels,
  };
  cache.set(catalogue, index);
  return index;
}

/**
 * Finds a level of the year by its code (any letter case, e.g. "c" → "C") or its Thai label
 * (e.g. "ผ่านดี"). Officers copy either from the NACC report, so both are accepted.
 */
export function findLevel(catalogue: Catalogue, text: string): LevelOption | undefined {
  // "ระดับ C" as written in measures documents is the band C.
  const wanted = text.trim().normalize('NFC').replace(/^ระดับ\s*/, '');
  if (!wanted) return undefined;
  const upper = wanted.toUpperCase();
  const { levels } = indexCatalogue(catalogue);
  return levels.find((l) => l.code.toUpperCase() === upper) ?? levels.find((l) => l.labelTh.normalize('NFC') === wanted);
}

/** "AA, A, B …" or "ผ่านดีเยี่ยม, ผ่านดี …" for messages that list the allowed levels. */
export function levelListTh(catalogue: Catalogue): string {
  return indexCatalogue(catalogue).levels.map((l) => levelShortTh(catalogue, l)).join(', ');
}

/**
 * The short name of a level for sentences: the band code in band years ("C"; band labels such
 * as "ระดับ C (65.00–74.99 คะแนน)" are too long for a sentence), the Thai label in label years.
 */
export function levelShortTh(catalogue: Catalogue, level: LevelOption): string {
  return catalogue.rating.kind === 'bands' ? level.code : level.labelTh || level.code;
}

/** A source of catalogues by fiscal year: the shipped map, a database-backed function, a test map. */
export type CatalogueSource = ReadonlyMap<number, Catalogue> | ((fiscalYear: number) => Catalogue | undefined);

export function lookupCatalogue(source: CatalogueSource, fiscalYear: number): Catalogue | undefined {
  return typeof source === 'function' ? source(fiscalYear) : source.get(fiscalYear);
}
