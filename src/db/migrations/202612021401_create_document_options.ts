import type { Kysely } from 'kysely';
import { portableTable } from '../portable.js';

/**
 * The measures document's options, saved per agency and results year (issue 9, item 3): the
 * fiscal year in the title, the date of issue and the signer (an executive's id). The public
 * page, its PDF/DOCX and the copy attached to OIT are rendered with them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'document_options')
    .tenantKey()
    .column('results_year', 'integer', { notNull: true })
    .column('title_year', 'integer')
    .column('issued_on', 'date')
    .column('signer_id', 'id')
    .timestamps()
    .unique('document_options_year_unique', ['agency_id', 'results_year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_options').execute();
}
