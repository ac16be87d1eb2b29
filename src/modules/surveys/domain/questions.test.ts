/**
 * The survey engine's pure domain: question definitions (five types, options, keys), answer
 * validation with a Thai message per question, aggregation per question and the 0…100 score
 * that combines 4- and 5-point scales.
 */
import { describe, expect, it } from 'vitest';
import { LIKERT_LABELS, QUESTION_TYPES, questionListSchema, questionSchema, scaleOf, scaleScore, summarise, validateAnswers, type Answers, type Question } from './questions.js';

const q = (key: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({ key, text: `ข้อ ${key}`, type, required: true, ...extra });

const FORM: Question[] = [
  q('speed', 'likert5'),
  q('staff', 'likert4'),
  q('again', 'yesno'),
  q('channel', 'choice', { options: ['เว็บไซต์', 'LINE', 'สำนักงาน'] }),
  q('comment', 'text', { required: false }),
];

describe('question definitions', () => {
  it('knows exactly the five types, and the labels of both scales from least to most', () => {
    expect([...QUESTION_TYPES]).toEqual(['likert4', 'likert5', 'yesno', 'choice', 'text']);
    expect(LIKERT_LABELS.likert4).toHaveLength(4);
    expect(LIKERT_LABELS.likert5).toHaveLength(5);
    expect(LIKERT_LABELS.likert5.at(-1)).toBe('มากที่สุด');
    expect(QUESTION_TYPES.map((t) => scaleOf({ type: t }))).toEqual([4, 5, undefined, undefined, undefined]);
  });

  it('makes a question required unless told, and trims its text', () => {
    const parsed = questionSchema.parse({ key: 'overall', text: '  พอใจโดยรวม  ', type: 'likert5' });
    expect(parsed).toEqual({ key: 'overall', text: 'พอใจโดยรวม', type: 'likert5', required: true });
    expect(questionSchema.parse({ key: 'note', text: 'หมายเหตุ', type: 'text', required: false }).required).toBe(false);
  });

  it('refuses a bad key, an empty text, an unknown type and a choice with fewer than two options, in Thai', () => {
    const issues = (raw: unknown) => {
      const r = questionSchema.safeParse(raw);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ key: 'Overall', text: 'x', type: 'likert5' })).toEqual([expect.stringMatching(/^key: รหัสคำถามต้องเป็นอักษรอังกฤษตัวเล็ก/)]);
    expect(issues({ key: '1st', text: 'x', type: 'likert5' })[0]).toMatch(/^key:/);
    expect(issues({ key: 'a', text: '   ', type: 'text' })).toEqual(['text: กรุณาระบุข้อความคำถาม']);
    expect(issues({ key: 'a', text: 'x', type: 'likert7' })).toEqual(['type: ชนิดคำถามไม่ถูกต้อง']);
    expect(issues({ key: 'a', text: 'x', type: 'choice', options: ['ข้อเดียว'] })).toEqual(['options: คำถามแบบเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ']);
    expect(issues({ key: 'a', text: 'x', type: 'choice' })).toEqual(['options: คำถามแบบเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ']);
    expect(issues({ key: 'a', text: 'x'.repeat(501), type: 'text' })).toEqual(['text: ข้อความคำถามยาวเกิน 500 ตัวอักษร']);
  });

  it('wants one to sixty questions with unique keys, naming the row of a duplicate', () => {
    const r = questionListSchema.safeParse([q('a', 'yesno'), q('b', 'yesno'), q('a', 'text')]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['2.key', 'รหัสคำถาม "a" ซ้ำกัน']]);
    expect(questionListSchema.safeParse([]).error!.issues[0]!.message).toBe('แบบสำรวจต้องมีคำถามอย่างน้อย 1 ข้อ');
    const many = Array.from({ length: 61 }, (_, i) => q(`q${i}`, 'yesno'));
    expect(questionListSchema.safeParse(many).error!.issues[0]!.message).toBe('แบบสำรวจมีคำถามได้ไม่เกิน 60 ข้อ');
    expect(questionListSchema.safeParse(many.slice(0, 60)).success).toBe(true);
  });
});

describe('validateAnswers', () => {
  it('turns form strings into typed answers and leaves an unanswered optional question out', () => {
    const r = validateAnswers(FORM, { speed: ' 5 ', staff: '1', again: 'no', channel: 'LINE', comment: '  ' });
    expect(r).toEqual({ answers: { speed: 5, staff: 1, again: false, channel: 'LINE' } });
  });

  it('takes JSON values as they are', () => {
    expect(validateAnswers(FORM, { speed: 3, staff: 4, again: true, channel: 'สำนักงาน', comment: ' ดีมาก ' })).toEqual({
      answers: { speed: 3, staff: 4, again: true, channel: 'สำนักงาน', comment: 'ดีมาก' },
    });
    expect(validateAnswers([q('y', 'yesno')], { y: 'true' })).toEqual({ answers: { y: true } });
    expect(validateAnswers([q('y', 'yesno')], { y: 'yes' })).toEqual({ answers: { y: true } });
  });

  it('holds each scale to its own range: 1…4 and 1…5, whole numbers only', () => {
    const bad = (question: Question, v: unknown) => 'errors' in validateAnswers([question], { [question.key]: v });
    for (const v of ['0', '5', '2.5', 'มาก', -1]) expect(bad(q('s4', 'likert4'), v), String(v)).toBe(true);
    for (const v of ['1', '4', 2]) expect(bad(q('s4', 'likert4'), v), String(v)).toBe(false);
    expect(bad(q('s5', 'likert5'), '5')).toBe(false);
    expect(bad(q('s5', 'likert5'), '6')).toBe(true);
    const r = validateAnswers([q('s4', 'likert4')], { s4: '5' });
    expect(r).toEqual({ errors: [{ field: 's4', message: 'ข้อ "ข้อ s4" ต้องเลือกระดับ 1 ถึง 4' }] });
  });

  it('names every wrong or missing answer by its question, and returns no answers then', () => {
    const r = validateAnswers(FORM, { speed: '', staff: '9', again: 'maybe', channel: 'โทรศัพท์', comment: 'x'.repeat(2001) });
    expect(r).toEqual({
      errors: [
        { field: 'speed', message: 'กรุณาตอบข้อ "ข้อ speed"' },
        { field: 'staff', message: 'ข้อ "ข้อ staff" ต้องเลือกระดับ 1 ถึง 4' },
        { field: 'again', message: 'ข้อ "ข้อ again" ต้องตอบ ใช่ หรือ ไม่ใช่' },
        { field: 'channel', message: 'ข้อ "ข้อ channel" ต้องเลือกจากตัวเลือกที่กำหนด' },
        { field: 'comment', message: 'คำตอบข้อ "ข้อ comment" ยาวเกิน 2,000 ตัวอักษร' },
      ],
    });
    expect('answers' in r).toBe(false);
  });

  it('ignores answers to questions the version does not have', () => {
    expect(validateAnswers([q('a', 'yesno')], { a: 'yes', injected: 'x' })).toEqual({ answers: { a: true } });
  });
});

describe('summarise and scaleScore', () => {
  const sets: Answers[] = [
    { speed: 5, staff: 4, again: true, channel: 'LINE', comment: 'ชื่อผู้ตอบ: นาย ก' },
    { speed: 3, staff: 2, again: false, channel: 'LINE' },
    { speed: 4, again: true, channel: 'ไม่มีในตัวเลือก' },
  ];

  it('gives the mean of a scale, the share of yes, counts per option, and only a count for free text', () => {
    const s = summarise(FORM, sets);
    expect(s.find((x) => x.key === 'speed')).toEqual({ key: 'speed', text: 'ข้อ speed', type: 'likert5', answered: 3, scale: 5, mean: 4 });
    expect(s.find((x) => x.key === 'staff')).toMatchObject({ answered: 2, scale: 4, mean: 3 });
    expect(s.find((x) => x.key === 'again')!.yesShare).toBeCloseTo(2 / 3);
    expect(s.find((x) => x.key === 'channel')!.counts).toEqual({ เว็บไซต์: 0, LINE: 2, สำนักงาน: 0 });
    const text = s.find((x) => x.key === 'comment')!;
    expect(text).toEqual({ key: 'comment', text: 'ข้อ comment', type: 'text', answered: 1 });
    expect(JSON.stringify(s)).not.toContain('นาย ก');
  });

  it('leaves out mean and share when nobody answered', () => {
    const s = summarise(FORM, []);
    expect(s.every((x) => x.answered === 0 && x.mean === undefined && x.yesShare === undefined)).toBe(true);
  });

  it('rescales each scale answer to 0…100 so 4- and 5-point questions combine', () => {
    // 4 of 4 → 100, 1 of 5 → 0, 3 of 5 → 50, 2 of 4 → 33.3…
    expect(scaleScore(FORM, [{ staff: 4, speed: 1 }])).toBe(50);
    expect(scaleScore(FORM, [{ speed: 3 }])).toBe(50);
    expect(scaleScore(FORM, [{ staff: 2 }])).toBeCloseTo(100 / 3);
    expect(scaleScore(FORM, sets)).toBeCloseTo((100 + 50 + 75 + 100 + 100 / 3) / 5);
  });

  it('has no score without scale answers', () => {
    expect(scaleScore(FORM, [{ again: true, channel: 'LINE' }])).toBeUndefined();
    expect(scaleScore([q('y', 'yesno')], [{ y: true }])).toBeUndefined();
  });
});
