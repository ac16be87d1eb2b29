/** Each agency's latest improvement plan in a few numbers, for the deployment's views (one query). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { improvementOverviewRepository } from './overview-repository.js';

export interface PlanStatus {
  resultsYear: number;
  targetYear: number;
  rows: number;
}

export function latestPlansReader(db: Kysely<Database>) {
  const repo = improvementOverviewRepository(db);
  return async (agencyIds?: readonly string[]): Promise<Map<string, PlanStatus>> =>
    new Map((await repo.latestPlanByAgency(agencyIds)).map((r) => [r.agency_id, { resultsYear: r.results_year, targetYear: r.target_year, rows: r.rows }]));
}
