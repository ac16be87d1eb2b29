/**
 * Abuse protection that stores no IP address: counters live in memory only, keyed by an HMAC of
 * the address under a random key that is replaced, with all counters, every window. After a
 * window nobody — not even this process — can tell which address a count belonged to.
 */
import { createHmac, randomBytes } from 'node:crypto';

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
