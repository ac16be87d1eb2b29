import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, signIn, staffClient } from '../../support/app.js';
import { listAudit, SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { toArabicDigits } from '../../../src/shared/thai.js';
import type { Catalogue } from '../../../src/modules/catalogue/index.js';
import { SEED_FAILED_OIT, seedForm, seedJson } from './seed.js';

/** Visible text with Thai digits turned Arabic: the test agency writes numbers in Thai digits. */
const text = (body: string, selector = 'main') => toArabicDigits((html(body).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim());


describe.each(DIALECTS)('ITA results entry and analysis on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let fy2565: Catalogue;

  const rowsOfAgency = async () => (await t.database.db.selectFrom('ita_results').selectAll().where('agency_id', '=', agencyId).orderBy('fiscal_year').execute());

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    fy2565 = (await t.services.catalogues.getCatalogue(2565))!;
  });
  afterAll(async () => t.close());

  it('offers the years with a catalogue, then a form with the year’s indicators, levels and OIT items', async () => {
    const choose = await admin.get('/admin/results/new');
    expect(choose.statusCode).toBe(200);
    const years = html(choose.body).querySelectorAll('#f-year option').map((o) => o.getAttribute('value'));
    expect(years).toEqual(expect.arrayContaining(['2565', '2566', '2567', '2568']));

    const res = await admin.get('/admin/results/new?year=2565');
    expect(res.statusCode).toBe(200);
    const doc = html(res.body);
    expect(doc.querySelector('main form')!.getAttribute('action')).toBe('/admin/results/2565/edit');
    for (let no = 1; no <= 10; no++) {
      const input = doc.querySelector(`#f-indicators-${no}`)!;
      expect(input.getAttribute('inputmode')).toBe('decimal');
      expect(doc.querySelector(`label[for="f-indicators-${no}"]`)!.textContent).toContain(fy2565.indicators.find((i) => i.no === no)!.nameTh);
    }
    expect(doc.querySelectorAll('#f-official-level option').map((o) => o.getAttribute('value'))).toEqual(['', 'AA', 'A', 'B', 'C', 'D', 'E', 'F']);
    // Every OIT item of the year, passed by default.
    const selects = doc.querySelectorAll('select[name^="oit."]');
    expect(selects).toHaveLength(fy2565.oitItems.length);
    expect(doc.querySelector('#f-oit-O2 option[selected]')!.getAttribute('value')).toBe('passed');
    expect(doc.querySelector('details #f-questions-I25')).not.toBeNull();
    expect(res.body).not.toMatch(/\sstyle=/);
  });

  it('saves the seed through the form and shows its analysis: 65.67 against 65.66, level C, lowest indicators', async () => {
    await admin.get('/admin/results/new?year=2565');
    const res = await admin.submit('/admin/results/2565/edit', seedForm(fy2565));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/results/2565');

    const page = await admin.get('/admin/results/2565');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/\sstyle=/);
    expect(text(page.body, '#total-computed')).toContain('65.67');
    expect(text(page.body, '#total-official')).toContain('65.66');
    expect(text(page.body, '#level-computed .card-value')).toBe('C');
    expect(text(page.body, '#level-official .card-value')).toBe('C');
    // 65.6656 against 65.66 is rounding, not an inconsistency.
    expect(html(page.body).querySelectorAll('#flags [data-flag="TOTAL_MISMATCH"]')).toHaveLength(0);
    expect(text(page.body, '#flags')).toContain('0.0056');
    // Digits follow the agency's choice (Thai).
    expect(text(page.body, '#total-computed').length).toBeGreaterThan(0);
    expect(html(page.body).querySelector('#total-computed .card-value')!.textContent).toBe('๖๕.๖๗');

    expect(text(page.body, '#lowest-IIT h3')).toContain('5');
    expect(text(page.body, '#lowest-IIT h3')).toContain('74.62');
    expect(text(page.body, '#lowest-IIT')).toContain('I25');
    expect(text(page.body, '#lowest-EIT h3')).toContain('74.22');
    expect(text(page.body, '#lowest-EIT')).toContain('E11');
    expect(text(page.body, '#lowest-OIT h3')).toContain('18.75');
    expect(text(page.body, '#indicator-8')).toContain('ต่ำสุดของ EIT');
    expect(text(page.body, '#indicator-1')).toContain('จุดแข็ง');

    // Indicators in number order, each with a bar drawn as SVG.
    const order = html(page.body).querySelectorAll('tr[id^="indicator-"]').map((r) => r.getAttribute('id'));
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => `indicator-${i + 1}`));
    expect(html(page.body).querySelectorAll('svg.score-bar')).toHaveLength(10);

    const failed = html(page.body).querySelectorAll('tr[id^="failed-"]').map((r) => r.getAttribute('id'));
    expect(failed).toEqual(Object.keys(SEED_FAILED_OIT).map((c) => `failed-${c}`));
    expect(text(page.body, '#failed-O12')).toContain('ขาดองค์ประกอบ ปัญหา อุปสรรค และข้อเสนอแนะ');
    expect(text(page.body, '#failed-O12')).toContain(fy2565.oitItems.find((i) => i.code === 'O12')!.recommendationTh.slice(0, 20));
    expect(text(page.body)).toContain('19.34'); // gap from the official 65.66 to the pass mark of 85

    // The marked places for the plan and the measures document.
    const links = html(page.body).querySelectorAll('#next a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/admin/plan/2565', '/admin/documents/2565/measures.docx', '/admin/documents/2565/measures.pdf', '/admin/documents/2565/measures']);

    const stored = (await t.services.results.getResults(agencyId, 2565))!;
    expect(stored.input.indicators[10]).toBe(18.75);
    expect(stored.input.official).toEqual({ score: 65.66, level: 'C' });
    expect(Object.entries(stored.input.oit!).filter(([, o]) => !o.passed).map(([c]) => c)).toEqual(Object.keys(SEED_FAILED_OIT));
    expect(stored.input.oit!.O12!.reason).toBe(SEED_FAILED_OIT.O12);
    expect((await listAudit(t.database.db, agencyId)).map((a) => a.action)).toContain('results.save');

    const list = await admin.get('/admin/results');
    expect(text(list.body)).toContain('2565');
    expect(text(list.body)).toContain('65.66');
    expect(html(list.body).querySelector('a[href="/admin/results/2565"]')).not.toBeNull();

    // The edit form shows what was stored.
    const edit = await admin.get('/admin/results/2565/edit');
    expect(html(edit.body).querySelector('#f-indicators-5')!.getAttribute('value')).toBe('74.62');
    expect(html(edit.body).querySelector('#f-oit-O2 option[selected]')!.getAttribute('value')).toBe('failed');
    expect(html(edit.body).querySelector('#f-official-level option[selected]')!.getAttribute('value')).toBe('C');
  });

  it('rejects a score of 120 and an empty score with 400, naming each field and keeping every value', async () => {
    const before = await rowsOfAgency();
    await admin.get('/admin/results/2565/edit');
    const res = await admin.submit(
      '/admin/results/2565/edit',
      seedForm(fy2565, { 'indicators.1': '๘๖.๐๕', 'indicators.2': '120', 'indicators.3': '', 'official.score': 'abc', 'oit.O12.reason': 'เหตุผลที่แก้ไข' }),
    );
    expect(res.statusCode).toBe(400);
    const doc = html(res.body);
    expect(doc.querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    const summary = doc.querySelector('.error-summary')!;
    // Messages are in the agency's digits (Thai here); compared as Arabic.
    const items = summary.querySelectorAll('li').map((li) => toArabicDigits(li.textContent.trim()));
    expect(items.some((m) => m.includes('ตัวชี้วัดที่ 2') && m.includes('0 ถึง 100') && m.includes('120'))).toBe(true);
    expect(items.some((m) => m.includes('ตัวชี้วัดที่ 3') && m.includes('ต้องระบุ'))).toBe(true);
    expect(items.some((m) => m.includes('คะแนนรวมที่ประกาศ'))).toBe(true);
    expect(items.some((m) => m.includes('ตัวชี้วัดที่ 1'))).toBe(false); // Thai digits are accepted
    expect(summary.querySelector('a[href="#f-indicators-2"]')).not.toBeNull();
    expect(summary.querySelector('a[href="#f-indicators-3"]')).not.toBeNull();
    expect(toArabicDigits(doc.querySelector('#f-indicators-2-error')!.textContent)).toContain('120');
    // Every entered value is kept.
    expect(doc.querySelector('#f-indicators-1')!.getAttribute('value')).toBe('๘๖.๐๕');
    expect(doc.querySelector('#f-indicators-2')!.getAttribute('value')).toBe('120');
    expect(doc.querySelector('#f-indicators-3')!.getAttribute('value')).toBe('');
    expect(doc.querySelector('#f-indicators-10')!.getAttribute('value')).toBe('18.75');
    expect(doc.querySelector('#f-official-score')!.getAttribute('value')).toBe('abc');
    expect(doc.querySelector('#f-official-level option[selected]')!.getAttribute('value')).toBe('C');
    expect(doc.querySelector('#f-oit-O2 option[selected]')!.getAttribute('value')).toBe('failed');
    expect(doc.querySelector('#f-oit-O12-reason')!.getAttribute('value')).toBe('เหตุผลที่แก้ไข');
    // Nothing changed in the database.
    expect(await rowsOfAgency()).toEqual(before);
  });

  it('accepts Thai digits ("๘๖.๐๕") and shows the change against the earlier year', async () => {
    const fy2566 = (await t.services.catalogues.getCatalogue(2566))!;
    await admin.get('/admin/results/new?year=2566');
    const thai = (s: string) => s.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!);
    const fields = seedForm(fy2566, { 'official.score': '', 'official.level': '' });
    for (let no = 1; no <= 10; no++) fields[`indicators.${no}`] = thai(fields[`indicators.${no}`]!);
    fields['indicators.10'] = '๒๘.๗๕';
    const res = await admin.submit('/admin/results/2566/edit', fields);
    expect(res.statusCode).toBe(303);
    const stored = (await t.services.results.getResults(agencyId, 2566))!;
    expect(stored.input.indicators[1]).toBe(86.05);
    expect(stored.input.indicators[10]).toBe(28.75);
    expect(stored.input.official).toEqual({});

    const { analysis } = await t.services.results.analysisFor(agencyId, 2566);
    // +10 on one of the two OIT indicators (weight 40) adds 2 points to the total.
    expect(analysis.total.computed).toBe(67.67);
    expect(analysis.changes).toEqual([{ fiscalYear: 2565, total: 65.66, delta: 2.01 }]);
    const page = await admin.get('/admin/results/2566');
    expect(text(page.body, '#changes ~ .table-wrap')).toContain('2565');
    expect(text(page.body)).toContain('+2.01');
  });

  it('shows a Thai 404 for a year without results or without a catalogue', async () => {
    const missing = await admin.get('/admin/results/2568');
    expect(missing.statusCode).toBe(404);
    expect(toArabicDigits(mainText(missing.body))).toContain('ยังไม่ได้บันทึกผลการประเมิน ITA ปีงบประมาณ 2568');
    expect((await admin.get('/admin/results/new?year=2599')).statusCode).toBe(404);
    expect((await admin.get('/admin/results/abc')).statusCode).toBe(404);
  });

  it('lets a viewer see results but not enter or import them (403), and changes nothing', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    const before = await rowsOfAgency();

    const list = await viewer.get('/admin/results');
    expect(list.statusCode).toBe(200);
    expect(html(list.body).querySelector('a[href="/admin/results/new"]')).toBeNull();
    expect((await viewer.get('/admin/results/2565')).statusCode).toBe(200);
    expect(html((await viewer.get('/admin/results/2565')).body).querySelector('a[href="/admin/results/2565/edit"]')).toBeNull();
    expect((await viewer.get('/admin/results/new?year=2565')).statusCode).toBe(403);
    expect((await viewer.get('/admin/results/2565/edit')).statusCode).toBe(403);
    expect((await viewer.get('/admin/results/import')).statusCode).toBe(403);

    await viewer.get('/admin/results');
    const post = await viewer.submit('/admin/results/2565/edit', seedForm(fy2565, { 'indicators.1': '99' }));
    expect(post.statusCode).toBe(403);
    expect(mainText(post.body)).toContain('ท่านไม่มีสิทธิ์');
    const upload = await viewer.upload('/admin/results/import', {}, [
      { field: 'file', filename: 'seed.json', content: Buffer.from(JSON.stringify(seedJson({ indicators: { ...seedJson().indicators as object, 1: 99 } }))) },
    ]);
    expect(upload.statusCode).toBe(403);
    expect(await rowsOfAgency()).toEqual(before);

    // Anonymous visitors are sent to sign in.
    const anon = await new TestClient(t.app).get('/admin/results/2565');
    expect(anon.statusCode).toBe(303);
  });
});
