import { describe, expect, it } from 'vitest';
import { formatReceipt, newReceipt, normalizeReceipt } from './receipt.js';

describe('receipt', () => {
  it('is 16 digits and not sequential', () => {
    const rs = Array.from({ length: 200 }, newReceipt);
    for (const r of rs) expect(r).toMatch(/^\d{16}$/);
    expect(new Set(rs).size).toBe(200);
    const diffs = new Set(rs.slice(1).map((r, i) => BigInt(r) - BigInt(rs[i]!)));
    expect(diffs.size).toBeGreaterThan(190);
  });
  it('normalises typed input and refuses anything else', () => {
    expect(normalizeReceipt('1234 5678-9012 3456')).toBe('1234567890123456');
    expect(normalizeReceipt('๑๒๓๔๕๖๗๘๙๐๑๒๓๔๕๖')).toBe('1234567890123456');
    expect(normalizeReceipt('123')).toBeUndefined();
    expect(normalizeReceipt('12345678901234567')).toBeUndefined();
    expect(formatReceipt('1234567890123456')).toBe('1234 5678 9012 3456');
  });
});
