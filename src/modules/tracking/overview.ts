/**
 * Each agency's latest produced measures report (มาตรการ… รายงานผล รอบ 6/12 เดือน), for the
 * deployment's province and national views: one set-based query, no content.
 */
import type { Kysely } from 'kysely';
import type { TrackingDb } from './tables.js';
import { trackingOverviewRepository } from './overview-repository.js';

export interface MeasuresReportStatus {
  fiscalYear: number;
  round: 6 | 12;
}

export function latestMeasuresReportsReader(db: Kysely<TrackingDb>) {
  const repo = trackingOverviewRepository(db);
  return async (agencyIds?: readonly string[]): Promise<Map<string, MeasuresReportStatus>> => {
    const latest = new Map<string, MeasuresReportStatus>();
    for (const r of await repo.producedMeasuresReports(agencyIds)) {
      const round = Number(r.round) === 12 ? 12 : 6;
      const seen = latest.get(r.agency_id);
      const later = !seen || r.fiscal_year * 100 + round > seen.fiscalYear * 100 + seen.round;
      if (later) latest.set(r.agency_id, { fiscalYear: Number(r.fiscal_year), round });
    }
    return latest;
  };
}
