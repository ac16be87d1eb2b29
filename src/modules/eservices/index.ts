/**
 * E-services (STYLE.md convention 15): online requests with tracking for citizens, general
 * complaints and suggestions as their own channel (apart from the corruption channel), the staff
 * queue, the satisfaction survey on the shared survey engine, usage statistics and reports that
 * attach themselves to OIT by role. Other modules use only what this file exports.
 *
 * Public: /a/{slug}/eservice (the page to link from the agency's website), its JSON API under
 * /a/{slug}/api/… (see api-routes.ts). Staff: /admin/eservices. CLI: `eservice report`, `eservice purge`.
 * Background (main.ts): citizens' notices (notifications.ts) and the daily retention purge
 * (`startEservicePurgeScheduler`), both safe with several instances (docs/adr/0009).
 */
import { auditWords, defineModule } from '../../platform/module.js';
import { SERVICE_TEMPLATES } from './domain/templates.js';
import { eservicesRoutes, type EservicesRoutesOptions } from './routes.js';
import { eservicesOpenApi } from './openapi.js';
import { CHANNEL_LABELS, STATE_LABELS as REQUEST_STATE_LABELS } from './domain/states.js';

export { eservicesService, type EservicesService, type Service, type RequestSummary } from './service.js';
export { citizenNotifier, startCitizenNoticeScheduler, type CitizenNotifier, type CitizenChannels, type NoticeRun } from './notifications.js';
export { eserviceReports, startEservicePurgeScheduler, parseRound, type EserviceReports, type ReportFormat } from './reports.js';
export { SERVICE_TEMPLATES } from './domain/templates.js';
export { SATISFACTION_KEY } from './satisfaction.js';
export type { EserviceStats, Round } from './domain/stats.js';
export { seedDemoEservices } from './demo.js';

export const eservicesModule = (options: EservicesRoutesOptions) =>
  defineModule({
    name: 'eservices',
    permissions: ['eservice.manage', 'eservice.handle'],
    auditLabels: {
      actions: {
        'eservice.service.enable': { th: 'เปิด/ปิดบริการออนไลน์', en: 'E-service switched on/off' },
        'eservice.service.update': { th: 'แก้ไขบริการออนไลน์', en: 'E-service changed' },
        'eservice.template.add': { th: 'เพิ่มแบบฟอร์มบริการ', en: 'Service template added' },
        'eservice.template.remove': { th: 'ลบแบบฟอร์มบริการ', en: 'Service template removed' },
        'eservice.request.submit': { th: 'รับคำขอบริการออนไลน์', en: 'E-service request received' },
        'eservice.request.assign': { th: 'มอบหมายคำขอบริการ', en: 'Request assigned' },
        'eservice.request.state': { th: 'เปลี่ยนสถานะคำขอบริการ', en: 'Request status changed' },
        'eservice.request.reply': { th: 'ตอบคำขอบริการ', en: 'Request answered' },
        'eservice.request.message': { th: 'ส่งข้อความถึงผู้ขอรับบริการ', en: 'Message to requester' },
        'eservice.request.note': { th: 'บันทึกการดำเนินการคำขอ', en: 'Request note' },
        'eservice.request.anonymise': { th: 'ลบข้อมูลส่วนบุคคลของคำขอ', en: 'Request anonymised' },
      },
      entities: {
        eservice_request: { th: 'คำขอบริการออนไลน์', en: 'E-service request' },
        eservice_service: { th: 'บริการออนไลน์', en: 'E-service' },
        eservice_reply_template: { th: 'ข้อความตอบกลับสำเร็จรูป', en: 'Reply template' },
      },
      details: {
        service: { th: 'บริการ', en: 'Service' },
        channel: { th: 'ช่องทาง', en: 'Channel' },
        template: { th: 'แบบฟอร์ม', en: 'Template' },
      },
      values: {
        eservice_request: { ...auditWords(REQUEST_STATE_LABELS), ...auditWords(CHANNEL_LABELS) },
        eservice_service: auditWords(Object.fromEntries(SERVICE_TEMPLATES.map((t) => [t.key, t.nameTh]))),
        oit_evidence: auditWords({ 'eservices:public-page': 'หน้าบริการออนไลน์ที่ระบบจัดทำ', 'eservices:report': 'รายงานบริการออนไลน์ที่ระบบจัดทำ' }),
      },
    },
    routes: eservicesRoutes,
    options,
    openapi: eservicesOpenApi,
    gauges: [{ name: 'prongsai_eservice_requests', help: 'E-service requests by state, all agencies (counts only).', collect: () => options.eservices.requestsByState() }],
    nav: [{ href: '/admin/eservices', label: { th: 'บริการออนไลน์', en: 'E-services' }, permission: 'eservice.handle' }],
  });
export type { EservicesDb, EserviceTables } from './tables.js';
