import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, TEST_APP_POSTGRES_URL } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, signIn } from '../../support/app.js';
import { SYSTEM_ACTOR, listAudit } from '../../../src/platform/audit.js';
import { toArabicDigits } from '../../../src/shared/thai.js';
import { catalogueFromXlsx } from '../../../src/modules/catalogue/domain/xlsx.js';
import { run as runCatalogueCli } from '../../../src/cli/commands/catalogue.js';
import type { Catalogue } from '../../../src/modules/catalogue/index.js';
import { SEED_FAILED_OIT, SEED_INDICATORS } from '../ita-results/seed.js';

const text = (body: string, selector = 'main') => toArabicDigits((html(body).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim());


describe.each(DIALECTS)('ITA catalogue pages, import and CLI on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;

  const versionRows = () => t.database.db.selectFrom('catalogue_versions').selectAll().orderBy('created_at').orderBy('version').execute();

  const upload = async (filename: string, content: Buffer | string) => {
    await admin.get('/admin/catalogue');
    return admin.upload('/admin/catalogue/import', {}, [{ field: 'file', filename, content: Buffer.isBuffer(content) ? content : Buffer.from(content) }]);
  };
  // The page is in the test agency's Thai digits; rows and messages are compared in Arabic ones.
  const problems = (body: string) =>
    html(toArabicDigits(body))
      .querySelectorAll('main table')
      .at(-1)!
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.trim()));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(async () => t.close());

  it('lists every year with version, status, source, counts and unverified facts', async () => {
    const res = await admin.get('/admin/catalogue');
    expect(res.statusCode).toBe(200);
    const rows = html(res.body).querySelectorAll('main table tbody tr').map((tr) => toArabicDigits(tr.textContent.replace(/\s+/g, ' ')));
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.includes('2570'))).toContain('ชั่วคราว');
    const fy2565 = rows.find((r) => r.includes('2565'))!;
    expect(fy2565).toContain('2565.1');
    expect(fy2565).toContain('ครบถ้วน');
    expect(fy2565).toContain('ไฟล์ที่มากับระบบ');
    expect(fy2565).toContain('43');
    const years = await t.services.catalogues.listYears();
    expect(years.map((y) => y.fiscalYear)).toEqual([2563, 2564, 2565, 2566, 2567, 2568, 2569, 2570]);
    expect(years.every((y) => y.source === 'shipped')).toBe(true);
    expect(years.some((y) => y.unverifiedCount > 0)).toBe(true);
    const form = html(res.body).querySelector('form[enctype="multipart/form-data"]')!;
    expect(form.getAttribute('action')).toBe('/admin/catalogue/import');
    expect(form.querySelector('input')!.getAttribute('name')).toBe('_csrf');
  });

  it('shows a year: tools and weights, rating rules, indicators, questions, OIT items with elements, unverified marks', async () => {
    const res = await admin.get('/admin/catalogue/2565');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain('IIT');
    expect(body).toContain('AA');
    expect(body).toContain('ตัวชี้วัด');
    const c = (await t.services.catalogues.getCatalogue(2565))!;
    const o12 = c.oitItems.find((i) => i.code === 'O12')!;
    expect(text(res.body, '#oit-O12')).toContain(o12.titleTh);
    for (const el of o12.elements) expect(text(res.body, '#oit-O12')).toContain(el.textTh);

    for (const { fiscalYear, unverifiedCount } of await t.services.catalogues.listYears()) {
      const page = await admin.get(`/admin/catalogue/${fiscalYear}`);
      expect(page.statusCode).toBe(200);
      const marks = html(page.body).querySelectorAll('.unverified');
      expect(marks.length).toBe(unverifiedCount);
      if (unverifiedCount > 0) expect(marks[0]!.textContent).toContain('ยังไม่ยืนยัน');
    }
    expect((await admin.get('/admin/catalogue/2599')).statusCode).toBe(404);
  });

  it('downloads a year as JSON and XLSX that read back as the same catalogue', async () => {
    const c = (await t.services.catalogues.getCatalogue(2565))!;
    const json = await admin.get('/admin/catalogue/2565/export.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('ita-catalogue-fy2565.json');
    expect(JSON.parse(json.body)).toEqual(c);
    const xlsx = await admin.get('/admin/catalogue/2565/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const back = await catalogueFromXlsx(xlsx.rawPayload);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.catalogue).toEqual(c);
  });

  it('imports a corrected JSON catalogue that replaces the year everywhere, analysis included', async () => {
    await t.services.results.saveResults({ userId: null, label: 'ทดสอบ' }, agencyId, {
      fiscalYear: 2565,
      official: { score: 65.66, level: 'C' },
      indicators: SEED_INDICATORS,
      oit: Object.fromEntries(Object.entries(SEED_FAILED_OIT).map(([code, reason]) => [code, { passed: false, reason }])),
    });
    const corrected = JSON.parse((await admin.get('/admin/catalogue/2565/export.json')).body) as Catalogue;
    corrected.version = '2565.2';
    corrected.oitItems.find((i) => i.code === 'O12')!.recommendationTh = 'ข้อเสนอแนะที่แก้ไขแล้ว: ใส่หัวข้อปัญหา อุปสรรค และข้อเสนอแนะ';
    corrected.indicators.find((i) => i.no === 5)!.nameTh = 'การแก้ไขปัญหาการทุจริต (แก้ไข)';

    const res = await upload('fy2565-corrected.json', JSON.stringify(corrected));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/catalogue/2565');

    const now = (await t.services.catalogues.getCatalogue(2565))!;
    expect(now.version).toBe('2565.2');
    expect(now.indicators.find((i) => i.no === 5)!.nameTh).toBe('การแก้ไขปัญหาการทุจริต (แก้ไข)');
    const summary = (await t.services.catalogues.listYears()).find((y) => y.fiscalYear === 2565)!;
    expect(summary).toMatchObject({ version: '2565.2', source: 'imported', shippedVersion: '2565.1' });
    expect((await versionRows()).map((r) => [r.version, Number(r.active)])).toEqual([['2565.2', 1]]);
    // Deployment-wide: the entry belongs to no agency (see test/integration/deployment).
    const audit = await t.database.db.selectFrom('audit_log').select(['agency_id', 'action']).where('action', '=', 'catalogue.import').execute();
    expect(audit).toEqual([{ agency_id: null, action: 'catalogue.import' }]);

    // Services elsewhere read the catalogue in force.
    const { analysis } = await t.services.results.analysisFor(agencyId, 2565);
    expect(analysis.failedOit.find((f) => f.code === 'O12')!.recommendation).toContain('ข้อเสนอแนะที่แก้ไขแล้ว');
    const page = await admin.get('/admin/results/2565');
    expect(text(page.body, '#failed-O12')).toContain('ข้อเสนอแนะที่แก้ไขแล้ว');
    expect(text(page.body, '#lowest-IIT')).toContain('(แก้ไข)');
    const list = await admin.get('/admin/catalogue');
    expect(text(list.body)).toContain('นำเข้าโดยผู้ดูแลระบบ');

    // A second correction deactivates the first in the same transaction.
    corrected.version = '2565.3';
    expect((await upload('fy2565-3.json', JSON.stringify(corrected))).statusCode).toBe(303);
    expect((await versionRows()).map((r) => [r.version, Number(r.active)])).toEqual([
      ['2565.2', 0],
      ['2565.3', 1],
    ]);
  });

  it('rejects an invalid catalogue with Thai errors naming where, and replaces nothing', async () => {
    const before = await versionRows();
    const current = await t.services.catalogues.getCatalogue(2565);
    const bad = JSON.parse((await admin.get('/admin/catalogue/2565/export.json')).body) as Catalogue;
    bad.version = '2565.9';
    bad.tools[0]!.weight = 35;
    bad.oitItems[10]!.indicator = 99;

    const res = await upload('bad.json', JSON.stringify(bad));
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    expect(html(res.body).querySelector('#f-file-error')!.textContent).toContain('ยังไม่ได้นำเข้า');
    const list = problems(res.body);
    expect(list.some(([, where, message]) => where === 'ช่อง tools' && message!.includes('100'))).toBe(true);
    expect(list.some(([, where, message]) => where!.includes('รายการ OIT ลำดับที่ 11 (O11)') && message!.includes('99'))).toBe(true);
    expect(await versionRows()).toEqual(before);
    expect(await t.services.catalogues.getCatalogue(2565)).toEqual(current);

    // The same version as the one in force is refused: every correction needs a new version.
    const same = await upload('same.json', JSON.stringify({ ...current, summaryTh: 'แก้ไขโดยไม่เปลี่ยนรุ่น' }));
    expect(same.statusCode).toBe(400);
    expect(text(same.body, '.error-summary')).toContain('2565.4');

    // Not JSON at all, and a broken workbook.
    for (const [name, content] of [
      ['broken.json', Buffer.from('{ "fiscalYear": 2565, ')],
      ['broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)])],
    ] as const) {
      const r = await upload(name, content);
      expect(r.statusCode).toBe(400);
      expect(html(r.body).querySelectorAll('.error-summary li').length).toBeGreaterThan(0);
    }
    expect(await versionRows()).toEqual(before);
  });

  it('rejects an XLSX catalogue with a bad cell, naming the sheet, row and column', async () => {
    const before = await versionRows();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await admin.get('/admin/catalogue/2566/export.xlsx')).rawPayload as unknown as ExcelJS.Buffer);
    const tools = wb.getWorksheet('เครื่องมือ')!;
    const headers = Array.from(tools.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const weightCol = headers.findIndex((h) => h.includes('(weight)'));
    tools.getRow(3).getCell(weightCol).value = 'สามสิบ';
    const res = await upload('fy2566.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(problems(res.body)).toContainEqual(['3', 'เครื่องมือ.weight', expect.any(String)]);
    expect(toArabicDigits(text(res.body, '.error-summary'))).toContain('แถวที่ 3');
    expect(await versionRows()).toEqual(before);
  });

  it('lets an officer without catalogue.import read the catalogue but not import (403)', async () => {
    await t.services.users.createUser(SYSTEM_ACTOR, agencyId, {
      username: 'coord1',
      displayName: 'ผู้ประสาน งาน',
      email: null,
      password: 'coordinator-pass-1',
      passwordConfirm: 'coordinator-pass-1',
      roles: ['coordinator'],
      unitId: null,
    });
    const coord = await signIn(t, 'coord1', 'coordinator-pass-1');
    const page = await coord.get('/admin/catalogue');
    expect(page.statusCode).toBe(200);
    expect(html(page.body).querySelector('form[enctype="multipart/form-data"]')).toBeNull();
    expect((await coord.get('/admin/catalogue/2567')).statusCode).toBe(200);
    const before = await versionRows();
    const c = (await t.services.catalogues.getCatalogue(2567))!;
    const res = await coord.upload('/admin/catalogue/import', {}, [{ field: 'file', filename: 'c.json', content: Buffer.from(JSON.stringify({ ...c, version: '2567.9' })) }]);
    expect(res.statusCode).toBe(403);
    expect(await versionRows()).toEqual(before);
    expect(mainText(res.body)).toContain('ไม่มีสิทธิ์');
  });

  it('shows the year-to-year map and the provisional notice on the catalogue pages', async () => {
    const map = await admin.get('/admin/catalogue/map?from=2565&to=2566');
    expect(map.statusCode).toBe(200);
    const body = toArabicDigits(mainText(map.body));
    expect(body).toContain('รายการที่คงอยู่ (37)');
    expect(body).toContain('O21 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุO19');
    // FY2565 budget items were folded into FY2566 O11/O12: merged, not dropped.
    expect(body).toContain('รายการที่ถูกรวมเข้ากับรายการอื่น (2)');
    expect(body).toContain('รายการที่ตัดออก (4)');
    expect(body).toContain('รายการใหม่ (6)');
    const defaults = await admin.get('/admin/catalogue/map');
    expect(toArabicDigits(mainText(defaults.body))).toContain('2569 → 2570');
    expect((await admin.get('/admin/catalogue/map?from=2569&to=2599')).statusCode).toBe(404);
    const year = toArabicDigits(mainText((await admin.get('/admin/catalogue/2570')).body));
    expect(year).toContain('ข้อมูลชั่วคราว: แคตตาล็อก ITA ปี 2570 ยังไม่ยืนยัน');
    expect(year).toContain('นำเข้าแคตตาล็อกปี 2570');
    expect(toArabicDigits(mainText((await admin.get('/admin/catalogue')).body))).toContain('2569, 2570');
  });

  it('lists and imports catalogues from the CLI on the configured database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-cli-'));
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
    const db = t.database.configDatabase;
    process.env.DATABASE_URL =
      db.kind === 'sqlite' ? db.file : `${TEST_APP_POSTGRES_URL}${TEST_APP_POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${t.database.pgSchema}`)}`;
    process.env.DATA_DIR = dir;
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
    try {
      expect(await runCatalogueCli(['list'], io)).toBe(0);
      expect(out.join('\n')).toMatch(/2565\s+2565\.3/); // the version imported through the web above
      expect(out.join('\n')).toContain('2568');

      const c = (await t.services.catalogues.getCatalogue(2568))!;
      const good = join(dir, 'fy2568.json');
      writeFileSync(good, JSON.stringify({ ...c, version: '2568.8' }));
      out.length = 0;
      expect(await runCatalogueCli(['import', good], io)).toBe(0);
      expect(out.join('\n')).toContain('2568.8');
      expect((await t.services.catalogues.getCatalogue(2568))!.version).toBe('2568.8');

      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ ...c, version: '2568.9', passMark: 150 }));
      expect(await runCatalogueCli(['import', bad], io)).toBe(1);
      expect(err.join('\n')).toContain('passMark');
      expect((await t.services.catalogues.getCatalogue(2568))!.version).toBe('2568.8');

      out.length = 0;
      expect(await runCatalogueCli(['list', '--json'], io)).toBe(0);
      const list = JSON.parse(out.join('')) as Record<string, unknown>[];
      expect(list.every((y) => Object.keys(y).join() === 'fiscalYear,status,oitItems,ratingRule')).toBe(true);
      expect(list).toEqual([
        { fiscalYear: 2563, status: 'partial', oitItems: 0, ratingRule: 'bands' },
        { fiscalYear: 2564, status: 'partial', oitItems: 0, ratingRule: 'bands' },
        { fiscalYear: 2565, status: 'complete', oitItems: 43, ratingRule: 'bands' },
        { fiscalYear: 2566, status: 'partial', oitItems: 43, ratingRule: 'labels' },
        { fiscalYear: 2567, status: 'partial', oitItems: 3, ratingRule: 'labels' },
        { fiscalYear: 2568, status: 'partial', oitItems: 22, ratingRule: 'labels' },
        { fiscalYear: 2569, status: 'provisional', oitItems: 26, ratingRule: 'labels' },
        { fiscalYear: 2570, status: 'provisional', oitItems: 26, ratingRule: 'labels' },
      ]);

      out.length = 0;
      expect(await runCatalogueCli(['map', '--from', '2569', '--to', '2570', '--json'], io)).toBe(0);
      const map = JSON.parse(out.join('')) as { persisting: { from: string; to: string; match: string }[]; merged: unknown[]; dropped: unknown[]; added: unknown[] };
      expect(map.persisting.map((r) => `${r.from}>${r.to}:${r.match}`)).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}>O${i + 1}:role`));
      expect([map.merged, map.dropped, map.added]).toEqual([[], [], []]);

      out.length = 0;
      expect(await runCatalogueCli(['map', '--from', '2568', '--to', '2569'], io)).toBe(0);
      expect(out.join('\n')).toContain('O20 → O19');
      expect(out.join('\n')).toContain('O22 รายงานการรับของขวัญหรือประโยชน์ → O20');
      expect(await runCatalogueCli(['map', '--from', '2569'], io)).toBe(2);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
