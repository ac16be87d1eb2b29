/**
 * The contract register on both dialects: spreadsheet import through the real pages (columns
 * mapped once, then remembered), a broken row rejecting the whole file, the government spending
 * API client against a LOCAL test server serving responses in the real API's shape (the only way
 * to test it without the internet here: the responses are written after the public cgdcontract
 * API — `{ result: [...] }` with project_id, project_name, purchase_method_name, project_money,
 * price_build, sum_price_agree and a contract[] list), with paging, a server error resumed from
 * its page, a revoked key, and duplicates merged with the file by project number; the monthly
 * summary's columns and totals (page, JSON, DOCX in LibreOffice, PDF); the annual report's
 * required parts; and attachment to the right OIT items of FY2565 and FY2569. The CLI's commands
 * are run as the issue names them.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { expectMatchesOpenApi } from '../../support/openapi.js';
import { checkDocxInOffice, officeProblems, overlappingLines, pdfLineBoxes, pdfPlainText, squash } from '../../support/office.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { DomainError } from '../../../src/shared/errors.js';
import { govspendingClient } from '../../../src/modules/procurement/index.js';
import { findOitItemByRole } from '../../../src/modules/catalogue/index.js';
import { runProcurement } from '../../../src/cli/commands/procurement.js';
import { runReport } from '../../../src/cli/commands/report.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

// 1 December 2569 (CE 2026): every month of FY2569 has begun.
const clock = fixedClock('2026-12-01T03:00:00Z');
const KEY = 'test-key-0123456789-secret';

const OWN_HEADERS = 'เลขโครงการ,ชื่องาน,วิธีจัดซื้อ,งบ,คนชนะ,ราคาตกลง,ลงวันที่,เหตุผล';
const ownCsv = (...rows: string[]) => Buffer.from([OWN_HEADERS, ...rows].join('\r\n'), 'utf8');

/** Contracts as the API lists them (recorded shape; names and contract numbers as short as real ones). */
const apiRecord = (id: string, name: string, price: number, date: string, method = 'เฉพาะเจาะจง') => ({
  dept_code: '6320120',
  dept_name: 'เทศบาลตำบลทดสอบ',
  project_id: id,
  project_name: name,
  project_type_name: 'จ้างก่อสร้าง',
  purchase_method_name: method,
  project_money: price + 1000,
  price_build: price + 500,
  sum_price_agree: price,
  transaction_date: date,
  contract: [{ winner_tin: '0333555000111', winner: `หจก. ผู้รับจ้าง ${id.slice(-3)}`, contract_no: `${Number(id.slice(-3))}/2569`, contract_date: date, price_agree: price, status: 'ดำเนินการ' }],
});

describe.each(DIALECTS)('procurement register on %s', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  let agencyId: string;
  let api: Server;
  let apiBase = '';
  const requests: { url: string; key: string | undefined }[] = [];
  let failOffset: number | null = null;
  let revoked = false;
  const records = [
    apiRecord('69019000001', 'ก่อสร้างรางระบายน้ำ', 500000, '2025-12-10', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)'),
    apiRecord('69019000002', 'ซ่อมถนนลูกรัง', 90000, '2025-12-12'),
    apiRecord('69019000003', 'ซื้อวัสดุก่อสร้าง', 30000, '2026-02-02'),
    apiRecord('68110000001', 'ซื้อวัสดุสำนักงาน', 14000, '2025-11-05'),
    { project_id: '69019000009', project_name: 'ไม่มีวันที่', contract: [] },
  ];

  beforeAll(async () => {
    api = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push({ url: req.url!, key: req.headers['api-key'] as string | undefined });
      if (revoked || req.headers['api-key'] !== KEY) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Invalid authentication credentials"}');
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      if (offset === failOffset) return void res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      if (url.pathname !== '/govspending/cgdcontract' || url.searchParams.get('dept_code') !== '6320120') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":[]}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: records.slice(offset, offset + limit) }));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    apiBase = `http://127.0.0.1:${(api.address() as { port: number }).port}/govspending`;
    t = await buildTestApp(dialect, { clock, outboundAllowPrivate: ['127.0.0.1/32'], config: { govspending: { apiKey: KEY, baseUrl: apiBase, minIntervalMs: 0, pageSize: 2 } } });
    client = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => api.close(() => r()));
    await t.close();
  });

  const count = async () => Number((await t.database.db.selectFrom('procurement_contracts').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow()).n);

  it('imports a spreadsheet with unknown headers after the columns are mapped once, and remembers them', async () => {
    await client.get('/admin/procurement/2569');
    const first = await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'ทะเบียน.csv', content: ownCsv('69019000001,ก่อสร้างรางระบายน้ำ,e-bidding,501000,ผู้รับจ้าง 69019000001,500000,10/12/2568,เสนอราคาต่ำสุด', '68120000002,จ้างซ่อมเครื่องพิมพ์,เฉพาะเจาะจง,5000,ร้านซ่อมดี,4500,1/12/2568,ราคาเหมาะสม') }]);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('เลือกคอลัมน์ของไฟล์');
    expect(await count()).toBe(0);
    const token = /name="token" value="([^"]+)"/.exec(first.body)![1]!;
    const mapped = await client.submit('/admin/procurement/2569/import/map', { token, projectNo: '1', titleTh: '2', method: '3', budget: '4', winner: '5', agreedPrice: '6', contractDate: '7', reason: '8' });
    expect(mapped.statusCode).toBe(303);
    expect(await count()).toBe(2);
    // The same layout again: no question, the remembered mapping is used.
    await client.get('/admin/procurement/2569');
    const again = await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'ทะเบียน-2.csv', content: ownCsv('69029000004,ซื้อหมึกพิมพ์,เฉพาะเจาะจง,3000,ร้านหมึก,2800,5/02/2569,ราคาต่ำสุด') }]);
    expect(again.statusCode).toBe(303);
    expect(await count()).toBe(3);
  });

  it('rejects a whole file for one broken row, naming the row and column in Thai', async () => {
    await client.get('/admin/procurement/2569');
    const res = await client.upload('/admin/procurement/2569/import', {}, [
      { field: 'file', filename: 'ทะเบียน-3.csv', content: ownCsv('69039000005,ซื้อน้ำดื่ม,เฉพาะเจาะจง,1000,ร้านน้ำ,900,3/03/2569,ราคาต่ำสุด', '69039000006,จ้างตัดหญ้า,เฉพาะเจาะจง,2000,นายก,สองพัน,4/03/2569,ราคาต่ำสุด') },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('ไม่ได้นำเข้าข้อมูลใดเลย');
    // Messages take the agency's digits.
    expect(toArabicDigits(res.body)).toMatch(/แถวที่ 3[^<]*ราคาตกลง/);
    expect(toArabicDigits(res.body)).toContain('แถวที่ 3 (ราคาตกลง): &quot;สองพัน&quot; ไม่ใช่จำนวนเงิน');
    expect(await count()).toBe(3);
  });

  it('reads XLSX files too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ทะเบียน');
    ws.addRow(['เลขที่โครงการ', 'งานที่จัดซื้อหรือจัดจ้าง', 'วิธีซื้อหรือจ้าง', 'ผู้ได้รับการคัดเลือก', 'ราคาที่ตกลงซื้อหรือจ้าง', 'วันที่สัญญา']);
    ws.addRow(['69049000007', 'ซื้อยางรถยนต์', 'เฉพาะเจาะจง', 'ร้านยาง', 12000, '7/04/2569']);
    const out = await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2569, Buffer.from(await wb.xlsx.writeBuffer()), 'ทะเบียน.xlsx');
    expect(out).toMatchObject({ state: 'imported', created: 1 });
  });

  it('syncs from the API page by page, resumes after a server error, merges duplicates by project number and is idempotent', async () => {
    const fast = govspendingClient({ apiKey: KEY, baseUrl: apiBase, minIntervalMs: 0, retries: 0, policy: { selfOrigins: [t.config.publicBaseUrl], allowPrivate: ['127.0.0.1/32'] } });
    failOffset = 2;
    requests.length = 0;
    const err = await t.services.procurement.syncFromApi(SYSTEM_ACTOR, agencyId, 2569, '6320120', fast).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as Error).message).toContain('HTTP 503');
    expect((await t.services.procurement.syncState(agencyId, 2569))).toMatchObject({ state: 'failed', next_offset: 2 });
    // The key travels in the api-key header, never in the URL.
    expect(requests.every((r) => r.key === KEY && !r.url.includes(KEY))).toBe(true);
    failOffset = null;
    const resumed = await t.services.procurement.syncFromApi(SYSTEM_ACTOR, agencyId, 2569, '6320120', fast);
    expect(resumed).toMatchObject({ resumedFrom: 2, fetched: 3, done: true, skipped: 1 });
    expect(requests.at(-1)!.url).toContain('offset=4');
    const list = await t.services.procurement.contracts(agencyId, 2569);
    const merged = list.find((c) => c.projectNo === '69019000001')!;
    // The file said e-bidding and the reason; the API added the reference price and contract number.
    expect(merged).toMatchObject({ sources: ['api', 'file'], reason: 'เสนอราคาต่ำสุด', referencePrice: 500500, contractNo: '1/2569' });
    expect(list.filter((c) => c.projectNo === '69019000001')).toHaveLength(1);
    const again = await t.services.procurement.syncFromApi(SYSTEM_ACTOR, agencyId, 2569, '6320120', fast);
    expect(again).toMatchObject({ resumedFrom: 0, created: 0, updated: 0, unchanged: 4 });
  });

  it('says in Thai that a revoked key must be replaced, and never shows or stores the key', async () => {
    revoked = true;
    await client.get('/admin/procurement/2569');
    const res = await client.submit('/admin/procurement/2569/sync', { deptCode: '6320120' });
    revoked = false;
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('ถูกยกเลิก');
    expect(res.body).not.toContain(KEY);
    const state = await t.services.procurement.syncState(agencyId, 2569);
    expect(state?.last_error).toContain('GOVSPENDING_API_KEY');
    const audit = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'procurement.sync').execute();
    expect(JSON.stringify(audit)).not.toContain(KEY);
    const page = await client.get('/admin/procurement/2569');
    expect(page.body).not.toContain(KEY);
  });

  it('builds the monthly summary with the official columns and totals, and says when a month had none', async () => {
    const dec = await t.services.procurement.monthly(agencyId, 2569, '2025-12');
    expect(dec.rows.map((r) => r.contract.projectNo)).toEqual(['68120000002', '69019000001', '69019000002']);
    expect(dec.totals).toMatchObject({ count: 3, agreedPrice: 594500 });
    const page = await client.get('/a/test-town/procurement/2569/2025-12');
    expect(page.statusCode).toBe(200);
    for (const h of ['งานที่จัดซื้อหรือจัดจ้าง', 'ราคากลาง (บาท)', 'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'เหตุผลที่คัดเลือกโดยสังเขป', 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง']) expect(page.body).toContain(h);
    expect(page.body).toContain('๕๙๔,๕๐๐.๐๐');
    const json = await t.app.inject({ method: 'GET', url: '/a/test-town/api/procurement/2569/2025-12' });
    await expectMatchesOpenApi(t.app, 'get', '/a/test-town/api/procurement/2569/2025-12', json);
    expect(json.json()).toMatchObject({ month: '2025-12', empty: false, totals: { count: 3, agreedPrice: 594500 } });
    const jan = await t.app.inject({ method: 'GET', url: '/a/test-town/api/procurement/2569/2026-01' });
    expect(jan.json()).toMatchObject({ empty: true, rows: [] });
    const pdf = await t.services.procurement.monthlyDocument(agencyId, 2569, '2026-01', 'pdf');
    expect((await pdfPlainText(pdf.buffer)).replace(/\s+/g, ' ')).toContain('ไม่มีการจัดซื้อจัดจ้างในเดือน มกราคม ๒๕๖๙');
  });

  it('writes the monthly summary as a DOCX that LibreOffice lays out cleanly (and a PDF that reads), from the CLI as the issue names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'egp-'));
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) };
    const csv = join(dir, 'nov.csv');
    writeFileSync(
      csv,
      [
        'เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,วันที่สัญญา,ผู้เสนอราคาและราคาที่เสนอ',
        '68119000010,ซื้อเก้าอี้สำนักงาน,เฉพาะเจาะจง,ร้านเฟอร์นิเจอร์,8000,20/11/2568,ร้านเฟอร์นิเจอร์ (8000); ร้านโต๊ะดี (8500)',
        // The widest amounts and the longest method name of the form: neither may be split in a cell.
        '68119000011,ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 บ้านหนองบัว,ประกวดราคาอิเล็กทรอนิกส์ (e-bidding),ห้างหุ้นส่วนจำกัด ศรีสะเกษก่อสร้าง,12500000,25/11/2568,ห้างหุ้นส่วนจำกัด ศรีสะเกษก่อสร้าง (12500000); บริษัท ทดสอบวิศวกรรม จำกัด (12900000.50)',
      ].join('\n'),
    );
    expect(await runProcurement(['import', csv, '--agency', 'test-town', '--year', '2569'], io, t.services)).toBe(0);
    const docx = join(dir, 'nov.docx');
    expect(await runReport(['procurement', '--year', '2569', '--month', '11', '--agency', 'test-town', '--out', docx], io, t.services)).toBe(0);
    const findings = await checkDocxInOffice(readFileSync(docx));
    // Landscape, fixed column widths summing to the text width, 14 pt cells: no line drawn over
    // another, the nine headers side by side, every paragraph (names, amounts) in the PDF whole.
    expect(officeProblems(findings)).toEqual([]);
    const flat = squash(findings.lines.map((l) => l.text).join(' '));
    for (const part of ['ร้านโต๊ะดี', 'ร้านเฟอร์นิเจอร์', 'ซื้อเก้าอี้สำนักงาน', 'พฤศจิกายน ๒๕๖๘', 'แบบ สขร.๑']) expect(flat).toContain(squash(part));
    // An amount is one line of the office suite's PDF and of ours, never cut at a comma.
    for (const amount of ['๑๒,๕๐๐,๐๐๐.๐๐', '๑๒,๙๐๐,๐๐๐.๕๐']) expect(findings.lines.some((l) => l.text.includes(amount))).toBe(true);
    const pdf = join(dir, 'nov.pdf');
    expect(await runReport(['procurement', '--year', '2569', '--month', '11', '--agency', 'test-town', '--out', pdf], io, t.services)).toBe(0);
    const own = await pdfLineBoxes(readFileSync(pdf));
    for (const amount of ['๑๒,๕๐๐,๐๐๐.๐๐', '๑๒,๙๐๐,๐๐๐.๕๐']) expect(own.lines.some((l) => l.text.includes(amount))).toBe(true);
    for (const word of ['อิเล็กทรอนิกส์', 'ลำดับที่']) expect(own.lines.some((l) => squash(l.text).includes(squash(word)))).toBe(true);
    expect(overlappingLines(own.lines)).toEqual([]);
  }, 60_000);

  it('refuses the annual report without its required parts, then attaches it to the next year\'s previous-year item', async () => {
    await client.get('/admin/procurement/2568/annual');
    await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2568, Buffer.from('เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,วันที่สัญญา\n67119000001,ซื้อวัสดุ,เฉพาะเจาะจง,ร้าน ก,1000,5/11/2567\n68039000002,ก่อสร้างถนน,e-bidding,หจก. ข,900000,5/03/2568'), 'y2568.csv');
    const bad = await client.submit('/admin/procurement/2568/annual', { problems: '', suggestions: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('กรุณากรอก &quot;ปัญหา อุปสรรค&quot;');
    expect(bad.body).toContain('กรุณากรอก &quot;ข้อเสนอแนะ&quot;');
    const ok = await client.submit('/admin/procurement/2568/annual', { problems: 'ผู้ค้าในพื้นที่มีน้อย', suggestions: 'วางแผนจัดซื้อล่วงหน้า' });
    expect(ok.statusCode).toBe(303);
    const o12 = findOitItemByRole((await t.services.catalogues.getCatalogue(2569))!, 'procurement-annual')!;
    const view = await t.services.oit.loadYear(agencyId, 2569, { withPeople: false });
    const ev = view.items.find((i) => i.code === o12.code)!.evidence;
    expect(ev.map((e) => e.title)).toContain('รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีงบประมาณ พ.ศ. 2568 เทศบาลตำบลทดสอบ');
    const pdf = await t.services.procurement.annualDocument(agencyId, 2568, 'pdf');
    const text = (await pdfPlainText(pdf.buffer)).replace(/\s+/g, ' ');
    for (const part of ['ปัญหา อุปสรรค', 'ข้อเสนอแนะ', 'ผู้ค้าในพื้นที่มีน้อย', 'e-bidding']) expect(text).toContain(part);
    const pub = await t.app.inject({ method: 'GET', url: '/a/test-town/procurement/2568/annual' });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toContain('application/pdf');
  }, 60_000);

  it('compares the annual report with the plan by project number first, then by normalised name', async () => {
    await client.get('/admin/procurement/2568');
    const plan = Buffer.from(['เลขที่โครงการ,ชื่อโครงการ,งบประมาณ', '๖๘๐๓๙๐๐๐๐๐๒,งานถนนสายหลัก,900000', ',โครงการ จัดซื้อ วัสดุ,1000', ',ซ่อมอาคาร,5000'].join('\n'), 'utf8');
    const res = await client.upload('/admin/procurement/2568/plan', {}, [{ field: 'plan', filename: 'แผน.csv', content: plan }]);
    expect(res.statusCode).toBe(303);
    const { analysis } = await t.services.procurement.annual(agencyId, 2568);
    expect(analysis.plan).toMatchObject({ items: 3, matched: 2, unmatched: ['ซ่อมอาคาร'] });
  });

  it('attaches the monthly summaries to the monthly item of FY2569 (O11) and FY2565 (O23), one entry per month', async () => {
    const r = await t.services.procurement.publishMonths(agencyId, 2569);
    const o11 = findOitItemByRole((await t.services.catalogues.getCatalogue(2569))!, 'procurement-monthly')!;
    expect(o11.code).toBe('O11');
    expect(r.attachedTo).toBe('2569:O11');
    const items2569 = (await t.services.oit.loadYear(agencyId, 2569, { withPeople: false })).items;
    expect(items2569.find((i) => i.code === 'O11')!.evidence.filter((e) => e.title.startsWith('สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.๑)'))).toHaveLength(12);
    // Publishing again refreshes the same twelve entries.
    await t.services.procurement.publishMonths(agencyId, 2569);
    expect((await t.services.oit.loadYear(agencyId, 2569, { withPeople: false })).items.find((i) => i.code === 'O11')!.evidence).toHaveLength(12);

    await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2565, Buffer.from('เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,วันที่สัญญา\n64119000001,ซื้อวัสดุ,เฉพาะเจาะจง,ร้าน ก,1000,5/11/2564'), 'y2565.csv');
    expect((await t.services.procurement.publishMonths(agencyId, 2565)).attachedTo).toBe('2565:O23');
    // The FY2564 annual report belongs to FY2565's previous-year item O24.
    await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2564, Buffer.from('เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,วันที่สัญญา\n63119000001,ซื้อวัสดุ,เฉพาะเจาะจง,ร้าน ก,1000,5/11/2563'), 'y2564.csv');
    expect(await t.services.procurement.produceAnnual(SYSTEM_ACTOR, agencyId, 2564, { problems: 'ไม่มี', suggestions: 'ไม่มี' })).toEqual({ attachedTo: ['2565:O24'] });
  }, 120_000);
});
