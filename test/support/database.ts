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

export interface TestDatabase extends Db {
  /** What to give the app config for this database. */
  configDatabase: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  pgSchema?: string;
}

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL schema. */
export async function openTestDatabase(dialect: Dialect, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
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
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL }, { schema, max: 4 });
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    configDatabase: { kind: 'postgres', url: TEST_POSTGRES_URL },
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
