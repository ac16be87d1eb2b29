/**
 * Issue 7, finding 9 (sign-in): lockout told which user names exist and let anyone lock any
 * account for 15 minutes; user names were unique across the deployment, so one agency learned
 * another's. Now: names unique per agency, sign-in by agency code + name or by e-mail, and a
 * backoff per (account, client) that answers unknown names exactly like known ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, html, setUpAgency, type TestApp } from '../../support/app.js';
import { newAgencySchema } from '../../../src/modules/agencies/index.js';
import { listAudit } from '../../../src/platform/audit.js';

const PW_A = 'somchai-in-town-a-1';
const PW_B = 'somchai-in-town-b-1';
const PW_ONLY = 'only-in-town-a-pw-1';

describe.each(DIALECTS)('sign-in on %s', (dialect) => {
  let t: TestApp;
  let offsetMs = 0;
  let townA: string;
  let townB: string;
  const ids: Record<string, string> = {};
  const system = { userId: null, label: 'test' };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(Date.now() + offsetMs) } });
    await setUpAgency(t);
    townA = (await t.services.agencies.findBySlug('test-town'))!.id;
    const b = newAgencySchema.parse({ nameTh: 'เทศบาลตำบลอื่น', slug: 'other-town', type: 'subdistrict_municipality', province: 'ศรีสะเกษ', digits: 'thai' });
    townB = (await t.services.agencies.createAgency(system, b, ['สำนักปลัด'])).id;
    const make = (agencyId: string, username: string, password: string, email: string | null) =>
      t.services.users.createUser(system, agencyId, { username, displayName: `ผู้ใช้ ${username}`, email, password, passwordConfirm: password, roles: ['viewer'], unitId: null });
    ids.a = (await make(townA, 'somchai', PW_A, 'somchai@a.example')).id;
    ids.b = (await make(townB, 'somchai', PW_B, 'Somchai@B.example')).id;
    await make(townA, 'only.a', PW_ONLY, null);
  });
  afterAll(async () => t.close());

  /** One sign-in attempt from `ip`, through the real page (CSRF cookie and token) and form. */
  async function attempt(ip: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await t.app.inject({ method: 'GET', url: '/login', remoteAddress: ip });
    const cookie = page.cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return t.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: ip,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }
  const errorOf = (res: LightMyRequestResponse) => html(res.body).querySelector('.error-summary, [role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** Whose sign-in the audit log of `agencyId` recorded last. */
  const lastLoginOf = async (agencyId: string) => (await listAudit(t.database.db, agencyId)).find((a) => a.action === 'auth.login')?.entityId;

  it('lets two agencies use the same user name; the agency code or the e-mail says whose account it is', async () => {
    await expect(t.services.users.createUser(system, townA, { username: 'somchai', displayName: 'ซ้ำ', email: null, password: PW_A, passwordConfirm: PW_A, roles: ['viewer'], unitId: null })).rejects.toThrow();

    const a = await attempt('10.1.0.1', { agency: 'test-town', username: 'somchai', password: PW_A });
    expect(a.statusCode).toBe(303);
    expect(await lastLoginOf(townA)).toBe(ids.a);
    // Town B's password is wrong for town A's somchai.
    expect((await attempt('10.1.0.1', { agency: 'test-town', username: 'somchai', password: PW_B })).statusCode).toBe(400);
    const b = await attempt('10.1.0.2', { agency: 'OTHER-TOWN', username: 'somchai', password: PW_B });
    expect(b.statusCode).toBe(303);
    expect(await lastLoginOf(townB)).toBe(ids.b);

    // By e-mail, any case, without the agency code.
    expect((await attempt('10.1.0.3', { username: 'somchai@b.EXAMPLE', password: PW_B })).statusCode).toBe(303);
    expect((await attempt('10.1.0.3', { username: 'somchai@b.example', password: PW_A })).statusCode).toBe(400);
    // A name alone signs in only when one account in the deployment has it.
    expect((await attempt('10.1.0.4', { username: 'only.a', password: PW_ONLY })).statusCode).toBe(303);
    const ambiguous = await attempt('10.1.0.4', { username: 'somchai', password: PW_A });
    expect(ambiguous.statusCode).toBe(400);
    expect(errorOf(ambiguous)).toContain('รหัสหน่วยงาน ชื่อผู้ใช้ หรือรหัสผ่านไม่ถูกต้อง');
    // An unknown agency code is just a wrong sign-in.
    expect((await attempt('10.1.0.4', { agency: 'no-such-town', username: 'only.a', password: PW_ONLY })).statusCode).toBe(400);
  });

  it("pauses only the attacker's client: the owner still signs in from elsewhere, and the pause grows", async () => {
    const wrong = { agency: 'test-town', username: 'only.a', password: 'not-the-password' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('10.2.0.1', wrong)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    // The attacker's client is paused, even with the right password…
    expect((await attempt('10.2.0.1', { ...wrong, password: PW_ONLY })).statusCode).toBe(429);
    // …the owner, from another address, is not.
    expect((await attempt('10.2.0.2', { ...wrong, password: PW_ONLY })).statusCode).toBe(303);
    const actions = (await listAudit(t.database.db, townA)).map((a) => a.action);
    expect(actions).toContain('auth.lockout');

    // After the first pause (1 minute) one more wrong try pauses for 2 minutes.
    offsetMs += 61_000;
    expect((await attempt('10.2.0.1', wrong)).statusCode).toBe(429);
    offsetMs += 61_000;
    expect((await attempt('10.2.0.1', { ...wrong, password: PW_ONLY })).statusCode).toBe(429);
    offsetMs += 61_000;
    expect((await attempt('10.2.0.1', { ...wrong, password: PW_ONLY })).statusCode).toBe(303);
  });

  it('answers an unknown name exactly as a known one with a wrong password (no user enumeration)', async () => {
    const known = { agency: 'test-town', username: 'somchai', password: 'wrong-wrong-1' };
    const unknown = { agency: 'test-town', username: 'nobody-here', password: 'wrong-wrong-1' };
    const answers = async (ip: string, fields: Record<string, string>) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await attempt(ip, fields);
        out.push(`${res.statusCode} ${errorOf(res)}`);
      }
      return out;
    };
    const a = await answers('10.3.0.1', known);
    const b = await answers('10.3.0.2', unknown);
    expect(b).toEqual(a);
    expect(a[5]).toContain('429');
    expect(a[5]).toContain('เครื่องนี้');
  });

  it('takes about as long for an unknown name as for a known one', async () => {
    const time = async (ip: string, fields: Record<string, string>) => {
      const started = performance.now();
      await attempt(ip, fields);
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(`10.4.1.${i}`, { agency: 'test-town', username: 'somchai', password: `wrong-${i}-pw` }));
      unknown.push(await time(`10.4.2.${i}`, { agency: 'test-town', username: `ghost-${i}`, password: `wrong-${i}-pw` }));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});
