import type { Selectable } from 'kysely';

export interface ItaResultsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  official_score: number | null;
  official_level: string | null;
  /** JSON object indicator number → score. */
  indicators: string;
  /** JSON object question code → score. */
  questions: string;
  /** JSON object OIT code → {passed, reason}. */
  oit: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ItaResultTables {
  ita_results: ItaResultsTable;
}

export type ItaResultRow = Selectable<ItaResultsTable>;
