/**
 * Backup → restore on both databases, through the real CLI as an operator runs it: a populated
 * demo deployment is archived, restored into an empty database and data folder elsewhere, and every
 * table row and every stored file must come back identical. A damaged archive and a non-empty
 * target are refused. An upgrade from the first release's schema keeps its data, and a failing
 * migration leaves the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely, type Migration } from 'kysely';
import { DIALECTS, TEST_APP_POSTGRES_URL, TEST_APP_ROLE, TEST_POSTGRES_URL, ensureAppRole, openTestDatabase } from '../../support/database.js';
import { openDatabase, migrationStatus } from '../../../src/db/index.js';
import { migrations } from '../../../src/db/migrations/index.js';
import { upgradeDatabase } from '../../../src/ops/upgrade.js';
import type { Config } from '../../../src/config/index.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** A fresh place: data folder plus an empty database (a new PostgreSQL database, or a file path). */
async function freshPlace(dialect: 'sqlite' | 'postgres'): Promise<{ dataDir: string; databaseUrl: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bk-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  if (dialect === 'sqlite') return { dataDir, databaseUrl: join(dataDir, 'prongsai.sqlite') };
  const name = `prongsai_bk_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  // Owned by the app's ordinary role, which the CLI connects as: backup and restore then run
  // under the forced row-level security policies (docs/adr/0008), as in production.
  await ensureAppRole(admin);
  await admin.query(`create database ${name} owner ${TEST_APP_ROLE}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const url = new URL(TEST_APP_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { dataDir, databaseUrl: url.toString() };
}

async function cli(place: { dataDir: string; databaseUrl: string }, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl, LOG_LEVEL: 'silent', REMINDER_INTERVAL_MINUTES: '0' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

async function tableNames(db: Kysely<any>, dialect: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

/** Every row of every table, as sorted JSON lines: what "identical" means here. */
async function snapshot(databaseUrl: string, dialect: 'sqlite' | 'postgres'): Promise<Record<string, string[]>> {
  // Read as the administrator (row-level security does not bind it): every row of every agency.
  const asAdmin = () => Object.assign(new URL(TEST_POSTGRES_URL), { pathname: new URL(databaseUrl).pathname }).toString();
  const database = openDatabase(dialect === 'sqlite' ? { kind: 'sqlite', file: databaseUrl } : { kind: 'postgres', url: asAdmin() });
  try {
    const out: Record<string, string[]> = {};
    for (const table of await tableNames(database.db, dialect)) {
      const rows = await (database.db as Kysely<any>).selectFrom(table).selectAll().execute();
      out[table] = rows.map((r) => JSON.stringify(r, (_k, v) => (v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('base64') : v))).sort();
    }
    return out;
  } finally {
    await database.close();
  }
}

function filesOf(dataDir: string): Record<string, string> {
  const root = join(dataDir, 'files');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.startsWith('.')) out[relative(root, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(root);
  return out;
}

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  // One populated demo deployment and its archive serve both cases (the CLI runs are the slow part).
  let source: { dataDir: string; databaseUrl: string };
  let archive: string;
  beforeAll(async () => {
    source = await freshPlace(dialect);
    await cli(source, 'demo');
    archive = join(source.dataDir, 'backup.tar.gz');
    const { stdout } = await cli(source, 'backup', '--out', archive);
    expect(JSON.parse(stdout)).toMatchObject({ dialect });
  });

  it('restores a populated demo identically: every table row and every file', async () => {
    expect(statSync(archive).size).toBeGreaterThan(1000);

    const before = await snapshot(source.databaseUrl, dialect);
    const files = filesOf(source.dataDir);
    expect(Object.keys(files).length).toBeGreaterThan(0); // the demo stores evidence files
    expect(before.agencies!.length).toBeGreaterThan(0);

    const target = await freshPlace(dialect);
    await cli(target, 'restore', archive);
    expect(await snapshot(target.databaseUrl, dialect)).toEqual(before);
    expect(filesOf(target.dataDir)).toEqual(files);

    // A second restore onto the now non-empty place is refused and changes nothing.
    const again = await cli(target, 'restore', archive).catch((e: { code: number; stderr: string }) => e);
    expect((again as { code: number }).code).toBe(1);
    expect((again as { stderr: string }).stderr).toContain('ไม่ว่าง');
  });

  it('refuses a damaged archive before touching the target', async () => {
    // Unpack, change one stored file, pack again: the manifest's checksum no longer matches.
    const work = mkdtempSync(join(tmpdir(), 'prongsai-tamper-'));
    cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
    await run('tar', ['-xzf', archive, '-C', work]);
    const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    writeFileSync(join(work, 'files', manifest.files[0]!.path), 'tampered');
    const tampered = join(work, '..', `tampered-${randomBytes(3).toString('hex')}.tar.gz`);
    cleanups.push(async () => rmSync(tampered, { force: true }));
    await run('tar', ['-czf', tampered, '-C', work, '.']);
    const target = await freshPlace(dialect);
    const failed = await cli(target, 'restore', tampered).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('SHA-256');
    expect(await snapshot(target.databaseUrl, dialect)).toEqual({});
  });
});

// The first release shipped these three migrations; an upgrade from it must keep its data.
const FIRST_RELEASE = ['202611250001_create_platform', '202611250002_create_ita', '202611250003_create_oit'];

describe.each(DIALECTS)('upgrades on %s', (dialect) => {
  const config = (t: Awaited<ReturnType<typeof openTestDatabase>>, dataDir: string): Pick<Config, 'database' | 'dataDir' | 'backup'> => ({
    database: t.configDatabase,
    dataDir,
    backup: { intervalHours: 24, keep: 7, beforeMigrate: true },
  });

  it('upgrades a first-release database with data, backing it up first', async () => {
    const t = await openTestDatabase(dialect, { migrate: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-up-'));
    try {
      const first = Object.fromEntries(FIRST_RELEASE.map((name) => [name, migrations[name]!]));
      await upgradeDatabase(t.db, config(t, dataDir), { version: '0.1.0', migrations: first, ...(t.pgSchema ? { pgSchema: t.pgSchema } : {}) });
      const now = new Date().toISOString();
      await t.db
        .insertInto('agencies' as never)
        .values({ id: 'a1', slug: 'old-town', name_th: 'เทศบาลตำบลเก่า', agency_type: 'subdistrict_municipality', province: 'น่าน', digits: 'thai', is_demo: 0, created_at: now, updated_at: now } as never)
        .execute();
      const result = await upgradeDatabase(t.db, config(t, dataDir), { version: 'next', ...(t.pgSchema ? { pgSchema: t.pgSchema } : {}) });
      expect(result.applied.length).toBe(Object.keys(migrations).length - FIRST_RELEASE.length);
      if (result.applied.length > 0) expect(statSync(result.backup!).size).toBeGreaterThan(0);
      expect((await migrationStatus(t.db)).pending).toEqual([]);
      const row = await t.db.selectFrom('agencies' as never).selectAll().where('slug' as never, '=', 'old-town' as never).executeTakeFirst();
      expect(row).toMatchObject({ name_th: 'เทศบาลตำบลเก่า' });
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('leaves the database as it was when a migration fails', async () => {
    const t = await openTestDatabase(dialect, { migrate: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-up-'));
    try {
      const first = Object.fromEntries(FIRST_RELEASE.map((name) => [name, migrations[name]!]));
      await upgradeDatabase(t.db, config(t, dataDir), { version: '0.1.0', migrations: first });
      const tablesBefore = await tableNamesOf(t.db, dialect, t.pgSchema);
      const broken: Record<string, Migration> = {
        ...first,
        '209901010001_add_thing': { up: async (db) => void (await db.schema.createTable('upgrade_probe').addColumn('id', 'text').execute()) },
        '209901010002_fails': { up: async () => { throw new Error('deliberate failure'); } },
      };
      await expect(upgradeDatabase(t.db, { ...config(t, dataDir), backup: { intervalHours: 24, keep: 1, beforeMigrate: false } }, { version: 'x', migrations: broken })).rejects.toThrow(/209901010002_fails/);
      expect(await tableNamesOf(t.db, dialect, t.pgSchema)).toEqual(tablesBefore);
      expect((await migrationStatus(t.db, broken)).applied).toEqual(FIRST_RELEASE);
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function tableNamesOf(db: Kysely<any>, dialect: string, schema?: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}
