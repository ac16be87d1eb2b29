import type { Kysely } from 'kysely';
import { addPortableColumn } from '../portable.js';

/**
 * A survey form whose results only its owning module may show (self-diagnosis: by unit above the
 * k-anonymity threshold). The engine's own results page and raw export refuse such a form: the
 * raw rows carry each answer's unit, and an overall figure over every answer would give a hidden
 * unit's result away by subtraction (docs/adr/0010). Existing self-diagnosis forms are marked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addPortableColumn(db, 'survey_forms', 'owner_results_only', 'boolean', { notNull: true, defaultTo: 0 });
  await db.updateTable('survey_forms').set({ owner_results_only: 1 }).where('key', 'like', 'self-diagnosis-%').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_forms').dropColumn('owner_results_only').execute();
}
