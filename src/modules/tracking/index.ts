/**
 * The tracking module as the app and other modules see it: tracked measures (from the published
 * improvement plan), periodic reports attached by role to their OIT item, the routes and the demo.
 */
import { auditWords, defineModule } from '../../platform/module.js';
import type { FileStore } from '../../platform/file-store.js';
import type { AgenciesService } from '../agencies/index.js';
import { trackingRoutes } from './routes.js';
import { STATE_LABELS as MEASURE_STATE_LABELS } from './domain/types.js';
import { KIND_LABELS as KIND_WORDS } from './domain/report-content.js';
import { seedDemoTracking } from './demo.js';
import type { TrackingService } from './service.js';
import type { ReportService } from './report-service.js';

export { trackingService, type TrackingService } from './service.js';
export { reportService, roleOf, reportKey, parseReportKey, type ReportService, type ReportSpec, type ReportView } from './report-service.js';
export { seedDemoTracking, samplePhoto, DEMO_TRACKING_YEAR } from './demo.js';
export { countStates, measureState, STATE_LABELS, type TrackedMeasure, type MeasureCounts } from './domain/types.js';
export { reportTarget, ROLE_LABELS, GENERIC_ROLES, type ReportRole, type GenericRole } from './domain/roles.js';
export { KIND_LABELS, KIND_ROUNDS, type ReportKind } from './domain/report-content.js';
export { periodText, roundRange, type Round } from './domain/period.js';
export type { TrackingDb, TrackingTables } from './tables.js';
export { latestMeasuresReportsReader, type MeasuresReportStatus } from './overview.js';

export const trackingModule = (options: { tracking: TrackingService; reports: ReportService; agencies: AgenciesService; files: FileStore }) =>
  defineModule({
    name: 'tracking',
    routes: trackingRoutes,
    options,
    permissions: ['measures.update'],
    // FY2566 measures carried out in mixed states, and their 6-month report (needs the plan the
    // improvement module drafted before this hook runs).
    seedDemo: ({ agencyId }) => seedDemoTracking({ tracking: options.tracking, reports: options.reports, files: options.files }, agencyId),
    auditLabels: {
      actions: {
        'measures.sync': { th: 'นำมาตรการจากแผนที่เผยแพร่มาติดตาม', en: 'Measures taken from the published plan' },
        'measures.update': { th: 'ปรับปรุงความคืบหน้าของมาตรการ', en: 'Measure progress updated' },
        'measures.evidence': { th: 'แนบหลักฐานการดำเนินมาตรการ', en: 'Measure evidence attached' },
        'reports.draft': { th: 'บันทึกร่างรายงานตามรอบ', en: 'Periodic report draft saved' },
        'reports.produce': { th: 'จัดทำรายงานตามรอบ', en: 'Periodic report produced' },
      },
      entities: {
        tracked_measures: { th: 'มาตรการที่ติดตาม', en: 'Tracked measures' },
        tracked_measure: { th: 'มาตรการที่ติดตาม', en: 'Tracked measure' },
        measure_evidence: { th: 'หลักฐานการดำเนินมาตรการ', en: 'Measure evidence' },
        periodic_report: { th: 'รายงานตามรอบ', en: 'Periodic report' },
      },
      details: {
        attachedTo: { th: 'แนบเป็นหลักฐาน OIT', en: 'Attached to OIT' },
      },
      values: {
        tracked_measure: auditWords(MEASURE_STATE_LABELS),
        periodic_report: auditWords(KIND_WORDS),
        measure_evidence: auditWords({ file: 'ไฟล์', photo: 'ภาพถ่าย', link: 'ลิงก์' }),
        oit_evidence: auditWords({ 'tracking:measures': 'รายงานตามรอบที่ระบบจัดทำ', 'tracking:anti-corruption-plan': 'แผนป้องกันการทุจริตที่ระบบจัดทำ', 'tracking:anti-corruption-report': 'รายงานตามแผนป้องกันการทุจริตที่ระบบจัดทำ', 'tracking:operating-plan-report': 'รายงานตามแผนดำเนินงานที่ระบบจัดทำ', 'tracking:generic': 'รายงานที่ระบบจัดทำ' }),
      },
    },
    nav: [
      { href: '/admin/measures', label: { th: 'ติดตามมาตรการ', en: 'Measures' }, permission: 'measures.update' },
      { href: '/admin/reports', label: { th: 'รายงานตามรอบ', en: 'Periodic reports' }, permission: 'plan.edit' },
    ],
  });
