/**
 * Validation of an improvement-plan row as an officer edits it (form or XLSX row). Messages are
 * Thai and keyed by the row's field names, so the edit form can link its error summary to fields.
 */
import { z } from 'zod';
import type { FieldError } from '../../../shared/errors.js';
import { fiscalYearRange } from '../../../shared/fiscal.js';
import { BE_DATE_HINT, formatThaiDate, parseBeDateInput } from '../../../shared/thai.js';
import type { ImprovementPlan, PlanRow } from './types.js';

export interface PlanValidationContext {
  /** The agency's internal units; the responsible unit must be one of them. */
  units: string[];
  /** The fiscal year (B.E.) in which the measures are carried out. */
  targetYear: number;
}

/** The fields of a row an officer can edit. */
export type PlanRowEdit = Pick<
  PlanRow,
  'weaknessTh' | 'steps' | 'responsibleUnit' | 'monitoring' | 'sixMonthDue' | 'twelveMonthDue'
>;

export const PLAN_ROW_FIELDS = ['weaknessTh', 'steps', 'responsibleUnit', 'monitoring', 'sixMonthDue', 'twelveMonthDue'] as const;

export const PLAN_MESSAGES = {
  weaknessRequired: 'ต้องระบุประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อน',
  stepsRequired: 'ต้องระบุขั้นตอนหรือวิธีการอย่างน้อยหนึ่งขั้นตอน',
  monitoringRequired: 'ต้องระบุการรายงานผลและการกำกับติดตามอย่างน้อยหนึ่งขั้นตอน',
  unitRequired: 'ต้องระบุผู้รับผิดชอบ',
  unitUnknown: (units: string[]) => `ผู้รับผิดชอบต้องเป็นหน่วยงานภายในที่กำหนดไว้ ได้แก่ ${units.join(', ')}`,
  dateRequired: 'ต้องระบุกำหนดรายงาน',
  dateInvalid: `วันที่ไม่ถูกต้อง ต้องเป็นวันที่ที่มีอยู่จริง เขียนแบบ ${BE_DATE_HINT}`,
  dateBeforeYear: (targetYear: number) =>
    `กำหนดรายงานต้องอยู่ในหรือหลังปีงบประมาณ พ.ศ. ${targetYear} (ตั้งแต่ ${formatThaiDate(fiscalYearRange(targetYear).from)})`,
  sixAfterTwelve: 'กำหนดรายงานรอบ 6 เดือนต้องไม่ช้ากว่ากำหนดรายงานรอบ 12 เดือน',
} as const;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** A textarea gives one step per line; a JSON body or the XLSX reader gives an array. */
const lines = (value: unknown): unknown => {
  const list = typeof value === 'string' ? value.split(/\r?\n/) : value;
  return Array.isArray(list) ? list.map((l) => (typeof l === 'string' ? l.trim() : l)).filter((l) => l !== '') : list;
};

/**
 * The zod schema of an edited row. Field errors carry the field name as the first path segment.
 * @example planRowSchema({ units: ['สำนักปลัด'], targetYear: 2566 }).safeParse(form)
 */
export function planRowSchema(ctx: PlanValidationContext) {
  const fyStart = fiscalYearRange(ctx.targetYear).from;
  const due = z
    .string({ error: PLAN_MESSAGES.dateRequired })
    .trim()
    .min(1, { error: PLAN_MESSAGES.dateRequired, abort: true })
    // The form's field is a BE date (31/03/2568); files and JSON may send ISO (CE).
    .refine((d) => parseBeDateInput(d) !== null, { error: PLAN_MESSAGES.dateInvalid, abort: true })
    .transform((d) => parseBeDateInput(d)!)
    .refine((d) => d >= fyStart, { error: PLAN_MESSAGES.dateBeforeYear(ctx.targetYear) });
  const stepList = (required: string) =>
    z.preprocess(lines, z.array(z.string({ error: required }), { error: required }).min(1, { error: required }));

  return z
    .object({
      weaknessTh: z.string({ error: PLAN_MESSAGES.weaknessRequired }).trim().min(1, { error: PLAN_MESSAGES.weaknessRequired }),
      steps: stepList(PLAN_MESSAGES.stepsRequired),
      responsibleUnit: z
        .string({ error: PLAN_MESSAGES.unitRequired })
        .trim()
        .min(1, { error: PLAN_MESSAGES.unitRequired, abort: true })
        .refine((u) => ctx.units.includes(u), { error: PLAN_MESSAGES.unitUnknown(ctx.units) }),
      monitoring: stepList(PLAN_MESSAGES.monitoringRequired),
      sixMonthDue: due,
      twelveMonthDue: due,
    })
    .refine((r) => r.sixMonthDue <= r.twelveMonthDue, {
      error: PLAN_MESSAGES.sixAfterTwelve,
      path: ['sixMonthDue'],
      // Compare the dates even when another field is wrong, so the officer sees every problem at once.
      when: (payload) => {
        const v = payload.value as Record<string, unknown> | undefined;
        const ok = (d: unknown) => typeof d === 'string' && parseBeDateInput(d) !== null;
        return ok(v?.['sixMonthDue']) && ok(v?.['twelveMonthDue']);
      },
    });
}

export type PlanRowValidation = { ok: true; value: PlanRowEdit } | { ok: false; errors: FieldError[] };

/**
 * Validates an edited row. `row` (1-based) is copied onto every error when the row comes from a file.
 */
export function validatePlanRow(input: unknown, ctx: PlanValidationContext, row?: number): PlanRowValidation {
  const parsed = planRowSchema(ctx).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as PlanRowEdit };
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    // `steps.2` → `steps`: the form has one field for all steps.
    const field = String(issue.path[0] ?? '');
    const error: FieldError = { field, message: issue.message, ...(row !== undefined ? { row } : {}) };
    if (!errors.some((e) => e.field === error.field && e.message === error.message)) errors.push(error);
  }
  return { ok: false, errors };
}

/**
 * Validates a whole plan: every row, unique ids, and the years. Field names are `rows.<index>.<field>`.
 */
export function validatePlan(plan: ImprovementPlan, units: string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (plan.targetYear !== plan.resultsYear + 1) {
    errors.push({ field: 'targetYear', message: 'ปีงบประมาณที่ดำเนินการต้องเป็นปีถัดจากปีของผลการประเมิน' });
  }
  const ids = new Set<string>();
  plan.rows.forEach((r, i) => {
    if (!r.id) errors.push({ field: `rows.${i}.id`, message: 'แถวต้องมีรหัส' });
    else if (ids.has(r.id)) errors.push({ field: `rows.${i}.id`, message: `รหัสแถว ${r.id} ซ้ำ` });
    ids.add(r.id);
    const result = validatePlanRow(r, { units, targetYear: plan.targetYear });
    if (!result.ok) for (const e of result.errors) errors.push({ ...e, field: `rows.${i}.${e.field}` });
  });
  plan.drivingMeasures.forEach((m, i) => {
    if (!m.titleTh.trim()) errors.push({ field: `drivingMeasures.${i}.titleTh`, message: 'ต้องระบุชื่อมาตรการ' });
  });
  return errors;
}
