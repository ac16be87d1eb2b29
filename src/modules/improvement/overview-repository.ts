/** Set-based reads of improvement plans across many agencies, for the deployment's views. */
import type { Kysely } from 'kysely';
import { inIdList } from '../../db/portable.js';
import type { ImprovementDb } from './tables.js';

export interface PlanStatusRow {
  agency_id: string;
  results_year: number;
  target_year: number;
  rows: number;
  updated_at: string;
}

export function improvementOverviewRepository(db: Kysely<ImprovementDb>) {
  return {
    /** Each agency's most recent plan (by results year) with its number of rows. */
    latestPlanByAgency: async (agencyIds?: readonly string[]): Promise<PlanStatusRow[]> => {
      if (agencyIds && agencyIds.length === 0) return [];
      let q = db
        .selectFrom('improvement_plans as p')
        .leftJoin('plan_rows as r', (j) => j.onRef('r.plan_id', '=', 'p.id').onRef('r.agency_id', '=', 'p.agency_id'))
        .select((eb) => ['p.agency_id', 'p.results_year', 'p.target_year', 'p.updated_at', eb.fn.count<number>('r.id').as('rows')])
        .where('p.results_year', '=', (eb) =>
          eb.selectFrom('improvement_plans as l').select((e) => e.fn.max('l.results_year').as('y')).whereRef('l.agency_id', '=', 'p.agency_id'),
        );
      if (agencyIds) q = q.where(inIdList(db, 'p.agency_id', agencyIds));
      const rows = await q.groupBy(['p.agency_id', 'p.results_year', 'p.target_year', 'p.updated_at']).execute();
      return rows.map((r) => ({ ...r, results_year: Number(r.results_year), target_year: Number(r.target_year), rows: Number(r.rows) }));
    },
  };
}
