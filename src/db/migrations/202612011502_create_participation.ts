import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * Hearing opinions and participation: an activity the agency opens to outsiders (plan or budget
 * hearing, community project) with its dates and place; citizens' registrations and opinions
 * (personal data stays here, never published); the four report elements — the issue, who took
 * part (counts by group only), what came out and how the result was used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'participation_activities')
    .tenantKey()
    .column('fiscal_year', 'integer', { notNull: true })
    /** plan-hearing | budget-hearing | community-project | other */
    .column('kind', 'text', { notNull: true })
    .column('title', 'text', { notNull: true })
    /** The issue the public is asked about (report element 1). */
    .column('issue', 'text', { notNull: true, defaultTo: '' })
    .column('place', 'text', { notNull: true, defaultTo: '' })
    .column('starts_on', 'date', { notNull: true })
    .column('ends_on', 'date', { notNull: true })
    .column('accepts_online', 'boolean', { notNull: true, defaultTo: 1 })
    .column('published', 'boolean', { notNull: true, defaultTo: 0 })
    /** JSON [{ group, count }] (report element 2: counts by group, no names). */
    .column('participant_groups', 'json', { notNull: true, defaultTo: '[]' })
    .column('outcome', 'text', { notNull: true, defaultTo: '' })
    .column('use_of_result', 'text', { notNull: true, defaultTo: '' })
    .column('report_produced_at', 'timestamp')
    .timestamps()
    .execute();
  await createIndex(db, 'participation_activities_agency_year_idx', 'participation_activities', ['agency_id', 'fiscal_year']);

  await portableTable(db, 'participation_submissions')
    .tenantKey()
    .childOf('activity_id', 'participation_activities')
    /** register | opinion */
    .column('kind', 'text', { notNull: true })
    .column('name', 'text')
    .column('contact', 'text')
    .column('group_label', 'text')
    .column('opinion', 'text')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'participation_submissions_activity_idx', 'participation_submissions', ['agency_id', 'activity_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participation_submissions').execute();
  await db.schema.dropTable('participation_activities').execute();
}
