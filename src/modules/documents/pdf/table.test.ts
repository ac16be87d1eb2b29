import { describe, expect, it } from 'vitest';
import { balanceSplit, MIN_CARRIED_LINES } from './table.js';

describe('balanceSplit (no near-empty continued rows)', () => {
  it('pulls the cut back so at least two lines go to the next page', () => {
    expect(MIN_CARRIED_LINES).toBe(2);
    // 10-line steps cell, 4-line unit cell; 9 lines fit: one line would be carried alone.
    expect(balanceSplit([10, 4], [0, 0], [9, 4])).toEqual([8, 4]);
    // Two cells each one line short: both pulled back by one.
    expect(balanceSplit([6, 6], [0, 0], [5, 5])).toEqual([4, 4]);
  });
  it('leaves a cut that already carries enough, or nothing, as it is', () => {
    expect(balanceSplit([10, 4], [0, 0], [7, 4])).toEqual([7, 4]);
    expect(balanceSplit([10, 4], [0, 0], [10, 4])).toEqual([10, 4]);
  });
  it('works on a later band of a row already split once', () => {
    expect(balanceSplit([30, 5], [12, 5], [29, 5])).toEqual([28, 5]);
  });
  it('never leaves the page without a line of the row', () => {
    expect(balanceSplit([2, 1], [0, 0], [1, 1])).toEqual([1, 1]);
    expect(balanceSplit([3], [2], [2])).toEqual([2]);
  });
});
