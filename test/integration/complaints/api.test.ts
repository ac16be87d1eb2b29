/**
 * The channel's JSON API exactly as the issue states it, validated against the served OpenAPI
 * document: the key, a report with a receipt and a signed acknowledgement that verifies (and a
 * tampered one that does not), the status by receipt, 400s with Thai per-field messages that
 * store nothing, and the privacy headers on every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import { buildTestApp, setUpAgency, type TestApp, rowCount } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { expectMatchesOpenApi } from '../../support/openapi.js';
import { jsonPost, movableClock, openChannel } from './support.js';

const SLUG = 'test-town';
const API = `/a/${SLUG}/api`;

/** Verifies with node:crypto (not libsodium): an independent implementation of Ed25519. */
function ed25519Verify(publicKeyB64: string, payloadB64: string, signatureB64: string): boolean {
  const raw = Buffer.from(publicKeyB64, 'base64');
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
  return verify(null, Buffer.from(payloadB64, 'base64'), createPublicKey({ key: spki, format: 'der', type: 'spki' }), Buffer.from(signatureB64, 'base64'));
}

const expectChannelHeaders = (res: { headers: Record<string, unknown> }) => {
  // The platform's cache policy may add `private`; no-store is what must be there.
  expect(String(res.headers['cache-control'])).toMatch(/(^|,\s*)no-store(\s*,|$)/);
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
};

describe.each(DIALECTS)('complaint channel JSON API (%s)', (dialect) => {
  let t: TestApp;
  const clock = movableClock();
  let agencyId: string;
  const count = async () => rowCount(t, 'complaint_reports');

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug(SLUG))!.id;
  });
  afterAll(async () => t?.close());

  it('has no key and refuses reports until a handler opens the channel', async () => {
    const key = await t.app.inject({ method: 'GET', url: `${API}/complaint-key` });
    expect(key.statusCode).toBe(404);
    await expectMatchesOpenApi(t.app, 'get', `${API}/complaint-key`, key);
    const res = await jsonPost(t, `${API}/corruption-reports`, { category: 'bribery', description: 'เรียกรับเงินค่าอนุญาต', involvesExecutive: false });
    expect(res.statusCode).toBe(404);
    expect(await count()).toBe(0);
    await openChannel(t, clock, agencyId);
  });

  it('accepts a report: 201 with a 16-digit receipt and an acknowledgement that verifies with the published key', async () => {
    const keyRes = await t.app.inject({ method: 'GET', url: `${API}/complaint-key` });
    expect(keyRes.statusCode).toBe(200);
    await expectMatchesOpenApi(t.app, 'get', `${API}/complaint-key`, keyRes);
    expectChannelHeaders(keyRes);
    const { publicKey } = keyRes.json() as { publicKey: string };
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);

    const res = await jsonPost(t, `${API}/corruption-reports`, { category: 'bribery', description: 'เจ้าหน้าที่เรียกรับเงินค่าอนุญาตก่อสร้าง', involvesExecutive: false });
    expect(res.statusCode).toBe(201);
    expectChannelHeaders(res);
    await expectMatchesOpenApi(t.app, 'post', `${API}/corruption-reports`, res);
    const body = res.json() as { receipt: string; acknowledgement: { payload: string; signature: string } };
    expect(body.receipt).toMatch(/^\d{16}$/);
    expect(ed25519Verify(publicKey, body.acknowledgement.payload, body.acknowledgement.signature)).toBe(true);

    const payload = JSON.parse(Buffer.from(body.acknowledgement.payload, 'base64').toString('utf8')) as Record<string, string>;
    expect(payload).toMatchObject({ agency: SLUG, agencyId });
    expect(payload.reportHash).toMatch(/^[0-9a-f]{64}$/);
    // No content in the acknowledgement.
    expect(Buffer.from(body.acknowledgement.payload, 'base64').toString('utf8')).not.toContain('เรียกรับเงิน');

    // Tampered: another time in the payload, or one flipped bit in the signature, fails.
    const forged = Buffer.from(JSON.stringify({ ...payload, receivedAt: '2020-01-01T00:00:00.000Z' })).toString('base64');
    expect(ed25519Verify(publicKey, forged, body.acknowledgement.signature)).toBe(false);
    const sig = Buffer.from(body.acknowledgement.signature, 'base64');
    sig[5] = sig[5]! ^ 1;
    expect(ed25519Verify(publicKey, body.acknowledgement.payload, sig.toString('base64'))).toBe(false);

    const status = await jsonPost(t, `${API}/corruption-reports/status`, { receipt: body.receipt });
    expect(status.statusCode).toBe(200);
    await expectMatchesOpenApi(t.app, 'post', `${API}/corruption-reports/status`, status);
    expect(status.json()).toMatchObject({ state: 'received', messages: [] });
    expectChannelHeaders(status);
  });

  it('gives receipts that are not sequential and not derived from time', async () => {
    const receipts: string[] = [];
    for (let i = 0; i < 4; i++) receipts.push((await jsonPost(t, `${API}/corruption-reports`, { category: 'other', description: `เรื่องทดสอบลำดับที่ ${i} ของการแจ้ง`, involvesExecutive: false })).json().receipt);
    const diffs = receipts.slice(1).map((r, i) => BigInt(r) - BigInt(receipts[i]!));
    expect(new Set(diffs.map(String)).size).toBe(3);
    expect(diffs.every((d) => d !== 1n)).toBe(true);
  });

  it('answers invalid input with 400, a Thai message per field, and stores nothing', async () => {
    const before = await count();
    const cases: [unknown, string[]][] = [
      [{}, ['category', 'description', 'involvesExecutive']],
      [{ category: 'gossip', description: 'สั้น', involvesExecutive: 'no' }, ['category', 'description', 'involvesExecutive']],
      [{ category: 'bribery', description: 'เรียกรับเงินค่าอนุญาตก่อสร้าง', involvesExecutive: false, ip: '1.2.3.4' }, ['']],
      [{ category: 'bribery', description: 'x'.repeat(20_001), involvesExecutive: false }, ['description']],
    ];
    for (const [body, fields] of cases) {
      const res = await jsonPost(t, `${API}/corruption-reports`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      await expectMatchesOpenApi(t.app, 'post', `${API}/corruption-reports`, res);
      expectChannelHeaders(res);
      const errors = (res.json() as { error: { fields: { field: string; message: string }[] } }).error.fields;
      expect(errors.map((e) => e.field).sort()).toEqual(fields.sort());
      for (const e of errors) expect(e.message).toMatch(/[\u0E00-\u0E7F]/);
    }
    const notJson = await t.app.inject({ method: 'POST', url: `${API}/corruption-reports`, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(notJson.statusCode).toBe(415);
    await expectMatchesOpenApi(t.app, 'post', `${API}/corruption-reports`, notJson);
    const badReceipt = await jsonPost(t, `${API}/corruption-reports/status`, { receipt: '12345' });
    expect(badReceipt.statusCode).toBe(400);
    await expectMatchesOpenApi(t.app, 'post', `${API}/corruption-reports/status`, badReceipt);
    const unknown = await jsonPost(t, `${API}/corruption-reports/status`, { receipt: '0000000000000000' });
    expect(unknown.statusCode).toBe(404);
    await expectMatchesOpenApi(t.app, 'post', `${API}/corruption-reports/status`, unknown);
    expect(await count()).toBe(before);
  });

  it('puts the privacy headers on every channel page and answer, errors included', async () => {
    for (const url of ['/report-corruption', '/report-corruption/follow-up', '/report-corruption/guideline', '/report-corruption/statistics', '/report-corruption/guideline.docx']) {
      const res = await t.app.inject({ method: 'GET', url: `/a/${SLUG}${url}` });
      expect(res.statusCode, url).toBe(200);
      expectChannelHeaders(res);
    }
    const noAgency = await t.app.inject({ method: 'GET', url: '/a/nowhere/report-corruption' });
    expect(noAgency.statusCode).toBe(404);
    expectChannelHeaders(noAgency);
    // The page itself loads nothing from elsewhere.
    const page = await t.app.inject({ method: 'GET', url: `/a/${SLUG}/report-corruption` });
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
