/**
 * Optional "something is waiting" to handlers by e-mail (the calendar's SMTP channel, the local
 * test SMTP server) and LINE (a local stand-in for the Messaging API): off until the agency turns
 * it on; then one fixed text per handler, nothing of the report — no description, category,
 * who/where, reporter name — and nobody the reporter excluded; LINE stays quiet for such reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { buildTestApp, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { mailText, startTestSmtp, type TestSmtp } from '../../support/smtp.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { jsonPost, movableClock, openChannel } from './support.js';

const SLUG = 'test-town';
const STORY = 'นายกเทศมนตรีสั่งซื้อรถยนต์จากบริษัทของญาติในราคาสูงเกินจริง';
const WHO = 'บริษัทญาติผู้บริหาร จำกัด';
const NAME = 'ผู้แจ้งที่ไม่อยากเปิดเผย';
const LINE_GROUP = 'C0123456789abcdef0123456789abcdef';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for a notice');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe.each(DIALECTS)('handler notices by e-mail and LINE (%s)', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let line: Server;
  const pushes: { to: string; text: string }[] = [];
  const clock = movableClock();
  let agencyId: string;
  let admin: TestClient;
  let otherId = '';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    line = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const b = JSON.parse(body) as { to: string; messages: { text: string }[] };
        pushes.push({ to: b.to, text: b.messages[0]!.text });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => line.listen(0, '127.0.0.1', resolve));
    const linePort = (line.address() as { port: number }).port;
    t = await buildTestApp(dialect, {
      clock,
      config: { reminders: { mail: { url: smtp.url, from: 'Prongsai <no-reply@example.go.th>' }, line: { channelAccessToken: 'test-channel-token', to: 'Uunused00', apiBase: `http://127.0.0.1:${linePort}` }, intervalMinutes: 0, leadDays: 14 } },
    });
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug(SLUG))!.id;
    await openChannel(t, clock, agencyId, 'handler1', ['complaint_custodian']);
    const pw = 'second-handler-password';
    for (const n of ['2', '3']) {
      await t.services.users.createUser(SYSTEM_ACTOR, agencyId, { username: `handler${n}`, displayName: `ผู้รับผิดชอบ ${n}`, email: `handler${n}@example.go.th`, password: pw, passwordConfirm: pw, roles: ['complaint_handler'], unitId: null });
    }
    otherId = (await t.services.users.listUsers(agencyId)).find((u) => u.username === 'handler2')!.id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await new Promise<void>((resolve) => line.close(() => resolve()));
  });

  it('sends nothing while the agency has not turned notices on', async () => {
    const res = await jsonPost(t, `/a/${SLUG}/api/corruption-reports`, { category: 'procurement', description: STORY, involvesExecutive: false });
    expect(res.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toHaveLength(0);
    expect(pushes).toHaveLength(0);
  });

  it('the administrator turns them on (a bad LINE id is refused with a Thai message)', async () => {
    const c = admin;
    await c.get('/admin/complaints/notifications');
    const bad = await c.submit('/admin/complaints/notifications', { notifyEmail: 'yes', notifyLineTo: 'group-of-everyone' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('LINE id ต้องขึ้นต้นด้วย');
    const ok = await c.submit('/admin/complaints/notifications', { notifyEmail: 'yes', notifyLineTo: LINE_GROUP });
    expect(ok.statusCode).toBe(303);
  });

  it('a new report: one e-mail per handler and one LINE push, none with anything of the report', async () => {
    const res = await jsonPost(t, `/a/${SLUG}/api/corruption-reports`, { category: 'conflict_of_interest', description: STORY, who: WHO, where: 'สำนักงานเทศบาล', involvesExecutive: true, identity: { name: NAME, phone: '0812345678' } });
    expect(res.statusCode).toBe(201);
    await until(() => smtp.messages.length === 2 && pushes.length === 1);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(['handler2@example.go.th', 'handler3@example.go.th']);
    const forbidden = [STORY, WHO, NAME, '0812345678', 'สำนักงานเทศบาล', 'conflict', 'ผลประโยชน์ทับซ้อน', 'ผู้บริหาร', (res.json() as { receipt: string }).receipt];
    for (const m of smtp.messages) {
      expect(m.to).toHaveLength(1);
      const text = mailText(m);
      expect(text).toContain('/admin/complaints');
      for (const f of forbidden) expect(m.data + text, f).not.toContain(f);
    }
    expect(pushes[0]!.to).toBe(LINE_GROUP);
    for (const f of forbidden) expect(pushes[0]!.text).not.toContain(f);
  });

  it('a report excluding a handler: no e-mail to them, and no LINE push to the group', async () => {
    smtp.messages.length = 0;
    pushes.length = 0;
    const res = await jsonPost(t, `/a/${SLUG}/api/corruption-reports`, { category: 'bribery', description: STORY, involvesExecutive: false, excludeHandlerIds: [otherId] });
    expect(res.statusCode).toBe(201);
    await until(() => smtp.messages.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.map((m) => m.to).flat()).toEqual(['handler3@example.go.th']);
    expect(pushes).toHaveLength(0);
  });
});
