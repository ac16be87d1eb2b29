/** All SQL of the OIT watch: run claims, the check history and the alerts. Every query filters by agency. */
import type { Kysely } from 'kysely';
import type { OitWatchDb } from './tables.js';
import type { WatchAlertRow, WatchCheckRow, WatchRunRow } from './tables.js';

export function oitWatchRepository(db: Kysely<OitWatchDb>) {
  return {
    /** Claims a run: of several instances inserting the same (agency, year, site, slot) only one succeeds. */
    claimRun: async (row: WatchRunRow): Promise<boolean> => {
      const r = await db
        .insertInto('oit_watch_runs')
        .values(row)
        .onConflict((oc) => oc.columns(['agency_id', 'fiscal_year', 'base_url', 'slot']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    finishRun: async (agencyId: string, id: string, patch: Pick<WatchRunRow, 'state' | 'requests' | 'problems' | 'error' | 'finished_at'>): Promise<void> => {
      await db.updateTable('oit_watch_runs').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    listRuns: (agencyId: string, limit = 30): Promise<WatchRunRow[]> =>
      db.selectFrom('oit_watch_runs').selectAll().where('agency_id', '=', agencyId).orderBy('started_at', 'desc').orderBy('id').limit(limit).execute(),
    insertChecks: async (rows: WatchCheckRow[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('oit_watch_checks').values(rows.slice(i, i + 200)).execute();
    },
    itemHistory: (agencyId: string, year: number, code: string, limit = 500): Promise<WatchCheckRow[]> =>
      db
        .selectFrom('oit_watch_checks')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('fiscal_year', '=', year)
        .where('code', '=', code)
        .orderBy('checked_at', 'desc')
        .orderBy('url')
        .limit(limit)
        .execute(),
    openAlerts: (agencyId: string, year?: number): Promise<WatchAlertRow[]> => {
      let q = db.selectFrom('oit_watch_alerts').selectAll().where('agency_id', '=', agencyId).where('resolved_at', 'is', null);
      if (year !== undefined) q = q.where('fiscal_year', '=', year);
      return q.orderBy('first_seen').orderBy('url').execute();
    },
    recentAlerts: (agencyId: string, limit = 50): Promise<WatchAlertRow[]> =>
      db.selectFrom('oit_watch_alerts').selectAll().where('agency_id', '=', agencyId).orderBy('first_seen', 'desc').orderBy('url').limit(limit).execute(),
    insertAlert: async (row: WatchAlertRow): Promise<void> => {
      await db.insertInto('oit_watch_alerts').values(row).execute();
    },
    updateAlert: async (agencyId: string, id: string, patch: Partial<WatchAlertRow>): Promise<void> => {
      await db.updateTable('oit_watch_alerts').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
  };
}
