/**
 * The OIT module as the app and other modules see it (STYLE.md convention 15): the routes
 * plugin with its navigation entry, the service type, and what other modules call —
 * `attachGeneratedByRole` (the measures document, complaint statistics, e-service reports attach
 * themselves to "the item with role X in year N", whatever its code that year).
 */
import { auditWords, defineModule } from '../../platform/module.js';
import type { FileStore } from '../../platform/file-store.js';
import type { Clock } from '../../shared/clock.js';
import { oitRoutes } from './routes.js';
import { STATUS_LABELS as STATUS_WORDS } from './domain/checks.js';
import type { OitService } from './service.js';

export type { OitService, OitDeps, GeneratedEvidence, GeneratedEvidenceByRole, ReadinessReport, YearView, ItemState, Evidence } from './service.js';
export { oitService, itemWithRole } from './service.js';
export { oitProgressReader, type OitProgress } from './overview.js';
export { OIT_STATUSES, STATUS_LABELS, type OitStatus } from './domain/checks.js';
export { itasCsv, type ItasRow } from './domain/itas-export.js';
export { itasXlsx } from './itas-xlsx.js';
export type { OitDb, OitTables } from './tables.js';
export type { FetchLike, AuditReport } from './self-audit.js';
export { tlsProblem } from './self-audit.js';

export const oitModule = (options: { oit: OitService; files: FileStore; clock: Clock }) =>
  defineModule({
    name: 'oit',
    routes: oitRoutes,
    options,
    permissions: ['oit.manage', 'oit.edit'],
    nav: [{ href: '/admin/oit', label: { th: 'เปิดเผยข้อมูล (OIT)', en: 'Open data (OIT)' }, permission: 'oit.edit' }],
    // The demo agency's OIT year in mixed states (see demo.ts), loaded on demand so the server
    // never loads the demo's PDF maker.
    seedDemo: async (ctx) => (await import('./demo.js')).seedDemoOit(options.oit, options.files, ctx.agencyId, ctx.resultsYear),
    auditLabels: {
      actions: {
        'oit.assign': { th: 'มอบหมายรายการ OIT', en: 'OIT item assigned' },
        'oit.carry_over': { th: 'ยกข้อมูล OIT จากปีก่อน', en: 'OIT carried over' },
        'oit.contact.update': { th: 'แก้ไขข้อมูลการติดต่อ (OIT)', en: 'OIT contact changed' },
        'oit.declare': { th: 'ระบุตำแหน่งข้อมูลบนเว็บไซต์ (OIT)', en: 'OIT pointers declared' },
        'oit.evidence.add': { th: 'เพิ่มหลักฐาน OIT', en: 'OIT evidence added' },
        'oit.evidence.remove': { th: 'ลบหลักฐาน OIT', en: 'OIT evidence removed' },
        'oit.evidence.replace': { th: 'แทนที่ไฟล์หลักฐาน OIT (ฉบับใหม่)', en: 'OIT evidence file replaced' },
        'oit.evidence.update': { th: 'แก้ไขรายละเอียดหลักฐาน OIT', en: 'OIT evidence details changed' },
        'oit.evidence.generate': { th: 'แนบเอกสารที่ระบบสร้างเป็นหลักฐาน OIT', en: 'Generated OIT evidence attached' },
        'oit.evidence.refresh': { th: 'ปรับปรุงเอกสารที่ระบบสร้าง (OIT)', en: 'Generated OIT evidence refreshed' },
        'oit.executive.photo': { th: 'เปลี่ยนรูปผู้บริหาร (OIT)', en: 'Executive photo changed' },
        'oit.import': { th: 'นำเข้าข้อมูล OIT', en: 'OIT data imported' },
        'oit.status': { th: 'เปลี่ยนสถานะรายการ OIT', en: 'OIT status changed' },
        'oit.structure.update': { th: 'แก้ไขโครงสร้างหน่วยงาน (OIT)', en: 'OIT structure changed' },
      },
      entities: {
        oit_item: { th: 'รายการ OIT', en: 'OIT item' },
        oit_year: { th: 'ปี OIT', en: 'OIT year' },
        oit_content: { th: 'ข้อมูลโครงสร้าง/การติดต่อ (OIT)', en: 'OIT content' },
        oit_evidence: { th: 'หลักฐาน OIT', en: 'OIT evidence' },
        oit_import: { th: 'การนำเข้า OIT', en: 'OIT import' },
      },
      details: {
        declarations: { th: 'ตำแหน่งข้อมูลบนเว็บไซต์', en: 'Where on the website' },
        elements: { th: 'องค์ประกอบที่แสดง', en: 'Elements shown' },
        fax: { th: 'โทรสาร', en: 'Fax' },
        mapUrl: { th: 'แผนที่', en: 'Map' },
        hours: { th: 'เวลาทำการ', en: 'Opening hours' },
        periodFrom: { th: 'ครอบคลุมตั้งแต่', en: 'Covers from' },
        periodTo: { th: 'ครอบคลุมถึง', en: 'Covers to' },
        political: { th: 'ฝ่ายการเมือง', en: 'Political' },
        permanent: { th: 'ฝ่ายข้าราชการประจำ', en: 'Permanent staff' },
      },
      values: {
        oit_item: STATUS_WORDS,
        oit_evidence: auditWords({ upload: 'อัปโหลดไฟล์', link: 'ลิงก์', import: 'นำเข้าจากไฟล์', 'carry-over': 'ยกมาจากปีก่อน' }),
      },
    },
  });
