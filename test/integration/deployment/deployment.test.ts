/**
 * Deployment administration on both databases, through the real routes: the deployment
 * administrator creates agencies with one-time invitations, alone imports the shared ITA
 * catalogue (issue 7 finding 1), suspends and archives agencies, and sees the province view.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, html, mainText, setUpAgency, signIn, type TestApp } from '../../support/app.js';
import type { Catalogue } from '../../../src/modules/catalogue/index.js';
import { toArabicDigits } from '../../../src/shared/thai.js';
import { SEED_FAILED_OIT, SEED_INDICATORS } from '../ita-results/seed.js';

const inviteUrlOf = (body: string): string => html(body).querySelector('[data-testid="invite-url"]')!.getAttribute('value')!;
const pathOf = (url: string) => new URL(url).pathname;

describe.each(DIALECTS)('deployment administration on %s', (dialect) => {
  let t: TestApp;
  let deploymentAdmin: TestClient;

  /** Creates an agency through the page and accepts its invitation; returns the agency administrator. */
  async function agencyWithAdmin(slug: string, name: string, province: string, username: string): Promise<{ client: TestClient; inviteUrl: string }> {
    await deploymentAdmin.get('/deployment/agencies');
    const res = await deploymentAdmin.submit('/deployment/agencies', { name, slug, type: 'subdistrict_municipality', province, host: '' });
    expect(res.statusCode).toBe(201);
    const inviteUrl = inviteUrlOf(res.body);
    const client = new TestClient(t.app);
    expect((await client.get(pathOf(inviteUrl))).statusCode).toBe(200);
    const done = await client.submit(pathOf(inviteUrl), { displayName: `ผู้ดูแล ${name}`, username, email: '', password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin');
    return { client, inviteUrl };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    // First-run setup: on a single-agency install the first administrator holds the grant.
    deploymentAdmin = await setUpAgency(t);
  });
  afterAll(async () => t.close());

  it('gives the deployment administrator grant to the first administrator only', async () => {
    const first = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    expect(await t.services.deployment.isDeploymentAdmin(first)).toBe(true);
    const nav = html((await deploymentAdmin.get('/admin')).body).querySelectorAll('nav a').map((a) => a.getAttribute('href'));
    expect(nav).toContain('/deployment/agencies');
    expect(nav).toContain('/deployment/overview');
  });

  it('creates an agency whose invited administrator sets their own password, once', async () => {
    const { client, inviteUrl } = await agencyWithAdmin('ban-nong', 'เทศบาลตำบลบ้านหนอง', 'ยโสธร', 'nong-admin');
    const agency = (await t.services.agencies.findBySlug('ban-nong'))!;
    expect(agency).toMatchObject({ nameTh: 'เทศบาลตำบลบ้านหนอง', type: 'subdistrict_municipality', province: 'ยโสธร', status: 'active' });
    const page = await client.get('/admin');
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('เทศบาลตำบลบ้านหนอง');
    // The token is stored only as a hash, and the link works once.
    const token = pathOf(inviteUrl).split('/').pop()!;
    const stored = await t.database.db.selectFrom('agency_invitations').selectAll().where('agency_id', '=', agency.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(token);
    expect(stored[0]!.used_at).not.toBeNull();
    const again = new TestClient(t.app);
    expect((await again.get(pathOf(inviteUrl))).statusCode).toBe(403);
    const users = await t.database.db.selectFrom('users').select('username').where('agency_id', '=', agency.id).execute();
    expect(users).toEqual([{ username: 'nong-admin' }]);
    // The agency's administrator is not a deployment administrator.
    expect((await client.get('/deployment/agencies')).statusCode).toBe(403);
    expect((await client.get('/deployment/overview')).statusCode).toBe(403);
  });

  it('refuses bad agency input with Thai messages naming the field, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('agencies').select('id').execute();
    await deploymentAdmin.get('/deployment/agencies');
    const res = await deploymentAdmin.submit('/deployment/agencies', { name: '', slug: 'Bad Slug!', type: 'เทศบาลหมู่บ้าน', province: 'แอตแลนติส', host: 'https://x' });
    expect(res.statusCode).toBe(400);
    const summary = mainText(res.body);
    for (const text of ['กรุณาระบุชื่อหน่วยงาน', 'ชื่อย่อในลิงก์', 'ไม่รู้จักประเภทหน่วยงาน', 'ไม่รู้จักจังหวัด', 'ชื่อโฮสต์']) expect(summary).toContain(text);
    expect(html(res.body).querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    const dup = await deploymentAdmin.submit('/deployment/agencies', { name: 'ซ้ำ', slug: 'ban-nong', type: 'อบต.', province: 'ยโสธร', host: '' });
    expect(dup.statusCode).toBe(400);
    expect(mainText(dup.body)).toContain('ถูกใช้โดยหน่วยงานอื่นแล้ว');
    expect(await t.database.db.selectFrom('agencies').select('id').execute()).toHaveLength(before.length);
  });

  it('lets only the deployment administrator import the shared catalogue, audited deployment-wide (issue 7 finding 1)', async () => {
    const { client: agencyBAdmin } = await agencyWithAdmin('town-b', 'เทศบาลตำบลบี', 'ยโสธร', 'b-admin');
    const current = (await t.services.catalogues.getCatalogue(2565))!;
    const changed: Catalogue = { ...current, version: '2565.7', tools: current.tools.map((tool) => ({ ...tool, weight: tool.code === 'IIT' ? 60 : tool.code === 'EIT' ? 30 : 10 })) };
    const file = [{ field: 'file', filename: 'fy2565.json', content: Buffer.from(JSON.stringify(changed)) }];

    await agencyBAdmin.get('/admin/catalogue');
    const refused = await agencyBAdmin.upload('/admin/catalogue/import', {}, file);
    expect(refused.statusCode).toBe(403);
    expect((await t.services.catalogues.getCatalogue(2565))!.version).toBe(current.version);
    // Nor does the page offer the form to an agency administrator.
    expect(html((await agencyBAdmin.get('/admin/catalogue')).body).querySelector('form[enctype="multipart/form-data"]')).toBeNull();

    await deploymentAdmin.get('/admin/catalogue');
    const accepted = await deploymentAdmin.upload('/admin/catalogue/import', {}, file);
    expect(accepted.statusCode).toBe(303);
    expect((await t.services.catalogues.getCatalogue(2565))!.version).toBe('2565.7');
    const entries = await t.database.db.selectFrom('audit_log').select(['agency_id', 'actor_label']).where('action', '=', 'catalogue.import').execute();
    expect(entries).toEqual([{ agency_id: null, actor_label: 'ผู้ดูแล ทดสอบ' }]);
    const log = await deploymentAdmin.get('/deployment/audit');
    expect(mainText(log.body)).toContain('นำเข้าแคตตาล็อก ITA');
  });

  it('suspends an agency (public pages say so, staff cannot sign in), archives it (hidden), and reactivates it', async () => {
    const { client } = await agencyWithAdmin('town-c', 'เทศบาลตำบลซี', 'ศรีสะเกษ', 'c-admin');
    const agency = (await t.services.agencies.findBySlug('town-c'))!;
    const setStatus = async (status: string) => {
      await deploymentAdmin.get(`/deployment/agencies/${agency.id}`);
      return deploymentAdmin.submit(`/deployment/agencies/${agency.id}/status`, { status });
    };
    expect((await new TestClient(t.app).get('/a/town-c')).statusCode).toBe(200);

    expect((await setStatus('suspended')).statusCode).toBe(303);
    const publicPage = await new TestClient(t.app).get('/a/town-c');
    expect(publicPage.statusCode).toBe(503);
    expect(mainText(publicPage.body)).toContain('ระงับการเผยแพร่ชั่วคราว');
    const staffPage = await client.get('/admin');
    expect(staffPage.statusCode).toBe(403);
    expect(mainText(staffPage.body)).toContain('ถูกระงับการใช้งานชั่วคราว');
    const fresh = new TestClient(t.app);
    await fresh.get('/login');
    await fresh.submit('/login', { username: 'c-admin', password: ADMIN_PASSWORD });
    expect((await fresh.get('/admin')).statusCode).toBe(403);

    expect((await setStatus('archived')).statusCode).toBe(303);
    expect((await new TestClient(t.app).get('/a/town-c')).statusCode).toBe(404);
    const overview = await deploymentAdmin.get(`/deployment/overview?province=${encodeURIComponent('ศรีสะเกษ')}`);
    const listed = html(overview.body).querySelectorAll('main table tbody tr').map((tr) => tr.textContent);
    expect(listed.some((r) => r.includes('เทศบาลตำบลทดสอบ'))).toBe(true);
    expect(listed.some((r) => r.includes('เทศบาลตำบลซี'))).toBe(false);

    expect((await setStatus('active')).statusCode).toBe(303);
    expect((await new TestClient(t.app).get('/a/town-c')).statusCode).toBe(200);
    expect((await (await signIn(t, 'c-admin', ADMIN_PASSWORD)).get('/admin')).statusCode).toBe(200);
    const audit = await t.database.db.selectFrom('audit_log').select(['agency_id', 'action']).where('action', 'in', ['agency.status', 'deployment.agency_status']).execute();
    expect(audit.filter((a) => a.agency_id === agency.id)).toHaveLength(3);
    expect(audit.filter((a) => a.agency_id === null)).toHaveLength(3);
  });

  it('shows every agency of a province with its latest result, OIT progress, plan and measures report; sorts; exports CSV and XLSX', async () => {
    const b = (await t.services.agencies.findBySlug('town-b'))!;
    const nong = (await t.services.agencies.findBySlug('ban-nong'))!;
    const actor = { userId: null, label: 'ทดสอบ' };
    await t.services.results.saveResults(actor, b.id, {
      fiscalYear: 2565,
      official: { score: 65.66, level: 'C' },
      indicators: SEED_INDICATORS,
      oit: Object.fromEntries(Object.entries(SEED_FAILED_OIT).map(([code, reason]) => [code, { passed: false, reason }])),
    });
    await t.services.results.saveResults(actor, nong.id, { fiscalYear: 2566, official: { score: 91.5 }, indicators: Object.fromEntries(Object.keys(SEED_INDICATORS).map((k) => [Number(k), 91.5])) });
    await t.services.plans.draft(actor, b.id, 2565);
    await t.services.reports.produce(actor, b.id, { kind: 'measures', year: 2566, round: 6, role: 'measures-report' }, { problems: 'งบประมาณไม่เพียงพอ', suggestions: 'ขอรับการสนับสนุนจากจังหวัด', summary: '' });

    const page = await deploymentAdmin.get(`/deployment/overview?province=${encodeURIComponent('ยโสธร')}&sort=total&dir=desc`);
    expect(page.statusCode).toBe(200);
    const rows = html(page.body).querySelectorAll('main table tbody tr').map((tr) => toArabicDigits(tr.textContent.replace(/\s+/g, ' ')));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('เทศบาลตำบลบ้านหนอง');
    expect(rows[0]).toContain('91.50');
    expect(rows[0]).toContain('ผ่าน');
    expect(rows[1]).toContain('เทศบาลตำบลบี');
    expect(rows[1]).toContain('65.66');
    expect(rows[1]).toMatch(/C · ไม่ผ่าน/);
    expect(rows[1]).toMatch(/\d+ แถว \(ผลปี 2565\)/);
    expect(rows[1]).toContain('รอบ 6 เดือน ปี 2566');
    expect(rows[0]).not.toContain('รอบ 6 เดือน');
    const byReport = await deploymentAdmin.get(`/deployment/overview?province=${encodeURIComponent('ยโสธร')}&sort=report&dir=desc`);
    expect(html(byReport.body).querySelector('main table tbody tr')!.textContent).toContain('เทศบาลตำบลบี');

    const national = await deploymentAdmin.get('/deployment/overview');
    const yasothon = html(national.body).querySelectorAll('main table tbody tr').map((tr) => toArabicDigits(tr.textContent.replace(/\s+/g, ' '))).find((r) => r.includes('ยโสธร'))!;
    expect(yasothon.replace(/\s/g, '')).toContain('ยโสธร221');

    const csv = await deploymentAdmin.get(`/deployment/overview.csv?province=${encodeURIComponent('ยโสธร')}&sort=name`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(',town-b,'))).toContain('เทศบาลตำบลบี,town-b,เทศบาลตำบล,ยโสธร,ใช้งาน,2565,65.66,ประกาศ,C,ไม่ผ่าน');
    expect(lines.find((l) => l.includes(',town-b,'))!.endsWith(',2566,6')).toBe(true);

    const xlsx = await deploymentAdmin.get(`/deployment/overview.xlsx?province=${encodeURIComponent('ยโสธร')}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).values).toContain('เทศบาลตำบลบ้านหนอง');
  });

  it('reissues an invitation: the new link works, the old unused one no longer does', async () => {
    await deploymentAdmin.get('/deployment/agencies');
    const res = await deploymentAdmin.submit('/deployment/agencies', { name: 'องค์การบริหารส่วนตำบลดี', slug: 'sao-d', type: 'อบต.', province: 'ยโสธร', host: 'ita.sao-d.go.th' });
    expect(res.statusCode).toBe(201);
    const first = inviteUrlOf(res.body);
    const agency = (await t.services.agencies.findBySlug('sao-d'))!;
    expect(agency).toMatchObject({ type: 'sao', hostName: 'ita.sao-d.go.th' });
    await deploymentAdmin.get(`/deployment/agencies/${agency.id}`);
    const again = await deploymentAdmin.submit(`/deployment/agencies/${agency.id}/invitation`, {});
    expect(again.statusCode).toBe(201);
    const second = inviteUrlOf(again.body);
    expect(second).not.toBe(first);
    expect((await new TestClient(t.app).get(pathOf(first))).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(pathOf(second))).statusCode).toBe(200);
  });

  it('serves an agency on its own host name: its pages at / and /a/{slug}, no other agency, reserved paths as usual', async () => {
    const onHost = (url: string, host = 'ita.sao-d.go.th') => t.app.inject({ method: 'GET', url, headers: { host } });
    const home = await onHost('/');
    expect(home.statusCode).toBe(200);
    expect(mainText(home.body)).toContain('องค์การบริหารส่วนตำบลดี');
    expect((await onHost('/a/sao-d')).statusCode).toBe(200);
    expect((await onHost('/a/town-b')).statusCode).toBe(404);
    expect((await onHost('/healthz')).statusCode).toBe(200);
    // Host names are case-insensitive; an IP address or an unknown name is no agency's.
    expect(mainText((await onHost('/', 'ITA.SAO-D.GO.TH')).body)).toContain('องค์การบริหารส่วนตำบลดี');
    const heading = (body: string) => html(body).querySelector('h1')?.textContent.trim();
    expect(heading(home.body)).toContain('องค์การบริหารส่วนตำบลดี');
    for (const other of ['127.0.0.1', 'unknown.example.go.th']) expect(heading((await onHost('/', other)).body)).not.toContain('องค์การบริหารส่วนตำบลดี');
  });
});
