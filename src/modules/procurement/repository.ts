/** All SQL of the contract register, column mappings, API sync state, plan and reports. Every query filters by agency. */
import type { Kysely } from 'kysely';
import type { ProcurementDb } from './tables.js';
import type { ContractRow, PendingImportRow, PlanItemRow, ProcurementReportRow, PublishedMonthRow, SyncStateRow } from './tables.js';

export function procurementRepository(db: Kysely<ProcurementDb>) {
  return {
    listContracts: (agencyId: string, year: number): Promise<ContractRow[]> =>
      db.selectFrom('procurement_contracts').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).orderBy('procured_on').orderBy('project_no').execute(),
    findContract: (agencyId: string, year: number, projectNo: string): Promise<ContractRow | undefined> =>
      db.selectFrom('procurement_contracts').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).where('project_no', '=', projectNo).executeTakeFirst(),
    insertContract: async (row: ContractRow): Promise<void> => {
      await db.insertInto('procurement_contracts').values(row).execute();
    },
    updateContract: async (agencyId: string, id: string, patch: Partial<ContractRow>): Promise<void> => {
      await db.updateTable('procurement_contracts').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    listYears: async (agencyId: string): Promise<number[]> =>
      (await db.selectFrom('procurement_contracts').select('fiscal_year').distinct().where('agency_id', '=', agencyId).execute()).map((r) => Number(r.fiscal_year)).sort((a, b) => b - a),

    findMapping: (agencyId: string, headersKey: string) =>
      db.selectFrom('procurement_column_maps').selectAll().where('agency_id', '=', agencyId).where('headers_key', '=', headersKey).executeTakeFirst(),
    saveMapping: async (row: { id: string; agency_id: string; headers_key: string; mapping: string; created_at: string; updated_at: string }): Promise<void> => {
      await db
        .insertInto('procurement_column_maps')
        .values(row)
        .onConflict((oc) => oc.columns(['agency_id', 'headers_key']).doUpdateSet({ mapping: row.mapping, updated_at: row.updated_at }))
        .execute();
    },

    findSync: (agencyId: string, year: number): Promise<SyncStateRow | undefined> =>
      db.selectFrom('procurement_sync_state').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).executeTakeFirst(),
    insertSync: async (row: SyncStateRow): Promise<void> => {
      await db.insertInto('procurement_sync_state').values(row).execute();
    },
    updateSync: async (agencyId: string, id: string, patch: Partial<SyncStateRow>): Promise<void> => {
      await db.updateTable('procurement_sync_state').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },

    listPlan: (agencyId: string, year: number): Promise<PlanItemRow[]> =>
      db.selectFrom('procurement_plan_items').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).orderBy('created_at').orderBy('id').execute(),
    replacePlan: async (agencyId: string, year: number, rows: PlanItemRow[]): Promise<void> => {
      await db.deleteFrom('procurement_plan_items').where('agency_id', '=', agencyId).where('fiscal_year', '=', year).execute();
      if (rows.length) await db.insertInto('procurement_plan_items').values(rows).execute();
    },

    findReport: (agencyId: string, year: number, period: string): Promise<ProcurementReportRow | undefined> =>
      db.selectFrom('procurement_reports').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).where('period', '=', period).executeTakeFirst(),
    upsertReport: async (row: ProcurementReportRow): Promise<void> => {
      await db
        .insertInto('procurement_reports')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['agency_id', 'fiscal_year', 'period']).doUpdateSet({ problems: row.problems, suggestions: row.suggestions, produced_at: row.produced_at, attached_to: row.attached_to, updated_at: row.updated_at }),
        )
        .execute();
    },

    listPublishedMonths: (agencyId: string, year: number): Promise<PublishedMonthRow[]> =>
      db.selectFrom('procurement_published_months').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).orderBy('month').execute(),
    savePublishedMonth: async (row: PublishedMonthRow): Promise<void> => {
      await db
        .insertInto('procurement_published_months')
        .values(row)
        .onConflict((oc) => oc.columns(['agency_id', 'fiscal_year', 'month']).doUpdateSet({ digest: row.digest, attached_to: row.attached_to, published_at: row.published_at, updated_at: row.updated_at }))
        .execute();
    },

    insertPendingImport: async (row: PendingImportRow): Promise<void> => {
      await db.insertInto('procurement_pending_imports').values(row).execute();
    },
    findPendingImport: (agencyId: string, id: string): Promise<PendingImportRow | undefined> =>
      db.selectFrom('procurement_pending_imports').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    deletePendingImport: async (agencyId: string, id: string): Promise<void> => {
      await db.deleteFrom('procurement_pending_imports').where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    /**
     * Every agency's expired files, for the sweep in the deployment-wide scheduled-job scope (the
     * one query here not filtered by agency: it only deletes what expired, whoever's it was).
     */
    deleteAllExpiredPendingImports: async (now: string): Promise<number> => {
      const r = await db.deleteFrom('procurement_pending_imports').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** Removes the agency's files whose mapping time ran out; the number removed. */
    deleteExpiredPendingImports: async (agencyId: string, now: string): Promise<number> => {
      const r = await db.deleteFrom('procurement_pending_imports').where('agency_id', '=', agencyId).where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
