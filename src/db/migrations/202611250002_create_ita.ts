import type { Kysely } from 'kysely';
import { portableTable } from '../portable.js';

/** Imported catalogue versions, ITA results per agency-year, improvement plans and their rows. */
export async function up(db: Kysely<any>): Promise<void> {
  // Catalogues are NACC facts shared by every agency: no agency_id. Shipped files are the base;
  // an imported version of a year overrides them while it is active.
  await portableTable(db, 'catalogue_versions')
    .column('id', 'id', { primaryKey: true })
    .column('fiscal_year', 'integer', { notNull: true })
    .column('version', 'text', { notNull: true })
    .column('content', 'json', { notNull: true })
    .column('active', 'boolean', { notNull: true, defaultTo: 1 })
    .column('imported_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .execute();

  await portableTable(db, 'ita_results')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('fiscal_year', 'integer', { notNull: true })
    .column('official_score', 'real')
    .column('official_level', 'text')
    .column('indicators', 'json', { notNull: true })
    .column('questions', 'json', { notNull: true })
    .column('oit', 'json', { notNull: true })
    .column('updated_by', 'id')
    .timestamps()
    .unique('ita_results_agency_year_unique', ['agency_id', 'fiscal_year'])
    .execute();

  await portableTable(db, 'improvement_plans')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('results_year', 'integer', { notNull: true })
    .column('target_year', 'integer', { notNull: true })
    .column('updated_by', 'id')
    .timestamps()
    .unique('improvement_plans_agency_year_unique', ['agency_id', 'results_year'])
    .execute();

  await portableTable(db, 'plan_rows')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('plan_id', 'id', { notNull: true, references: 'improvement_plans.id' })
    .column('sort_order', 'integer', { notNull: true })
    .column('source_kind', 'text', { notNull: true })
    .column('source_code', 'text')
    .column('weakness_th', 'text', { notNull: true })
    .column('steps', 'json', { notNull: true })
    .column('responsible_unit', 'text', { notNull: true })
    .column('monitoring', 'json', { notNull: true })
    .column('six_month_due', 'date', { notNull: true })
    .column('twelve_month_due', 'date', { notNull: true })
    .timestamps()
    .execute();

  await portableTable(db, 'driving_measures')
    .column('id', 'id', { primaryKey: true })
    .agencyColumn()
    .column('plan_id', 'id', { notNull: true, references: 'improvement_plans.id' })
    .column('sort_order', 'integer', { notNull: true })
    .column('title_th', 'text', { notNull: true })
    .column('detail_th', 'text', { notNull: true })
    .timestamps()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['driving_measures', 'plan_rows', 'improvement_plans', 'ita_results', 'catalogue_versions']) {
    await db.schema.dropTable(t).execute();
  }
}
