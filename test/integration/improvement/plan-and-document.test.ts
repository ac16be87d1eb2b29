import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, html, mainText, setUpAgency, TestClient, type TestApp, staffClient } from '../../support/app.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

const SEED = JSON.parse(readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as unknown;

describe.each(DIALECTS)('improvement plan and measures document on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(async () => t.close());

  it('offers no public document before results and a plan exist', async () => {
    expect((await new TestClient(t.app).get('/a/test-town/ita/2565/measures')).statusCode).toBe(404);
  });

  it('drafts the plan from the analysis of the saved results', async () => {
    await t.services.results.saveResultsJson({ userId: null, label: 'test' }, agencyId, SEED);
    const page = await admin.get('/admin/plan/2565');
    expect(page.statusCode).toBe(200);
    const res = await admin.submit('/admin/plan/2565/draft', {});
    expect(res.statusCode).toBe(303);
    const plan = (await t.services.plans.getPlan(agencyId, 2565))!;
    expect(plan.targetYear).toBe(2566);
    const sources = plan.rows.map((r) => r.source.code);
    // I28 shares I25's row (the anti-corruption drive), as in the seed plan.
    expect(sources).toEqual(expect.arrayContaining(['I25', 'I29', 'I30', 'E11', 'E12', 'E14', 'O2', 'O11', 'O42', 'O43']));
    expect(plan.rows.every((r) => ['สำนักปลัด', 'กองคลัง', 'กองช่าง'].includes(r.responsibleUnit))).toBe(true);
    expect(plan.rows[0]!.sixMonthDue).toBe('2023-04-30');
    expect(plan.rows[0]!.twelveMonthDue).toBe('2023-10-31');
    expect(plan.drivingMeasures.length).toBeGreaterThan(0);
    // The measures document attaches itself to the OIT item of the year it is carried out in.
    const o42 = await admin.get('/admin/oit/2566/O42');
    expect(o42.statusCode).toBe(200);
    expect(o42.body).toContain('/a/test-town/ita/2565/measures');
    // It claims the elements its own structure check proves: nothing left for an officer to confirm.
    const report = await t.services.oit.readinessReport(agencyId, 2566);
    expect(report.items.find((i) => i.code === 'O42')!.missing).toEqual([]);
  });

  it('re-renders a row with Thai errors and the entered values when the unit is unknown', async () => {
    const row = (await t.services.plans.getPlan(agencyId, 2565))!.rows[0]!;
    await admin.get(`/admin/plan/2565/rows/${row.id}`);
    const res = await admin.submit(`/admin/plan/2565/rows/${row.id}`, {
      weaknessTh: 'ประเด็นที่แก้ไขแล้ว',
      steps: 'ขั้นตอนใหม่',
      responsibleUnit: 'กองที่ไม่มีอยู่',
      monitoring: 'รายงานผล',
      sixMonthDue: '2023-04-30',
      twelveMonthDue: '2023-03-01',
    });
    expect(res.statusCode).toBe(400);
    const doc = html(res.body);
    const summary = doc.querySelector('.error-summary')!.textContent;
    expect(summary).toContain('ผู้รับผิดชอบต้องเป็นหน่วยงานภายในที่กำหนดไว้');
    expect(toArabicDigits(summary)).toContain('รอบ 6 เดือนต้องไม่ช้ากว่า');
    expect(doc.querySelector('#f-weaknessTh')!.textContent).toBe('ประเด็นที่แก้ไขแล้ว');
    expect((await t.services.plans.getPlan(agencyId, 2565))!.rows[0]!.weaknessTh).toBe(row.weaknessTh);
  });

  it('saves an edited row, audited, and the document carries it', async () => {
    const row = (await t.services.plans.getPlan(agencyId, 2565))!.rows[0]!;
    await admin.get(`/admin/plan/2565/rows/${row.id}`);
    const res = await admin.submit(`/admin/plan/2565/rows/${row.id}`, {
      weaknessTh: row.weaknessTh,
      steps: `${row.steps.join('\n')}\nจัดอบรมเจ้าหน้าที่เรื่องการเฝ้าระวังการทุจริต`,
      responsibleUnit: 'กองช่าง',
      monitoring: row.monitoring.join('\n'),
      sixMonthDue: row.sixMonthDue,
      twelveMonthDue: row.twelveMonthDue,
    });
    expect(res.statusCode).toBe(303);
    const saved = (await t.services.plans.getPlan(agencyId, 2565))!.rows[0]!;
    expect(saved.responsibleUnit).toBe('กองช่าง');
    expect(saved.steps.at(-1)).toBe('จัดอบรมเจ้าหน้าที่เรื่องการเฝ้าระวังการทุจริต');

    const docx = await admin.get('/admin/documents/2565/measures.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('จัดอบรมเจ้าหน้าที่เรื่องการเฝ้าระวังการทุจริต');
    expect(xml).toContain('ประจำปีงบประมาณ');
    expect(toArabicDigits(xml)).toContain('65.66');

    const pdf = await admin.get('/admin/documents/2565/measures.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the report dates as BE text fields (no Gregorian picker) and saves a BE date typed in Thai digits', async () => {
    const row = (await t.services.plans.getPlan(agencyId, 2565))!.rows[1]!;
    const form = html((await admin.get(`/admin/plan/2565/rows/${row.id}`)).body);
    const six = form.querySelector('input[name="sixMonthDue"]')!;
    expect(six.getAttribute('type')).toBe('text');
    expect(form.querySelectorAll('input[type="date"]')).toHaveLength(0);
    // The agency writes Thai digits: ๓๐/๐๔/๒๕๖๖ for 2023-04-30, and the hint gives an example.
    expect(six.getAttribute('value')).toBe('๓๐/๐๔/๒๕๖๖');
    expect(form.querySelector('#f-sixMonthDue-hint')?.textContent ?? form.textContent).toContain('พ.ศ.');
    const res = await admin.submit(`/admin/plan/2565/rows/${row.id}`, {
      weaknessTh: row.weaknessTh,
      steps: row.steps.join('\n'),
      responsibleUnit: row.responsibleUnit,
      monitoring: row.monitoring.join('\n'),
      sixMonthDue: '๑๕/๔/๒๕๖๖',
      twelveMonthDue: '30 ก.ย. 2566',
    });
    expect(res.statusCode).toBe(303);
    const saved = (await t.services.plans.getPlan(agencyId, 2565))!.rows[1]!;
    expect([saved.sixMonthDue, saved.twelveMonthDue]).toEqual(['2023-04-15', '2023-09-30']);
    // A CE year in the BE field comes back with a Thai message naming the field, nothing saved.
    const bad = await admin.submit(`/admin/plan/2565/rows/${row.id}`, {
      weaknessTh: row.weaknessTh,
      steps: row.steps.join('\n'),
      responsibleUnit: row.responsibleUnit,
      monitoring: row.monitoring.join('\n'),
      sixMonthDue: '15/4/2023',
      twelveMonthDue: '30 ก.ย. 2566',
    });
    expect(bad.statusCode).toBe(400);
    expect(html(bad.body).querySelector('input[name="sixMonthDue"]')?.getAttribute('value')).toBe('15/4/2023');
    expect((await t.services.plans.getPlan(agencyId, 2565))!.rows[1]!.sixMonthDue).toBe('2023-04-15');
  });

  it('round-trips the plan through XLSX and rejects a broken workbook without changing anything', async () => {
    const before = (await t.services.plans.getPlan(agencyId, 2565))!;
    const xlsx = await admin.get('/admin/plan/2565/plan.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('แผนปรับปรุง')!;
    const headers = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const weaknessCol = headers.findIndex((h) => h.includes('ข้อบกพร่อง'));
    sheet.getRow(2).getCell(weaknessCol).value = 'ประเด็นที่แก้ใน Excel';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await admin.get('/admin/plan/2565');
    const ok = await admin.upload('/admin/plan/2565/import', {}, [{ field: 'file', filename: 'plan.xlsx', content: edited }]);
    expect(ok.statusCode).toBe(303);
    const after = (await t.services.plans.getPlan(agencyId, 2565))!;
    expect(after.rows[0]!.weaknessTh).toBe('ประเด็นที่แก้ใน Excel');
    expect(after.rows.length).toBe(before.rows.length);

    await admin.get('/admin/plan/2565');
    const bad = await admin.upload('/admin/plan/2565/import', {}, [{ field: 'file', filename: 'plan.xlsx', content: Buffer.from('not a workbook') }]);
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('ไม่ได้บันทึกข้อมูลใด ๆ');
    expect((await t.services.plans.getPlan(agencyId, 2565))!.rows).toEqual(after.rows);
  });

  it('publishes the document on the agency page once the plan is saved', async () => {
    const anon = new TestClient(t.app);
    const page = await anon.get('/a/test-town/ita/2565/measures');
    expect(page.statusCode).toBe(200);
    const text = toArabicDigits(mainText(page.body));
    expect(text).toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(text).toContain('65.66');
    const pdf = await anon.get('/a/test-town/ita/2565/measures.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('refuses plan changes to a viewer', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    expect((await viewer.get('/admin/plan/2565')).statusCode).toBe(200);
    const res = await viewer.submit('/admin/plan/2565/draft', {});
    expect(res.statusCode).toBe(403);
  });
});
