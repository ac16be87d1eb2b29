import { sql, type Kysely } from 'kysely';
import { replaceTableKeys, type KeyForeignKey, type TableKeys } from '../portable.js';

/**
 * Every agency table's primary and unique keys include agency_id, and a child row references its
 * parent by (agency_id, parent_id): a row can no longer point at another agency's row, and the
 * schema is ready to be distributed by agency_id (Citus). Works on existing data: SQLite rebuilds
 * each table, PostgreSQL alters it in place (so row-level security policies stay).
 *
 * Deliberate exceptions (checked by test/integration/platform/tenant-keys.test.ts):
 * agencies, catalogue_versions, setup_tokens, deployment_admins (deployment-wide), audit_log
 * (holds deployment entries with no agency), users.username (sign-in names are deployment-wide).
 */
type OnDelete = KeyForeignKey['onDelete'];
interface Def {
  table: string;
  /** [name, columns now, columns before (when they differed)] */
  unique?: [string, string[], string[]?][];
  /** [column, parent table, on delete] — each becomes (agency_id, column) → parent (agency_id, id). */
  children?: [string, string, OnDelete?][];
  pk?: string[];
  pkBefore?: string[];
  agencyFk?: boolean;
  indexes?: { name: string; columns: string[] }[];
}

const A = 'agency_id';
const agencyFk: KeyForeignKey = { columns: [A], references: 'agencies', refColumns: ['id'], onDelete: 'cascade' };

const DEFS: Def[] = [
  { table: 'agency_units', unique: [['agency_units_name_unique', [A, 'name_th']]] },
  { table: 'agency_executives' },
  { table: 'users', unique: [['users_username_unique', ['username']]], children: [['unit_id', 'agency_units', 'set null']] },
  {
    table: 'sessions',
    agencyFk: false,
    children: [['user_id', 'users']],
    indexes: [{ name: 'sessions_id_idx', columns: ['id'] }],
  },
  { table: 'stored_files' },
  { table: 'ita_results', unique: [['ita_results_agency_year_unique', [A, 'fiscal_year']]] },
  { table: 'improvement_plans', unique: [['improvement_plans_agency_year_unique', [A, 'results_year']]] },
  { table: 'plan_rows', children: [['plan_id', 'improvement_plans']] },
  { table: 'driving_measures', children: [['plan_id', 'improvement_plans']] },
  { table: 'plan_unit_defaults', unique: [['plan_unit_defaults_agency_kind_unique', [A, 'kind']]] },
  { table: 'oit_items', unique: [['oit_items_agency_year_code_unique', [A, 'fiscal_year', 'code']]], children: [['unit_id', 'agency_units', 'set null']] },
  {
    table: 'oit_assignments',
    unique: [['oit_assignments_item_user_unique', [A, 'item_id', 'user_id'], ['item_id', 'user_id']]],
    children: [['item_id', 'oit_items'], ['user_id', 'users']],
  },
  { table: 'oit_evidence', children: [['item_id', 'oit_items']] },
  {
    table: 'oit_evidence_versions',
    unique: [['oit_evidence_versions_no_unique', [A, 'evidence_id', 'version_no'], ['evidence_id', 'version_no']]],
    children: [['evidence_id', 'oit_evidence'], ['file_id', 'stored_files', 'restrict']],
  },
  {
    table: 'oit_declarations',
    unique: [['oit_declarations_item_element_unique', [A, 'item_id', 'element_key'], ['item_id', 'element_key']]],
    children: [['item_id', 'oit_items']],
  },
  { table: 'oit_content', unique: [['oit_content_agency_year_kind_unique', [A, 'fiscal_year', 'kind']]] },
  // The invitation link finds its agency: looked up by the token's hash alone.
  { table: 'agency_invitations', indexes: [{ name: 'agency_invitations_id_idx', columns: ['id'] }] },
  // Deployment-wide: only its reference to users goes (users.id alone is no longer a key).
  { table: 'deployment_admins', pk: ['user_id'], pkBefore: ['user_id'], agencyFk: false },
  { table: 'complaint_keys', unique: [['complaint_keys_agency_version_unique', [A, 'version']]] },
  {
    table: 'complaint_key_grants',
    unique: [['complaint_key_grants_key_user_unique', [A, 'key_id', 'user_id'], ['key_id', 'user_id']]],
    children: [['key_id', 'complaint_keys'], ['user_id', 'users']],
  },
  { table: 'complaint_factors', unique: [['complaint_factors_user_unique', [A, 'user_id'], ['user_id']]], children: [['user_id', 'users']] },
  {
    table: 'complaint_reports',
    unique: [['complaint_reports_receipt_unique', [A, 'receipt_lookup'], ['receipt_lookup']]],
    children: [['key_id', 'complaint_keys'], ['assigned_user_id', 'users', 'set null']],
  },
  { table: 'complaint_identities', unique: [['complaint_identities_report_unique', [A, 'report_id'], ['report_id']]], children: [['report_id', 'complaint_reports']] },
  { table: 'complaint_messages', children: [['report_id', 'complaint_reports'], ['author_user_id', 'users', 'set null']] },
  { table: 'complaint_attachments', children: [['report_id', 'complaint_reports'], ['message_id', 'complaint_messages']] },
  { table: 'complaint_settings', pk: [A], pkBefore: [A] },
  { table: 'complaint_notifications', children: [['user_id', 'users'], ['report_id', 'complaint_reports']] },
  { table: 'survey_forms', unique: [['survey_forms_agency_key_unique', [A, 'key']]] },
  {
    table: 'survey_versions',
    unique: [['survey_versions_form_no_unique', [A, 'form_id', 'version_no'], ['form_id', 'version_no']]],
    children: [['form_id', 'survey_forms']],
  },
  {
    table: 'survey_tokens',
    unique: [
      ['survey_tokens_hash_unique', [A, 'token_hash'], ['token_hash']],
      ['survey_tokens_form_subject_unique', [A, 'form_id', 'subject_ref'], ['form_id', 'subject_ref']],
    ],
    children: [['form_id', 'survey_forms']],
  },
  { table: 'survey_responses', children: [['form_id', 'survey_forms'], ['version_id', 'survey_versions']] },
  { table: 'eservice_services', children: [['unit_id', 'agency_units', 'set null']] },
  {
    table: 'eservice_requests',
    unique: [['eservice_requests_tracking_unique', [A, 'tracking_code'], ['tracking_code']]],
    children: [['service_id', 'eservice_services', 'restrict'], ['unit_id', 'agency_units', 'set null'], ['assigned_to', 'users', 'set null']],
  },
  { table: 'eservice_request_files', children: [['request_id', 'eservice_requests'], ['file_id', 'stored_files']] },
  { table: 'eservice_messages', children: [['request_id', 'eservice_requests'], ['author_user_id', 'users', 'set null']] },
  { table: 'eservice_events', children: [['request_id', 'eservice_requests'], ['actor_user_id', 'users', 'set null']] },
  { table: 'eservice_reply_templates' },
  { table: 'tracked_measures', unique: [['tracked_measures_source_unique', [A, 'fiscal_year', 'source_kind', 'source_ref']]], children: [['unit_id', 'agency_units', 'set null']] },
  { table: 'measure_notes', children: [['measure_id', 'tracked_measures']] },
  { table: 'measure_evidence', children: [['measure_id', 'tracked_measures'], ['file_id', 'stored_files', 'restrict']] },
  {
    table: 'periodic_reports',
    unique: [['periodic_reports_unique', [A, 'kind', 'fiscal_year', 'round', 'role']]],
    children: [['pdf_file_id', 'stored_files', 'set null'], ['docx_file_id', 'stored_files', 'set null']],
  },
  { table: 'calendar_overrides', unique: [['calendar_overrides_unique', [A, 'fiscal_year', 'entry_key']]] },
  { table: 'notifications', children: [['user_id', 'users']] },
  { table: 'reminder_deliveries', unique: [['reminder_deliveries_claim_unique', [A, 'fiscal_year', 'entry_key', 'due', 'stage']]] },
];

const after = (d: Def): TableKeys => ({
  table: d.table,
  primaryKey: d.pk ?? [A, 'id'],
  unique: (d.unique ?? []).map(([name, columns]) => ({ name, columns })),
  foreignKeys: [
    ...(d.agencyFk === false ? [] : [agencyFk]),
    ...(d.children ?? []).map(([column, parent, onDelete = 'cascade']): KeyForeignKey => ({
      columns: [A, column],
      references: parent,
      refColumns: [A, 'id'],
      onDelete,
      ...(onDelete === 'set null' ? { nullColumn: column } : {}),
    })),
  ],
  indexes: d.indexes ?? [],
  notNull: d.table === 'sessions' ? [A] : [],
});

const before = (d: Def): TableKeys => ({
  table: d.table,
  primaryKey: d.pkBefore ?? ['id'],
  unique: (d.unique ?? []).map(([name, columns, was]) => ({ name, columns: was ?? columns })),
  foreignKeys: [
    ...(d.agencyFk === false ? [] : [agencyFk]),
    ...(d.table === 'deployment_admins' ? [{ columns: ['user_id'], references: 'users', refColumns: ['id'], onDelete: 'cascade' as const }] : []),
    ...(d.children ?? []).map(([column, parent, onDelete = 'cascade']): KeyForeignKey => ({ columns: [column], references: parent, refColumns: ['id'], onDelete })),
  ],
  nullable: d.table === 'sessions' ? [A] : [],
});

export async function up(db: Kysely<any>): Promise<void> {
  // Sessions whose user is gone could not be backfilled (migration 202612011001): they are dead.
  await sql`delete from sessions where agency_id is null`.execute(db);
  await replaceTableKeys(db, DEFS.map(after));
}

export async function down(db: Kysely<any>): Promise<void> {
  await replaceTableKeys(db, DEFS.map(before));
  for (const d of DEFS) for (const i of d.indexes ?? []) await db.schema.dropIndex(i.name).ifExists().execute();
}
