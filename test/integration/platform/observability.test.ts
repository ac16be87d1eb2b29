/**
 * Health, readiness and metrics as an operator's tools see them, on both databases: /readyz is
 * 503 while the database is unreachable or the file store unwritable and 200 again after; /metrics
 * is hidden without METRICS_TOKEN, refuses a wrong token, and labels by route pattern, never URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ADMIN_PASSWORD, buildTestApp, mainText, setUpAgency, signIn, type TestApp } from '../../support/app.js';
import { APP_VERSION, moduleManifests } from '../../../src/app.js';
import { migrations } from '../../../src/db/migrations/index.js';
import { DIALECTS, TEST_POSTGRES_URL } from '../../support/database.js';
import { migrateToLatest, openDatabase } from '../../../src/db/index.js';
import { checkReadiness } from '../../../src/platform/observability.js';
import { seedDemo } from '../../../src/demo.js';
import type { Kysely } from 'kysely';

const TOKEN = 'metrics-token-for-tests-0123456789';

describe.each(DIALECTS)('operations endpoints on %s', (dialect) => {
  let t: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await buildTestApp(dialect, { config: { metricsToken: TOKEN }, logger: { level: 'info', stream: sink } });
    await setUpAgency(t);
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz with JSON', async () => {
    const health = await t.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual([
      { name: 'database', ok: true },
      { name: 'migrations', ok: true },
      { name: 'files', ok: true },
    ]);
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it('turns /readyz to 503 while the file store cannot be written, and back', async () => {
    const files = join(t.config.dataDir, 'files');
    rmSync(files, { recursive: true, force: true });
    writeFileSync(files, 'not a folder'); // mkdir fails even for root, unlike a chmod
    try {
      const res = await t.app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json().checks.find((c: { name: string }) => c.name === 'files').ok).toBe(false);
    } finally {
      rmSync(files);
    }
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
  });

  it('hides /metrics behind the bearer token and labels by route pattern only', async () => {
    await t.app.inject('/a/test-town?secret-query=leak');
    await t.app.inject('/a/some-person-name-in-url');
    expect((await t.app.inject('/metrics')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode).toBe(401);
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/prongsai_http_requests_total\{method="GET",route="\/a\/:slug",status="200"\} \d+/);
    expect(res.body).toMatch(/prongsai_http_request_duration_seconds_bucket\{method="GET",route="\/a\/:slug",le="0.05"\} \d+/);
    expect(res.body).toContain('prongsai_agencies 1');
    expect(res.body).not.toContain('test-town');
    expect(res.body).not.toContain('some-person-name');
    expect(res.body).not.toContain('secret-query');
    if (dialect === 'postgres') expect(res.body).toMatch(/prongsai_db_pool_connections\{state="total"\} \d+/);
  });

  it('shows the deployment administrator the version, database, migrations and readiness', async () => {
    const admin = await signIn(t, 'admin', ADMIN_PASSWORD);
    const page = await admin.get('/deployment/system');
    expect(page.statusCode).toBe(200);
    const text = mainText(page.body);
    expect(text).toContain(APP_VERSION);
    expect(text).toContain(dialect === 'postgres' ? 'PostgreSQL' : 'SQLite');
    for (const name of Object.keys(migrations)) expect(text).toContain(name);
    expect(text).toContain('เขียนโฟลเดอร์ไฟล์หลักฐานได้');
    expect(page.headers['cache-control']).toContain('no-store');
  });

  it('logs one structured line per request with the pattern, never the URL or query', async () => {
    logLines.length = 0;
    await t.app.inject('/a/test-town?token=should-not-be-logged');
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/a/:slug', status: 200 });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(logLines.join('\n')).not.toContain('should-not-be-logged');
  });

  it('counts agencies, complaints and e-service requests by state — numbers only', async () => {
    const outcome = await seedDemo(t.services, moduleManifests(t.services, { config: t.config, clock: t.clock, db: t.database.db, dialect }));
    if (!outcome.created) throw new Error('demo not created');
    const db = t.database.db as Kysely<any>;
    const countsOf = async (table: string) =>
      (await db.selectFrom(table).select(['state', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('state').execute()).map((r) => [r.state as string, Number(r.n)] as const);
    const complaints = await countsOf('complaint_reports');
    const requests = await countsOf('eservice_requests');
    expect(complaints.length).toBeGreaterThan(1); // the demo has reports in mixed states
    expect(requests.length).toBeGreaterThan(1);
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.body).toContain('prongsai_agencies 2');
    for (const [state, n] of complaints) expect(res.body).toContain(`prongsai_complaints{state="${state}"} ${n}`);
    for (const [state, n] of requests) expect(res.body).toContain(`prongsai_eservice_requests{state="${state}"} ${n}`);
    expect(res.body).toMatch(/prongsai_jobs\{state="running"\} \d+/);
  });
});

describe('without METRICS_TOKEN', () => {
  it('answers /metrics with 404', async () => {
    const t = await buildTestApp(DIALECTS[0]!);
    try {
      expect((await t.app.inject('/metrics')).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

// A database that goes away and comes back: the app talks to PostgreSQL through a TCP relay that
// the test cuts and restores, as a stopped and restarted server would look to it.
describe.runIf(DIALECTS.includes('postgres'))('readiness while PostgreSQL is stopped', () => {
  it('is 503 while the database is unreachable and 200 when it is back', async () => {
    const target = new URL(TEST_POSTGRES_URL);
    const sockets = new Set<Socket>();
    let relay: Server = listenRelay();
    function listenRelay(port = 0): Server {
      const server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1');
      return server;
    }
    await new Promise((r) => relay.once('listening', r));
    const port = (relay.address() as { port: number }).port;
    const url = new URL(TEST_POSTGRES_URL);
    url.host = `127.0.0.1:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-ready-'));
    // Readiness needs the migration table: migrate a private schema through the relay.
    const schema = `t_ready_${randomBytes(4).toString('hex')}`;
    const admin = openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL });
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    const scoped = openDatabase({ kind: 'postgres', url: url.toString() }, { schema });
    try {
      await migrateToLatest(scoped.db);
      expect((await checkReadiness({ db: scoped.db, dataDir })).every((c) => c.ok)).toBe(true);
      await new Promise((r) => relay.close(r));
      for (const s of sockets) s.destroy();
      const down = await checkReadiness({ db: scoped.db, dataDir });
      expect(down.find((c) => c.name === 'database')).toMatchObject({ ok: false });
      relay = listenRelay(port);
      await new Promise((r) => relay.once('listening', r));
      let back = await checkReadiness({ db: scoped.db, dataDir });
      // The pool may hand out one dead connection first; a real probe polls, so poll briefly.
      for (let i = 0; i < 5 && !back.every((c) => c.ok); i += 1) back = await checkReadiness({ db: scoped.db, dataDir });
      expect(back.every((c) => c.ok)).toBe(true);
    } finally {
      await scoped.close().catch(() => {});
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
      await admin.close();
      relay.close();
      for (const s of sockets) s.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
