/**
 * The procurement module as the app and other modules see it: the contract register from e-GP
 * data (file import, government spending API), the monthly summary (แบบ สขร.๑) and the annual
 * report, attached by role to the OIT items `procurement-monthly` and `procurement-annual`.
 */
import { auditWords, defineModule } from '../../platform/module.js';
import type { Agency } from '../agencies/index.js';
import { procurementRoutes } from './routes.js';
import { procurementOpenApi } from './openapi.js';
import { seedDemoProcurement } from './demo.js';
import type { ProcurementService } from './service.js';

export { procurementService, readGrid, mappingFrom, IMPORT_REJECTED as PROCUREMENT_IMPORT_REJECTED, MONTHLY_ROLE, ANNUAL_ROLE, type ProcurementService, type ProcurementDeps, type ImportOutcome, type SyncOutcome } from './service.js';
export { govspendingClient, GovspendingError, GOVSPENDING_DEFAULT_BASE, type GovspendingClient } from './govspending-client.js';
export { seedDemoProcurement, DEMO_PROCUREMENT_YEAR } from './demo.js';
export { startPendingImportSweeper } from './pending-imports.js';
export { SKR1_COLUMNS } from './domain/summaries.js';
export type { Contract } from './domain/types.js';
export type { ProcurementDb, ProcurementTables } from './tables.js';

export const procurementModule = (options: { procurement: ProcurementService; agencyBySlug: (slug: string) => Promise<Agency | undefined> }) =>
  defineModule({
    name: 'procurement',
    routes: procurementRoutes,
    options,
    permissions: ['procurement.manage'],
    oitEvidenceRoles: ['procurement-monthly', 'procurement-annual'],
    openapi: procurementOpenApi,
    // FY2569 register with a few months filled and one month empty, the months attached to OIT.
    seedDemo: ({ agencyId, actor }) => seedDemoProcurement(options.procurement, actor, agencyId),
    auditLabels: {
      actions: {
        'procurement.import': { th: 'นำเข้าทะเบียนการจัดซื้อจัดจ้าง', en: 'Procurement register imported' },
        'procurement.sync': { th: 'ดึงข้อมูลสัญญาจากระบบข้อมูลการใช้จ่ายภาครัฐ', en: 'Contracts fetched from the spending API' },
        'procurement.plan': { th: 'นำเข้าแผนการจัดซื้อจัดจ้าง', en: 'Procurement plan imported' },
        'procurement.publish': { th: 'แนบสรุปผลการจัดซื้อจัดจ้างรายเดือนเป็นหลักฐาน OIT', en: 'Monthly procurement summaries attached' },
        'procurement.annual': { th: 'จัดทำรายงานผลการจัดซื้อจัดจ้างประจำปี', en: 'Annual procurement report produced' },
      },
      entities: {
        procurement_register: { th: 'ทะเบียนการจัดซื้อจัดจ้าง', en: 'Procurement register' },
        procurement_plan: { th: 'แผนการจัดซื้อจัดจ้าง', en: 'Procurement plan' },
        procurement_summary: { th: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน', en: 'Monthly procurement summary' },
        procurement_report: { th: 'รายงานผลการจัดซื้อจัดจ้างประจำปี', en: 'Annual procurement report' },
      },
      details: { trigger: { th: 'เผยแพร่เมื่อ', en: 'Published on' } },
      values: {
        procurement_summary: auditWords({ manual: 'สั่งเผยแพร่เอง', import: 'นำเข้าข้อมูลแล้ว', sync: 'ดึงข้อมูลอัตโนมัติแล้ว' }),
        oit_evidence: auditWords({ 'procurement:monthly': 'สรุปผลการจัดซื้อจัดจ้างรายเดือนที่ระบบจัดทำ', 'procurement:annual': 'รายงานผลการจัดซื้อจัดจ้างประจำปีที่ระบบจัดทำ' }),
      },
    },
    nav: [{ href: '/admin/procurement', label: { th: 'จัดซื้อจัดจ้าง', en: 'Procurement' }, permission: 'procurement.manage' }],
  });
