import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResultsJson, resultsJsonSchema } from './results-input.js';
import { fixtureCatalogues, fy2565Catalogue } from './test-fixtures.js';

const catalogues = fixtureCatalogues();
const seedRaw = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('./fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as Record<string, any>;

function errorsOf(raw: unknown) {
  const r = parseResultsJson(raw, catalogues);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseResultsJson: valid input', () => {
  it('reads the seed fixture into ResultsInput', () => {
    const r = parseResultsJson(seedRaw(), catalogues);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fiscalYear).toBe(2565);
    expect(r.value.agencyName).toBe('เทศบาลตำบลปรุใหญ่');
    expect(r.value.official).toEqual({ score: 65.66, level: 'C' });
    expect(r.value.indicators).toEqual({ 1: 86.05, 2: 76.39, 3: 81.34, 4: 74.76, 5: 74.62, 6: 80.36, 7: 75.26, 8: 74.22, 9: 76.71, 10: 18.75 });
    expect(Object.keys(r.value.oit!)).toEqual(['O2', 'O11', 'O12', 'O17', 'O20', 'O27', 'O39', 'O40', 'O42', 'O43']);
    expect(r.value.oit!.O17).toEqual({ passed: false, reason: 'E-Service URL ไม่เชื่อมโยงกับเว็บไซต์หลัก' });
    expect(r.value.questions).toBeUndefined();
  });

  it('accepts Thai digits in strings, for scores, keys and the year', () => {
    const raw = seedRaw();
    raw.fiscalYear = '๒๕๖๕';
    raw.official.score = '๖๕.๖๖';
    delete raw.indicators['3'];
    raw.indicators['๓'] = '๘๑.๓๔';
    raw.questions = { 'i๒๘': '๗๐.๑' };
    const r = parseResultsJson(raw, catalogues);
    expect(r.ok && r.value).toMatchObject({ fiscalYear: 2565, official: { score: 65.66 }, questions: { I28: 70.1 } });
    expect(r.ok && r.value.indicators[3]).toBe(81.34);
  });

  it('normalises codes (o2 → O2) and levels (lower case, "ระดับ C", Thai labels → code)', () => {
    const raw = seedRaw();
    raw.oit = { o2: { passed: 'ไม่ผ่าน' }, O5: true, O6: 'ผ่าน' };
    raw.official.level = 'ระดับ c';
    const r = parseResultsJson(raw, catalogues);
    expect(r.ok && r.value.oit).toEqual({ O2: { passed: false }, O5: { passed: true }, O6: { passed: true } });
    expect(r.ok && r.value.official.level).toBe('C');

    const y67 = { fiscalYear: 2567, official: { level: 'ผ่านดี' }, indicators: seedRaw().indicators };
    const r67 = parseResultsJson(y67, catalogues);
    expect(r67.ok && r67.value.official.level).toBe('GOOD');
  });

  it('official, agency, questions and oit are optional; null official score means none', () => {
    const r = parseResultsJson({ fiscalYear: 2565, indicators: seedRaw().indicators, official: { score: null } }, catalogues);
    expect(r.ok && r.value).toEqual({ fiscalYear: 2565, official: {}, indicators: expect.objectContaining({ 1: 86.05, 10: 18.75 }) });
  });

  it('keeps an agency code when given', () => {
    const raw = { ...seedRaw(), agency: { name: ' เทศบาลตำบลปรุใหญ่ ', code: '5340506' } };
    const r = parseResultsJson(raw, catalogues);
    expect(r.ok && [r.value.agencyName, r.value.agencyCode]).toEqual(['เทศบาลตำบลปรุใหญ่', '5340506']);
  });

  it('exports the zod schema of the format', () => {
    expect(resultsJsonSchema.safeParse(seedRaw()).success).toBe(true);
  });
});

describe('parseResultsJson: errors name the field in Thai', () => {
  it('score above 100', () => {
    const raw = seedRaw();
    raw.indicators['3'] = 120;
    expect(errorsOf(raw)).toEqual([{ field: 'indicators.3', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)' }]);
  });

  it('negative score, Thai-digit score out of range, and a non-number', () => {
    const raw = seedRaw();
    raw.indicators['1'] = -1;
    raw.indicators['2'] = '๑๒๐';
    raw.indicators['4'] = 'เจ็ดสิบ';
    raw.official.score = 101;
    expect(errorsOf(raw)).toEqual([
      { field: 'official.score', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 101)' },
      { field: 'indicators.1', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ -1)' },
      { field: 'indicators.2', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)' },
      { field: 'indicators.4', message: 'ต้องเป็นตัวเลข (ได้ "เจ็ดสิบ")' },
    ]);
  });

  it('year without a catalogue', () => {
    const raw = { ...seedRaw(), fiscalYear: 2570 };
    expect(errorsOf(raw)).toEqual([{ field: 'fiscalYear', message: 'ไม่มีแคตตาล็อกของปีงบประมาณ 2570' }]);
  });

  it('a Gregorian year gets a hint; a missing year is required', () => {
    expect(errorsOf({ ...seedRaw(), fiscalYear: 2022 })).toEqual([
      { field: 'fiscalYear', message: 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2565 (ได้ 2022 ซึ่งเป็นปี ค.ศ.)' },
    ]);
    const { fiscalYear: _y, ...noYear } = seedRaw();
    expect(errorsOf(noYear)).toEqual([{ field: 'fiscalYear', message: 'ต้องระบุปีงบประมาณ' }]);
  });

  it('missing indicators are named one by one', () => {
    const raw = seedRaw();
    delete raw.indicators['4'];
    delete raw.indicators['10'];
    expect(errorsOf(raw)).toEqual([
      { field: 'indicators.4', message: 'ต้องระบุคะแนนตัวชี้วัดที่ 4 (การใช้ทรัพย์สินของราชการ)' },
      { field: 'indicators.10', message: 'ต้องระบุคะแนนตัวชี้วัดที่ 10 (การป้องกันการทุจริต)' },
    ]);
  });

  it('unknown indicator, question and OIT codes are rejected', () => {
    const raw = seedRaw();
    raw.indicators['11'] = 50;
    raw.questions = { I99: 50, X1: 10 };
    raw.oit = { ...raw.oit, O44: { passed: true } };
    expect(errorsOf(raw)).toEqual([
      { field: 'indicators.11', message: 'ปีงบประมาณ 2565 ไม่มีตัวชี้วัดที่ "11" (มีตัวชี้วัดที่ 1–10)' },
      { field: 'questions.I99', message: 'ไม่มีข้อคำถาม I99 ในแคตตาล็อกของปีงบประมาณ 2565' },
      { field: 'questions.X1', message: 'ไม่มีข้อคำถาม X1 ในแคตตาล็อกของปีงบประมาณ 2565' },
      { field: 'oit.O44', message: 'ไม่มีข้อ O44 ในรายการ OIT ของปีงบประมาณ 2565' },
    ]);
  });

  it('codes are checked against the year: O4 exists in 2565 but not in the 2567 fixture', () => {
    const raw = { fiscalYear: 2567, indicators: seedRaw().indicators, oit: { O4: { passed: true } } };
    expect(errorsOf(raw)).toEqual([{ field: 'oit.O4', message: 'ไม่มีข้อ O4 ในรายการ OIT ของปีงบประมาณ 2567' }]);
  });

  it('the same indicator twice ("3" and "๓") is rejected', () => {
    const raw = seedRaw();
    raw.indicators['๓'] = 81.34;
    expect(errorsOf(raw)).toEqual([{ field: 'indicators.๓', message: 'ตัวชี้วัดที่ 3 ซ้ำกับช่อง indicators.3' }]);
  });

  it('an official level the year does not use lists the allowed ones', () => {
    const raw = seedRaw();
    raw.official.level = 'ผ่านดี';
    expect(errorsOf(raw)).toEqual([
      { field: 'official.level', message: 'ระดับ "ผ่านดี" ไม่มีในเกณฑ์ของปีงบประมาณ 2565 (ใช้ได้: AA, A, B, C, D, E, F)' },
    ]);
    expect(errorsOf({ fiscalYear: 2567, indicators: seedRaw().indicators, official: { level: 'C' } })).toEqual([
      {
        field: 'official.level',
        message: 'ระดับ "C" ไม่มีในเกณฑ์ของปีงบประมาณ 2567 (ใช้ได้: ผ่านดีเยี่ยม, ผ่านดี, ผ่าน, ต้องปรับปรุง, ต้องปรับปรุงโดยด่วน)',
      },
    ]);
  });

  it('bad OIT outcomes', () => {
    const raw = seedRaw();
    raw.oit = { O1: { passed: 'maybe' }, O2: { reason: 'ไม่มี' }, O3: { passed: false, reason: 5 } };
    expect(errorsOf(raw)).toEqual([
      { field: 'oit.O1', message: 'ต้องเป็น ผ่าน หรือ ไม่ผ่าน (ได้ "maybe")' },
      { field: 'oit.O2', message: 'ต้องระบุผล ผ่าน หรือ ไม่ผ่าน (ช่อง passed)' },
      { field: 'oit.O3', message: 'เหตุผล (reason) ต้องเป็นข้อความ' },
    ]);
  });

  it('unknown top-level keys and wrong shapes', () => {
    expect(errorsOf({ ...seedRaw(), indicator: {} })).toEqual([{ field: 'indicator', message: 'ไม่รู้จักช่อง "indicator"' }]);
    expect(errorsOf({ ...seedRaw(), indicators: [1, 2] })).toEqual([
      { field: 'indicators', message: 'ต้องเป็นออบเจกต์ เช่น {"1": 86.05, "2": 76.39, …}' },
    ]);
    expect(errorsOf({ ...seedRaw(), official: 65.66, oit: ['O2'] })).toEqual([
      { field: 'official', message: 'ต้องเป็นออบเจกต์ เช่น {"score": 65.66, "level": "C"}' },
      { field: 'oit', message: 'ต้องเป็นออบเจกต์ เช่น {"O2": {"passed": false, "reason": "…"}}' },
    ]);
    const { indicators: _i, ...none } = seedRaw();
    expect(errorsOf(none)).toEqual([{ field: 'indicators', message: 'ต้องระบุข้อมูลนี้ เช่น {"1": 86.05, "2": 76.39, …}' }]);
  });

  it('not an object at all', () => {
    for (const raw of [null, 42, 'x', [seedRaw()]]) {
      expect(errorsOf(raw)).toEqual([{ field: '', message: 'ข้อมูลต้องเป็นออบเจกต์ JSON ({ … }) ตามรูปแบบการนำเข้าผลการประเมิน' }]);
    }
  });

  it('collects every error at once, in the order of the format', () => {
    const raw = seedRaw();
    raw.indicators['3'] = 120;
    raw.indicators['12'] = 1;
    raw.oit = { O99: true };
    raw.official.level = 'Z';
    raw.extra = 1;
    expect(errorsOf(raw).map((e) => e.field)).toEqual(['extra', 'official.level', 'indicators.3', 'indicators.12', 'oit.O99']);
  });

  it('takes the catalogue lookup as a function too', () => {
    const cat = fy2565Catalogue();
    const r = parseResultsJson(seedRaw(), (y) => (y === 2565 ? cat : undefined));
    expect(r.ok).toBe(true);
  });
});
