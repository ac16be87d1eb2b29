/**
 * The monthly summaries publish themselves (both dialects): after a file import, the complete
 * months of the fiscal year up to the last one with data (earlier months without contracts say
 * so); after a finished sync from the government spending API (a LOCAL test server in the real
 * API's shape — the only way to test it without the internet here), every complete month. Each
 * run attaches only the months whose form changed, with one audit entry; a repeated run attaches
 * nothing and writes nothing. And the file waiting for its column mapping is kept in the
 * database: a second app instance on the same database finishes the mapping, and it expires.
 */
import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, rowCount, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { pdfPlainText } from '../../support/office.js';
import type { Clock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

/** 15 March 2569 (CE 2026), 10:00 in Thailand: October–February of FY2569 are complete, March is not. */
let now = new Date('2026-03-15T03:00:00Z');
const clock: Clock = { now: () => now };
const KEY = 'test-key-publishing-0123456789';
const HEADERS = 'เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,วันที่สัญญา';
const csv = (...rows: string[]) => Buffer.from([HEADERS, ...rows].join('\n'), 'utf8');
const DEC = '68129000001,ซื้อวัสดุสำนักงาน,เฉพาะเจาะจง,ร้าน ก,4500,3/12/2568';
const JAN = '69019000002,จ้างซ่อมถนน,เฉพาะเจาะจง,หจก. ข,90000,12/01/2569';
const MAR = '69039000003,ซื้อน้ำดื่ม,เฉพาะเจาะจง,ร้าน ค,900,2/03/2569';
const FEB = '69029000004,ซื้อหมึกพิมพ์,เฉพาะเจาะจง,ร้าน ง,2800,5/02/2569';

describe.each(DIALECTS)('monthly summaries published after an import or a sync on %s', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  let agencyId: string;
  let api: Server;

  beforeAll(async () => {
    // One FY2568 contract in November 2567, in the recorded shape of the cgdcontract API.
    api = createServer((req, res) => {
      if (req.headers['api-key'] !== KEY) return void res.writeHead(401).end('{}');
      const offset = Number(new URL(req.url!, 'http://x').searchParams.get('offset'));
      const record = { dept_code: '6320120', project_id: '67119000009', project_name: 'ซื้อวัสดุไฟฟ้า', purchase_method_name: 'เฉพาะเจาะจง', project_money: 9000, price_build: 9000, sum_price_agree: 8800, transaction_date: '2024-11-10', contract: [{ winner: 'ร้านไฟฟ้า', contract_no: '1/2568', contract_date: '2024-11-10', price_agree: 8800 }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: offset === 0 ? [record] : [] }));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}/govspending`;
    t = await buildTestApp(dialect, { clock, outboundAllowPrivate: ['127.0.0.1/32'], config: { govspending: { apiKey: KEY, baseUrl, minIntervalMs: 0, pageSize: 100 } } });
    client = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => api.close(() => r()));
    await t.close();
  });

  const db = () => t.database.db as Kysely<any>;
  const publishAudits = async () =>
    (await db().selectFrom('audit_log').select(['details', 'actor_label']).where('action', '=', 'procurement.publish').orderBy('created_at').orderBy('id').execute()).map((r) => ({ ...JSON.parse(String(r.details)), actor: r.actor_label }));
  const evidence = async (year: number, code: string) => (await t.services.oit.loadYear(agencyId, year, { withPeople: false })).items.find((i) => i.code === code)!.evidence;

  it('publishes after an import the complete months up to the last with data, then only what changed', async () => {
    await client.get('/admin/procurement/2569');
    const res = await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'ทะเบียน.csv', content: csv(DEC, JAN, MAR) }]);
    expect(res.statusCode).toBe(303);
    // October and November had no procurement (January has data after them); March is still running.
    expect((await t.services.procurement.publishedMonths(agencyId, 2569)).map((m) => m.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01']);
    const o11 = await evidence(2569, 'O11');
    expect(o11.map((e) => e.title).sort()).toEqual(['ตุลาคม ๒๕๖๘', 'พฤศจิกายน ๒๕๖๘', 'ธันวาคม ๒๕๖๘', 'มกราคม ๒๕๖๙'].map((m) => `สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.๑) เดือน${m}`).sort());
    expect(await rowCount(t, 'oit_evidence_versions')).toBe(4);
    const register = await client.get('/admin/procurement/2569');
    expect(toArabicDigits(register.body)).toContain('นำเข้าแล้ว: ใหม่ 3 ปรับปรุง 0 ไม่เปลี่ยน 0 รายการ — แนบสรุปผลรายเดือน 4 เดือนเป็นหลักฐาน OIT (2569:O11) แล้ว');
    expect(register.body.match(/แนบเป็นหลักฐาน OIT แล้ว/g)).toHaveLength(4);
    const oct = await t.services.procurement.monthlyDocument(agencyId, 2569, '2025-10', 'pdf');
    expect((await pdfPlainText(oct.buffer)).replace(/\s+/g, ' ')).toContain('ไม่มีการจัดซื้อจัดจ้างในเดือน ตุลาคม ๒๕๖๘');
    expect(await publishAudits()).toEqual([{ year: 2569, trigger: 'import', months: ['2025-10', '2025-11', '2025-12', '2026-01'], unchanged: 0, item: 'O11', actor: 'ผู้ดูแล ทดสอบ' }]);

    // The same file again: nothing attached, no version, no audit entry.
    const again = await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2569, csv(DEC, JAN, MAR), 'ทะเบียน.csv');
    expect(again).toMatchObject({ state: 'imported', unchanged: 3, published: { months: [], unchanged: ['2025-10', '2025-11', '2025-12', '2026-01'], attachedTo: '2569:O11' } });
    expect(await rowCount(t, 'oit_evidence_versions')).toBe(4);
    expect(await publishAudits()).toHaveLength(1);

    // February gains a contract: February alone is published; a changed price republishes its month.
    const feb = await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2569, csv(FEB), 'feb.csv');
    expect(feb).toMatchObject({ published: { months: ['2026-02'] } });
    const dec = await t.services.procurement.importFile(SYSTEM_ACTOR, agencyId, 2569, csv(DEC.replace(',4500,', ',4400,')), 'dec.csv');
    expect(dec).toMatchObject({ updated: 1, published: { months: ['2025-12'] } });
    expect(await rowCount(t, 'oit_evidence_versions')).toBe(6);
    expect((await evidence(2569, 'O11')).length).toBe(5);
    // (One fixed clock: entries of the same instant come back in any order.)
    expect((await publishAudits()).map((a) => a.months.join(' ')).sort()).toEqual(['2025-10 2025-11 2025-12 2026-01', '2025-12', '2026-02']);

    // The manual button still attaches every month that has begun, March included.
    await client.get('/admin/procurement/2569');
    expect((await client.submit('/admin/procurement/2569/publish', {})).statusCode).toBe(303);
    expect((await evidence(2569, 'O11')).length).toBe(6);
    expect((await publishAudits()).find((a) => a.trigger === 'manual')).toMatchObject({ trigger: 'manual', months: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'] });
  }, 120_000);

  it('publishes every complete month after a finished sync, months without contracts saying so, and nothing when run again', async () => {
    await client.get('/admin/procurement/2568');
    const res = await client.submit('/admin/procurement/2568/sync', { deptCode: '6320120' });
    expect(res.statusCode).toBe(303);
    const months = (await t.services.procurement.publishedMonths(agencyId, 2568)).map((m) => m.month);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-10');
    expect(months.at(-1)).toBe('2025-09');
    const item = (await publishAudits()).find((a) => a.trigger === 'sync')!;
    expect(item).toMatchObject({ year: 2568, trigger: 'sync', unchanged: 0 });
    expect(item.months).toHaveLength(12);
    const sep = await t.services.procurement.monthlyDocument(agencyId, 2568, '2025-09', 'pdf');
    expect((await pdfPlainText(sep.buffer)).replace(/\s+/g, ' ')).toContain('ไม่มีการจัดซื้อจัดจ้างในเดือน กันยายน ๒๕๖๘');
    const audits = (await publishAudits()).length;
    const again = await t.services.procurement.syncFromApi(SYSTEM_ACTOR, agencyId, 2568, '6320120');
    expect(again).toMatchObject({ done: true, unchanged: 1, published: { months: [] } });
    expect((await publishAudits()).length).toBe(audits);
  }, 120_000);

  describe('a file waiting for its column mapping', () => {
    let two: FastifyInstance;
    beforeAll(async () => {
      // A second instance of the app on the same database: its own process memory, nothing else.
      two = await buildApp({ config: t.config, db: t.database.db, dialect, clock, logger: false });
      await two.ready();
    });
    afterAll(async () => {
      await two.close();
    });
    // A layout never mapped before (a mapped layout is remembered and would import at once).
    let layouts = 0;
    const unknown = () => Buffer.from(`รหัส ${++layouts},ชื่องาน,วิธี,คนชนะ,เงิน,วันที่\n69029000010,ซื้อแฟ้ม,เฉพาะเจาะจง,ร้าน จ,500,9/02/2569`, 'utf8');
    const mapping = { projectNo: '1', titleTh: '2', method: '3', winner: '4', agreedPrice: '5', contractDate: '6' };

    it('is kept in the database, so another instance finishes the mapping, and is removed when done', async () => {
      await client.get('/admin/procurement/2569');
      const first = await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'แปลก.csv', content: unknown() }]);
      expect(first.statusCode).toBe(200);
      const token = /name="token" value="([^"]+)"/.exec(first.body)![1]!;
      expect(await rowCount(t, 'procurement_pending_imports')).toBe(1);
      const mapped = await client.onApp(two).submit('/admin/procurement/2569/import/map', { token, ...mapping });
      expect(mapped.statusCode).toBe(303);
      expect((await t.services.procurement.contracts(agencyId, 2569)).some((c) => c.projectNo === '69029000010')).toBe(true);
      expect(await rowCount(t, 'procurement_pending_imports')).toBe(0);
      // Used once: the same token again is gone.
      await client.get('/admin/procurement/2569');
      expect((await client.submit('/admin/procurement/2569/import/map', { token, ...mapping })).statusCode).toBe(404);
    });

    it('expires after 30 minutes and is cleared by the next upload or the scheduled sweep', async () => {
      const started = now;
      try {
        await client.get('/admin/procurement/2569');
        const first = await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'แปลก.csv', content: unknown() }]);
        const token = /name="token" value="([^"]+)"/.exec(first.body)![1]!;
        now = new Date(started.getTime() + 31 * 60_000);
        await client.get('/admin/procurement/2569');
        const late = await client.submit('/admin/procurement/2569/import/map', { token, ...mapping });
        expect(late.statusCode).toBe(404);
        expect(toArabicDigits(late.body)).toContain('อาจหมดเวลา 30 นาที'); // in the agency's digits
        expect(await rowCount(t, 'procurement_pending_imports')).toBe(0);
        // An expired file nobody came back for goes with the agency's next upload.
        await client.get('/admin/procurement/2569');
        const token2 = /name="token" value="([^"]+)"/.exec((await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'แปลก.csv', content: unknown() }])).body)![1]!;
        now = new Date(now.getTime() + 31 * 60_000);
        await client.get('/admin/procurement/2569');
        await client.upload('/admin/procurement/2569/import', {}, [{ field: 'file', filename: 'แปลก-2.csv', content: unknown() }]);
        const left = await db().selectFrom('procurement_pending_imports').select('id').execute();
        expect(left.map((r) => r.id)).not.toContain(token2);
        expect(left).toHaveLength(1);
        // The scheduled sweep removes what nobody came back for, across agencies, and nothing unexpired.
        expect(await t.services.procurement.sweepPendingImports()).toBe(0);
        now = new Date(now.getTime() + 31 * 60_000);
        expect(await t.services.procurement.sweepPendingImports()).toBe(1);
        expect(await rowCount(t, 'procurement_pending_imports')).toBe(0);
      } finally {
        now = started;
      }
    });
  });
});
