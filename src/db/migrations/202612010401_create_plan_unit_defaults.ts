import type { Kysely } from 'kysely';
import { portableTable } from '../portable.js';

/**
 * The agency's own responsible unit for each kind of work in a drafted plan (anti-corruption and
 * measures, budget, HR …), set once and used for every later draft.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'plan_unit_defaults')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    /** admin | finance | hr | works | education | health (improvement/domain/issue-phrases.ts) */
    .column('kind', 'text', { notNull: true })
    .column('unit_name', 'text', { notNull: true })
    .column('updated_by', 'id')
    .timestamps()
    .unique('plan_unit_defaults_agency_kind_unique', ['agency_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_unit_defaults').ifExists().execute();
}
