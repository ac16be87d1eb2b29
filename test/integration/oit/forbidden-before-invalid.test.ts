/**
 * Issue 7, finding 9: unit staff got 400 (with the form's validation messages) before 403 on OIT
 * items that are not theirs. Who may act is decided before what they sent is looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, mainText, setUpAgency, staffClient, type TestApp, type TestClient, rowCount } from '../../support/app.js';

describe.each(DIALECTS)('OIT item forms refuse a forbidden user before validating on %s', (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await setUpAgency(t);
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    agencyId = agency.id;
    const unit = (await t.services.agencies.listUnits(agencyId))[0]!;
    staff = await staffClient(t, agencyId, 'unit.one', ['unit_staff'], unit.id);
    await staff.get('/admin/oit/2567/O1');
  });
  afterAll(async () => t.close());

  const evidenceRows = async () => rowCount(t, 'oit_evidence');

  it('answers 403 to invalid form input on an item that is not theirs, naming no field', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/admin/oit/2567/O1/evidence/link', { 'link.title': '', 'link.url': 'javascript:alert(1)' }],
      ['/admin/oit/2567/O1/status', { 'status.status': 'no-such-status' }],
      ['/admin/oit/2567/O1/contact', { 'contact.phone': 'x'.repeat(5000) }],
    ];
    for (const [url, fields] of cases) {
      const res = await staff.submit(url, fields);
      expect(res.statusCode, url).toBe(403);
      expect(mainText(res.body), url).not.toMatch(/link\.url|status\.status|contact\.phone|ลิงก์ต้อง/);
    }
  });

  it("answers 403, not the input guard's 400, to a NUL or control character on an item that is not theirs", async () => {
    for (const [url, fields] of [
      ['/admin/oit/2567/O1/evidence/link', { 'link.title': 'a\u0000b', 'link.url': 'https://example.go.th/' }],
      ['/admin/oit/2567/O1/contact', { 'contact.phone': '02\u0007123' }],
    ] as [string, Record<string, string>][]) {
      const res = await staff.submit(url, fields);
      expect(res.statusCode, url).toBe(403);
      expect(mainText(res.body), url).not.toMatch(/อักขระควบคุม/);
    }
    const upload = await staff.upload('/admin/oit/2567/O1/evidence/file', { 'file.title': 'x\u0000y' }, [{ field: 'file.upload', filename: 'a.pdf', content: Buffer.from('%PDF-1.4') }]);
    expect(upload.statusCode).toBe(403);
    expect(await evidenceRows()).toBe(0);
  });

  it('answers 403 to an upload (even a refused file type) before reading it', async () => {
    const cases = [
      { url: '/admin/oit/2567/O1/evidence/file', field: 'file.upload' },
      { url: '/admin/oit/2567/O2/executives', field: 'exec.new.photo' },
    ];
    for (const c of cases) {
      const res = await staff.upload(c.url, {}, [{ field: c.field, filename: 'x.exe', content: Buffer.from('MZ\x90\x00 not a document') }]);
      expect(res.statusCode, c.url).toBe(403);
    }
    expect(await evidenceRows()).toBe(0);
  });

  it('still shows validation errors (400) to staff who may edit the item', async () => {
    const admin = await setUpAdminClient();
    const res = await admin.submit('/admin/oit/2567/O1/evidence/link', { 'link.title': 'ก', 'link.url': 'javascript:alert(1)' });
    expect(res.statusCode).toBe(400);
    const nul = await admin.submit('/admin/oit/2567/O1/evidence/link', { 'link.title': 'a\u0000b', 'link.url': 'https://example.go.th/' });
    expect(nul.statusCode).toBe(400);
    expect(mainText(nul.body)).toMatch(/link\.title/);
    expect(await evidenceRows()).toBe(0);
  });

  async function setUpAdminClient(): Promise<TestClient> {
    const c = await staffClient(t, agencyId, 'coord.one', ['coordinator']);
    await c.get('/admin/oit/2567/O1');
    return c;
  }
});
