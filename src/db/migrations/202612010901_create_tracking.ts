import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * Carrying out the measures: tracked measures with their progress notes and evidence, the
 * periodic reports produced from them (and the other report types), the agency's calendar
 * overrides, in-app notifications, and the reminder deliveries the scheduler claims.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'tracked_measures')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    /** The fiscal year the measure is carried out in (the plan's target year). */
    .column('fiscal_year', 'integer', { notNull: true })
    /** 'plan-row' | 'driving' */
    .column('source_kind', 'text', { notNull: true })
    /** The plan row id, or the driving measure's order: what the measure was made from. */
    .column('source_ref', 'text', { notNull: true })
    .column('sort_order', 'integer', { notNull: true })
    .column('title_th', 'text', { notNull: true })
    .column('activities', 'json', { notNull: true, defaultTo: '[]' })
    .column('unit_id', 'id', { references: 'agency_units.id', onDelete: 'set null' })
    .column('unit_name', 'text', { notNull: true, defaultTo: '' })
    .column('responsible_person', 'text', { notNull: true, defaultTo: '' })
    .column('planned_from', 'date', { notNull: true })
    .column('planned_to', 'date', { notNull: true })
    /** not_started | in_progress | done | cancelled */
    .column('status', 'text', { notNull: true, defaultTo: 'not_started' })
    .column('done_on', 'date')
    .column('outputs_th', 'text', { notNull: true, defaultTo: '' })
    .column('indicators_th', 'text', { notNull: true, defaultTo: '' })
    .column('updated_by', 'id')
    .timestamps()
    .unique('tracked_measures_source_unique', ['agency_id', 'fiscal_year', 'source_kind', 'source_ref'])
    .execute();

  await portableTable(db, 'measure_notes')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('measure_id', 'id', { notNull: true, references: 'tracked_measures.id' })
    .column('note_th', 'text', { notNull: true })
    .column('status', 'text', { notNull: true })
    .column('created_by', 'id')
    .column('author_name', 'text', { notNull: true, defaultTo: '' })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'measure_notes_measure_idx', 'measure_notes', ['agency_id', 'measure_id']);

  await portableTable(db, 'measure_evidence')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('measure_id', 'id', { notNull: true, references: 'tracked_measures.id' })
    /** file | photo | link */
    .column('kind', 'text', { notNull: true })
    .column('title', 'text', { notNull: true })
    .column('url', 'text')
    .column('file_id', 'id', { references: 'stored_files.id', onDelete: 'restrict' })
    .column('created_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'measure_evidence_measure_idx', 'measure_evidence', ['agency_id', 'measure_id']);

  await portableTable(db, 'periodic_reports')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    /** measures | anti-corruption-plan | anti-corruption-report | operating-plan-report | generic */
    .column('kind', 'text', { notNull: true })
    .column('fiscal_year', 'integer', { notNull: true })
    /** 6 | 12; 0 for a plan (no round). */
    .column('round', 'integer', { notNull: true })
    /** The catalogue role the report answers (generic reports name theirs). */
    .column('role', 'text', { notNull: true })
    .column('content', 'json', { notNull: true, defaultTo: '{}' })
    .column('produced_at', 'timestamp')
    .column('pdf_file_id', 'id', { references: 'stored_files.id', onDelete: 'set null' })
    .column('docx_file_id', 'id', { references: 'stored_files.id', onDelete: 'set null' })
    /** JSON list of "year:code" the report was attached to. */
    .column('attached_to', 'json', { notNull: true, defaultTo: '[]' })
    .column('updated_by', 'id')
    .timestamps()
    .unique('periodic_reports_unique', ['agency_id', 'kind', 'fiscal_year', 'round', 'role'])
    .execute();

  await portableTable(db, 'calendar_overrides')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('entry_key', 'text', { notNull: true })
    .column('due', 'date')
    .column('done', 'boolean', { notNull: true, defaultTo: 0 })
    .column('updated_by', 'id')
    .timestamps()
    .unique('calendar_overrides_unique', ['agency_id', 'fiscal_year', 'entry_key'])
    .execute();

  await portableTable(db, 'notifications')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('user_id', 'id', { references: 'users.id' })
    .column('text_th', 'text', { notNull: true })
    .column('link', 'text', { notNull: true })
    .column('read_at', 'timestamp')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'notifications_user_idx', 'notifications', ['agency_id', 'user_id']);

  // The unique key is the claim: of two scheduler instances only one insert succeeds, and only
  // the instance whose insert succeeded sends. A failed send is marked and retried later.
  await portableTable(db, 'reminder_deliveries')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('entry_key', 'text', { notNull: true })
    .column('due', 'date', { notNull: true })
    /** 'soon' (before the due date) | 'overdue' */
    .column('stage', 'text', { notNull: true })
    .column('claimed_by', 'text', { notNull: true })
    /** claimed | sent | failed */
    .column('state', 'text', { notNull: true })
    .column('channels', 'json', { notNull: true, defaultTo: '[]' })
    .column('error', 'text')
    .column('created_at', 'timestamp', { notNull: true })
    .column('updated_at', 'timestamp', { notNull: true })
    .unique('reminder_deliveries_claim_unique', ['agency_id', 'fiscal_year', 'entry_key', 'due', 'stage'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reminder_deliveries', 'notifications', 'calendar_overrides', 'periodic_reports', 'measure_evidence', 'measure_notes', 'tracked_measures']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
