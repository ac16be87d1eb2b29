import { describe, expect, it } from 'vitest';
import { displayValue, formDefinitionSchema, isValidNationalId, normalisePhone, parseThaiDate, validateValues, type FormField } from './fields.js';
import { normaliseTrackingCode, trackingCodeFrom, isOverdue } from './states.js';
import { validateAnswers } from '../../surveys/domain/questions.js';

describe('typed request fields', () => {
  it('checks the national ID check digit, with dashes and Thai digits', () => {
    expect(isValidNationalId('1101700203450')).toBe(true);
    expect(isValidNationalId('1-1017-00203-45-0')).toBe(true);
    expect(isValidNationalId('๑๑๐๑๗๐๐๒๐๓๔๕๐')).toBe(true);
    expect(isValidNationalId('1101700203451')).toBe(false);
    expect(isValidNationalId('110170020345')).toBe(false);
  });

  it('reads Buddhist-era dates and ISO dates, and refuses days that do not exist', () => {
    expect(parseThaiDate('15/01/2569')).toBe('2026-01-15');
    expect(parseThaiDate('๒๙/๐๒/๒๕๖๗')).toBe('2024-02-29');
    expect(parseThaiDate('29/02/2569')).toBeUndefined();
    expect(parseThaiDate('2026-01-15')).toBe('2026-01-15');
    expect(parseThaiDate('15 ม.ค. 69')).toBeUndefined();
  });

  it('normalises Thai phone numbers', () => {
    expect(normalisePhone('081-234-5678')).toBe('0812345678');
    expect(normalisePhone('+66812345678')).toBe('0812345678');
    expect(normalisePhone('02 123 4567')).toBe('021234567');
    expect(normalisePhone('12345')).toBeUndefined();
  });

  it('validates values per field with Thai messages naming the field', () => {
    const form: FormField[] = [
      { key: 'born', label: 'วันเกิด', type: 'date', required: true },
      { key: 'where', label: 'สถานที่', type: 'location', required: true },
      { key: 'size', label: 'พื้นที่', type: 'number', required: false },
      { key: 'doc', label: 'เอกสาร', type: 'file', required: true },
    ];
    const bad = validateValues(form, { born: '31/04/2569', 'where.lat': '200', 'where.lng': '1', size: 'มาก' });
    expect('errors' in bad && bad.errors.map((e) => [e.field, e.message])).toEqual([
      ['born', 'วันเกิด: วันที่ไม่ถูกต้อง กรุณากรอกเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 15/01/2569'],
      ['where', 'สถานที่: พิกัดไม่ถูกต้อง'],
      ['size', 'พื้นที่: ต้องเป็นตัวเลข'],
      ['doc', 'เอกสาร: กรุณาแนบไฟล์'],
    ]);
    const ok = validateValues(form, { born: '01/05/2569', where: 'หน้าวัด', 'where.lat': '15.1', 'where.lng': '104.2', size: '๑,๒๐๐' }, new Set(['doc']));
    expect(ok).toEqual({ values: { born: '2026-05-01', where: { address: 'หน้าวัด', lat: 15.1, lng: 104.2 }, size: 1200 } });
    // Without JavaScript a location is just the address.
    expect(validateValues(form, { born: '01/05/2569', where: 'ตลาด' }, new Set(['doc']))).toEqual({ values: { born: '2026-05-01', where: { address: 'ตลาด' } } });
  });

  it('masks personal values for staff who do not handle the request', () => {
    expect(displayValue({ type: 'national-id' }, '1101700203451', false)).toBe('x-xxxx-xxxxx-45-1');
    expect(displayValue({ type: 'phone' }, '0812345678', false)).toBe('xxx-xxx-5678');
    expect(displayValue({ type: 'phone' }, '0812345678', true)).toBe('0812345678');
    expect(displayValue({ type: 'text' }, 'ไฟดับ', false)).toBe('ไฟดับ');
  });

  it('refuses a form definition with duplicate keys or a choice without options', () => {
    const r = formDefinitionSchema.safeParse([
      { key: 'a', label: 'ก', type: 'text', required: true },
      { key: 'a', label: 'ข', type: 'choice', required: false, options: ['เดียว'] },
    ]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['รหัสช่อง "a" ซ้ำกัน', 'ช่องแบบตัวเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ']));
  });
});

describe('tracking codes and due dates', () => {
  it('makes codes from random bytes and reads what citizens type', () => {
    const code = trackingCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toBe('ES-23456-789AB');
    expect(normaliseTrackingCode('es 23456 789ab')).toBe(code);
    expect(normaliseTrackingCode('ES-23456-789A0')).toBeUndefined(); // 0 is not in the alphabet
  });
  it('marks open requests past their due date and requests closed late', () => {
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-01-10', closedOn: null }, '2026-01-11')).toBe(true);
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-01-10', closedOn: null }, '2026-01-10')).toBe(false);
    expect(isOverdue({ state: 'done', dueDate: '2026-01-10', closedOn: '2026-01-09' }, '2026-02-01')).toBe(false);
  });
});

describe('survey answers', () => {
  it('checks answers against question types', () => {
    const qs = [
      { key: 'a', text: 'พอใจ', type: 'likert4' as const, required: true },
      { key: 'b', text: 'แนะนำ', type: 'yesno' as const, required: true },
      { key: 'c', text: 'ช่องทาง', type: 'choice' as const, required: false, options: ['เว็บ', 'LINE'] },
    ];
    expect(validateAnswers(qs, { a: '5', b: 'maybe', c: 'โทร' })).toEqual({
      errors: [
        { field: 'a', message: 'ข้อ "พอใจ" ต้องเลือกระดับ 1 ถึง 4' },
        { field: 'b', message: 'ข้อ "แนะนำ" ต้องตอบ ใช่ หรือ ไม่ใช่' },
        { field: 'c', message: 'ข้อ "ช่องทาง" ต้องเลือกจากตัวเลือกที่กำหนด' },
      ],
    });
    expect(validateAnswers(qs, { a: '4', b: 'yes' })).toEqual({ answers: { a: 4, b: true } });
  });
});
