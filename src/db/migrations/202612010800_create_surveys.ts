import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * The survey engine: forms with versions, one-response tokens and responses. Responses carry no
 * token id, no person and no time of day (only the date), so a spent token cannot be joined to
 * its answers; `survey_tokens.subject_ref` names what the token was issued for (an e-service
 * request, a staff member of a unit), never the response.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'survey_forms')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('key', 'text', { notNull: true })
    .column('title', 'text', { notNull: true })
    .column('purpose', 'text', { notNull: true, defaultTo: '' })
    .column('current_version_id', 'id')
    .timestamps()
    .unique('survey_forms_agency_key_unique', ['agency_id', 'key'])
    .execute();

  await portableTable(db, 'survey_versions')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('form_id', 'id', { notNull: true, references: 'survey_forms.id' })
    .column('version_no', 'integer', { notNull: true })
    .column('questions', 'json', { notNull: true })
    .column('created_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .unique('survey_versions_form_no_unique', ['form_id', 'version_no'])
    .execute();

  await portableTable(db, 'survey_tokens')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('form_id', 'id', { notNull: true, references: 'survey_forms.id' })
    .column('token_hash', 'text', { notNull: true, unique: true })
    .column('subject_ref', 'text')
    .column('groups', 'json', { notNull: true, defaultTo: '{}' })
    .column('spent', 'boolean', { notNull: true, defaultTo: 0 })
    .column('created_at', 'timestamp', { notNull: true })
    .unique('survey_tokens_form_subject_unique', ['form_id', 'subject_ref'])
    .execute();

  await portableTable(db, 'survey_responses')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('form_id', 'id', { notNull: true, references: 'survey_forms.id' })
    .column('version_id', 'id', { notNull: true, references: 'survey_versions.id' })
    .column('groups', 'json', { notNull: true, defaultTo: '{}' })
    .column('answers', 'json', { notNull: true })
    .column('submitted_on', 'date', { notNull: true })
    .execute();
  await createIndex(db, 'survey_responses_form_date_idx', 'survey_responses', ['agency_id', 'form_id', 'submitted_on']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['survey_responses', 'survey_tokens', 'survey_versions', 'survey_forms']) await db.schema.dropTable(t).execute();
}
