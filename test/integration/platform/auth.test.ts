import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp } from '../../support/app.js';
import { listAudit } from '../../../src/platform/audit.js';

describe.each(DIALECTS)('first run, sign-in and security on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('takes the one-time setup code in the form body, never from the URL', async () => {
    const token = await t.services.users.issueSetupToken();
    const client = new TestClient(t.app);
    // An old-style link is sent to the clean page; what it carried is not used.
    const old = await client.get(`/setup?token=${token}`);
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toBe('/setup');
    const page = await client.get('/setup');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(token);
    expect(html(page.body).querySelector('form[action="/setup"] input[name="setupCode"]')).not.toBeNull();
    // The code in the URL of a POST does not count either.
    const viaUrl = await client.submit(`/setup?token=${token}`, { units: 'สำนักปลัด' });
    expect(viaUrl.statusCode).toBe(400);
    expect(mainText(viaUrl.body)).toContain('รหัสตั้งค่าครั้งแรกไม่ถูกต้อง');
    const wrong = await client.submit('/setup', { setupCode: 'not-a-token', 'agency.nameTh': 'เทศบาลตำบลทดสอบ' });
    expect(wrong.statusCode).toBe(400);
    expect(html(wrong.body).querySelector('#f-agency-nameTh')!.getAttribute('value')).toBe('เทศบาลตำบลทดสอบ');
    expect(html(wrong.body).querySelector('#f-setupCode')!.getAttribute('value') ?? '').toBe('');
    expect(await t.services.agencies.countAgencies()).toBe(0);
  });

  it('shows Thai field errors and keeps entered values when setup input is wrong', async () => {
    const token = await t.services.users.issueSetupToken();
    const client = new TestClient(t.app);
    await client.get('/setup');
    const res = await client.submit('/setup', {
      setupCode: token,
      'agency.nameTh': 'เทศบาลตำบลทดสอบ',
      'agency.slug': 'ไม่ใช่อังกฤษ',
      'agency.type': 'subdistrict_municipality',
      'agency.province': '',
      units: 'สำนักปลัด',
      'admin.displayName': 'ผู้ดูแล',
      'admin.username': 'admin',
      'admin.password': 'short',
      'admin.passwordConfirm': 'short',
    });
    expect(res.statusCode).toBe(400);
    const doc = html(res.body);
    expect(doc.querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    const summary = doc.querySelector('.error-summary')!.textContent;
    expect(summary).toContain('ชื่อย่อในลิงก์ใช้ได้เฉพาะอักษรอังกฤษ');
    expect(summary).toContain('กรุณาระบุจังหวัด');
    expect(summary).toContain('รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร');
    expect(doc.querySelector('#f-agency-nameTh')!.getAttribute('value')).toBe('เทศบาลตำบลทดสอบ');
    expect(doc.querySelector('a[href="#f-agency-province"]')).not.toBeNull();
    expect(await t.services.agencies.countAgencies()).toBe(0);
  });

  it('creates the agency and administrator once, then closes the setup page', async () => {
    const admin = await setUpAgency(t);
    const dash = await admin.get('/admin');
    expect(dash.statusCode).toBe(200);
    expect(mainText(dash.body)).toContain('เทศบาลตำบลทดสอบ');
    const units = await t.services.agencies.listUnits((await t.services.agencies.findBySlug('test-town'))!.id);
    expect(units.map((u) => u.nameTh)).toEqual(['สำนักปลัด', 'กองคลัง', 'กองช่าง']);
    const again = await t.services.users.issueSetupToken();
    const late = new TestClient(t.app);
    expect((await late.get('/setup')).statusCode).toBe(403);
    await late.get('/login');
    const second = await late.submit('/setup', { setupCode: again, 'agency.nameTh': 'อีกแห่ง' });
    expect(second.statusCode).toBe(403);
    expect(await t.services.agencies.countAgencies()).toBe(1);
  });

  it('signs in with a session cookie that is HttpOnly and SameSite', async () => {
    const client = new TestClient(t.app);
    await client.get('/login');
    const res = await client.submit('/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const setCookie = [res.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/prongsai_session=.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect((await client.get('/admin')).statusCode).toBe(200);
  });

  it('rejects a form without its CSRF token', async () => {
    const client = new TestClient(t.app);
    await client.get('/login');
    const res = await client.submit('/login', { username: 'admin', password: ADMIN_PASSWORD }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(mainText(res.body)).toContain('แบบฟอร์มหมดอายุ');
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await new TestClient(t.app).get('/login');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('pauses the client after five wrong passwords, even for the right one', async () => {
    const client = new TestClient(t.app);
    await client.get('/login');
    for (let i = 0; i < 5; i++) await client.submit('/login', { username: 'admin', password: 'wrong-password' });
    const res = await client.submit('/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(mainText(res.body)).toContain('พักการเข้าสู่ระบบชั่วคราว');
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    const actions = (await listAudit(t.database.db, agency.id)).map((a) => a.action);
    expect(actions).toContain('auth.lockout');
    expect(actions).toContain('setup.complete');
    expect(actions).toContain('agency.create');
  });

  it('redirects anonymous visitors of staff pages to sign-in and shows Thai 404 pages', async () => {
    const client = new TestClient(t.app);
    const res = await client.get('/admin');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fadmin');
    const missing = await client.get('/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(mainText(missing.body)).toContain('ไม่พบหน้าที่ท่านต้องการ');
  });

  it('serves the English locale when asked', async () => {
    const res = await new TestClient(t.app).get('/login?lang=en');
    expect(html(res.body).querySelector('h1')!.textContent).toBe('Staff sign in');
    expect(html(res.body).querySelector('html')!.getAttribute('lang')).toBe('en');
  });
});
