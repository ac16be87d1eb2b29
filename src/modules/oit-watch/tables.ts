import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

export interface OitWatchRunsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  base_url: string;
  slot: string;
  claimed_by: string;
  state: string;
  requests: number;
  problems: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface OitWatchChecksTable {
  id: string;
  agency_id: string;
  run_id: string;
  fiscal_year: number;
  code: string;
  kind: string;
  url: string;
  status: number | null;
  ms: number | null;
  ok: number;
  problem: string | null;
  checked_at: string;
}

export interface OitWatchAlertsTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  code: string;
  url: string;
  problem: string;
  first_run_id: string;
  first_seen: string;
  last_seen: string;
  resolved_at: string | null;
  notified: string | null;
}

export interface OitWatchTables {
  oit_watch_runs: OitWatchRunsTable;
  oit_watch_checks: OitWatchChecksTable;
  oit_watch_alerts: OitWatchAlertsTable;
}

export type WatchRunRow = Selectable<OitWatchRunsTable>;
export type WatchCheckRow = Selectable<OitWatchChecksTable>;
export type WatchAlertRow = Selectable<OitWatchAlertsTable>;

export type OitWatchDb = OitWatchTables & PlatformTables;
