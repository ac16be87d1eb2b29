import { describe, expect, it } from 'vitest';
import { formatInteger, formatNumber, formatThaiDate, formatThaiDateTime, toArabicDigits, toThaiDigits, withDigits } from './thai.js';
import { fixedClock, todayInThailand } from './clock.js';

describe('Thai digits', () => {
  it('converts both ways and leaves other characters alone', () => {
    expect(toThaiDigits('ปี 2565 ข้อ O42')).toBe('ปี ๒๕๖๕ ข้อ O๔๒');
    expect(toArabicDigits('๖๕.๖๖ คะแนน')).toBe('65.66 คะแนน');
    expect(toArabicDigits(toThaiDigits('0123456789'))).toBe('0123456789');
    expect(withDigits('85', 'arabic')).toBe('85');
  });

  it('formats scores with two decimals and groups only large numbers', () => {
    expect(formatNumber(65.6656)).toBe('65.67');
    expect(formatNumber(65.66, 'thai')).toBe('๖๕.๖๖');
    expect(formatNumber(8317, 'arabic', 0)).toBe('8317');
    expect(formatNumber(12345.5, 'arabic', 1)).toBe('12,345.5');
    expect(formatInteger(2566, 'thai')).toBe('๒๕๖๖');
  });
});

describe('Buddhist-era dates', () => {
  it('writes long and short Thai dates in the chosen digits', () => {
    expect(formatThaiDate('2022-10-01')).toBe('1 ตุลาคม 2565');
    expect(formatThaiDate('2023-04-30', { style: 'short', digits: 'thai' })).toBe('๓๐ เม.ย. ๒๕๖๖');
    expect(formatThaiDate('2023-04-30', { locale: 'en' })).toBe('30 Apr 2023');
  });

  it('shows a UTC timestamp in Bangkok time', () => {
    expect(formatThaiDateTime('2022-09-30T18:30:00.000Z')).toBe('1 ตุลาคม 2565 เวลา 01:30 น.');
  });

  it('takes today from the Thai calendar day, not the UTC one', () => {
    expect(todayInThailand(fixedClock('2026-09-30T16:59:59Z'))).toBe('2026-09-30');
    expect(todayInThailand(fixedClock('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => formatThaiDate('30/04/2566')).toThrow(RangeError);
  });
});
