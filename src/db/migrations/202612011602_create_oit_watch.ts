import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * The daily watch on the public OIT pages: each scheduled run (claimed once per agency, year,
 * site and time slot across instances), every check it made (the history per item), and the
 * alerts — one per broken URL from the run that first saw it until a run sees it working again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'oit_watch_runs')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('base_url', 'text', { notNull: true })
    /** The schedule slot (start of the interval, ISO): the claim key with the above. */
    .column('slot', 'text', { notNull: true })
    .column('claimed_by', 'text', { notNull: true })
    /** claimed | done | failed */
    .column('state', 'text', { notNull: true })
    .column('requests', 'integer', { notNull: true, defaultTo: 0 })
    .column('problems', 'integer', { notNull: true, defaultTo: 0 })
    .column('error', 'text')
    .column('started_at', 'timestamp', { notNull: true })
    .column('finished_at', 'timestamp')
    .unique('oit_watch_runs_claim_unique', ['agency_id', 'fiscal_year', 'base_url', 'slot'])
    .execute();

  await portableTable(db, 'oit_watch_checks')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('run_id', 'id', { notNull: true, references: 'oit_watch_runs.id' })
    .column('fiscal_year', 'integer', { notNull: true })
    .column('code', 'text', { notNull: true })
    /** index | page | file | external */
    .column('kind', 'text', { notNull: true })
    .column('url', 'text', { notNull: true })
    .column('status', 'integer')
    .column('ms', 'integer')
    .column('ok', 'integer', { notNull: true })
    .column('problem', 'text')
    .column('checked_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'oit_watch_checks_item_idx', 'oit_watch_checks', ['agency_id', 'fiscal_year', 'code']);

  await portableTable(db, 'oit_watch_alerts')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('code', 'text', { notNull: true })
    .column('url', 'text', { notNull: true })
    .column('problem', 'text', { notNull: true })
    .column('first_run_id', 'id', { notNull: true })
    .column('first_seen', 'timestamp', { notNull: true })
    .column('last_seen', 'timestamp', { notNull: true })
    .column('resolved_at', 'timestamp')
    /** JSON list of the channels the reminder went out on; null until sent. */
    .column('notified', 'json')
    .unique('oit_watch_alerts_first_unique', ['agency_id', 'fiscal_year', 'url', 'first_run_id'])
    .execute();
  await createIndex(db, 'oit_watch_alerts_open_idx', 'oit_watch_alerts', ['agency_id', 'fiscal_year', 'resolved_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['oit_watch_alerts', 'oit_watch_checks', 'oit_watch_runs']) await db.schema.dropTable(t).ifExists().execute();
}
