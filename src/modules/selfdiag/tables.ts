import type { PlatformTables } from '../../platform/tables.js';
import type { Selectable } from 'kysely';

export interface SelfdiagRoundsTable {
  id: string;
  agency_id: string;
  tool: string;
  fiscal_year: number;
  quarter: number;
  title: string;
  form_id: string;
  catalogue_year: number | null;
  /** JSON ScoredQuestion[] (domain/scoring.ts). */
  scoring: string;
  threshold: number;
  closed: number;
  created_at: string;
  updated_at: string;
}

export interface SelfdiagRoundUnitsTable {
  id: string;
  agency_id: string;
  round_id: string;
  unit: string;
  issued: number;
}

export interface SelfdiagTables {
  selfdiag_rounds: SelfdiagRoundsTable;
  selfdiag_round_units: SelfdiagRoundUnitsTable;
}
export type SelfdiagRoundRow = Selectable<SelfdiagRoundsTable>;

/** What this module's code may query: its own tables and the platform's. */
export type SelfdiagDb = SelfdiagTables & PlatformTables;
