import { sql, type Kysely } from 'kysely';
import { addPortableColumn, createIndex } from '../portable.js';

/**
 * Sessions carry their user's agency, so ending a user's sessions is a query scoped by agency like
 * every other, and the session row can later reference the user by (agency_id, user_id).
 * Backfilled from the user of each existing session.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addPortableColumn(db, 'sessions', 'agency_id', 'id');
  await sql`update sessions set agency_id = (select u.agency_id from users u where u.id = sessions.user_id)`.execute(db);
  await createIndex(db, 'sessions_agency_user_idx', 'sessions', ['agency_id', 'user_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_agency_user_idx').execute();
  await db.schema.alterTable('sessions').dropColumn('agency_id').execute();
}
