import type { Kysely } from 'kysely';
import { portableTable, createIndex } from '../portable.js';

/**
 * Procurement from e-GP data: the contract register per agency and fiscal year (filled from an
 * uploaded spreadsheet / e-GP export or the government spending API, merged by project number),
 * the column mappings an agency's files were read with, the API sync's resume point, the
 * uploaded procurement plan, and the annual report's officer-written parts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await portableTable(db, 'procurement_contracts')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    /** e-GP project number (เลขที่โครงการ): the merge key across sources. */
    .column('project_no', 'text', { notNull: true })
    .column('title_th', 'text', { notNull: true })
    /** ซื้อ | จ้าง | เช่า | อื่น ๆ */
    .column('proc_type', 'text', { notNull: true, defaultTo: '' })
    .column('method', 'text', { notNull: true, defaultTo: '' })
    .column('budget', 'real')
    .column('reference_price', 'real')
    /** JSON list of { name, price } */
    .column('bidders', 'json', { notNull: true, defaultTo: '[]' })
    .column('winner', 'text', { notNull: true, defaultTo: '' })
    .column('agreed_price', 'real')
    .column('reason', 'text', { notNull: true, defaultTo: '' })
    .column('contract_no', 'text', { notNull: true, defaultTo: '' })
    .column('contract_date', 'date')
    /** The date that places the contract in a month (contract date, else the announcement). */
    .column('procured_on', 'date', { notNull: true })
    /** JSON list: 'file' and/or 'api' */
    .column('sources', 'json', { notNull: true, defaultTo: '[]' })
    .timestamps()
    .unique('procurement_contracts_project_unique', ['agency_id', 'fiscal_year', 'project_no'])
    .execute();
  await createIndex(db, 'procurement_contracts_month_idx', 'procurement_contracts', ['agency_id', 'procured_on']);

  await portableTable(db, 'procurement_column_maps')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    /** The file's header row, normalised: the same layout is mapped once. */
    .column('headers_key', 'text', { notNull: true })
    .column('mapping', 'json', { notNull: true })
    .timestamps()
    .unique('procurement_column_maps_unique', ['agency_id', 'headers_key'])
    .execute();

  await portableTable(db, 'procurement_sync_state')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('dept_code', 'text', { notNull: true })
    .column('next_offset', 'integer', { notNull: true, defaultTo: 0 })
    /** running | done | failed */
    .column('state', 'text', { notNull: true })
    .column('fetched', 'integer', { notNull: true, defaultTo: 0 })
    .column('last_error', 'text')
    .timestamps()
    .unique('procurement_sync_state_unique', ['agency_id', 'fiscal_year'])
    .execute();

  await portableTable(db, 'procurement_plan_items')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('title_th', 'text', { notNull: true })
    .column('budget', 'real')
    .column('method', 'text', { notNull: true, defaultTo: '' })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();
  await createIndex(db, 'procurement_plan_items_year_idx', 'procurement_plan_items', ['agency_id', 'fiscal_year']);

  await portableTable(db, 'procurement_reports')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    /** 'annual' or a month 'YYYY-MM' */
    .column('period', 'text', { notNull: true })
    .column('problems', 'text', { notNull: true, defaultTo: '' })
    .column('suggestions', 'text', { notNull: true, defaultTo: '' })
    .column('produced_at', 'timestamp')
    .column('attached_to', 'json', { notNull: true, defaultTo: '[]' })
    .timestamps()
    .unique('procurement_reports_unique', ['agency_id', 'fiscal_year', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['procurement_reports', 'procurement_plan_items', 'procurement_sync_state', 'procurement_column_maps', 'procurement_contracts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
