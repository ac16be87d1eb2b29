/**
 * Set-based reads of ITA results across many agencies, for the deployment's province and national
 * views: one query for any number of agencies, never a query per agency.
 */
import type { Kysely } from 'kysely';
import { inIdList } from '../../db/portable.js';
import type { ItaResultsDb } from './tables.js';

export interface LatestResultRow {
  agency_id: string;
  fiscal_year: number;
  official_score: number | null;
  official_level: string | null;
  /** Only when there is no official score (the total is then computed from them). */
  indicators: string | null;
}

export function itaResultsOverviewRepository(db: Kysely<ItaResultsDb>) {
  return {
    /**
     * Each agency's most recent fiscal year of results (of `agencyIds`, or every agency when
     * undefined). The correlated MAX uses the (agency_id, fiscal_year) unique index.
     */
    latestByAgency: async (agencyIds?: readonly string[]): Promise<LatestResultRow[]> => {
      if (agencyIds && agencyIds.length === 0) return [];
      let q = db
        .selectFrom('ita_results as r')
        .select((eb) => [
          'r.agency_id',
          'r.fiscal_year',
          'r.official_score',
          'r.official_level',
          // The indicator scores travel only for rows whose total must be computed.
          eb.case().when('r.official_score', 'is', null).then(eb.ref('r.indicators')).else(null).end().as('indicators'),
        ])
        .where('r.fiscal_year', '=', (eb) =>
          eb.selectFrom('ita_results as l').select((e) => e.fn.max('l.fiscal_year').as('y')).whereRef('l.agency_id', '=', 'r.agency_id'),
        );
      if (agencyIds) q = q.where(inIdList(db, 'r.agency_id', agencyIds));
      const rows = await q.execute();
      return rows.map((r) => ({ ...r, fiscal_year: Number(r.fiscal_year), official_score: r.official_score === null ? null : Number(r.official_score) }));
    },
  };
}
