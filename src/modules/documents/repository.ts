/** SQL of the documents module: the saved document options. Rows in, rows out. */
import type { Kysely } from 'kysely';
import type { DocumentOptionsTable, DocumentsDb } from './tables.js';

export type SavedOptionsRow = Pick<DocumentOptionsTable, 'title_year' | 'issued_on' | 'signer_id'>;

export function documentsRepository(db: Kysely<DocumentsDb>) {
  return {
    async findOptions(agencyId: string, resultsYear: number): Promise<SavedOptionsRow | undefined> {
      return db
        .selectFrom('document_options')
        .select(['title_year', 'issued_on', 'signer_id'])
        .where('agency_id', '=', agencyId)
        .where('results_year', '=', resultsYear)
        .executeTakeFirst();
    },

    /** Insert (with `newId`) or replace the year's options: one row per agency and results year. */
    async saveOptions(agencyId: string, resultsYear: number, row: SavedOptionsRow, now: string, newId: string): Promise<void> {
      const updated = await db
        .updateTable('document_options')
        .set({ ...row, updated_at: now })
        .where('agency_id', '=', agencyId)
        .where('results_year', '=', resultsYear)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) return;
      await db
        .insertInto('document_options')
        .values({ id: newId, agency_id: agencyId, results_year: resultsYear, ...row, created_at: now, updated_at: now })
        .execute();
    },
  };
}
