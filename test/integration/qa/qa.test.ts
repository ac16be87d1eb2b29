/**
 * The Q&A channel on both databases: a citizen asks without an account, nothing is public until
 * staff publish or answer, a private question is answered only on the asker's follow-up page,
 * Thai word search, response-time statistics, the JSON list against the OpenAPI document, the
 * page attached as OIT evidence by role, and agency isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, staffClient, type TestApp } from '../../support/app.js';
import { expectMatchesOpenApi } from '../../support/openapi.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { findOitItemByRole } from '../../../src/modules/catalogue/index.js';
import { otherAgency } from '../eservices/support.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('Q&A on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  const citizen = () => new TestClient(t.app);

  async function ask(fields: Record<string, string>): Promise<string> {
    const c = citizen();
    await c.get('/a/test-town/qa/ask');
    const res = await c.submit('/a/test-town/qa/ask', fields);
    expect(res.statusCode).toBe(303);
    const code = /\/qa\/follow\/(QA-[A-Z0-9-]+)$/.exec(res.headers.location as string)![1]!;
    return code;
  }
  const idOf = async (text: string) => (await t.services.qa.list(agencyId)).find((e) => e.question.includes(text))!.id;

  beforeAll(async () => {
    // Inside FY2565 (the catalogue year with a Q&A item of its own).
    t = await buildTestApp(dialect, { clock: fixedClock('2022-03-01T03:00:00Z') });
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(() => t.close());

  it('refuses an incomplete question with Thai messages per field and stores nothing', async () => {
    const c = citizen();
    await c.get('/a/test-town/qa/ask');
    const res = await c.submit('/a/test-town/qa/ask', { category: '', question: 'สั้น', isPrivate: '' });
    expect(res.statusCode).toBe(400);
    const text = mainText(res.body);
    expect(text).toContain('กรุณาเลือกหมวดของคำถาม');
    expect(toArabicDigits(text)).toContain('กรุณาพิมพ์คำถามอย่างน้อย 10 ตัวอักษร'); // in the agency's digits
    expect(text).toContain('กรุณาเลือกว่าจะให้เผยแพร่คำถามหรือไม่');
    expect(html(res.body).querySelector('#f-question')!.textContent).toBe('สั้น');
    expect(await t.services.qa.list(agencyId)).toEqual([]);
  });

  it('moderates before publication: a citizen question → staff answer → it appears publicly', async () => {
    const code = await ask({ category: 'service', question: 'ขอใบอนุญาตก่อสร้างบ้านต้องใช้เอกสารอะไรบ้าง', askerName: 'สมชาย', isPrivate: '0' });
    // Not public while it waits.
    expect(mainText((await citizen().get('/a/test-town/qa')).body)).not.toContain('ขอใบอนุญาตก่อสร้างบ้าน');
    const follow = await citizen().get(`/a/test-town/qa/follow/${code}`);
    expect(follow.statusCode).toBe(200);
    expect(follow.headers['cache-control']).toBe('no-store');
    expect(mainText(follow.body)).toContain('รอคำตอบ');

    const id = await idOf('ขอใบอนุญาตก่อสร้างบ้าน');
    await admin.get(`/admin/qa/${id}`);
    const empty = await admin.submit(`/admin/qa/${id}/answer`, { answer: '' });
    expect(empty.statusCode).toBe(400);
    expect(toArabicDigits(mainText(empty.body))).toContain('กรุณาพิมพ์คำตอบอย่างน้อย 5 ตัวอักษร');
    const ok = await admin.submit(`/admin/qa/${id}/answer`, { answer: 'ใช้แบบคำขอ ข.1 และแบบแปลน ยื่นที่กองช่าง' });
    expect(ok.statusCode).toBe(303);

    const page = toArabicDigits(mainText((await citizen().get('/a/test-town/qa')).body)); // shown in the agency's digits
    expect(page).toContain('ขอใบอนุญาตก่อสร้างบ้านต้องใช้เอกสารอะไรบ้าง');
    expect(page).toContain('ใช้แบบคำขอ ข.1 และแบบแปลน ยื่นที่กองช่าง');
    expect(page).toContain('โดย สมชาย');
    expect((await citizen().get(`/a/test-town/qa/${id}`)).statusCode).toBe(200);
    expect(mainText((await citizen().get(`/a/test-town/qa/follow/${code.toLowerCase()}`)).body)).toContain('ตอบแล้ว');
  });

  it('publishes a question before its answer, and keeps a rejected one off the public pages', async () => {
    await ask({ category: 'general', question: 'ศูนย์พัฒนาเด็กเล็กเปิดรับสมัครเมื่อไร', isPrivate: '0' });
    const id = await idOf('ศูนย์พัฒนาเด็กเล็ก');
    await admin.get(`/admin/qa/${id}`);
    expect((await admin.submit(`/admin/qa/${id}/moderate`, { decision: 'publish' })).statusCode).toBe(303);
    const card = html((await citizen().get('/a/test-town/qa')).body).querySelectorAll('article').find((a) => a.textContent.includes('ศูนย์พัฒนาเด็กเล็กเปิดรับสมัครเมื่อไร'))!;
    expect(card.textContent).toContain('รอคำตอบ');

    const code = await ask({ category: 'other', question: 'ข้อความโฆษณาขายสินค้าไม่เกี่ยวข้องกับหน่วยงาน', isPrivate: '0' });
    const spam = await idOf('โฆษณาขายสินค้า');
    await admin.get(`/admin/qa/${spam}`);
    const noReason = await admin.submit(`/admin/qa/${spam}/moderate`, { decision: 'reject', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(mainText(noReason.body)).toContain('กรุณาระบุเหตุผลที่ไม่เผยแพร่');
    expect((await admin.submit(`/admin/qa/${spam}/moderate`, { decision: 'reject', reason: 'ไม่เกี่ยวข้องกับภารกิจ' })).statusCode).toBe(303);
    expect(mainText((await citizen().get('/a/test-town/qa')).body)).not.toContain('โฆษณาขายสินค้า');
    expect((await citizen().get(`/a/test-town/qa/${spam}`)).statusCode).toBe(404);
    expect(mainText((await citizen().get(`/a/test-town/qa/follow/${code}`)).body)).toContain('เหตุผลที่ไม่เผยแพร่: ไม่เกี่ยวข้องกับภารกิจ');
  });

  it('answers a private question only on the asker’s follow-up page', async () => {
    const code = await ask({ category: 'other', question: 'ขอทราบความคืบหน้าเรื่องที่ดินของข้าพเจ้า', askerName: 'นางสาวลับ', isPrivate: '1' });
    const id = await idOf('ความคืบหน้าเรื่องที่ดิน');
    await admin.get(`/admin/qa/${id}`);
    // A private question cannot be published.
    expect((await admin.submit(`/admin/qa/${id}/moderate`, { decision: 'publish' })).statusCode).toBe(409);
    expect((await admin.submit(`/admin/qa/${id}/answer`, { answer: 'อยู่ระหว่างการรังวัดที่ดิน' })).statusCode).toBe(303);
    const pub = (await citizen().get('/a/test-town/qa')).body;
    expect(pub).not.toContain('ความคืบหน้าเรื่องที่ดิน');
    expect(pub).not.toContain('นางสาวลับ');
    expect((await citizen().get(`/a/test-town/qa/${id}`)).statusCode).toBe(404);
    expect(JSON.stringify((await t.app.inject({ method: 'GET', url: '/a/test-town/api/qa' })).json())).not.toContain('ที่ดิน');
    expect(mainText((await citizen().get(`/a/test-town/qa/follow/${code}`)).body)).toContain('อยู่ระหว่างการรังวัดที่ดิน');
    // A wrong or malformed code shows nothing.
    expect((await citizen().get('/a/test-town/qa/follow/QA-22222-22222')).statusCode).toBe(404);
    expect((await citizen().get('/a/test-town/qa/follow?code=abc')).statusCode).toBe(400);
  });

  it('searches Thai words written without spaces, in any order, within a category', async () => {
    const hits = async (q: string, category = '') => {
      const res = await t.app.inject({ method: 'GET', url: `/a/test-town/api/qa?q=${encodeURIComponent(q)}&category=${category}` });
      await expectMatchesOpenApi(t.app, 'GET', `/a/test-town/api/qa?q=${encodeURIComponent(q)}`, res);
      return (res.json() as { question: string }[]).map((e) => e.question);
    };
    expect(await hits('ก่อสร้างใบอนุญาต')).toEqual(['ขอใบอนุญาตก่อสร้างบ้านต้องใช้เอกสารอะไรบ้าง']);
    expect(await hits('กองช่าง')).toEqual(['ขอใบอนุญาตก่อสร้างบ้านต้องใช้เอกสารอะไรบ้าง']); // found through the answer
    expect(await hits('ใบอนุญาต', 'tax')).toEqual([]);
    expect(await hits('ภาษีป้าย')).toEqual([]);
    expect(await hits('50%_')).toEqual([]);
    expect((await hits('')).length).toBe(2);
    const page = mainText((await citizen().get(`/a/test-town/qa?q=${encodeURIComponent('เด็กเล็ก')}`)).body);
    expect(page).toContain('ศูนย์พัฒนาเด็กเล็ก');
    expect(page).not.toContain('ขอใบอนุญาตก่อสร้าง');
  });

  it('counts response times and attaches the public page to the year’s Q&A item by role', async () => {
    const stats = await t.services.qa.stats(agencyId, 2565);
    expect(stats).toMatchObject({ asked: 3, answered: 2, pending: 1, medianDays: 0, withinShare: 1 });
    const item = findOitItemByRole((await t.services.catalogues.getCatalogue(2565))!, 'qa-channel')!;
    const view = await t.services.oit.loadYear(agencyId, 2565, { withPeople: false });
    const evidence = view.items.find((i) => i.code === item.code)!.evidence;
    expect(evidence.map((e) => e.url)).toEqual(['http://127.0.0.1:3000/a/test-town/qa']);
  });

  it('keeps staff pages to staff who may answer, and agencies apart', async () => {
    expect((await citizen().get('/admin/qa')).statusCode).toBe(303);
    const viewer = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    expect((await viewer.get('/admin/qa')).statusCode).toBe(403);
    const other = await otherAgency(t);
    const id = await idOf('ขอใบอนุญาตก่อสร้างบ้าน');
    expect((await t.app.inject({ method: 'GET', url: `/a/${other.slug}/qa/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/a/${other.slug}/api/qa` })).json()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/a/no-such-town/api/qa' })).statusCode).toBe(404);
  });
});
