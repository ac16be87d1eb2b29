import { describe, expect, it } from 'vitest';
import { computeStatistics, oitStatisticsPeriod, suppress, suppressCell, type StatRow } from './statistics.js';

const row = (over: Partial<StatRow>): StatRow => ({ category: 'bribery', channel: 'online', state: 'received', receivedDate: '2025-11-01', closedDate: null, ...over });

describe('complaint statistics', () => {
  it('counts a round: total, completed by the round end, in progress, by category and channel', () => {
    const rows = [
      row({}),
      row({ category: 'procurement', channel: 'letter', state: 'concluded', closedDate: '2025-11-11' }),
      row({ state: 'forwarded', closedDate: '2026-05-01' }), // closed after the 6-month round ended
      row({ receivedDate: '2026-04-02' }), // outside the first half
      row({ receivedDate: '2025-09-30' }), // previous fiscal year
    ];
    const s = computeStatistics(rows, 2569, '6-month');
    expect(s).toMatchObject({ total: 3, completed: 1, inProgress: 2, medianHandlingDays: 10 });
    expect(s.byCategory.procurement).toBe(1);
    expect(s.byChannel.letter).toBe(1);
    expect(computeStatistics(rows, 2569, '12-month').total).toBe(4);
  });

  it('publishes small counts as a range, zero as zero, and a round without complaints as none', () => {
    expect(suppressCell(0)).toEqual({ exact: 0 });
    expect(suppressCell(1)).toEqual({ from: 1, to: 4 });
    expect(suppressCell(4)).toEqual({ from: 1, to: 4 });
    expect(suppressCell(5)).toEqual({ exact: 5 });
    const p = suppress(computeStatistics([row({ state: 'concluded', closedDate: '2025-11-03' })], 2569, '12-month'));
    expect(p.total).toEqual({ from: 1, to: 4 });
    expect(p.medianHandlingDays).toBeNull();
    expect(JSON.stringify(p)).not.toMatch(/"exact":1\b/);
    const none = suppress(computeStatistics([], 2569, '12-month'));
    expect(none.none).toBe(true);
    expect(none.total).toEqual({ exact: 0 });
  });

  it('picks the period OIT asks for', () => {
    expect(oitStatisticsPeriod(2565)).toEqual({ fiscalYear: 2565, round: '6-month' });
    expect(oitStatisticsPeriod(2568)).toEqual({ fiscalYear: 2567, round: '12-month' });
    expect(oitStatisticsPeriod(2569)).toEqual({ fiscalYear: 2568, round: '12-month' });
  });
});
