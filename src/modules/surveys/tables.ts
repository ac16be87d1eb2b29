import type { PlatformTables } from '../../platform/tables.js';
import type { Selectable } from 'kysely';

export interface SurveyFormsTable {
  id: string;
  agency_id: string;
  /** Stable key the owning module asks for, e.g. `eservice-satisfaction`. */
  key: string;
  title: string;
  purpose: string;
  current_version_id: string | null;
  /** 1: only the owning module shows results (self-diagnosis); no engine results page or raw export. */
  owner_results_only: number;
  /** Set when the form stopped accepting answers. */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyVersionsTable {
  id: string;
  agency_id: string;
  form_id: string;
  version_no: number;
  /** JSON list of questions (domain/questions.ts). */
  questions: string;
  created_by: string | null;
  created_at: string;
}

export interface SurveyTokensTable {
  id: string;
  agency_id: string;
  form_id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  subject_ref: string | null;
  /** JSON object of group labels copied onto the response (service, unit…). */
  groups: string;
  spent: number;
  created_at: string;
}

export interface SurveyResponsesTable {
  id: string;
  agency_id: string;
  form_id: string;
  version_id: string;
  groups: string;
  answers: string;
  /** Date only (ISO, Thailand): a time of day could be matched against a token's use. */
  submitted_on: string;
}

export interface SurveyTables {
  survey_forms: SurveyFormsTable;
  survey_versions: SurveyVersionsTable;
  survey_tokens: SurveyTokensTable;
  survey_responses: SurveyResponsesTable;
}

export type SurveyFormRow = Selectable<SurveyFormsTable>;
export type SurveyVersionRow = Selectable<SurveyVersionsTable>;
export type SurveyTokenRow = Selectable<SurveyTokensTable>;
export type SurveyResponseRow = Selectable<SurveyResponsesTable>;

/** What this module's code may query: its own tables and the platform's. */
export type SurveysDb = SurveyTables & PlatformTables;
