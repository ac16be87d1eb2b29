/** Inputs of the OIT module, with Thai messages keyed by field. */
import { z } from 'zod';
import { httpUrl } from '../../shared/url.js';
import { OIT_STATUSES } from './domain/checks.js';
import { toBE } from './domain/text-facts.js';
import { toArabicDigits } from '../../shared/thai.js';

/**
 * A date as typed: ISO from a date input (C.E.), or "1/10/2564" / "01-10-2021" where the
 * browser shows a text box. Returns ISO C.E. or undefined if it is not a real date.
 */
export function parseDateInput(raw: string): string | undefined {
  const s = toArabicDigits(raw.trim());
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return undefined;
  const be = toBE(y);
  if (!be) return undefined;
  const ce = be - 543;
  const date = new Date(Date.UTC(ce, m - 1, d));
  if (date.getUTCFullYear() !== ce || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const optionalDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const d = parseDateInput(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return d;
    });

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat().map((s) => s.trim()).filter(Boolean)));

export const assignSchema = z.object({
  unitId: z.string().optional().transform((v) => (v ? v : null)),
  userIds: list,
  dueDate: optionalDate('วันที่กำหนดส่งไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 30/4/2569'),
});
export type AssignInput = z.output<typeof assignSchema>;

export const statusSchema = z.object({
  status: z.enum(OIT_STATUSES, { message: 'กรุณาเลือกสถานะ' }),
});

const periodFields = {
  periodFrom: optionalDate('วันที่เริ่มต้นของช่วงเวลาไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 1/10/2568'),
  periodTo: optionalDate('วันที่สิ้นสุดของช่วงเวลาไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 31/3/2569'),
};
const checkPeriod = (v: { periodFrom: string | null; periodTo: string | null }, ctx: z.RefinementCtx) => {
  if ((v.periodFrom === null) !== (v.periodTo === null)) {
    ctx.addIssue({ code: 'custom', path: [v.periodFrom ? 'periodTo' : 'periodFrom'], message: 'กรุณาระบุช่วงเวลาให้ครบทั้งวันเริ่มต้นและวันสิ้นสุด หรือเว้นว่างทั้งสองช่อง' });
  } else if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo) {
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น' });
  }
};

export const fileEvidenceSchema = z
  .object({
    title: z.string().trim().max(300, 'ชื่อหลักฐานยาวเกิน 300 ตัวอักษร').optional().default(''),
    ...periodFields,
    elements: list,
  })
  .superRefine(checkPeriod);
export type FileEvidenceInput = z.output<typeof fileEvidenceSchema>;

export const linkEvidenceSchema = z
  .object({
    title: z.string().trim().min(1, 'กรุณาระบุชื่อลิงก์').max(300, 'ชื่อลิงก์ยาวเกิน 300 ตัวอักษร'),
    url: httpUrl('ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://'),
    ...periodFields,
    elements: list,
  })
  .superRefine(checkPeriod);
export type LinkEvidenceInput = z.output<typeof linkEvidenceSchema>;

export const editEvidenceSchema = z
  .object({
    title: z.string().trim().min(1, 'กรุณาระบุชื่อหลักฐาน').max(300, 'ชื่อหลักฐานยาวเกิน 300 ตัวอักษร'),
    url: z.union([z.literal(''), httpUrl('ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://')]).optional().default(''),
    ...periodFields,
    elements: list,
  })
  .superRefine(checkPeriod);
export type EditEvidenceInput = z.output<typeof editEvidenceSchema>;

const lines = z
  .string()
  .optional()
  .default('')
  .transform((s) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 200));

export const structureSchema = z.object({
  political: lines,
  permanent: lines,
});
export type StructureInput = z.output<typeof structureSchema>;

const text = (max: number) => z.string().trim().max(max, `ยาวเกิน ${max} ตัวอักษร`).optional().default('');
export const contactSchema = z.object({
  address: text(500),
  phone: text(100),
  fax: text(100),
  email: z.union([z.literal(''), z.email('อีเมลไม่ถูกต้อง')]).optional().default(''),
  mapUrl: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .default('')
    .refine((u) => u === '' || (/^https?:\/\//i.test(u) && URL.canParse(u)), 'ลิงก์แผนที่ต้องขึ้นต้นด้วย https://'),
  hours: text(200),
});
export type ContactInput = z.output<typeof contactSchema>;
