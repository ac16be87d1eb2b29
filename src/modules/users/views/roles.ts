/** Role names and what each may do, as shown to the administrator choosing them. */
import { ROLE_LABELS_TH, type Role } from '../../../shared/permissions.js';
import { tr, type Locale, type Msg } from '../../../ui/i18n.js';

const ROLE_EN: Record<Role, string> = {
  admin: 'Administrator',
  coordinator: 'ITA coordinator',
  unit_staff: 'Unit staff',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, Msg> = {
  admin: { th: 'จัดการได้ทุกส่วน รวมถึงข้อมูลหน่วยงานและบัญชีผู้ใช้', en: 'Everything, including the agency profile and user accounts' },
  coordinator: {
    th: 'นำเข้าผลการประเมิน จัดทำมาตรการ จัดการข้อมูล OIT ออกเอกสาร และดูบันทึกการใช้งาน',
    en: 'Imports results, drafts measures, manages OIT, generates documents, views the audit log',
  },
  unit_staff: { th: 'กรอกข้อมูล OIT ข้อที่ได้รับมอบหมายให้หน่วยงานย่อยของตน', en: 'Fills in the OIT items assigned to their unit' },
  viewer: { th: 'ดูผลการประเมินได้อย่างเดียว', en: 'Views results only' },
};

export const roleLabel = (locale: Locale, role: Role): string => (locale === 'en' ? ROLE_EN[role] : ROLE_LABELS_TH[role]);
export const roleDescription = (locale: Locale, role: Role): string => tr(locale, ROLE_DESCRIPTIONS[role]);
