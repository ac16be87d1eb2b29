/**
 * Survey questions and answers, pure. A version of a form is a list of questions; an answer set
 * is checked against the version it answers, with a Thai message per question.
 *
 * Types: `likert4` / `likert5` (1…4 / 1…5, 5 = มากที่สุด), `yesno`, `choice` (one of `options`),
 * `text` (free text, at most 2,000 characters).
 */
import { z } from 'zod';
import type { FieldError } from '../../../shared/errors.js';

export const QUESTION_TYPES = ['likert4', 'likert5', 'yesno', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  likert4: 'มาตรวัด 4 ระดับ',
  likert5: 'มาตรวัด 5 ระดับ',
  yesno: 'ใช่/ไม่ใช่',
  choice: 'เลือกหนึ่งข้อ',
  text: 'ข้อความ',
};

export const LIKERT_LABELS: Record<'likert4' | 'likert5', string[]> = {
  likert4: ['น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'],
  likert5: ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'],
};

export const questionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'รหัสคำถามต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ ขึ้นต้นด้วยตัวอักษร'),
    text: z.string().trim().min(1, 'กรุณาระบุข้อความคำถาม').max(500, 'ข้อความคำถามยาวเกิน 500 ตัวอักษร'),
    type: z.enum(QUESTION_TYPES, 'ชนิดคำถามไม่ถูกต้อง'),
    required: z.boolean().default(true),
    options: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'choice' && (!q.options || q.options.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'คำถามแบบเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ' });
    }
  });
export type Question = z.output<typeof questionSchema>;

export const questionListSchema = z
  .array(questionSchema)
  .min(1, 'แบบสำรวจต้องมีคำถามอย่างน้อย 1 ข้อ')
  .max(60, 'แบบสำรวจมีคำถามได้ไม่เกิน 60 ข้อ')
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `รหัสคำถาม "${q.key}" ซ้ำกัน` });
      seen.add(q.key);
    });
  });

/** An answer as stored: a number for scales, true/false for yes/no, text for choice and text. */
export type Answer = number | boolean | string;
export type Answers = Record<string, Answer>;

/** Likert scale top of a question, or undefined for other types. */
export const scaleOf = (q: Pick<Question, 'type'>): number | undefined => (q.type === 'likert4' ? 4 : q.type === 'likert5' ? 5 : undefined);

/**
 * Checks raw answers (form strings or JSON values) against the questions. Returns the clean
 * answers, or the field errors (field = question key) — never both.
 */
export function validateAnswers(questions: readonly Question[], raw: Record<string, unknown>): { answers: Answers } | { errors: FieldError[] } {
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const q of questions) {
    const value = raw[q.key];
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (q.required) errors.push({ field: q.key, message: `กรุณาตอบข้อ "${q.text}"` });
      continue;
    }
    const scale = scaleOf(q);
    if (scale) {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isInteger(n) || n < 1 || n > scale) errors.push({ field: q.key, message: `ข้อ "${q.text}" ต้องเลือกระดับ 1 ถึง ${scale}` });
      else answers[q.key] = n;
    } else if (q.type === 'yesno') {
      const v = typeof value === 'boolean' ? value : ({ yes: true, no: false, true: true, false: false } as Record<string, boolean>)[String(value)];
      if (v === undefined) errors.push({ field: q.key, message: `ข้อ "${q.text}" ต้องตอบ ใช่ หรือ ไม่ใช่` });
      else answers[q.key] = v;
    } else if (q.type === 'choice') {
      const v = String(value);
      if (!q.options?.includes(v)) errors.push({ field: q.key, message: `ข้อ "${q.text}" ต้องเลือกจากตัวเลือกที่กำหนด` });
      else answers[q.key] = v;
    } else {
      const v = String(value).trim();
      if (v.length > 2000) errors.push({ field: q.key, message: `คำตอบข้อ "${q.text}" ยาวเกิน 2,000 ตัวอักษร` });
      else answers[q.key] = v;
    }
  }
  return errors.length ? { errors } : { answers };
}

export interface QuestionSummary {
  key: string;
  text: string;
  type: QuestionType;
  answered: number;
  /** Mean of a scale question (1…scale). */
  mean?: number;
  scale?: number;
  /** Share of "yes" (0…1) of a yes/no question. */
  yesShare?: number;
  /** Count per option of a choice question. */
  counts?: Record<string, number>;
}

/** Aggregates answer sets per question (free text is counted, never quoted). */
export function summarise(questions: readonly Question[], sets: readonly Answers[]): QuestionSummary[] {
  return questions.map((q) => {
    const values = sets.map((s) => s[q.key]).filter((v) => v !== undefined);
    const base: QuestionSummary = { key: q.key, text: q.text, type: q.type, answered: values.length };
    const scale = scaleOf(q);
    if (scale) {
      const nums = values.filter((v): v is number => typeof v === 'number');
      return { ...base, scale, ...(nums.length ? { mean: nums.reduce((a, b) => a + b, 0) / nums.length } : {}) };
    }
    if (q.type === 'yesno') return { ...base, ...(values.length ? { yesShare: values.filter((v) => v === true).length / values.length } : {}) };
    if (q.type === 'choice') {
      const counts: Record<string, number> = Object.fromEntries((q.options ?? []).map((o) => [o, 0]));
      for (const v of values) if (typeof v === 'string' && v in counts) counts[v]! += 1;
      return { ...base, counts };
    }
    return base;
  });
}

/**
 * One satisfaction score for a set of answer sets: the mean of every scale answer rescaled to
 * 0…100 ((v−1)/(scale−1)), so 4- and 5-point questions combine. Undefined without scale answers.
 */
export function scaleScore(questions: readonly Question[], sets: readonly Answers[]): number | undefined {
  let sum = 0;
  let n = 0;
  for (const q of questions) {
    const scale = scaleOf(q);
    if (!scale) continue;
    for (const s of sets) {
      const v = s[q.key];
      if (typeof v === 'number') {
        sum += ((v - 1) / (scale - 1)) * 100;
        n += 1;
      }
    }
  }
  return n ? sum / n : undefined;
}
