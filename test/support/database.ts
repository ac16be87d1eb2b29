/**
 * The dialect matrix (STYLE.md convention 13): every integration test runs on SQLite and on
 * PostgreSQL. PRONGSAI_TEST_DIALECTS narrows it for a quick local run ("sqlite"); CI runs both,
 * and a missing PostgreSQL fails the run — nothing is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, migrateToLatest, type Db } from '../../src/db/index.js';
import type { Dialect } from '../../src/db/portable.js';

export const DIALECTS: Dialect[] = (process.env.PRONGSAI_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The role the app connects as in tests: an ordinary role (no superuser, no BYPASSRLS) that owns
 * its test schema, as the app's role owns its tables in production, so the forced row-level
 * security policies really apply (docs/adr/0008). TEST_DATABASE_URL is the administrator that
 * creates it and each test's schema; TEST_APP_DATABASE_URL overrides the app's connection.
 */
export const TEST_APP_ROLE = 'prongsai_app';
export const TEST_APP_POSTGRES_URL =
  process.env.TEST_APP_DATABASE_URL ??
  (() => {
    const u = new URL(TEST_POSTGRES_URL);
    u.username = TEST_APP_ROLE;
    u.password = '';
    return u.toString();
  })();

/** Creates the app's test role if it is missing (several test files may race to do it). */
export async function ensureAppRole(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query('select rolsuper, rolbypassrls from pg_roles where rolname = $1', [TEST_APP_ROLE]);
  if (rows.length === 0) {
    await admin.query(
      `do $$ begin create role ${TEST_APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole; exception when duplicate_object or unique_violation then null; end $$`,
    );
  } else if (rows[0].rolsuper || rows[0].rolbypassrls) {
    throw new Error(`role ${TEST_APP_ROLE} must be an ordinary role (no SUPERUSER, no BYPASSRLS) for the row-level security to be tested`);
  }
}

export interface TestDatabase extends Db {
  /** What to give the app config for this database. */
  configDatabase: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  pgSchema?: string;
}

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL schema. */
export async function openTestDatabase(dialect: Dialect, opts: { migrate?: boolean; unscoped?: 'none' | 'deployment' } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-test-'));
    const file = join(dir, 'test.sqlite');
    const database = openDatabase({ kind: 'sqlite', file });
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      configDatabase: { kind: 'sqlite', file },
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for the integration tests (${TEST_POSTGRES_URL}): ${String(error)}`);
  }
  await ensureAppRole(admin);
  await admin.query(`create schema ${schema} authorization ${TEST_APP_ROLE}`);
  await admin.end();
  // Requests set their own tenant; what a test writes or reads directly (fixtures, checks) runs
  // in a deployment scope unless the test asks for none (the row-level security tests do).
  const database = openDatabase(
    { kind: 'postgres', url: TEST_APP_POSTGRES_URL },
    { schema, max: 4, unscoped: (opts.unscoped ?? 'deployment') === 'deployment' ? { kind: 'deployment', reason: 'test-fixture' } : { kind: 'none' } },
  );
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    configDatabase: { kind: 'postgres', url: TEST_APP_POSTGRES_URL },
    pgSchema: schema,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
