/** First-run setup as the app sees it: the one-time link creates the first agency and its administrator. */
import { defineModule } from '../../platform/module.js';
import { setupRoutes, type SetupRoutesOptions } from './routes.js';

export { setupService, type SetupService } from './service.js';

export const setupModule = (options: SetupRoutesOptions) =>
  defineModule({
    name: 'setup',
    routes: setupRoutes,
    options,
    auditLabels: { actions: { 'setup.complete': { th: 'ตั้งค่าระบบครั้งแรก', en: 'First-run setup' } } },
  });
