/**
 * Regression tests for the security and reliability probe (issue 7): each case failed on the
 * code before the fix. Platform-level behaviour, so each is checked through real routes of
 * several modules.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, html, mainText, setUpAgency, type TestApp, rowCount } from '../../support/app.js';

async function count(t: TestApp, table: 'agency_units' | 'driving_measures' | 'oit_evidence'): Promise<number> {
  return rowCount(t, table);
}

describe.each(DIALECTS)('hardening on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
  });
  afterAll(async () => t.close());

  it('refuses a form row index far beyond what a form shows, at once and with a Thai message', async () => {
    await admin.get('/admin/plan');
    const started = Date.now();
    const res = await admin.submit('/admin/plan/2567/measures', { 'measures.4294967294.titleTh': 'x', 'measures.0.titleTh': 'ก' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain('measures.4294967294.titleTh');
    expect(await count(t, 'driving_measures')).toBe(0);
  });

  it('refuses NUL and other control characters in any form field, naming the field, on both databases', async () => {
    await admin.get('/admin/agency/units');
    const before = await count(t, 'agency_units');
    for (const bad of ['กอง\u0000คลัง', 'กอง\u0007ช่าง', 'x\u001b[31m', 'a\u0085b']) {
      const res = await admin.submit('/admin/agency/units', { nameTh: bad, sortOrder: '9' });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(mainText(res.body)).toContain('ช่อง nameTh');
      expect(mainText(res.body)).toContain('อักขระควบคุม');
    }
    // Tabs, line breaks, Thai combining marks and zero-width spaces are ordinary text.
    const ok = await admin.submit('/admin/agency/units', { nameTh: 'กองการศึกษา\u200bฯ ที่ ๑', sortOrder: '9' });
    expect(ok.statusCode).toBe(303);
    expect(await count(t, 'agency_units')).toBe(before + 1);
  });

  it('refuses control characters in multipart text fields too', async () => {
    await admin.get('/admin/oit/2567/O1');
    const before = await count(t, 'oit_evidence');
    const res = await admin.upload('/admin/oit/2567/O1/evidence/file', { 'file.title': 'รายงาน\u0000' }, [{ field: 'file.upload', filename: 'a.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain('file.title');
    expect(await count(t, 'oit_evidence')).toBe(before);
  });

  it('answers a malformed multipart body with a Thai 400 page on every upload route', async () => {
    await admin.get('/admin/oit/import');
    const routes = ['/admin/oit/import', '/admin/results/import', '/admin/catalogue/import', '/admin/plan/2567/import', '/admin/oit/2567/O1/evidence/file'];
    // A valid token first (as our forms send it), then a body that breaks.
    const token = () => `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n`;
    const bodies = [
      () => `${token()}--XYZ\r\nContent-Disposition: form-data; name="upload"; filename="a.csv"\r\n\r\nabc`, // no closing boundary
      () => `${token()}--XYZ\r\nContent-Disposition: form-data\r\nbroken header\r\n\r\nabc\r\n--XYZ--\r\n`,
      () => `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}`, // cut inside the token
      () => 'not multipart at all',
    ];
    for (const url of routes) {
      for (const body of bodies) {
        const payload = body();
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: admin.cookieHeader, 'content-type': 'multipart/form-data; boundary=XYZ' },
          payload,
        });
        expect(res.statusCode, `${url}: ${payload.slice(0, 40)}`).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(mainText(res.body)).toMatch(/[ก-๙]/);
      }
    }
  });

  it('marks every staff page and download private, no-store', async () => {
    for (const url of ['/admin', '/admin/agency', '/admin/oit/2567/export.csv', '/admin/audit']) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('private, no-store');
    }
    // A public page seen by a signed-in staff member carries their name: never shared-cacheable.
    const seen = await admin.get('/a/test-town');
    expect(seen.headers['cache-control']).toBe('private, no-store');
  });

  it('sends public pages to anonymous visitors without cookies and with Vary: Cookie', async () => {
    const visitor = new TestClient(t.app);
    for (const url of ['/a/test-town', '/a/test-town/oit', '/a/test-town/oit/2567', '/a/test-town/oit/2567/O1', '/']) {
      const res = await visitor.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['set-cookie'], url).toBeUndefined();
      expect(String(res.headers.vary), url).toMatch(/cookie/i);
      expect(res.body, url).not.toContain('name="_csrf"');
    }
    // The sign-in page has a form: its CSRF cookie makes it private.
    const login = await visitor.get('/login');
    expect(login.headers['set-cookie']).toBeDefined();
    expect(login.headers['cache-control']).toBe('private, no-store');
  });

  it('takes the CSRF token of a multipart form from its first field, never from the URL', async () => {
    await admin.get('/admin/oit/import');
    const csv = Buffer.from('ปี,ข้อ,ชื่อ,ลิงก์\r\n2565,O7,ข่าว,https://x.go.th/news-csrf');
    const ok = await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'a.csv', content: csv }]);
    expect(ok.statusCode).toBe(200);
    const form = new FormData();
    form.append('upload', new Blob([new Uint8Array(csv)]), 'a.csv');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const inQuery = await t.app.inject({
      method: 'POST',
      url: `/admin/oit/import?_csrf=${encodeURIComponent(admin.csrf)}`,
      headers: { cookie: admin.cookieHeader, 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(inQuery.statusCode).toBe(403);
    const page = await admin.get('/admin/oit/2565/O1');
    for (const f of html(page.body).querySelectorAll('form[enctype="multipart/form-data"]')) {
      expect(f.getAttribute('action')).not.toContain('_csrf');
      expect(f.querySelector('input')!.getAttribute('name')).toBe('_csrf');
    }
  });

  it('renews the CSRF secret at sign-in and binds tokens to the session', async () => {
    const c = new TestClient(t.app);
    await c.get('/login');
    const anonymousToken = c.csrf;
    const res = await c.submit('/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect([res.headers['set-cookie']].flat().join('\n')).toMatch(/_csrf=;/);
    // The token from before sign-in no longer works for the signed-in session.
    await c.get('/admin/agency/units');
    const stale = await t.app.inject({
      method: 'POST',
      url: '/admin/agency/units',
      headers: { cookie: c.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: anonymousToken, nameTh: 'กองใหม่', sortOrder: '1' }).toString(),
    });
    expect(stale.statusCode).toBe(403);
    // Another session's valid token is refused in this one.
    const other = await setUpAgencyClient(t);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/admin/agency/units',
      headers: { cookie: c.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: other.csrf, nameTh: 'กองใหม่', sortOrder: '1' }).toString(),
    });
    expect(foreign.statusCode).toBe(403);
    const good = await c.submit('/admin/agency/units', { nameTh: 'กองใหม่', sortOrder: '1' });
    expect(good.statusCode).toBe(303);
  });

  it('stores only http(s) URLs: javascript:, data: and file: websites are refused', async () => {
    await admin.get('/admin/agency');
    const base = { nameTh: 'เทศบาลตำบลทดสอบ', type: 'subdistrict_municipality', province: 'ศรีสะเกษ', digits: 'thai' };
    for (const websiteUrl of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'JaVaScRiPt://x.go.th/%0aalert(1)', 'http://user:pw@x.go.th/']) {
      const res = await admin.submit('/admin/agency', { ...base, websiteUrl });
      expect(res.statusCode, websiteUrl).toBe(400);
    }
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    expect(agency.websiteUrl).toBeNull();
  });

  it('never aims the self-audit at the server\'s own network: a loopback website gets no request', async () => {
    const hits: string[] = [];
    const listener = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    try {
      await admin.get('/admin/agency');
      const saved = await admin.submit('/admin/agency', { nameTh: 'เทศบาลตำบลทดสอบ', type: 'subdistrict_municipality', province: 'ศรีสะเกษ', digits: 'thai', websiteUrl: `http://127.0.0.1:${port}` });
      expect(saved.statusCode).toBe(303);
      await admin.get('/admin/oit/2567/audit');
      const res = await admin.submit('/admin/oit/2567/audit', { baseUrl: `http://127.0.0.1:${port}` });
      expect(res.statusCode).toBe(200);
      expect(mainText(res.body)).toContain('ไม่อนุญาตให้เชื่อมต่อไปยังที่อยู่ภายในเครือข่าย');
      expect(hits).toEqual([]);
      // The built-in portal is audited in process: it works without any request leaving the app.
      const own = await admin.submit('/admin/oit/2567/audit', { baseUrl: t.config.publicBaseUrl });
      expect(own.statusCode).toBe(200);
      expect(mainText(own.body)).not.toContain('เชื่อมต่อไม่ได้');
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });

  it('a password change ends every other session and renews this one; "sign out everywhere" ends them all', async () => {
    const a = await setUpAgencyClient(t);
    const b = await setUpAgencyClient(t);
    const oldCookie = a.cookieHeader;
    await a.get('/admin/account/password');
    const NEW = 'a-brand-new-long-password';
    const changed = await a.submit('/admin/account/password', { currentPassword: ADMIN_PASSWORD, password: NEW, passwordConfirm: NEW });
    expect(changed.statusCode).toBe(303);
    expect((await a.get('/admin')).statusCode).toBe(200);
    // The other browser and the old cookie of this one are signed out.
    expect((await b.get('/admin')).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: oldCookie } })).statusCode).toBe(303);
    // Sign out everywhere: a second session of the same user ends too.
    const c = new TestClient(t.app);
    await c.get('/login');
    expect((await c.submit('/login', { username: 'admin', password: NEW })).statusCode).toBe(303);
    await a.get('/admin/account/password');
    const out = await a.submit('/logout/everywhere', {});
    expect(out.statusCode).toBe(303);
    expect((await a.get('/admin')).statusCode).toBe(303);
    expect((await c.get('/admin')).statusCode).toBe(303);
    // Put the password back for the other tests.
    await t.database.db.deleteFrom('sessions').execute();
    const d = new TestClient(t.app);
    await d.get('/login');
    await d.submit('/login', { username: 'admin', password: NEW });
    await d.get('/admin/account/password');
    expect((await d.submit('/admin/account/password', { currentPassword: NEW, password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD })).statusCode).toBe(303);
    admin = d;
  });
});

/** A second signed-in session of the same administrator. */
async function setUpAgencyClient(t: TestApp): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.get('/login');
  await c.submit('/login', { username: 'admin', password: ADMIN_PASSWORD });
  await c.get('/admin/agency/units');
  return c;
}

describe.each(DIALECTS)('client address behind a proxy on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: true, trustProxyHops: 1 } });
    await setUpAgency(t);
  });
  afterAll(async () => t.close());

  it('takes the client address from the trusted hop only: a forged X-Forwarded-For does not escape the sign-in limit', async () => {
    const c = new TestClient(t.app);
    await c.get('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/login',
        // The client writes a new address each time; our one proxy appends the real one (10.0.0.9).
        headers: { cookie: c.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i}, 10.0.0.9` },
        payload: new URLSearchParams({ _csrf: c.csrf, username: `nobody${i}`, password: 'wrong-password-123' }).toString(),
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });
});

describe.each(DIALECTS)('request log on %s', (dialect) => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    t = await buildTestApp(dialect, { logger: { level: 'info', stream } });
  });
  afterAll(async () => t.close());

  it('never logs the setup token or CSRF tokens, and logs refused uploads below error level', async () => {
    const token = await t.services.users.issueSetupToken();
    await new TestClient(t.app).get(`/setup?token=${token}`); // an old-style link, still not logged
    const admin = await setUpAgency(t);
    await admin.get('/admin/oit/2565/O1');
    // Refused uploads: wrong type, empty, a broken body, a missing token.
    await admin.upload('/admin/oit/2565/O1/evidence/file', { 'file.title': 'x' }, [{ field: 'file.upload', filename: 'a.exe', content: Buffer.from('MZ not a document') }]);
    await admin.upload('/admin/oit/2565/O1/evidence/file', { 'file.title': 'x' }, [{ field: 'file.upload', filename: 'a.pdf', content: Buffer.alloc(0) }]);
    await admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'a.xlsx', content: Buffer.from('PK\u0003\u0004broken') }]);
    await t.app.inject({ method: 'POST', url: '/admin/oit/import', headers: { cookie: admin.cookieHeader, 'content-type': 'multipart/form-data; boundary=B' }, payload: '--B\r\nContent-Disposition: form-data; name="upload"; filename="a"\r\n\r\nx' });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(token);
    expect(text).not.toContain(admin.csrf);
    const errors = lines.filter((l) => Number(l.level) >= 50);
    expect(errors.map((e) => `${String(e.msg)} ${JSON.stringify(e.err ?? "").slice(0, 600)} ${JSON.stringify(e.req ?? "")}`)).toEqual([]);
  });
});
