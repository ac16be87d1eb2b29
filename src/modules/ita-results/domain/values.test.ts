import { describe, expect, it } from 'vitest';
import { indicatorNumber, normalizeOitCode, normalizeQuestionCode, parseFiscalYear, parseNumber, parseOitPassed, parseScore } from './values.js';

describe('parseScore', () => {
  it.each([
    [65.66, 65.66],
    ['65.66', 65.66],
    ['๖๕.๖๖', 65.66],
    [' 100 ', 100],
    ['0', 0],
    ['.5', 0.5],
    ['๑๘.๗๕', 18.75],
  ])('%j → %s', (raw, value) => {
    expect(parseScore(raw)).toEqual({ ok: true, value });
  });

  it.each([
    [120, 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)'],
    ['100.01', 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 100.01)'],
    [-0.01, 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ -0.01)'],
    ['65,66', 'ต้องเป็นตัวเลข (ได้ "65,66")'],
    ['abc', 'ต้องเป็นตัวเลข (ได้ "abc")'],
    [true, 'ต้องเป็นตัวเลข (ได้ "true")'],
    [Number.NaN, 'ต้องเป็นตัวเลข (ได้ NaN)'],
    ['', 'ต้องระบุคะแนน'],
    [null, 'ต้องระบุคะแนน'],
  ])('%j → %s', (raw, message) => {
    expect(parseScore(raw)).toEqual({ ok: false, message });
  });

  it('an empty optional score is undefined', () => {
    expect(parseScore('', false)).toEqual({ ok: true, value: undefined });
    expect(parseNumber(undefined)).toEqual({ ok: true, value: undefined });
  });

  it('shortens long input in messages', () => {
    const r = parseScore('x'.repeat(100));
    expect(!r.ok && r.message).toBe(`ต้องเป็นตัวเลข (ได้ "${'x'.repeat(40)}…")`);
  });
});

describe('parseFiscalYear', () => {
  it('accepts B.E. years in either digits', () => {
    expect(parseFiscalYear('๒๕๖๕')).toEqual({ ok: true, value: 2565 });
    expect(parseFiscalYear(2569)).toEqual({ ok: true, value: 2569 });
  });
  it('rejects C.E., fractions, nonsense and blanks in Thai', () => {
    expect(parseFiscalYear(2024)).toEqual({ ok: false, message: 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2565 (ได้ 2024 ซึ่งเป็นปี ค.ศ.)' });
    expect(parseFiscalYear(2565.5)).toEqual({ ok: false, message: 'ปีงบประมาณต้องเป็นจำนวนเต็ม (ได้ 2565.5)' });
    expect(parseFiscalYear(65)).toEqual({ ok: false, message: 'ปีงบประมาณไม่ถูกต้อง (ได้ 65)' });
    expect(parseFiscalYear('')).toEqual({ ok: false, message: 'ต้องระบุปีงบประมาณ' });
  });
});

describe('parseOitPassed', () => {
  it.each([
    ['ผ่าน', true],
    ['ไม่ผ่าน', false],
    [' ไม่ ผ่าน ', false],
    ['PASS', true],
    ['fail', false],
    ['Failed', false],
    ['1', true],
    ['๐', false],
    [1, true],
    [0, false],
    [true, true],
    ['false', false],
  ])('%j → %s', (raw, value) => {
    expect(parseOitPassed(raw)).toEqual({ ok: true, value });
  });
  it('blank is "not assessed"; anything else is an error', () => {
    expect(parseOitPassed('  ')).toEqual({ ok: true, value: undefined });
    expect(parseOitPassed('ครบ')).toEqual({ ok: false, message: 'ต้องเป็น ผ่าน หรือ ไม่ผ่าน (ได้ "ครบ")' });
    expect(parseOitPassed(2)).toEqual({ ok: false, message: 'ต้องเป็น ผ่าน หรือ ไม่ผ่าน (ได้ "2")' });
  });
});

describe('codes', () => {
  it('normalises question, OIT and indicator codes', () => {
    expect(normalizeQuestionCode(' i๒๘ ')).toBe('I28');
    expect(normalizeQuestionCode('E011')).toBe('E11');
    expect(normalizeQuestionCode('X1')).toBe('X1');
    expect(normalizeOitCode('o02')).toBe('O2');
    expect(normalizeOitCode('O๔๓')).toBe('O43');
    expect(indicatorNumber('๑๐')).toBe(10);
    expect(indicatorNumber('3a')).toBeUndefined();
  });
});
