import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * Rate-limit counters shared by every app instance (sign-in, setup, invitations…): one row per
 * route and client key (an HMAC, never the address itself) and window. Not agency data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'rate_limit_hits')
    .column('key', 'text', { primaryKey: true })
    .column('hits', 'integer', { notNull: true })
    /** Epoch milliseconds: the window's start and end. */
    .column('window_start', 'bigint', { notNull: true })
    .column('expires_at', 'bigint', { notNull: true })
    .execute();
  await createIndex(db, 'rate_limit_hits_expires_idx', 'rate_limit_hits', ['expires_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_hits').ifExists().execute();
}
