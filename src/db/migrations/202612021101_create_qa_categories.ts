import type { Kysely } from 'kysely';
import { portableTable } from '../portable.js';

/**
 * Q&A categories per agency (issue 13 §1): staff add, rename and retire their own categories.
 * A question keeps the category's `key` (stable across renames; the six built-in keys of the
 * first version — general, service, budget, personnel, tax, other — are each agency's default
 * seed, made on the agency's first use, so existing questions keep resolving). A retired
 * category is no longer offered to askers; its questions keep showing its name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'qa_categories')
    .tenantKey()
    .column('key', 'text', { notNull: true })
    .column('name_th', 'text', { notNull: true })
    .column('retired', 'boolean', { notNull: true, defaultTo: 0 })
    .column('position', 'integer', { notNull: true, defaultTo: 0 })
    .timestamps()
    .unique('qa_categories_key_unique', ['agency_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_categories').execute();
}
