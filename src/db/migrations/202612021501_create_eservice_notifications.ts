import type { Kysely } from 'kysely';
import { addPortableColumn, createIndex, portableTable } from '../portable.js';

/**
 * Citizen notifications of e-service requests (issue 12): an outbox row per status change or
 * staff reply, written in the same transaction as the change and sent by whichever instance
 * claims it first. The row holds no personal data: the address is read from the request at
 * sending time (so a purged request is never written to). A LINE user id is a second optional
 * contact, given by a LINE OA front end through the JSON API.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'eservice_notifications')
    .tenantKey()
    .childOf('request_id', 'eservice_requests')
    /** state | reply */
    .column('kind', 'text', { notNull: true })
    /** The new state of a state change; null for a reply. */
    .column('to_state', 'text')
    /** pending | sending | sent | failed | skipped */
    .column('state', 'text', { notNull: true })
    .column('claimed_by', 'text')
    .column('attempts', 'integer', { notNull: true, defaultTo: 0 })
    /** JSON list of the channels it went out on. */
    .column('channels', 'json')
    .column('error', 'text')
    .timestamps()
    .execute();
  await createIndex(db, 'eservice_notifications_state_idx', 'eservice_notifications', ['state', 'updated_at']);
  await addPortableColumn(db, 'eservice_requests', 'contact_line_id', 'text');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('eservice_notifications').execute();
  await db.schema.alterTable('eservice_requests').dropColumn('contact_line_id').execute();
}
