/**
 * Proof of work on the public report form, as relief only: the form works without it (no
 * JavaScript) up to the address's limit; over the limit a report is refused unless it carries a
 * solved, unexpired challenge of this server, and each solution counts once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, html, setUpAgency, TestClient, type TestApp, rowCount } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { solveWork, POW_BITS } from '../../../src/modules/complaints/domain/proof-of-work.js';
import { movableClock, openChannel } from './support.js';

const SLUG = 'test-town';
const FORM = `/a/${SLUG}/report-corruption`;
const report = { category: 'bribery', description: 'เจ้าหน้าที่เรียกเงินค่าดำเนินการนอกระบบ', involvesExecutive: 'no' };

describe.each(DIALECTS)('proof of work relieves the submission limit (%s)', (dialect) => {
  let t: TestApp;
  const clock = movableClock();
  let reporter: TestClient;
  let challenge = '';

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    await setUpAgency(t);
    await openChannel(t, clock, (await t.services.agencies.findBySlug(SLUG))!.id);
    reporter = new TestClient(t.app);
  });
  afterAll(async () => t?.close());

  it('the form carries a challenge for the script, and its action stays plain for a browser without JavaScript', async () => {
    const page = await reporter.get(FORM);
    const form = html(page.body).querySelector('form[data-module="proof-of-work"]')!;
    expect(form.getAttribute('action')).toBe(FORM);
    challenge = form.getAttribute('data-pow-challenge')!;
    expect(challenge).toMatch(new RegExp(`^v1\\.${POW_BITS}\\.`));
  });

  it('without work: accepted up to the limit, then refused with 429 and nothing stored', async () => {
    for (let i = 0; i < 20; i++) expect((await reporter.upload(FORM, report, [])).statusCode, `report ${i + 1}`).toBe(200);
    const before = await rowCount(t, 'complaint_reports');
    expect(before).toBe(20);
    expect((await reporter.upload(FORM, report, [])).statusCode).toBe(429);
    expect(await rowCount(t, 'complaint_reports')).toBe(before);
  });

  it('over the limit: a solved challenge lets one report through, once; wrong or forged work does not', async () => {
    const nonce = solveWork(challenge, POW_BITS);
    expect((await reporter.upload(`${FORM}?pow=${encodeURIComponent(`${challenge}:${Number(nonce) + 1}`)}`, report, [])).statusCode).toBe(429);
    const forged = challenge.replace(/\.[A-Za-z0-9_-]{43}$/, `.${'A'.repeat(43)}`);
    expect((await reporter.upload(`${FORM}?pow=${encodeURIComponent(`${forged}:${solveWork(forged, POW_BITS)}`)}`, report, [])).statusCode).toBe(429);
    const ok = await reporter.upload(`${FORM}?pow=${encodeURIComponent(`${challenge}:${nonce}`)}`, report, []);
    expect(ok.statusCode).toBe(200);
    expect(html(ok.body).querySelector('#receipt')!.textContent.replace(/\s/g, '')).toMatch(/^\d{16}$/);
    expect((await reporter.upload(`${FORM}?pow=${encodeURIComponent(`${challenge}:${nonce}`)}`, report, [])).statusCode).toBe(429);
    expect(await rowCount(t, 'complaint_reports')).toBe(21);
  });
});
