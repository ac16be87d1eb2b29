import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export interface AgenciesTable {
  id: string;
  slug: string;
  name_th: string;
  name_en: string | null;
  agency_type: string;
  province: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website_url: string | null;
  digits: string;
  is_demo: number;
  /** active | suspended | archived (set by the deployment administrator). */
  status: ColumnType<string, string | undefined, string>;
  /** The agency's own host name mapped to its public pages, e.g. ita.pruyai.go.th. */
  host_name: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface AgencyUnitsTable {
  id: string;
  agency_id: string;
  name_th: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface AgencyExecutivesTable {
  id: string;
  agency_id: string;
  kind: string;
  name_th: string;
  position_th: string;
  phone: string | null;
  email: string | null;
  photo_file_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface AgencyTables {
  agencies: AgenciesTable;
  agency_units: AgencyUnitsTable;
  agency_executives: AgencyExecutivesTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type NewAgencyRow = Insertable<AgenciesTable>;
export type AgencyUpdate = Updateable<AgenciesTable>;
export type UnitRow = Selectable<AgencyUnitsTable>;
export type ExecutiveRow = Selectable<AgencyExecutivesTable>;
