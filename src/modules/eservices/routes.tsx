/**
 * The e-services routes plugin: citizens' pages, the JSON API (its own child scope, so its JSON
 * error handler does not touch the pages) and the staff pages.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../shared/clock.js';
import type { FileStore } from '../../platform/file-store.js';
import type { Unit } from '../agencies/index.js';
import type { User } from '../users/index.js';
import type { EservicesService } from './service.js';
import type { EserviceReports } from './reports.js';
import type { CitizenNotifier } from './notifications.js';
import { publicRoutes } from './public-routes.js';
import { apiRoutes } from './api-routes.js';
import { staffRoutes } from './staff-routes.js';

export interface EservicesRoutesOptions extends Record<string, unknown> {
  eservices: EservicesService;
  reports: EserviceReports;
  /** Citizens' notices: the request page lists what was sent (never to whom). */
  notices?: CitizenNotifier;
  files: FileStore;
  clock: Clock;
  listUsers: (agencyId: string) => Promise<User[]>;
  listUnits: (agencyId: string) => Promise<Unit[]>;
  publicBaseUrl: string;
}

export const eservicesRoutes: FastifyPluginAsync<EservicesRoutesOptions> = async (app, options) => {
  publicRoutes(app, options);
  staffRoutes(app, options);
  await app.register(async (api) => apiRoutes(api, options));
};
