import type { PlatformTables } from '../../platform/tables.js';

/** Saved options of an agency's measures document of one results year. */
export interface DocumentOptionsTable {
  id: string;
  agency_id: string;
  results_year: number;
  title_year: number | null;
  /** ISO date (Gregorian); shown as a BE date. */
  issued_on: string | null;
  /** An executive of the agency (agencies module); a removed executive means no signature block. */
  signer_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentTables {
  document_options: DocumentOptionsTable;
}

export type DocumentsDb = DocumentTables & PlatformTables;
