import { describe, expect, it } from 'vitest';
import { tenantLookupCache } from './tenant.js';
import type { TenantAgency } from './identity.js';

const agency = (slug: string) => ({ id: `id-${slug}`, slug }) as TenantAgency;

function counting(answer: TenantAgency | undefined) {
  let calls = 0;
  return {
    find: async () => {
      calls += 1;
      return answer;
    },
    calls: () => calls,
  };
}

describe('tenantLookupCache', () => {
  it('answers a found agency from memory until it expires', async () => {
    let t = 0;
    const cache = tenantLookupCache(() => t);
    const src = counting(agency('demo'));
    expect((await cache.get('slug:demo', src.find, false))?.slug).toBe('demo');
    t = 9_999;
    expect((await cache.get('slug:demo', src.find, false))?.slug).toBe('demo');
    expect(src.calls()).toBe(1);
    t = 10_000;
    await cache.get('slug:demo', src.find, false);
    expect(src.calls()).toBe(2);
  });

  it('keeps a miss only when asked to (host names), never for slugs', async () => {
    const cache = tenantLookupCache(() => 0);
    const slugMiss = counting(undefined);
    await cache.get('slug:new-town', slugMiss.find, false);
    await cache.get('slug:new-town', slugMiss.find, false);
    expect(slugMiss.calls()).toBe(2);
    const hostMiss = counting(undefined);
    await cache.get('host:10.example', hostMiss.find, true);
    await cache.get('host:10.example', hostMiss.find, true);
    expect(hostMiss.calls()).toBe(1);
  });

  it('forgets everything on clear (an agency changed in this process)', async () => {
    const cache = tenantLookupCache(() => 0);
    const src = counting(agency('demo'));
    await cache.get('slug:demo', src.find, false);
    cache.clear();
    await cache.get('slug:demo', src.find, false);
    expect(src.calls()).toBe(2);
  });

  it('stays bounded when a client sends many different names', async () => {
    const cache = tenantLookupCache(() => 0);
    const first = counting(undefined);
    await cache.get('host:h0', first.find, true);
    for (let i = 1; i <= 2_000; i++) await cache.get(`host:h${i}`, async () => undefined, true);
    // The table was emptied when it reached its bound, so the first name is asked again.
    await cache.get('host:h0', first.find, true);
    expect(first.calls()).toBe(2);
  });
});
