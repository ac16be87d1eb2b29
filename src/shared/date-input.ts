/**
 * zod fields for Buddhist-era date inputs (ui `DateInput`): they accept what `parseBeDateInput`
 * reads (31/03/2568 in Thai or Arabic digits, Thai month names, ISO from files) and give the
 * ISO (CE) date the database stores. The message should name the field and show an example.
 */
import { z } from 'zod';
import { BE_DATE_HINT, parseBeDateInput } from './thai.js';

/** The message for a date a field could not read, naming the field. */
export const beDateMessage = (label: string): string => `"${label}" ไม่ใช่วันที่ที่อ่านได้ เขียนแบบ ${BE_DATE_HINT}`;

/** A required BE date → ISO. */
export const beDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => parseBeDateInput(v) !== null, { error: message, abort: true })
    .transform((v) => parseBeDateInput(v)!);

/** An optional BE date → ISO, or '' when left empty. */
export const optionalBeDate = (message: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || parseBeDateInput(v) !== null, { error: message, abort: true })
    .transform((v) => (v === '' ? '' : parseBeDateInput(v)!));
