/**
 * The watch on both dialects against REAL local sites: a plain HTTP site whose O1 page answers
 * slower than the configured threshold (OIT_WATCH_SLOW_MS, here 400 ms), and an HTTPS site with
 * a self-signed certificate (made with openssl for the test) that no evaluator's browser would
 * open. Each problem is shown on the watch page and sent once through the calendar's channels:
 * the in-app notice and an e-mail to a local SMTP test server (SMTP_URL).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, buildTestApp, setUpAgency, signIn, type TestApp } from '../../support/app.js';
import { mailText, startTestSmtp, type TestSmtp } from '../../support/smtp.js';
import type { Clock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';

const SLOW_MS = 400;

/** A self-signed certificate for 127.0.0.1, valid for a day. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'watch-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('OIT watch: a slow page and an HTTPS error on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let agencyId: string;
  let plain: Server;
  let tls: Server;
  let codes: string[] = [];
  let now = new Date('2026-03-10T01:00:00Z'); // FY2569
  const clock: Clock = { now: () => now };

  /** The agency's own website, the same URL shape as the portal; O1 is slow. */
  const site = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><body><main>${body}</main></body></html>`);
    if (path === '/a/test-town/oit/2569') return void html(codes.map((c) => `<a href="/a/test-town/oit/2569/${c}">${c}</a>`).join(' '));
    const m = /^\/a\/test-town\/oit\/2569\/([A-Z0-9]+)$/.exec(path);
    if (m && codes.includes(m[1]!)) {
      if (m[1] === 'O1') return void setTimeout(() => html('<h1>O1</h1><p>ข้อมูลพื้นฐาน</p>'), SLOW_MS + 400);
      return void html(`<h1>${m[1]}</h1><p>ข้อมูล</p>`);
    }
    res.writeHead(404).end('not found');
  };

  beforeAll(async () => {
    plain = createServer(site);
    tls = createTlsServer(selfSigned(), site);
    await Promise.all([new Promise<void>((r) => plain.listen(0, '127.0.0.1', r)), new Promise<void>((r) => tls.listen(0, '127.0.0.1', r))]);
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, {
      clock,
      outboundAllowPrivate: ['127.0.0.1/32'],
      config: { oitWatch: { intervalHours: 24, slowMs: SLOW_MS }, reminders: { mail: { url: smtp.url, from: 'Prongsai <no-reply@example.go.th>' }, intervalMinutes: 0, leadDays: 14 } },
    });
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    const pw = 'coordinator-password-1';
    await t.services.users.createUser(SYSTEM_ACTOR, agencyId, { username: 'coord', displayName: 'ผู้ประสานงาน', email: 'coord@example.go.th', password: pw, passwordConfirm: pw, roles: ['coordinator'], unitId: null });
    codes = (await t.services.catalogues.getCatalogue(2569))!.oitItems.map((i) => i.code);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([new Promise<void>((r) => plain.close(() => r())), new Promise<void>((r) => tls.close(() => r()))]);
    await smtp.close();
    await t.close();
  });

  const website = (url: string) => t.database.db.updateTable('agencies').set({ website_url: url }).where('id', '=', agencyId).execute();
  const openAlerts = () => t.database.db.selectFrom('oit_watch_alerts').selectAll().where('agency_id', '=', agencyId).where('resolved_at', 'is', null).execute();
  const mails = () => smtp.messages.filter((m) => m.to.includes('coord@example.go.th')).map(mailText);

  it('reports a page slower than the configured threshold, once, by e-mail and in the app', async () => {
    await website(`http://127.0.0.1:${(plain.address() as { port: number }).port}/`);
    const r = await t.services.oitWatch.runWatch('instance-a');
    expect(r).toMatchObject({ runs: 1, problems: 1, opened: 1, reminders: 1 });
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({ code: 'O1' });
    expect(alert!.problem).toMatch(/^ช้า \(\d+\.\d วินาที\)$/);
    expect(JSON.parse(String(alert!.notified))).toEqual(['in-app', 'email']);
    expect(mails()).toHaveLength(1);
    expect(mails()[0]).toContain('O1');
    expect(mails()[0]).toContain('ช้า');
    // Still slow the next day: the same alert, no second reminder.
    now = new Date('2026-03-11T01:00:00Z');
    expect(await t.services.oitWatch.runWatch('instance-a')).toMatchObject({ problems: 1, opened: 0, reminders: 0 });
    expect(mails()).toHaveLength(1);
  }, 60_000);

  it('reports an HTTPS error (self-signed certificate) on the agency\'s site, shown on the watch page', async () => {
    now = new Date('2026-03-12T01:00:00Z');
    const origin = `https://127.0.0.1:${(tls.address() as { port: number }).port}`;
    await website(`${origin}/`);
    const r = await t.services.oitWatch.runWatch('instance-a');
    expect(r).toMatchObject({ runs: 1, reminders: 1 });
    const onTls = (await openAlerts()).filter((a) => a.url.startsWith(origin));
    // The year's index and every item page: none opens for an evaluator.
    expect(onTls.length).toBe(codes.length + 1);
    for (const a of onTls) expect(a.problem).toContain('HTTPS ผิดพลาด: ใบรับรองความปลอดภัยของเว็บไซต์ใช้ไม่ได้');
    expect(onTls.map((a) => a.problem).join(' ')).toMatch(/SELF_SIGNED|self-signed|self signed/i);
    expect(mails()).toHaveLength(2);
    expect(mails()[1]).toContain('HTTPS ผิดพลาด');
    const client = await signIn(t, 'admin', ADMIN_PASSWORD);
    const page = await client.get('/admin/oit/watch');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('HTTPS ผิดพลาด');
    expect(page.body).toMatch(/ช้า \(/);
  }, 60_000);
});
