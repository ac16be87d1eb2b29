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

export { deploymentService, INVITATION_DAYS, type DeploymentService, type CreatedAgency } from './service.js';
export { deploymentOverview, type DeploymentOverview, type OverviewSources, type OverviewData } from './overview.js';
export { bulkImport, type BulkImport, type BulkImportOutcome } from './bulk-import.js';
export { registerAgencyStatusGate } from './status-gate.js';
export { newDeploymentAgencySchema } from './schemas.js';

export const deploymentModule = (options: {
  config: Config;
  deployment: DeploymentService;
  overview: DeploymentOverview;
  bulkImport: BulkImport;
  systemStatus: () => Promise<SystemStatus>;
}) =>
  defineModule({
    name: 'deployment',
    routes: deploymentRoutes,
    options,
    nav: [
      { href: '/deployment/agencies', label: { th: 'หน่วยงานในระบบ', en: 'Agencies' }, permission: 'deployment.agencies' },
      { href: '/deployment/overview', label: { th: 'ภาพรวมระดับจังหวัด', en: 'Province view' }, permission: 'deployment.overview' },
      { href: '/deployment/system', label: { th: 'สถานะระบบ', en: 'System status' }, permission: 'deployment.agencies' },
    ],
  });
