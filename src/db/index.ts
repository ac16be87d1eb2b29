/**
 * Opens the database named by the configuration: SQLite (better-sqlite3, embedded default) or
 * PostgreSQL (pg). Query code is the same for both; see portable.ts for storage conventions.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import type { Config } from '../config/index.js';
import { migrations } from './migrations/index.js';
import { sqliteForeignKeyProblems, type Dialect } from './portable.js';
import { applyRowLevelSecurity, dropRowLevelSecurity, scopedPool, withDeploymentScope, type TenantScope } from './tenant-scope.js';

/**
 * The database layer knows no module's tables (db/ never imports modules): the connection is
 * untyped here, each module narrows it to its own tables (`Kysely<OitDb>`), and the union of
 * every module's tables lives with the composition root (src/database.ts).
 */
export interface Db {
  readonly db: Kysely<any>;
  readonly dialect: Dialect;
  close(): Promise<void>;
  /** Connection pool use (PostgreSQL only; SQLite has one embedded connection). */
  poolStats?(): { total: number; idle: number; waiting: number };
}

export interface PostgresOptions {
  /** search_path for an isolated schema (tests). */
  schema?: string;
  max?: number;
  /**
   * The tenant scope of queries run outside any scope (docs/adr/0008). The app leaves it
   * `none`: such a query sees no agency's rows. Tests give their fixtures a deployment scope.
   */
  unscoped?: TenantScope;
}

// pg is loaded only when a PostgreSQL database is opened: the embedded SQLite default never pays
// for it at start-up (bench/startup.ts). It is CommonJS, so a synchronous require keeps
// openDatabase synchronous.
const require = createRequire(import.meta.url);
const loadPg = (): typeof pg => require('pg') as typeof pg;

export function openDatabase(database: Config['database'], pgOptions: PostgresOptions = {}): Db {
  if (database.kind === 'postgres') {
    const pool = new (loadPg().Pool)({
      connectionString: database.url,
      max: pgOptions.max ?? 10,
      ...(pgOptions.schema ? { options: `-c search_path=${pgOptions.schema}` } : {}),
    });
    // Every checkout carries the tenant of the code that asked for it (row-level security).
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: scopedPool(pool, pgOptions.unscoped ? { unscoped: pgOptions.unscoped } : {}) }) });
    if (pgOptions.schema) migrationSchemas.set(db, pgOptions.schema);
    return {
      db,
      dialect: 'postgres',
      close: () => db.destroy(),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SqliteDatabase(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares (compiles) every query afresh; on the submission paths that was
 * ~0.4 ms of the event loop per request (bench/eservice-submit.ts profile). Compiled statements are
 * kept by their SQL text (parameters stay bound per call), at most STATEMENT_CACHE of them, least
 * recently used dropped first. A statement still being iterated (a streamed query) is never handed
 * out twice: a fresh one is prepared instead. SQLite re-prepares a cached statement by itself
 * when a migration changes the schema.
 */
const STATEMENT_CACHE = 500;
export function withStatementCache(sqlite: SqliteDatabase.Database): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = sqlite.prepare(text);
      if (!hit) {
        cache.set(text, stmt);
        if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close: () => {
      cache.clear();
      sqlite.close();
    },
  };
}

// Kysely looks for its migration tables in every schema it can see; a database opened on its own
// schema (isolated tests) must keep them there, or a sibling schema's tables are taken for its own.
const migrationSchemas = new WeakMap<Kysely<any>, string>();

function migrator(db: Kysely<any>, list: Record<string, Migration> = migrations): Migrator {
  const schema = migrationSchemas.get(db);
  return new Migrator({ db, provider: { getMigrations: async () => list }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Brings the schema to the latest migration, all or nothing: PostgreSQL runs the pending
 * migrations in one transaction (Kysely does), and on SQLite — which also has transactional DDL,
 * though Kysely does not use it there — we wrap them in one ourselves, so a failing migration
 * leaves the database exactly as it was. Throws with the failing migration's name.
 */
export async function migrateToLatest(db: Kysely<any>, list: Record<string, Migration> = migrations): Promise<void> {
  // Migrations are deployment-wide work: a data migration sees every agency's rows. After them,
  // PostgreSQL's agency tables get their row-level security (idempotent: new tables included).
  return withDeploymentScope('migrate', async () => {
    await migrateUnscoped(db, list);
    await ensureRowLevelSecurity(db);
  });
}

/** Applies the row-level security of docs/adr/0008 where it is missing (PostgreSQL; no-op on SQLite). */
export async function ensureRowLevelSecurity(db: Kysely<any>): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return [];
  return withDeploymentScope('migrate', () => applyRowLevelSecurity(db));
}

async function migrateUnscoped(db: Kysely<any>, list: Record<string, Migration>): Promise<void> {
  const migrate = async (target: Kysely<any>) => {
    const { error, results } = await migrator(target, list).migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error) throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  };
  if (db.getExecutor().adapter.supportsTransactionalDdl) return migrate(db);
  await withoutSqliteForeignKeys(db, async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      await migrate(connection);
      await assertSqliteForeignKeys(connection);
      await sql`commit`.execute(connection);
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/**
 * SQLite rebuilds a table to change its keys (new table, copy, drop, rename); with foreign keys
 * enforced, dropping a parent would cascade into its children. So migrations run with enforcement
 * off (it can only be switched outside a transaction) and every key is checked before commit.
 */
async function withoutSqliteForeignKeys<T>(db: Kysely<any>, run: (connection: Kysely<any>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      return await run(connection);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}

async function assertSqliteForeignKeys(db: Kysely<any>): Promise<void> {
  const broken = await sqliteForeignKeyProblems(db);
  if (broken.length) throw new Error(`foreign keys broken by the migration: ${broken.slice(0, 5).map((b) => `${b.table} → ${b.parent}`).join(', ')}`);
}

/** Undoes every migration (used by the migration test). */
export async function migrateAllDown(db: Kysely<any>): Promise<void> {
  return withDeploymentScope('migrate', () => migrateAllDownUnscoped(db));
}

async function migrateAllDownUnscoped(db: Kysely<any>): Promise<void> {
  // A tenant policy depends on the agency_id column a down migration may drop.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await dropRowLevelSecurity(db);
  const down = async (target: Kysely<any>) => {
    const m = migrator(target);
    for (;;) {
      const { error, results } = await m.migrateDown();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      if (!results || results.length === 0) return;
    }
  };
  if (db.getExecutor().adapter.supportsTransactionalDdl) return down(db);
  await withoutSqliteForeignKeys(db, async (connection) => {
    await down(connection);
    await assertSqliteForeignKeys(connection);
  });
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** Which of the shipped migrations the database has run, and which it still needs. */
export async function migrationStatus(db: Kysely<any>, list: Record<string, Migration> = migrations): Promise<MigrationStatus> {
  const all = await migrator(db, list).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}
