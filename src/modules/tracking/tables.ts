import type { Selectable } from 'kysely';

export interface TrackedMeasuresTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  source_kind: string;
  source_ref: string;
  sort_order: number;
  title_th: string;
  /** JSON list of activity lines. */
  activities: string;
  unit_id: string | null;
  unit_name: string;
  responsible_person: string;
  planned_from: string;
  planned_to: string;
  status: string;
  done_on: string | null;
  outputs_th: string;
  indicators_th: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeasureNotesTable {
  id: string;
  agency_id: string;
  measure_id: string;
  note_th: string;
  status: string;
  created_by: string | null;
  author_name: string;
  created_at: string;
}

export interface MeasureEvidenceTable {
  id: string;
  agency_id: string;
  measure_id: string;
  kind: string;
  title: string;
  url: string | null;
  file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PeriodicReportsTable {
  id: string;
  agency_id: string;
  kind: string;
  fiscal_year: number;
  round: number;
  role: string;
  /** JSON of the report's structured content (problems, suggestions, projects…). */
  content: string;
  produced_at: string | null;
  pdf_file_id: string | null;
  docx_file_id: string | null;
  attached_to: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrackingTables {
  tracked_measures: TrackedMeasuresTable;
  measure_notes: MeasureNotesTable;
  measure_evidence: MeasureEvidenceTable;
  periodic_reports: PeriodicReportsTable;
}

export type TrackedMeasureRow = Selectable<TrackedMeasuresTable>;
export type MeasureNoteRow = Selectable<MeasureNotesTable>;
export type MeasureEvidenceRow = Selectable<MeasureEvidenceTable>;
export type PeriodicReportRow = Selectable<PeriodicReportsTable>;
