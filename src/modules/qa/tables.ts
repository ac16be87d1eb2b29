import type { PlatformTables } from '../../platform/tables.js';
import type { Selectable } from 'kysely';

export interface QaQuestionsTable {
  id: string;
  agency_id: string;
  category: string;
  /** Optional; never shown publicly for a private question. */
  asker_name: string | null;
  question: string;
  is_private: number;
  status: string;
  reject_reason: string | null;
  answer: string | null;
  /** Display name of the staff member who answered (shown with the answer). */
  answered_by: string | null;
  answered_at: string | null;
  moderated_at: string | null;
  /** SHA-256 of the asker's follow-up code. */
  follow_hash: string;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface QaCategoriesTable {
  id: string;
  agency_id: string;
  /** Stable across renames; what a question stores in `category`. */
  key: string;
  name_th: string;
  retired: number;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface QaTables {
  qa_questions: QaQuestionsTable;
  qa_categories: QaCategoriesTable;
}
export type QaCategoryRow = Selectable<QaCategoriesTable>;
export type QaQuestionRow = Selectable<QaQuestionsTable>;

/** What this module's code may query: its own tables and the platform's. */
export type QaDb = QaTables & PlatformTables;
