/**
 * Q&A categories per agency on both databases (issue 13 §1): each agency starts with the six
 * default categories, seeded on its first use and its own; staff add, rename, retire and bring
 * back categories (audited); a retired category is not offered to askers and is refused if sent
 * anyway, while its questions keep showing its (renamed) name; bad names get a Thai message
 * naming the field and store nothing; the last category in use cannot be retired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, rowCount, setUpAgency, staffClient, type TestApp } from '../../support/app.js';
import { expectMatchesOpenApi } from '../../support/openapi.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { otherAgency } from '../eservices/support.js';
import { listAudit } from '../../../src/platform/audit.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

const DEFAULTS = ['เรื่องทั่วไป', 'การให้บริการและการขออนุญาต', 'งบประมาณและการจัดซื้อจัดจ้าง', 'บุคลากรและการรับสมัครงาน', 'ภาษีและค่าธรรมเนียม', 'เรื่องอื่น ๆ'];

describe.each(DIALECTS)('Q&A categories on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  const citizen = () => new TestClient(t.app);
  /** The category select of the ask form: [value, label] pairs. */
  const askOptions = async () =>
    html((await citizen().get('/a/test-town/qa/ask')).body)
      .querySelectorAll('select[name="category"] option')
      .filter((o) => o.getAttribute('value'))
      .map((o) => [o.getAttribute('value')!, o.textContent.trim()]);
  async function ask(category: string, question: string) {
    const c = citizen();
    await c.get('/a/test-town/qa/ask');
    return c.submit('/a/test-town/qa/ask', { category, question, isPrivate: '0' });
  }
  const auditActions = async () => (await listAudit(t.database.db, agencyId)).map((a) => a.action).filter((a) => a.startsWith('qa.category'));

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fixedClock('2022-03-01T03:00:00Z') });
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(() => t.close());

  it('starts every agency with the six defaults, each agency its own', async () => {
    expect((await askOptions()).map(([, label]) => label)).toEqual(DEFAULTS);
    const other = await otherAgency(t);
    expect((await t.services.qa.categories(other.id)).map((c) => c.nameTh)).toEqual(DEFAULTS);
    expect(await rowCount(t, 'qa_categories')).toBe(12);
    // Seeding twice (a second first use) adds nothing.
    expect((await t.services.qa.categories(other.id)).length).toBe(6);
    expect(await rowCount(t, 'qa_categories')).toBe(12);
  });

  it('refuses an empty or duplicate name with a Thai message naming the field, storing nothing', async () => {
    await admin.get('/admin/qa/categories');
    const empty = await admin.submit('/admin/qa/categories', { nameTh: ' ' });
    expect(empty.statusCode).toBe(400);
    const summary = html(empty.body).querySelectorAll('.error-summary li a').map((a) => [a.getAttribute('href'), toArabicDigits(a.textContent.trim())]); // in the agency's digits
    expect(summary).toEqual([['#f-nameTh', 'ชื่อหมวดต้องมีอย่างน้อย 2 ตัวอักษร']]);
    const dup = await admin.submit('/admin/qa/categories', { nameTh: '  ภาษีและค่าธรรมเนียม ' });
    expect(dup.statusCode).toBe(400);
    expect(mainText(dup.body)).toContain('มีหมวด "ภาษีและค่าธรรมเนียม" แล้ว กรุณาใช้ชื่ออื่น');
    expect(html(dup.body).querySelector('#f-nameTh')?.getAttribute('value')).toBe('  ภาษีและค่าธรรมเนียม ');
    expect(await rowCount(t, 'qa_categories')).toBe(12);
    expect(await auditActions()).toEqual([]);
  });

  it('adds a category askers can use at once, and renames it for every question in it', async () => {
    const added = await admin.submit('/admin/qa/categories', { nameTh: 'ประปาหมู่บ้าน' });
    expect(added.statusCode).toBe(303);
    const key = (await askOptions()).find(([, label]) => label === 'ประปาหมู่บ้าน')![0];
    expect((await ask(key, 'น้ำประปาไม่ไหลสามวันแล้ว จะซ่อมเมื่อไร')).statusCode).toBe(303);
    const id = (await t.services.qa.list(agencyId)).find((e) => e.question.startsWith('น้ำประปา'))!.id;
    // The audit names the category in words: its random key would read as a code on the audit page.
    const asked = (await listAudit(t.database.db, agencyId)).find((a) => a.action === 'qa.ask' && a.entityId === id)!;
    expect(asked.details).toMatchObject({ category: 'ประปาหมู่บ้าน' });
    await admin.get(`/admin/qa/${id}`);
    expect((await admin.submit(`/admin/qa/${id}/answer`, { answer: 'ช่างจะเข้าซ่อมวันพรุ่งนี้' })).statusCode).toBe(303);

    await admin.get(`/admin/qa/categories/${key}`);
    const renamed = await admin.submit(`/admin/qa/categories/${key}`, { nameTh: 'ประปาและน้ำดื่ม' });
    expect(renamed.statusCode).toBe(303);
    const card = html((await citizen().get('/a/test-town/qa')).body).querySelectorAll('article').find((a) => a.textContent.includes('น้ำประปาไม่ไหล'))!;
    expect(card.querySelector('.hint')!.textContent).toContain('ประปาและน้ำดื่ม');
    const api = await t.app.inject({ method: 'GET', url: `/a/test-town/api/qa?category=${key}` });
    await expectMatchesOpenApi(t.app, 'GET', `/a/test-town/api/qa?category=${key}`, api);
    expect((api.json() as { category: string; categoryName: string }[]).map((e) => [e.category, e.categoryName])).toEqual([[key, 'ประปาและน้ำดื่ม']]);
    expect(await auditActions()).toEqual(expect.arrayContaining(['qa.category.add', 'qa.category.rename']));
  });

  it('retires a category: not offered, refused if sent, its questions keep it; and brings it back', async () => {
    const key = (await askOptions()).find(([, label]) => label === 'ประปาและน้ำดื่ม')![0];
    await admin.get(`/admin/qa/categories/${key}`);
    expect((await admin.submit(`/admin/qa/categories/${key}/retire`, {})).statusCode).toBe(303);
    expect((await askOptions()).map(([v]) => v)).not.toContain(key);
    const before = await rowCount(t, 'qa_questions');
    const refused = await ask(key, 'ขอให้ขยายเขตประปาไปหมู่ 5 ด้วยครับ');
    expect(refused.statusCode).toBe(400);
    expect(html(refused.body).querySelectorAll('.error-summary li a').map((a) => [a.getAttribute('href'), a.textContent.trim()])).toEqual([['#f-category', 'กรุณาเลือกหมวดของคำถาม']]);
    expect(await rowCount(t, 'qa_questions')).toBe(before);
    // The public filter still offers it (marked), and its question still shows its name.
    const index = html((await citizen().get(`/a/test-town/qa?category=${key}`)).body);
    expect(index.querySelector(`select[name="category"] option[value="${key}"]`)?.textContent).toBe('ประปาและน้ำดื่ม (เลิกใช้แล้ว)');
    expect(index.querySelectorAll('article').map((a) => a.querySelector('h3')!.textContent.trim())).toEqual(['น้ำประปาไม่ไหลสามวันแล้ว จะซ่อมเมื่อไร']);

    expect((await admin.submit(`/admin/qa/categories/${key}/restore`, {})).statusCode).toBe(303);
    expect((await askOptions()).map(([v]) => v)).toContain(key);
    expect(await auditActions()).toEqual(expect.arrayContaining(['qa.category.retire', 'qa.category.restore']));
  });

  it('keeps at least one category in use', async () => {
    const keys = (await t.services.qa.categories(agencyId)).map((c) => c.key);
    for (const key of keys.slice(1)) await t.services.qa.setCategoryRetired({ userId: null, label: 'test' }, agencyId, key, true);
    const last = await admin.get(`/admin/qa/categories/${keys[0]}`);
    expect(mainText(last.body)).toContain('หมวดนี้เป็นหมวดเดียวที่ใช้งานอยู่ จึงเลิกใช้ไม่ได้');
    expect((await admin.submit(`/admin/qa/categories/${keys[0]}/retire`, {})).statusCode).toBe(409);
    expect((await askOptions()).map(([v]) => v)).toEqual([keys[0]]);
  });

  it('is for staff who answer questions only', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    expect((await viewer.get('/admin/qa/categories')).statusCode).toBe(403);
    expect((await citizen().get('/admin/qa/categories')).statusCode).toBe(303);
    expect((await admin.get('/admin/qa/categories/no-such-key')).statusCode).toBe(404);
  });
});
