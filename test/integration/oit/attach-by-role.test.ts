/**
 * OIT evidence by role: a module names a role ("measures"), never an item code or title; OIT
 * finds "the item with that role in year N" whatever its code that year, and a year or role
 * without such an item is a no-op that returns null and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';
import { findOitItemByRole } from '../../../src/modules/catalogue/index.js';

describe.each(DIALECTS)('attachGeneratedByRole on %s', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(() => t.close());

  const evidence = { source: 'test:generated', sourceRef: '1', title: 'มาตรการทดสอบ', url: 'https://example.org/m', periodFrom: '2021-10-01', periodTo: '2022-09-30' };
  const generated = async () =>
    Number((await t.database.db.selectFrom('oit_evidence').select((eb) => eb.fn.countAll().as('n')).where('source', '=', 'test:generated').executeTakeFirstOrThrow()).n);

  it('attaches to the item that plays the role in each year, whatever its code', async () => {
    for (const year of [2565, 2566]) {
      const expected = findOitItemByRole((await t.services.catalogues.getCatalogue(year))!, 'measures')!;
      expect(expected).toBeDefined();
      const id = await t.services.oit.attachGeneratedByRole(agencyId, year, 'measures', { ...evidence, claimElements: (els) => els.slice(0, 1).map((e) => e.key) });
      expect(id).toEqual(expect.any(String));
      const view = await t.services.oit.loadYear(agencyId, year, { withPeople: false });
      const state = view.items.find((i) => i.code === expected.code)!;
      expect(state.evidence.map((e) => e.title)).toContain('มาตรการทดสอบ');
    }
  });

  it('is a no-op returning null for an unknown role or a year without OIT items', async () => {
    const before = await generated();
    expect(await t.services.oit.attachGeneratedByRole(agencyId, 2565, 'no-such-role', evidence)).toBeNull();
    expect(await t.services.oit.attachGeneratedByRole(agencyId, 2500, 'measures', evidence)).toBeNull();
    expect(await generated()).toBe(before);
  });
});
