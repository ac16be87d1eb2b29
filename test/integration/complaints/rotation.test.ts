/**
 * Key rotation (docs/adr/0007): the custodian, unlocked and asked for a fresh second factor and
 * the passphrase, creates version 2; old reports, their identity and internal notes open with it;
 * new reports seal to it and are acknowledged with its Ed25519 key; acknowledgements signed by
 * version 1 still verify with version 1's published key; version 1's grants are gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildTestApp, html, mainText, setUpAgency, type TestApp } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { totpCode } from '../../../src/modules/complaints/domain/totp.js';
import { handlerWith2fa, jsonPost, movableClock, openChannel, PASSPHRASE, unlock, type Handler } from './support.js';

const SLUG = 'test-town';
const API = `/a/${SLUG}/api`;
const OLD_STORY = 'ปลัดเรียกเงินค่าต่อใบอนุญาตก่อสร้างสองหมื่นบาท';
const OLD_NAME = 'ผู้แจ้งรุ่นแรก ทดสอบ';
const OLD_NOTE = 'บันทึกภายในก่อนเปลี่ยนกุญแจ';

function ed25519Verify(publicKeyB64: string, payloadB64: string, signatureB64: string): boolean {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyB64, 'base64')]);
  return verify(null, Buffer.from(payloadB64, 'base64'), createPublicKey({ key: spki, format: 'der', type: 'spki' }), Buffer.from(signatureB64, 'base64'));
}
type Ack = { payload: string; signature: string };
type KeyHistory = { keys: { version: number; publicKey: string; validFrom: string; validUntil: string | null }[] };

describe.each(DIALECTS)('complaint key rotation (%s)', (dialect) => {
  let t: TestApp;
  const clock = movableClock();
  let agencyId: string;
  let keeper: Handler;
  let helper: Handler;
  let oldAck: Ack;
  let oldReceipt: string;
  let oldHref: string;
  const db = () => t.database.db as Kysely<any>;
  // "Another process": the test's own services instance, with its own in-memory vault.
  const other = () => t.services.complaints;
  let helperUser: { id: string; agencyId: string; displayName: string; username: string };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug(SLUG))!.id;
    keeper = await openChannel(t, clock, agencyId, 'keeper', ['complaint_custodian']);
    // A second handler holding version 1 (granted by transfer code).
    helper = await handlerWith2fa(t, clock, agencyId, 'helper', ['complaint_handler']);
    await keeper.client.get('/admin/complaints/handlers');
    const granted = await keeper.client.submit(`/admin/complaints/handlers/${helper.userId}/grant`, {});
    await unlock(helper, clock, 'helper passphrase long enough', html(granted.body).querySelector('#transfer-code')!.textContent.trim());

    // The helper also unlocks version 1 in the other process.
    helperUser = { id: helper.userId, agencyId, displayName: 'helper', username: 'helper' };
    clock.advance(31_000);
    await other().access.unlock(helperUser, 'other-process-session', { code: totpCode(helper.secret, clock.now()), passphrase: 'helper passphrase long enough' });

    const res = await jsonPost(t, `${API}/corruption-reports`, { category: 'bribery', description: OLD_STORY, involvesExecutive: false, identity: { name: OLD_NAME } });
    expect(res.statusCode).toBe(201);
    ({ receipt: oldReceipt, acknowledgement: oldAck } = res.json() as { receipt: string; acknowledgement: Ack });
    const list = await keeper.client.get('/admin/complaints');
    oldHref = html(list.body).querySelectorAll('a').map((a) => a.getAttribute('href') ?? '').find((h) => h.startsWith('/admin/complaints/r/'))!;
    await keeper.client.get(oldHref);
    expect(await keeper.client.submit(`${oldHref}/note`, { note: OLD_NOTE })).toMatchObject({ statusCode: 303 });
  });
  afterAll(async () => t?.close());

  it('is for the custodian only', async () => {
    expect((await helper.client.get('/admin/complaints/keys')).statusCode).toBe(403);
    const page = await keeper.client.get('/admin/complaints/keys');
    expect(page.statusCode).toBe(200);
    expect(html(page.body).querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('asks again for the second factor and the passphrase; a wrong one changes nothing', async () => {
    clock.advance(31_000);
    const wrongCode = await keeper.client.submit('/admin/complaints/keys/rotate', { code: '000000', passphrase: PASSPHRASE });
    expect(wrongCode.statusCode).toBe(400);
    clock.advance(31_000);
    const wrongPass = await keeper.client.submit('/admin/complaints/keys/rotate', { code: totpCode(keeper.secret, clock.now()), passphrase: 'not the passphrase at all' });
    expect(wrongPass.statusCode).toBe(400);
    expect(mainText(wrongPass.body)).toContain('รหัสผ่านสำหรับกุญแจไม่ถูกต้อง');
    const keys = await db().selectFrom('complaint_keys').select(['version', 'active']).where('agency_id', '=', agencyId).execute();
    expect(keys).toHaveLength(1);
  });

  it('rotates: version 2 active, every report re-sealed, version 1 grants gone, audited', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `${API}/complaint-key` })).json() as { publicKey: string };
    clock.advance(31_000);
    const res = await keeper.client.submit('/admin/complaints/keys/rotate', { code: totpCode(keeper.secret, clock.now()), passphrase: PASSPHRASE });
    expect(res.statusCode).toBe(200);
    expect(html(res.body).querySelector('#rotation-done')).not.toBeNull();
    const after = (await t.app.inject({ method: 'GET', url: `${API}/complaint-key` })).json() as { publicKey: string };
    expect(after.publicKey).not.toBe(before.publicKey);

    const keys = await db().selectFrom('complaint_keys').select(['id', 'version', 'active']).where('agency_id', '=', agencyId).orderBy('version').execute();
    expect(keys.map((k) => [Number(k.version), Number(k.active)])).toEqual([[1, 0], [2, 1]]);
    const reports = await db().selectFrom('complaint_reports').select('key_id').where('agency_id', '=', agencyId).execute();
    expect(reports.every((r) => r.key_id === keys[1]!.id)).toBe(true);
    const grants = await db().selectFrom('complaint_key_grants').select(['key_id', 'user_id']).where('agency_id', '=', agencyId).execute();
    expect(grants).toEqual([{ key_id: keys[1]!.id, user_id: keeper.userId }]);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('agency_id', '=', agencyId).where('action', '=', 'complaints.key.rotate').execute();
    expect(audit).toHaveLength(1);
    expect(String(audit[0]!.details)).not.toContain(OLD_STORY);
  });

  it('the custodian still reads the old report, its internal note and (with a reason) the identity', async () => {
    const page = await keeper.client.get(oldHref);
    expect(page.statusCode).toBe(200);
    expect(html(page.body).querySelector('#description')!.textContent).toBe(OLD_STORY);
    expect(mainText(page.body)).toContain(OLD_NOTE);
    const disclosed = await keeper.client.submit(`${oldHref}/disclose`, { reason: 'ทดสอบการเปิดตัวตนหลังเปลี่ยนกุญแจ' });
    expect(html(disclosed.body).querySelector('#identity')!.textContent).toContain(OLD_NAME);
  });

  it('the same after unlocking again in a new session with the new key', async () => {
    await keeper.client.submit('/admin/complaints/lock', {});
    await unlock(keeper, clock);
    expect(html((await keeper.client.get(oldHref)).body).querySelector('#description')!.textContent).toBe(OLD_STORY);
  });

  it('another process still holding version 1 can neither read nor seal anything new with it', async () => {
    const u = other().access.unlocked('other-process-session', helperUser)!;
    expect(u).toBeDefined();
    const reportId = oldHref.split('/').pop()!;
    await expect(other().handling.write(u, helperUser, reportId, 'บันทึกด้วยกุญแจเก่า', 'note')).rejects.toMatchObject({ code: 'CONFLICT' });
    const before = await db().selectFrom('complaint_reports').select('id').where('agency_id', '=', agencyId).execute();
    await expect(
      other().handling.intake(u, helperUser, { channel: 'phone', receivedDate: '2026-11-30', category: 'other', description: 'รับแจ้งทางโทรศัพท์ด้วยกุญแจเก่า', involvesExecutive: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().selectFrom('complaint_reports').select('id').where('agency_id', '=', agencyId).execute()).toHaveLength(before.length);
  });

  it('a handler who held only version 1 has no access until granted again', async () => {
    const res = await helper.client.get('/admin/complaints');
    expect(res.statusCode).toBe(403);
  });

  it('new reports seal to version 2 and are signed by it; old acknowledgements verify with the published version 1 key', async () => {
    const history = (await t.app.inject({ method: 'GET', url: `${API}/complaint-keys` })).json() as KeyHistory;
    expect(history.keys.map((k) => k.version)).toEqual([1, 2]);
    expect(history.keys[0]!.validUntil).toBe(history.keys[1]!.validFrom);
    expect(history.keys[1]!.validUntil).toBeNull();
    const [v1, v2] = history.keys;

    const oldPayload = JSON.parse(Buffer.from(oldAck.payload, 'base64').toString('utf8')) as { keyVersion: number };
    expect(oldPayload.keyVersion).toBe(1);
    expect(ed25519Verify(v1!.publicKey, oldAck.payload, oldAck.signature)).toBe(true);
    expect(ed25519Verify(v2!.publicKey, oldAck.payload, oldAck.signature)).toBe(false);

    const res = await jsonPost(t, `${API}/corruption-reports`, { category: 'procurement', description: 'ฮั้วประมูลถนนหมู่ที่ห้า ราคาสูงผิดปกติ', involvesExecutive: false });
    expect(res.statusCode).toBe(201);
    const ack = (res.json() as { acknowledgement: Ack }).acknowledgement;
    expect((JSON.parse(Buffer.from(ack.payload, 'base64').toString('utf8')) as { keyVersion: number }).keyVersion).toBe(2);
    expect(ed25519Verify(v2!.publicKey, ack.payload, ack.signature)).toBe(true);
    expect(ed25519Verify(v1!.publicKey, ack.payload, ack.signature)).toBe(false);
    const keyIds = new Set((await db().selectFrom('complaint_reports').select('key_id').where('agency_id', '=', agencyId).execute()).map((r) => r.key_id));
    expect(keyIds.size).toBe(1);
    const list = await keeper.client.get('/admin/complaints');
    const hrefs = html(list.body).querySelectorAll('a').map((a) => a.getAttribute('href') ?? '').filter((h) => h.startsWith('/admin/complaints/r/'));
    expect(hrefs).toHaveLength(2);
    for (const h of hrefs) expect((await keeper.client.get(h)).statusCode).toBe(200);
  });

  it('the reporter of the old report still follows it with the receipt', async () => {
    const res = await jsonPost(t, `${API}/corruption-reports/status`, { receipt: oldReceipt });
    expect(res.statusCode).toBe(200);
  });
});
