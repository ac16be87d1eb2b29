import { describe, expect, it } from 'vitest';
import { likePattern, normaliseFollowCode, responseTimes, searchTerms, searchText, words } from './qa.js';

describe('Thai word search', () => {
  it('cuts Thai written without spaces into words and lower-cases Latin', () => {
    expect(words('ขอใบอนุญาตก่อสร้างอาคาร E-Service')).toEqual(['ขอ', 'ใบ', 'อนุญาต', 'ก่อสร้าง', 'อาคาร', 'e', 'service']);
  });

  it('stores words between spaces so every word can be matched at its start', () => {
    const stored = searchText('ขอใบอนุญาตก่อสร้าง', 'ยื่นที่กองช่าง');
    expect(stored.startsWith(' ') && stored.endsWith(' ')).toBe(true);
    for (const term of searchTerms('ก่อสร้าง กองช่าง')) expect(stored).toContain(` ${term}`);
    expect(searchText('', null)).toBe('');
  });

  it('finds a question whose words come in another order (each term matched on its own)', () => {
    const stored = searchText('อยากทราบว่าการขอใบอนุญาตก่อสร้างใช้เวลากี่วัน');
    const matches = (q: string) => searchTerms(q).every((t) => stored.includes(` ${t}`));
    expect(matches('ใบอนุญาตก่อสร้าง')).toBe(true);
    expect(matches('ก่อสร้าง ใบอนุญาต')).toBe(true);
    expect(matches('ภาษีที่ดิน')).toBe(false);
  });

  it('finds a year or a number whichever digits the asker and the searcher typed', () => {
    const stored = searchText('ภาษีที่ดินปี ๒๕๖๙ ชำระได้ถึงเมื่อไร', 'ภายในวันที่ 30 เมษายน 2569');
    const matches = (q: string) => searchTerms(q).every((t) => stored.includes(` ${t}`));
    expect(matches('2569')).toBe(true);
    expect(matches('๓๐ เมษายน')).toBe(true);
    expect(matches('2570')).toBe(false);
  });

  it('limits and de-duplicates terms and escapes LIKE wildcards', () => {
    expect(searchTerms('ภาษี ภาษี ภาษี')).toEqual(['ภาษี']);
    expect(searchTerms('ก ข ค ง จ ฉ ช ซ ฌ ญ').length).toBeLessThanOrEqual(8);
    expect(searchTerms('  ...  ')).toEqual([]);
    expect(likePattern('50%_a\\')).toBe('% 50\\%\\_a\\\\%');
  });
});

describe('response times', () => {
  const at = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString();
  it('gives median, mean and the share answered within 7 days, leaving out rejected questions', () => {
    const s = responseTimes([
      { createdAt: at(0), answeredAt: at(1), state: 'published' },
      { createdAt: at(0), answeredAt: at(3), state: 'published' },
      { createdAt: at(0), answeredAt: at(10), state: 'published' },
      { createdAt: at(0), answeredAt: null, state: 'pending' },
      { createdAt: at(0), answeredAt: at(0.5), state: 'rejected' },
    ]);
    expect(s).toEqual({ asked: 4, answered: 3, pending: 1, medianDays: 3, meanDays: 4.7, withinShare: 2 / 3, withinDays: 7 });
  });
  it('has no figures without answers, and the median of an even count is the middle pair mean', () => {
    expect(responseTimes([])).toEqual({ asked: 0, answered: 0, pending: 0, withinDays: 7 });
    expect(responseTimes([{ createdAt: at(0), answeredAt: at(1), state: 'published' }, { createdAt: at(0), answeredAt: at(2), state: 'published' }]).medianDays).toBe(1.5);
  });
});

describe('follow-up codes', () => {
  it('accepts the code typed in lower case or with spaces and refuses look-alikes', () => {
    expect(normaliseFollowCode(' qa-abcde-fghjk ')).toBe('QA-ABCDE-FGHJK');
    expect(normaliseFollowCode('QA-ABCDE-FGHIK')).toBeNull();
    expect(normaliseFollowCode('ES-ABCDE-FGHJK')).toBeNull();
  });
});
