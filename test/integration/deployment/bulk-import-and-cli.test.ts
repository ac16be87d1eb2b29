/**
 * The deployment's bulk import (many agencies' results from one file in the nation-wide format,
 * creating missing agencies, all or nothing) and the `agency` CLI, on both databases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, TEST_APP_POSTGRES_URL } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, rowCount } from '../../support/app.js';
import { getShippedCatalogue } from '../../../src/modules/catalogue/shipped.js';
import { runCli } from '../../../src/cli/main.js';
import { generateNationwideResults, toResultsCsv } from '../../../bench/lib/generate-results.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('bulk import of agencies and results, and the agency CLI, on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  const file = generateNationwideResults(getShippedCatalogue(2565)!, 40, 7);
  const csv = toResultsCsv(file);
  const count = async (table: 'agencies' | 'ita_results') => rowCount(t, table);

  const upload = async (province: string, content: string, filename = 'results.csv') => {
    await admin.get('/deployment/import');
    // The province precedes the file in the form, as a browser sends it.
    return admin.upload('/deployment/import', { province }, [{ field: 'file', filename, content: Buffer.from(content) }]);
  };

  const runAgencyCli = (args: string[], io: { out: (s: string) => void; err: (s: string) => void }) => runCli(['agency', ...args], io);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
  });
  afterAll(async () => t.close());

  it('creates the missing agencies and stores every row in one go; a second import creates none', async () => {
    const agenciesBefore = await count('agencies');
    const res = await upload('ศรีสะเกษ', csv);
    expect(res.statusCode).toBe(303);
    expect(await count('agencies')).toBe(agenciesBefore + 40);
    expect(await count('ita_results')).toBe(40);
    const first = file.rows[0]!;
    const agency = (await t.services.agencies.findBySlug(String(first[1])))!;
    expect(agency).toMatchObject({ nameTh: String(first[2]), province: 'ศรีสะเกษ', status: 'active' });
    expect(agency.type).toBe(String(first[2]).startsWith('องค์การบริหารส่วนตำบล') ? 'sao' : agency.type);
    const record = (await t.services.results.listYears(agency.id))[0]!;
    expect(record.fiscalYear).toBe(2565);

    const again = await upload('ศรีสะเกษ', csv);
    expect(again.statusCode).toBe(303);
    expect(await count('agencies')).toBe(agenciesBefore + 40);
    expect(await count('ita_results')).toBe(40);
    const audit = await t.database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'deployment.bulk_import').where('agency_id', 'is', null).execute();
    expect(audit.map((a) => JSON.parse(a.details!).createdAgencies)).toEqual([40, 0]);

    const view = await admin.get(`/deployment/overview?province=${encodeURIComponent('ศรีสะเกษ')}`);
    expect(html(view.body).querySelectorAll('main table tbody tr')).toHaveLength(41);
  });

  it('rejects the whole file with Thai row and column errors, storing nothing', async () => {
    const [agencies, results] = [await count('agencies'), await count('ita_results')];
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    const ind3 = header.indexOf('ind_3');
    const bad = lines[2]!.split(',');
    bad[ind3] = '120';
    const noCode = lines[3]!.split(',');
    noCode[1] = '';
    noCode[2] = 'เทศบาลตำบลที่ไม่มีในระบบ';
    const fresh = lines[4]!.split(',');
    fresh[1] = '9999999';
    const content = [lines[0], lines[1], bad.join(','), noCode.join(','), fresh.join(',')].join('\r\n');
    const res = await upload('ศรีสะเกษ', content);
    expect(res.statusCode).toBe(400);
    const text = toArabicDigits(mainText(res.body)); // the page is in the agency's Thai digits
    expect(text).toContain('ไม่ได้นำเข้าข้อมูลใดเลย');
    expect(text).toContain('ind_3');
    expect(text).toContain('120');
    expect(await count('agencies')).toBe(agencies);
    expect(await count('ita_results')).toBe(results);

    // The per-row matching errors come after the file itself parses.
    const unknown = await upload('ศรีสะเกษ', [lines[0], noCode.join(',')].join('\r\n'));
    expect(unknown.statusCode).toBe(400);
    expect(mainText(unknown.body)).toMatch(/agency_name.*ไม่พบหน่วยงาน "เทศบาลตำบลที่ไม่มีในระบบ" ในจังหวัดศรีสะเกษ/);
    const noProvince = await upload('', csv);
    expect(noProvince.statusCode).toBe(400);
    expect(mainText(noProvince.body)).toContain('กรุณาเลือกจังหวัด');
    expect(await count('agencies')).toBe(agencies);
  });

  it('refuses the bulk import to an agency administrator', async () => {
    await admin.get('/deployment/agencies');
    const created = await admin.submit('/deployment/agencies', { name: 'เทศบาลตำบลอี', slug: 'town-e', type: 'เทศบาลตำบล', province: 'ยโสธร', host: '' });
    const invite = new URL(html(created.body).querySelector('[data-testid="invite-url"]')!.getAttribute('value')!).pathname;
    const other = new TestClient(t.app);
    await other.get(invite);
    await other.submit(invite, { displayName: 'ผู้ดูแล อี', username: 'e-admin', email: '', password: 'correct-horse-battery', passwordConfirm: 'correct-horse-battery' });
    await other.get('/admin');
    const res = await other.upload('/deployment/import', { province: 'ยโสธร' }, [{ field: 'file', filename: 'r.csv', content: Buffer.from(csv) }]);
    expect(res.statusCode).toBe(403);
  });

  it('creates and lists agencies from the CLI with JSON output, and names the bad field in Thai', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-cli-'));
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR, PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL };
    const db = t.database.configDatabase;
    process.env.DATABASE_URL =
      db.kind === 'sqlite' ? db.file : `${TEST_APP_POSTGRES_URL}${TEST_APP_POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${t.database.pgSchema}`)}`;
    process.env.DATA_DIR = dir;
    process.env.PUBLIC_BASE_URL = 'https://ita.example.go.th';
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
    try {
      const code = await runAgencyCli(['create', '--slug', 'nong-hin', '--name', 'เทศบาลตำบลหนองหิน', '--type', 'เทศบาลตำบล', '--province', 'เลย', '--host', 'ita.nonghin.go.th', '--json'], io);
      expect(err.join('\n')).toBe('');
      expect(code).toBe(0);
      const created = JSON.parse(out.join('')) as { id: string; slug: string; inviteUrl: string };
      expect(Object.keys(created)).toEqual(['id', 'slug', 'inviteUrl']);
      expect(created.slug).toBe('nong-hin');
      expect(created.inviteUrl).toMatch(/^https:\/\/ita\.example\.go\.th\/invite\/[A-Za-z0-9_-]{43}$/);
      const agency = (await t.services.agencies.findBySlug('nong-hin'))!;
      expect(agency).toMatchObject({ id: created.id, type: 'subdistrict_municipality', province: 'เลย', hostName: 'ita.nonghin.go.th' });
      // The printed link is the invitation: it opens the sign-up page.
      expect((await new TestClient(t.app).get(new URL(created.inviteUrl).pathname)).statusCode).toBe(200);

      out.length = 0;
      expect(await runAgencyCli(['create', '--slug', 'sao-x', '--name', 'อบต.เอ็กซ์', '--type', 'sao', '--province', 'จังหวัดเลย', '--json'], io)).toBe(0);
      out.length = 0;
      expect(await runAgencyCli(['list', '--json'], io)).toBe(0);
      const list = JSON.parse(out.join('')) as { id: string; slug: string; name: string }[];
      expect(list.find((a) => a.slug === 'nong-hin')).toMatchObject({ id: created.id, name: 'เทศบาลตำบลหนองหิน' });
      expect(list.find((a) => a.slug === 'sao-x')).toMatchObject({ name: 'อบต.เอ็กซ์' });

      const before = await count('agencies');
      err.length = 0;
      expect(await runAgencyCli(['create', '--slug', 'x1', '--name', 'ก', '--type', 'หมู่บ้าน', '--province', 'เลย', '--json'], io)).toBe(1);
      expect(err.join('\n')).toMatch(/ช่อง type: ไม่รู้จักประเภทหน่วยงาน "หมู่บ้าน"/);
      err.length = 0;
      expect(await runAgencyCli(['create', '--slug', 'x2', '--name', 'ก', '--type', 'อบต.', '--json'], io)).toBe(1);
      expect(err.join('\n')).toMatch(/ช่อง province: กรุณาระบุจังหวัด/);
      err.length = 0;
      expect(await runAgencyCli(['create', '--slug', 'nong-hin', '--name', 'ซ้ำ', '--type', 'อบต.', '--province', 'เลย', '--json'], io)).toBe(1);
      expect(err.join('\n')).toMatch(/ช่อง slug: .*ถูกใช้โดยหน่วยงานอื่นแล้ว/);
      expect(await count('agencies')).toBe(before);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
