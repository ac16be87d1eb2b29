/**
 * Abuse protection that stores no IP address: counters live in memory only, keyed by an HMAC of
 * the address under a random key that is replaced, with all counters, every window. After a
 * window nobody — not even this process — can tell which address a count belonged to.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { meetsWork, mintChallenge, openChallenge, POW_BITS } from './domain/proof-of-work.js';

export interface AbuseLimiter {
  /** True when this request is within the limit (and counts it). */
  allow(clientAddress: string, bucket: string): boolean;
}

export function abuseLimiter(opts: { windowMs: number; limits: Record<string, number>; now?: () => number }): AbuseLimiter {
  const now = opts.now ?? Date.now;
  let windowStart = now();
  let key = randomBytes(32);
  let counts = new Map<string, number>();
  return {
    allow(clientAddress, bucket) {
      if (now() - windowStart >= opts.windowMs) {
        windowStart = now();
        key = randomBytes(32);
        counts = new Map();
      }
      const limit = opts.limits[bucket] ?? Infinity;
      const k = `${bucket}:${createHmac('sha256', key).update(clientAddress).digest('base64url')}`;
      const n = (counts.get(k) ?? 0) + 1;
      counts.set(k, n);
      return n <= limit;
    },
  };
}

/**
 * Solved challenges (domain/proof-of-work.ts) redeemed once each: a challenge id is remembered
 * until it expires. The key is this process's own, so a challenge minted by one instance is
 * redeemed only there (behind a balancer without sticky sessions the relief simply does not apply).
 */
export interface WorkRelief {
  challenge(): string;
  redeem(token: string): boolean;
}

export function workRelief(opts: { ttlMs?: number; bits?: number; now?: () => number } = {}): WorkRelief {
  const now = opts.now ?? Date.now;
  const ttlMs = opts.ttlMs ?? 2 * 3600_000;
  const bits = opts.bits ?? POW_BITS;
  const key = new Uint8Array(randomBytes(32));
  const used = new Map<string, number>();
  return {
    challenge: () => mintChallenge(key, now(), ttlMs, bits),
    /** `token` is `challenge:nonce`; true once for a valid solution of an unexpired challenge of ours. */
    redeem(token) {
      const t = now();
      for (const [k, exp] of used) if (exp <= t) used.delete(k);
      const i = token.lastIndexOf(':');
      if (i < 0) return false;
      const challenge = token.slice(0, i);
      const opened = openChallenge(key, challenge, t);
      if (!opened || opened.bits < bits || used.has(challenge) || !meetsWork(challenge, token.slice(i + 1), opened.bits)) return false;
      used.set(challenge, opened.expiresMs);
      return true;
    },
  };
}
