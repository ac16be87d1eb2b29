/** Maps zod issues to Thai field errors. */
import type { z } from 'zod';
import type { FieldError } from './errors.js';

export function zodToFieldErrors(error: z.ZodError, row?: number): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    ...(row !== undefined ? { row } : {}),
    message: thaiIssueMessage(issue),
  }));
}

function thaiIssueMessage(issue: z.core.$ZodIssue): string {
  // Custom messages written in Thai are kept; zod's English defaults are translated by kind.
  if (/[\u0E00-\u0E7F]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'ต้องระบุข้อมูลนี้' : `ชนิดข้อมูลไม่ถูกต้อง (ต้องเป็น ${thaiType(String(issue.expected))})`;
    case 'too_small':
      return issue.origin === 'string' ? 'ต้องระบุข้อมูลนี้' : `ต้องไม่น้อยกว่า ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `ยาวเกิน ${String(issue.maximum)} ตัวอักษร` : `ต้องไม่เกิน ${String(issue.maximum)}`;
    case 'invalid_format':
      return 'รูปแบบไม่ถูกต้อง';
    case 'invalid_value':
      return 'ค่าที่ระบุไม่อยู่ในรายการที่กำหนด';
    case 'unrecognized_keys':
      return `มีช่องที่ไม่รู้จัก: ${issue.keys.join(', ')}`;
    default:
      return 'ข้อมูลไม่ถูกต้อง';
  }
}

function thaiType(t: string): string {
  return ({ number: 'ตัวเลข', string: 'ข้อความ', boolean: 'จริง/เท็จ', object: 'ออบเจกต์', array: 'รายการ' } as Record<string, string>)[t] ?? t;
}
