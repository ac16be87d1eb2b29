import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/** The OIT workspace: per-year item state, assignments, evidence with file versions, declarations, structured content. */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'oit_items')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('code', 'text', { notNull: true })
    .column('status', 'text', { notNull: true, defaultTo: 'not_started' })
    .column('unit_id', 'id', { references: 'agency_units.id', onDelete: 'set null' })
    .column('due_date', 'date')
    .column('published_at', 'timestamp')
    .column('updated_by', 'id')
    .timestamps()
    .unique('oit_items_agency_year_code_unique', ['agency_id', 'fiscal_year', 'code'])
    .execute();

  await portableTable(db, 'oit_assignments')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('item_id', 'id', { notNull: true, references: 'oit_items.id' })
    .column('user_id', 'id', { notNull: true, references: 'users.id' })
    .column('created_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .unique('oit_assignments_item_user_unique', ['item_id', 'user_id'])
    .execute();

  await portableTable(db, 'oit_evidence')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('item_id', 'id', { notNull: true, references: 'oit_items.id' })
    .column('kind', 'text', { notNull: true })
    .column('title', 'text', { notNull: true })
    .column('url', 'text')
    .column('current_version_id', 'id')
    .column('period_from', 'date')
    .column('period_to', 'date')
    .column('elements', 'json', { notNull: true, defaultTo: '[]' })
    .column('source', 'text', { notNull: true })
    .column('source_ref', 'text')
    .column('outdated', 'boolean', { notNull: true, defaultTo: 0 })
    .column('sort_order', 'integer', { notNull: true, defaultTo: 0 })
    .column('created_by', 'id')
    .timestamps()
    .execute();
  await createIndex(db, 'oit_evidence_item_idx', 'oit_evidence', ['agency_id', 'item_id']);

  await portableTable(db, 'oit_evidence_versions')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('evidence_id', 'id', { notNull: true, references: 'oit_evidence.id' })
    .column('version_no', 'integer', { notNull: true })
    .column('file_id', 'id', { notNull: true, references: 'stored_files.id', onDelete: 'restrict' })
    .column('text_layer', 'integer')
    .column('facts', 'json')
    .column('created_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .unique('oit_evidence_versions_no_unique', ['evidence_id', 'version_no'])
    .execute();

  await portableTable(db, 'oit_declarations')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('item_id', 'id', { notNull: true, references: 'oit_items.id' })
    .column('element_key', 'text', { notNull: true })
    .column('pointer', 'text', { notNull: true })
    .column('declared_by', 'id')
    .timestamps()
    .unique('oit_declarations_item_element_unique', ['item_id', 'element_key'])
    .execute();

  await portableTable(db, 'oit_content')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('kind', 'text', { notNull: true })
    .column('content', 'json', { notNull: true })
    .column('updated_by', 'id')
    .timestamps()
    .unique('oit_content_agency_year_kind_unique', ['agency_id', 'fiscal_year', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['oit_content', 'oit_declarations', 'oit_evidence_versions', 'oit_evidence', 'oit_assignments', 'oit_items']) {
    await db.schema.dropTable(t).execute();
  }
}
