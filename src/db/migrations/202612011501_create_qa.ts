import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * The public question-and-answer channel (ถาม-ตอบ): a question from anyone (name optional),
 * moderated before it is published, answered publicly or, for a private question, only on the
 * asker's follow-up page (reached with a secret code; only its SHA-256 is stored).
 * `search_text` holds the question and answer cut into Thai words (Intl.Segmenter) and
 * lower-cased, so one LIKE per search word works the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'qa_questions')
    .tenantKey()
    .column('category', 'text', { notNull: true })
    .column('asker_name', 'text')
    .column('question', 'text', { notNull: true })
    .column('is_private', 'boolean', { notNull: true, defaultTo: 0 })
    /** pending | published | rejected */
    .column('status', 'text', { notNull: true, defaultTo: 'pending' })
    .column('reject_reason', 'text')
    .column('answer', 'text')
    .column('answered_by', 'text')
    .column('answered_at', 'timestamp')
    .column('moderated_at', 'timestamp')
    .column('follow_hash', 'text', { notNull: true })
    .column('search_text', 'text', { notNull: true, defaultTo: '' })
    .timestamps()
    .unique('qa_questions_follow_unique', ['agency_id', 'follow_hash'])
    .execute();
  await createIndex(db, 'qa_questions_agency_status_idx', 'qa_questions', ['agency_id', 'status', 'created_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_questions').execute();
}
