import type { Kysely } from 'kysely';
import { addPortableColumn } from '../portable.js';

/**
 * A survey form can be closed: its links then accept no more answers and say so (issue 13,
 * closing a self-diagnosis round). When, not just whether, so a page can tell the respondent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addPortableColumn(db, 'survey_forms', 'closed_at', 'timestamp');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_forms').dropColumn('closed_at').execute();
}
