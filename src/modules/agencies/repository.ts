/** All SQL of the agencies module: agencies, their units and executives. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AgencyRow, NewAgencyRow, AgencyUpdate, UnitRow, ExecutiveRow } from './tables.js';

export function agenciesRepository(db: Kysely<Database>) {
  return {
    findById: (id: string): Promise<AgencyRow | undefined> =>
      db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst(),
    findBySlug: (slug: string): Promise<AgencyRow | undefined> =>
      db.selectFrom('agencies').selectAll().where('slug', '=', slug).executeTakeFirst(),
    list: (): Promise<AgencyRow[]> => db.selectFrom('agencies').selectAll().orderBy('name_th').execute(),
    listWhere: (filter: { province?: string; type?: string }): Promise<AgencyRow[]> => {
      let q = db.selectFrom('agencies').selectAll();
      if (filter.province) q = q.where('province', '=', filter.province);
      if (filter.type) q = q.where('agency_type', '=', filter.type);
      return q.orderBy('name_th').execute();
    },
    findByHost: (hostName: string): Promise<AgencyRow | undefined> =>
      db.selectFrom('agencies').selectAll().where('host_name', '=', hostName).executeTakeFirst(),
    count: async (): Promise<number> => {
      const r = await db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    insert: async (row: NewAgencyRow): Promise<void> => {
      await db.insertInto('agencies').values(row).execute();
    },
    /** Multi-row inserts for bulk creation; 300 rows × 16 columns per statement stays under SQLite's parameter limit. */
    insertMany: async (rows: readonly NewAgencyRow[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += 300) await db.insertInto('agencies').values(rows.slice(i, i + 300)).execute();
    },
    insertUnitsMany: async (rows: readonly UnitRow[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += 1000) await db.insertInto('agency_units').values(rows.slice(i, i + 1000)).execute();
    },
    update: async (id: string, patch: AgencyUpdate): Promise<void> => {
      await db.updateTable('agencies').set(patch).where('id', '=', id).execute();
    },
    listUnits: (agencyId: string): Promise<UnitRow[]> =>
      db.selectFrom('agency_units').selectAll().where('agency_id', '=', agencyId).orderBy('sort_order').orderBy('name_th').execute(),
    insertUnit: async (row: UnitRow): Promise<void> => {
      await db.insertInto('agency_units').values(row).execute();
    },
    updateUnit: async (agencyId: string, id: string, nameTh: string, sortOrder: number, now: string): Promise<number> => {
      const r = await db
        .updateTable('agency_units')
        .set({ name_th: nameTh, sort_order: sortOrder, updated_at: now })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    deleteUnit: async (agencyId: string, id: string): Promise<number> => {
      const r = await db.deleteFrom('agency_units').where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    listExecutives: (agencyId: string): Promise<ExecutiveRow[]> =>
      db.selectFrom('agency_executives').selectAll().where('agency_id', '=', agencyId).orderBy('kind').orderBy('sort_order').execute(),
    insertExecutive: async (row: ExecutiveRow): Promise<void> => {
      await db.insertInto('agency_executives').values(row).execute();
    },
    updateExecutive: async (agencyId: string, id: string, patch: Partial<ExecutiveRow>): Promise<number> => {
      const r = await db.updateTable('agency_executives').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    deleteExecutive: async (agencyId: string, id: string): Promise<number> => {
      const r = await db.deleteFrom('agency_executives').where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type AgenciesRepository = ReturnType<typeof agenciesRepository>;
