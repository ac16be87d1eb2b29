/**
 * Participation on both databases: a published hearing takes registrations and opinions without
 * an account (names never published), the report is refused until its four elements are there,
 * then comes out as page, DOCX (checked in LibreOffice) and PDF and is attached by role to the
 * year's participation item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, staffClient, type TestApp } from '../../support/app.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { findOitItemByRole } from '../../../src/modules/catalogue/index.js';
import { checkDocxInOffice, officeProblems, pdfPlainText, squash } from '../../support/office.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('participation on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let id: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fixedClock('2026-03-01T03:00:00Z') }); // FY2569
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(() => t.close());

  it('refuses a bad activity with Thai messages and publishes a good one', async () => {
    await admin.get('/admin/participation');
    const bad = await admin.submit('/admin/participation', { kind: '', title: '', place: '', startsOn: '2026-03-10', endsOn: '2026-03-01' });
    expect(bad.statusCode).toBe(400);
    const text = mainText(bad.body);
    for (const m of ['กรุณาเลือกรูปแบบการมีส่วนร่วม', 'กรุณาระบุชื่อกิจกรรม', 'กรุณาระบุสถานที่']) expect(text).toContain(m);
    const dates = await admin.submit('/admin/participation', { kind: 'other', title: 'กิจกรรม', place: 'หอประชุม', startsOn: '2026-03-10', endsOn: '2026-03-01' });
    expect(mainText(dates.body)).toContain('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม');
    // Dates are typed the Buddhist-era way; an unreadable one is named, and what was typed is kept.
    const unreadable = await admin.submit('/admin/participation', { kind: 'other', title: 'กิจกรรม', place: 'หอประชุม', startsOn: '๑๐/๐๓/๒๕๖๙', endsOn: '31/02/2569x' });
    expect(unreadable.statusCode).toBe(400);
    expect(mainText(unreadable.body)).toContain('"วันสิ้นสุด" ไม่ใช่วันที่ที่อ่านได้');
    expect(html(unreadable.body).querySelector('input[name="endsOn"]')?.getAttribute('value')).toBe('31/02/2569x');
    expect(await t.services.participation.list(agencyId)).toEqual([]);
    const ok = await admin.submit('/admin/participation', { kind: 'budget-hearing', title: 'รับฟังความคิดเห็นงบประมาณ 2570', issue: '', place: 'หอประชุม', startsOn: '2026-03-10', endsOn: '2026-03-10', acceptsOnline: '1', published: '1' });
    expect(ok.statusCode).toBe(303);
    id = (ok.headers.location as string).split('/').pop()!;
    expect(toArabicDigits(mainText((await new TestClient(t.app).get('/a/test-town/participation')).body))).toContain('รับฟังความคิดเห็นงบประมาณ 2570');
  });

  it('takes registrations and opinions without an account and never shows names publicly', async () => {
    const c = new TestClient(t.app);
    await c.get(`/a/test-town/participation/${id}`);
    const noName = await c.submit(`/a/test-town/participation/${id}`, { kind: 'register', name: '' });
    expect(noName.statusCode).toBe(400);
    expect(mainText(noName.body)).toContain('กรุณาระบุชื่อผู้ลงทะเบียน');
    expect((await c.submit(`/a/test-town/participation/${id}`, { kind: 'register', name: 'นายลงทะเบียน ลับ', contact: '0811111111' })).statusCode).toBe(303);
    expect((await c.submit(`/a/test-town/participation/${id}`, { kind: 'opinion', opinion: 'ควรเพิ่มงบซ่อมถนน' })).statusCode).toBe(303);
    const page = (await c.get(`/a/test-town/participation/${id}`)).body;
    expect(mainText(page)).toMatch(/ลงทะเบียน\s*๑\s*คน\s*·\s*ความคิดเห็น\s*๑\s*รายการ/);
    expect(page).not.toContain('นายลงทะเบียน');
    expect(mainText((await admin.get(`/admin/participation/${id}`)).body)).toContain('นายลงทะเบียน ลับ');
  });

  it('refuses the report until the four elements are there, naming each', async () => {
    await admin.get(`/admin/participation/${id}`);
    const res = await admin.submit(`/admin/participation/${id}/report`, {});
    expect(res.statusCode).toBe(400);
    const text = mainText(res.body);
    for (const m of ['กรุณาระบุประเด็นที่เปิดให้มีส่วนร่วม', 'กรุณาระบุผู้เข้าร่วม (กลุ่มและจำนวน)', 'กรุณาระบุผลที่ได้จากการมีส่วนร่วม', 'กรุณาระบุการนำผลไปใช้']) expect(text).toContain(m);
    const badGroups = await admin.submit(`/admin/participation/${id}/results`, { issue: 'x', groups: 'ผู้นำชุมชน', outcome: '', useOfResult: '' });
    expect(toArabicDigits(mainText(badGroups.body))).toContain('บรรทัดที่ 1: ต้องเป็น "กลุ่มผู้เข้าร่วม|จำนวนคน"');
    expect((await t.services.participation.get(agencyId, id)).issue).toBe('');
    expect((await new TestClient(t.app).get(`/a/test-town/participation/${id}/report`)).statusCode).toBe(404);
  });

  it('produces the report (page, DOCX in LibreOffice, PDF) and attaches it to the year’s participation item', async () => {
    expect(
      (
        await admin.submit(`/admin/participation/${id}/results`, {
          issue: 'การจัดลำดับโครงการในร่างข้อบัญญัติงบประมาณ',
          groups: 'ผู้นำชุมชน|12\nประชาชนทั่วไป|40',
          outcome: 'ที่ประชุมเสนอให้เพิ่มงบซ่อมถนนสายหลัก',
          useOfResult: 'ปรับร่างข้อบัญญัติเพิ่มงบซ่อมถนน 500,000 บาท',
        })
      ).statusCode,
    ).toBe(303);
    await admin.get(`/admin/participation/${id}`);
    expect((await admin.submit(`/admin/participation/${id}/report`, {})).statusCode).toBe(303);

    const page = mainText((await new TestClient(t.app).get(`/a/test-town/participation/${id}/report`)).body);
    for (const s of ['๑. ประเด็นที่เปิดให้มีส่วนร่วม', 'การจัดลำดับโครงการ', '๒. ผู้มีส่วนร่วม', 'ผู้เข้าร่วมรวม ๕๒ คน', '๓. ผลที่ได้', 'เพิ่มงบซ่อมถนนสายหลัก', '๔. การนำผลไปใช้', 'ปรับร่างข้อบัญญัติ']) expect(page).toContain(s);

    const pdf = await t.app.inject({ method: 'GET', url: `/a/test-town/participation/${id}/report.pdf` });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const pdfText = squash(await pdfPlainText(pdf.rawPayload));
    for (const s of ['ประเด็นที่เปิดให้มีส่วนร่วม', 'ผู้มีส่วนร่วม', 'ผลที่ได้จากการมีส่วนร่วม', 'การนำผลไปใช้', 'ประชาชนทั่วไป']) expect(pdfText).toContain(squash(s));

    const docx = await t.app.inject({ method: 'GET', url: `/a/test-town/participation/${id}/report.docx` });
    expect(docx.statusCode).toBe(200);
    if (dialect === DIALECTS[0]) expect(officeProblems(await checkDocxInOffice(docx.rawPayload))).toEqual([]);

    const item = findOitItemByRole((await t.services.catalogues.getCatalogue(2569))!, 'participation')!;
    const view = await t.services.oit.loadYear(agencyId, 2569, { withPeople: false });
    const evidence = view.items.find((i) => i.code === item.code)!.evidence;
    expect(evidence.map((e) => e.url)).toEqual([`http://127.0.0.1:3000/a/test-town/participation/${id}/report`]);
  });

  it('keeps staff pages to those who manage participation', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer3', ['viewer']);
    expect((await viewer.get('/admin/participation')).statusCode).toBe(403);
    expect((await viewer.get(`/admin/participation/${id}/report.docx`)).statusCode).toBe(403);
  });
});
