import { describe, expect, it } from 'vitest';
import { monthsToPublish, publishedContent } from './publishing.js';
import { monthlySummary } from './summaries.js';
import type { Contract } from './types.js';

const w = (today: string, contractDates: string[], sourceComplete = false) => monthsToPublish({ fiscalYear: 2569, today, contractDates, sourceComplete });

describe('monthsToPublish', () => {
  it('after a file import: complete months up to the last complete month with a contract', () => {
    expect(w('2026-03-15', ['2025-12-03', '2026-01-12'])).toEqual(['2025-10', '2025-11', '2025-12', '2026-01']);
  });
  it('never the month in progress, even with data', () => {
    expect(w('2026-03-15', ['2026-03-02'])).toEqual([]);
    expect(w('2026-03-01', ['2026-02-28', '2026-03-01'])).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('nothing before the year has a complete month, or without any contract from a file', () => {
    expect(w('2025-10-20', ['2025-10-01'])).toEqual([]);
    expect(w('2026-03-15', [])).toEqual([]);
  });
  it('after a finished sync: every complete month, contracts or not', () => {
    expect(w('2026-03-15', [], true)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('a past fiscal year: all twelve months', () => {
    expect(monthsToPublish({ fiscalYear: 2568, today: '2026-03-15', contractDates: ['2025-09-30'], sourceComplete: false })).toHaveLength(12);
    expect(monthsToPublish({ fiscalYear: 2568, today: '2026-03-15', contractDates: ['2024-11-30'], sourceComplete: false })).toEqual(['2024-10', '2024-11']);
  });
});

describe('publishedContent', () => {
  const c: Contract = { projectNo: '1', titleTh: 'ซื้อ', procType: 'ซื้อ', method: 'เฉพาะเจาะจง', budget: 10, referencePrice: null, bidders: [], winner: 'ร้าน', agreedPrice: 9, reason: '', contractNo: '', contractDate: null, procuredOn: '2025-12-01', sources: ['file'] };
  const s = (x: Contract) => monthlySummary([x], '2025-12', 2569);
  it('changes with what the form shows, and only with that', () => {
    const base = publishedContent(s(c), 'อบต. ก', 'thai');
    expect(publishedContent(s({ ...c }), 'อบต. ก', 'thai')).toBe(base);
    expect(publishedContent(s({ ...c, sources: ['file', 'api'] }), 'อบต. ก', 'thai')).toBe(base);
    expect(publishedContent(s({ ...c, agreedPrice: 8 }), 'อบต. ก', 'thai')).not.toBe(base);
    expect(publishedContent(s(c), 'อบต. ข', 'thai')).not.toBe(base);
    expect(publishedContent(s(c), 'อบต. ก', 'arabic')).not.toBe(base);
  });
});
