/** Multi-row writes of ITA results for imports of many agencies at once. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItaResultRow } from './tables.js';

/** Rows per INSERT: 11 columns × 400 stays far below SQLite's 32,766 bound parameters. */
const BATCH = 400;

export function itaResultsBulkRepository(db: Kysely<Database>) {
  return {
    /** Inserts or replaces each (agency, fiscal year); existing rows keep their id and created_at. */
    upsertMany: async (rows: readonly ItaResultRow[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += BATCH) {
        await db
          .insertInto('ita_results')
          .values(rows.slice(i, i + BATCH))
          .onConflict((oc) =>
            oc.columns(['agency_id', 'fiscal_year']).doUpdateSet((eb) => ({
              official_score: eb.ref('excluded.official_score'),
              official_level: eb.ref('excluded.official_level'),
              indicators: eb.ref('excluded.indicators'),
              questions: eb.ref('excluded.questions'),
              oit: eb.ref('excluded.oit'),
              updated_by: eb.ref('excluded.updated_by'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    },
  };
}
