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
