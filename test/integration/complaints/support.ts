/** Shared steps of the complaint-channel tests: a movable clock, handlers with 2FA, unlocking. */
import { totpCode } from '../../../src/modules/complaints/domain/totp.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { Role } from '../../../src/shared/permissions.js';
import { html, staffClient, type TestApp, type TestClient } from '../../support/app.js';

export const PASSPHRASE = 'correct horse battery staple 42';

/** A clock tests move forward: each TOTP code must fall in a later 30-second step than the last. */
export function movableClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

export interface Handler {
  client: TestClient;
  secret: string;
  userId: string;
}

/** Creates a staff account with `roles`, signs it in and enrols TOTP through the real pages. */
export async function handlerWith2fa(t: TestApp, clock: ReturnType<typeof movableClock>, agencyId: string, username: string, roles: Role[] = ['complaint_handler']): Promise<Handler> {
  const client = await staffClient(t, agencyId, username, roles);
  const first = await client.get('/admin/complaints');
  if (first.statusCode !== 303 || first.headers.location !== '/admin/complaints/2fa') throw new Error(`expected the 2FA step, got ${first.statusCode} ${String(first.headers.location)}`);
  const page = await client.get('/admin/complaints/2fa');
  const secret = html(page.body).querySelector('#totp-secret')!.textContent.trim();
  clock.advance(31_000);
  const res = await client.submit('/admin/complaints/2fa', { code: totpCode(secret, clock.now()) });
  if (res.statusCode !== 200 || !res.body.includes('recovery-codes')) throw new Error(`enrolment failed: ${res.statusCode}`);
  const users = await t.services.users.listUsers(agencyId);
  return { client, secret, userId: users.find((u) => u.username === username)!.id };
}

export async function unlock(h: Handler, clock: ReturnType<typeof movableClock>, passphrase = PASSPHRASE, transferCode?: string): Promise<void> {
  clock.advance(31_000);
  await h.client.get('/admin/complaints/unlock');
  const res = await h.client.submit('/admin/complaints/unlock', { code: totpCode(h.secret, clock.now()), passphrase, ...(transferCode ? { transferCode } : {}) });
  if (res.statusCode !== 303) throw new Error(`unlock failed: ${res.statusCode} ${res.body.slice(0, 500)}`);
}

/** First handler of an agency: 2FA, then creates the agency's complaint key, then unlocks. */
export async function openChannel(t: TestApp, clock: ReturnType<typeof movableClock>, agencyId: string, username = 'handler1', roles: Role[] = ['complaint_handler']): Promise<Handler> {
  const h = await handlerWith2fa(t, clock, agencyId, username, roles);
  await h.client.get('/admin/complaints/setup');
  const res = await h.client.submit('/admin/complaints/setup', { passphrase: PASSPHRASE });
  if (res.statusCode !== 303) throw new Error(`key setup failed: ${res.statusCode}`);
  await unlock(h, clock);
  return h;
}

export const jsonPost = (t: TestApp, url: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
