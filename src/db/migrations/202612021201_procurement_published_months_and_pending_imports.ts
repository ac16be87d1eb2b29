import type { Kysely } from 'kysely';
import { createIndex, portableTable } from '../portable.js';

/**
 * Procurement, second part:
 * - `procurement_published_months`: which monthly summary (แบบ สขร.๑) was attached to OIT with
 *   what content (a digest of the month's rows), so publishing after every import or sync
 *   attaches only the months that changed and a repeated run changes nothing.
 * - `procurement_pending_imports`: an uploaded file waiting for its column mapping, kept in the
 *   database (not one process's memory) so any instance can finish the mapping; it expires.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'procurement_published_months')
    .tenantKey()
    .column('fiscal_year', 'integer', { notNull: true })
    /** 'YYYY-MM' (CE) */
    .column('month', 'text', { notNull: true })
    /** sha256 of the month's summary as published (rows, totals, agency name and digits). */
    .column('digest', 'text', { notNull: true })
    /** 'YYYY:CODE' of the OIT item it was attached to. */
    .column('attached_to', 'text', { notNull: true })
    .column('published_at', 'timestamp', { notNull: true })
    .timestamps()
    .unique('procurement_published_months_unique', ['agency_id', 'fiscal_year', 'month'])
    .execute();

  await portableTable(db, 'procurement_pending_imports')
    .tenantKey()
    /** The officer who uploaded it: only they may finish the mapping. */
    .column('user_id', 'text', { notNull: true })
    .column('fiscal_year', 'integer', { notNull: true })
    .column('file_name', 'text', { notNull: true })
    .column('content', 'blob', { notNull: true })
    /** JSON list of the file's header texts. */
    .column('headers', 'json', { notNull: true })
    .column('expires_at', 'timestamp', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'procurement_pending_imports_expiry_idx', 'procurement_pending_imports', ['agency_id', 'expires_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['procurement_pending_imports', 'procurement_published_months']) await db.schema.dropTable(t).ifExists().execute();
}
