/**
 * E-service statistics by round on both databases: requests and satisfaction counted in the
 * round they fall in, the report files (DOCX checked in LibreOffice, PDF, CSV through the CLI),
 * the reports attached to the right year's OIT items by role, and the retention job.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, html, mainText, setUpAgency, signIn, type TestApp } from '../../support/app.js';
import { checkDocxInOffice, officeProblems, pdfLineBoxes, pdfPlainText } from '../../support/office.js';
import type { Agency } from '../../../src/modules/agencies/domain/agency.js';
import type { User } from '../../../src/modules/users/domain/user.js';
import { actorOf } from '../../../src/platform/audit.js';
import { runEservice } from '../../../src/cli/commands/eservice.js';
import { png } from '../oit/fixtures.js';
import { movableClock } from './support.js';

// FY2565 runs 2021-10-01 … 2022-09-30; its 6-month round ends 2022-03-31.
const clock = movableClock('2021-11-10T03:00:00Z');

describe.each(DIALECTS)('e-service statistics and reports on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agency: Agency;
  let user: User;
  let light: string;
  let petition: string;

  /** Submits on `day`, moves to `to` on `closeDay`, and answers the survey with `score` (1–5) if given. */
  async function request(service: string, day: string, to: 'done' | 'rejected' | null, closeDay: string, score?: number) {
    clock.set(`${day}T03:00:00Z`);
    const fields = service === light ? { location: 'หน้าวัด', problem: 'ไฟดับ' } : { full_name: 'ก', phone: '0812345678', address: 'บ้าน', subject: 'เรื่อง', details: 'รายละเอียด' };
    const { id, trackingCode } = await t.services.eservices.submitRequest(agency.id, service, { channel: service === light ? 'online' : 'api', fields });
    if (to) {
      clock.set(`${closeDay}T03:00:00Z`);
      await t.services.eservices.changeState(user, actorOf(user), agency.id, id, to, to === 'rejected' ? 'นอกเขตรับผิดชอบ' : '');
    }
    if (score) {
      const s = await t.services.eservices.status(agency.id, trackingCode);
      const a = String(score);
      await t.services.surveys.respond(agency.id, s.survey!.token, { process: a, time: a, staff: a, channel: a, overall: a });
    }
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    admin = await setUpAgency(t, { 'agency.digits': 'arabic' });
    agency = (await t.services.agencies.findBySlug('test-town'))!;
    user = (await t.services.users.listUsers(agency.id))[0]!;
    light = (await t.services.eservices.enableTemplate(actorOf(user), agency.id, 'street-light-repair')).id;
    petition = (await t.services.eservices.enableTemplate(actorOf(user), agency.id, 'general-petition')).id;
    // First half of FY2565: three light repairs (one late), one petition rejected.
    await request(light, '2021-11-10', 'done', '2021-11-12', 5); // 2 days, limit 7
    await request(light, '2021-12-01', 'done', '2021-12-20', 1); // 19 days: late
    await request(light, '2022-03-30', null, '');
    await request(petition, '2022-01-05', 'rejected', '2022-01-06');
    // Second half: one petition done with satisfaction 4.
    await request(petition, '2022-05-02', 'done', '2022-05-10', 4);
    // Next fiscal year: never in FY2565's figures.
    await request(light, '2022-10-03', 'done', '2022-10-04', 1);
    clock.set('2022-10-05T03:00:00Z');
    admin = await signIn(t, 'admin', ADMIN_PASSWORD); // the first session ended as the clock moved on
  });
  afterAll(async () => t.close());

  it('counts requests, handling time, the share within the time limit and satisfaction per round', async () => {
    const six = await t.services.eserviceReports.stats(agency.id, 2565, 6);
    expect(six.total).toBe(4);
    const l6 = six.services.find((s) => s.serviceId === light)!;
    expect([l6.total, l6.done, l6.open]).toEqual([3, 2, 1]);
    expect(l6.meanDays).toBeCloseTo((2 + 19) / 2);
    expect(l6.withinLimitShare).toBeCloseTo(0.5);
    expect(l6.satisfaction).toEqual({ responses: 2, score: 50 }); // (100 + 0) / 2 on a 0–100 scale
    expect(six.channels.find((c) => c.channel === 'api')!.total).toBe(1);
    expect(six.states.find((s) => s.state === 'rejected')!.total).toBe(1);

    const twelve = await t.services.eserviceReports.stats(agency.id, 2565, 12);
    expect(twelve.total).toBe(5);
    const p12 = twelve.services.find((s) => s.serviceId === petition)!;
    expect([p12.total, p12.done, p12.rejected]).toEqual([2, 1, 1]);
    expect(p12.satisfaction).toEqual({ responses: 1, score: 75 });
    expect(twelve.satisfaction.services).toBe(2);
    expect(twelve.satisfaction.score).toBeCloseTo((50 * 2 + 75) / 3);
    expect((await t.services.eserviceReports.stats(agency.id, 2566, 6)).total).toBe(1);

    const page = await admin.get('/admin/eservices/stats?year=2565&round=6');
    expect(html(page.body).querySelector('[data-stat="total"]')!.textContent).toBe('4');
    expect(page.body).toContain('อย่างน้อย 3 งานบริการ'); // fewer than three services with satisfaction

    // The executive summary (issue 11) carries the year's e-service figures, the same as the 12-month round.
    const exec = mainText((await admin.get('/admin/executive/2565')).body);
    expect(exec).toContain('บริการออนไลน์ (E-Service) ปี 2565');
    expect(exec).toContain('รับคำขอ 5 เรื่อง เสร็จสิ้น 3 ไม่อนุมัติ/ยุติ 1 ค้างดำเนินการ 1 เรื่อง');
    expect(exec).toContain('ความพึงพอใจ 58.3 จาก 100 (ผู้ตอบ 3 คน)');
    expect(mainText((await admin.get('/admin/executive/2564')).body)).toContain('ยังไม่มีคำขอบริการออนไลน์ของปีนี้ในระบบ');
  });

  it('writes the report as CSV, PDF and DOCX through the CLI; the DOCX reads right in LibreOffice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eservice-report-'));
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await runEservice(['report', '--year', '2565', '--round', '6', '--agency', 'test-town', '--out', join(dir, 'r.csv')], io, t.services)).toBe(0);
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
    expect(csv.split('\r\n'), csv).toContain('2565,6,แจ้งซ่อมไฟฟ้าสาธารณะ,งานบริการ,3,2,0,1,10.50,0.5000,2,50.00');
    expect(await runEservice(['report', '--year', '2565', '--round', '12', '--out', join(dir, 'r.pdf')], io, t.services)).toBe(0);
    const pdf = readFileSync(join(dir, 'r.pdf'));
    const text = await pdfPlainText(pdf);
    expect(text.replace(/\s+/g, '')).toContain('รอบ12เดือน(ปีงบประมาณพ.ศ.2565)');
    expect(await runEservice(['report', '--year', '2565', '--round', '12', '--out', join(dir, 'r.docx')], io, t.services)).toBe(0);
    const findings = await checkDocxInOffice(readFileSync(join(dir, 'r.docx')));
    expect(officeProblems(findings, { ownPages: (await pdfLineBoxes(pdf)).pages })).toEqual([]);
    expect(await runEservice(['report', '--year', '2565', '--round', '9', '--out', join(dir, 'x.pdf')], io, t.services).catch((e: Error) => e.message)).toContain('รอบรายงาน');
  });

  it('attaches the reports to the right year’s items by role with the round as period, and the public page to E-Service', async () => {
    await admin.get('/admin/eservices/stats?year=2565&round=6');
    const attached = await admin.submit('/admin/eservices/stats/2565/6/attach', {});
    expect(attached.statusCode, attached.body.slice(0, 3000)).toBe(303);
    expect((await admin.submit('/admin/eservices/stats/2565/12/attach', {})).statusCode).toBe(303);
    const rows = await t.database.db
      .selectFrom('oit_evidence as e')
      .innerJoin('oit_items as i', 'i.id', 'e.item_id')
      .select(['i.fiscal_year', 'i.code', 'e.source', 'e.source_ref', 'e.period_from', 'e.period_to', 'e.current_version_id'])
      .where('e.agency_id', '=', agency.id)
      .where('e.source', 'like', 'eservices:%')
      .orderBy('i.fiscal_year')
      .orderBy('i.code')
      .orderBy('e.source_ref')
      .execute();
    const simple = rows.map((r) => [Number(r.fiscal_year), r.code, r.source_ref, r.period_from, r.period_to]);
    // FY2565: O15 statistics (6 and 12 months). The satisfaction item (O16 in FY2565, O17 in
    // FY2566) asks for the previous year's report, so FY2565's 12-month report goes to FY2566.
    expect(simple).toEqual(
      expect.arrayContaining([
        [2565, 'O15', '2565-12', '2021-10-01', '2022-09-30'],
        [2565, 'O15', '2565-6', '2021-10-01', '2022-03-31'],
        [2566, 'O17', '2565-12', '2021-10-01', '2022-09-30'],
      ]),
    );
    expect(rows.filter((r) => r.source === 'eservices:report').every((r) => r.current_version_id !== null)).toBe(true);
    // The public page attached itself when the services were switched on (FY2565 E-Service = O17).
    expect(simple).toEqual(expect.arrayContaining([[2565, 'O17', 'page', '2021-10-01', '2022-09-30']]));
    expect(simple.filter((r) => r[0] === 2565 && r[1] === 'O16')).toEqual([]);
  });

  it('in FY2569 attaches the round reports and the public page to O10 E-Service (which absorbed service statistics), each claiming what it shows', async () => {
    const back = clock.now().toISOString();
    try {
      clock.set('2026-01-10T03:00:00Z'); // FY2569
      admin = await signIn(t, 'admin', ADMIN_PASSWORD);
      await admin.get('/admin/eservices/stats?year=2569&round=6');
      const attached = await admin.submit('/admin/eservices/stats/2569/6/attach', {});
      expect(attached.statusCode).toBe(303);
      expect((await t.services.eserviceReports.attachPublicPage(agency.id))?.code).toBe('O10');
      const rows = await t.database.db
        .selectFrom('oit_evidence as e')
        .innerJoin('oit_items as i', 'i.id', 'e.item_id')
        .select(['i.code', 'e.source_ref', 'e.elements', 'e.period_from', 'e.period_to'])
        .where('e.agency_id', '=', agency.id)
        .where('i.fiscal_year', '=', 2569)
        .orderBy('e.source_ref')
        .execute();
      expect(rows.map((r) => [r.code, r.source_ref, JSON.parse(r.elements), r.period_from, r.period_to])).toEqual([
        ['O10', '2569-6', ['statistics', 'year'], '2025-10-01', '2026-03-31'],
        ['O10', 'page', ['online-service', 'user-manual', 'year'], '2025-10-01', '2026-09-30'],
      ]);
      // The manual the page claims exists, lists the services' time limits and needs no account.
      const manual = await new TestClient(t.app).get('/a/test-town/eservice/manual');
      expect(manual.statusCode).toBe(200);
      expect(mainText(manual.body)).toContain('คู่มือการใช้งานระบบบริการออนไลน์');
      expect(mainText(manual.body)).toContain('แจ้งซ่อมไฟฟ้าสาธารณะ: ภายใน 7 วัน');
      expect(html((await new TestClient(t.app).get('/a/test-town/eservice')).body).querySelector('a[href="/a/test-town/eservice/manual"]')).not.toBeNull();
    } finally {
      clock.set(back);
      admin = await signIn(t, 'admin', ADMIN_PASSWORD);
    }
  });

  it('anonymises closed requests once their service’s retention has passed, keeping the statistics', async () => {
    clock.set('2022-01-10T03:00:00Z');
    const staged = await t.services.files.stage(agency.id, png(), 'photo.png');
    const { id } = await t.services.eservices.submitRequest(agency.id, light, { channel: 'online', fields: { location: 'บ้านนาย ก', problem: 'ไฟดับ', phone: '0899999999' }, contact: { phone: '0899999999' }, files: { photo: staged } });
    await t.services.eservices.addMessage(user, actorOf(user), agency.id, id, 'โทรหาคุณ ก แล้ว', true);
    await t.services.eservices.changeState(user, actorOf(user), agency.id, id, 'done', '');
    const before = (await t.services.eserviceReports.stats(agency.id, 2565, 6)).total;
    clock.set('2022-06-30T03:00:00Z'); // 171 days after closing: retention (180) not over
    await t.services.eserviceReports.anonymiseExpired(agency.id);
    expect((await t.database.db.selectFrom('eservice_requests').select('anonymised_at').where('id', '=', id).executeTakeFirstOrThrow()).anonymised_at).toBeNull();
    clock.set('2022-07-20T03:00:00Z');
    const out: string[] = [];
    expect(await runEservice(['purge', '--agency', 'test-town'], { out: (s) => out.push(s), err: (s) => out.push(s) }, t.services)).toBe(0);
    expect(out.join('')).toMatch(/[1-9]\d* เรื่อง/);
    const row = await t.database.db.selectFrom('eservice_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.fields).toBe('{}');
    expect(row.contact_phone).toBeNull();
    expect(row.anonymised_at).not.toBeNull();
    const files = await t.database.db.selectFrom('eservice_request_files').select('id').where('request_id', '=', id).execute();
    expect(files).toEqual([]);
    expect((await t.database.db.selectFrom('stored_files').select('id').where('storage_key', '=', staged.storageKey).execute()).length).toBe(0);
    const messages = await t.database.db.selectFrom('eservice_messages').select('body').where('request_id', '=', id).execute();
    expect(messages.map((m) => m.body).join()).not.toContain('คุณ ก');
    expect((await t.services.eserviceReports.stats(agency.id, 2565, 6)).total).toBe(before);
  });

  it('shows satisfaction per responsible unit as well as per service', async () => {
    const back = clock.now().toISOString();
    try {
      const units = await t.services.agencies.listUnits(agency.id);
      const works = units.find((u) => u.nameTh === 'กองช่าง')!;
      const palad = units.find((u) => u.nameTh === 'สำนักปลัด')!;
      clock.set('2024-01-10T03:00:00Z'); // FY2567, a year no other test uses
      const tax = (await t.services.eservices.enableTemplate(actorOf(user), agency.id, 'tax-inquiry', { unitId: palad.id })).id;
      const repair = (await t.services.eservices.enableTemplate(actorOf(user), agency.id, 'street-light-repair', { unitId: works.id })).id;
      const answer = async (service: string, fields: Record<string, string>, score: number) => {
        const { id, trackingCode } = await t.services.eservices.submitRequest(agency.id, service, { channel: 'online', fields });
        await t.services.eservices.changeState(user, actorOf(user), agency.id, id, 'done', '');
        const token = (await t.services.eservices.status(agency.id, trackingCode)).survey!.token;
        const a = String(score);
        await t.services.surveys.respond(agency.id, token, { process: a, time: a, staff: a, channel: a, overall: a });
      };
      await answer(repair, { location: 'ซอย 1', problem: 'ไฟดับ' }, 5);
      await answer(repair, { location: 'ซอย 2', problem: 'ไฟดับ' }, 3);
      await answer(tax, { full_name: 'ก', phone: '0812345678', tax: 'ภาษีป้าย', question: 'ยื่นเมื่อไร' }, 4);
      const stats = await t.services.eserviceReports.stats(agency.id, 2567, 12);
      expect(stats.units).toEqual([
        { unitId: works.id, name: 'กองช่าง', responses: 2, score: 75 },
        { unitId: palad.id, name: 'สำนักปลัด', responses: 1, score: 75 },
      ]);
      admin = await signIn(t, 'admin', ADMIN_PASSWORD);
      const page = html((await admin.get('/admin/eservices/stats?year=2567&round=12')).body);
      expect(page.querySelector(`tr[data-unit="${works.id}"]`)!.textContent!.replace(/\s+/g, '')).toBe('กองช่าง275.0');
      expect((await t.services.eserviceReports.stats(agency.id, 2566, 12)).units).toEqual([]);
    } finally {
      clock.set(back);
      admin = await signIn(t, 'admin', ADMIN_PASSWORD);
    }
  });
});
