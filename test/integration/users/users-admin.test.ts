import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp } from '../../support/app.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

/** The flash message a 303 sets, from the raw Set-Cookie (see the note in agencies/agency-admin.test.ts). */
function flashOf(res: { headers: Record<string, unknown> }): string | undefined {
  const raw = [res.headers['set-cookie']].flat().find((c): c is string => typeof c === 'string' && c.startsWith('prongsai_flash='));
  if (!raw) return undefined;
  const signed = decodeURIComponent(raw.split(';')[0]!.slice('prongsai_flash='.length));
  return decodeURIComponent(signed.slice(0, signed.lastIndexOf('.')));
}

async function attemptSignIn(t: TestApp, username: string, password: string) {
  const client = new TestClient(t.app);
  await client.get('/login');
  const res = await client.submit('/login', { username, password });
  return { client, res };
}

const COORDINATOR_PASSWORD = 'coordinator-pass-1';

describe.each(DIALECTS)('user administration and own password on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let financeUnitId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    financeUnitId = (await t.services.agencies.listUnits(agencyId)).find((u) => u.nameTh === 'กองคลัง')!.id;
  });
  afterAll(async () => t.close());

  it('refuses an incomplete new user with Thai errors, keeping values but never the passwords', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.submit('/admin/users', {
      username: 'somchai.k',
      displayName: 'สมชาย ขยัน',
      email: '',
      password: 'long-enough-password',
      passwordConfirm: 'a-different-password',
      unitId: 'not-a-unit',
    });
    expect(res.statusCode).toBe(400);
    const doc = html(res.body);
    expect(doc.querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    const summary = doc.querySelector('.error-summary')!;
    expect(summary.querySelector('a[href="#f-roles"]')!.textContent).toBe('กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท');
    expect(summary.querySelector('a[href="#f-passwordConfirm"]')!.textContent).toBe('รหัสผ่านทั้งสองช่องไม่ตรงกัน');
    expect(summary.querySelector('a[href="#f-unitId"]')!.textContent).toBe('กรุณาเลือกหน่วยงานย่อยจากรายการ');
    expect(doc.querySelector('#f-roles')).not.toBeNull();
    expect(doc.querySelector('#f-username')!.getAttribute('value')).toBe('somchai.k');
    expect(doc.querySelector('#f-password')!.getAttribute('value') ?? '').toBe('');
    expect(res.body).not.toContain('long-enough-password');
    expect((await t.services.users.listUsers(agencyId)).map((u) => u.username)).not.toContain('somchai.k');
  });

  it('creates a coordinator with a unit and lists them with Thai role labels', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.submit('/admin/users', {
      username: 'Somchai.K',
      displayName: 'สมชาย ขยัน',
      email: 'somchai@test-town.go.th',
      password: COORDINATOR_PASSWORD,
      passwordConfirm: COORDINATOR_PASSWORD,
      roles: ['coordinator'],
      unitId: financeUnitId,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/users');
    expect(flashOf(res)).toBe('สร้างบัญชีผู้ใช้แล้ว: somchai.k');

    const list = await admin.get('/admin/users');
    const row = html(list.body).querySelectorAll('tbody tr').find((r) => r.textContent.includes('somchai.k'))!;
    expect(row.textContent).toContain('ผู้ประสานงาน ITA');
    expect(row.textContent).toContain('กองคลัง');
    expect(row.textContent).toContain('ใช้งาน');
  });

  it('refuses a username that is taken', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.submit('/admin/users', {
      username: 'somchai.k',
      displayName: 'อีกคน',
      password: COORDINATOR_PASSWORD,
      passwordConfirm: COORDINATOR_PASSWORD,
      roles: ['viewer', 'unit_staff'],
    });
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('a[href="#f-username"]')!.textContent).toBe('ชื่อผู้ใช้ "somchai.k" ถูกใช้แล้ว');
    // Both ticked roles stay ticked.
    expect(html(res.body).querySelectorAll('input[name="roles"][checked]').map((i) => i.getAttribute('value'))).toEqual(['unit_staff', 'viewer']);
  });

  it('lets the coordinator into the dashboard and audit log but not user administration', async () => {
    const { client, res } = await attemptSignIn(t, 'somchai.k', COORDINATOR_PASSWORD);
    expect(res.statusCode).toBe(303);
    const dash = await client.get('/admin');
    expect(dash.statusCode).toBe(200);
    const navLinks = html(dash.body).querySelectorAll('.main-nav a').map((a) => a.getAttribute('href'));
    expect(navLinks).toContain('/admin/audit');
    expect(navLinks).toContain('/admin/account/password');
    expect(navLinks).not.toContain('/admin/users');
    const users = await client.get('/admin/users');
    expect(users.statusCode).toBe(403);
    expect(mainText(users.body)).toContain('ท่านไม่มีสิทธิ์เข้าถึงหน้านี้');
    expect((await client.get('/admin/audit')).statusCode).toBe(200);
    expect((await client.submit('/admin/users', { username: 'x', roles: 'admin' })).statusCode).toBe(403);
  });

  it('does not let the administrator demote or disable themself', async () => {
    const me = (await t.services.users.listUsers(agencyId)).find((u) => u.username === 'admin')!;
    const page = await admin.get(`/admin/users/${me.id}`);
    expect(mainText(page.body)).toContain('นี่คือบัญชีของท่าน');
    const res = await admin.submit(`/admin/users/${me.id}`, { roles: ['viewer'], unitId: '' });
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('a[href="#f-roles"]')!.textContent).toBe('ไม่สามารถลดสิทธิ์ของบัญชีที่กำลังใช้งานอยู่');
    const disable = await admin.submit(`/admin/users/${me.id}`, { roles: ['admin'], disabled: '1' });
    expect(disable.statusCode).toBe(400);
    expect((await t.services.users.getUser(agencyId, me.id)).roles).toEqual(['admin']);
    expect((await t.services.users.getUser(agencyId, me.id)).disabled).toBe(false);
  });

  it('changes roles and unit of another user, and a disabled user is signed out', async () => {
    const { client } = await attemptSignIn(t, 'somchai.k', COORDINATOR_PASSWORD);
    const target = (await t.services.users.listUsers(agencyId)).find((u) => u.username === 'somchai.k')!;
    const form = await admin.get(`/admin/users/${target.id}`);
    expect(html(form.body).querySelector('#f-unitId option[selected]')!.textContent).toBe('กองคลัง');
    const res = await admin.submit(`/admin/users/${target.id}`, { roles: ['coordinator', 'unit_staff'], unitId: '', disabled: '1' });
    expect(res.statusCode).toBe(303);
    expect(await t.services.users.getUser(agencyId, target.id)).toMatchObject({ roles: ['coordinator', 'unit_staff'], unitId: null, disabled: true });
    expect((await client.get('/admin')).statusCode).toBe(303);
    expect((await attemptSignIn(t, 'somchai.k', COORDINATOR_PASSWORD)).res.statusCode).toBe(400);

    await admin.get(`/admin/users/${target.id}`);
    expect((await admin.submit(`/admin/users/${target.id}`, { roles: 'coordinator', unitId: financeUnitId })).statusCode).toBe(303);
    expect(await t.services.users.getUser(agencyId, target.id)).toMatchObject({ roles: ['coordinator'], unitId: financeUnitId, disabled: false });
  });

  it('lets a signed-in user change their own password; the old one stops working', async () => {
    const { client } = await attemptSignIn(t, 'somchai.k', COORDINATOR_PASSWORD);
    expect((await client.get('/admin/account/password')).statusCode).toBe(200);

    const wrong = await client.submit('/admin/account/password', { currentPassword: 'not-my-password', password: 'brand-new-password-1', passwordConfirm: 'brand-new-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(html(wrong.body).querySelector('a[href="#f-currentPassword"]')!.textContent).toBe('รหัสผ่านปัจจุบันไม่ถูกต้อง');

    const short = await client.submit('/admin/account/password', { currentPassword: COORDINATOR_PASSWORD, password: 'short', passwordConfirm: 'short' });
    expect(short.statusCode).toBe(400);
    expect(toArabicDigits(mainText(short.body))).toContain('รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร'); // in the agency's digits

    const ok = await client.submit('/admin/account/password', { currentPassword: COORDINATOR_PASSWORD, password: 'brand-new-password-1', passwordConfirm: 'brand-new-password-1' });
    expect(ok.statusCode).toBe(303);
    expect(flashOf(ok)).toBe('เปลี่ยนรหัสผ่านแล้ว');

    const old = await attemptSignIn(t, 'somchai.k', COORDINATOR_PASSWORD);
    expect(old.res.statusCode).toBe(400);
    expect(mainText(old.res.body)).toContain('ชื่อผู้ใช้ หรือรหัสผ่านไม่ถูกต้อง');
    expect((await attemptSignIn(t, 'somchai.k', 'brand-new-password-1')).res.statusCode).toBe(303);
  });

  it('refuses user administration posts without a CSRF token', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.submit(
      '/admin/users',
      { username: 'forged', displayName: 'ปลอม', password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD, roles: 'admin' },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    expect(mainText(res.body)).toContain('แบบฟอร์มหมดอายุ');
    expect((await t.services.users.listUsers(agencyId)).map((u) => u.username)).not.toContain('forged');
  });

  it('records the account changes in the audit log in Thai words', async () => {
    const text = mainText((await admin.get('/admin/audit')).body);
    for (const label of ['สร้างบัญชีผู้ใช้', 'เปลี่ยนบทบาทหรือสถานะของผู้ใช้', 'เปลี่ยนหน่วยงานย่อยของผู้ใช้', 'เปลี่ยนรหัสผ่าน', 'เข้าสู่ระบบไม่สำเร็จ']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('ชื่อผู้ใช้: somchai.k; บทบาท: ผู้ประสานงาน ITA, เจ้าหน้าที่หน่วยงานย่อย; ปิดใช้งาน: ใช่');
  });
});
