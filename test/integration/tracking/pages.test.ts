/**
 * The pages of tracking, reports, calendar and the executive summary through HTTP on both
 * dialects: unit staff update only their own unit's measures (with a photo), the coordinator
 * produces a report (refused in Thai without problems/suggestions; spreadsheet import refused as a
 * whole with row and column named), the public report page, the executive summary as a one-page PDF.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, html, mainText, setUpAgency, staffClient, TestClient, type TestApp } from '../../support/app.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { samplePhoto } from '../../../src/modules/tracking/index.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

const SEED = JSON.parse(readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as unknown;

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('แผนดำเนินงาน');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(DIALECTS)('tracking pages on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    await t.services.results.saveResultsJson(SYSTEM_ACTOR, agencyId, SEED);
    await t.services.plans.draft(SYSTEM_ACTOR, agencyId, 2565);
  });
  afterAll(async () => t.close());

  it('unit staff update their own unit\'s measure with a note and a photo, and may not touch another unit\'s', async () => {
    const units = await t.services.agencies.listUnits(agencyId);
    const finance = units.find((u) => u.nameTh === 'กองคลัง')!;
    const measures = await t.services.tracking.listMeasures(agencyId, 2566);
    const own = measures.find((m) => m.unitId === finance.id)!;
    const other = measures.find((m) => m.unitId !== finance.id)!;
    const staffer = await staffClient(t, agencyId, 'finance', ['unit_staff'], finance.id);
    const page = await staffer.get(`/admin/measures/2566/${own.id}`);
    expect(page.statusCode).toBe(200);
    const bad = await staffer.submit(`/admin/measures/2566/${own.id}`, { status: 'done', doneOn: '', plannedFrom: own.plannedFrom, plannedTo: own.plannedTo, activities: 'ก', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('กรุณาระบุวันที่ดำเนินการแล้วเสร็จ');
    const ok = await staffer.submit(`/admin/measures/2566/${own.id}`, { status: 'in_progress', doneOn: '', plannedFrom: own.plannedFrom, plannedTo: own.plannedTo, activities: own.activities.join('\n'), note: 'จัดประชุมชี้แจงแล้ว' });
    expect(ok.statusCode).toBe(303);
    await staffer.get(`/admin/measures/2566/${own.id}`);
    const up = await staffer.upload(`/admin/measures/2566/${own.id}/evidence`, { title: 'ภาพการประชุม', url: '' }, [{ field: 'file', filename: 'ประชุม.png', content: samplePhoto(), contentType: 'image/png' }]);
    expect(up.statusCode).toBe(303);
    const after = await staffer.get(`/admin/measures/2566/${own.id}`);
    const img = html(after.body).querySelector('#measure-evidence img')!;
    expect(img.getAttribute('alt')).toBe('ภาพการประชุม');
    const photo = await staffer.get(img.getAttribute('src')!);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/png');
    expect(mainText(after.body)).toContain('จัดประชุมชี้แจงแล้ว');

    const otherPage = await staffer.get(`/admin/measures/2566/${other.id}`);
    expect(mainText(otherPage.body)).toContain('ท่านดูได้เท่านั้น');
    const refused = await staffer.submit(`/admin/measures/2566/${other.id}`, { status: 'done', doneOn: '2023-01-01', plannedFrom: other.plannedFrom, plannedTo: other.plannedTo, activities: 'x' });
    expect(refused.statusCode).toBe(403);
    expect((await t.services.tracking.getMeasure(agencyId, other.id)).status).toBe('not_started');
  });

  it('refuses a report without problems and suggestions with a Thai message, then produces it', async () => {
    const url = '/admin/reports/2566/measures-6';
    expect((await admin.get(url)).statusCode).toBe(200);
    const refused = await admin.upload(url, { problems: '', suggestions: '', summary: '' }, []);
    expect(refused.statusCode).toBe(400);
    const text = mainText(refused.body);
    expect(text).toContain('กรุณากรอก "ปัญหา อุปสรรค"');
    expect(text).toContain('กรุณากรอก "ข้อเสนอแนะ"');
    expect(await t.database.db.selectFrom('periodic_reports').selectAll().execute()).toEqual([]);
    const done = await admin.upload(url, { problems: 'บุคลากรไม่เพียงพอ', suggestions: 'ควรจัดอบรมเพิ่ม', summary: '' }, []);
    expect(done.statusCode).toBe(303);
    // Produced is not yet public: the page and its files wait for the coordinator's publish step on O43.
    for (const url of ['/a/test-town/reports/2566/measures-6', '/a/test-town/reports/2566/measures-6.pdf', '/a/test-town/reports/2566/measures-6.docx']) {
      expect((await new TestClient(t.app).get(url)).statusCode, url).toBe(404);
    }
    expect(mainText((await admin.get(url)).body)).toContain('ยังไม่เปิดเผยต่อสาธารณะ');
    const coordinator = (await t.services.users.listUsers(agencyId))[0]!;
    await t.services.oit.setStatus(coordinator, 2566, 'O43', { status: 'published' });
    expect(html((await admin.get(url)).body).querySelector('#report-produced a[href="/a/test-town/reports/2566/measures-6"]')).not.toBeNull();
    const pub = await new TestClient(t.app).get('/a/test-town/reports/2566/measures-6');
    expect(pub.statusCode).toBe(200);
    expect(mainText(pub.body)).toContain('ระหว่างเดือนตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖');
    const pdf = await new TestClient(t.app).get('/a/test-town/reports/2566/measures-6.pdf');
    expect(pdf.headers['content-type']).toContain('application/pdf');
    // Withdrawn from publication → no longer public.
    await t.services.oit.setStatus(coordinator, 2566, 'O43', { status: 'in_progress' });
    expect((await new TestClient(t.app).get('/a/test-town/reports/2566/measures-6')).statusCode).toBe(404);
  });

  it('imports the operating plan report from a spreadsheet all or nothing, naming the bad row and column', async () => {
    const url = '/admin/reports/2566/operating-plan-report-6';
    await admin.get(url);
    const bad = await xlsx([['โครงการ/กิจกรรม', 'งบประมาณ', 'ใช้จ่ายจริง', 'ผลการดำเนินงาน'], ['ถนน คสล. หมู่ ๓', 450000, 200000, 'อยู่ระหว่างก่อสร้าง'], ['อบรมอาชีพ', 'ห้าหมื่น', 0, 'ยังไม่เริ่ม']]);
    const refused = await admin.upload(url, { problems: 'ฝนตกชุก', suggestions: 'เร่งรัดผู้รับจ้าง', projects: '' }, [{ field: 'file', filename: 'แผน.xlsx', content: bad }]);
    expect(refused.statusCode).toBe(400);
    expect(toArabicDigits(mainText(refused.body))).toContain('แถวที่ 3 ช่อง "งบประมาณ"'); // in the agency's digits
    expect(await t.database.db.selectFrom('periodic_reports').selectAll().where('kind', '=', 'operating-plan-report').execute()).toEqual([]);
    const good = await xlsx([['โครงการ/กิจกรรม', 'งบประมาณ', 'ใช้จ่ายจริง', 'ผลการดำเนินงาน'], ['ถนน คสล. หมู่ ๓', 450000, 200000, 'อยู่ระหว่างก่อสร้าง'], ['อบรมอาชีพ', '50,000', 0, 'ยังไม่เริ่ม']]);
    const ok = await admin.upload(url, { problems: 'ฝนตกชุก', suggestions: 'เร่งรัดผู้รับจ้าง', projects: '' }, [{ field: 'file', filename: 'แผน.xlsx', content: good }]);
    expect(ok.statusCode).toBe(303);
    const o12 = (await t.services.oit.loadYear(agencyId, 2566, { withPeople: false })).items.find((i) => i.code === 'O12')!;
    expect(o12.result.missing).toEqual([]);
  });

  it('shows the calendar and the executive summary, which fits one PDF page', async () => {
    const cal = await admin.get('/admin/calendar/2566');
    expect(cal.statusCode).toBe(200);
    expect(mainText(cal.body)).toContain('เลยกำหนด');
    const exec = await admin.get('/admin/executive');
    expect(exec.statusCode).toBe(200);
    expect(mainText(exec.body)).toContain('ผลการประเมิน ITA ย้อนหลัง');
    // No complaint received this year: said so, not left out.
    expect(mainText(exec.body)).toContain('ยังไม่มีข้อมูลเรื่องร้องเรียนของปีนี้ในระบบ');
    expect(mainText(exec.body)).toContain('ยังไม่มีคำขอบริการออนไลน์ของปีนี้ในระบบ');
    const pdf = await admin.get('/admin/executive/2566.pdf');
    expect(pdf.statusCode).toBe(200);
    const pages = (pdf.rawPayload.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
  });
});
