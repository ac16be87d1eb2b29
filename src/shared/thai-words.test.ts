import { describe, expect, it } from 'vitest';
import { compoundBlockedOffsets, compoundRanges, compoundSpans, THAI_COMPOUNDS } from './thai-words.js';

describe('Thai government compounds', () => {
  it('lists words without spaces or duplicates', () => {
    expect(new Set(THAI_COMPOUNDS).size).toBe(THAI_COMPOUNDS.length);
    for (const w of THAI_COMPOUNDS) expect(w, w).not.toMatch(/\s/);
  });

  it('marks compounds whole and keeps every character', () => {
    const text = 'ให้ผู้รับผิดชอบของหน่วยงานตรวจสอบองค์ประกอบ และข้อเสนอแนะ';
    const spans = compoundSpans(text);
    expect(spans.map((s) => s.text).join('')).toBe(text);
    expect(spans.filter((s) => s.whole).map((s) => s.text)).toEqual(['ผู้รับผิดชอบ', 'หน่วยงาน', 'ตรวจสอบ', 'องค์ประกอบ', 'ข้อเสนอแนะ']);
  });

  it('drops compounds inside longer ones and splits partly overlapping ones where the later starts', () => {
    expect(compoundRanges('การทุจริต')).toEqual([[0, 9]]);
    expect(compoundSpans('ประจำปีงบประมาณ')).toEqual([
      { text: 'ประจำ', whole: true },
      { text: 'ปีงบประมาณ', whole: true },
    ]);
    // Both ends of each overlapping compound stay open for a break; their insides do not.
    const blocked = compoundBlockedOffsets('ประเมินผลกระทบ');
    expect(blocked.has(7)).toBe(false); // ประเมิน|ผลกระทบ
    expect(blocked.has(3)).toBe(true);
    expect(blocked.has(10)).toBe(true); // ผลก|ระทบ
  });

  it('gives plain text back untouched', () => {
    expect(compoundSpans('abc 123')).toEqual([{ text: 'abc 123', whole: false }]);
    expect(compoundSpans('')).toEqual([]);
  });
});
