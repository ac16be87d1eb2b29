import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, rowCount } from '../../support/app.js';
import { listAudit } from '../../../src/platform/audit.js';
import type { Agency } from '../../../src/modules/agencies/domain/agency.js';
import { runOit } from '../../../src/cli/commands/oit.js';
import { seedDemoOit } from '../../../src/modules/oit/demo.js';
import type { FetchLike } from '../../../src/modules/oit/self-audit.js';
import { PROBLEMS_PART, SIX_MONTH_REPORT, docx, png, scannedPdf, textPdf } from './fixtures.js';

const Y = 2565;
const item = (code: string) => `/admin/oit/${Y}/${code}`;

async function countFiles(t: TestApp): Promise<number> {
  return rowCount(t, 'stored_files');
}
function filesOnDisk(t: TestApp): string[] {
  const root = join(t.config.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

async function signIn(t: TestApp, username: string, password: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.get('/login');
  const res = await c.submit('/login', { username, password });
  if (res.statusCode !== 303) throw new Error(`login failed ${res.statusCode}`);
  return c;
}

/** Reads the element list of an item page: key → satisfied. */
function elementState(body: string): Record<string, { ok: boolean; text: string }> {
  const out: Record<string, { ok: boolean; text: string }> = {};
  for (const li of html(body).querySelectorAll('#elements > li')) {
    out[li.id.replace(/^element-/, '')] = { ok: !!li.querySelector('.tag-good'), text: li.textContent.replace(/\s+/g, ' ') };
  }
  return out;
}

async function readiness(client: TestClient): Promise<number> {
  const res = await client.get(`/admin/oit/${Y}`);
  return Number(html(res.body).querySelector('#readiness-score')!.textContent.replace('%', ''));
}

describe.each(DIALECTS)('OIT workspace on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agency: Agency;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    // Arabic digits: these tests read counts and dates off the OIT pages; the Thai-digit rendering of
    // the same pages is test/integration/audit/plain-words-and-digits.test.ts's job.
    admin = await setUpAgency(t, { 'agency.digits': 'arabic' });
    agency = (await t.services.agencies.findBySlug('test-town'))!;
  });
  afterAll(async () => t.close());

  it('lists every catalogue item in order with status, due date and what is missing', async () => {
    const res = await admin.get(`/admin/oit/${Y}`);
    expect(res.statusCode).toBe(200);
    const rows = html(res.body).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(43);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 43 }, (_, i) => `item-O${i + 1}`));
    expect(rows[10]!.textContent).toContain('ยังไม่เริ่ม');
    // Default due date: the end of the FY2565 OIT collection step (30 April 2565).
    expect(rows[10]!.textContent).toContain('30 เม.ย. 2565');
    expect(rows[10]!.textContent).toContain('ระบุปัญหา อุปสรรค');
    expect(await readiness(admin)).toBe(0);
  });

  it('rejects a file whose content is not an allowed type, whatever its name and declared type, in Thai', async () => {
    await admin.get(item('O11'));
    const res = await admin.upload(`${item('O11')}/evidence/file`, { 'file.title': 'รายงาน' }, [
      { field: 'file.upload', filename: 'report.pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'application/pdf' },
    ]);
    expect(res.statusCode).toBe(415);
    expect(html(res.body).querySelector('.error-summary')!.textContent).toContain('ไม่รองรับชนิดไฟล์นี้');
    expect(html(res.body).querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    expect(await countFiles(t)).toBe(0);
    expect(filesOnDisk(t)).toEqual([]);
  });

  it('machine-checks a 6-month report PDF: the missing "ปัญหา อุปสรรค" part is reported, then fixed by a new version at the same URL', async () => {
    await admin.get(item('O11'));
    const before = await readiness(admin);
    const first = await admin.upload(`${item('O11')}/evidence/file`, { 'file.title': 'รายงานรอบ 6 เดือน', 'file.periodFrom': '2021-10-01', 'file.periodTo': '2022-03-31' }, [
      { field: 'file.upload', filename: 'รายงาน 6 เดือน.pdf', content: await textPdf(SIX_MONTH_REPORT), contentType: 'application/octet-stream' },
    ]);
    expect(first.statusCode).toBe(303);
    let page = await admin.get(item('O11'));
    let els = elementState(page.body);
    expect(els['first-half']!.ok).toBe(true);
    expect(els['problems']!.ok).toBe(false);
    expect(els['problems']!.text).toContain('ไม่พบหัวข้อ "ปัญหา อุปสรรค"');
    expect(els['suggestions']!.ok).toBe(false);
    // "progress" has no machine check: evidence that names no elements does not declare it.
    expect(els['progress']!.ok).toBe(false);
    await admin.submit(`${item('O11')}/declarations`, { 'pointer.progress': 'ตารางความก้าวหน้าหน้า 2' });
    expect(elementState((await admin.get(item('O11'))).body)['progress']!.ok).toBe(true);
    const mid = await readiness(admin);
    expect(mid).toBeGreaterThan(before);

    // Publish so the public URL exists, then replace the file.
    await admin.submit(`${item('O11')}/status`, { 'status.status': 'published' });
    const publicPage = await new TestClient(t.app).get(`/a/test-town/oit/${Y}/O11`);
    const link = html(publicPage.body).querySelector('main a[href*="/evidence/"]')!.getAttribute('href')!;
    const v1 = await new TestClient(t.app).get(link);
    expect(v1.statusCode).toBe(200);
    expect(v1.headers['content-type']).toBe('application/pdf');

    const evidenceId = /\/evidence\/([0-9a-f-]{36})\//.exec(link)![1]!;
    await admin.get(item('O11'));
    const replaced = await admin.upload(`${item('O11')}/evidence/${evidenceId}`, {
      [`ev.${evidenceId}.title`]: 'รายงานรอบ 6 เดือน (ฉบับแก้ไข)',
      [`ev.${evidenceId}.periodFrom`]: '2021-10-01',
      [`ev.${evidenceId}.periodTo`]: '2022-03-31',
    }, [{ field: `ev.${evidenceId}.upload`, filename: 'รายงาน 6 เดือน ฉบับแก้ไข.pdf', content: await textPdf([...SIX_MONTH_REPORT, ...PROBLEMS_PART]) }]);
    expect(replaced.statusCode).toBe(303);
    page = await admin.get(item('O11'));
    els = elementState(page.body);
    // No element was claimed in the edit form: only machine checks on "all elements" remain.
    expect(els['problems']!.ok).toBe(true);
    expect(els['suggestions']!.ok).toBe(true);
    expect(mainText(page.body)).toContain('ฉบับก่อนหน้า (1)');
    expect(await readiness(admin)).toBeGreaterThan(mid);

    const publicAgain = await new TestClient(t.app).get(`/a/test-town/oit/${Y}/O11`);
    const link2 = html(publicAgain.body).querySelector('main a[href*="/evidence/"]')!.getAttribute('href')!;
    expect(link2.split('/').slice(0, -1)).toEqual(link.split('/').slice(0, -1));
    const v2 = await new TestClient(t.app).get(link); // the old URL serves the new version
    expect(v2.statusCode).toBe(200);
    expect(v2.headers.etag).not.toBe(v1.headers.etag);
    expect(v2.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('รายงาน 6 เดือน ฉบับแก้ไข.pdf')}`);
    expect(v2.headers['x-content-type-options']).toBe('nosniff');
    const versions = await t.database.db.selectFrom('oit_evidence_versions').selectAll().where('evidence_id', '=', evidenceId).execute();
    expect(versions.map((v) => Number(v.version_no)).sort()).toEqual([1, 2]);
    const again = await new TestClient(t.app).get(link, { 'if-none-match': String(v2.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('says a scanned PDF has no text layer and cannot pass its content checks', async () => {
    await admin.get(item('O19'));
    const res = await admin.upload(`${item('O19')}/evidence/file`, { 'file.title': 'สแกน' }, [{ field: 'file.upload', filename: 'scan.pdf', content: await scannedPdf() }]);
    expect(res.statusCode).toBe(303);
    const page = await admin.get(item('O19'));
    const els = elementState(page.body);
    expect(els['first-half']!.ok).toBe(false);
    expect(els['first-half']!.text).toContain('ภาพสแกน');
    expect(mainText(page.body)).toContain('ไฟล์นี้เป็นภาพสแกน ไม่มีชั้นข้อความ');
  });

  it('reads DOCX text: an annual report of FY2564 with its parts passes O12, one of FY2565 is told it is the wrong year', async () => {
    await admin.get(item('O12'));
    await admin.upload(`${item('O12')}/evidence/file`, {}, [
      { field: 'file.upload', filename: 'annual-2565.docx', content: await docx(['รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2565', ...PROBLEMS_PART]) },
    ]);
    let els = elementState((await admin.get(item('O12'))).body);
    expect(els['previous-year']!.ok).toBe(false);
    expect(els['previous-year']!.text).toContain('ต้องเป็นรายงานของปีงบประมาณ 2564');
    expect(els['problems']!.ok).toBe(true);
    await admin.upload(`${item('O12')}/evidence/file`, {}, [
      { field: 'file.upload', filename: 'annual-2564.docx', content: await docx(['รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๔', ...PROBLEMS_PART]) },
    ]);
    els = elementState((await admin.get(item('O12'))).body);
    expect(els['previous-year']!.ok).toBe(true);
  });

  it('O2: adding executives with photos through the item page satisfies the executives element', async () => {
    await admin.get(item('O2'));
    let els = elementState((await admin.get(item('O2'))).body);
    expect(els['details']!.text).toContain('ยังไม่มีข้อมูลผู้บริหาร');
    const before = await readiness(admin);
    await admin.get(item('O2'));
    const add1 = await admin.upload(`${item('O2')}/executives`, { 'exec.new.kind': 'political', 'exec.new.nameTh': 'นายสมชาย ใจดี', 'exec.new.positionTh': 'นายกเทศมนตรี', 'exec.new.phone': '045-123456' }, [
      { field: 'exec.new.photo', filename: 'นายก.png', content: png() },
    ]);
    expect(add1.statusCode).toBe(303);
    els = elementState((await admin.get(item('O2'))).body);
    expect(els['details']!.text).toContain('ยังไม่มีผู้บริหารฝ่ายข้าราชการประจำ');
    await admin.upload(`${item('O2')}/executives`, { 'exec.new.kind': 'permanent', 'exec.new.nameTh': 'นางสุดา มั่นคง', 'exec.new.positionTh': 'ปลัดเทศบาล', 'exec.new.email': 'palad@example.go.th' }, []);
    els = elementState((await admin.get(item('O2'))).body);
    expect(els['details']!.text).toContain('นางสุดา มั่นคง: ไม่มีรูปถ่าย');
    // A photo that is not an image is refused on the photo field.
    const exec = (await t.services.agencies.listExecutives(agency.id)).find((e) => e.kind === 'permanent')!;
    await admin.get(item('O2'));
    const bad = await admin.upload(`${item('O2')}/executives/${exec.id}`, { [`exec.${exec.id}.kind`]: 'permanent', [`exec.${exec.id}.nameTh`]: 'นางสุดา มั่นคง', [`exec.${exec.id}.positionTh`]: 'ปลัดเทศบาล', [`exec.${exec.id}.email`]: 'palad@example.go.th' }, [
      { field: `exec.${exec.id}.photo`, filename: 'photo.png', content: await textPdf(['ไม่ใช่รูป']) },
    ]);
    expect(bad.statusCode).toBe(415);
    const ok = await admin.upload(`${item('O2')}/executives/${exec.id}`, { [`exec.${exec.id}.kind`]: 'permanent', [`exec.${exec.id}.nameTh`]: 'นางสุดา มั่นคง', [`exec.${exec.id}.positionTh`]: 'ปลัดเทศบาล', [`exec.${exec.id}.email`]: 'palad@example.go.th' }, [
      { field: `exec.${exec.id}.photo`, filename: 'ปลัด.png', content: png(8, 8, [0, 100, 0]) },
    ]);
    expect(ok.statusCode).toBe(303);
    els = elementState((await admin.get(item('O2'))).body);
    expect(els['details']!.ok).toBe(true);
    expect(await readiness(admin)).toBeGreaterThan(before);

    // Published, the public page shows both with their photos, and the photos are served.
    await admin.submit(`${item('O2')}/status`, { 'status.status': 'published' });
    const pub = await new TestClient(t.app).get(`/a/test-town/oit/${Y}/O2`);
    const imgs = html(pub.body).querySelectorAll('main img');
    expect(imgs).toHaveLength(2);
    expect(imgs[0]!.getAttribute('alt')).toContain('นายสมชาย ใจดี');
    const photo = await new TestClient(t.app).get(imgs[0]!.getAttribute('src')!);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('self-declared elements are satisfied by a pointer; a link element needs HTTPS', async () => {
    await admin.get(item('O17'));
    await admin.submit(`${item('O17')}/evidence/link`, { 'link.title': 'ระบบ E-Service', 'link.url': 'http://eservice.example.go.th', 'link.elements': ['online-service', 'main-site-https'] });
    let els = elementState((await admin.get(item('O17'))).body);
    expect(els['online-service']!.ok).toBe(true);
    expect(els['main-site-https']!.text).toContain('https://');
    await admin.submit(`${item('O17')}/evidence/link`, { 'link.title': 'ระบบ E-Service (https)', 'link.url': 'https://eservice.example.go.th' });
    els = elementState((await admin.get(item('O17'))).body);
    expect(els['main-site-https']!.ok).toBe(true);

    await admin.get(item('O6'));
    const decl = await admin.submit(`${item('O6')}/declarations`, { 'pointer.laws': 'หน้าเว็บ "กฎหมายที่เกี่ยวข้อง" ลิงก์จากเมนูหลัก' });
    expect(decl.statusCode).toBe(303);
    expect(elementState((await admin.get(item('O6'))).body)['laws']!.ok).toBe(true);
  });

  it('re-renders a link form with Thai field errors and the entered values', async () => {
    await admin.get(item('O9'));
    const res = await admin.submit(`${item('O9')}/evidence/link`, { 'link.title': 'เฟซบุ๊ก', 'link.url': 'facebook', 'link.periodFrom': '2022-03-01', 'link.periodTo': '2022-01-01' });
    expect(res.statusCode).toBe(400);
    const doc = html(res.body);
    expect(doc.querySelector('.error-summary')!.textContent).toContain('ลิงก์ต้องขึ้นต้นด้วย https://');
    expect(doc.querySelector('.error-summary')!.textContent).toContain('วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น');
    expect(doc.querySelector('a[href="#f-link-url"]')).not.toBeNull();
    expect(doc.querySelector('#f-link-title')!.getAttribute('value')).toBe('เฟซบุ๊ก');
  });

  it('lets assigned unit staff change their item only; others get 403; only coordinators publish', async () => {
    const units = await t.services.agencies.listUnits(agency.id);
    const finance = units.find((u) => u.nameTh === 'กองคลัง')!;
    const actor = { userId: null, label: 'test' };
    await t.services.users.createUser(actor, agency.id, { username: 'finance1', displayName: 'เจ้าหน้าที่กองคลัง', email: null, password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD, roles: ['unit_staff'], unitId: finance.id });
    const other = await t.services.users.createUser(actor, agency.id, { username: 'works1', displayName: 'เจ้าหน้าที่กองช่าง', email: null, password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD, roles: ['unit_staff'], unitId: units.find((u) => u.nameTh === 'กองช่าง')!.id });

    // The coordinator assigns O20 to กองคลัง and O21 to one named person of กองช่าง.
    await admin.get(item('O20'));
    expect((await admin.submit(`${item('O20')}/assign`, { 'assign.unitId': finance.id, 'assign.dueDate': '15/4/2565' })).statusCode).toBe(303);
    await admin.submit(`${item('O21')}/assign`, { 'assign.unitId': '', 'assign.userIds': other.id });
    const yearPage = await admin.get(`/admin/oit/${Y}`);
    expect(html(yearPage.body).querySelector('#item-O20')!.textContent).toContain('กองคลัง');
    expect(html(yearPage.body).querySelector('#item-O20')!.textContent).toContain('15 เม.ย. 2565');

    const finance1 = await signIn(t, 'finance1', ADMIN_PASSWORD);
    const own = await finance1.get(item('O20'));
    expect(own.statusCode).toBe(200);
    expect(html(own.body).querySelector('form[action*="/evidence/link"]')).not.toBeNull();
    expect((await finance1.submit(`${item('O20')}/evidence/link`, { 'link.title': 'รายงานผลการใช้จ่ายงบประมาณ', 'link.url': 'https://example.go.th/budget-2564' })).statusCode).toBe(303);

    // Not assigned: read-only page, and a forged POST is refused.
    const notMine = await finance1.get(item('O21'));
    expect(notMine.statusCode).toBe(200);
    expect(html(notMine.body).querySelector('form[action*="/evidence/link"]')).toBeNull();
    const forged = await finance1.submit(`${item('O21')}/evidence/link`, { 'link.title': 'x', 'link.url': 'https://example.go.th' });
    expect(forged.statusCode).toBe(403);
    const forgedUpload = await finance1.upload(`${item('O21')}/evidence/file`, {}, [{ field: 'file.upload', filename: 'a.png', content: png() }]);
    expect(forgedUpload.statusCode).toBe(403);
    expect((await finance1.submit(`${item('O21')}/assign`, { 'assign.unitId': finance.id })).statusCode).toBe(403);

    // Unit staff may mark their item ready, not publish it.
    expect((await finance1.submit(`${item('O20')}/status`, { 'status.status': 'ready' })).statusCode).toBe(303);
    expect((await finance1.submit(`${item('O20')}/status`, { 'status.status': 'published' })).statusCode).toBe(403);

    // The named assignee of O21 may change it.
    const works1 = await signIn(t, 'works1', ADMIN_PASSWORD);
    await works1.get(item('O21'));
    expect((await works1.submit(`${item('O21')}/evidence/link`, { 'link.title': 'แผนจัดซื้อ', 'link.url': 'https://example.go.th/plan' })).statusCode).toBe(303);

    const actions = (await listAudit(t.database.db, agency.id, 500)).map((a) => a.action);
    for (const a of ['oit.assign', 'oit.evidence.add', 'oit.evidence.replace', 'oit.status', 'oit.declare', 'oit.executive.photo']) expect(actions).toContain(a);
  });

  it('serves public pages without JavaScript or cookies, with ETag, Cache-Control and 304', async () => {
    const visitor = new TestClient(t.app);
    const index = await visitor.get(`/a/test-town/oit/${Y}`);
    expect(index.statusCode).toBe(200);
    expect(index.headers['set-cookie']).toBeUndefined();
    expect(index.headers['cache-control']).toContain('public');
    expect(index.headers.etag).toBeTruthy();
    const links = html(index.body).querySelectorAll('main li a').map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(43);
    expect(links[0]).toBe(`/a/test-town/oit/${Y}/O1`);
    expect(links[42]).toBe(`/a/test-town/oit/${Y}/O43`);
    expect((await visitor.get(`/a/test-town/oit/${Y}`, { 'if-none-match': String(index.headers.etag) })).statusCode).toBe(304);

    // An unpublished item's page exists (stable URL) but shows no evidence, and its files are not served.
    const o12 = await visitor.get(`/a/test-town/oit/${Y}/O12`);
    expect(o12.statusCode).toBe(200);
    expect(mainText(o12.body)).toContain('ยังไม่ได้เผยแพร่ข้อมูล');
    const ev = await t.database.db.selectFrom('oit_evidence as e').innerJoin('oit_items as i', 'i.id', 'e.item_id').select('e.id').where('i.code', '=', 'O12').executeTakeFirstOrThrow();
    expect((await visitor.get(`/a/test-town/oit/${Y}/O12/evidence/${ev.id}/x.docx`)).statusCode).toBe(404);
    expect((await visitor.get(`/a/test-town/oit/${Y}/O99`)).statusCode).toBe(404);
    expect((await visitor.get(`/a/no-such-town/oit/${Y}`)).statusCode).toBe(404);
    // Ids only: nothing that looks like a path reaches the file store.
    expect((await visitor.get(`/a/test-town/files/..%2F..%2Fetc%2Fpasswd/x`)).statusCode).toBe(404);
  });

  it('exports the ITAS list: every item with its public URL, as CSV and XLSX', async () => {
    const csv = await admin.get(`/admin/oit/${Y}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(44);
    expect(lines[0]).toContain('ลิงก์สาธารณะ (url)');
    expect(lines[11]).toMatch(/^O11,.*,http:\/\/127\.0\.0\.1:3000\/a\/test-town\/oit\/2565\/O11,เผยแพร่แล้ว,/);
    const xlsx = await t.app.inject({ method: 'GET', url: `/admin/oit/${Y}/export.xlsx`, headers: { cookie: admin.cookieHeader } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(44);
    expect(ws.getRow(3).getCell(1).value).toBe('O2');
    expect(JSON.stringify(ws.getRow(3).getCell(3).value)).toContain('/a/test-town/oit/2565/O2');
  });
  it('starts FY2566 from FY2565: mapping shown for review, dated evidence flagged outdated until reviewed', async () => {
    const page = await admin.get('/admin/oit/2566/carry-over');
    expect(page.statusCode).toBe(200);
    const text = mainText(page.body);
    expect(text).toContain('O21 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ');
    expect(text).toContain('O19 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ');
    const finance1 = await signIn(t, 'finance1', ADMIN_PASSWORD);
    expect((await finance1.get('/admin/oit/2566/carry-over')).statusCode).toBe(403);

    const res = await admin.submit('/admin/oit/2566/carry-over?from=2565', { codes: ['O6', 'O11', 'O1'] });
    expect(res.statusCode).toBe(303);
    // O11 (6-month report of 2565) became O12 of 2566, flagged and not counted.
    const o12 = await admin.get('/admin/oit/2566/O12');
    expect(mainText(o12.body)).toContain('ยกมาจากปีก่อน');
    expect(mainText(o12.body)).toContain('รายงานรอบ 6 เดือน (ฉบับแก้ไข)');
    const els = elementState(o12.body);
    expect(Object.values(els).every((e) => !e.ok)).toBe(true);
    // Undated items keep their declarations; structured content is copied.
    expect(elementState((await admin.get('/admin/oit/2566/O6')).body)['laws']?.ok).toBe(true);
    const report = await t.services.oit.readinessReport(agency.id, 2566);
    expect(report.items.find((i) => i.code === 'O12')!.status).toBe('in_progress');
    const audit = (await listAudit(t.database.db, agency.id, 50)).find((a) => a.action === 'oit.carry_over')!;
    expect(audit.details).toMatchObject({ fromYear: 2565, toYear: 2566, items: 3 });
    // Carrying again skips items that already have evidence.
    const again = await admin.submit('/admin/oit/2566/carry-over?from=2565', { codes: ['O6'] });
    expect(again.statusCode).toBe(303);
    const o6 = await t.database.db.selectFrom('oit_evidence as e').innerJoin('oit_items as i', 'i.id', 'e.item_id').select('e.id').where('i.code', '=', 'O6').where('i.fiscal_year', '=', 2566).execute();
    expect(o6).toHaveLength(0); // O6 of 2565 had only a declaration
  });

  it('imports a vendor site\'s CSV and XLSX into the right items, with a report of what did not match', async () => {
    await admin.get('/admin/oit/import');
    const csv = ['ปี,ข้อ,ชื่อ,ลิงก์', '2565,O7,ข่าวประชาสัมพันธ์,https://x.go.th/news', '๒๕๖๕,ข้อ 8,Q&A,https://x.go.th/qa', '2565,O17,E-Service,https://eservice.example.go.th', '2565,O99,ไม่มีข้อนี้,https://x.go.th/99', '2599,O1,โครงสร้าง,https://x.go.th/o1'].join('\r\n');
    const res = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'vendor.csv', content: Buffer.from(csv), contentType: 'text/csv' }]);
    expect(res.statusCode).toBe(200);
    const doc = html(res.body);
    expect(doc.querySelector('#imported-count')!.textContent).toBe('2');
    expect(doc.querySelector('#unmatched-count')!.textContent).toBe('2');
    expect(mainText(res.body)).toContain('ไม่มีข้อ O99');
    expect(mainText(res.body)).toContain('ยังไม่มีรายการ OIT ของปีงบประมาณ 2599');
    expect(mainText(res.body)).toContain('มีลิงก์นี้อยู่แล้ว');
    expect(mainText((await admin.get(item('O7'))).body)).toContain('https://x.go.th/news');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('OIT');
    ws.addRow(['year', 'item', 'title', 'url']);
    ws.addRow([2565, 'O9', 'Facebook', 'https://facebook.com/x-town']);
    const xres = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'vendor.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) }]);
    expect(html(xres.body).querySelector('#imported-count')!.textContent).toBe('1');

    const finance1 = await signIn(t, 'finance1', ADMIN_PASSWORD);
    expect((await finance1.get('/admin/oit/import')).statusCode).toBe(403);
  });

  it('self-audits the public pages like an evaluator: unpublished items, files that do not open', async () => {
    const requested: string[] = [];
    const injectFetch: FetchLike = async (url, init) => {
      requested.push(url);
      const u = new URL(url);
      const res = await t.app.inject({ method: 'GET', url: u.pathname + u.search, headers: init.headers });
      const headers = Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)] as [string, string]);
      return new Response(res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
    };
    const clean = await t.services.oit.selfAudit(agency.id, Y, { fetchImpl: injectFetch });
    expect(requested.every((u) => u.startsWith('http://127.0.0.1:3000/'))).toBe(true);
    const page = (code: string) => clean.findings.find((f) => f.kind === 'page' && f.code === code)!;
    expect(page('O11').ok).toBe(true);
    expect(page('O3').problem).toBe('ยังไม่เผยแพร่ข้อมูล');
    const o11File = clean.findings.find((f) => f.kind === 'file' && f.code === 'O11')!;
    expect(o11File).toMatchObject({ ok: true, status: 200 });
    expect(clean.findings.filter((f) => f.kind === 'file' && f.code === 'O2')).toHaveLength(2);

    // Break the O11 file on disk: the audit says it does not open.
    const ev = await t.database.db.selectFrom('oit_evidence as e').innerJoin('oit_items as i', 'i.id', 'e.item_id').innerJoin('oit_evidence_versions as v', 'v.id', 'e.current_version_id').innerJoin('stored_files as f', 'f.id', 'v.file_id').select('f.storage_key').where('i.code', '=', 'O11').where('i.fiscal_year', '=', Y).executeTakeFirstOrThrow();
    writeFileSync(join(t.config.dataDir, 'files', ev.storage_key), '<html>not a pdf</html>');
    const broken = await t.services.oit.selfAudit(agency.id, Y, { fetchImpl: injectFetch });
    expect(broken.problems.find((f) => f.kind === 'file' && f.code === 'O11')!.problem).toContain('ไฟล์เปิดไม่ได้');
    expect(broken.requests).toBeLessThanOrEqual(400);
  });

  it('CLI: prints the readiness JSON contract for every item, and exports code → URL', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => err.push(x) };
    const env = { services: t.services, config: t.config };
    expect(await runOit(['readiness', '--year', String(Y), '--json'], io, env)).toBe(0);
    const report = JSON.parse(out.join('')) as { year: number; readiness: number; items: { code: string; status: string; missing: string[] }[] };
    expect(Object.keys(report)).toEqual(['year', 'readiness', 'items']);
    expect(report.year).toBe(Y);
    expect(report.readiness).toBe(await readiness(admin));
    expect(report.items.map((i) => i.code)).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(Object.keys(report.items[0]!)).toEqual(['code', 'status', 'missing']);
    const o11 = report.items.find((i) => i.code === 'O11')!;
    expect(o11).toEqual({ code: 'O11', status: 'published', missing: [] });
    expect(report.items.find((i) => i.code === 'O3')!.missing).toEqual([expect.stringContaining('หน้าที่และอำนาจ')]);

    const file = join(t.config.dataDir, 'itas.csv');
    expect(await runOit(['export', '--year', String(Y), '--out', file], io, env)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('http://127.0.0.1:3000/a/test-town/oit/2565/O43');

    // With a second agency, --agency becomes necessary.
    await t.services.agencies.createAgency({ userId: null, label: 'test' }, { slug: 'other-town', nameTh: 'อบต.อื่น', nameEn: null, type: 'sao', province: 'ศรีสะเกษ', address: null, phone: null, email: null, websiteUrl: null, digits: 'thai' }, ['สำนักปลัด']);
    await expect(runOit(['readiness', '--year', String(Y), '--json'], io, env)).rejects.toThrow('กรุณาระบุ --agency');
    out.length = 0;
    expect(await runOit(['readiness', '--year', String(Y), '--agency', 'other-town', '--json'], io, env)).toBe(0);
    expect(JSON.parse(out.join('')).readiness).toBe(0);
  });
  it('seeds the demo OIT year in mixed states, with the gaps the checks find', async () => {
    const other = (await t.services.agencies.findBySlug('other-town'))!;
    await seedDemoOit(t.services.oit, t.services.files, other.id, Y);
    const report = await t.services.oit.readinessReport(other.id, Y);
    const byCode = Object.fromEntries(report.items.map((i) => [i.code, i]));
    expect(byCode['O1']).toEqual({ code: 'O1', status: 'published', missing: [] });
    expect(byCode['O5']).toEqual({ code: 'O5', status: 'published', missing: [] });
    expect(byCode['O11']!.missing).toEqual(['ระบุปัญหา อุปสรรค', 'ระบุข้อเสนอแนะ']);
    expect(byCode['O12']!.missing).toEqual(['เป็นรายงานของปีงบประมาณ พ.ศ. 2564 (ปีก่อนปีที่ประเมิน)']);
    expect(byCode['O17']!.missing).toEqual(['ลิงก์ HTTPS ที่เข้าถึงได้จากเว็บไซต์หลักของหน่วยงาน']);
    expect(byCode['O39']!.missing).toEqual(['เป็นแผนของปีงบประมาณ พ.ศ. 2565']);
    expect(byCode['O40']!.missing).toEqual(expect.arrayContaining(['ครอบคลุมระยะเวลา 6 เดือนแรกของปีงบประมาณ (1 ต.ค. 2564 – 31 มี.ค. 2565)']));
    expect(report.readiness).toBeGreaterThan(10);
    expect(report.readiness).toBeLessThan(50);
    const o1 = await new TestClient(t.app).get(`/a/other-town/oit/${Y}/O1`);
    expect(mainText(o1.body)).toContain('กองสาธารณสุขและสิ่งแวดล้อม');
  });
});

// A separate suite, run after the main one has dropped its database: Kysely's migrator looks
// for its lock table in every PostgreSQL schema, so two test databases must not migrate at once
// in one file (test/support's openTestDatabase would need migrationTableSchema to allow it).
describe.each(DIALECTS)('OIT upload limit on %s', (dialect) => {
  let small: TestApp;
  beforeAll(async () => {
    small = await buildTestApp(dialect, { maxUploadBytes: 20_000 });
  });
  afterAll(async () => small.close());

  it('refuses an oversized upload while streaming, in Thai, leaving no partial file', async () => {
    const c = await setUpAgency(small);
    await c.get(`/admin/oit/${Y}/O11`);
    const big = Buffer.concat([await textPdf(SIX_MONTH_REPORT), Buffer.alloc(60_000, 0x20)]);
    const res = await c.upload(`/admin/oit/${Y}/O11/evidence/file`, {}, [{ field: 'file.upload', filename: 'big.pdf', content: big }]);
    expect(res.statusCode).toBe(413);
    expect(mainText(res.body)).toContain('ไฟล์มีขนาดใหญ่เกินกำหนด');
    expect(await countFiles(small)).toBe(0);
    expect(filesOnDisk(small)).toEqual([]);
  });
});
