/**
 * E-services end to end on both databases: the catalogue and its validated forms, citizens'
 * requests with files (web form and JSON API), the staff queue's state changes, one
 * satisfaction answer per request, masking of personal data, and agency isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, staffClient, type TestApp } from '../../support/app.js';
import type { Agency } from '../../../src/modules/agencies/domain/agency.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { png } from '../oit/fixtures.js';
import { count, nationalId, otherAgency } from './support.js';
import { expectMatchesOpenApi } from '../../support/openapi.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

/** Multipart forms carry the CSRF token as their first field (never in the URL); a browser sends it first. */
function tokenFromForm(client: TestClient, body: string): void {
  const form = html(body).querySelector('form[enctype="multipart/form-data"]')!;
  expect(form.getAttribute('action')).not.toContain('_csrf');
  const first = form.querySelector('input')!;
  expect(first.getAttribute('name')).toBe('_csrf');
  client.csrf = first.getAttribute('value')!;
}

const CODE = /^ES-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

describe.each(DIALECTS)('e-services on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agency: Agency;
  let water: string; // ขอใช้น้ำประปา: national ID, phone, location, optional file
  let light: string; // แจ้งซ่อมไฟฟ้าสาธารณะ: location, choice, photo
  const citizen = () => new TestClient(t.app);
  /** Every API answer is checked against the served OpenAPI document. */
  const api = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Record<string, unknown>, headers: { 'content-type': 'application/json' } } : {}) });
    await expectMatchesOpenApi(t.app, method, url, res);
    return res;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agency = (await t.services.agencies.findBySlug('test-town'))!;
    for (const key of ['water-supply', 'street-light-repair']) {
      await admin.get('/admin/eservices/services');
      const res = await admin.submit('/admin/eservices/services/enable', { template: key });
      expect(res.statusCode).toBe(303);
    }
    const services = await t.services.eservices.listServices(agency.id);
    water = services.find((s) => s.templateKey === 'water-supply')!.id;
    light = services.find((s) => s.templateKey === 'street-light-repair')!.id;
  });
  afterAll(async () => t.close());

  it('validates a form definition as a whole and keeps the entered rows on error', async () => {
    const page = await admin.get(`/admin/eservices/services/${light}`);
    expect(page.statusCode).toBe(200);
    const base = {
      nameTh: 'แจ้งซ่อมไฟฟ้าสาธารณะ',
      category: 'service',
      descriptionTh: '',
      documentsTh: '',
      feeTh: '',
      timeLimitDays: '7',
      unitId: '',
      purposeTh: 'เพื่อซ่อมไฟ',
      retentionDays: '180',
      enabled: '1',
    };
    const bad = await admin.submit(`/admin/eservices/services/${light}`, {
      ...base,
      timeLimitDays: 'เจ็ด',
      'fields.0.key': 'spot',
      'fields.0.label': 'จุด',
      'fields.0.type': 'location',
      'fields.0.required': '1',
      'fields.1.key': 'spot',
      'fields.1.label': 'ซ้ำ',
      'fields.1.type': 'text',
      'fields.2.key': 'kind',
      'fields.2.label': 'อาการ',
      'fields.2.type': 'choice',
      'fields.2.options': 'ไฟดับ',
    });
    expect(bad.statusCode).toBe(400);
    const text = mainText(bad.body);
    expect(text).toContain('รหัสช่อง "spot" ซ้ำกัน');
    expect(toArabicDigits(text)).toContain('ช่องแบบตัวเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ'); // in the agency's digits
    expect(text).toContain('ระยะเวลาตามกฎหมาย ต้องเป็นตัวเลข');
    expect(html(bad.body).querySelector('#f-fields-1-label')!.getAttribute('value')).toBe('ซ้ำ');
    // Nothing of the bad definition was saved.
    expect((await t.services.eservices.getService(agency.id, light)).fields.map((f) => f.key)).toContain('photo');

    const ok = await admin.submit(`/admin/eservices/services/${light}`, {
      ...base,
      'fields.0.key': 'location',
      'fields.0.label': 'ตำแหน่งเสาไฟ',
      'fields.0.type': 'location',
      'fields.0.required': '1',
      'fields.1.key': 'problem',
      'fields.1.label': 'อาการ',
      'fields.1.type': 'choice',
      'fields.1.required': '1',
      'fields.1.options': 'ไฟดับ\nไฟกะพริบ',
      'fields.2.key': 'photo',
      'fields.2.label': 'รูปถ่าย',
      'fields.2.type': 'file',
      'fields.2.required': '1',
    });
    expect(ok.statusCode).toBe(303);
    const saved = await t.services.eservices.getService(agency.id, light);
    expect(saved.fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['location', 'location', true],
      ['problem', 'choice', true],
      ['photo', 'file', true],
    ]);
  });

  it('publishes the enabled services and their typed forms through the JSON API exactly', async () => {
    const list = await api('GET', `/a/test-town/api/services`);
    expect(list.statusCode).toBe(200);
    const services = list.json() as { id: string; name: string }[];
    expect(services.map((s) => Object.keys(s).sort())).toEqual([['id', 'name'], ['id', 'name']]);
    expect(services.map((s) => s.name).sort()).toEqual(['ขอใช้น้ำประปา', 'แจ้งซ่อมไฟฟ้าสาธารณะ'].sort());
    const one = (await api('GET', `/a/test-town/api/services/${light}`)).json();
    expect(one).toEqual({
      id: light,
      name: 'แจ้งซ่อมไฟฟ้าสาธารณะ',
      fields: [
        { key: 'location', label: 'ตำแหน่งเสาไฟ', type: 'location', required: true },
        { key: 'problem', label: 'อาการ', type: 'choice', required: true, options: ['ไฟดับ', 'ไฟกะพริบ'] },
        { key: 'photo', label: 'รูปถ่าย', type: 'file', required: true },
      ],
    });
    expect((await api('GET', `/a/test-town/api/services/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('takes a request through the JSON API: 201 with a random tracking code; bad input is 400 per field and stores nothing', async () => {
    const before = await count(t, 'eservice_requests');
    const bad = await api('POST', `/a/test-town/api/services/${water}/requests`, {
      fields: { full_name: 'สมชาย', national_id: '1234567890123', phone: '12', install_location: '', unknown: 'x' },
      contact: { phone: 'abc' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { fields: { field: string; message: string }[] } }).error.fields;
    const byField = Object.fromEntries(fields.map((f) => [f.field, f.message]));
    expect(byField.national_id).toContain('เลขประจำตัวประชาชนไม่ถูกต้อง');
    expect(byField.phone).toContain('หมายเลขโทรศัพท์ไม่ถูกต้อง');
    expect(byField.install_location).toContain('กรุณาระบุสถานที่');
    expect(byField.unknown).toContain('ไม่มีช่อง');
    expect(byField['contact.phone']).toContain('หมายเลขโทรศัพท์สำหรับติดต่อ');
    expect((await api('POST', `/a/test-town/api/services/${water}/requests`, { fields: 'x' })).statusCode).toBe(400);
    expect(await count(t, 'eservice_requests')).toBe(before);

    const good = { fields: { full_name: 'สมชาย ใจดี', national_id: nationalId('110170020345'), phone: '081-234-5678', install_location: { address: '1 หมู่ 2', lat: 15.1, lng: 104.3 } }, contact: { phone: '0812345678' } };
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api('POST', `/a/test-town/api/services/${water}/requests`, good);
      expect(res.statusCode).toBe(201);
      const body = res.json() as { trackingCode: string };
      expect(Object.keys(body)).toEqual(['trackingCode']);
      expect(body.trackingCode).toMatch(CODE);
      codes.push(body.trackingCode);
    }
    expect(new Set(codes).size).toBe(3);
    const status = await api('POST', `/a/test-town/api/requests/status`, { trackingCode: codes[0]!.toLowerCase().replace(/-/g, ' ') });
    expect(status.statusCode).toBe(200);
    const s = status.json() as Record<string, string>;
    expect(Object.keys(s).sort()).toEqual(['service', 'state', 'updatedAt']);
    expect(s.state).toBe('received');
    expect(s.service).toBe('ขอใช้น้ำประปา');
    expect(Number.isNaN(Date.parse(s.updatedAt!))).toBe(false);
    expect((await api('POST', `/a/test-town/api/requests/status`, { trackingCode: 'ES-22222-22222' })).statusCode).toBe(404);
    expect((await api('POST', `/a/test-town/api/requests/status`, {})).statusCode).toBe(400);
  });

  it('takes a request with a photo from the web form, without an account, and shows its status', async () => {
    const c = citizen();
    const form = await c.get(`/a/test-town/eservice/services/${light}`);
    expect(form.statusCode).toBe(200);
    tokenFromForm(c, form.body);
    expect(mainText(form.body)).toContain('การใช้ข้อมูลส่วนบุคคล');
    expect(mainText(form.body)).toContain('๑๘๐ วัน');
    const filesBefore = await count(t, 'stored_files');
    const forged = citizen(); // a form posted from elsewhere carries no token of this visitor
    expect((await forged.upload(`/a/test-town/eservice/services/${light}`, { location: 'x', problem: 'ไฟดับ' }, [])).statusCode).toBe(403);
    // Missing photo and an unknown choice: 400, values kept, nothing stored.
    const bad = await c.upload(`/a/test-town/eservice/services/${light}`, { location: 'หน้าวัด', problem: 'ระเบิด' }, []);
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('รูปถ่าย: กรุณาแนบไฟล์');
    expect(mainText(bad.body)).toContain('อาการ: กรุณาเลือกจากรายการที่กำหนด');
    expect(html(bad.body).querySelector('#f-location')!.textContent).toBe('หน้าวัด');
    // A text file posing as a photo is refused by content, and leaves no file behind.
    const fake = await c.upload(`/a/test-town/eservice/services/${light}`, { location: 'หน้าวัด', problem: 'ไฟดับ' }, [{ field: 'photo', filename: 'photo.jpg', content: Buffer.from('not an image'), contentType: 'image/jpeg' }]);
    expect(fake.statusCode).toBe(415);
    expect(await count(t, 'stored_files')).toBe(filesBefore);

    const ok = await c.upload(`/a/test-town/eservice/services/${light}`, { location: 'หน้าวัด หมู่ 1', 'location.lat': '15.12', 'location.lng': '104.33', problem: 'ไฟดับ' }, [{ field: 'photo', filename: 'เสาไฟ.png', content: png(), contentType: 'image/png' }]);
    expect(ok.statusCode).toBe(303);
    const where = ok.headers.location as string;
    expect(where).toMatch(/^\/a\/test-town\/eservice\/track\/ES-/);
    expect(await count(t, 'stored_files')).toBe(filesBefore + 1);
    const page = await c.get(where);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(mainText(page.body)).toContain('รับเรื่องแล้ว');
    expect(mainText(page.body)).toContain('แจ้งซ่อมไฟฟ้าสาธารณะ');
  });

  it('moves a request through the queue; the citizen sees each change; reasons are required', async () => {
    const { trackingCode, id } = await t.services.eservices.submitRequest(agency.id, water, {
      channel: 'online',
      fields: { full_name: 'สมหญิง', national_id: nationalId('310050012345'), phone: '0898765432', install_location: 'บ้านเลขที่ 5' },
    });
    const queue = await admin.get('/admin/eservices');
    expect(mainText(queue.body)).toContain(trackingCode);
    const page = `/admin/eservices/requests/${id}`;
    await admin.get(page);
    const noReason = await admin.submit(`${page}/state`, { state: 'rejected', note: '' });
    expect(noReason.statusCode).toBe(400);
    expect(mainText(noReason.body)).toContain('กรุณาระบุเหตุผลที่ไม่อนุมัติ');
    expect((await admin.submit(`${page}/state`, { state: 'in_progress', note: '' })).statusCode).toBe(303);
    await admin.get(page);
    expect((await admin.submit(`${page}/state`, { state: 'received', note: '' })).statusCode).toBe(400);
    expect((await admin.submit(`${page}/state`, { state: 'waiting_citizen', note: 'กรุณาส่งสำเนาทะเบียนบ้าน' })).statusCode).toBe(303);
    await admin.get(page);
    expect((await admin.submit(`${page}/messages`, { body: 'ตรวจเอกสารแล้ว', visibility: 'internal' })).statusCode).toBe(303);

    const c = citizen();
    const status = await c.get(`/a/test-town/eservice/track/${trackingCode}`);
    const text = mainText(status.body);
    expect(text).toContain('รอข้อมูลเพิ่มเติมจากผู้ยื่นคำขอ');
    expect(text).toContain('กรุณาส่งสำเนาทะเบียนบ้าน');
    expect(text).not.toContain('ตรวจเอกสารแล้ว'); // internal notes stay internal
    expect((await c.submit(`/a/test-town/eservice/track/${trackingCode}/messages`, { body: 'ส่งสำเนาแล้วที่สำนักงาน' })).statusCode).toBe(303);
    expect((await t.services.eservices.status(agency.id, trackingCode)).state).toBe('in_progress');

    await admin.get(page);
    expect((await admin.submit(`${page}/state`, { state: 'done', note: 'ติดตั้งมาตรวัดแล้ว' })).statusCode).toBe(303);
    const done = await c.get(`/a/test-town/eservice/track/${trackingCode}`);
    expect(mainText(done.body)).toContain('ดำเนินการเสร็จสิ้น');
    expect(html(done.body).querySelector('a[href*="/survey/"]')).not.toBeNull();
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['eservice.request.submit', 'eservice.request.state', 'eservice.request.note', 'eservice.request.message']));
  });

  it('takes one satisfaction answer per done request and stores it without a link to the request', async () => {
    const { trackingCode, id } = await t.services.eservices.submitRequest(agency.id, light, { channel: 'online', fields: { location: 'ซอย 1', problem: 'ไฟดับ' }, files: { photo: await t.services.files.stage(agency.id, png(), 'p.png') } });
    await t.services.eservices.changeState((await t.services.users.listUsers(agency.id))[0]!, SYSTEM_ACTOR, agency.id, id, 'done', '');
    const c = citizen();
    const status = await c.get(`/a/test-town/eservice/track/${trackingCode}`);
    const link = html(status.body).querySelector('a[href*="/survey/"]')!.getAttribute('href')!;
    // Walk-in: the printed slip carries the same one-time link as a QR code drawn on the server.
    const slip = await admin.get(`/admin/eservices/requests/${id}/slip`);
    expect(slip.statusCode).toBe(200);
    expect(html(slip.body).querySelector('.qr svg path')).not.toBeNull();
    expect(mainText(slip.body)).toContain(link);
    const survey = await c.get(link);
    expect(survey.statusCode).toBe(200);
    const missing = await c.submit(link, { process: '5' });
    expect(missing.statusCode).toBe(400);
    expect(mainText(missing.body)).toContain('กรุณาตอบข้อ');
    const before = await count(t, 'survey_responses');
    expect((await c.submit(link, { process: '5', time: '4', staff: '5', channel: '4', overall: '5', suggestion: 'ดีมาก' })).statusCode).toBe(303);
    expect(await count(t, 'survey_responses')).toBe(before + 1);
    const again = await c.submit(link, { process: '1', time: '1', staff: '1', channel: '1', overall: '1' });
    expect(again.statusCode).toBe(409);
    expect(await count(t, 'survey_responses')).toBe(before + 1);
    expect(mainText((await c.get(link)).body)).toContain('ขอบคุณที่ตอบแบบสำรวจ');

    // No column of a response names the token, the request or a person; only the date is kept.
    const row = await t.database.db.selectFrom('survey_responses').selectAll().orderBy('submitted_on', 'desc').executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['agency_id', 'answers', 'form_id', 'groups', 'id', 'submitted_on', 'version_id']);
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain(trackingCode);
    expect(row.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const tokens = await t.database.db.selectFrom('survey_tokens').selectAll().execute();
    expect(tokens.every((tk) => !JSON.stringify(tk).includes(link.split('/').pop()!))).toBe(true); // only a hash is stored
  });

  it('masks national ID and phone except for the staff who handle the request, and hides other units’ requests', async () => {
    const units = await t.services.agencies.listUnits(agency.id);
    const [unitA, unitB] = [units[0]!, units[1]!];
    const id13 = nationalId('150990012345');
    const { id } = await t.services.eservices.submitRequest(agency.id, water, { channel: 'online', fields: { full_name: 'ผู้ขอ', national_id: id13, phone: '0811112222', install_location: 'ที่ดินแปลงที่ 3' } });
    await t.database.db.updateTable('eservice_requests').set({ unit_id: unitA.id }).where('id', '=', id).execute();
    const page = `/admin/eservices/requests/${id}`;
    const asManager = mainText((await admin.get(page)).body);
    expect(asManager).not.toContain(id13);
    expect(asManager).toContain(`x-xxxx-xxxxx-${id13.slice(10, 12)}-${id13.slice(12)}`);
    expect(asManager).toContain('xxx-xxx-2222');
    const handler = await staffClient(t, agency.id, 'handler', ['unit_staff'], unitA.id);
    const asHandler = mainText((await handler.get(page)).body);
    expect(asHandler).toContain(id13);
    expect(asHandler).toContain('0811112222');
    const outsider = await staffClient(t, agency.id, 'outsider', ['unit_staff'], unitB.id);
    expect((await outsider.get(page)).statusCode).toBe(404);
    expect(mainText((await outsider.get('/admin/eservices?state=all')).body)).not.toContain('ผู้ขอ');
    const viewer = await staffClient(t, agency.id, 'viewer1', ['viewer']);
    expect((await viewer.get('/admin/eservices')).statusCode).toBe(403);
  });

  it('shows another agency’s staff nothing of this agency', async () => {
    const other = await otherAgency(t);
    const stranger = await staffClient(t, other.id, 'stranger', ['admin']);
    const queue = await stranger.get('/admin/eservices?state=all');
    expect(queue.statusCode).toBe(200);
    expect(mainText(queue.body)).toContain('ไม่มีคำขอในคิว');
    const [mine] = await t.services.eservices.queue((await t.services.users.listUsers(agency.id))[0]!, agency.id);
    expect((await stranger.get(`/admin/eservices/requests/${mine!.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/admin/eservices/services/${water}`)).statusCode).toBe(404);
    // Another agency's address does not open this agency's service or tracking codes.
    expect((await api('GET', `/a/other-town/api/services/${water}`)).statusCode).toBe(404);
    expect((await api('POST', `/a/other-town/api/requests/status`, { trackingCode: mine!.trackingCode })).statusCode).toBe(404);
    const stats = await stranger.get('/admin/eservices/stats');
    expect(html(stats.body).querySelector('[data-stat="total"]')!.textContent).toBe('0');
  });

  it('keeps general complaints as their own channel, apart from the corruption channel', async () => {
    await admin.get('/admin/eservices/services');
    await admin.submit('/admin/eservices/services/enable', { template: 'general-complaint' });
    const c = citizen();
    const index = mainText((await c.get('/a/test-town/eservice')).body);
    expect(index).not.toContain('ร้องเรียน/ร้องทุกข์ทั่วไป —');
    const feedback = await c.get('/a/test-town/eservice/feedback');
    const text = mainText(feedback.body);
    expect(text).toContain('ร้องเรียน/ร้องทุกข์ทั่วไป');
    expect(text).toContain('การทุจริตหรือประพฤติมิชอบของเจ้าหน้าที่');
    const link = html(feedback.body).querySelector('main ul a')!.getAttribute('href')!;
    const form = await c.get(link);
    expect(form.statusCode).toBe(200);
    tokenFromForm(c, form.body);
    const ok = await c.upload(link, { subject: 'ถนนเป็นหลุม', details: 'หน้าโรงเรียน' }, []);
    expect(ok.statusCode, ok.body.slice(0, 3000)).toBe(303);
    expect(mainText((await admin.get('/admin/eservices')).body)).toContain('ร้องเรียน/ร้องทุกข์ทั่วไป');
  });

  it('records a walk-in request at the counter: counted under its channel, closed at once with the survey slip, or queued to the recorder', async () => {
    const list = await admin.get('/admin/eservices/walk-in');
    expect(list.statusCode).toBe(200);
    expect(html(list.body).querySelector(`a[href="/admin/eservices/walk-in/${water}"]`)).not.toBeNull();
    const form = await admin.get(`/admin/eservices/walk-in/${water}`);
    expect(form.statusCode).toBe(200);
    tokenFromForm(admin, form.body);
    const before = await count(t, 'eservice_requests');
    const bad = await admin.upload(`/admin/eservices/walk-in/${water}`, { full_name: 'นาง ข', national_id: '1234567890123', phone: '0812345678', install_location: '', served: 'done' }, []);
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('เลขประจำตัวประชาชนไม่ถูกต้อง');
    expect(html(bad.body).querySelector('#f-full_name')!.textContent).toBe('นาง ข');
    expect(await count(t, 'eservice_requests')).toBe(before);

    const fields = { full_name: 'นาง ข', national_id: nationalId('310050012345'), phone: '0812345678', install_location: 'บ้านเลขที่ 5 หมู่ 2' };
    const done = await admin.upload(`/admin/eservices/walk-in/${water}`, { ...fields, served: 'done' }, []);
    expect(done.statusCode).toBe(303);
    const slipUrl = done.headers.location as string;
    expect(slipUrl).toMatch(/^\/admin\/eservices\/requests\/[0-9a-f-]{36}\/slip$/);
    const slip = await admin.get(slipUrl);
    expect(slip.statusCode).toBe(200);
    expect(slip.body).toContain('<svg');
    const id = slipUrl.split('/')[4]!;
    const adminUser = (await t.services.users.listUsers(agency.id))[0]!;
    const detail = await t.services.eservices.requestDetail(adminUser, agency.id, id);
    expect([detail.request.channel, detail.request.state, detail.request.assignedTo]).toEqual(['walk-in', 'done', adminUser.id]);
    expect(detail.survey?.spent).toBe(false);
    const year = Number(detail.request.submittedOn.slice(0, 4)) + 543 + (Number(detail.request.submittedOn.slice(5, 7)) >= 10 ? 1 : 0);
    expect((await t.services.eserviceReports.stats(agency.id, year, 12)).channels.find((c) => c.channel === 'walk-in')!.total).toBe(1);

    await admin.get(`/admin/eservices/walk-in/${water}`);
    const queued = await admin.upload(`/admin/eservices/walk-in/${water}`, { ...fields, served: 'queue' }, []);
    expect(queued.statusCode).toBe(303);
    const qid = (queued.headers.location as string).split('/').pop()!;
    const q = await t.services.eservices.requestDetail(adminUser, agency.id, qid);
    expect([q.request.channel, q.request.state, q.request.assignedTo]).toEqual(['walk-in', 'received', adminUser.id]);
  });
});
