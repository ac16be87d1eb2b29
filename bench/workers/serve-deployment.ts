/**
 * Server child for the `deployment` bench: the real app on PostgreSQL (a fresh schema in
 * BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, dropped at the end) with
 * the demo agency (its user holds the deployment administrator grant) plus 8,317 agencies spread
 * over the 77 provinces (one province with 900, one with ≈100, the rest in between), each with
 * five fiscal years of ITA results (2564–2568, generated in the nation-wide import format), OIT
 * item statuses of FY2568 and an improvement plan with rows. Bulk rows go in with multi-row
 * Kysely inserts (the seeding is not what is measured). A bare Fastify route listens beside it.
 *
 * IPC: sends {type:'ready', appUrl, bareUrl, demo, provinces, seedMs, counts}; {type:'stop'} ends it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import { buildApp, createServices, moduleManifests } from '../../src/app.js';
import type { Config } from '../../src/config/index.js';
import { openDatabase, migrateToLatest } from '../../src/db/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { PROVINCES_TH } from '../../src/shared/provinces.js';
import { getShippedCatalogue } from '../../src/modules/catalogue/shipped.js';
import { seedDemo, DEMO_SLUG, DEMO_RESULTS_YEAR } from '../../src/demo.js';
import { generateNationwideResults, NATIONWIDE_AGENCIES } from '../lib/generate-results.js';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
await admin.query(`create schema ${schema}`);

const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-deploy-'));
const config: Config = Object.freeze<Config>({
  env: 'production',
  port: 0,
  host: '127.0.0.1',
  database: { kind: 'postgres', url: BASE_URL },
  dataDir: join(dir, 'data'),
  sessionSecret: 'bench-secret-bench-secret-bench-secret-0123',
  publicBaseUrl: 'http://127.0.0.1',
  trustProxy: false,
  maxUploadBytes: 100 * 1024 * 1024,
  logLevel: 'silent',
});

async function cleanUp(): Promise<void> {
  await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}

const database = openDatabase(config.database, { schema, max: 10 });
await migrateToLatest(database.db);
const services = createServices({ db: database.db, clock: systemClock, config });
const demo = await seedDemo(services, moduleManifests(services, { config, clock: systemClock, db: database.db, dialect: database.dialect }));
if (!demo.created) throw new Error('demo agency was not created');

// ---- 8,317 agencies over 77 provinces -------------------------------------------------------
const started = process.hrtime.bigint();
const LARGE = 'นครราชสีมา';
const SMALL = 'สมุทรสงคราม';
const sizes = new Map<string, number>([[LARGE, 900], [SMALL, 100]]);
const rest = PROVINCES_TH.filter((p) => !sizes.has(p));
let left = NATIONWIDE_AGENCIES - 1000;
rest.forEach((p, i) => {
  const n = i === rest.length - 1 ? left : Math.round((NATIONWIDE_AGENCIES - 1000) / rest.length + ((i % 7) - 3) * 4);
  sizes.set(p, n);
  left -= n;
});
const provinceOf: string[] = [];
for (const [p, n] of sizes) for (let i = 0; i < n; i++) provinceOf.push(p);

const db = database.db as Kysely<any>;
const ts = new Date().toISOString();
const insert = async (table: string, rows: Record<string, unknown>[], batch: number) => {
  for (let i = 0; i < rows.length; i += batch) await db.insertInto(table).values(rows.slice(i, i + batch)).execute();
};

const years = [2565, 2566, 2567, 2568];
const files = new Map(years.map((y) => [y, generateNationwideResults(getShippedCatalogue(y)!, NATIONWIDE_AGENCIES, y)]));
const latest = files.get(2568)!;
const col = (file: typeof latest, name: string) => file.header.indexOf(name);
const agencyIds: string[] = [];
const agencies = latest.rows.map((row, i) => {
  const id = randomUUID();
  agencyIds.push(id);
  const name = String(row[col(latest, 'agency_name')]);
  return {
    id,
    slug: `a${row[col(latest, 'agency_code')]}`,
    name_th: name,
    name_en: null,
    agency_type: name.startsWith('องค์การบริหารส่วนตำบล') ? 'sao' : name.startsWith('เทศบาลตำบล') ? 'subdistrict_municipality' : name.startsWith('เทศบาลเมือง') ? 'town_municipality' : name.startsWith('เทศบาลนคร') ? 'city_municipality' : name.startsWith('องค์การบริหารส่วนจังหวัด') ? 'pao' : 'other',
    province: provinceOf[i]!,
    address: null,
    phone: null,
    email: null,
    website_url: null,
    digits: 'thai',
    is_demo: 0,
    status: 'active',
    host_name: null,
    created_at: ts,
    updated_at: ts,
  };
});
await insert('agencies', agencies, 500);

// ---- 5 fiscal years of results (2564 reuses 2565's scores: no catalogue ships for it) ------
let resultCount = 0;
for (const year of [2564, ...years]) {
  const file = files.get(year === 2564 ? 2565 : year)!;
  const ind = file.header.map((h, i) => [h, i] as const).filter(([h]) => /^ind_\d+$/.test(h));
  const rows = file.rows.map((row, i) => ({
    id: randomUUID(),
    agency_id: agencyIds[i]!,
    fiscal_year: year,
    official_score: Number(row[col(file, 'official_score')]),
    official_level: year === 2564 ? null : String(row[col(file, 'official_level')]),
    indicators: JSON.stringify(Object.fromEntries(ind.map(([h, j]) => [h.slice(4), Number(row[j])]))),
    questions: '{}',
    oit: '{}',
    updated_by: null,
    created_at: ts,
    updated_at: ts,
  }));
  await insert('ita_results', rows, 500);
  resultCount += rows.length;
}

// ---- OIT items of FY2568 and one improvement plan per agency ---------------------------------
// The year with the fullest shipped OIT list (FY2567–2568 ship only the items verified so far).
const oitYear = [...years].sort((a, b) => getShippedCatalogue(b)!.oitItems.length - getShippedCatalogue(a)!.oitItems.length)[0]!;
const oitCodes = getShippedCatalogue(oitYear)!.oitItems.map((i) => i.code);
const statuses = ['in_progress', 'ready', 'published', 'published'];
const oitRows: Record<string, unknown>[] = [];
const planRows: Record<string, unknown>[] = [];
const plans = agencyIds.map((agencyId, i) => {
  const id = randomUUID();
  for (let r = 0; r < 1 + (i % 6); r++) {
    planRows.push({ id: randomUUID(), agency_id: agencyId, plan_id: id, sort_order: r, source_kind: 'indicator', source_code: String(r + 1), weakness_th: 'จุดอ่อน', steps: '[]', responsible_unit: 'สำนักปลัด', monitoring: 'รายไตรมาส', six_month_due: '2025-03-31', twelve_month_due: '2025-09-30', created_at: ts, updated_at: ts });
  }
  // Every agency has touched part of the catalogue: from 0 to all of the 43 items.
  const touched = (i * 7) % (oitCodes.length + 1);
  for (let k = 0; k < touched; k++) {
    oitRows.push({ id: randomUUID(), agency_id: agencyId, fiscal_year: oitYear, code: oitCodes[k]!, status: statuses[(i + k) % statuses.length], unit_id: null, due_date: null, published_at: null, updated_by: null, created_at: ts, updated_at: ts });
  }
  return { id, agency_id: agencyId, results_year: 2568, target_year: 2569, updated_by: null, created_at: ts, updated_at: ts };
});
await insert('improvement_plans', plans, 1000);
await insert('plan_rows', planRows, 1000);
await insert('oit_items', oitRows, 1000);
// The state autovacuum leaves a live system in: fresh statistics, and the visibility map set so
// index-only scans need no heap fetch (PostgreSQL 13+ vacuums insert-only tables by itself; a
// view measured straight after a bulk insert would time the first-touch hint-bit writes instead).
await sql`vacuum analyze`.execute(db);
const seedMs = Number(process.hrtime.bigint() - started) / 1e6;

// Where a view's time goes: each set-based read on its own, in this process (median of 5).
const { latestResultsReader } = await import('../../src/modules/ita-results/index.js');
const { oitProgressReader } = await import('../../src/modules/oit/index.js');
const { latestPlansReader } = await import('../../src/modules/improvement/overview.js');
const readers = {
  agencies: (ids?: string[]) => services.agencies.listAgenciesWhere(ids ? { province: LARGE } : {}),
  results: latestResultsReader(database.db, () => services.catalogues.allCatalogues()),
  oit: oitProgressReader(database.db, async (y) => (await services.catalogues.getCatalogue(y))?.oitItems.length ?? 0),
  plans: latestPlansReader(database.db),
};
const largeIds = (await services.agencies.listAgenciesWhere({ province: LARGE })).map((a) => a.id);
const breakdown: Record<string, number> = {};
const median5 = async (fn: () => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = process.hrtime.bigint();
    await fn();
    if (i > 0) ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ms.sort((a, b) => a - b)[2]!;
};
for (const [scope, ids] of [['900', largeIds], ['all', undefined]] as const) {
  breakdown[`agencies (${scope})`] = await median5(() => readers.agencies(ids as string[] | undefined));
  breakdown[`latest results (${scope})`] = await median5(() => readers.results(ids));
  breakdown[`OIT progress (${scope})`] = await median5(() => readers.oit(oitYear, ids));
  breakdown[`plans (${scope})`] = await median5(() => readers.plans(ids));
}

const app = await buildApp({ config, db: database.db, dialect: database.dialect, clock: systemClock, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify({ logger: false });
bare.get('/hello', async () => ({ hello: 'world' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const url = (a: typeof app) => {
  const addr = a.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `http://127.0.0.1:${addr.port}`;
};

process.on('message', (m: { type?: string }) => {
  if (m.type === 'stop') {
    void (async () => {
      await bare.close();
      await app.close();
      await database.close();
      await cleanUp();
      process.exit(0);
    })();
  }
});
process.once('SIGTERM', () => void cleanUp().then(() => process.exit(0)));

const sorted = [...sizes.entries()].sort((a, b) => a[1] - b[1]);
process.send!({
  type: 'ready',
  appUrl: url(app),
  bareUrl: url(bare),
  demo: { slug: DEMO_SLUG, year: DEMO_RESULTS_YEAR, username: demo.username, password: demo.password },
  provinces: { small: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, large: sorted[sorted.length - 1]! },
  seedMs,
  oitYear,
  breakdown,
  counts: { agencies: agencies.length + 1, results: resultCount, oitItems: oitRows.length, planRows: planRows.length },
});
