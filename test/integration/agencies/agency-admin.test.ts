import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, signIn, staffClient } from '../../support/app.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';

const PROFILE = {
  nameTh: 'เทศบาลตำบลทดสอบใหม่',
  nameEn: 'Test Town Municipality',
  type: 'town_municipality',
  province: 'อุบลราชธานี',
  address: '99 หมู่ 1 ตำบลทดสอบ',
  phone: '045-000-000',
  email: 'saraban@test-town.go.th',
  websiteUrl: 'https://www.test-town.go.th',
  digits: 'thai',
};

/**
 * The flash message a 303 sets, read from the raw Set-Cookie header. (TestClient keeps cookie
 * values as set-cookie-parser decodes them, so a signed Thai flash does not survive the round trip
 * through it; a browser sends the raw value back and shows it.)
 */
function flashOf(res: { headers: Record<string, unknown> }): string | undefined {
  const raw = [res.headers['set-cookie']].flat().find((c): c is string => typeof c === 'string' && c.startsWith('prongsai_flash='));
  if (!raw) return undefined;
  const signed = decodeURIComponent(raw.split(';')[0]!.slice('prongsai_flash='.length));
  return decodeURIComponent(signed.slice(0, signed.lastIndexOf('.')));
}

/** Follows a 303 as a browser would, sending the flash cookie back exactly as it was set. */
async function followRedirect(t: TestApp, client: TestClient, res: { headers: Record<string, unknown> }) {
  const flash = [res.headers['set-cookie']].flat().find((c): c is string => typeof c === 'string' && c.startsWith('prongsai_flash='))!.split(';')[0];
  const others = client.cookieHeader.split('; ').filter((c) => !c.startsWith('prongsai_flash='));
  return t.app.inject({ method: 'GET', url: String(res.headers.location), headers: { cookie: [...others, flash].join('; ') } });
}


describe.each(DIALECTS)('agency profile, units and executives on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;

  beforeAll(async () => {
    // 02:30 UTC is 09:30 in Bangkok, on 1 October 2568 B.E.
    t = await buildTestApp(dialect, { clock: fixedClock('2025-10-01T02:30:00.000Z') });
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(async () => t.close());

  it('updates the profile and shows it with a confirmation', async () => {
    await admin.get('/admin/agency');
    const res = await admin.submit('/admin/agency', PROFILE);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/agency');
    expect(flashOf(res)).toBe('บันทึกข้อมูลหน่วยงานแล้ว');
    const shown = await followRedirect(t, admin, res);
    expect(html(shown.body).querySelector('.notice-success')!.textContent).toBe('บันทึกข้อมูลหน่วยงานแล้ว');

    const page = await admin.get('/admin/agency');
    const doc = html(page.body);
    expect(doc.querySelector('#f-nameTh')!.getAttribute('value')).toBe(PROFILE.nameTh);
    expect(doc.querySelector('#f-websiteUrl')!.getAttribute('value')).toBe(PROFILE.websiteUrl);
    expect(doc.querySelector('#f-type option[selected]')!.textContent).toBe('เทศบาลเมือง');
    expect(doc.querySelector('.brand-tagline')!.textContent).toBe(PROFILE.nameTh);
    const agency = await t.services.agencies.getAgency(agencyId);
    expect(agency).toMatchObject({ nameEn: 'Test Town Municipality', province: 'อุบลราชธานี', email: PROFILE.email });
  });

  it('refuses an invalid profile with 400, names the fields in Thai and keeps the values', async () => {
    await admin.get('/admin/agency');
    const res = await admin.submit('/admin/agency', { ...PROFILE, nameTh: '', websiteUrl: 'www.no-scheme', province: 'ศรีสะเกษ' });
    expect(res.statusCode).toBe(400);
    const doc = html(res.body);
    expect(doc.querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    const summary = doc.querySelector('.error-summary')!;
    expect(summary.querySelector('a[href="#f-nameTh"]')!.textContent).toBe('กรุณาระบุชื่อหน่วยงาน');
    expect(summary.querySelector('a[href="#f-websiteUrl"]')!.textContent).toContain('ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย https://');
    expect(doc.querySelector('#f-nameTh-error')!.textContent).toBe('กรุณาระบุชื่อหน่วยงาน');
    expect(doc.querySelector('#f-province')!.getAttribute('value')).toBe('ศรีสะเกษ');
    expect(doc.querySelector('#f-websiteUrl')!.getAttribute('value')).toBe('www.no-scheme');
    expect((await t.services.agencies.getAgency(agencyId)).province).toBe('อุบลราชธานี');
  });

  it('refuses a form posted without its CSRF token', async () => {
    await admin.get('/admin/agency');
    const res = await admin.submit('/admin/agency', { ...PROFILE, nameTh: 'ชื่อจากเว็บอื่น' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(mainText(res.body)).toContain('แบบฟอร์มหมดอายุ');
    expect((await t.services.agencies.getAgency(agencyId)).nameTh).toBe(PROFILE.nameTh);
  });

  it('adds, renames and deletes units, and refuses a duplicate name in Thai', async () => {
    await admin.get('/admin/agency/units');
    const dup = await admin.submit('/admin/agency/units', { nameTh: 'กองคลัง', sortOrder: '5' });
    expect(dup.statusCode).toBe(400);
    expect(html(dup.body).querySelector('.error-summary a[href="#f-nameTh"]')!.textContent).toBe('มีหน่วยงานย่อยชื่อ "กองคลัง" แล้ว');
    expect(html(dup.body).querySelector('#f-sortOrder')!.getAttribute('value')).toBe('5');

    // Thai digits in the order are read as numbers.
    const added = await admin.submit('/admin/agency/units', { nameTh: 'กองการศึกษา', sortOrder: '๗' });
    expect(added.statusCode).toBe(303);
    expect(flashOf(added)).toBe('เพิ่มหน่วยงานย่อยแล้ว');
    const list = await admin.get('/admin/agency/units');
    expect(mainText(list.body)).toContain('กองการศึกษา');
    const units = await t.services.agencies.listUnits(agencyId);
    const edu = units.find((u) => u.nameTh === 'กองการศึกษา')!;
    expect(edu.sortOrder).toBe(7);
    expect(html(list.body).querySelector(`form[action="/admin/agency/units/${edu.id}/delete"]`)!.getAttribute('data-confirm')).toBeTruthy();

    await admin.get(`/admin/agency/units/${edu.id}`);
    const clash = await admin.submit(`/admin/agency/units/${edu.id}`, { nameTh: 'กองช่าง', sortOrder: '7' });
    expect(clash.statusCode).toBe(400);
    expect(mainText(clash.body)).toContain('มีหน่วยงานย่อยชื่อ "กองช่าง" แล้ว');
    expect((await admin.submit(`/admin/agency/units/${edu.id}`, { nameTh: 'กองการศึกษา ศาสนาและวัฒนธรรม', sortOrder: '7' })).statusCode).toBe(303);
    expect((await t.services.agencies.getUnit(agencyId, edu.id)).nameTh).toBe('กองการศึกษา ศาสนาและวัฒนธรรม');

    await admin.get('/admin/agency/units');
    const removed = await admin.submit(`/admin/agency/units/${edu.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect((await t.services.agencies.listUnits(agencyId)).map((u) => u.nameTh)).not.toContain('กองการศึกษา ศาสนาและวัฒนธรรม');
  });

  it('lists executives by group, warns about an empty group, and adds and edits them', async () => {
    const empty = await admin.get('/admin/agency/executives');
    expect(mainText(empty.body)).toContain('ยังไม่มีข้อมูลผู้บริหารฝ่ายการเมือง — ITA ข้อ O2 ต้องแสดงทั้งสองฝ่าย');
    expect(mainText(empty.body)).toContain('ยังไม่มีข้อมูลผู้บริหารฝ่ายข้าราชการประจำ — ITA ข้อ O2 ต้องแสดงทั้งสองฝ่าย');

    const bad = await admin.submit('/admin/agency/executives', { kind: 'political', nameTh: '', positionTh: 'นายกเทศมนตรี', email: 'not-an-email', sortOrder: '1' });
    expect(bad.statusCode).toBe(400);
    const badDoc = html(bad.body);
    expect(badDoc.querySelector('.error-summary')!.textContent).toContain('กรุณาระบุชื่อ-นามสกุล');
    expect(badDoc.querySelector('.error-summary')!.textContent).toContain('อีเมลไม่ถูกต้อง');
    expect(badDoc.querySelector('#f-positionTh')!.getAttribute('value')).toBe('นายกเทศมนตรี');

    const ok = await admin.submit('/admin/agency/executives', {
      kind: 'political',
      nameTh: 'นายสมชาย ใจดี',
      positionTh: 'นายกเทศมนตรี',
      phone: '081-000-0000',
      email: 'mayor@test-town.go.th',
      sortOrder: '1',
    });
    expect(ok.statusCode).toBe(303);
    expect(flashOf(ok)).toBe('เพิ่มข้อมูลผู้บริหารแล้ว');
    const page = await admin.get('/admin/agency/executives');
    const text = mainText(page.body);
    expect(text).toContain('นายสมชาย ใจดี');
    expect(text).not.toContain('ยังไม่มีข้อมูลผู้บริหารฝ่ายการเมือง');
    expect(text).toContain('ยังไม่มีข้อมูลผู้บริหารฝ่ายข้าราชการประจำ');

    const [mayor] = await t.services.agencies.listExecutives(agencyId);
    const edit = await admin.get(`/admin/agency/executives/${mayor!.id}`);
    expect(html(edit.body).querySelector('#f-nameTh')!.getAttribute('value')).toBe('นายสมชาย ใจดี');
    const saved = await admin.submit(`/admin/agency/executives/${mayor!.id}`, {
      kind: 'political',
      nameTh: 'นายสมชาย ใจดีมาก',
      positionTh: 'นายกเทศมนตรี',
      phone: '',
      email: '',
      sortOrder: '1',
    });
    expect(saved.statusCode).toBe(303);
    expect(await t.services.agencies.getExecutive(agencyId, mayor!.id)).toMatchObject({ nameTh: 'นายสมชาย ใจดีมาก', phone: null, email: null });

    await admin.get('/admin/agency/executives');
    const clerk = await admin.submit('/admin/agency/executives', { kind: 'permanent', nameTh: 'นางสาวสมศรี รักงาน', positionTh: 'ปลัดเทศบาล', sortOrder: '1' });
    expect(clerk.statusCode).toBe(303);
    const both = mainText((await admin.get('/admin/agency/executives')).body);
    expect(both).not.toContain('ITA ข้อ O2 ต้องแสดงทั้งสองฝ่าย');
    const clerkId = (await t.services.agencies.listExecutives(agencyId)).find((x) => x.kind === 'permanent')!.id;
    expect((await admin.submit(`/admin/agency/executives/${clerkId}/delete`, {})).statusCode).toBe(303);
    expect((await t.services.agencies.listExecutives(agencyId)).map((x) => x.nameTh)).toEqual(['นายสมชาย ใจดีมาก']);
  });

  it('lets a viewer read the agency pages but not change them (403)', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    const page = await viewer.get('/admin/agency');
    expect(page.statusCode).toBe(200);
    expect(html(page.body).querySelector('form[action="/admin/agency"]')).toBeNull();
    expect(mainText(page.body)).toContain(PROFILE.nameTh);
    const units = await viewer.get('/admin/agency/units');
    expect(units.statusCode).toBe(200);
    expect(html(units.body).querySelector('form[action="/admin/agency/units"]')).toBeNull();

    const post = await viewer.submit('/admin/agency', { ...PROFILE, nameTh: 'ชื่อโดยผู้ดู' });
    expect(post.statusCode).toBe(403);
    expect(mainText(post.body)).toContain('ท่านไม่มีสิทธิ์');
    expect((await viewer.submit('/admin/agency/units', { nameTh: 'กองใหม่' })).statusCode).toBe(403);
    expect((await t.services.agencies.getAgency(agencyId)).nameTh).toBe(PROFILE.nameTh);
    expect((await viewer.get('/admin/audit')).statusCode).toBe(403);
  });

  it('lists the changes in the audit log in Thai words with a Buddhist-era time', async () => {
    const res = await admin.get('/admin/audit');
    expect(res.statusCode).toBe(200);
    const rows = html(res.body).querySelectorAll('tbody tr').map((r) => r.textContent.replace(/\s+/g, ' '));
    const profileRow = rows.find((r) => r.includes('แก้ไขข้อมูลหน่วยงาน'))!;
    expect(profileRow).toContain('ผู้ดูแล ทดสอบ');
    expect(profileRow).toContain('๑ ตุลาคม ๒๕๖๘ เวลา ๐๙:๓๐ น.');
    expect(profileRow).toContain('จังหวัด: อุบลราชธานี');
    const text = rows.join('\n');
    for (const label of ['เพิ่มหน่วยงานย่อย', 'แก้ไขหน่วยงานย่อย', 'ลบหน่วยงานย่อย', 'เพิ่มข้อมูลผู้บริหาร', 'แก้ไขข้อมูลผู้บริหาร', 'ลบข้อมูลผู้บริหาร', 'สร้างหน่วยงาน', 'เข้าสู่ระบบ']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('ชื่อ: กองการศึกษา');
    expect(rows.find((r) => r.includes('ลบข้อมูลผู้บริหาร'))).toContain('ชื่อ: นางสาวสมศรี รักงาน');
  });
});
