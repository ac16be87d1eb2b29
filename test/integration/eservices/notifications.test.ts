/**
 * Citizens' notices on both databases: a citizen who left an e-mail address (web form or API)
 * or a LINE user id (API) is told of each state change and each staff reply — by the local test
 * SMTP server and a local stand-in of the LINE Messaging API — with only the tracking code, the
 * state and the status link; internal notes and requests without an address send nothing; two
 * app instances racing send each notice once; a failed channel is retried alone.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, mainText, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { mailText, startTestSmtp, type TestSmtp } from '../../support/smtp.js';
import { expectMatchesOpenApi } from '../../support/openapi.js';
import { createServices, type Services } from '../../../src/app.js';
import { openDatabase, type Db } from '../../../src/db/index.js';
import { actorOf } from '../../../src/platform/audit.js';
import type { Agency } from '../../../src/modules/agencies/domain/agency.js';
import type { User } from '../../../src/modules/users/domain/user.js';
import { movableClock } from './support.js';

const clock = movableClock('2024-02-01T03:00:00Z');
const LINE_USER = `U${'0123456789abcdef'.repeat(2)}`;
const FIELDS = { location: 'หน้าบ้านเลขที่ 99 ซอยวัดกลาง', problem: 'ไฟดับ' };

describe.each(DIALECTS)('citizen notices on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let smtp: TestSmtp;
  let line: Server;
  let lineFails = 0;
  const pushes: { auth: string; to: string; text: string }[] = [];
  let second: Db;
  let b: Services;
  let agency: Agency;
  let user: User;
  let light: string;

  const a = () => t.services;
  const rows = (requestId: string) => t.database.db.selectFrom('eservice_notifications').selectAll().where('request_id', '=', requestId).orderBy('created_at').execute();
  const apiSubmit = async (contact: Record<string, string>) => {
    const url = `/a/test-town/api/services/${light}/requests`;
    const res = await t.app.inject({ method: 'POST', url, payload: { fields: FIELDS, contact }, headers: { 'content-type': 'application/json' } });
    await expectMatchesOpenApi(t.app, 'POST', url, res);
    expect(res.statusCode, res.body).toBe(201);
    const code = (res.json() as { trackingCode: string }).trackingCode;
    const id = (await t.database.db.selectFrom('eservice_requests').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    return { code, id };
  };

  beforeAll(async () => {
    clock.set('2024-02-01T03:00:00Z'); // the clock is shared by both dialects' runs
    smtp = await startTestSmtp();
    line = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (lineFails > 0) {
          lineFails--;
          res.writeHead(500).end('{}');
          return;
        }
        const json = JSON.parse(body) as { to: string; messages: { text: string }[] };
        pushes.push({ auth: String(req.headers.authorization), to: json.to, text: json.messages[0]!.text });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => line.listen(0, '127.0.0.1', resolve));
    const linePort = (line.address() as { port: number }).port;
    t = await buildTestApp(dialect, {
      clock,
      config: {
        reminders: { mail: { url: smtp.url, from: 'Prongsai <no-reply@example.go.th>' }, intervalMinutes: 0, leadDays: 14 },
        eservices: { purgeIntervalHours: 0, noticeIntervalSeconds: 0, line: { channelAccessToken: 'citizen-line-token', apiBase: `http://127.0.0.1:${linePort}` } },
      },
    });
    admin = await setUpAgency(t);
    agency = (await t.services.agencies.findBySlug('test-town'))!;
    user = (await t.services.users.listUsers(agency.id))[0]!;
    light = (await t.services.eservices.enableTemplate(actorOf(user), agency.id, 'street-light-repair')).id;
    // A second app instance on its own connection; on PostgreSQL it has no scope outside a
    // request (as in production), so its scheduled pass must name its own.
    second = openDatabase(t.database.configDatabase, t.database.pgSchema ? { schema: t.database.pgSchema, max: 4 } : {});
    b = createServices({ db: second.db, clock, config: t.config });
  });
  afterAll(async () => {
    await a().eserviceNotices.settled();
    await b.eserviceNotices.settled();
    b.eserviceNotices.close();
    a().eserviceNotices.close();
    await second.close();
    await smtp.close();
    await new Promise<void>((resolve) => line.close(() => resolve()));
    await t.close();
  });

  it('tells the citizen of a state change and a staff reply by e-mail and LINE, with only the code, the state and the link', async () => {
    const email = 'somchai.citizen@example.com';
    const { code, id } = await apiSubmit({ email, phone: '0812345678', lineUserId: LINE_USER });
    expect(await rows(id)).toEqual([]); // receiving it is not news: the citizen saw the code on screen
    const before = smtp.messages.length;

    await a().eservices.changeState(user, actorOf(user), agency.id, id, 'in_progress', 'ช่างจะเข้าไปดูวันพรุ่งนี้ที่บ้านเลขที่ 99');
    await a().eservices.addMessage(user, actorOf(user), agency.id, id, 'ภายในเท่านั้น: เบอร์ของนายสมชาย', true);
    await a().eservices.addMessage(user, actorOf(user), agency.id, id, 'เปลี่ยนหลอดไฟแล้ว 3 ดวง', false);
    await a().eserviceNotices.settled();

    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(2); // the change and the reply; never the internal note
    expect(mails.every((m) => m.to.length === 1 && m.to[0] === email)).toBe(true);
    // The two nudges race each other: the order of arrival is not fixed.
    const texts = mails.map(mailText);
    const change = texts.find((x) => x.includes('สถานะใหม่'));
    const reply = texts.find((x) => x.includes('มีข้อความใหม่'));
    const link = `http://127.0.0.1:3000/a/test-town/eservice/track/${code}`;
    expect(change).toContain(code);
    expect(change).toContain('สถานะใหม่: กำลังดำเนินการ');
    expect(change).toContain(link);
    expect(reply).toContain('มีข้อความใหม่จากเจ้าหน้าที่');
    expect(reply).toContain(link);
    // Nothing of the request, its contact or the reply's text: the status page shows those.
    const sentTexts = [change!, reply!, ...pushes.map((p) => p.text)].join('\n');
    for (const secret of ['หน้าบ้านเลขที่ 99', 'ไฟดับ', '0812345678', 'ช่างจะเข้าไปดู', 'เปลี่ยนหลอดไฟแล้ว', 'ภายใน', 'สมชาย', 'somchai', LINE_USER]) {
      expect(sentTexts, secret).not.toContain(secret);
    }
    // The same two by LINE, to the citizen's own user id with the channel's token.
    expect(pushes.map((p) => [p.to, p.auth])).toEqual([
      [LINE_USER, 'Bearer citizen-line-token'],
      [LINE_USER, 'Bearer citizen-line-token'],
    ]);
    expect(pushes.map((p) => p.text).sort()).toEqual([change, reply].sort());
    const kept = (await rows(id)).sort((x, y) => y.kind.localeCompare(x.kind));
    expect(kept.map((r) => [r.kind, r.to_state, r.state, JSON.parse(r.channels!)])).toEqual([
      ['state', 'in_progress', 'sent', ['email', 'line']],
      ['reply', null, 'sent', ['email', 'line']],
    ]);
    // The outbox holds no address and no text.
    expect(JSON.stringify(kept)).not.toMatch(/somchai|U0123|หลอดไฟ/);
    // Staff see what the citizen was told and by which channels.
    const page = mainText((await admin.get(`/admin/eservices/requests/${id}`)).body);
    expect(page).toContain('การแจ้งผู้ยื่นคำขอ');
    expect(page).toContain('สถานะใหม่: กำลังดำเนินการ');
    expect(page).toMatch(/มีข้อความใหม่จากเจ้าหน้าที่ — .* — ส่งแล้ว \(อีเมล, LINE\)/);
  });

  it('queues nothing for a request without an address; a bad LINE user id is refused in Thai', async () => {
    const none = await apiSubmit({ phone: '0812345678' });
    await a().eservices.changeState(user, actorOf(user), agency.id, none.id, 'done', '');
    expect(await rows(none.id)).toEqual([]);
    // A bad LINE user id is refused in Thai, naming the field; nothing is stored.
    const res = await t.app.inject({ method: 'POST', url: `/a/test-town/api/services/${light}/requests`, payload: { fields: FIELDS, contact: { lineUserId: 'somchai' } }, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('contact.lineUserId');
    expect(res.body).toContain('LINE user id ไม่ถูกต้อง');
  });

  it('two instances racing (and the nudge after each change) send each notice exactly once', async () => {
    const before = smtp.messages.length;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await apiSubmit({ email: `race${i}@example.com` })).id);
    // Each change nudges instance a; the scheduled passes of a (another id) and b race it.
    await Promise.all([
      ...ids.map((id) => a().eservices.changeState(user, actorOf(user), agency.id, id, 'waiting_citizen', 'ขอสำเนาทะเบียนบ้าน')),
      b.eserviceNotices.deliverAll('instance-b'),
      a().eserviceNotices.deliverAll('instance-a2'),
      b.eserviceNotices.deliverAll('instance-b2'),
    ]);
    const more = await Promise.all([b.eserviceNotices.deliverAll('instance-b'), a().eserviceNotices.deliverAll('instance-a2')]);
    await a().eserviceNotices.settled();
    const mails = smtp.messages.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(ids.map((_, i) => `race${i}@example.com`).sort());
    const all = (await Promise.all(ids.map(rows))).flat();
    expect(all.map((r) => [r.state, Number(r.attempts)])).toEqual(ids.map(() => ['sent', 1]));
    // Later passes find nothing more to send.
    expect(more.every((r) => r.claimed === 0 || r.sent === r.claimed)).toBe(true);
    expect((await b.eserviceNotices.deliverAll('instance-b3')).claimed).toBe(0);
    expect(smtp.messages.length - before).toBe(ids.length);
  });

  it('keeps a failed channel for a retry by one instance, without resending what went out', async () => {
    const { id } = await apiSubmit({ email: 'retry@example.com', lineUserId: LINE_USER });
    const pushesBefore = pushes.length;
    const mailsBefore = smtp.messages.length;
    lineFails = 1;
    await a().eservices.changeState(user, actorOf(user), agency.id, id, 'in_progress', '');
    await a().eserviceNotices.settled();
    let [row] = await rows(id);
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(JSON.parse(row!.channels!)).toEqual(['email']);
    expect(row!.error).toContain('line: LINE Messaging API ตอบ 500');
    expect(row!.error).not.toContain(LINE_USER);
    // Not before the retry delay…
    expect((await b.eserviceNotices.deliverAll('instance-b')).claimed).toBe(0);
    // …then once, by one of the two instances, on LINE only.
    clock.set('2024-02-01T03:11:00Z');
    const runs = await Promise.all([b.eserviceNotices.deliverAll('instance-b'), a().eserviceNotices.deliverAll('instance-a2')]);
    expect(runs.reduce((s, r) => s + r.sent, 0)).toBe(1);
    [row] = await rows(id);
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    expect(JSON.parse(row!.channels!)).toEqual(['email', 'line']);
    expect(smtp.messages.length - mailsBefore).toBe(1);
    expect(pushes.length - pushesBefore).toBe(1);
  });

  it('never writes to a request purged meanwhile: its due notice is skipped', async () => {
    const { id } = await apiSubmit({ email: 'purged@example.com' });
    await smtp.close(); // the mail server is down (last test: nothing after it needs it)
    await a().eservices.changeState(user, actorOf(user), agency.id, id, 'done', '');
    await a().eserviceNotices.settled();
    expect((await rows(id))[0]).toMatchObject({ state: 'failed', attempts: 1 });
    clock.set('2024-12-01T03:00:00Z'); // the service's 180 days of retention are over
    await a().eserviceReports.anonymiseExpired(agency.id);
    const request = await t.database.db.selectFrom('eservice_requests').select(['contact_email', 'anonymised_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ contact_email: null, anonymised_at: expect.any(String) });
    const run = await b.eserviceNotices.deliverAll('instance-b');
    expect(run).toMatchObject({ claimed: 1, skipped: 1, failed: 0 });
    expect((await rows(id))[0]).toMatchObject({ state: 'skipped', attempts: 2 });
  });
});
