import type { PlatformTables } from '../../platform/tables.js';
export interface CatalogueVersionsTable {
  id: string;
  fiscal_year: number;
  version: string;
  content: string;
  active: number;
  imported_by: string | null;
  created_at: string;
}

export interface CatalogueTables {
  catalogue_versions: CatalogueVersionsTable;
}

/**
 * What this module's repositories and services may query: its own tables plus the platform's
 * (audit log, stored files). Another module's table is a type error; reach it through that
 * module's index.ts instead.
 */
export type CatalogueDb = CatalogueTables & PlatformTables;
