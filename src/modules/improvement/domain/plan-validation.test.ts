import { describe, expect, it } from 'vitest';
import { PLAN_MESSAGES, isIsoDate, validatePlan, validatePlanRow } from './plan-validation.js';
import type { ImprovementPlan } from './types.js';

const ctx = { units: ['สำนักปลัด', 'กองคลัง'], targetYear: 2566 };
const valid = {
  weaknessTh: 'รายงานผลการใช้จ่ายงบประมาณขาดหัวข้อปัญหาและอุปสรรค',
  steps: ['เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะ', 'เผยแพร่บนเว็บไซต์'],
  responsibleUnit: 'กองคลัง',
  monitoring: ['รายงานผลรอบ 6 เดือน', 'รายงานผลรอบ 12 เดือน'],
  sixMonthDue: '2023-04-30',
  twelveMonthDue: '2023-10-31',
};

const errorsOf = (input: unknown, row?: number) => {
  const r = validatePlanRow(input, ctx, row);
  return r.ok ? [] : r.errors;
};

describe('validatePlanRow', () => {
  it('accepts a complete row and trims it', () => {
    const r = validatePlanRow({ ...valid, weaknessTh: `  ${valid.weaknessTh}  `, responsibleUnit: ' กองคลัง ' }, ctx);
    expect(r).toEqual({ ok: true, value: valid });
  });

  it('requires a weakness', () => {
    expect(errorsOf({ ...valid, weaknessTh: '   ' })).toEqual([{ field: 'weaknessTh', message: PLAN_MESSAGES.weaknessRequired }]);
    expect(errorsOf({ ...valid, weaknessTh: undefined })).toEqual([{ field: 'weaknessTh', message: PLAN_MESSAGES.weaknessRequired }]);
  });

  it('requires at least one step; a textarea gives one step per line', () => {
    expect(errorsOf({ ...valid, steps: [] })).toEqual([{ field: 'steps', message: PLAN_MESSAGES.stepsRequired }]);
    expect(errorsOf({ ...valid, steps: '\n  \n' })).toEqual([{ field: 'steps', message: PLAN_MESSAGES.stepsRequired }]);
    const r = validatePlanRow({ ...valid, steps: 'ขั้นที่หนึ่ง\r\n\r\n  ขั้นที่สอง ' }, ctx);
    expect(r.ok && r.value.steps).toEqual(['ขั้นที่หนึ่ง', 'ขั้นที่สอง']);
  });

  it('requires monitoring', () => {
    expect(errorsOf({ ...valid, monitoring: [''] })).toEqual([{ field: 'monitoring', message: PLAN_MESSAGES.monitoringRequired }]);
  });

  it('requires the responsible unit to be one of the agency units', () => {
    expect(errorsOf({ ...valid, responsibleUnit: 'กองสาธารณสุข' })).toEqual([
      { field: 'responsibleUnit', message: 'ผู้รับผิดชอบต้องเป็นหน่วยงานภายในที่กำหนดไว้ ได้แก่ สำนักปลัด, กองคลัง' },
    ]);
    expect(errorsOf({ ...valid, responsibleUnit: '' })).toEqual([{ field: 'responsibleUnit', message: PLAN_MESSAGES.unitRequired }]);
  });

  it('requires real dates, written BE (as the form shows them) or ISO (files)', () => {
    expect(errorsOf({ ...valid, sixMonthDue: '2023-02-30' })).toEqual([{ field: 'sixMonthDue', message: PLAN_MESSAGES.dateInvalid }]);
    expect(errorsOf({ ...valid, sixMonthDue: '30/2/2566' })).toEqual([{ field: 'sixMonthDue', message: PLAN_MESSAGES.dateInvalid }]);
    // A CE year typed in the BE field is refused, not read as 543 years ago.
    expect(errorsOf({ ...valid, twelveMonthDue: '31/10/2023' })).toEqual([{ field: 'twelveMonthDue', message: PLAN_MESSAGES.dateInvalid }]);
    expect(PLAN_MESSAGES.dateInvalid).toContain('พ.ศ.');
    const parsed = validatePlanRow({ ...valid, sixMonthDue: '๓๐/๔/๒๕๖๖', twelveMonthDue: '31 ต.ค. 2566' }, ctx);
    expect(parsed.ok && [parsed.value.sixMonthDue, parsed.value.twelveMonthDue]).toEqual(['2023-04-30', '2023-10-31']);
    expect(errorsOf({ ...valid, twelveMonthDue: '' })).toEqual([{ field: 'twelveMonthDue', message: PLAN_MESSAGES.dateRequired }]);
  });

  it('requires the 6-month report not after the 12-month one, even when other fields are wrong', () => {
    expect(errorsOf({ ...valid, sixMonthDue: '2023-11-01' })).toEqual([{ field: 'sixMonthDue', message: PLAN_MESSAGES.sixAfterTwelve }]);
    expect(errorsOf({ ...valid, weaknessTh: '', sixMonthDue: '2023-11-01' })).toEqual([
      { field: 'weaknessTh', message: PLAN_MESSAGES.weaknessRequired },
      { field: 'sixMonthDue', message: PLAN_MESSAGES.sixAfterTwelve },
    ]);
    expect(errorsOf({ ...valid, sixMonthDue: '2023-10-31' })).toEqual([]);
  });

  it('requires both dates inside or after the target fiscal year', () => {
    const message = PLAN_MESSAGES.dateBeforeYear(2566);
    expect(message).toBe('กำหนดรายงานต้องอยู่ในหรือหลังปีงบประมาณ พ.ศ. 2566 (ตั้งแต่ 1 ตุลาคม 2565)');
    expect(errorsOf({ ...valid, sixMonthDue: '2022-09-30' })).toEqual([{ field: 'sixMonthDue', message }]);
    expect(errorsOf({ ...valid, sixMonthDue: '2022-10-01' })).toEqual([]);
    expect(errorsOf({ ...valid, twelveMonthDue: '2024-01-31' })).toEqual([]);
  });

  it('copies the file row onto every error', () => {
    expect(errorsOf({ ...valid, weaknessTh: '', steps: [] }, 7)).toEqual([
      { field: 'weaknessTh', row: 7, message: PLAN_MESSAGES.weaknessRequired },
      { field: 'steps', row: 7, message: PLAN_MESSAGES.stepsRequired },
    ]);
  });
});

describe('validatePlan', () => {
  const plan = (): ImprovementPlan => ({
    resultsYear: 2565,
    targetYear: 2566,
    rows: [
      { id: 'a', order: 1, source: { kind: 'manual' }, ...valid },
      { id: 'a', order: 2, source: { kind: 'oit', code: 'O20' }, ...valid, responsibleUnit: 'กองช่าง' },
    ],
    drivingMeasures: [{ order: 1, titleTh: '', detailTh: 'x' }],
  });

  it('reports duplicate ids, row errors with their index, and untitled measures', () => {
    expect(validatePlan(plan(), ctx.units)).toEqual([
      { field: 'rows.1.id', message: 'รหัสแถว a ซ้ำ' },
      { field: 'rows.1.responsibleUnit', message: PLAN_MESSAGES.unitUnknown(ctx.units) },
      { field: 'drivingMeasures.0.titleTh', message: 'ต้องระบุชื่อมาตรการ' },
    ]);
  });

  it('requires the target year to follow the results year', () => {
    expect(validatePlan({ ...plan(), rows: [], drivingMeasures: [], targetYear: 2567 }, ctx.units)).toEqual([
      { field: 'targetYear', message: 'ปีงบประมาณที่ดำเนินการต้องเป็นปีถัดจากปีของผลการประเมิน' },
    ]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-4-30', false],
    ['2023-04-30T00:00', false],
    [20230430, false],
  ])('%s → %s', (v, ok) => expect(isIsoDate(v)).toBe(ok));
});
