/**
 * The OIT watch as the app sees it: the scheduled self-audit of every agency's public OIT year
 * (history per item, alerts, one reminder per newly broken link) and its staff pages.
 */
import { defineModule } from '../../platform/module.js';
import { oitWatchRoutes } from './routes.js';
import type { OitWatchService } from './service.js';

export { oitWatchService, startOitWatchScheduler, type OitWatchService, type OitWatchDeps, type WatchRunSummary, type WatchStatus } from './service.js';
export { planAlerts, slotOf } from './domain/alerts.js';
export type { OitWatchDb, OitWatchTables } from './tables.js';

export const oitWatchModule = (options: { watch: OitWatchService; intervalHours: number }) =>
  defineModule({
    name: 'oit-watch',
    routes: oitWatchRoutes,
    options,
    nav: [{ href: '/admin/oit/watch', label: { th: 'เฝ้าระวังหน้า OIT', en: 'OIT watch' }, permission: 'oit.manage' }],
  });
