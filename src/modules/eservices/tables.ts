import type { PlatformTables } from '../../platform/tables.js';
import type { Selectable } from 'kysely';

export interface EserviceServicesTable {
  id: string;
  agency_id: string;
  /** `service` (งานบริการ), `complaint` (ร้องเรียน/ร้องทุกข์ทั่วไป) or `suggestion` (แนะนำ/ติชม). */
  category: string;
  template_key: string | null;
  name_th: string;
  description_th: string;
  documents_th: string;
  fee_th: string;
  time_limit_days: number;
  unit_id: string | null;
  purpose_th: string;
  retention_days: number;
  enabled: number;
  /** JSON list of form fields (domain/fields.ts). */
  fields: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface EserviceRequestsTable {
  id: string;
  agency_id: string;
  service_id: string;
  tracking_code: string;
  channel: string;
  state: string;
  /** JSON object of the citizen's answers; `{}` once anonymised. */
  fields: string;
  contact_phone: string | null;
  contact_email: string | null;
  /** LINE user id for updates (given by a LINE OA front end through the API). */
  contact_line_id: string | null;
  unit_id: string | null;
  assigned_to: string | null;
  submitted_on: string;
  due_date: string;
  closed_on: string | null;
  reject_reason: string | null;
  anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EserviceRequestFilesTable {
  id: string;
  agency_id: string;
  request_id: string;
  field_key: string;
  file_id: string;
  created_at: string;
}

export interface EserviceMessagesTable {
  id: string;
  agency_id: string;
  request_id: string;
  author: string;
  author_user_id: string | null;
  internal: number;
  body: string;
  created_at: string;
}

export interface EserviceEventsTable {
  id: string;
  agency_id: string;
  request_id: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
  actor_user_id: string | null;
  created_at: string;
}

export interface EserviceReplyTemplatesTable {
  id: string;
  agency_id: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

/**
 * Outbox of citizen notifications: one row per status change or staff reply that the citizen
 * asked to be told of. No personal data: the address is read from the request when sending.
 */
export interface EserviceNotificationsTable {
  id: string;
  agency_id: string;
  request_id: string;
  /** `state` or `reply`. */
  kind: string;
  to_state: string | null;
  /** pending | sending | sent | failed | skipped */
  state: string;
  claimed_by: string | null;
  attempts: number;
  channels: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface EserviceTables {
  eservice_services: EserviceServicesTable;
  eservice_requests: EserviceRequestsTable;
  eservice_request_files: EserviceRequestFilesTable;
  eservice_messages: EserviceMessagesTable;
  eservice_events: EserviceEventsTable;
  eservice_reply_templates: EserviceReplyTemplatesTable;
  eservice_notifications: EserviceNotificationsTable;
}

export type ServiceRow = Selectable<EserviceServicesTable>;
export type RequestRow = Selectable<EserviceRequestsTable>;
export type MessageRow = Selectable<EserviceMessagesTable>;
export type EventRow = Selectable<EserviceEventsTable>;
export type NotificationRow = Selectable<EserviceNotificationsTable>;
export type ReplyTemplateRow = Selectable<EserviceReplyTemplatesTable>;

/** What this module's code may query: its own tables and the platform's. */
export type EservicesDb = EserviceTables & PlatformTables;
