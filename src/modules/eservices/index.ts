/**
 * E-services (STYLE.md convention 15): online requests with tracking for citizens, general
 * complaints and suggestions as their own channel (apart from the corruption channel), the staff
 * queue, the satisfaction survey on the shared survey engine, usage statistics and reports that
 * attach themselves to OIT by role. Other modules use only what this file exports.
 *
 * Public: /a/{slug}/eservice (the page to link from the agency's website), its JSON API under
 * /a/{slug}/api/… (see api-routes.ts). Staff: /admin/eservices. CLI: `eservice report`, `eservice purge`.
 */
import { defineModule } from '../../platform/module.js';
import { eservicesRoutes, type EservicesRoutesOptions } from './routes.js';
import { eservicesOpenApi } from './openapi.js';

export { eservicesService, type EservicesService, type Service, type RequestSummary } from './service.js';
export { eserviceReports, parseRound, type EserviceReports, type ReportFormat } from './reports.js';
export { SERVICE_TEMPLATES } from './domain/templates.js';
export { SATISFACTION_KEY } from './satisfaction.js';
export type { EserviceStats, Round } from './domain/stats.js';
export { seedDemoEservices } from './demo.js';

export const eservicesModule = (options: EservicesRoutesOptions) =>
  defineModule({
    name: 'eservices',
    routes: eservicesRoutes,
    options,
    openapi: eservicesOpenApi,
    nav: [{ href: '/admin/eservices', label: { th: 'บริการออนไลน์', en: 'E-services' }, permission: 'eservice.handle' }],
  });
