import { describe, expect, it } from 'vitest';
import { expiringCache } from './expiring-cache.js';

describe('expiringCache', () => {
  it('keeps an answer until it expires or is deleted, and empties itself when full', async () => {
    let t = 0;
    let loads = 0;
    const load = async () => ++loads;
    const cache = expiringCache<number>({ ttlMs: 100, max: 2, now: () => t });
    expect(await cache.get('a', load)).toBe(1);
    t = 99;
    expect(await cache.get('a', load)).toBe(1);
    t = 100;
    expect(await cache.get('a', load)).toBe(2);
    cache.delete('a');
    expect(await cache.get('a', load)).toBe(3);
    await cache.get('b', load); // full: a and b
    await cache.get('c', load); // emptied, then c
    expect(await cache.get('a', load)).toBe(6);
  });

  it('does not keep what `keep` refuses', async () => {
    let loads = 0;
    const cache = expiringCache<number | undefined>({ ttlMs: 100, max: 10, now: () => 0 });
    const miss = async () => (loads++, undefined);
    await cache.get('x', miss, (v) => v !== undefined);
    await cache.get('x', miss, (v) => v !== undefined);
    expect(loads).toBe(2);
  });
});
