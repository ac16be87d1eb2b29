/** Agency profile as the rest of the product sees it. */
import type { DigitStyle } from '../../../shared/thai.js';

export const AGENCY_TYPES = [
  { code: 'city_municipality', labelTh: 'เทศบาลนคร' },
  { code: 'town_municipality', labelTh: 'เทศบาลเมือง' },
  { code: 'subdistrict_municipality', labelTh: 'เทศบาลตำบล' },
  { code: 'sao', labelTh: 'องค์การบริหารส่วนตำบล' },
  { code: 'pao', labelTh: 'องค์การบริหารส่วนจังหวัด' },
  { code: 'other', labelTh: 'หน่วยงานอื่น' },
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number]['code'];

export const agencyTypeLabel = (code: string): string => AGENCY_TYPES.find((t) => t.code === code)?.labelTh ?? code;

/** Units a new local government usually has; offered at set-up, editable afterwards. */
export const DEFAULT_UNITS = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'กองสาธารณสุขและสิ่งแวดล้อม'];

export interface Unit {
  id: string;
  nameTh: string;
  sortOrder: number;
}

export interface Executive {
  id: string;
  kind: 'political' | 'permanent';
  nameTh: string;
  positionTh: string;
  phone: string | null;
  email: string | null;
  photoFileId: string | null;
  sortOrder: number;
}

export interface Agency {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
  typeLabelTh: string;
  province: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  websiteUrl: string | null;
  digits: DigitStyle;
  isDemo: boolean;
  status: AgencyStatus;
  hostName: string | null;
}

/**
 * An agency's lifecycle: suspended agencies keep their data, their public pages say so and their
 * staff cannot sign in; archived agencies are hidden everywhere but the deployment lists.
 */
export const AGENCY_STATUSES = ['active', 'suspended', 'archived'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];
export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = { active: 'ใช้งาน', suspended: 'ระงับชั่วคราว', archived: 'เก็บถาวร' };
export const isAgencyStatus = (s: string): s is AgencyStatus => (AGENCY_STATUSES as readonly string[]).includes(s);

/** URL-safe agency slug: lowercase latin letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
