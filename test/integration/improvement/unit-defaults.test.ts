import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, html, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';

const SEED = JSON.parse(readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as unknown;

describe.each(DIALECTS)('responsible units by kind of work on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    await t.services.results.saveResultsJson({ userId: null, label: 'test' }, agencyId, SEED);
  });
  afterAll(async () => t.close());

  it('shows each kind with the unit drafts use now', async () => {
    const page = await admin.get('/admin/plan/units');
    expect(page.statusCode).toBe(200);
    const doc = html(page.body);
    expect(doc.querySelector('select[name="finance"]')).not.toBeNull();
    // The hint under each select names the unit used now: finance work goes to กองคลัง by its name.
    const finance = doc.querySelector('select[name="finance"]')!.closest('.field') ?? doc;
    expect(finance.textContent).toContain('ขณะนี้ใช้: กองคลัง');
  });

  it('refuses a unit the agency does not have, in Thai, and saves nothing', async () => {
    await admin.get('/admin/plan/units');
    const res = await admin.submit('/admin/plan/units', { admin: 'กองช่าง', finance: 'กองที่ไม่มี' });
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('.error-summary')!.textContent).toContain('ไม่ใช่หน่วยงานภายในของหน่วยงานนี้');
    const kinds = await t.services.plans.unitDefaults(agencyId);
    expect(kinds.find((k) => k.kind === 'admin')!.chosen).toBeNull();
  });

  it('remembers the choice and drafts with it', async () => {
    await admin.get('/admin/plan/units');
    const res = await admin.submit('/admin/plan/units', { admin: 'กองช่าง', finance: '' });
    expect(res.statusCode).toBe(303);
    expect((await t.services.plans.unitDefaults(agencyId)).find((k) => k.kind === 'admin')!.chosen).toBe('กองช่าง');
    await admin.get('/admin/plan/2565');
    expect((await admin.submit('/admin/plan/2565/draft', {})).statusCode).toBe(303);
    const plan = (await t.services.plans.getPlan(agencyId, 2565))!;
    const unitOf = (code: string) => plan.rows.find((r) => r.source.code === code)!.responsibleUnit;
    expect(unitOf('O42')).toBe('กองช่าง');
    expect(unitOf('O20')).toBe('กองคลัง');
    const audit = await admin.get('/admin/audit');
    expect(audit.body).toContain('กำหนดหน่วยงานผู้รับผิดชอบตามประเภทงาน');
  });
});
