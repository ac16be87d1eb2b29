/** Set-based reads of produced reports across many agencies, for the deployment's views. */
import type { Kysely } from 'kysely';
import { inIdList } from '../../db/portable.js';
import type { TrackingDb } from './tables.js';

export function trackingOverviewRepository(db: Kysely<TrackingDb>) {
  return {
    /** Fiscal year and round of every produced measures report (a few per agency). */
    producedMeasuresReports: async (agencyIds?: readonly string[]) => {
      if (agencyIds && agencyIds.length === 0) return [];
      let q = db.selectFrom('periodic_reports').select(['agency_id', 'fiscal_year', 'round']).where('kind', '=', 'measures').where('produced_at', 'is not', null);
      if (agencyIds) q = q.where(inIdList(db, 'agency_id', agencyIds));
      return q.execute();
    },
  };
}
