import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

export interface ProcurementContractsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  project_no: string;
  title_th: string;
  proc_type: string;
  method: string;
  budget: number | null;
  reference_price: number | null;
  /** JSON list of { name, price } */
  bidders: string;
  winner: string;
  agreed_price: number | null;
  reason: string;
  contract_no: string;
  contract_date: string | null;
  procured_on: string;
  /** JSON list of sources */
  sources: string;
  created_at: string;
  updated_at: string;
}

export interface ProcurementColumnMapsTable {
  id: string;
  agency_id: string;
  headers_key: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

export interface ProcurementSyncStateTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  dept_code: string;
  next_offset: number;
  state: string;
  fetched: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcurementPlanItemsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  title_th: string;
  budget: number | null;
  method: string;
  /** e-GP project number, when the plan lists one */
  project_no: string | null;
  created_at: string;
}

export interface ProcurementReportsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  period: string;
  problems: string;
  suggestions: string;
  produced_at: string | null;
  attached_to: string;
  created_at: string;
  updated_at: string;
}

export interface ProcurementPublishedMonthsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  /** 'YYYY-MM' */
  month: string;
  digest: string;
  attached_to: string;
  published_at: string;
  created_at: string;
  updated_at: string;
}

export interface ProcurementPendingImportsTable {
  id: string;
  agency_id: string;
  user_id: string;
  fiscal_year: number;
  file_name: string;
  content: Buffer;
  /** JSON list of header texts */
  headers: string;
  expires_at: string;
  created_at: string;
}

export interface ProcurementTables {
  procurement_contracts: ProcurementContractsTable;
  procurement_column_maps: ProcurementColumnMapsTable;
  procurement_sync_state: ProcurementSyncStateTable;
  procurement_plan_items: ProcurementPlanItemsTable;
  procurement_reports: ProcurementReportsTable;
  procurement_published_months: ProcurementPublishedMonthsTable;
  procurement_pending_imports: ProcurementPendingImportsTable;
}

export type ContractRow = Selectable<ProcurementContractsTable>;
export type SyncStateRow = Selectable<ProcurementSyncStateTable>;
export type PlanItemRow = Selectable<ProcurementPlanItemsTable>;
export type ProcurementReportRow = Selectable<ProcurementReportsTable>;
export type PublishedMonthRow = Selectable<ProcurementPublishedMonthsTable>;
export type PendingImportRow = Selectable<ProcurementPendingImportsTable>;

/** What the procurement module's repository and services may query: its tables and the platform's. */
export type ProcurementDb = ProcurementTables & PlatformTables;
