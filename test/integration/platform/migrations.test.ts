import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, openTestDatabase } from '../../support/database.js';
import { migrateAllDown, migrateToLatest } from '../../../src/db/index.js';
import { migrations } from '../../../src/db/migrations/index.js';

async function tableNames(db: any, dialect: string, schema?: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${schema} and table_name not like 'kysely_%'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('run every up and every down, and up again', async () => {
    const t = await openTestDatabase(dialect, { migrate: false });
    try {
      await migrateToLatest(t.db);
      const tables = await tableNames(t.db, dialect, t.pgSchema);
      expect(tables).toContain('agencies');
      expect(tables).toContain('audit_log');
      await migrateAllDown(t.db);
      expect(await tableNames(t.db, dialect, t.pgSchema)).toEqual([]);
      await migrateToLatest(t.db);
      expect(await tableNames(t.db, dialect, t.pgSchema)).toEqual(tables);
    } finally {
      await t.close();
    }
  });

  it('give every agency-data table an agency_id column', async () => {
    const t = await openTestDatabase(dialect);
    try {
      // Deployment-wide tables hold no agency data (NACC catalogues, accounts' sessions, setup links,
      // who holds the deployment administrator grant, sign-in backoff counters keyed by a hash of
      // account or typed name and client address, which exist before any agency is known; rate-limit counters).
      const global = new Set(['agencies', 'catalogue_versions', 'sessions', 'setup_tokens', 'deployment_admins', 'sign_in_throttle', 'rate_limit_hits']);
      for (const table of await tableNames(t.db, dialect, t.pgSchema)) {
        if (global.has(table)) continue;
        const cols =
          dialect === 'sqlite'
            ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.db)).rows.map((r) => r.name)
            : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = ${t.pgSchema} and table_name = ${table}`.execute(t.db)).rows.map((r) => r.name);
        expect(cols, `table ${table}`).toContain('agency_id');
      }
    } finally {
      await t.close();
    }
  });

  it('are named YYYYMMDDHHMM_verb_noun', () => {
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{12}_[a-z]+(_[a-z]+)+$/);
  });
});
