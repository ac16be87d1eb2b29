/**
 * Audit codes in words. Modules write stable codes (`unit.create`); officers read Thai. A code
 * not listed here is shown as it is, so a new module's entries still appear before it adds its
 * labels — add them here when adding a new audited use case.
 */
import { ROLE_LABELS_TH, isRole } from '../../shared/permissions.js';
import { tr, type Locale, type Msg } from '../../ui/i18n.js';
import { agencyTypeLabel } from '../agencies/index.js';

export const ACTION_LABELS: Record<string, Msg> = {
  'setup.complete': { th: 'ตั้งค่าระบบครั้งแรก', en: 'First-run setup' },
  'agency.create': { th: 'สร้างหน่วยงาน', en: 'Agency created' },
  'agency.update': { th: 'แก้ไขข้อมูลหน่วยงาน', en: 'Agency profile changed' },
  'unit.create': { th: 'เพิ่มหน่วยงานย่อย', en: 'Unit added' },
  'unit.update': { th: 'แก้ไขหน่วยงานย่อย', en: 'Unit changed' },
  'unit.delete': { th: 'ลบหน่วยงานย่อย', en: 'Unit deleted' },
  'executive.create': { th: 'เพิ่มข้อมูลผู้บริหาร', en: 'Executive added' },
  'executive.update': { th: 'แก้ไขข้อมูลผู้บริหาร', en: 'Executive changed' },
  'executive.delete': { th: 'ลบข้อมูลผู้บริหาร', en: 'Executive deleted' },
  'user.create': { th: 'สร้างบัญชีผู้ใช้', en: 'User account created' },
  'user.update': { th: 'เปลี่ยนบทบาทหรือสถานะของผู้ใช้', en: 'User roles or status changed' },
  'user.unit_change': { th: 'เปลี่ยนหน่วยงานย่อยของผู้ใช้', en: 'User unit changed' },
  'user.password_change': { th: 'เปลี่ยนรหัสผ่าน', en: 'Password changed' },
  'auth.login': { th: 'เข้าสู่ระบบ', en: 'Signed in' },
  'auth.logout_all': { th: 'ออกจากระบบทุกอุปกรณ์', en: 'Signed out everywhere' },
  'auth.login_failed': { th: 'เข้าสู่ระบบไม่สำเร็จ', en: 'Failed sign-in' },
  'plan.units': { th: 'กำหนดหน่วยงานผู้รับผิดชอบตามประเภทงานของแผนปรับปรุง', en: 'Responsible units for plan drafts set' },
  'auth.lockout': { th: 'ระงับบัญชีชั่วคราว (ใส่รหัสผ่านผิดหลายครั้ง)', en: 'Account locked after failed sign-ins' },
};

export const ENTITY_LABELS: Record<string, Msg> = {
  agency: { th: 'หน่วยงาน', en: 'Agency' },
  unit: { th: 'หน่วยงานย่อย', en: 'Unit' },
  executive: { th: 'ผู้บริหาร', en: 'Executive' },
  user: { th: 'ผู้ใช้', en: 'User' },
};

const DETAIL_LABELS: Record<string, Msg> = {
  name: { th: 'ชื่อ', en: 'Name' },
  nameTh: { th: 'ชื่อ', en: 'Name' },
  nameEn: { th: 'ชื่อภาษาอังกฤษ', en: 'English name' },
  from: { th: 'ชื่อเดิม', en: 'Previous name' },
  slug: { th: 'ชื่อย่อ', en: 'Short name' },
  type: { th: 'ประเภท', en: 'Type' },
  province: { th: 'จังหวัด', en: 'Province' },
  address: { th: 'ที่อยู่', en: 'Address' },
  phone: { th: 'โทรศัพท์', en: 'Telephone' },
  email: { th: 'อีเมล', en: 'E-mail' },
  websiteUrl: { th: 'เว็บไซต์', en: 'Website' },
  digits: { th: 'ตัวเลข', en: 'Digits' },
  username: { th: 'ชื่อผู้ใช้', en: 'Username' },
  roles: { th: 'บทบาท', en: 'Roles' },
  disabled: { th: 'ปิดใช้งาน', en: 'Disabled' },
  kind: { th: 'ฝ่าย', en: 'Group' },
  positionTh: { th: 'ตำแหน่ง', en: 'Position' },
  sortOrder: { th: 'ลำดับ', en: 'Order' },
};

const VALUE_WORDS: Record<string, Msg> = {
  political: { th: 'ฝ่ายการเมือง', en: 'political' },
  permanent: { th: 'ฝ่ายข้าราชการประจำ', en: 'permanent' },
  thai: { th: 'เลขไทย', en: 'Thai' },
  arabic: { th: 'เลขอารบิก', en: 'Arabic' },
};

export const actionLabel = (locale: Locale, code: string): string => (ACTION_LABELS[code] ? tr(locale, ACTION_LABELS[code]) : code);
export const entityLabel = (locale: Locale, code: string): string => (ENTITY_LABELS[code] ? tr(locale, ENTITY_LABELS[code]) : code);

const MAX_ITEMS = 6;
const MAX_VALUE = 80;

function valueText(locale: Locale, key: string, value: unknown): string {
  if (typeof value === 'boolean') return locale === 'en' ? (value ? 'yes' : 'no') : value ? 'ใช่' : 'ไม่';
  if (Array.isArray(value)) {
    return value.map((v) => (key === 'roles' && typeof v === 'string' && isRole(v) && locale === 'th' ? ROLE_LABELS_TH[v] : String(v))).join(', ');
  }
  if (typeof value === 'string') {
    if (key === 'type' && locale === 'th') return agencyTypeLabel(value);
    if (VALUE_WORDS[value] && (key === 'kind' || key === 'digits')) return tr(locale, VALUE_WORDS[value]);
    return value;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * One line of an entry's details: known keys in words, empty values and internal ids left out,
 * long values cut. @example summariseDetails('th', { nameTh: 'กองคลัง' }) // 'ชื่อ: กองคลัง'
 */
export function summariseDetails(locale: Locale, details: Record<string, unknown> | null): string {
  if (!details) return '';
  const parts = Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !/Id$/.test(k))
    .map(([k, v]) => {
      const text = valueText(locale, k, v);
      const cut = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
      return `${DETAIL_LABELS[k] ? tr(locale, DETAIL_LABELS[k]) : k}: ${cut}`;
    });
  return parts.length > MAX_ITEMS ? `${parts.slice(0, MAX_ITEMS).join('; ')}; …` : parts.join('; ');
}
