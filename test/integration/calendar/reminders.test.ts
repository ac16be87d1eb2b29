/**
 * The calendar and its reminders on both dialects: deadlines computed from the fiscal calendar
 * and the catalogue, editable, with overdue marks; the CLI's JSON contract; and two app instances
 * on one database sending exactly one reminder per due item (e-mail to a local SMTP server, LINE
 * Messaging API to a local HTTP stand-in), nothing twice on later runs.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';
import { mailText, startTestSmtp, type TestSmtp } from '../../support/smtp.js';
import { createServices, type Services } from '../../../src/app.js';
import { openDatabase, type Db } from '../../../src/db/index.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { runCalendar } from '../../../src/cli/commands/calendar.js';
import type { Config } from '../../../src/config/index.js';
import type { User } from '../../../src/modules/users/domain/user.js';

// 20 April 2566 (CE 2023): the 6-month reports of FY2566 fall due in ten days.
const clock = fixedClock('2023-04-20T03:00:00Z');

describe.each(DIALECTS)('calendar and reminders on %s', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  let smtp: TestSmtp;
  let line: Server;
  const linePushes: { auth: string; body: { to: string; messages: { text: string }[] } }[] = [];
  let second: Db;
  let a: Services;
  let b: Services;
  let admin: User;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    admin = (await t.services.users.listUsers(agencyId))[0]!;
    const pw = 'reminder-coordinator-pw';
    await t.services.users.createUser(SYSTEM_ACTOR, agencyId, { username: 'coord', displayName: 'ผู้ประสานงาน', email: 'coord@example.go.th', password: pw, passwordConfirm: pw, roles: ['coordinator'], unitId: null });
    smtp = await startTestSmtp();
    line = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        linePushes.push({ auth: String(req.headers.authorization), body: JSON.parse(body) as never });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => line.listen(0, '127.0.0.1', resolve));
    const linePort = (line.address() as { port: number }).port;
    const config: Config = {
      ...t.config,
      reminders: { mail: { url: smtp.url, from: 'Prongsai <no-reply@example.go.th>' }, line: { channelAccessToken: 'test-channel-token', to: 'Ugroup0001', apiBase: `http://127.0.0.1:${linePort}` }, intervalMinutes: 0, leadDays: 14 },
    };
    // Two app instances, each with its own connection(s) to the one database.
    a = createServices({ db: t.database.db, clock, config });
    second = openDatabase(t.database.configDatabase, t.database.pgSchema ? { schema: t.database.pgSchema, max: 4 } : {});
    b = createServices({ db: second.db, clock, config });
  });
  afterAll(async () => {
    await second.close();
    await smtp.close();
    await new Promise<void>((resolve) => line.close(() => resolve()));
    await t.close();
  });

  it('computes the year from the fiscal calendar and the catalogue, with overdue marks', async () => {
    const entries = await a.calendar.deadlines(agencyId, 2566);
    const o43 = entries.find((e) => e.item === 'O43')!;
    expect(o43).toMatchObject({ due: '2023-04-30', status: 'due' });
    expect(o43.what).toContain('O๔๓');
    const o13 = entries.find((e) => e.item === 'O13')!; // report on FY2565, due end of October 2565
    expect(o13).toMatchObject({ due: '2022-10-31', status: 'overdue' });
    expect(entries.map((e) => e.due)).toEqual([...entries.map((e) => e.due)].sort());
  });

  it('lets an officer move a date or mark an entry done; bad dates are refused in Thai', async () => {
    await a.calendar.edit(admin, 2566, 'oit:O13', { due: '', done: '1' });
    await a.calendar.edit(admin, 2566, 'oit:O17', { due: '2023-05-15', done: '0' });
    const entries = await a.calendar.deadlines(agencyId, 2566);
    expect(entries.find((e) => e.item === 'O13')!.status).toBe('done');
    expect(entries.find((e) => e.item === 'O17')).toMatchObject({ due: '2023-05-15', status: 'due', edited: true });
    // The field is a BE date: 20/05/2566 is 2023-05-20; a CE year typed there is refused in Thai.
    await a.calendar.edit(admin, 2566, 'oit:O17', { due: '20/05/2566', done: '0' });
    expect((await a.calendar.deadlines(agencyId, 2566)).find((e) => e.item === 'O17')!.due).toBe('2023-05-20');
    await expect(a.calendar.edit(admin, 2566, 'oit:O17', { due: '15/05/2023' })).rejects.toThrow('กรุณาตรวจสอบกำหนดส่ง');
  });

  it('CLI calendar --json prints the contract', async () => {
    const out: string[] = [];
    expect(await runCalendar(['--year', '2566', '--agency', 'test-town', '--json'], { out: (s) => out.push(s), err: () => undefined }, a)).toBe(0);
    const json = JSON.parse(out.join('')) as Record<string, unknown>[];
    expect(json.length).toBeGreaterThan(10);
    for (const e of json) {
      expect(Object.keys(e).sort()).toEqual(['due', 'item', 'status', 'what']);
      expect(e.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['done', 'due', 'overdue']).toContain(e.status);
      expect(e.item === null || /^O\d+$/.test(String(e.item))).toBe(true);
    }
  });

  it('two instances send one reminder per due item, by e-mail, LINE and in-app; nothing twice later', async () => {
    const horizon = '2023-05-04';
    const expected: string[] = [];
    for (const year of [2565, 2566]) {
      for (const e of await a.calendar.deadlines(agencyId, year)) if (e.status !== 'done' && e.due <= horizon) expected.push(`${year}|${e.key}`);
    }
    expect(expected.length).toBeGreaterThan(20);
    const runs = await Promise.all([a.calendar.runReminders('instance-a'), b.calendar.runReminders('instance-b'), a.calendar.runReminders('instance-a2'), b.calendar.runReminders('instance-b2')]);
    expect(runs.reduce((s, r) => s + r.claimed, 0)).toBe(expected.length);
    expect(runs.reduce((s, r) => s + r.failed, 0)).toBe(0);
    const deliveries = await a.calendar.deliveries(agencyId);
    expect(deliveries.map((d) => `${d.fiscal_year}|${d.entry_key}`).sort()).toEqual([...expected].sort());
    expect(new Set(deliveries.map((d) => d.claimed_by)).size).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.state === 'sent' && JSON.parse(d.channels).includes('email'))).toBe(true);
    // One e-mail per reminder, to the coordinator with an address, naming what is due and linking to it.
    expect(smtp.messages).toHaveLength(expected.length);
    expect(smtp.messages.every((m) => m.to.includes('coord@example.go.th'))).toBe(true);
    const o43 = smtp.messages.map(mailText).find((text) => text.includes('/admin/oit/2566/O43'));
    expect(o43).toContain('ใกล้ครบกำหนด ๓๐ เมษายน ๒๕๖๖');
    expect(linePushes).toHaveLength(expected.length);
    expect(linePushes[0]!.auth).toBe('Bearer test-channel-token');
    expect(linePushes[0]!.body.to).toBe('Ugroup0001');
    // In-app: the coordinator sees them.
    const coord = (await a.users.listUsers(agencyId)).find((u) => u.username === 'coord')!;
    expect((await a.calendar.notifications(coord)).length).toBeGreaterThan(0);

    const again = await Promise.all([a.calendar.runReminders('instance-a'), b.calendar.runReminders('instance-b')]);
    expect(again.reduce((s, r) => s + r.claimed, 0)).toBe(0);
    expect(smtp.messages).toHaveLength(expected.length);
  });
});
