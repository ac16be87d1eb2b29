/**
 * The catalogue's history years (FY2563–FY2564, no OIT list) and provisional years
 * (FY2569–FY2570) through the real app: results entry, import, analysis, measures document and
 * OIT pages cope with a year without OIT items; the FY2569 readiness lists O1–O26 with their
 * periods; carry-over FY2569 → FY2570 maps every item and FY2568 evidence is offered for the
 * right FY2569 items; the provisional notice is where officers work; "today" is in FY2570.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp } from '../../support/app.js';
import { toArabicDigits } from '../../../src/shared/thai.js';
import type { Clock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';

const text = (body: string, selector = 'main') => toArabicDigits((html(body).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim());

// 1 Dec 2026 (CE) is in FY2570.
const clock: Clock = { now: () => new Date('2026-12-01T03:00:00Z') };

// Constructed FY2564 scores: IIT mean 90, EIT mean 80, OIT mean 97.5 → 0.3·90 + 0.3·80 + 0.4·97.5 = 90.00 (A).
const FY2564 = { 1: 88, 2: 92, 3: 90, 4: 89, 5: 91, 6: 80, 7: 78, 8: 82, 9: 96, 10: 99 };

describe.each(DIALECTS)('history and provisional catalogue years on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(async () => t.close());

  it('enters FY2564 results without an OIT list and rates them by the formula and AA–F bands', async () => {
    const form = await admin.get('/admin/results/new?year=2564');
    expect(form.statusCode).toBe(200);
    const doc = html(form.body);
    expect(doc.querySelectorAll('select[name^="oit."]')).toHaveLength(0);
    expect(doc.querySelectorAll('#f-official-level option').map((o) => o.getAttribute('value'))).toEqual(['', 'AA', 'A', 'B', 'C', 'D', 'E', 'F']);
    const fields: Record<string, string> = { 'official.score': '90.00', 'official.level': 'A' };
    for (const [no, s] of Object.entries(FY2564)) fields[`indicators.${no}`] = s.toFixed(2);
    const res = await admin.submit('/admin/results/2564/edit', fields);
    expect(res.statusCode).toBe(303);
    const page = await admin.get('/admin/results/2564');
    expect(page.statusCode).toBe(200);
    expect(text(page.body, '#total-computed')).toContain('90.00');
    expect(text(page.body, '#level-computed .card-value')).toBe('A');
    expect(html(page.body).querySelectorAll('#flags [data-flag="TOTAL_MISMATCH"]')).toHaveLength(0);
  });

  it('imports FY2563 results as JSON without OIT items', async () => {
    await admin.get('/admin/results/import');
    const body = { fiscalYear: 2563, official: { score: 74.99, level: 'C' }, indicators: { 1: 75, 2: 75, 3: 75, 4: 75, 5: 75, 6: 75, 7: 75, 8: 75, 9: 74.98, 10: 74.98 } };
    const res = await admin.upload('/admin/results/import', {}, [{ field: 'file', filename: 'fy2563.json', content: Buffer.from(JSON.stringify(body)) }]);
    expect([200, 303]).toContain(res.statusCode);
    const page = await admin.get('/admin/results/2563');
    expect(page.statusCode).toBe(200);
    // 0.3·75 + 0.3·75 + 0.4·74.98 = 74.992 → C (65.00–74.99), not B.
    expect(text(page.body, '#level-computed .card-value')).toBe('C');
  });

  it('drafts the plan and renders the measures document of a history year', async () => {
    expect((await admin.submit('/admin/plan/2564/draft', {})).statusCode).toBe(303);
    const docx = await admin.get('/admin/documents/2564/measures.docx');
    expect(docx.statusCode).toBe(200);
    const pdf = await admin.get('/admin/documents/2564/measures.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers the OIT pages of a year without items plainly', async () => {
    const res = await admin.get('/admin/oit/2564');
    expect([200, 404]).toContain(res.statusCode);
    expect(res.statusCode === 404 ? mainText(res.body) : text(res.body)).toMatch(/2564|๒๕๖๔/);
  });

  it('opens the OIT workspace on FY2570 (today) with the provisional notice', async () => {
    const start = await admin.get('/admin/oit');
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/admin/oit/2570');
    const page = await admin.get('/admin/oit/2570');
    expect(page.statusCode).toBe(200);
    const notice = text(page.body, '.catalogue-caveats');
    expect(notice).toContain('ข้อมูลชั่วคราว');
    expect(notice).toContain('นำเข้าแคตตาล็อกปี 2570');
    expect(notice).toContain('รายการ OIT 26 จาก 26 ข้อ');
    const item = await admin.get('/admin/oit/2570/O18');
    expect(text(item.body, '.catalogue-caveats')).toContain('ข้อมูลชั่วคราว');
    const home = await admin.get('/admin');
    expect(home.statusCode).toBe(200);
    expect(text(home.body)).toContain('2570');
  });

  it('lists the 26 FY2569 items with the period each must cover', async () => {
    const report = await t.services.oit.readinessReport(agencyId, 2569);
    expect(report.items.map((i) => i.code)).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}`));
    const view = await t.services.oit.loadYear(agencyId, 2569);
    const period = (code: string) => view.items.find((i) => i.code === code)!.item.period;
    expect(period('O18')).toBe('previous-fy');
    expect(period('O12')).toBe('previous-fy');
    expect(period('O14')).toBe('previous-fy');
    expect(period('O24')).toBe('previous-fy');
    expect(period('O19')).toBe('current-fy');
    expect(period('O1')).toBe('none');
    // The item page pre-fills the period the evidence must cover: FY2568 for O18.
    const o18 = await admin.get('/admin/oit/2569/O18');
    // Shown as a Buddhist-era date in the agency's digits (1 October 2567 = 2024-10-01).
    expect(html(o18.body).querySelector('input[name="file.periodFrom"]')?.getAttribute('value') ?? '').toBe('๐๑/๑๐/๒๕๖๗');
  });

  it('carries FY2569 to FY2570 item by item and offers FY2568 evidence for the right FY2569 items', async () => {
    const plan = await t.services.oit.carryOverPlan(agencyId, 2570, 2569);
    expect(plan.rows.map((r) => `${r.mapping.fromCode}>${r.mapping.toCode}`)).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}>O${i + 1}`));
    expect(plan.dropped).toEqual([]);
    expect(plan.added).toEqual([]);
    const back = await t.services.oit.carryOverPlan(agencyId, 2569, 2568);
    // FY2568 evidence goes to the FY2569 item of the same role, whatever its number: complaint
    // statistics O19 → O18, participation O20 → O19; service statistics and the gifts report
    // land in the items NACC merged them into (E-Service O10, No Gift O20).
    const pairs = back.rows.map((r) => `${r.mapping.fromCode}>${r.mapping.toCode}`);
    expect(pairs).toEqual(expect.arrayContaining(['O1>O1', 'O11>O10', 'O12>O11', 'O19>O18', 'O20>O19', 'O21>O20', 'O22>O20', 'O26>O24']));
    expect(pairs).toHaveLength(22);
    expect(back.added.map((a) => a.code)).toEqual(['O2', 'O5', 'O6', 'O7', 'O25', 'O26']);
    const page = await admin.get('/admin/oit/2569/carry-over?from=2568');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('บทบาทเดียวกัน');
  });

  it('carries two FY2568 items NACC merged into one FY2569 item, both evidence kept', async () => {
    await admin.get('/admin/oit/import');
    const csv = [
      'ปี,ข้อ,ชื่อ,ลิงก์',
      '2568,O10,E-Service,https://eservice.test-town.go.th/',
      '2568,O11,ข้อมูลสถิติการให้บริการ,https://test-town.go.th/stats-2568',
      '2568,O21,ประกาศ No Gift,https://test-town.go.th/no-gift',
      '2568,O22,รายงานการรับของขวัญ,https://test-town.go.th/gifts-2568',
    ].join('\r\n');
    const imported = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'vendor.csv', content: Buffer.from(csv), contentType: 'text/csv' }]);
    expect(imported.statusCode).toBe(200);
    await admin.get('/admin/oit/2569/carry-over?from=2568');
    const res = await admin.submit('/admin/oit/2569/carry-over?from=2568', { codes: ['O10', 'O11', 'O21', 'O22'] });
    expect(res.statusCode).toBe(303);
    const urls = async (code: string) =>
      (await t.database.db.selectFrom('oit_evidence as e').innerJoin('oit_items as i', 'i.id', 'e.item_id').select('e.url')
        .where('i.agency_id', '=', agencyId).where('i.fiscal_year', '=', 2569).where('i.code', '=', code).execute()).map((r) => r.url).sort();
    expect(await urls('O10')).toEqual(['https://eservice.test-town.go.th/', 'https://test-town.go.th/stats-2568']);
    expect(await urls('O20')).toEqual(['https://test-town.go.th/gifts-2568', 'https://test-town.go.th/no-gift']);
  });

  it('gives an imported official list without role keys the roles of the matching items', async () => {
    const c = (await t.services.catalogues.getCatalogue(2570))!;
    const official = { ...c, version: '2570.2', status: 'complete', oitItems: c.oitItems.map(({ role: _role, mergedRoles: _merged, ...rest }) => ({ ...rest, verified: true })) };
    await t.services.catalogues.importCatalogue(SYSTEM_ACTOR, Buffer.from(JSON.stringify(official)), 'json');
    const now = (await t.services.catalogues.getCatalogue(2570))!;
    expect(now.version).toBe('2570.2');
    expect((await t.services.catalogues.findOitItemByRole(2570, 'complaint-statistics'))?.code).toBe('O18');
    expect((await t.services.catalogues.findOitItemByRole(2570, 'measures'))?.code).toBe('O25');
    expect(now.oitItems.every((i) => i.role)).toBe(true);
    // Confirmed and complete: the OIT workspace no longer calls the year provisional.
    expect(text((await admin.get('/admin/oit/2570')).body)).not.toContain('ข้อมูลชั่วคราว');
  });
});
