import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * Agency options of the complaint channel that are not the published guideline: whether every
 * staff member must sign in with a second factor, and the optional "something is waiting"
 * notifications to handlers (e-mail to their own addresses, a LINE id). And the sessions that
 * passed the second factor at sign-in (by SHA-256 of the session token, never the token).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'complaint_options')
    .agencyColumn()
    .column('require_staff_2fa', 'boolean', { notNull: true, defaultTo: 0 })
    .column('notify_email', 'boolean', { notNull: true, defaultTo: 0 })
    .column('notify_line_to', 'text')
    .column('updated_at', 'timestamp', { notNull: true })
    .primaryKey('complaint_options_pkey', ['agency_id'])
    .execute();

  await portableTable(db, 'complaint_staff_sessions')
    .tenantKey()
    .childOf('user_id', 'users')
    .column('session_ref', 'text', { notNull: true })
    .column('verified_at', 'timestamp', { notNull: true })
    .unique('complaint_staff_sessions_ref_unique', ['agency_id', 'session_ref'])
    .execute();
  await createIndex(db, 'complaint_staff_sessions_verified_idx', 'complaint_staff_sessions', ['verified_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['complaint_staff_sessions', 'complaint_options']) await db.schema.dropTable(t).ifExists().execute();
}
