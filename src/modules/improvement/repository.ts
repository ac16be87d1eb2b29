/** All SQL of improvement plans: the plan header, its rows and its driving measures. Every query filters by agency, child rows included. */
import type { Kysely } from 'kysely';
import type { ImprovementDb } from './tables.js';
import type { PlanRowRow } from './tables.js';

export function improvementRepository(db: Kysely<ImprovementDb>) {
  return {
    findPlan: (agencyId: string, resultsYear: number) =>
      db.selectFrom('improvement_plans').selectAll().where('agency_id', '=', agencyId).where('results_year', '=', resultsYear).executeTakeFirst(),
    listPlans: (agencyId: string) =>
      db.selectFrom('improvement_plans').selectAll().where('agency_id', '=', agencyId).orderBy('results_year', 'desc').execute(),
    insertPlan: async (row: ImprovementDb['improvement_plans']): Promise<void> => {
      await db.insertInto('improvement_plans').values(row).execute();
    },
    touchPlan: async (agencyId: string, id: string, updatedBy: string | null, now: string): Promise<void> => {
      await db.updateTable('improvement_plans').set({ updated_by: updatedBy, updated_at: now }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    listRows: (agencyId: string, planId: string): Promise<PlanRowRow[]> =>
      db.selectFrom('plan_rows').selectAll().where('agency_id', '=', agencyId).where('plan_id', '=', planId).orderBy('sort_order').execute(),
    insertRow: async (row: ImprovementDb['plan_rows']): Promise<void> => {
      await db.insertInto('plan_rows').values(row).execute();
    },
    updateRow: async (agencyId: string, planId: string, id: string, patch: Partial<ImprovementDb['plan_rows']>): Promise<number> => {
      const r = await db.updateTable('plan_rows').set(patch).where('agency_id', '=', agencyId).where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    deleteRow: async (agencyId: string, planId: string, id: string): Promise<number> => {
      const r = await db.deleteFrom('plan_rows').where('agency_id', '=', agencyId).where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    deleteRows: async (agencyId: string, planId: string): Promise<void> => {
      await db.deleteFrom('plan_rows').where('agency_id', '=', agencyId).where('plan_id', '=', planId).execute();
    },
    listMeasures: (agencyId: string, planId: string) =>
      db.selectFrom('driving_measures').selectAll().where('agency_id', '=', agencyId).where('plan_id', '=', planId).orderBy('sort_order').execute(),
    insertMeasure: async (row: ImprovementDb['driving_measures']): Promise<void> => {
      await db.insertInto('driving_measures').values(row).execute();
    },
    deleteMeasures: async (agencyId: string, planId: string): Promise<void> => {
      await db.deleteFrom('driving_measures').where('agency_id', '=', agencyId).where('plan_id', '=', planId).execute();
    },
    listUnitDefaults: (agencyId: string) =>
      db.selectFrom('plan_unit_defaults').select(['kind', 'unit_name']).where('agency_id', '=', agencyId).execute(),
    upsertUnitDefault: async (row: ImprovementDb['plan_unit_defaults']): Promise<void> => {
      await db
        .insertInto('plan_unit_defaults')
        .values(row)
        .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet({ unit_name: row.unit_name, updated_by: row.updated_by, updated_at: row.updated_at }))
        .execute();
    },
  };
}
