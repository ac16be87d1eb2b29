import { describe, expect, it } from 'vitest';
import { numbersInArabicDigits } from './input-guard.js';

describe('numbers typed in Thai digits', () => {
  it('reads a number, a date, an amount and a phone number in Arabic digits', () => {
    expect(numbersInArabicDigits({ score: '๘๖.๐๕', date: '๓๑/๐๓/๒๕๖๘', amount: '๑,๒๕๐,๐๐๐', phone: '๐๘๑-๒๓๔-๕๖๗๘', pct: '๕๐%', time: '๑๗:๔๕' })).toEqual({
      score: '86.05',
      date: '31/03/2568',
      amount: '1,250,000',
      phone: '081-234-5678',
      pct: '50%',
      time: '17:45',
    });
  });

  it('keeps words, mixed text, Arabic numbers and passwords as typed', () => {
    const typed = {
      title: 'รับฟังความคิดเห็นงบประมาณ ๒๕๗๐',
      plate: 'กข ๑๒๓๔',
      code: 'QA-๒๓๔๕๖',
      arabic: '2569',
      password: '๑๒๓๔๕๖๗๘๙๐',
      newPassword: '๑๒๓๔๕๖๗๘๙๐',
      empty: '',
    };
    expect(numbersInArabicDigits(typed)).toEqual(typed);
  });

  it('walks arrays and nested fields, naming each by its own key', () => {
    expect(numbersInArabicDigits({ indicators: { '1': '๙๐', '2': ['๑', 'หนึ่ง'] }, codes: ['O๑', '๒'] })).toEqual({ indicators: { '1': '90', '2': ['1', 'หนึ่ง'] }, codes: ['O๑', '2'] });
    expect(numbersInArabicDigits(undefined)).toBeUndefined();
  });

  it('hands back the same object when nothing is rewritten, and remembers each form field as typed', () => {
    const plain = { q: 'ภาษี', year: '2569', list: ['1', '2'] };
    expect(numbersInArabicDigits(plain)).toBe(plain);
    const typed = new Map<string, string>();
    const body = { score: '๘๖.๐๕', year: '2569', nested: { deep: '๒' }, many: ['๓'] };
    expect(numbersInArabicDigits(body, typed)).toEqual({ score: '86.05', year: '2569', nested: { deep: '2' }, many: ['3'] });
    expect(body.score).toBe('๘๖.๐๕'); // the parsed body is not changed in place
    expect([...typed]).toEqual([['score', '๘๖.๐๕']]);
  });
});
