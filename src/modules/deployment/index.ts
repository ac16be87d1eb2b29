/**
 * The deployment module as the app and other modules see it: deployment administration (the
 * deployment administrator grant, agencies with one-time invitations, suspension and archiving),
 * the province and national views with their exports, and the lifecycle gate.
 */
import { defineModule } from '../../platform/module.js';
import type { Config } from '../../config/index.js';
import { deploymentRoutes } from './routes.js';
import type { DeploymentService } from './service.js';
import type { DeploymentOverview } from './overview.js';
import type { BulkImport } from './bulk-import.js';
import type { SystemStatus } from '../../platform/observability.js';
import type { AuditLabeller } from '../audit/index.js';

export { deploymentService, INVITATION_DAYS, type DeploymentService, type CreatedAgency } from './service.js';
export { deploymentOverview, type DeploymentOverview, type OverviewSources, type OverviewData } from './overview.js';
export { bulkImport, type BulkImport, type BulkImportOutcome } from './bulk-import.js';
export { registerAgencyStatusGate, agencyUnavailable } from './status-gate.js';
export { newDeploymentAgencySchema } from './schemas.js';
export type { DeploymentDb, DeploymentTables } from './tables.js';

export const deploymentModule = (options: {
  config: Config;
  deployment: DeploymentService;
  overview: DeploymentOverview;
  bulkImport: BulkImport;
  systemStatus: () => Promise<SystemStatus>;
  /** Every module's audit words (merged by the app once all manifests exist). */
  auditLabels: () => AuditLabeller;
}) =>
  defineModule({
    name: 'deployment',
    routes: deploymentRoutes,
    options,
    permissions: ['deployment.agencies', 'deployment.overview'],
    auditLabels: {
      actions: {
        'deployment.grant': { th: 'มอบสิทธิ์ผู้ดูแลระบบระดับจังหวัด/ผู้ให้บริการ', en: 'Deployment administrator granted' },
        'deployment.agency_create': { th: 'สร้างหน่วยงานในระบบ', en: 'Agency created (deployment)' },
        'deployment.agency_status': { th: 'เปลี่ยนสถานะหน่วยงาน', en: 'Agency status changed (deployment)' },
        'deployment.bulk_import': { th: 'นำเข้าหน่วยงานและผลการประเมินจากไฟล์', en: 'Agencies and results imported' },
        'deployment.invite': { th: 'ออกลิงก์เชิญผู้ดูแลหน่วยงาน', en: 'Agency administrator invited' },
        'agency.invite': { th: 'ออกลิงก์เชิญผู้ดูแลหน่วยงาน', en: 'Administrator invitation issued' },
        'agency.invite_accepted': { th: 'ผู้ดูแลหน่วยงานตอบรับคำเชิญ', en: 'Invitation accepted' },
      },
    },
    nav: [
      { href: '/deployment/agencies', label: { th: 'หน่วยงานในระบบ', en: 'Agencies' }, permission: 'deployment.agencies' },
      { href: '/deployment/overview', label: { th: 'ภาพรวมระดับจังหวัด', en: 'Province view' }, permission: 'deployment.overview' },
      { href: '/deployment/system', label: { th: 'สถานะระบบ', en: 'System status' }, permission: 'deployment.agencies' },
    ],
  });
