import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

/** Per agency-year state of one catalogue item; created on the first change (absent = not started). */
export interface OitItemsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  code: string;
  status: string;
  unit_id: string | null;
  /** ISO date; null = the year's default (end of OIT collection). */
  due_date: string | null;
  published_at: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OitAssignmentsTable {
  id: string;
  agency_id: string;
  item_id: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
}

export interface OitEvidenceTable {
  id: string;
  agency_id: string;
  item_id: string;
  /** file | link | generated */
  kind: string;
  title: string;
  url: string | null;
  /** The version served at the evidence's stable URL (files). */
  current_version_id: string | null;
  period_from: string | null;
  period_to: string | null;
  /** JSON list of element keys the evidence claims. */
  elements: string;
  /** Who made it: 'upload', 'link', 'import', 'carry-over', or a module key for generated evidence. */
  source: string;
  source_ref: string | null;
  /** Carried over from last year and not yet replaced or confirmed. */
  outdated: number;
  sort_order: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OitEvidenceVersionsTable {
  id: string;
  agency_id: string;
  evidence_id: string;
  version_no: number;
  file_id: string;
  /** 1 / 0 / null (not a PDF, or not read). */
  text_layer: number | null;
  /** JSON TextFacts digest of the text, found once at upload. */
  facts: string | null;
  created_by: string | null;
  created_at: string;
}

export interface OitDeclarationsTable {
  id: string;
  agency_id: string;
  item_id: string;
  element_key: string;
  pointer: string;
  declared_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Structured content of a year: 'structure' (O1) and 'contact' (O5). */
export interface OitContentTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  kind: string;
  content: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OitTables {
  oit_items: OitItemsTable;
  oit_assignments: OitAssignmentsTable;
  oit_evidence: OitEvidenceTable;
  oit_evidence_versions: OitEvidenceVersionsTable;
  oit_declarations: OitDeclarationsTable;
  oit_content: OitContentTable;
}

export type OitItemRow = Selectable<OitItemsTable>;
export type OitAssignmentRow = Selectable<OitAssignmentsTable>;
export type OitEvidenceRow = Selectable<OitEvidenceTable>;
export type OitEvidenceVersionRow = Selectable<OitEvidenceVersionsTable>;
export type OitDeclarationRow = Selectable<OitDeclarationsTable>;
export type OitContentRow = Selectable<OitContentTable>;

/**
 * What this module's repositories and services may query: its own tables plus the platform's
 * (audit log, stored files). Another module's table is a type error; reach it through that
 * module's index.ts instead.
 */
export type OitDb = OitTables & PlatformTables;
