import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, html, type TestApp, type TestClient, setUpAgency } from '../../support/app.js';
import { listAudit } from '../../../src/platform/audit.js';
import { parseResultsCsv, parseResultsXlsx } from '../../../src/modules/ita-results/domain/results-table.js';
import { CSV_HEADER, SEED_FAILED_OIT, SEED_INDICATORS, seedJson, seedRow, toCsvText, toXlsx } from './seed.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

const SEED_FIXTURE = new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url);

// FY2566 rates by labels (ผ่านดี …), not AA–F: the seed's 65.66 is below every label but the last.
const FY2566_LEVEL = 'ต้องปรับปรุงโดยด่วน';

describe.each(DIALECTS)('ITA results import and templates on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;

  /** Everything an import could touch: the agency's results and its audit trail. */
  const snapshot = async () => ({
    results: await t.database.db.selectFrom('ita_results').selectAll().where('agency_id', '=', agencyId).orderBy('fiscal_year').execute(),
    audit: (await listAudit(t.database.db, agencyId, 10_000)).length,
  });

  const upload = async (filename: string, content: Buffer | string) => {
    await admin.get('/admin/results/import');
    return admin.upload('/admin/results/import', {}, [{ field: 'file', filename, content: Buffer.isBuffer(content) ? content : Buffer.from(content) }]);
  };

  /** The error table of a rejected import: [row, column, message] per problem. */
  // The page is in the test agency's Thai digits; rows and messages are compared in Arabic ones.
  const problems = (body: string) =>
    html(toArabicDigits(body))
      .querySelectorAll('main table tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.trim()));

  /** Rejected as a whole: 400, the Thai error page, and nothing written. */
  const expectRejected = async (res: { statusCode: number; body: string }, before: Awaited<ReturnType<typeof snapshot>>) => {
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    expect(html(res.body).querySelector('#f-file-error')!.textContent).toContain('ไม่ได้นำเข้าข้อมูลใดเลย');
    expect(await snapshot()).toEqual(before);
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(async () => t.close());

  it('imports the seed as JSON and shows its analysis', async () => {
    const res = await upload('seed-fy2565.json', readFileSync(SEED_FIXTURE));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/results/2565');
    const page = await admin.get('/admin/results/2565');
    expect(page.statusCode).toBe(200);
    expect(html(page.body).querySelector('#total-computed .card-value')!.textContent).toBe('๖๕.๖๗');
    const stored = (await t.services.results.getResults(agencyId, 2565))!;
    expect(stored.input.indicators).toEqual(SEED_INDICATORS);
    expect(stored.input.official).toEqual({ score: 65.66, level: 'C' });
    expect(Object.keys(stored.input.oit!)).toEqual(Object.keys(SEED_FAILED_OIT));
    expect((await listAudit(t.database.db, agencyId)).map((a) => a.action)).toContain('results.import');
  });

  it('imports a CSV file with Thai header names and Thai digits, replacing the year', async () => {
    const thaiHeader = CSV_HEADER.map((h) => (h === 'fiscal_year' ? 'ปีงบประมาณ' : h === 'agency_name' ? 'ชื่อหน่วยงาน' : h));
    const rows = [thaiHeader, seedRow({ ind_1: '๘๐.๐๐', official_score: '' })];
    const res = await upload('results.csv', `\uFEFF${toCsvText(rows)}`);
    expect(res.statusCode).toBe(303);
    const stored = (await t.services.results.getResults(agencyId, 2565))!;
    expect(stored.input.indicators[1]).toBe(80);
    expect(stored.input.official).toEqual({ level: 'C' });
    expect(stored.input.oit!.O17).toEqual({ passed: false, reason: SEED_FAILED_OIT.O17 });
  });

  it('imports an XLSX file with two years of this agency in one transaction', async () => {
    const rows = [CSV_HEADER, seedRow(), seedRow({ fiscal_year: 2566, ind_10: 28.75, official_score: '', official_level: '' })];
    const res = await upload('results.xlsx', await toXlsx(rows));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/results');
    expect((await t.services.results.getResults(agencyId, 2565))!.input.indicators[1]).toBe(86.05);
    expect((await t.services.results.getResults(agencyId, 2566))!.input.indicators[10]).toBe(28.75);
    const years = await t.services.results.listYears(agencyId);
    expect(years.map((y) => y.fiscalYear)).toEqual([2566, 2565]);
  });

  it('rejects a score outside 0–100, naming the row and the column, and saves no row of the file', async () => {
    const before = await snapshot();
    const rows = [CSV_HEADER, seedRow({ fiscal_year: 2567, official_level: '', ...blankOit() }), seedRow({ ind_3: 120 })];
    const res = await upload('results.csv', toCsvText(rows));
    await expectRejected(res, before);
    expect(problems(res.body)).toContainEqual(['3', 'ind_3', expect.stringContaining('คะแนนต้องอยู่ระหว่าง 0 ถึง 100')]);
    const summary = html(res.body).querySelector('.error-summary')!.textContent;
    expect(toArabicDigits(summary)).toContain('แถวที่ 3 (ind_3)'); // in the agency's digits
    // The good 2567 row was not saved either.
    expect(await t.services.results.getResults(agencyId, 2567)).toBeUndefined();
  });

  it('rejects unknown codes: an OIT column the year lacks and an indicator the year lacks', async () => {
    const before = await snapshot();
    const csv = toCsvText([[...CSV_HEADER, 'O99'], [...seedRow(), 'ผ่าน']]);
    const res = await upload('results.csv', csv);
    await expectRejected(res, before);
    expect(problems(res.body)).toContainEqual(['1', 'O99', expect.stringContaining('ไม่มีข้อ O99')]);

    const json = await upload('results.json', JSON.stringify(seedJson({ indicators: { ...(seedJson().indicators as object), 11: 50 } })));
    await expectRejected(json, before);
    expect(problems(json.body).some(([, field, message]) => field === 'indicators.11' && message!.includes('ไม่มีตัวชี้วัดที่'))).toBe(true);
  });

  it('rejects a year without a catalogue and a Gregorian year', async () => {
    const before = await snapshot();
    const res = await upload('results.csv', toCsvText([CSV_HEADER, seedRow({ fiscal_year: 2599 })]));
    await expectRejected(res, before);
    expect(problems(res.body)).toContainEqual(['2', 'fiscal_year', expect.stringContaining('ไม่มีแคตตาล็อกของปีงบประมาณ 2599')]);

    const json = await upload('results.json', JSON.stringify(seedJson({ fiscalYear: 2022 })));
    await expectRejected(json, before);
    expect(problems(json.body).some(([, field, message]) => field === 'fiscalYear' && message!.includes('ค.ศ.'))).toBe(true);
  });

  it('rejects a duplicate row and rows of another agency in a multi-row file', async () => {
    const before = await snapshot();
    const dup = await upload('results.csv', toCsvText([CSV_HEADER, seedRow(), seedRow({ ind_1: 50 })]));
    await expectRejected(dup, before);
    expect(problems(dup.body)).toContainEqual(['3', 'agency_name', expect.stringContaining('ซ้ำกับแถวที่ 2')]);

    const other = await upload('results.csv', toCsvText([CSV_HEADER, seedRow(), seedRow({ fiscal_year: 2566, agency_name: 'เทศบาลตำบลอื่น', official_level: FY2566_LEVEL })]));
    await expectRejected(other, before);
    expect(problems(other.body)).toContainEqual(['3', 'agency_name', expect.stringContaining('เทศบาลตำบลอื่น')]);
  });

  it('saves a one-row file for this agency even when it names another one', async () => {
    const res = await upload('results.csv', toCsvText([CSV_HEADER, seedRow({ fiscal_year: 2566, agency_name: 'เทศบาลตำบลปรุใหญ่', ind_2: 70, official_level: FY2566_LEVEL })]));
    expect(res.statusCode).toBe(303);
    expect((await t.services.results.getResults(agencyId, 2566))!.input.indicators[2]).toBe(70);
  });

  it('rejects broken files with one Thai message and saves nothing', async () => {
    const before = await snapshot();
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
    for (const [name, content] of [
      ['garbage.csv', garbage],
      ['garbage.xlsx', garbage],
      ['broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage])],
      ['broken.json', Buffer.from('{"fiscalYear": 2565, "indicators": {')],
      ['empty.csv', Buffer.alloc(0)],
    ] as const) {
      const res = await upload(name, content);
      await expectRejected(res, before);
      expect(html(res.body).querySelector('.error-summary')!.textContent.length).toBeGreaterThan(10);
    }
    const none = await admin.upload('/admin/results/import', {}, []);
    expect(none.statusCode).toBe(400);
    expect(html(none.body).querySelector('.error-summary')!.textContent).toContain('กรุณาเลือกไฟล์');
  });

  it('serves CSV and XLSX templates of a year that the importer reads back', async () => {
    const catalogues = await t.services.catalogues.allCatalogues();
    const csv = await admin.get('/admin/results/template.csv?year=2565');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('fy2565.csv');
    const parsedCsv = parseResultsCsv(csv.rawPayload, catalogues);
    expect(parsedCsv.ok).toBe(true);
    if (parsedCsv.ok) expect(parsedCsv.rows.map((r) => r.fiscalYear)).toEqual([2565]);

    const xlsx = await admin.get('/admin/results/template.xlsx?year=2565');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const parsedXlsx = await parseResultsXlsx(xlsx.rawPayload, catalogues);
    expect(parsedXlsx.ok).toBe(true);
    if (parsedXlsx.ok) expect(parsedXlsx.rows[0]!.indicators).toEqual(parsedCsv.ok ? parsedCsv.rows[0]!.indicators : {});

    // The officer's round trip: fill the downloaded template's example row and import it. (Done
    // on the CSV: ExcelJS needs seconds to load and rewrite the workbook's input checks.)
    const [headerLine] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    const headers = headerLine!.split(',');
    const cell: Record<string, string | number> = { fiscal_year: 2565, agency_name: 'เทศบาลตำบลทดสอบ', official_score: 65.66, official_level: 'C' };
    for (const [no, s] of Object.entries(SEED_INDICATORS)) cell[`ind_${no}`] = s;
    for (const h of headers.filter((x) => /^O\d+$/.test(x))) cell[h] = SEED_FAILED_OIT[h] ? 'ไม่ผ่าน' : 'ผ่าน';
    for (const [code, reason] of Object.entries(SEED_FAILED_OIT)) cell[`${code}_reason`] = reason;
    const filled = await toXlsx([headers, headers.map((h) => cell[h] ?? '')]);
    const res = await upload('filled-template.xlsx', filled);
    expect(res.statusCode).toBe(303);
    const { analysis } = await t.services.results.analysisFor(agencyId, 2565);
    expect(analysis.total.computed).toBe(65.67);
    expect(analysis.failedOit.map((f) => f.code)).toEqual(Object.keys(SEED_FAILED_OIT));
  });

  it('shows the import page with template links for every catalogue year', async () => {
    const page = await admin.get('/admin/results/import');
    expect(page.statusCode).toBe(200);
    const hrefs = html(page.body).querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/admin/results/template.csv?year=2565');
    expect(hrefs).toContain('/admin/results/template.xlsx?year=2568');
    // The CSRF token is the form's first field, never in the URL.
    const form = html(page.body).querySelector('form[enctype="multipart/form-data"]')!;
    expect(form.getAttribute('action')).toBe('/admin/results/import');
    expect(form.querySelector('input')!.getAttribute('name')).toBe('_csrf');
  });
});

/** OIT cells left empty (a year whose list has other codes). */
function blankOit(): Record<string, string> {
  return Object.fromEntries(Object.keys(SEED_FAILED_OIT).flatMap((c) => [[c, ''], [`${c}_reason`, '']]));
}
