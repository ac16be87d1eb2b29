import { z } from 'zod';
import { ROLES } from '../../shared/permissions.js';
import { MIN_PASSWORD_LENGTH } from './domain/user.js';

export const loginSchema = z.object({
  /** The agency's short name (slug); not needed with an e-mail address or on a single-agency install. */
  agency: z.string().trim().max(100).optional(),
  username: z.string().trim().min(1, 'กรุณาระบุชื่อผู้ใช้หรืออีเมล').max(200),
  password: z.string().min(1, 'กรุณาระบุรหัสผ่าน').max(1000),
});

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร`)
  .max(200, 'รหัสผ่านยาวเกิน 200 ตัวอักษร');

export const userFieldsSchema = z.object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,50}$/, 'ชื่อผู้ใช้ใช้อักษรอังกฤษตัวเล็ก ตัวเลข จุด ขีด หรือขีดล่าง 3–50 ตัว'),
    displayName: z.string().trim().min(1, 'กรุณาระบุชื่อ-นามสกุล').max(200),
    email: z.union([z.literal(''), z.email('อีเมลไม่ถูกต้อง')]).optional().transform((v) => (v ? v : null)),
    password,
    passwordConfirm: z.string(),
    roles: z.array(z.enum(ROLES)).min(1, 'กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท'),
    unitId: z.string().optional().transform((v) => (v ? v : null)),
});

const passwordsMatch = { path: ['passwordConfirm'], message: 'รหัสผ่านทั้งสองช่องไม่ตรงกัน' };
export const newUserSchema = userFieldsSchema.refine((v) => v.password === v.passwordConfirm, passwordsMatch);
export const firstAdminSchema = userFieldsSchema
  .omit({ roles: true, unitId: true })
  .refine((v) => v.password === v.passwordConfirm, passwordsMatch);
export type NewUserInput = z.output<typeof newUserSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'กรุณาระบุรหัสผ่านปัจจุบัน'), password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'รหัสผ่านทั้งสองช่องไม่ตรงกัน' });
