/**
 * The OIT module as the app and other modules see it (STYLE.md convention 15): the routes
 * plugin with its navigation entry, the service type, and the two functions other modules call —
 * `attachGeneratedEvidence` (the measures document, complaint statistics, e-service reports
 * attach themselves to their item) and `seedDemoOit` (the demo agency's evidence).
 */
import { defineModule } from '../../platform/module.js';
import type { FileStore } from '../../platform/file-store.js';
import type { Clock } from '../../shared/clock.js';
import { oitRoutes } from './routes.js';
import type { OitService } from './service.js';

export type { OitService, ReadinessReport, YearView, ItemState, Evidence } from './service.js';
export { oitService } from './service.js';
export { oitProgressReader, type OitProgress } from './overview.js';
export { OIT_STATUSES, STATUS_LABELS, type OitStatus } from './domain/checks.js';
export { itasCsv, type ItasRow } from './domain/itas-export.js';
export { itasXlsx } from './itas-xlsx.js';
export type { FetchLike, AuditReport } from './self-audit.js';

export const oitModule = (options: { oit: OitService; files: FileStore; clock: Clock }) =>
  defineModule({
    name: 'oit',
    routes: oitRoutes,
    options,
    nav: [{ href: '/admin/oit', label: { th: 'เปิดเผยข้อมูล (OIT)', en: 'Open data (OIT)' }, permission: 'oit.edit' }],
  });

/**
 * Attaches evidence produced by another module to its OIT item (one entry per source and
 * reference; calling again refreshes it). Runs as the system actor and is audited.
 * @example
 * await attachGeneratedEvidence(services.oit, agency.id, 2569, 'O42', {
 *   source: 'documents:measures', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี 2569',
 *   url: `/a/${agency.slug}/ita/2568/measures`, periodFrom: '2025-10-01', periodTo: '2026-09-30',
 * });
 */
export const attachGeneratedEvidence = (oit: OitService, ...args: Parameters<OitService['attachGenerated']>) => oit.attachGenerated(...args);

/**
 * Seeds the demo agency's OIT year (FY2565 in the demo) in mixed states: some items complete and
 * published, others with the gaps NACC marked in the seed's results. Same as
 * `services.oit.seedDemoOit(agencyId, year)`.
 * @example await seedDemoOit(services.oit, agency.id, 2565);
 */
export const seedDemoOit = (oit: OitService, agencyId: string, year: number) => oit.seedDemoOit(agencyId, year);
