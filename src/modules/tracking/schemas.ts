/** Form input of tracked measures, validated with Thai messages naming the field. */
import { z } from 'zod';
import { MEASURE_STATUSES } from './domain/types.js';

import { beDate, beDateMessage, optionalBeDate } from '../../shared/date-input.js';

const isoDate = (label: string) => beDate(beDateMessage(label));
const lines = (max: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v.join('\n') : v ?? ''),
    z.string().max(max, `ข้อความยาวเกิน ${max} ตัวอักษร`).transform((s) => s.split('\n').map((l) => l.trim()).filter(Boolean)),
  );

/** What the unit staff and the coordinator change on a measure; a progress note is optional. */
export const measureUpdateSchema = z
  .object({
    status: z.enum(MEASURE_STATUSES, { error: 'กรุณาเลือกสถานะการดำเนินงาน' }),
    activities: lines(4000),
    responsiblePerson: z.string().trim().max(200, '"ผู้รับผิดชอบ" ยาวเกิน 200 ตัวอักษร').default(''),
    plannedFrom: isoDate('วันที่เริ่ม'),
    plannedTo: isoDate('วันที่สิ้นสุด'),
    doneOn: optionalBeDate(beDateMessage('วันที่แล้วเสร็จ')),
    outputsTh: z.string().trim().max(2000, '"ผลผลิต" ยาวเกิน 2000 ตัวอักษร').default(''),
    indicatorsTh: z.string().trim().max(2000, '"ตัวชี้วัด" ยาวเกิน 2000 ตัวอักษร').default(''),
    note: z.string().trim().max(4000, '"ความก้าวหน้า" ยาวเกิน 4000 ตัวอักษร').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.plannedTo < v.plannedFrom) ctx.addIssue({ code: 'custom', path: ['plannedTo'], message: 'วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม' });
    if (v.status === 'done' && !v.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'กรุณาระบุวันที่ดำเนินการแล้วเสร็จ' });
  });
export type MeasureUpdate = z.infer<typeof measureUpdateSchema>;

export const evidenceInputSchema = z.object({
  title: z.string().trim().min(1, 'กรุณากรอกชื่อหลักฐาน').max(300, 'ชื่อหลักฐานยาวเกิน 300 ตัวอักษร'),
  url: z.union([z.literal(''), z.string().trim().url('ลิงก์ไม่ถูกต้อง (ต้องขึ้นต้นด้วย https://)').max(2000)]).default(''),
});
