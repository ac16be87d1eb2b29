/** Complaint tables: read and written only by this module's repository (STYLE.md import rules). */
import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

export interface ComplaintKeysTable {
  id: string;
  agency_id: string;
  version: number;
  box_public: string;
  sign_public: string;
  /** Ed25519 secret key, secretbox under the server's signing-key key (base64). */
  sign_secret_wrapped: string;
  active: number;
  created_at: string;
}
export interface ComplaintKeyGrantsTable {
  id: string;
  agency_id: string;
  key_id: string;
  user_id: string;
  /** JSON Wrapped: the box secret key under argon2id(handler passphrase). */
  wrapped: string;
  created_at: string;
}
export interface ComplaintFactorsTable {
  id: string;
  agency_id: string;
  user_id: string;
  totp_secret_wrapped: string;
  recovery_hashes: string;
  confirmed_at: string | null;
  /** The last TOTP time step accepted: a code is good once. */
  last_step: number | null;
  created_at: string;
}
export interface ComplaintReportsTable {
  id: string;
  agency_id: string;
  key_id: string;
  receipt_lookup: string | null;
  /** JSON Wrapped: the content key under argon2id(receipt); null for staff intake without a receipt. */
  reporter_key: string | null;
  agency_key_sealed: string;
  content: string;
  category: string;
  channel: string;
  involves_executive: number;
  excluded_user_ids: string;
  state: string;
  outcome: string | null;
  forwarded_to: string | null;
  assigned_user_id: string | null;
  received_date: string;
  acknowledge_by: string;
  conclude_by: string;
  closed_date: string | null;
  has_identity: number;
  reporter_waiting: number;
  created_at: string;
  updated_at: string;
}
export interface ComplaintIdentitiesTable {
  id: string;
  agency_id: string;
  report_id: string;
  sealed: string;
  created_at: string;
}
export interface ComplaintMessagesTable {
  id: string;
  agency_id: string;
  report_id: string;
  /** reporter | handler (visible to the reporter) | note (sealed to the agency only). */
  author: string;
  author_user_id: string | null;
  body: string;
  created_at: string;
}
export interface ComplaintAttachmentsTable {
  id: string;
  agency_id: string;
  report_id: string;
  message_id: string | null;
  meta: string;
  storage_key: string;
  original_storage_key: string | null;
  size_bytes: number | string;
  created_at: string;
}
export interface ComplaintSettingsTable {
  agency_id: string;
  guideline: string;
  updated_at: string;
}
export interface ComplaintNotificationsTable {
  id: string;
  agency_id: string;
  user_id: string;
  report_id: string | null;
  kind: string;
  created_at: string;
  read_at: string | null;
}

/** Agency options beside the guideline: staff-wide 2FA and "something is waiting" notifications. */
export interface ComplaintOptionsTable {
  agency_id: string;
  require_staff_2fa: number;
  notify_email: number;
  notify_line_to: string | null;
  updated_at: string;
}
/** Sessions that passed the second factor at sign-in, by SHA-256 of the session token. */
export interface ComplaintStaffSessionsTable {
  id: string;
  agency_id: string;
  user_id: string;
  session_ref: string;
  verified_at: string;
}

export interface ComplaintTables {
  complaint_keys: ComplaintKeysTable;
  complaint_key_grants: ComplaintKeyGrantsTable;
  complaint_factors: ComplaintFactorsTable;
  complaint_reports: ComplaintReportsTable;
  complaint_identities: ComplaintIdentitiesTable;
  complaint_messages: ComplaintMessagesTable;
  complaint_attachments: ComplaintAttachmentsTable;
  complaint_settings: ComplaintSettingsTable;
  complaint_notifications: ComplaintNotificationsTable;
  complaint_options: ComplaintOptionsTable;
  complaint_staff_sessions: ComplaintStaffSessionsTable;
}

export type ReportRow = Selectable<ComplaintReportsTable>;
export type KeyRow = Selectable<ComplaintKeysTable>;
export type MessageRow = Selectable<ComplaintMessagesTable>;
export type OptionsRow = Selectable<ComplaintOptionsTable>;
export type AttachmentRow = Selectable<ComplaintAttachmentsTable>;

/** What the complaints module's code may query: its own tables and the platform's. */
export type ComplaintsDb = ComplaintTables & PlatformTables;
