import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { leadingZeroBits, meetsWork, mintChallenge, openChallenge, solveWork } from './proof-of-work.js';

describe('proof of work', () => {
  const key = new Uint8Array(randomBytes(32));
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
  });
  it('a solved challenge meets the work; another nonce or challenge does not', () => {
    const c = mintChallenge(key, 1000, 60_000, 12);
    const n = solveWork(c, 12);
    expect(meetsWork(c, n, 12)).toBe(true);
    expect(meetsWork(mintChallenge(key, 1000, 60_000, 12), n, 12) && meetsWork(c, String(Number(n) + 1), 12)).toBe(false);
    expect(meetsWork(c, 'abc', 0)).toBe(false);
  });
  it('opens only its own, intact, unexpired challenges', () => {
    const c = mintChallenge(key, 1000, 60_000, 12);
    expect(openChallenge(key, c, 2000)).toEqual({ bits: 12, expiresMs: 61_000 });
    expect(openChallenge(key, c, 61_000)).toBeUndefined();
    expect(openChallenge(new Uint8Array(randomBytes(32)), c, 2000)).toBeUndefined();
    expect(openChallenge(key, c.replace('v1.12.', 'v1.1.'), 2000)).toBeUndefined();
  });
});
