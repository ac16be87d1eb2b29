/**
 * The key rule of a deployment shared by many agencies (docs/adr/0003): every table holding agency
 * data has agency_id, and its primary key and every unique key include it — so a child row
 * references its parent by (agency_id, id) and cannot point into another agency, and the schema
 * can be distributed by agency_id. Checked on the migrated schema of both dialects; a table or
 * key added later that breaks the rule fails here.
 */
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DIALECTS, openTestDatabase } from '../../support/database.js';
import { migrateToLatest } from '../../../src/db/index.js';
import { migrations } from '../../../src/db/migrations/index.js';
import type { Dialect } from '../../../src/db/portable.js';

/** Deployment-wide tables: no agency's data, so no agency_id. */
const DEPLOYMENT_TABLES: Record<string, string> = {
  agencies: 'the tenants themselves',
  catalogue_versions: 'NACC catalogues shared by every agency',
  setup_tokens: 'first-run links, used before any agency exists',
  deployment_admins: 'the grant over the whole deployment (deployment administrator)',
  sign_in_throttle: 'sign-in backoff keyed by a hash of (name, client address), counted before any agency is known',
  rate_limit_hits: 'rate-limit counters shared by app instances, keyed by an HMAC of route and client, before any agency is known',
};

/** Keys that deliberately leave agency_id out: `table(columns)` → why. */
const KEY_EXCEPTIONS: Record<string, string> = {
  'audit_log(id)': 'the audit log also holds deployment entries (agency_id null); append-only, never referenced or joined',
  'users(login_key)': '`<agency id>/<user name>` (migration 202612011701): the agency is inside the key, which the sign-in page looks up',
};

interface Key {
  table: string;
  name: string;
  primary: boolean;
  columns: string[];
}

async function tables(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

async function columns(db: Kysely<any>, dialect: Dialect, table: string, schema?: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = ${schema} and table_name = ${table}`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Primary keys and every unique constraint or unique index of a table. */
async function uniqueKeys(db: Kysely<any>, dialect: Dialect, table: string, schema?: string): Promise<Key[]> {
  if (dialect === 'sqlite') {
    const keys: Key[] = [];
    const pk = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db)).rows
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => c.name);
    if (pk.length) keys.push({ table, name: 'primary key', primary: true, columns: pk });
    const indexes = (await sql<{ name: string; unique: number; origin: string }>`select name, "unique", origin from pragma_index_list(${table})`.execute(db)).rows;
    for (const i of indexes) {
      if (Number(i.unique) !== 1 || i.origin === 'pk') continue;
      const cols = (await sql<{ name: string }>`select name from pragma_index_info(${i.name}) order by seqno`.execute(db)).rows.map((c) => c.name);
      keys.push({ table, name: i.name, primary: false, columns: cols });
    }
    return keys;
  }
  const rows = await sql<{ name: string; primary: boolean; columns: string[] }>`
    select i.relname as name, x.indisprimary as "primary",
           array(select a.attname from unnest(x.indkey) with ordinality k(attnum, n)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace s on s.oid = t.relnamespace
    where s.nspname = ${schema} and t.relname = ${table} and x.indisunique`.execute(db);
  return rows.rows.map((r) => ({ table, name: r.name, primary: r.primary, columns: r.columns }));
}

/** Every breach of the rule in the schema, as readable lines (empty = the rule holds). */
export async function tenantKeyBreaches(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<string[]> {
  const out: string[] = [];
  for (const table of await tables(db, dialect, schema)) {
    if (table in DEPLOYMENT_TABLES) continue;
    if (!(await columns(db, dialect, table, schema)).includes('agency_id')) {
      out.push(`${table}: holds agency data but has no agency_id`);
      continue;
    }
    const keys = await uniqueKeys(db, dialect, table, schema);
    if (!keys.some((k) => k.primary)) out.push(`${table}: has no primary key`);
    for (const k of keys) {
      if (k.columns.includes('agency_id') || `${table}(${k.columns.join(',')})` in KEY_EXCEPTIONS) continue;
      out.push(`${table}: ${k.primary ? 'primary key' : `unique key ${k.name}`} (${k.columns.join(', ')}) leaves out agency_id`);
    }
  }
  return out;
}

describe.each(DIALECTS)('tenant keys on %s', (dialect) => {
  it('every agency table has agency_id in its primary key and every unique key', async () => {
    const t = await openTestDatabase(dialect);
    try {
      expect(await tenantKeyBreaches(t.db, t.dialect, t.pgSchema)).toEqual([]);
      // The exceptions are real keys of the schema, not stale entries.
      for (const e of Object.keys(KEY_EXCEPTIONS)) {
        const [, table, cols] = /^(\w+)\((.+)\)$/.exec(e)!;
        const keys = await uniqueKeys(t.db, t.dialect, table!, t.pgSchema);
        expect(keys.map((k) => k.columns.join(',')), e).toContain(cols);
      }
      const all = await tables(t.db, t.dialect, t.pgSchema);
      for (const table of Object.keys(DEPLOYMENT_TABLES)) expect(all, table).toContain(table);
    } finally {
      await t.close();
    }
  });

  it('catches a table or a key added later that leaves agency_id out', async () => {
    const t = await openTestDatabase(dialect);
    try {
      await sql`create table late_widgets (id text primary key, agency_id text not null, code text not null)`.execute(t.db);
      await sql`create unique index late_widgets_code on late_widgets (code)`.execute(t.db);
      await sql`create table late_orphans (id text primary key, note text)`.execute(t.db);
      await sql`create unique index oit_items_code_only on oit_items (code, fiscal_year)`.execute(t.db);
      const breaches = await tenantKeyBreaches(t.db, t.dialect, t.pgSchema);
      expect(breaches).toEqual(
        expect.arrayContaining([
          'late_widgets: primary key (id) leaves out agency_id',
          'late_widgets: unique key late_widgets_code (code) leaves out agency_id',
          'late_orphans: holds agency data but has no agency_id',
          'oit_items: unique key oit_items_code_only (code, fiscal_year) leaves out agency_id',
        ]),
      );
      expect(breaches).toHaveLength(4);
    } finally {
      await t.close();
    }
  });

  it('re-keys a database that already holds data, and a child row can no longer point into another agency', async () => {
    const t = await openTestDatabase(dialect, { migrate: false });
    try {
      const names = Object.keys(migrations).sort(); // Kysely runs them in name order
      const cut = names.indexOf('202612011002_tenant_keys');
      expect(cut).toBeGreaterThan(0);
      await migrateToLatest(t.db, Object.fromEntries(names.slice(0, cut).map((n) => [n, migrations[n]!])));
      const db = t.db;
      const ts = '2026-01-01T00:00:00.000Z';
      const [a, b] = [randomUUID(), randomUUID()];
      for (const [id, slug] of [[a, 'town-a'], [b, 'town-b']] as const) {
        await db.insertInto('agencies').values({ id, slug, name_th: slug, agency_type: 'x', province: 'ศรีสะเกษ', created_at: ts, updated_at: ts }).execute();
      }
      const unit = randomUUID();
      const user = randomUUID();
      const item = randomUUID();
      const file = randomUUID();
      const evidence = randomUUID();
      const plan = randomUUID();
      await db.insertInto('agency_units').values({ id: unit, agency_id: a, name_th: 'กองคลัง', created_at: ts, updated_at: ts }).execute();
      await db.insertInto('users').values({ id: user, agency_id: a, username: 'u1', display_name: 'U', password_hash: 'x', roles: '[]', unit_id: unit, created_at: ts, updated_at: ts }).execute();
      await db.insertInto('sessions').values({ id: 'h1', agency_id: a, user_id: user, created_at: ts, expires_at: ts, last_seen_at: ts }).execute();
      await db.insertInto('oit_items').values({ id: item, agency_id: a, fiscal_year: 2569, code: 'O1', unit_id: unit, created_at: ts, updated_at: ts }).execute();
      await db.insertInto('oit_assignments').values({ id: randomUUID(), agency_id: a, item_id: item, user_id: user, created_at: ts }).execute();
      await db.insertInto('stored_files').values({ id: file, agency_id: a, sha256: 's', size_bytes: 1, media_type: 'text/plain', original_name: 'a.txt', storage_key: 'k', created_at: ts }).execute();
      await db.insertInto('oit_evidence').values({ id: evidence, agency_id: a, item_id: item, kind: 'file', title: 'T', source: 'upload', created_at: ts, updated_at: ts }).execute();
      await db.insertInto('oit_evidence_versions').values({ id: randomUUID(), agency_id: a, evidence_id: evidence, version_no: 1, file_id: file, created_at: ts }).execute();
      await db.insertInto('improvement_plans').values({ id: plan, agency_id: a, results_year: 2568, target_year: 2569, created_at: ts, updated_at: ts }).execute();
      await db.insertInto('plan_rows').values({ id: randomUUID(), agency_id: a, plan_id: plan, sort_order: 1, source_kind: 'manual', weakness_th: 'w', steps: '[]', responsible_unit: 'u', monitoring: '[]', six_month_due: '2026-04-01', twelve_month_due: '2026-09-30', created_at: ts, updated_at: ts }).execute();

      await migrateToLatest(db);

      const count = async (table: string) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      for (const table of ['users', 'sessions', 'oit_items', 'oit_assignments', 'oit_evidence', 'oit_evidence_versions', 'plan_rows']) expect(await count(table), table).toBe(1);
      expect(await tenantKeyBreaches(db, t.dialect, t.pgSchema)).toEqual([]);

      // The same row ids may now exist in two agencies (an imported plan keeps its row ids) …
      await db.insertInto('oit_items').values({ id: item, agency_id: b, fiscal_year: 2569, code: 'O1', created_at: ts, updated_at: ts }).execute();
      // … but a child cannot reference a parent of another agency.
      await expect(
        db.insertInto('plan_rows').values({ id: randomUUID(), agency_id: b, plan_id: plan, sort_order: 1, source_kind: 'manual', weakness_th: 'w', steps: '[]', responsible_unit: 'u', monitoring: '[]', six_month_due: '2026-04-01', twelve_month_due: '2026-09-30', created_at: ts, updated_at: ts }).execute(),
      ).rejects.toThrow(/foreign key/i);
      await expect(db.insertInto('oit_assignments').values({ id: randomUUID(), agency_id: b, item_id: item, user_id: user, created_at: ts }).execute()).rejects.toThrow(/foreign key/i);

      // Deleting a unit still clears the references to it, and only to it (agency_id stays).
      await db.deleteFrom('agency_units').where('agency_id', '=', a).where('id', '=', unit).execute();
      expect((await db.selectFrom('users').select(['unit_id', 'agency_id']).executeTakeFirstOrThrow())).toEqual({ unit_id: null, agency_id: a });
      expect((await db.selectFrom('oit_items').select('unit_id').where('agency_id', '=', a).executeTakeFirstOrThrow()).unit_id).toBeNull();
      // Deleting a parent still removes its children.
      await db.deleteFrom('improvement_plans').where('agency_id', '=', a).execute();
      expect(await count('plan_rows')).toBe(0);
    } finally {
      await t.close();
    }
  });
});
