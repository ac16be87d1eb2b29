/**
 * Hashcash-style proof of work for the public channel, used only as relief: a browser that runs
 * our script solves a challenge while the reporter types, and a solved challenge lets one more
 * submission through when the address is over its limit (many reporters behind one mobile
 * carrier's address). It is never required, so a reporter without JavaScript is never blocked —
 * and, for the same reason, it raises no attacker's cost beyond what the limit already does.
 *
 * Work: SHA-256(`${challenge}:${nonce}`) with at least `bits` leading zero bits. A challenge is
 * `v1.{bits}.{expiresMs}.{random}.{hmac}`, so the server keeps no state until it is redeemed.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const POW_BITS = 18;

export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export const meetsWork = (challenge: string, nonce: string, bits: number): boolean =>
  /^\d{1,15}$/.test(nonce) && leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= bits;

/** What the browser script does, for tests and clients without it. */
export function solveWork(challenge: string, bits: number): string {
  for (let n = 0; ; n++) if (meetsWork(challenge, String(n), bits)) return String(n);
}

const mac = (key: Uint8Array, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function mintChallenge(key: Uint8Array, nowMs: number, ttlMs: number, bits = POW_BITS): string {
  const body = `v1.${bits}.${nowMs + ttlMs}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${mac(key, body)}`;
}

/** The challenge's difficulty and expiry if it is ours, intact and unexpired; undefined otherwise. */
export function openChallenge(key: Uint8Array, challenge: string, nowMs: number): { bits: number; expiresMs: number } | undefined {
  const m = /^(v1\.(\d{1,2})\.(\d{1,15})\.[A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(challenge);
  if (!m) return undefined;
  const expected = Buffer.from(mac(key, m[1]!));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const expiresMs = Number(m[3]);
  return expiresMs > nowMs ? { bits: Number(m[2]), expiresMs } : undefined;
}
