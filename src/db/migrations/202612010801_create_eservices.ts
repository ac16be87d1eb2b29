import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * E-services: the agency's service catalogue with typed request forms, citizens' requests
 * (tracking code, personal data kept per the service's retention), their files, messages and
 * state history, and the staff's reply templates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'eservice_services')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('category', 'text', { notNull: true, defaultTo: 'service' })
    .column('template_key', 'text')
    .column('name_th', 'text', { notNull: true })
    .column('description_th', 'text', { notNull: true, defaultTo: '' })
    .column('documents_th', 'text', { notNull: true, defaultTo: '' })
    .column('fee_th', 'text', { notNull: true, defaultTo: '' })
    .column('time_limit_days', 'integer', { notNull: true })
    .column('unit_id', 'id', { references: 'agency_units.id', onDelete: 'set null' })
    .column('purpose_th', 'text', { notNull: true })
    .column('retention_days', 'integer', { notNull: true })
    .column('enabled', 'boolean', { notNull: true, defaultTo: 0 })
    .column('fields', 'json', { notNull: true })
    .column('sort_order', 'integer', { notNull: true, defaultTo: 0 })
    .timestamps()
    .execute();
  await createIndex(db, 'eservice_services_agency_idx', 'eservice_services', ['agency_id', 'enabled']);

  await portableTable(db, 'eservice_requests')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('service_id', 'id', { notNull: true, references: 'eservice_services.id', onDelete: 'restrict' })
    .column('tracking_code', 'text', { notNull: true, unique: true })
    .column('channel', 'text', { notNull: true })
    .column('state', 'text', { notNull: true })
    .column('fields', 'json', { notNull: true })
    .column('contact_phone', 'text')
    .column('contact_email', 'text')
    .column('unit_id', 'id', { references: 'agency_units.id', onDelete: 'set null' })
    .column('assigned_to', 'id', { references: 'users.id', onDelete: 'set null' })
    .column('submitted_on', 'date', { notNull: true })
    .column('due_date', 'date', { notNull: true })
    .column('closed_on', 'date')
    .column('reject_reason', 'text')
    .column('anonymised_at', 'timestamp')
    .timestamps()
    .execute();
  await createIndex(db, 'eservice_requests_queue_idx', 'eservice_requests', ['agency_id', 'state', 'due_date']);
  await createIndex(db, 'eservice_requests_period_idx', 'eservice_requests', ['agency_id', 'submitted_on']);

  await portableTable(db, 'eservice_request_files')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('request_id', 'id', { notNull: true, references: 'eservice_requests.id' })
    .column('field_key', 'text', { notNull: true })
    .column('file_id', 'id', { notNull: true, references: 'stored_files.id' })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'eservice_request_files_request_idx', 'eservice_request_files', ['agency_id', 'request_id']);

  await portableTable(db, 'eservice_messages')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('request_id', 'id', { notNull: true, references: 'eservice_requests.id' })
    .column('author', 'text', { notNull: true })
    .column('author_user_id', 'id', { references: 'users.id', onDelete: 'set null' })
    .column('internal', 'boolean', { notNull: true, defaultTo: 0 })
    .column('body', 'text', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'eservice_messages_request_idx', 'eservice_messages', ['agency_id', 'request_id']);

  await portableTable(db, 'eservice_events')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('request_id', 'id', { notNull: true, references: 'eservice_requests.id' })
    .column('from_state', 'text')
    .column('to_state', 'text', { notNull: true })
    .column('note', 'text')
    .column('actor_user_id', 'id', { references: 'users.id', onDelete: 'set null' })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'eservice_events_request_idx', 'eservice_events', ['agency_id', 'request_id']);

  await portableTable(db, 'eservice_reply_templates')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('title', 'text', { notNull: true })
    .column('body', 'text', { notNull: true })
    .timestamps()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['eservice_reply_templates', 'eservice_events', 'eservice_messages', 'eservice_request_files', 'eservice_requests', 'eservice_services']) {
    await db.schema.dropTable(t).execute();
  }
}
