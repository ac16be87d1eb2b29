/**
 * Inputs of deployment administration with Thai messages keyed by field. The field names are the
 * CLI's flag names (slug, name, type, province, host), so a message names what to correct either way.
 */
import { z } from 'zod';
import { AGENCY_TYPES, SLUG_PATTERN } from '../agencies/index.js';
import { findProvince } from '../../shared/provinces.js';
import { firstAdminSchema } from '../users/index.js';
import { resolveAgencyType, typeChoicesTh } from './domain/agency-types.js';

/** A DNS host name (no scheme, port or path), lower-cased. */
const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const newDeploymentAgencySchema = z.object({
  slug: z
    .string({ message: 'กรุณาระบุชื่อย่อในลิงก์ (slug)' })
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, 'ชื่อย่อในลิงก์ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เช่น pru-yai'),
  name: z.string({ message: 'กรุณาระบุชื่อหน่วยงาน' }).trim().min(1, 'กรุณาระบุชื่อหน่วยงาน').max(200, 'ชื่อหน่วยงานยาวเกิน 200 ตัวอักษร'),
  type: z.string({ message: 'กรุณาระบุประเภทหน่วยงาน' }).transform((v, ctx) => {
    const code = resolveAgencyType(v, AGENCY_TYPES);
    if (!code) ctx.addIssue({ code: 'custom', message: `ไม่รู้จักประเภทหน่วยงาน "${v}" ใช้ได้: ${typeChoicesTh(AGENCY_TYPES)}` });
    return code ?? '';
  }),
  province: z.string({ message: 'กรุณาระบุจังหวัด' }).transform((v, ctx) => {
    const p = findProvince(v);
    if (!p) ctx.addIssue({ code: 'custom', message: `ไม่รู้จักจังหวัด "${v}" กรุณาใช้ชื่อจังหวัดตามทางราชการ เช่น ศรีสะเกษ` });
    return p ?? '';
  }),
  host: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || HOST_PATTERN.test(v), 'ชื่อโฮสต์ต้องเป็นชื่อโดเมนเท่านั้น เช่น ita.pruyai.go.th (ไม่มี https:// หรือ /)'),
});
export type NewDeploymentAgencyInput = z.output<typeof newDeploymentAgencySchema>;

export const agencyStatusSchema = z.object({
  status: z.enum(['active', 'suspended', 'archived'], { message: 'กรุณาเลือกสถานะของหน่วยงาน' }),
});

/** The invited administrator's own account: they choose the user name and password (as at first-run setup). */
export const acceptInvitationSchema = firstAdminSchema;

const SORTS = ['name', 'province', 'type', 'year', 'total', 'level', 'oit', 'plan', 'report', 'status'] as const;
export type OverviewSort = (typeof SORTS)[number];

/** Query of the province view: every field optional, anything odd falls back to the default. */
export const overviewQuerySchema = z.object({
  province: z.string().optional().transform((v) => (v ? findProvince(v) : undefined)),
  type: z.string().optional().transform((v) => (v ? resolveAgencyType(v, AGENCY_TYPES) : undefined)),
  sort: z.enum(SORTS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  year: z.coerce.number().int().min(2500).max(2700).optional().catch(undefined),
});
export type OverviewQuery = z.output<typeof overviewQuerySchema>;
