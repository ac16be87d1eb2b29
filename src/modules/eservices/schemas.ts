/** zod schemas of e-service forms and the JSON API, with Thai messages keyed by field. */
import { z } from 'zod';
import { CATEGORIES } from './domain/states.js';

const intIn = (min: number, max: number, label: string) =>
  z.coerce.number(`${label}ต้องเป็นตัวเลข`).int(`${label}ต้องเป็นจำนวนเต็ม`).min(min, `${label}ต้องไม่น้อยกว่า ${min}`).max(max, `${label}ต้องไม่เกิน ${max}`);

/** The service settings form (the fields editor is parsed separately). */
export const serviceSettingsSchema = z.object({
  nameTh: z.string().trim().min(1, 'กรุณาระบุชื่องานบริการ').max(200, 'ชื่องานบริการยาวเกิน 200 ตัวอักษร'),
  category: z.enum(CATEGORIES, 'ประเภทไม่ถูกต้อง'),
  descriptionTh: z.string().trim().max(2000, 'คำอธิบายยาวเกิน 2,000 ตัวอักษร'),
  documentsTh: z.string().trim().max(2000, 'รายการเอกสารยาวเกิน 2,000 ตัวอักษร'),
  feeTh: z.string().trim().max(500, 'ค่าธรรมเนียมยาวเกิน 500 ตัวอักษร'),
  timeLimitDays: intIn(1, 365, 'ระยะเวลาตามกฎหมาย '),
  retentionDays: intIn(30, 3650 * 2, 'ระยะเวลาเก็บรักษาข้อมูล '),
  purposeTh: z.string().trim().min(1, 'กรุณาระบุวัตถุประสงค์การใช้ข้อมูลส่วนบุคคล').max(1000, 'วัตถุประสงค์ยาวเกิน 1,000 ตัวอักษร'),
  unitId: z.string().trim().optional().transform((v) => (v ? v : null)),
  enabled: z.boolean(),
});
export type ServiceSettings = z.output<typeof serviceSettingsSchema>;

/** Optional contact for updates (no account). */
export const contactSchema = z
  .object({
    phone: z.string().trim().max(20, 'หมายเลขโทรศัพท์ยาวเกินไป').optional(),
    email: z.union([z.literal(''), z.email('อีเมลไม่ถูกต้อง').max(200)]).optional(),
    /** A LINE user id (from a LINE OA front end's webhook), for updates by the LINE Messaging API. */
    lineUserId: z.string().trim().regex(/^U[0-9a-f]{32}$/, 'LINE user id ไม่ถูกต้อง (ขึ้นต้นด้วย U ตามด้วยเลขฐานสิบหก 32 หลัก)').optional(),
  })
  .strict();

/** `POST /a/{slug}/api/services/{id}/requests` */
export const apiRequestSchema = z
  .object({
    fields: z.record(z.string(), z.unknown(), 'ต้องส่ง fields เป็นออบเจกต์'),
    contact: contactSchema.optional(),
  })
  .strict();

/** `POST /a/{slug}/api/requests/status` */
export const apiStatusSchema = z.object({ trackingCode: z.string('กรุณาระบุรหัสติดตาม').trim().min(1, 'กรุณาระบุรหัสติดตาม').max(40) });

export const messageSchema = z.object({ body: z.string().trim().min(1, 'กรุณาพิมพ์ข้อความ').max(4000, 'ข้อความยาวเกิน 4,000 ตัวอักษร') });

export const replyTemplateSchema = z.object({
  title: z.string().trim().min(1, 'กรุณาระบุชื่อแม่แบบ').max(200),
  body: z.string().trim().min(1, 'กรุณาระบุข้อความ').max(4000, 'ข้อความยาวเกิน 4,000 ตัวอักษร'),
});
