/** All SQL of the Q&A channel. Every query filters by agency. */
import { sql, type Kysely } from 'kysely';
import type { QaCategoriesTable, QaDb, QaQuestionsTable } from './tables.js';

export interface PublicFilter {
  /** LIKE patterns (escaped with `\\`), each of which the search text must match. */
  likePatterns: string[];
  category?: string;
}

export function qaRepository(db: Kysely<QaDb>) {
  return {
    insert: (row: QaQuestionsTable) => db.insertInto('qa_questions').values(row).execute(),
    find: (agencyId: string, id: string) => db.selectFrom('qa_questions').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    findByFollowHash: (agencyId: string, hash: string) =>
      db.selectFrom('qa_questions').selectAll().where('agency_id', '=', agencyId).where('follow_hash', '=', hash).executeTakeFirst(),
    update: (agencyId: string, id: string, fields: Partial<QaQuestionsTable>) =>
      db.updateTable('qa_questions').set(fields).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    listAll: (agencyId: string) => db.selectFrom('qa_questions').selectAll().where('agency_id', '=', agencyId).orderBy('created_at', 'desc').execute(),
    /** Published, public questions matching every search word (word-start LIKE on the segmented text). */
    listPublic(agencyId: string, filter: PublicFilter) {
      let q = db.selectFrom('qa_questions').selectAll().where('agency_id', '=', agencyId).where('status', '=', 'published').where('is_private', '=', 0);
      if (filter.category) q = q.where('category', '=', filter.category);
      for (const pattern of filter.likePatterns) q = q.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
      return q.orderBy('created_at', 'desc').orderBy('id').execute();
    },

    listCategories: (agencyId: string) => db.selectFrom('qa_categories').selectAll().where('agency_id', '=', agencyId).orderBy('position').orderBy('key').execute(),
    /** Inserts categories; one whose key the agency already has is left as it is. */
    insertCategories: (rows: QaCategoriesTable[]) =>
      rows.length ? db.insertInto('qa_categories').values(rows).onConflict((oc) => oc.columns(['agency_id', 'key']).doNothing()).execute() : Promise.resolve([]),
    updateCategory: (agencyId: string, key: string, fields: Partial<Pick<QaCategoriesTable, 'name_th' | 'retired' | 'updated_at'>>) =>
      db.updateTable('qa_categories').set(fields).where('agency_id', '=', agencyId).where('key', '=', key).execute(),
  };
}
