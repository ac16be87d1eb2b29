/**
 * The closed vocabulary of column types that migrations may use, mapped per dialect, so one
 * migration tree serves SQLite and PostgreSQL (STYLE.md convention 12).
 *
 * Storage conventions, chosen so the same query code returns the same JS values on both:
 * - ids are text (random UUIDs made by the app), never identity columns;
 * - timestamps and dates are ISO-8601 text (CE), compared as strings;
 * - booleans are integers 0/1 (SQLite cannot bind JS booleans);
 * - JSON is text, parsed by the repository;
 * - scores are double precision / REAL.
 */
import { sql, type Kysely, type ColumnDefinitionBuilder, type CreateTableBuilder, type Expression } from 'kysely';
import { PostgresAdapter } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';
export type PortableType = 'id' | 'text' | 'integer' | 'bigint' | 'real' | 'boolean' | 'timestamp' | 'date' | 'json' | 'blob';

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

function dataType(dialect: Dialect, type: PortableType): Expression<unknown> {
  switch (type) {
    case 'id':
    case 'text':
    case 'timestamp':
    case 'date':
    case 'json':
      return sql`text`;
    case 'integer':
    case 'boolean':
      return sql`integer`;
    case 'bigint':
      return dialect === 'postgres' ? sql`bigint` : sql`integer`;
    case 'real':
      return dialect === 'postgres' ? sql`double precision` : sql`real`;
    case 'blob':
      return dialect === 'postgres' ? sql`bytea` : sql`blob`;
  }
}

export interface ColumnOptions {
  notNull?: boolean;
  primaryKey?: boolean;
  unique?: boolean;
  /** `table.column`; deletes cascade unless `onDelete` says otherwise. */
  references?: string;
  onDelete?: 'cascade' | 'set null' | 'restrict';
  defaultTo?: string | number;
}

/**
 * A CREATE TABLE built only from portable types.
 * @example
 * await portableTable(db, 'agency_units')
 *   .column('id', 'id', { primaryKey: true })
 *   .column('agency_id', 'id', { notNull: true, references: 'agencies.id' })
 *   .execute();
 */
export function portableTable(db: Kysely<any>, name: string) {
  const dialect = dialectOf(db);
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(name);
  const api = {
    column(column: string, type: PortableType, opts: ColumnOptions = {}) {
      builder = builder.addColumn(column, dataType(dialect, type), (c: ColumnDefinitionBuilder) => {
        let col = c;
        if (opts.primaryKey) col = col.primaryKey();
        if (opts.notNull) col = col.notNull();
        if (opts.unique) col = col.unique();
        if (opts.defaultTo !== undefined) col = col.defaultTo(opts.defaultTo);
        if (opts.references) col = col.references(opts.references).onDelete(opts.onDelete ?? 'cascade');
        return col;
      });
      return api;
    },
    /** The `agency_id` column every table holding agency data carries. */
    agencyColumn(opts: { nullable?: boolean } = {}) {
      return api.column('agency_id', 'id', { notNull: !opts.nullable, references: 'agencies.id' });
    },
    /** `created_at` and `updated_at` ISO timestamps. */
    timestamps() {
      return api.column('created_at', 'timestamp', { notNull: true }).column('updated_at', 'timestamp', { notNull: true });
    },
    unique(constraintName: string, columns: string[]) {
      builder = builder.addUniqueConstraint(constraintName, columns);
      return api;
    },
    primaryKey(constraintName: string, columns: string[]) {
      builder = builder.addPrimaryKeyConstraint(constraintName, columns);
      return api;
    },
    async execute() {
      await builder.execute();
    },
  };
  return api;
}

export async function createIndex(db: Kysely<any>, name: string, table: string, columns: string[]): Promise<void> {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/**
 * Runs `query` over `values` in slices of at most `size` and concatenates the rows: an `IN (…)`
 * list built from user data must stay under SQLite's (32,766) and PostgreSQL's (65,535)
 * bind-variable limits whatever the data grows to.
 */
export async function inChunks<V, R>(values: readonly V[], query: (slice: V[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) out.push(...(await query(values.slice(i, i + size))));
  return out;
}

/**
 * Adds a column to an existing table with a portable type (ALTER TABLE … ADD COLUMN works the same
 * on both databases when the column is nullable or has a default).
 */
export async function addPortableColumn(
  db: Kysely<any>,
  table: string,
  column: string,
  type: PortableType,
  opts: Pick<ColumnOptions, 'notNull' | 'defaultTo'> = {},
): Promise<void> {
  await db.schema
    .alterTable(table)
    .addColumn(column, dataType(dialectOf(db), type), (c: ColumnDefinitionBuilder) => {
      let col = c;
      if (opts.defaultTo !== undefined) col = col.defaultTo(opts.defaultTo);
      if (opts.notNull) col = col.notNull();
      return col;
    })
    .execute();
}
