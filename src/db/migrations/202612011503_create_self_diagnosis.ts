import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * Self-diagnosis rounds (IIT-style with staff, EIT-style with service users) run on the survey
 * engine: a round names its survey form, the scoring of each question and the k-anonymity
 * threshold. `selfdiag_round_units` counts the one-time links issued per unit (for the response
 * rate); neither table holds a token, a person or an answer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'selfdiag_rounds')
    .tenantKey()
    /** IIT | EIT */
    .column('tool', 'text', { notNull: true })
    .column('fiscal_year', 'integer', { notNull: true })
    .column('quarter', 'integer', { notNull: true })
    .column('title', 'text', { notNull: true })
    .childOf('form_id', 'survey_forms')
    /** The catalogue year whose question texts were used (may be earlier than fiscal_year). */
    .column('catalogue_year', 'integer')
    /** JSON [{ key, code, indicator, scoring }] */
    .column('scoring', 'json', { notNull: true })
    .column('threshold', 'integer', { notNull: true, defaultTo: 5 })
    .column('closed', 'boolean', { notNull: true, defaultTo: 0 })
    .timestamps()
    .unique('selfdiag_rounds_period_unique', ['agency_id', 'tool', 'fiscal_year', 'quarter'])
    .execute();

  await portableTable(db, 'selfdiag_round_units')
    .tenantKey()
    .childOf('round_id', 'selfdiag_rounds')
    .column('unit', 'text', { notNull: true })
    .column('issued', 'integer', { notNull: true, defaultTo: 0 })
    .unique('selfdiag_round_units_unique', ['agency_id', 'round_id', 'unit'])
    .execute();
  await createIndex(db, 'selfdiag_round_units_round_idx', 'selfdiag_round_units', ['agency_id', 'round_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('selfdiag_round_units').execute();
  await db.schema.dropTable('selfdiag_rounds').execute();
}
