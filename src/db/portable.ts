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
import { sql, type Kysely, type ColumnDefinitionBuilder, type CreateTableBuilder, type Expression, type SqlBool } from 'kysely';
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
    /**
     * The key every agency table has: `id` plus `agency_id`, primary key (agency_id, id), so a
     * child can reference it by (agency_id, id) and never point into another agency.
     */
    tenantKey() {
      api.column('id', 'id', { notNull: true });
      api.agencyColumn();
      builder = builder.addPrimaryKeyConstraint(`${name}_pkey`, ['agency_id', 'id']);
      return api;
    },
    /**
     * A column referencing a row of the same agency in `parent` (a table with `tenantKey()`):
     * foreign key (agency_id, column) → parent (agency_id, id). Deletes cascade unless told
     * 'restrict'; 'set null' needs `replaceTableKeys` (SQLite nulls every column of the key).
     */
    childOf(column: string, parent: string, opts: { notNull?: boolean; onDelete?: 'cascade' | 'restrict' } = {}) {
      api.column(column, 'id', { notNull: opts.notNull ?? true });
      builder = builder.addForeignKeyConstraint(`${name}_${column}_fkey`, ['agency_id', column], parent, ['agency_id', 'id'], (fk) =>
        fk.onDelete(opts.onDelete ?? 'cascade'),
      );
      return api;
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
 * `column in (ids)` for a long list of text ids (a province's 900 agencies): on PostgreSQL one
 * array parameter, `column = any($1)`, instead of one bind variable per id (less for the driver
 * to bind and for the server to parse and plan, and no bind-variable limit); SQLite has no
 * arrays, so there it is an ordinary IN list. An empty list matches nothing on both.
 */
export function inIdList(db: Kysely<any>, column: string, ids: readonly string[]): Expression<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  return dialectOf(db) === 'postgres' ? sql<SqlBool>`${ref} = any(${[...ids]}::text[])` : sql<SqlBool>`${ref} in (${sql.join(ids)})`;
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

/** A foreign key of a re-keyed table. */
export interface KeyForeignKey {
  columns: string[];
  references: string;
  refColumns: string[];
  onDelete: 'cascade' | 'restrict' | 'set null';
  /**
   * With 'set null' on a composite key, the one column to null (never `agency_id`, which stays):
   * PostgreSQL says `ON DELETE SET NULL (col)`; SQLite, which nulls every column of the key, gets a
   * NO ACTION key plus a BEFORE DELETE trigger on the parent that nulls the column first.
   */
  nullColumn?: string;
}

/** The keys a table should have: every existing primary key, unique key and foreign key is replaced. */
export interface TableKeys {
  table: string;
  primaryKey: string[];
  unique?: { name: string; columns: string[] }[];
  foreignKeys?: KeyForeignKey[];
  /** Plain (non-unique) indexes to add, e.g. for a lookup by a token hash that finds the tenant. */
  indexes?: { name: string; columns: string[] }[];
  /** Columns that become NOT NULL (backfilled before). */
  notNull?: string[];
  /** Columns that become nullable again (used by `down`). */
  nullable?: string[];
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const cols = (names: string[]): string => names.map(q).join(', ');

function foreignKeySql(dialect: Dialect, fk: KeyForeignKey): string {
  let action: string = fk.onDelete;
  if (fk.onDelete === 'set null' && fk.columns.length > 1) {
    if (!fk.nullColumn) throw new Error(`composite 'set null' key on ${fk.columns.join(',')} needs nullColumn`);
    action = dialect === 'postgres' ? `set null (${q(fk.nullColumn)})` : 'no action';
  }
  return `foreign key (${cols(fk.columns)}) references ${q(fk.references)} (${cols(fk.refColumns)}) on delete ${action}`;
}

/**
 * Replaces the primary, unique and foreign keys of existing tables, keeping their columns, rows,
 * other indexes and (PostgreSQL) row-level security policies — the way to make keys include
 * `agency_id` on a database that already holds data.
 *
 * - PostgreSQL: in place (ALTER TABLE): drops every foreign key of the tables and every foreign
 *   key pointing at them, their primary and unique keys, then adds the new ones.
 * - SQLite (which cannot alter keys): the documented 12-step rebuild per table — new table,
 *   copy, drop, rename, indexes and triggers recreated. The caller must run it with
 *   `PRAGMA foreign_keys = OFF` (migrateToLatest does, and checks every key before it commits),
 *   or dropping a parent would cascade into its children.
 */
export async function replaceTableKeys(db: Kysely<any>, specs: TableKeys[]): Promise<void> {
  const dialect = dialectOf(db);
  const names = specs.map((s) => s.table);
  if (dialect === 'postgres') {
    const constraints = await sql<{ table: string; name: string; type: string }>`
      select c.relname as "table", k.conname as "name", k.contype as "type"
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      left join pg_class r on r.oid = k.confrelid
      where (c.relname in (${sql.join(names)}) and k.contype in ('f', 'p', 'u'))
         or (k.contype = 'f' and r.relname in (${sql.join(names)}))
      order by case k.contype when 'f' then 0 else 1 end`.execute(db);
    for (const c of constraints.rows) await sql.raw(`alter table ${q(c.table)} drop constraint if exists ${q(c.name)}`).execute(db);
    const uniqueIndexes = await sql<{ name: string }>`
      select i.relname as "name"
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
      where x.indisunique and t.relname in (${sql.join(names)})
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`.execute(db);
    for (const i of uniqueIndexes.rows) await sql.raw(`drop index if exists ${q(i.name)}`).execute(db);
    for (const s of specs) {
      for (const c of s.notNull ?? []) await sql.raw(`alter table ${q(s.table)} alter column ${q(c)} set not null`).execute(db);
      for (const c of s.nullable ?? []) await sql.raw(`alter table ${q(s.table)} alter column ${q(c)} drop not null`).execute(db);
      await sql.raw(`alter table ${q(s.table)} add constraint ${q(`${s.table}_pkey`)} primary key (${cols(s.primaryKey)})`).execute(db);
      for (const u of s.unique ?? []) await sql.raw(`alter table ${q(s.table)} add constraint ${q(u.name)} unique (${cols(u.columns)})`).execute(db);
      for (const i of s.indexes ?? []) await sql.raw(`create index if not exists ${q(i.name)} on ${q(s.table)} (${cols(i.columns)})`).execute(db);
    }
    for (const s of specs) {
      for (const fk of s.foreignKeys ?? []) {
        await sql.raw(`alter table ${q(s.table)} add constraint ${q(`${s.table}_${fk.columns.join('_')}_fkey`)} ${foreignKeySql(dialect, fk)}`).execute(db);
      }
    }
    return;
  }

  // SQLite. Triggers are dropped first and recreated last: a trigger naming a table being rebuilt
  // would make the rename fail.
  const triggers = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger'`.execute(db)).rows;
  for (const t of triggers) await sql.raw(`drop trigger ${q(t.name)}`).execute(db);
  for (const s of specs) {
    const info = (await sql<{ name: string; type: string; notnull: number; dflt_value: string | null }>`select name, type, "notnull", dflt_value from pragma_table_info(${s.table})`.execute(db)).rows;
    if (info.length === 0) throw new Error(`replaceTableKeys: no table ${s.table}`);
    const uniqueIdx = new Set(
      (await sql<{ name: string; unique: number }>`select name, "unique" from pragma_index_list(${s.table})`.execute(db)).rows.filter((i) => Number(i.unique) === 1).map((i) => i.name),
    );
    const indexes = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = ${s.table} and sql is not null`.execute(db)).rows.filter((i) => !uniqueIdx.has(i.name));
    const notNull = new Set(s.notNull ?? []);
    const nullable = new Set(s.nullable ?? []);
    const defs = info.map((c) => {
      const nn = ((Number(c.notnull) === 1 || notNull.has(c.name)) && !nullable.has(c.name)) || s.primaryKey.includes(c.name);
      return `${q(c.name)} ${c.type}${nn ? ' not null' : ''}${c.dflt_value !== null ? ` default ${c.dflt_value}` : ''}`;
    });
    defs.push(`primary key (${cols(s.primaryKey)})`);
    for (const u of s.unique ?? []) defs.push(`constraint ${q(u.name)} unique (${cols(u.columns)})`);
    for (const fk of s.foreignKeys ?? []) defs.push(foreignKeySql(dialect, fk));
    const tmp = `${s.table}__rekey`;
    const all = cols(info.map((c) => c.name));
    await sql.raw(`create table ${q(tmp)} (${defs.join(', ')})`).execute(db);
    await sql.raw(`insert into ${q(tmp)} (${all}) select ${all} from ${q(s.table)}`).execute(db);
    await sql.raw(`drop table ${q(s.table)}`).execute(db);
    await sql.raw(`alter table ${q(tmp)} rename to ${q(s.table)}`).execute(db);
    for (const i of indexes) await sql.raw(i.sql).execute(db);
    for (const i of s.indexes ?? []) await sql.raw(`create index if not exists ${q(i.name)} on ${q(s.table)} (${cols(i.columns)})`).execute(db);
  }
  // Triggers come back, except the 'set null' triggers of the re-keyed tables, which follow the new keys.
  const ownTrigger = (name: string) => names.some((t) => name.startsWith(`${t}_`) && name.endsWith('_set_null'));
  for (const t of triggers) if (!ownTrigger(t.name)) await sql.raw(t.sql).execute(db);
  // Composite 'set null' keys: the parent nulls the child's column before a delete.
  for (const s of specs) {
    for (const fk of s.foreignKeys ?? []) {
      if (fk.onDelete !== 'set null' || fk.columns.length < 2 || !fk.nullColumn) continue;
      const scope = fk.columns.map((c, i) => `${q(c)} = old.${q(fk.refColumns[i]!)}`).join(' and ');
      await sql.raw(
        `create trigger ${q(`${s.table}_${fk.nullColumn}_set_null`)} before delete on ${q(fk.references)} for each row begin ` +
          `update ${q(s.table)} set ${q(fk.nullColumn)} = null where ${scope}; end`,
      ).execute(db);
    }
  }
}

/** Whether foreign keys are currently broken (SQLite: `PRAGMA foreign_key_check`); for the migration runner. */
export async function sqliteForeignKeyProblems(db: Kysely<any>): Promise<{ table: string; parent: string }[]> {
  return (await sql<{ table: string; parent: string }>`select "table", parent from pragma_foreign_key_check`.execute(db)).rows;
}
