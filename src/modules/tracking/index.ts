/**
 * The tracking module as the app and other modules see it: tracked measures (from the published
 * improvement plan), periodic reports attached by role to their OIT item, the routes and the demo.
 */
import { defineModule } from '../../platform/module.js';
import type { FileStore } from '../../platform/file-store.js';
import type { AgenciesService } from '../agencies/index.js';
import { trackingRoutes } from './routes.js';
import type { TrackingService } from './service.js';
import type { ReportService } from './report-service.js';

export { trackingService, type TrackingService } from './service.js';
export { reportService, roleOf, reportKey, parseReportKey, type ReportService, type ReportSpec, type ReportView } from './report-service.js';
export { seedDemoTracking, samplePhoto, DEMO_TRACKING_YEAR } from './demo.js';
export { countStates, measureState, STATE_LABELS, type TrackedMeasure, type MeasureCounts } from './domain/types.js';
export { reportTarget, ROLE_LABELS, GENERIC_ROLES, type ReportRole, type GenericRole } from './domain/roles.js';
export { KIND_LABELS, KIND_ROUNDS, type ReportKind } from './domain/report-content.js';
export { periodText, roundRange, type Round } from './domain/period.js';

export const trackingModule = (options: { tracking: TrackingService; reports: ReportService; agencies: AgenciesService; files: FileStore }) =>
  defineModule({
    name: 'tracking',
    routes: trackingRoutes,
    options,
    nav: [
      { href: '/admin/measures', label: { th: 'ติดตามมาตรการ', en: 'Measures' }, permission: 'measures.update' },
      { href: '/admin/reports', label: { th: 'รายงานตามรอบ', en: 'Periodic reports' }, permission: 'plan.edit' },
    ],
  });
