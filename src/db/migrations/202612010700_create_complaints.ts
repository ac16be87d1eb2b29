import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * The corruption-complaint channel. Content columns hold ciphertext only (base64); the plaintext
 * columns are the metadata handling and statistics need (state, category, channel, dates).
 * See docs/adr/0006-complaint-encryption.md.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'complaint_keys')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('version', 'integer', { notNull: true })
    .column('box_public', 'text', { notNull: true })
    .column('sign_public', 'text', { notNull: true })
    .column('sign_secret_wrapped', 'text', { notNull: true })
    .column('active', 'boolean', { notNull: true, defaultTo: 1 })
    .column('created_at', 'timestamp', { notNull: true })
    .unique('complaint_keys_agency_version_unique', ['agency_id', 'version'])
    .execute();

  await portableTable(db, 'complaint_key_grants')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('key_id', 'id', { notNull: true, references: 'complaint_keys.id' })
    .column('user_id', 'id', { notNull: true, references: 'users.id' })
    .column('wrapped', 'json', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .unique('complaint_key_grants_key_user_unique', ['key_id', 'user_id'])
    .execute();

  await portableTable(db, 'complaint_factors')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('user_id', 'id', { notNull: true, unique: true, references: 'users.id' })
    .column('totp_secret_wrapped', 'text', { notNull: true })
    .column('recovery_hashes', 'json', { notNull: true, defaultTo: '[]' })
    .column('confirmed_at', 'timestamp')
    .column('last_step', 'integer')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();

  await portableTable(db, 'complaint_reports')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('key_id', 'id', { notNull: true, references: 'complaint_keys.id' })
    .column('receipt_lookup', 'text', { unique: true })
    .column('reporter_key', 'json')
    .column('agency_key_sealed', 'text', { notNull: true })
    .column('content', 'text', { notNull: true })
    .column('category', 'text', { notNull: true })
    .column('channel', 'text', { notNull: true })
    .column('involves_executive', 'boolean', { notNull: true, defaultTo: 0 })
    .column('excluded_user_ids', 'json', { notNull: true, defaultTo: '[]' })
    .column('state', 'text', { notNull: true })
    .column('outcome', 'text')
    .column('forwarded_to', 'text')
    .column('assigned_user_id', 'id', { references: 'users.id', onDelete: 'set null' })
    .column('received_date', 'date', { notNull: true })
    .column('acknowledge_by', 'date', { notNull: true })
    .column('conclude_by', 'date', { notNull: true })
    .column('closed_date', 'date')
    .column('has_identity', 'boolean', { notNull: true, defaultTo: 0 })
    .column('reporter_waiting', 'boolean', { notNull: true, defaultTo: 0 })
    .timestamps()
    .execute();
  await createIndex(db, 'complaint_reports_agency_state', 'complaint_reports', ['agency_id', 'state']);
  await createIndex(db, 'complaint_reports_agency_received', 'complaint_reports', ['agency_id', 'received_date']);

  // Kept apart from the report: its own row, its own key, opened only by the disclosure step.
  await portableTable(db, 'complaint_identities')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('report_id', 'id', { notNull: true, unique: true, references: 'complaint_reports.id' })
    .column('sealed', 'text', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();

  await portableTable(db, 'complaint_messages')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('report_id', 'id', { notNull: true, references: 'complaint_reports.id' })
    .column('author', 'text', { notNull: true })
    .column('author_user_id', 'id', { references: 'users.id', onDelete: 'set null' })
    .column('body', 'text', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'complaint_messages_report', 'complaint_messages', ['agency_id', 'report_id']);

  await portableTable(db, 'complaint_attachments')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('report_id', 'id', { notNull: true, references: 'complaint_reports.id' })
    .column('message_id', 'id', { references: 'complaint_messages.id' })
    .column('meta', 'text', { notNull: true })
    .column('storage_key', 'text', { notNull: true })
    .column('original_storage_key', 'text')
    .column('size_bytes', 'bigint', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();

  await portableTable(db, 'complaint_settings')
    .column('agency_id', 'id', { primaryKey: true, references: 'agencies.id' })
    .column('guideline', 'json', { notNull: true })
    .column('updated_at', 'timestamp', { notNull: true })
    .execute();

  await portableTable(db, 'complaint_notifications')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('user_id', 'id', { notNull: true, references: 'users.id' })
    .column('report_id', 'id', { references: 'complaint_reports.id' })
    .column('kind', 'text', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .column('read_at', 'timestamp')
    .execute();
  await createIndex(db, 'complaint_notifications_user', 'complaint_notifications', ['agency_id', 'user_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['complaint_notifications', 'complaint_settings', 'complaint_attachments', 'complaint_messages', 'complaint_identities', 'complaint_reports', 'complaint_factors', 'complaint_key_grants', 'complaint_keys']) {
    await db.schema.dropTable(t).execute();
  }
}
