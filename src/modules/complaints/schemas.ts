/** Input of the channel, with Thai messages per field. The JSON API and the HTML forms share these. */
import { z } from 'zod';
import { beDate, beDateMessage } from '../../shared/date-input.js';
import { CATEGORIES, OUTCOMES, OUTSIDE_BODIES, STAFF_CHANNELS } from './domain/types.js';

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}ต้องเป็นข้อความ` })
    .trim()
    .max(max, { error: `${label}ยาวเกิน ${max} ตัวอักษร` })
    .optional()
    .transform((v) => (v ? v : undefined));

export const MAX_DESCRIPTION = 20_000;

/** What the JSON API accepts (POST /a/{slug}/api/corruption-reports). Unknown fields are refused. */
export const reportInput = z
  .object({
    category: z.enum(CATEGORIES, { error: 'กรุณาเลือกประเภทเรื่องจากรายการ (bribery, procurement, abuse_of_power, misuse_of_assets, conflict_of_interest, other)' }),
    description: z
      .string({ error: 'กรุณาเล่าเหตุการณ์ที่พบ' })
      .trim()
      .min(10, { error: 'กรุณาเล่าเหตุการณ์ที่พบอย่างน้อย 10 ตัวอักษร' })
      .max(MAX_DESCRIPTION, { error: `รายละเอียดยาวเกิน ${MAX_DESCRIPTION} ตัวอักษร` }),
    who: optionalText(500, 'ผู้เกี่ยวข้อง'),
    when: optionalText(200, 'วันเวลาที่เกิดเหตุ'),
    where: optionalText(500, 'สถานที่'),
    involvesExecutive: z.boolean({ error: 'กรุณาระบุว่าเรื่องเกี่ยวข้องกับผู้บริหารหรือไม่ (true หรือ false)' }),
    executiveId: z.string().max(100).optional(),
    excludeHandlerIds: z.array(z.string().max(100), { error: 'รายชื่อผู้ที่ไม่ต้องการให้เห็นเรื่องต้องเป็นรายการ' }).max(20).optional(),
    identity: z
      .object({
        name: optionalText(200, 'ชื่อ'),
        phone: optionalText(50, 'เบอร์โทรศัพท์'),
        email: optionalText(200, 'อีเมล'),
        nationalId: optionalText(13, 'เลขประจำตัวประชาชน'),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ReportInput = z.output<typeof reportInput>;

export const receiptInput = z.object({ receipt: z.string({ error: 'กรุณากรอกรหัสติดตามเรื่อง 16 หลัก' }).max(64, { error: 'รหัสติดตามเรื่องต้องเป็นตัวเลข 16 หลัก' }) }).strict();

export const replyInput = z.object({
  receipt: z.string().max(64),
  message: z.string().trim().min(1, { error: 'กรุณาพิมพ์ข้อความ' }).max(MAX_DESCRIPTION, { error: `ข้อความยาวเกิน ${MAX_DESCRIPTION} ตัวอักษร` }),
});

/** The HTML report form: flat fields from a multipart body. */
export const reportForm = z.object({
  category: z.string(),
  description: z.string(),
  who: z.string().optional(),
  when: z.string().optional(),
  where: z.string().optional(),
  involvesExecutive: z.string().optional(),
  executiveId: z.string().optional(),
  identify: z.string().optional(),
  'identity.name': z.string().optional(),
  'identity.phone': z.string().optional(),
  'identity.email': z.string().optional(),
  keepOriginals: z.string().optional(),
});

export const intakeInput = z.object({
  channel: z.enum(STAFF_CHANNELS, { error: 'กรุณาเลือกช่องทางที่รับเรื่อง' }),
  receivedDate: beDate(beDateMessage('วันที่รับเรื่อง')),
  category: z.enum(CATEGORIES, { error: 'กรุณาเลือกประเภทเรื่อง' }),
  description: z.string().trim().min(10, { error: 'กรุณาบันทึกสาระของเรื่องอย่างน้อย 10 ตัวอักษร' }).max(MAX_DESCRIPTION),
  involvesExecutive: z.boolean(),
});

export const actionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge') }),
  z.object({ action: z.literal('investigate') }),
  z.object({ action: z.literal('conclude'), outcome: z.enum(OUTCOMES, { error: 'กรุณาเลือกผลการพิจารณา' }) }),
  z.object({ action: z.literal('forward'), body: z.enum(OUTSIDE_BODIES, { error: 'กรุณาเลือกหน่วยงานที่ส่งต่อ' }) }),
  z.object({ action: z.literal('move_to_general'), consent: z.literal('yes', { error: 'ต้องได้รับความยินยอมจากผู้แจ้งก่อนโอนเรื่อง' }) }),
]);

export const guidelineInput = z.object({
  responsibleUnit: z.string().trim().min(1, { error: 'กรุณาระบุหน่วยงานที่รับผิดชอบ' }).max(200),
  acknowledgeDays: z.coerce.number({ error: 'ต้องเป็นตัวเลข' }).int({ error: 'ต้องเป็นจำนวนเต็ม' }).min(1, { error: 'ต้องไม่น้อยกว่า 1 วัน' }).max(60, { error: 'ต้องไม่เกิน 60 วัน' }),
  concludeDays: z.coerce.number({ error: 'ต้องเป็นตัวเลข' }).int({ error: 'ต้องเป็นจำนวนเต็ม' }).min(1, { error: 'ต้องไม่น้อยกว่า 1 วัน' }).max(365, { error: 'ต้องไม่เกิน 365 วัน' }),
  phone: z.string().trim().max(100).default(''),
  address: z.string().trim().max(500).default(''),
  email: z.string().trim().max(200).default(''),
});
export type Guideline = z.output<typeof guidelineInput>;

export const DEFAULT_GUIDELINE: Guideline = { responsibleUnit: 'สำนักปลัด', acknowledgeDays: 3, concludeDays: 30, phone: '', address: '', email: '' };
