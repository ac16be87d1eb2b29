/**
 * PostgreSQL row-level security, the second wall between agencies (docs/adr/0008): the app's
 * ordinary role is bound by forced policies on every table with an agency_id; a query without a
 * tenant sees nothing, and in one agency's scope another agency's rows are invisible and
 * unwritable even where a `where` is forgotten. SQLite has no row-level security: not run there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createServices, type Services } from '../../../src/app.js';
import type { Config } from '../../../src/config/index.js';
import { ensureRowLevelSecurity } from '../../../src/db/index.js';
import { agencyTables, tablesWithoutPolicy, withDeploymentScope, withTenant, deploymentScopeUses } from '../../../src/db/tenant-scope.js';
import { newAgencySchema } from '../../../src/modules/agencies/schemas.js';
import { systemClock } from '../../../src/shared/clock.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../support/database.js';

const actor = { userId: null, label: 'test' };

describe.runIf(DIALECTS.includes('postgres'))('row-level security on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  let services: Services;
  let a: string;
  let b: string;

  beforeAll(async () => {
    // No fallback scope: code outside a scope gets none, as in the app.
    database = await openTestDatabase('postgres', { unscoped: 'none' });
    db = database.db;
    const config = { publicBaseUrl: 'http://127.0.0.1:3000', sessionSecret: 'x'.repeat(40), dataDir: '/nonexistent' } as unknown as Config;
    services = createServices({ db, clock: systemClock, config });
    const make = (slug: string, units: string[]) =>
      services.agencies.createAgency(actor, newAgencySchema.parse({ nameTh: `เทศบาล ${slug}`, slug, type: 'subdistrict_municipality', province: 'ศรีสะเกษ' }), units);
    await withDeploymentScope('test-fixture', async () => {
      a = (await make('rls-a', ['กองคลัง A', 'กองช่าง A'])).id;
      b = (await make('rls-b', ['กองคลัง B'])).id;
    });
  });
  afterAll(async () => database?.close());

  it('connects as an ordinary role that owns its tables (so the policies must be forced to bind it)', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owner: string; me: string }>`
      select r.rolsuper, r.rolbypassrls, (select tableowner from pg_tables where schemaname = current_schema() and tablename = 'agency_units') as owner, current_user as me
      from pg_roles r where r.rolname = current_user`.execute(db);
    expect(rows[0]).toMatchObject({ rolsuper: false, rolbypassrls: false });
    expect(rows[0]!.owner).toBe(rows[0]!.me);
  });

  it('every table with an agency_id has forced row-level security and the tenant policy', async () => {
    const tables = await agencyTables(db);
    console.log(`agency tables under row-level security: ${tables.length} (${tables.join(', ')})`);
    expect(tables.length).toBeGreaterThan(20);
    expect(tables).toEqual(expect.arrayContaining(['agency_units', 'users', 'ita_results', 'oit_items', 'complaint_reports', 'stored_files', 'audit_log']));
    expect(await tablesWithoutPolicy(db)).toEqual([]);
  });

  it('a table added later without a policy is caught, and covered after the next migration run', async () => {
    await withDeploymentScope('test-fixture', () => sql`create table later_module_rows (id text primary key, agency_id text not null)`.execute(db));
    expect(await tablesWithoutPolicy(db)).toEqual(['later_module_rows']);
    expect(await ensureRowLevelSecurity(db)).toEqual(['later_module_rows']);
    expect(await tablesWithoutPolicy(db)).toEqual([]);
    await sql`drop table later_module_rows`.execute(db);
  });

  it('a repository query without a tenant scope returns nothing', async () => {
    expect(await db.selectFrom('agency_units').selectAll().execute()).toEqual([]);
    expect(await services.agencies.listUnits(a)).toEqual([]);
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    // The directory of agencies is not agency data: the resolver reads it before any tenant is known.
    expect((await services.agencies.findBySlug('rls-a'))?.id).toBe(a);
  });

  it("in one agency's scope the other agency's rows are invisible even without a where", async () => {
    const seen = await withTenant(a, () => db.selectFrom('agency_units').select(['agency_id', 'name_th']).execute());
    expect(seen.map((u) => u.name_th).sort()).toEqual(['กองคลัง A', 'กองช่าง A']);
    expect(await withTenant(a, () => services.agencies.listUnits(b))).toEqual([]);
    expect((await withTenant(b, () => services.agencies.listUnits(b))).map((u) => u.nameTh)).toEqual(['กองคลัง B']);
  });

  it("in one agency's scope another agency's rows cannot be changed or written", async () => {
    const updated = await withTenant(a, () => db.updateTable('agency_units').set({ name_th: 'ถูกแก้' }).where('agency_id', '=', b).executeTakeFirst());
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const deleted = await withTenant(a, () => db.deleteFrom('agency_units').where('agency_id', '=', b).executeTakeFirst());
    expect(Number(deleted.numDeletedRows)).toBe(0);
    const insert = withTenant(a, () =>
      db.insertInto('agency_units').values({ id: crypto.randomUUID(), agency_id: b, name_th: 'แทรก', sort_order: 0, created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).execute(),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    expect((await withDeploymentScope('test-fixture', () => services.agencies.listUnits(b))).map((u) => u.nameTh)).toEqual(['กองคลัง B']);
  });

  it('a pooled connection never keeps the previous tenant', async () => {
    for (let i = 0; i < 6; i++) {
      await withTenant(a, () => db.selectFrom('agency_units').selectAll().execute());
      expect(await db.selectFrom('agency_units').selectAll().execute()).toEqual([]);
      expect((await withTenant(b, () => db.selectFrom('agency_units').select('agency_id').execute())).every((r) => r.agency_id === b)).toBe(true);
    }
    // Inside one transaction the scope of its start holds for every statement.
    const inTx = await withTenant(b, () => db.transaction().execute((tx) => tx.selectFrom('agency_units').select('agency_id').execute()));
    expect(inTx.map((r) => r.agency_id)).toEqual([b]);
  });

  it('the deployment scope sees every agency and is counted by reason', async () => {
    const before = deploymentScopeUses()['test-fixture'] ?? 0;
    const all = await withDeploymentScope('test-fixture', () => db.selectFrom('agency_units').select('agency_id').execute());
    expect(new Set(all.map((r) => r.agency_id))).toEqual(new Set([a, b]));
    expect(deploymentScopeUses()['test-fixture']).toBe(before + 1);
  });
});
