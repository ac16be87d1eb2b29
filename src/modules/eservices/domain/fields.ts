/**
 * Request forms as data: an agency builds each service's form from typed fields, and a citizen's
 * answers are checked against it with a Thai message per field. Pure: no I/O.
 *
 * Value forms (what the web form and the JSON API send → what is stored):
 * - `date`: Buddhist-era day `วว/ดด/ปปปป` (e.g. `15/01/2569`, Thai digits allowed) or ISO CE → ISO CE.
 * - `national-id`: 13 digits with the check digit (dashes/spaces allowed) → 13 digits.
 * - `phone`: Thai number, 9–10 digits starting with 0 → digits.
 * - `location`: an address (the no-JavaScript form), optionally with `lat`/`lng` from the
 *   browser's location → `{ address, lat?, lng? }`.
 * - `file`: handled by the caller (uploads); here only "required" is checked.
 */
import { z } from 'zod';
import type { FieldError } from '../../../shared/errors.js';
import { toArabicDigits, toGregorianYear } from '../../../shared/thai.js';

export const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'phone', 'national-id', 'address', 'file', 'location'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'ข้อความ',
  number: 'ตัวเลข',
  date: 'วันที่ (พ.ศ.)',
  choice: 'ตัวเลือก',
  phone: 'หมายเลขโทรศัพท์',
  'national-id': 'เลขประจำตัวประชาชน',
  address: 'ที่อยู่',
  file: 'ไฟล์แนบ',
  location: 'สถานที่ (แผนที่หรือที่อยู่)',
};

/** Fields whose values are personal data: masked for staff who do not handle the request. */
export const PERSONAL_TYPES: readonly FieldType[] = ['phone', 'national-id', 'address', 'location'];

export const formFieldSchema = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'รหัสช่องต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ ขึ้นต้นด้วยตัวอักษร (ไม่เกิน 40 ตัว)'),
    label: z.string().trim().min(1, 'กรุณาระบุชื่อช่อง').max(200, 'ชื่อช่องยาวเกิน 200 ตัวอักษร'),
    type: z.enum(FIELD_TYPES, 'ชนิดช่องไม่ถูกต้อง'),
    required: z.boolean(),
    options: z.array(z.string().trim().min(1).max(200)).max(50, 'ตัวเลือกมีได้ไม่เกิน 50 ข้อ').optional(),
    hint: z.string().trim().max(300).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'choice' && (!f.options || f.options.length < 2)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'ช่องแบบตัวเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ' });
    if (f.type !== 'choice' && f.options && f.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'ตัวเลือกใช้ได้เฉพาะช่องแบบตัวเลือก' });
  });
export type FormField = z.output<typeof formFieldSchema>;

export const formDefinitionSchema = z
  .array(formFieldSchema)
  .min(1, 'แบบฟอร์มต้องมีอย่างน้อย 1 ช่อง')
  .max(40, 'แบบฟอร์มมีได้ไม่เกิน 40 ช่อง')
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `รหัสช่อง "${f.key}" ซ้ำกัน` });
      seen.add(f.key);
    });
    if (fields.filter((f) => f.type === 'file').length > 5) ctx.addIssue({ code: 'custom', path: [], message: 'แบบฟอร์มมีช่องไฟล์แนบได้ไม่เกิน 5 ช่อง' });
  });

/** Thai national ID check digit (mod 11 over the first 12 digits, weights 13…2). */
export function isValidNationalId(raw: string): boolean {
  const d = toArabicDigits(raw).replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}

/** `วว/ดด/ปปปป` (B.E.) or ISO `YYYY-MM-DD` (C.E., from `<input type=date>`) → ISO C.E.; undefined if not a real day. */
export function parseThaiDate(raw: string): string | undefined {
  const s = toArabicDigits(raw).trim();
  let y: number, m: number, d: number;
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (be) [d, m, y] = [Number(be[1]), Number(be[2]), toGregorianYear(Number(be[3]))];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  if (y < 1900 || y > 2200) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Thai phone numbers: 0 + 8–9 digits (landline 02-xxx-xxxx, mobile 08x-xxx-xxxx). */
export function normalisePhone(raw: string): string | undefined {
  const d = toArabicDigits(raw).replace(/[\s()-]/g, '').replace(/^\+66/, '0');
  return /^0\d{8,9}$/.test(d) ? d : undefined;
}

export interface LocationValue {
  address: string;
  lat?: number;
  lng?: number;
}
export type FieldValue = string | number | LocationValue;
export type FieldValues = Record<string, FieldValue>;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').trim();

/**
 * Checks submitted values against a form. `raw` is the form body (`key`, and `key.lat`/`key.lng`
 * for locations) or the JSON API's `fields` object. `filesPresent` names the file fields that
 * came with a file. Returns clean values or field errors (field = the field's key), never both.
 */
export function validateValues(form: readonly FormField[], raw: Record<string, unknown>, filesPresent: ReadonlySet<string> = new Set()): { values: FieldValues } | { errors: FieldError[] } {
  const values: FieldValues = {};
  const errors: FieldError[] = [];
  const known = new Set(form.flatMap((f) => [f.key, `${f.key}.lat`, `${f.key}.lng`, `${f.key}.address`]));
  for (const key of Object.keys(raw)) if (!known.has(key)) errors.push({ field: key, message: `ไม่มีช่อง "${key}" ในแบบฟอร์มนี้` });
  for (const f of form) {
    const fail = (message: string) => errors.push({ field: f.key, message: `${f.label}: ${message}` });
    if (f.type === 'file') {
      if (f.required && !filesPresent.has(f.key)) fail('กรุณาแนบไฟล์');
      continue;
    }
    const value = raw[f.key];
    if (f.type === 'location') {
      const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
      const address = text(typeof value === 'object' ? obj.address : value);
      const latRaw = typeof value === 'object' ? obj.lat : raw[`${f.key}.lat`];
      const lngRaw = typeof value === 'object' ? obj.lng : raw[`${f.key}.lng`];
      const lat = text(latRaw) === '' ? undefined : Number(text(latRaw));
      const lng = text(lngRaw) === '' ? undefined : Number(text(lngRaw));
      if ((lat !== undefined || lng !== undefined) && !(lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
        fail('พิกัดไม่ถูกต้อง');
        continue;
      }
      if (!address && lat === undefined) {
        if (f.required) fail('กรุณาระบุสถานที่หรือที่อยู่');
        continue;
      }
      if (address.length > 500) {
        fail('ยาวเกิน 500 ตัวอักษร');
        continue;
      }
      values[f.key] = { address, ...(lat !== undefined ? { lat, lng: lng! } : {}) };
      continue;
    }
    const s = text(value);
    if (value !== undefined && value !== null && typeof value === 'object') {
      fail('รูปแบบข้อมูลไม่ถูกต้อง');
      continue;
    }
    if (!s) {
      if (f.required) fail('กรุณากรอกข้อมูล');
      continue;
    }
    switch (f.type) {
      case 'text':
        if (s.length > 2000) fail('ยาวเกิน 2,000 ตัวอักษร');
        else values[f.key] = s;
        break;
      case 'address':
        if (s.length > 500) fail('ยาวเกิน 500 ตัวอักษร');
        else values[f.key] = s;
        break;
      case 'number': {
        const n = Number(toArabicDigits(s).replace(/,/g, ''));
        if (!Number.isFinite(n)) fail('ต้องเป็นตัวเลข');
        else values[f.key] = n;
        break;
      }
      case 'date': {
        const iso = parseThaiDate(s);
        if (!iso) fail('วันที่ไม่ถูกต้อง กรุณากรอกเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 15/01/2569');
        else values[f.key] = iso;
        break;
      }
      case 'choice':
        if (!f.options?.includes(s)) fail('กรุณาเลือกจากรายการที่กำหนด');
        else values[f.key] = s;
        break;
      case 'phone': {
        const p = normalisePhone(s);
        if (!p) fail('หมายเลขโทรศัพท์ไม่ถูกต้อง (ตัวเลข 9–10 หลัก ขึ้นต้นด้วย 0)');
        else values[f.key] = p;
        break;
      }
      case 'national-id': {
        if (!isValidNationalId(s)) fail('เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)');
        else values[f.key] = toArabicDigits(s).replace(/[\s-]/g, '');
        break;
      }
    }
  }
  return errors.length ? { errors } : { values };
}

/** `1234567890123` → `x-xxxx-xxxxx-12-3`: enough to tell requests apart, not enough to use. */
export const maskNationalId = (id: string): string => `x-xxxx-xxxxx-${id.slice(10, 12)}-${id.slice(12)}`;
/** `0812345678` → `xxx-xxx-5678`. */
export const maskPhone = (phone: string): string => `xxx-xxx-${phone.slice(-4)}`;
export const MASKED_TEXT = '(ข้อมูลส่วนบุคคล แสดงเฉพาะผู้รับผิดชอบคำขอ)';

/** The value of a field as staff see it: masked unless they handle the request. */
export function displayValue(field: Pick<FormField, 'type'>, value: FieldValue | undefined, unmasked: boolean): string {
  if (value === undefined) return '–';
  if (typeof value === 'object') return unmasked ? [value.address, value.lat !== undefined ? `(${value.lat}, ${value.lng})` : ''].filter(Boolean).join(' ') : MASKED_TEXT;
  if (unmasked || !PERSONAL_TYPES.includes(field.type as FieldType)) return String(value);
  if (field.type === 'national-id') return maskNationalId(String(value));
  if (field.type === 'phone') return maskPhone(String(value));
  return MASKED_TEXT;
}
