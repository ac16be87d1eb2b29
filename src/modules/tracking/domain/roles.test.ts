import { describe, expect, it } from 'vitest';
import { getShippedCatalogue } from '../../catalogue/shipped.js';
import type { Catalogue } from '../../catalogue/domain/schema.js';
import { reportTarget } from './roles.js';
import { periodText, roundRange } from './period.js';

const shipped = (y: number): Catalogue | undefined => getShippedCatalogue(y);

describe('where a report attaches', () => {
  it('a 6-month report goes to the same year\'s first-half item', () => {
    const t = reportTarget('measures-report', 2566, 6, shipped)!;
    expect([t.year, t.item.code, t.item.period]).toEqual([2566, 'O43', 'first-half']);
  });

  it('a 12-month report goes to the next year\'s item about the previous year when there is one', () => {
    const t = reportTarget('anti-corruption-report', 2565, 12, shipped)!;
    expect([t.year, t.item.code]).toEqual([2566, 'O38']);
    const annual = reportTarget('annual-report', 2565, 12, shipped)!;
    expect([annual.year, annual.item.code]).toEqual([2566, 'O13']);
  });

  it('nowhere when neither year has a fitting item (no silent attach to the wrong period)', () => {
    // FY2566 O43 is about the first half only; FY2567's list has no measures report.
    expect(reportTarget('measures-report', 2566, 12, shipped)).toBeUndefined();
  });

  it('follows the roles, not the codes, in a year whose items were renumbered', () => {
    const renumbered: Catalogue = { ...shipped(2566)!, fiscalYear: 2570, oitItems: shipped(2566)!.oitItems.map((i, n) => ({ ...i, code: `O${n + 100}` })) };
    const next = (y: number) => (y === 2570 ? renumbered : y === 2569 ? shipped(2566) : undefined);
    expect(reportTarget('anti-corruption-report', 2569, 12, next)!.item.code).toBe('O137');
  });
});

describe('the period a report states', () => {
  it('names the months and B.E. years exactly, in the agency\'s digits', () => {
    expect(periodText(2569, 6, 'thai')).toBe('ระหว่างเดือนตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙');
    expect(periodText(2569, 12, 'arabic')).toBe('ระหว่างเดือนตุลาคม 2568 – กันยายน 2569');
    expect(roundRange(2566, 6)).toEqual({ from: '2022-10-01', to: '2023-03-31' });
  });
});
