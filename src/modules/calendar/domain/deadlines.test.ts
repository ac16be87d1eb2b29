import { describe, expect, it } from 'vitest';
import { getShippedCatalogue } from '../../catalogue/shipped.js';
import { computeDeadlines, type DeadlineInput } from './deadlines.js';

const base: DeadlineInput = { year: 2566, today: '2023-04-20', digits: 'thai', catalogue: getShippedCatalogue(2566), items: [], measures: [], overrides: [] };

describe('the year\'s deadlines', () => {
  it('dates each periodic item by its period: 6-month items end of April, previous-year reports end of October, plans end of December', () => {
    const e = computeDeadlines(base);
    expect(e.find((x) => x.item === 'O43')).toMatchObject({ due: '2023-04-30', status: 'due' });
    expect(e.find((x) => x.item === 'O38')).toMatchObject({ due: '2022-10-31', status: 'overdue' });
    expect(e.find((x) => x.item === 'O36')).toMatchObject({ due: '2022-12-31', status: 'overdue' });
    // Items without a period (structure, contact) have no deadline of their own.
    expect(e.some((x) => x.item === 'O1')).toBe(false);
  });

  it('gives each measure a 6-month and a 12-month report; reporting or finishing marks them done', () => {
    const e = computeDeadlines({
      ...base,
      measures: [
        { id: 'a', titleTh: 'มาตรการ ก', unitId: 'u1', finished: false, reportedOn: ['2023-03-01T03:00:00Z'] },
        { id: 'b', titleTh: 'มาตรการ ข', unitId: 'u2', finished: false, reportedOn: [] },
      ],
    });
    expect(e.find((x) => x.key === 'measure:a:6')!.status).toBe('done');
    expect(e.find((x) => x.key === 'measure:a:12')).toMatchObject({ due: '2023-10-31', status: 'due' });
    expect(e.find((x) => x.key === 'measure:b:6')).toMatchObject({ status: 'due', unitId: 'u2', link: '/admin/measures/2566/b' });
  });

  it('applies an officer\'s date and done mark, and an item done in OIT', () => {
    const e = computeDeadlines({ ...base, items: [{ code: 'O43', done: true }], overrides: [{ key: 'oit:O38', due: '2023-05-15', done: false }, { key: 'oit:O36', due: null, done: true }] });
    expect(e.find((x) => x.item === 'O43')!.status).toBe('done');
    expect(e.find((x) => x.item === 'O38')).toMatchObject({ due: '2023-05-15', status: 'due', edited: true });
    expect(e.find((x) => x.item === 'O36')!.status).toBe('done');
  });
});
