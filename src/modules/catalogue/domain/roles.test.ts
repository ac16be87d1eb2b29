import { describe, expect, it } from 'vitest';
import { loadShippedCatalogues } from '../shipped.js';
import { findOitItemByRole, isOitRole, OIT_ROLES, periodCheckFor } from './roles.js';
import { parseCatalogue } from './validate.js';

const catalogues = loadShippedCatalogues();

describe('OIT item roles', () => {
  it.each([...catalogues.values()])('FY$fiscalYear: every shipped item has a role from the vocabulary, unique in the year', (c) => {
    for (const item of c.oitItems) {
      expect(item.role, item.code).toBeDefined();
      expect(isOitRole(item.role!), item.code).toBe(true);
    }
    const roles = c.oitItems.map((i) => i.role);
    expect(new Set(roles).size).toBe(roles.length);
  });

  it('finds the same role under different codes in different years', () => {
    expect(findOitItemByRole(catalogues.get(2565)!, 'measures')?.code).toBe('O42');
    expect(findOitItemByRole(catalogues.get(2566)!, 'complaint-statistics')?.code).toBe('O29');
    expect(findOitItemByRole(catalogues.get(2565)!, 'complaint-statistics')?.code).toBe('O31');
    expect(findOitItemByRole(catalogues.get(2565)!, 'privacy-policy')).toBeUndefined();
  });

  it('finds an item through a role merged into it', () => {
    expect(findOitItemByRole(catalogues.get(2566)!, 'budget-plan')?.code).toBe('O11');
    expect(findOitItemByRole(catalogues.get(2565)!, 'budget-plan')?.code).toBe('O18');
  });

  it('rejects an unknown role, and a role used twice in one year naming the other item', () => {
    const copy = () => JSON.parse(JSON.stringify(catalogues.get(2565)!)) as { oitItems: { role?: string }[] };
    const unknown = copy();
    unknown.oitItems[0]!.role = 'not-a-role';
    const r1 = parseCatalogue(unknown);
    expect(r1.ok ? [] : r1.errors.map((e) => e.field)).toEqual(['oitItems.0.role']);
    const twice = copy();
    twice.oitItems[2]!.role = 'measures';
    const r2 = parseCatalogue(twice);
    expect(r2.ok ? [] : r2.errors.map((e) => e.field)).toEqual(['oitItems.41.role']);
    expect(r2.ok ? '' : r2.errors[0]!.message).toContain('O3');
  });

  it('accepts an imported item without a role', () => {
    const raw = JSON.parse(JSON.stringify(catalogues.get(2565)!)) as { oitItems: { role?: string }[] };
    delete raw.oitItems[0]!.role;
    expect(parseCatalogue(raw).ok).toBe(true);
  });

  it('holds period checks to the item period', () => {
    expect(periodCheckFor('covers-fiscal-year', 'previous-fy')).toBe('covers-previous-year');
    expect(periodCheckFor('covers-previous-year', 'current-fy')).toBe('covers-fiscal-year');
    expect(periodCheckFor('covers-first-half', 'first-half')).toBe('covers-first-half');
    expect(periodCheckFor('covers-fiscal-year', 'first-half')).toBe('covers-fiscal-year');
    expect(periodCheckFor('covers-previous-year', 'none')).toBe('covers-previous-year');
    expect(periodCheckFor('https-link', 'previous-fy')).toBe('https-link');
    expect(OIT_ROLES.length).toBeGreaterThan(40);
  });
});

describe('roles of imported items without them', () => {
  it('are taken from the reference item with the same or a similar title, each role once', async () => {
    const { inferMissingRoles } = await import('./roles.js');
    const fy2569 = catalogues.get(2569)!;
    const bare = { ...fy2569, oitItems: fy2569.oitItems.map(({ role: _r, ...rest }) => ({ ...rest, titleTh: rest.code === 'O18' ? 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2569' : rest.titleTh })) };
    const filled = inferMissingRoles(bare, [catalogues.get(2569)!]);
    expect(filled.oitItems.map((i) => i.role)).toEqual(fy2569.oitItems.map((i) => i.role));
    expect(filled.oitItems.find((i) => i.code === 'O18')!.note).toContain('อนุมานจากชื่อรายการ');
    const unknown = { ...fy2569, oitItems: [{ ...bare.oitItems[0]!, titleTh: 'รายการที่ไม่เคยมีมาก่อน' }] };
    expect(inferMissingRoles(unknown, [fy2569]).oitItems[0]!.role).toBeUndefined();
  });
});
