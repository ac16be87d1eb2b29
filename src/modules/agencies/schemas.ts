/** Inputs of the agencies module, with Thai messages keyed by field. */
import { z } from 'zod';
import { httpUrl } from '../../shared/url.js';
import { AGENCY_TYPES, SLUG_PATTERN } from './domain/agency.js';

const trimmed = (max: number, required = 'ต้องระบุข้อมูลนี้') => z.string().trim().min(1, required).max(max, `ยาวเกิน ${max} ตัวอักษร`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `ยาวเกิน ${max} ตัวอักษร`).optional().transform((v) => (v ? v : null));

export const agencyProfileSchema = z.object({
  nameTh: trimmed(200, 'กรุณาระบุชื่อหน่วยงาน'),
  nameEn: optionalText(200),
  type: z.enum(AGENCY_TYPES.map((t) => t.code) as [string, ...string[]], { message: 'กรุณาเลือกประเภทหน่วยงาน' }),
  province: trimmed(100, 'กรุณาระบุจังหวัด'),
  address: optionalText(500),
  phone: optionalText(100),
  email: z.union([z.literal(''), z.email('อีเมลไม่ถูกต้อง')]).optional().transform((v) => (v ? v : null)),
  websiteUrl: z
    .union([z.literal(''), httpUrl('ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย https:// หรือ http://', 500)])
    .optional()
    .transform((v) => (v ? v : null)),
  digits: z.enum(['thai', 'arabic'], { message: 'กรุณาเลือกรูปแบบตัวเลข' }).default('thai'),
});
export type AgencyProfileInput = z.output<typeof agencyProfileSchema>;

export const newAgencySchema = agencyProfileSchema.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, 'ชื่อย่อในลิงก์ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เช่น pru-yai'),
});
export type NewAgencyInput = z.output<typeof newAgencySchema>;

export const unitSchema = z.object({
  nameTh: trimmed(200, 'กรุณาระบุชื่อหน่วยงานย่อย'),
  sortOrder: z.coerce.number({ message: 'ลำดับต้องเป็นตัวเลข' }).int('ลำดับต้องเป็นจำนวนเต็ม').min(0).max(999).default(0),
});

export const executiveSchema = z.object({
  kind: z.enum(['political', 'permanent'], { message: 'กรุณาเลือกประเภทผู้บริหาร' }),
  nameTh: trimmed(200, 'กรุณาระบุชื่อ-นามสกุล'),
  positionTh: trimmed(200, 'กรุณาระบุตำแหน่ง'),
  phone: optionalText(100),
  email: z.union([z.literal(''), z.email('อีเมลไม่ถูกต้อง')]).optional().transform((v) => (v ? v : null)),
  sortOrder: z.coerce.number({ message: 'ลำดับต้องเป็นตัวเลข' }).int().min(0).max(999).default(0),
});
export type ExecutiveInput = z.output<typeof executiveSchema>;
