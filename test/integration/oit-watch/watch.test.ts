/**
 * The watch on the public OIT pages on both dialects, against a REAL local HTTP server that plays
 * the agency's own website (same URL shape as the portal) and whose pages change and break
 * between runs: a linked file that disappears is found, raises ONE reminder (not one per run,
 * and not one per instance: two app instances on one database claim each run once), stays one
 * open alert while broken, is resolved when the file is back, and every check is kept as the
 * item's history.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, buildTestApp, setUpAgency, signIn, type TestApp, type TestClient } from '../../support/app.js';
import { createServices, type Services } from '../../../src/app.js';
import { openDatabase, type Db } from '../../../src/db/index.js';
import type { Clock } from '../../../src/shared/clock.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('OIT watch on %s', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  let agencyId: string;
  let site: Server;
  let origin = '';
  let fileBroken = false;
  let hits = 0;
  let now = new Date('2026-03-10T01:00:00Z'); // FY2569
  const clock: Clock = { now: () => now };
  let codes: string[] = [];
  let second: Db;
  let a: Services;
  let b: Services;

  beforeAll(async () => {
    site = createServer((req, res) => {
      hits++;
      const path = new URL(req.url!, 'http://x').pathname;
      const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><body><main>${body}</main></body></html>`);
      if (path === '/a/test-town/oit/2569') return void html(codes.map((c) => `<a href="/a/test-town/oit/2569/${c}">${c}</a>`).join(' '));
      const m = /^\/a\/test-town\/oit\/2569\/([A-Z0-9]+)$/.exec(path);
      if (m && codes.includes(m[1]!)) return void html(m[1] === 'O1' ? '<h1>O1</h1><a href="/files/plan.pdf">แผน</a>' : `<h1>${m[1]}</h1><p>ข้อมูล</p>`);
      if (path === '/files/plan.pdf' && !fileBroken) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n%test\n');
      res.writeHead(404, { 'content-type': 'text/html' }).end('not found');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    t = await buildTestApp(dialect, { clock, outboundAllowPrivate: ['127.0.0.1/32'] });
    client = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    await t.database.db.updateTable('agencies').set({ website_url: `${origin}/` }).where('id', '=', agencyId).execute();
    codes = (await t.services.catalogues.getCatalogue(2569))!.oitItems.map((i) => i.code);
    a = createServices({ db: t.database.db, clock, config: t.config });
    second = openDatabase(t.database.configDatabase, t.database.pgSchema ? { schema: t.database.pgSchema, max: 4 } : {});
    b = createServices({ db: second.db, clock, config: t.config });
  }, 60_000);
  afterAll(async () => {
    await second.close();
    await new Promise<void>((r) => site.close(() => r()));
    await t.close();
  });

  const notifications = async () =>
    (await t.database.db.selectFrom('notifications').select('text_th').where('agency_id', '=', agencyId).execute()).filter((n) => n.text_th.includes('OIT'));
  const openAlerts = () => t.database.db.selectFrom('oit_watch_alerts').selectAll().where('agency_id', '=', agencyId).where('resolved_at', 'is', null).execute();

  it('checks a healthy site from the outside and finds nothing', async () => {
    const r = await a.oitWatch.runWatch('instance-a');
    expect(r).toMatchObject({ runs: 1, problems: 0, opened: 0 });
    expect(hits).toBeGreaterThan(codes.length);
    expect(await notifications()).toHaveLength(0);
  });

  it('finds a file that went missing and sends one reminder, once across two instances', async () => {
    now = new Date('2026-03-11T01:00:00Z');
    fileBroken = true;
    const [ra, rb] = await Promise.all([a.oitWatch.runWatch('instance-a'), b.oitWatch.runWatch('instance-b')]);
    expect(ra.runs + rb.runs).toBe(1);
    expect(ra.skipped + rb.skipped).toBe(1);
    const open = await openAlerts();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ code: 'O1', url: `${origin}/files/plan.pdf`, problem: 'เปิดไม่ได้ (HTTP 404)' });
    const sent = await notifications();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text_th).toContain('O1');
  });

  it('does not remind again while the link stays broken on later days', async () => {
    now = new Date('2026-03-12T01:00:00Z');
    expect(await a.oitWatch.runWatch('instance-a')).toMatchObject({ runs: 1, problems: 1, opened: 0, reminders: 0 });
    now = new Date('2026-03-13T01:00:00Z');
    await b.oitWatch.runWatch('instance-b');
    expect(await openAlerts()).toHaveLength(1);
    expect(await notifications()).toHaveLength(1);
  });

  it('shows the problem on the dashboard and keeps the item\'s history; a fixed file closes the alert', async () => {
    // Days have passed on the test clock: sign in again.
    client = await signIn(t, 'admin', ADMIN_PASSWORD);
    const dash = await client.get('/admin');
    expect(dash.body).toMatch(/id="oit-watch-card"><div class="card-value">๑</);
    const page = await client.get('/admin/oit/watch');
    expect(page.statusCode).toBe(200);
    expect(toArabicDigits(page.body)).toContain('เปิดไม่ได้ (HTTP 404)'); // in the agency's digits
    now = new Date('2026-03-14T01:00:00Z');
    fileBroken = false;
    expect(await a.oitWatch.runWatch('instance-a')).toMatchObject({ problems: 0, resolved: 1 });
    expect(await openAlerts()).toHaveLength(0);
    client = await signIn(t, 'admin', ADMIN_PASSWORD);
    const history = await client.get('/admin/oit/watch/2569/O1');
    expect(history.statusCode).toBe(200);
    const fileChecks = (await a.oitWatch.itemHistory(agencyId, 2569, 'O1')).filter((c) => c.kind === 'file');
    expect(fileChecks.map((c) => Number(c.ok))).toEqual([1, 0, 0, 0, 1]);
    expect((await client.get('/admin/oit/watch')).body).toContain('watch-ok');
  });
});
