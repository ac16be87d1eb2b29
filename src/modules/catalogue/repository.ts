/** All SQL of imported catalogue versions. Rows in, rows out; the rules live in service.ts. */
import type { Kysely } from 'kysely';
import type { CatalogueDb } from './tables.js';
import type { CatalogueVersionsTable } from './tables.js';

export type CatalogueVersionRow = CatalogueVersionsTable;
export type CatalogueVersionHead = Omit<CatalogueVersionRow, 'content'>;

const HEAD = ['id', 'fiscal_year', 'version', 'active', 'imported_by', 'created_at'] as const;

export function catalogueRepository(db: Kysely<CatalogueDb>) {
  return {
    /** The active imported version of a year, if any, without its (large) content. */
    findActive: (fiscalYear: number): Promise<CatalogueVersionHead | undefined> =>
      db
        .selectFrom('catalogue_versions')
        .select(HEAD)
        .where('fiscal_year', '=', fiscalYear)
        .where('active', '=', 1)
        .orderBy('created_at', 'desc')
        .executeTakeFirst(),

    /** Every active imported version, newest first within a year, without content. */
    listActive: (): Promise<CatalogueVersionHead[]> =>
      db.selectFrom('catalogue_versions').select(HEAD).where('active', '=', 1).orderBy('fiscal_year').orderBy('created_at', 'desc').execute(),

    /** The stored catalogue JSON of one version. */
    contentOf: async (id: string): Promise<string> => {
      const row = await db.selectFrom('catalogue_versions').select('content').where('id', '=', id).executeTakeFirstOrThrow();
      return row.content;
    },

    /** Every imported version of a year, newest first, without the (large) content. */
    listVersionsOfYear: (fiscalYear: number) =>
      db
        .selectFrom('catalogue_versions')
        .select(HEAD)
        .where('fiscal_year', '=', fiscalYear)
        .orderBy('created_at', 'desc')
        .execute(),

    deactivateYear: async (fiscalYear: number): Promise<void> => {
      await db.updateTable('catalogue_versions').set({ active: 0 }).where('fiscal_year', '=', fiscalYear).where('active', '=', 1).execute();
    },

    insert: async (row: CatalogueVersionRow): Promise<void> => {
      await db.insertInto('catalogue_versions').values(row).execute();
    },

    count: async (): Promise<number> => {
      const r = await db.selectFrom('catalogue_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type CatalogueRepository = ReturnType<typeof catalogueRepository>;
