/**
 * "Require two-factor sign-in for every staff member": off, a coordinator without a factor works
 * as before; the administrator turns it on (audited); then a sign-in without a factor is sent to
 * enrol before any staff page, and a sign-in with a factor must pass it (a wrong code stays on
 * the factor page) before anything else; public pages are not gated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { buildTestApp, html, signIn, staffClient, type TestApp, type TestClient } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { totpCode } from '../../../src/modules/complaints/domain/totp.js';
import { movableClock } from './support.js';
import { setUpAgency } from '../../support/app.js';

const SLUG = 'test-town';

describe.each(DIALECTS)('staff-wide two-factor sign-in (%s)', (dialect) => {
  let t: TestApp;
  const clock = movableClock();
  let agencyId: string;
  let admin: TestClient;
  let secret = '';
  const db = () => t.database.db as Kysely<any>;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug(SLUG))!.id;
  });
  afterAll(async () => t?.close());

  it('off by default: a coordinator without a factor reaches staff pages', async () => {
    const c = await staffClient(t, agencyId, 'coord', ['coordinator']);
    expect((await c.get('/admin')).statusCode).toBe(200);
  });

  it('only an administrator sets it; turning it on is audited', async () => {
    const c = await signIn(t, 'coord', 'coord-password-1');
    expect((await c.get('/admin/security')).statusCode).toBe(403);
    const page = await admin.get('/admin/security');
    expect(page.statusCode).toBe(200);
    expect(html(page.body).querySelector('input[name=requireStaff2fa][value=no]')!.hasAttribute('checked')).toBe(true);
    const res = await admin.submit('/admin/security', { requireStaff2fa: 'yes' });
    expect(res.statusCode).toBe(303);
    const audit = await db().selectFrom('audit_log').select('details').where('agency_id', '=', agencyId).where('action', '=', 'complaints.staff-2fa.policy').execute();
    expect(audit).toHaveLength(1);
    expect(String(audit[0]!.details)).toContain('true');
  });

  it('on: a sign-in without a factor is sent to enrol before any staff page', async () => {
    const c = await signIn(t, 'coord', 'coord-password-1');
    for (const path of ['/admin', '/admin/calendar', '/admin/account/password']) {
      const res = await c.get(path);
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location).toBe(`/admin/two-factor?next=${encodeURIComponent(path)}`);
    }
    // A form POST elsewhere is refused the same way, not carried out.
    expect((await c.submit('/admin/account/password', { current: 'x' })).headers.location).toBe('/admin/two-factor?next=%2Fadmin');
    // Public pages stay open.
    expect((await c.get(`/a/${SLUG}`)).statusCode).toBe(200);

    const enrol = await c.get('/admin/two-factor?next=%2Fadmin%2Fcalendar');
    expect(enrol.statusCode).toBe(200);
    secret = html(enrol.body).querySelector('#totp-secret')!.textContent.trim();
    const wrong = await c.submit('/admin/two-factor', { code: '123456', next: '/admin/calendar' });
    expect(wrong.statusCode).toBe(400);
    expect((await c.get('/admin')).statusCode).toBe(303);
    clock.advance(31_000);
    const ok = await c.submit('/admin/two-factor', { code: totpCode(secret, clock.now()), next: '/admin/calendar' });
    expect(ok.statusCode).toBe(200);
    expect(html(ok.body).querySelectorAll('#recovery-codes li')).toHaveLength(10);
    expect(html(ok.body).querySelector('a[href="/admin/calendar"]')).not.toBeNull();
    expect((await c.get('/admin')).statusCode).toBe(200);
  });

  it('on: a sign-in with a factor must pass it in that session; a used or wrong code does not', async () => {
    const c = await signIn(t, 'coord', 'coord-password-1');
    const first = await c.get('/admin');
    expect(first.headers.location).toBe('/admin/two-factor?next=%2Fadmin');
    const page = await c.get('/admin/two-factor?next=%2Fadmin');
    expect(html(page.body).querySelector('#totp-secret')).toBeNull();
    // The code used at enrolment (same 30-second step) is refused: a code is good once.
    const reused = await c.submit('/admin/two-factor', { code: totpCode(secret, clock.now()), next: '/admin' });
    expect(reused.statusCode).toBe(400);
    expect((await c.get('/admin')).statusCode).toBe(303);
    clock.advance(31_000);
    const ok = await c.submit('/admin/two-factor', { code: totpCode(secret, clock.now()), next: '//evil.example/' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin');
    expect((await c.get('/admin')).statusCode).toBe(200);
    expect((await c.get('/admin/account/password')).statusCode).toBe(200);
    const verified = await db().selectFrom('audit_log').select('action').where('agency_id', '=', agencyId).where('action', '=', 'complaints.2fa.verify').execute();
    expect(verified).toHaveLength(1);
  });

  it('off again: staff without a factor pass straight through', async () => {
    clock.advance(31_000);
    await admin.get('/admin/two-factor');
    // The administrator has no factor either: enrol first, as the gate asks.
    const enrol = await admin.get('/admin/two-factor?next=%2Fadmin%2Fsecurity');
    const adminSecret = html(enrol.body).querySelector('#totp-secret')!.textContent.trim();
    await admin.submit('/admin/two-factor', { code: totpCode(adminSecret, clock.now()), next: '/admin/security' });
    await admin.get('/admin/security');
    expect((await admin.submit('/admin/security', { requireStaff2fa: 'no' })).statusCode).toBe(303);
    const other = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    expect((await other.get('/admin')).statusCode).toBe(200);
  });

  it('a change saved by another instance of the server shows here within ten seconds', async () => {
    // The gate keeps each agency's answer a few seconds; another process's save reaches this one
    // only through the database, as when two instances serve one deployment.
    const other = await staffClient(t, agencyId, 'viewer2', ['viewer']);
    expect((await other.get('/admin')).statusCode).toBe(200);
    await db().updateTable('complaint_options').set({ require_staff_2fa: 1 }).where('agency_id', '=', agencyId).execute();
    expect((await other.get('/admin')).statusCode).toBe(200);
    clock.advance(10_001);
    expect((await other.get('/admin')).headers.location).toBe('/admin/two-factor?next=%2Fadmin');
  });
});
