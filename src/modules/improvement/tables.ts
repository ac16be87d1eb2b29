import type { Selectable } from 'kysely';

export interface ImprovementPlansTable {
  id: string;
  agency_id: string;
  results_year: number;
  target_year: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanRowsTable {
  id: string;
  agency_id: string;
  plan_id: string;
  sort_order: number;
  source_kind: string;
  source_code: string | null;
  weakness_th: string;
  steps: string;
  responsible_unit: string;
  monitoring: string;
  six_month_due: string;
  twelve_month_due: string;
  created_at: string;
  updated_at: string;
}

export interface DrivingMeasuresTable {
  id: string;
  agency_id: string;
  plan_id: string;
  sort_order: number;
  title_th: string;
  detail_th: string;
  created_at: string;
  updated_at: string;
}

/** The agency's chosen unit for a kind of work in drafted plans. */
export interface PlanUnitDefaultsTable {
  id: string;
  agency_id: string;
  kind: string;
  unit_name: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImprovementTables {
  improvement_plans: ImprovementPlansTable;
  plan_rows: PlanRowsTable;
  driving_measures: DrivingMeasuresTable;
  plan_unit_defaults: PlanUnitDefaultsTable;
}

export type PlanRowRow = Selectable<PlanRowsTable>;
