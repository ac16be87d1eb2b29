/**
 * The agencies module as the app and other modules see it (STYLE.md convention 15): the agency
 * (tenant) profile, units and executives. Its service implements the platform's
 * `AgencyDirectory` (id / slug → agency).
 */
import { defineModule } from '../../platform/module.js';
import { agenciesRoutes } from './routes.js';
import type { AgenciesService } from './service.js';

export { agenciesService, type AgenciesService } from './service.js';
export type { Agency, Unit, Executive } from './domain/agency.js';
export { AGENCY_TYPES, agencyTypeLabel, AGENCY_STATUSES, AGENCY_STATUS_LABELS, isAgencyStatus, SLUG_PATTERN, DEFAULT_UNITS } from './domain/agency.js';
export type { AgencyStatus } from './domain/agency.js';
export { executiveSchema, newAgencySchema, type NewAgencyInput } from './schemas.js';
export type { AgenciesDb, AgencyTables } from './tables.js';

/** Profile, units and executives: readable by all staff, editable with agency.manage. */
export const agenciesModule = (options: { agencies: AgenciesService }) =>
  defineModule({
    name: 'agencies',
    routes: agenciesRoutes,
    options,
    permissions: ['agency.manage'],
    nav: [{ href: '/admin/agency', label: { th: 'ข้อมูลหน่วยงาน', en: 'Agency' } }],
    // Political executives only: the demo keeps the gap (no permanent-staff executive) its
    // municipality lost OIT O2 for, so the check shows it.
    async seedDemo({ agencyId, actor }) {
      for (const [i, e] of [
        { name: 'นายสมชาย ใจดี (สมมุติ)', position: 'นายกเทศมนตรีตำบลตัวอย่าง', phone: '045-000-001' },
        { name: 'นางสมหญิง รักถิ่น (สมมุติ)', position: 'รองนายกเทศมนตรี', phone: null },
      ].entries()) {
        await options.agencies.addExecutive(actor, agencyId, { kind: 'political', nameTh: e.name, positionTh: e.position, phone: e.phone, email: null, sortOrder: i });
      }
    },
    auditLabels: {
      actions: {
        'agency.create': { th: 'สร้างหน่วยงาน', en: 'Agency created' },
        'agency.update': { th: 'แก้ไขข้อมูลหน่วยงาน', en: 'Agency profile changed' },
        'agency.status': { th: 'เปลี่ยนสถานะหน่วยงาน (ใช้งาน/ระงับ/เก็บถาวร)', en: 'Agency status changed' },
        'unit.create': { th: 'เพิ่มหน่วยงานย่อย', en: 'Unit added' },
        'unit.update': { th: 'แก้ไขหน่วยงานย่อย', en: 'Unit changed' },
        'unit.delete': { th: 'ลบหน่วยงานย่อย', en: 'Unit deleted' },
        'executive.create': { th: 'เพิ่มข้อมูลผู้บริหาร', en: 'Executive added' },
        'executive.update': { th: 'แก้ไขข้อมูลผู้บริหาร', en: 'Executive changed' },
        'executive.delete': { th: 'ลบข้อมูลผู้บริหาร', en: 'Executive deleted' },
      },
      entities: {
        agency: { th: 'หน่วยงาน', en: 'Agency' },
        unit: { th: 'หน่วยงานย่อย', en: 'Unit' },
        executive: { th: 'ผู้บริหาร', en: 'Executive' },
      },
      details: {
        name: { th: 'ชื่อ', en: 'Name' },
        nameTh: { th: 'ชื่อ', en: 'Name' },
        nameEn: { th: 'ชื่อภาษาอังกฤษ', en: 'English name' },
        // Also the state before a change elsewhere (`from`/`to` of a status): words that fit both.
        from: { th: 'จาก', en: 'From' },
        to: { th: 'เป็น', en: 'To' },
        slug: { th: 'ชื่อย่อ', en: 'Short name' },
        type: { th: 'ประเภท', en: 'Type' },
        province: { th: 'จังหวัด', en: 'Province' },
        address: { th: 'ที่อยู่', en: 'Address' },
        phone: { th: 'โทรศัพท์', en: 'Telephone' },
        email: { th: 'อีเมล', en: 'E-mail' },
        websiteUrl: { th: 'เว็บไซต์', en: 'Website' },
        digits: { th: 'ตัวเลข', en: 'Digits' },
        kind: { th: 'ประเภท', en: 'Kind' },
        positionTh: { th: 'ตำแหน่ง', en: 'Position' },
        sortOrder: { th: 'ลำดับ', en: 'Order' },
      },
      values: {
        agency: { thai: { th: 'เลขไทย', en: 'Thai' }, arabic: { th: 'เลขอารบิก', en: 'Arabic' } },
        executive: { political: { th: 'ฝ่ายการเมือง', en: 'political' }, permanent: { th: 'ฝ่ายข้าราชการประจำ', en: 'permanent' } },
      },
    },
  });
