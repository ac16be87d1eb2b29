/** The agencies module as the app and other modules see it (STYLE.md convention 15). */
import { defineModule } from '../../platform/module.js';
import { agenciesRoutes } from './routes.js';
import type { AgenciesService } from './service.js';

export type { AgenciesService } from './service.js';
export type { Agency, Unit, Executive } from './domain/agency.js';
export { AGENCY_TYPES, agencyTypeLabel, AGENCY_STATUSES, AGENCY_STATUS_LABELS, isAgencyStatus, SLUG_PATTERN, DEFAULT_UNITS } from './domain/agency.js';
export type { AgencyStatus } from './domain/agency.js';
export { newAgencySchema, type NewAgencyInput } from './schemas.js';

/** Profile, units and executives: readable by all staff, editable with agency.manage. */
export const agenciesModule = (options: { agencies: AgenciesService }) =>
  defineModule({
    name: 'agencies',
    routes: agenciesRoutes,
    options,
    nav: [{ href: '/admin/agency', label: { th: 'ข้อมูลหน่วยงาน', en: 'Agency' } }],
  });
