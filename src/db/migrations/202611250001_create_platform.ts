import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/** Agencies, their units and executives, staff accounts, sessions, setup links and the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'agencies')
    .column('id', 'id', { primaryKey: true })
    .column('slug', 'text', { notNull: true, unique: true })
    .column('name_th', 'text', { notNull: true })
    .column('name_en', 'text')
    .column('agency_type', 'text', { notNull: true })
    .column('province', 'text', { notNull: true })
    .column('address', 'text')
    .column('phone', 'text')
    .column('email', 'text')
    .column('website_url', 'text')
    .column('digits', 'text', { notNull: true, defaultTo: 'thai' })
    .column('is_demo', 'boolean', { notNull: true, defaultTo: 0 })
    .timestamps()
    .execute();

  await portableTable(db, 'agency_units')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('name_th', 'text', { notNull: true })
    .column('sort_order', 'integer', { notNull: true, defaultTo: 0 })
    .timestamps()
    .unique('agency_units_name_unique', ['agency_id', 'name_th'])
    .execute();

  await portableTable(db, 'agency_executives')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('kind', 'text', { notNull: true }) // political | permanent
    .column('name_th', 'text', { notNull: true })
    .column('position_th', 'text', { notNull: true })
    .column('phone', 'text')
    .column('email', 'text')
    .column('photo_file_id', 'id')
    .column('sort_order', 'integer', { notNull: true, defaultTo: 0 })
    .timestamps()
    .execute();

  await portableTable(db, 'users')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('username', 'text', { notNull: true, unique: true })
    .column('display_name', 'text', { notNull: true })
    .column('email', 'text')
    .column('password_hash', 'text', { notNull: true })
    .column('roles', 'json', { notNull: true })
    .column('unit_id', 'id', { references: 'agency_units.id', onDelete: 'set null' })
    .column('failed_logins', 'integer', { notNull: true, defaultTo: 0 })
    .column('locked_until', 'timestamp')
    .column('disabled', 'boolean', { notNull: true, defaultTo: 0 })
    .column('last_login_at', 'timestamp')
    .timestamps()
    .execute();

  await portableTable(db, 'sessions')
    .column('id', 'text', { primaryKey: true }) // SHA-256 of the cookie token: a DB leak gives no usable cookie
    .column('user_id', 'id', { notNull: true, references: 'users.id' })
    .column('created_at', 'timestamp', { notNull: true })
    .column('expires_at', 'timestamp', { notNull: true })
    .column('last_seen_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'sessions_user_idx', 'sessions', ['user_id']);

  await portableTable(db, 'setup_tokens')
    .column('id', 'text', { primaryKey: true }) // SHA-256 of the one-time token
    .column('created_at', 'timestamp', { notNull: true })
    .column('expires_at', 'timestamp', { notNull: true })
    .column('used_at', 'timestamp')
    .execute();

  await portableTable(db, 'audit_log')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn({ nullable: true })
    .column('actor_user_id', 'id')
    .column('actor_label', 'text', { notNull: true })
    .column('action', 'text', { notNull: true })
    .column('entity_type', 'text', { notNull: true })
    .column('entity_id', 'text')
    .column('details', 'json')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'audit_log_agency_idx', 'audit_log', ['agency_id', 'created_at']);

  await portableTable(db, 'stored_files')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('sha256', 'text', { notNull: true })
    .column('size_bytes', 'bigint', { notNull: true })
    .column('media_type', 'text', { notNull: true })
    .column('original_name', 'text', { notNull: true })
    .column('storage_key', 'text', { notNull: true })
    .column('created_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'stored_files_agency_idx', 'stored_files', ['agency_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stored_files', 'audit_log', 'setup_tokens', 'sessions', 'users', 'agency_executives', 'agency_units', 'agencies']) {
    await db.schema.dropTable(t).execute();
  }
}
