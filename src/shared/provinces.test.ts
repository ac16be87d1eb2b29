import { describe, expect, it } from 'vitest';
import { findProvince, PROVINCES_TH } from './provinces.js';

describe('provinces', () => {
  it('lists the 77 provinces once each', () => {
    expect(PROVINCES_TH).toHaveLength(77);
    expect(new Set(PROVINCES_TH).size).toBe(77);
  });
  it('finds a province with or without its prefix, and refuses an unknown name', () => {
    expect(findProvince('ศรีสะเกษ')).toBe('ศรีสะเกษ');
    expect(findProvince('จังหวัดศรีสะเกษ')).toBe('ศรีสะเกษ');
    expect(findProvince('จ. เชียงใหม่')).toBe('เชียงใหม่');
    expect(findProvince('กทม.')).toBe('กรุงเทพมหานคร');
    expect(findProvince('ศรีสะเกษใต้')).toBeUndefined();
  });
});
