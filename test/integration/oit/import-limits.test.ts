/**
 * The vendor import and the item page under volume (issue 7, finding 2): bounded rows, batches
 * that leave the server answering, progress for big files, item pages that survive tens of
 * thousands of rows, and archives that would inflate past the limits.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, rowCount } from '../../support/app.js';
import { truncatedZip, xlsxBomb } from '../../support/hostile.js';

const Y = 2565;

async function evidenceCount(t: TestApp): Promise<number> {
  return rowCount(t, 'oit_evidence');
}

const csvOf = (rows: string[][]) => Buffer.from(['ปี,ข้อ,ชื่อ,ลิงก์', ...rows.map((r) => r.join(','))].join('\r\n'));

describe.each(DIALECTS)('OIT import limits on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t, { 'agency.digits': 'arabic' }); // counts read off the pages as Arabic digits
  });
  afterAll(async () => t.close());

  it('refuses a file with more rows than an import takes, at once and with nothing stored', async () => {
    await admin.get('/admin/oit/import');
    const rows = Array.from({ length: 30_000 }, (_, i) => [String(Y), `O${(i % 43) + 1}`, `ลิงก์ ${i}`, `https://x.go.th/${i}`]);
    const started = Date.now();
    const res = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'big.csv', content: csvOf(rows) }]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain('เกินกว่า');
    expect(await evidenceCount(t)).toBe(0);
  });

  it('imports a large file in batches while public pages keep answering, with a progress page and a per-item cap', async () => {
    await admin.get('/admin/oit/import');
    const before = await evidenceCount(t);
    const rows = Array.from({ length: 8_000 }, (_, i) => [String(Y), `O${(i % 43) + 1}`, `ลิงก์ที่ ${i}`, `https://x.go.th/doc/${i}`]);
    const upload = admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'vendor.csv', content: csvOf(rows) }]);
    // Public pages of the agency are served while the import runs.
    const visitor = new TestClient(t.app);
    let served = 0;
    let importDone = false;
    void upload.then(() => (importDone = true));
    while (!importDone && served < 200) {
      const page = await visitor.get('/a/test-town/oit');
      expect(page.statusCode).toBe(200);
      served++;
    }
    expect(served).toBeGreaterThan(0);
    let res = await upload;
    // A large file answers with its progress page; it finishes on its own.
    for (let i = 0; i < 120 && res.statusCode === 303; i++) {
      const next = String(res.headers.location);
      expect(next).toMatch(/^\/admin\/oit\/import\/jobs\//);
      res = await admin.get(next);
      if (res.statusCode === 200 && html(res.body).querySelector('#import-progress')) {
        expect(res.body).toContain('http-equiv="refresh"');
        await new Promise((r) => setTimeout(r, 250));
        res = { ...res, statusCode: 303, headers: { ...res.headers, location: next } } as typeof res;
      }
    }
    expect(res.statusCode).toBe(200);
    const imported = Number(html(res.body).querySelector('#imported-count')!.textContent);
    // 43 items × at most 50 links each; every other row is reported, none silently dropped.
    expect(imported).toBe(43 * 50);
    expect(await evidenceCount(t)).toBe(before + 43 * 50);
    expect(Number(html(res.body).querySelector('#unmatched-count')!.textContent)).toBe(8_000 - 43 * 50);
    expect(mainText(res.body)).toContain('มีหลักฐานครบ 50 รายการแล้ว');
    // Importing the same file again adds nothing.
    await admin.get('/admin/oit/import');
    let again = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'vendor.csv', content: csvOf(rows.slice(0, 500)) }]);
    for (let i = 0; i < 60 && again.statusCode === 303; i++) {
      await new Promise((r) => setTimeout(r, 250));
      again = await admin.get(String(again.headers.location));
      if (html(again.body).querySelector('#import-progress')) again = { ...again, statusCode: 303, headers: { location: again.headers.location ?? '' } } as typeof again;
    }
    expect(await evidenceCount(t)).toBe(before + 43 * 50);
  });

  it('shows an item page with tens of thousands of evidence rows (no "too many SQL variables")', async () => {
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    const item = await t.database.db.selectFrom('oit_items').select('id').where('agency_id', '=', agency.id).where('fiscal_year', '=', Y).where('code', '=', 'O2').executeTakeFirstOrThrow();
    const ts = new Date().toISOString();
    const total = 33_000;
    for (let i = 0; i < total; i += 500) {
      const values = Array.from({ length: Math.min(500, total - i) }, (_, k) => ({
        id: randomUUID(), agency_id: agency.id, item_id: item.id, kind: 'link', title: `l${i + k}`, url: `https://y.go.th/${i + k}`, current_version_id: null, period_from: null, period_to: null,
        elements: '[]', source: 'import', source_ref: null, outdated: 0, sort_order: 1000 + i + k, created_by: null, created_at: ts, updated_at: ts,
      }));
      await t.database.db.insertInto('oit_evidence').values(values).execute();
    }
    const res = await admin.get(`/admin/oit/${Y}/O2`);
    expect(res.statusCode).toBe(200);
    const pub = await new TestClient(t.app).get(`/a/test-town/oit/${Y}/O2`);
    expect(pub.statusCode).toBe(200);
  });

  it('refuses an XLSX that would inflate past the limit, and a broken archive, without reading it', async () => {
    await admin.get('/admin/oit/import');
    const before = await evidenceCount(t);
    const bomb = xlsxBomb(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const res = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'bomb.xlsx', content: bomb }]);
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain('zip bomb');
    const broken = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'broken.xlsx', content: truncatedZip() }]);
    expect(broken.statusCode).toBe(400);
    expect(await evidenceCount(t)).toBe(before);
  });
});
