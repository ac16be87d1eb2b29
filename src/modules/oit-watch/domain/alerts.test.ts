import { describe, expect, it } from 'vitest';
import { planAlerts, reminderText, slotOf } from './alerts.js';

describe('watch alerts', () => {
  const broken = (url: string, code = 'O1') => ({ code, url, ok: false, problem: 'เปิดไม่ได้ (HTTP 404)' });
  const fine = (url: string, code = 'O1') => ({ code, url, ok: true, problem: null });

  it('opens an alert once, keeps it while broken and resolves it when fixed or gone', () => {
    const first = planAlerts([broken('https://x/a'), fine('https://x/b')], []);
    expect(first.open.map((f) => f.url)).toEqual(['https://x/a']);
    const again = planAlerts([broken('https://x/a')], [{ id: '1', url: 'https://x/a' }]);
    expect(again.open).toEqual([]);
    expect(again.keep.map((k) => k.id)).toEqual(['1']);
    expect(planAlerts([fine('https://x/a')], [{ id: '1', url: 'https://x/a' }]).resolve).toEqual(['1']);
    expect(planAlerts([], [{ id: '1', url: 'https://x/a' }]).resolve).toEqual(['1']);
    // The same URL broken on two items is one alert.
    expect(planAlerts([broken('https://x/c', 'O1'), broken('https://x/c', 'O2')], []).open).toHaveLength(1);
  });

  it('claims runs by schedule slot, the same on every instance', () => {
    expect(slotOf(new Date('2026-01-15T10:00:00Z'), 24)).toBe('2026-01-15T00:00:00.000Z');
    expect(slotOf(new Date('2026-01-15T23:59:59Z'), 24)).toBe('2026-01-15T00:00:00.000Z');
    expect(slotOf(new Date('2026-01-15T10:30:00Z'), 6)).toBe('2026-01-15T06:00:00.000Z');
  });

  it('names the items in the reminder', () => {
    expect(reminderText('เทศบาลตำบลทดสอบ', 2569, [broken('https://x/a', 'O11'), broken('https://x/b', '')])).toContain('พบปัญหาใหม่ 2 รายการ (O11, หน้ารวม)');
  });
});
