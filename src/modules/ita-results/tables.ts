import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

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

/**
 * What this module's repositories and services may query: its own tables plus the platform's
 * (audit log, stored files). Another module's table is a type error; reach it through that
 * module's index.ts instead.
 */
export type ItaResultsDb = ItaResultTables & PlatformTables;
