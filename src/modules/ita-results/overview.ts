/**
 * Each agency's latest ITA result in a few numbers (year, total, level, passed), for the
 * deployment's province and national views. The total is the official one when entered, else the
 * computed one, as the results pages show it.
 */
import type { Kysely } from 'kysely';
import type { ItaResultsDb } from './tables.js';
import type { Catalogue } from '../catalogue/index.js';
import { analyze, levelFor } from './domain/analysis.js';
import { findLevel, levelShortTh } from './domain/catalogue-index.js';
import { itaResultsOverviewRepository, type LatestResultRow } from './overview-repository.js';

export interface LatestResult {
  fiscalYear: number;
  total: number;
  /** Whether the total is the published (official) one or computed from the indicators. */
  source: 'official' | 'computed';
  levelCode: string;
  levelTh: string;
  passed: boolean;
}

export function summarizeLatest(row: LatestResultRow, catalogue: Catalogue | undefined): LatestResult {
  if (!catalogue) {
    return { fiscalYear: row.fiscal_year, total: row.official_score ?? 0, source: 'official', levelCode: row.official_level ?? '', levelTh: row.official_level ?? '', passed: false };
  }
  let total: number;
  let source: LatestResult['source'] = 'official';
  let level = row.official_level ? findLevel(catalogue, row.official_level) : undefined;
  if (row.official_score !== null) total = row.official_score;
  else {
    const raw = JSON.parse(row.indicators ?? '{}') as Record<string, number>;
    const indicators = Object.fromEntries(Object.entries(raw).map(([k, v]) => [Number(k), Number(v)]));
    const a = analyze(catalogue, { fiscalYear: row.fiscal_year, official: {}, indicators });
    total = a.total.computed;
    source = 'computed';
    level ??= findLevel(catalogue, a.level.computed);
  }
  level ??= levelFor(catalogue, total);
  const passed =
    catalogue.rating.kind === 'bands'
      ? total + 1e-9 >= catalogue.passMark
      : (catalogue.rating.rules.find((r) => r.code === level!.code)?.minTotal ?? 0) + 1e-9 >= catalogue.passMark;
  return { fiscalYear: row.fiscal_year, total, source, levelCode: level.code, levelTh: levelShortTh(catalogue, level), passed };
}

/** Latest result per agency id (of `agencyIds`, or all agencies): one query plus in-memory work. */
export function latestResultsReader(db: Kysely<ItaResultsDb>, catalogues: () => Promise<ReadonlyMap<number, Catalogue>>) {
  const repo = itaResultsOverviewRepository(db);
  return async (agencyIds?: readonly string[]): Promise<Map<string, LatestResult>> => {
    const [rows, all] = await Promise.all([repo.latestByAgency(agencyIds), catalogues()]);
    return new Map(rows.map((r) => [r.agency_id, summarizeLatest(r, all.get(r.fiscal_year))]));
  };
}
