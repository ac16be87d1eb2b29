/**
 * A submitted location on the staff request page, on both databases: the handler sees the
 * address, the coordinates and a plain link to openstreetmap.org; nothing third-party is
 * embedded (no frame, image or script from elsewhere; the CSP still names only our origin);
 * staff who see the request masked get neither coordinates nor link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, html, mainText, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { actorOf } from '../../../src/platform/audit.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('location on the staff request page on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let page: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    const user = (await t.services.users.listUsers(agency.id))[0]!;
    const light = (await t.services.eservices.enableTemplate(actorOf(user), agency.id, 'street-light-repair')).id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/a/test-town/api/services/${light}/requests`,
      payload: { fields: { location: { address: 'หน้าวัดกลาง ถนนศรีสะเกษ', lat: 15.1185, lng: 104.3222 }, problem: 'ไฟดับ' } },
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (await t.services.eservices.queue(user, agency.id))[0]!.id;
    page = `/admin/eservices/requests/${id}`;
    const masked = await admin.get(page);
    expect(masked.statusCode).toBe(200);
    // Not yet theirs (no unit, not assigned): masked, so no point and no link.
    expect(mainText(masked.body)).not.toContain('15.1185');
    expect(masked.body).not.toContain('openstreetmap.org');
    await t.services.eservices.assign(user, actorOf(user), agency.id, id, user);
  });
  afterAll(async () => t.close());

  it('shows the handler the coordinates and a plain OpenStreetMap link, and embeds nothing from elsewhere', async () => {
    const res = await admin.get(page);
    expect(res.statusCode).toBe(200);
    const text = toArabicDigits(mainText(res.body)); // the page is in the agency's Thai digits
    expect(text).toContain('หน้าวัดกลาง ถนนศรีสะเกษ');
    expect(text).toContain('พิกัด 15.1185, 104.3222');
    const doc = html(res.body);
    const link = doc.querySelectorAll('main a').find((a) => a.text.includes('OpenStreetMap'))!;
    expect(link.getAttribute('href')).toBe('https://www.openstreetmap.org/?mlat=15.1185&mlon=104.3222#map=18/15.1185/104.3222');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(doc.querySelectorAll('iframe, object, embed')).toHaveLength(0);
    for (const el of doc.querySelectorAll('img, script, link')) {
      const src = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
      expect(src, el.toString()).not.toMatch(/^(https?:)?\/\//);
    }
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('openstreetmap');
  });
});
