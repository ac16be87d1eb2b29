import type { Selectable } from 'kysely';

export interface AuditLogTable {
  id: string;
  agency_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string | null;
  created_at: string;
}

export interface StoredFilesTable {
  id: string;
  agency_id: string;
  sha256: string;
  /** bigint: pg returns it as a string; repositories convert with Number(). */
  size_bytes: number | string;
  media_type: string;
  original_name: string;
  storage_key: string;
  created_by: string | null;
  created_at: string;
}

/** Rate-limit counters shared by every instance (src/platform/rate-limit-store.ts). */
export interface RateLimitHitsTable {
  key: string;
  hits: number;
  /** Epoch ms; bigint (a string from pg). */
  window_start: number | string;
  expires_at: number | string;
}

export interface PlatformTables {
  audit_log: AuditLogTable;
  stored_files: StoredFilesTable;
  rate_limit_hits: RateLimitHitsTable;
}

export type AuditRow = Selectable<AuditLogTable>;
export type StoredFileRow = Selectable<StoredFilesTable>;
