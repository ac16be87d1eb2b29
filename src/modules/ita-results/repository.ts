/** All SQL of ITA results (one row per agency and fiscal year). JSON columns are text here. */
import type { Kysely } from 'kysely';
import type { ItaResultsDb } from './tables.js';
import type { ItaResultRow } from './tables.js';

export function itaResultsRepository(db: Kysely<ItaResultsDb>) {
  return {
    find: (agencyId: string, fiscalYear: number): Promise<ItaResultRow | undefined> =>
      db.selectFrom('ita_results').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', fiscalYear).executeTakeFirst(),

    /** Every year of one agency, oldest first. */
    listByAgency: (agencyId: string): Promise<ItaResultRow[]> =>
      db.selectFrom('ita_results').selectAll().where('agency_id', '=', agencyId).orderBy('fiscal_year').execute(),

    /**
     * Inserts the agency-year or replaces its values; the id and created_at of an existing row
     * are kept. Returns whether a new row was created.
     */
    upsert: async (row: ItaResultRow): Promise<{ created: boolean }> => {
      const existing = await db
        .selectFrom('ita_results')
        .select('id')
        .where('agency_id', '=', row.agency_id)
        .where('fiscal_year', '=', row.fiscal_year)
        .executeTakeFirst();
      await db
        .insertInto('ita_results')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['agency_id', 'fiscal_year']).doUpdateSet({
            official_score: row.official_score,
            official_level: row.official_level,
            indicators: row.indicators,
            questions: row.questions,
            oit: row.oit,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute();
      return { created: !existing };
    },

    countByAgency: async (agencyId: string): Promise<number> => {
      const r = await db.selectFrom('ita_results').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type ItaResultsRepository = ReturnType<typeof itaResultsRepository>;
