import { sql, type Kysely } from 'kysely';
import { addPortableColumn, portableTable } from '../portable.js';

/**
 * User names unique per agency (issue 7): one agency must not learn another's user names from a
 * "name taken" message.
 *
 * The first release declared `users.username` UNIQUE across the deployment. SQLite cannot drop a
 * column's UNIQUE, and rebuilding `users` is not safe here: migrations run in one transaction,
 * where `PRAGMA foreign_keys` cannot be turned off, so dropping the old table would cascade into
 * every table that references a user. Instead the constrained column is renamed `login_key` and
 * holds `<agency id>/<user name>` (still unique deployment-wide, and the same rule), and a new
 * `username` column holds the bare name, unique per agency.
 *
 * Sign-in backoff per account and client: one row per (account or unknown name, client address)
 * key — a hash, so neither names nor addresses are stored in clear.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').renameColumn('username', 'login_key').execute();
  await addPortableColumn(db, 'users', 'username', 'text', { notNull: true, defaultTo: '' });
  await sql`update users set username = login_key, login_key = agency_id || '/' || login_key`.execute(db);
  await db.schema.createIndex('users_agency_username_unique').unique().on('users').columns(['agency_id', 'username']).execute();

  await portableTable(db, 'sign_in_throttle')
    .column('key', 'text', { primaryKey: true })
    .column('failures', 'integer', { notNull: true, defaultTo: 0 })
    .column('blocked_until', 'timestamp')
    .column('updated_at', 'timestamp', { notNull: true })
    .execute();
}

/** Refused (as the unique constraint would) when two agencies already share a user name. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttle').execute();
  await db.schema.dropIndex('users_agency_username_unique').execute();
  await sql`update users set login_key = username`.execute(db);
  await db.schema.alterTable('users').dropColumn('username').execute();
  await db.schema.alterTable('users').renameColumn('login_key', 'username').execute();
}
