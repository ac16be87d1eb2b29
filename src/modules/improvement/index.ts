/**
 * The improvement plan module as the app and other modules see it: the plan drafted from the
 * analysis, its rows and driving measures, the XLSX round trip. Documents read the saved plan
 * (`getPlan`) or draft one with `draftPlan`; the tracking module reads the published plan.
 */
import { defineModule } from '../../platform/module.js';
import { improvementRoutes, type ImprovementRoutesOptions } from './routes.js';

export { improvementService, type ImprovementService, type ImprovementDeps } from './service.js';
export type { ImprovementPlan, PlanRow, DrivingMeasure, PlanRowSource } from './domain/types.js';
export { draftPlan, defaultDrivingMeasures } from './domain/draft-plan.js';
export type { ImprovementDb, ImprovementTables } from './tables.js';
export { latestPlansReader, type PlanStatus } from './overview.js';

export const improvementModule = (options: ImprovementRoutesOptions) =>
  defineModule({
    name: 'improvement',
    routes: improvementRoutes,
    options,
    permissions: ['plan.edit'],
    // A plan drafted from the demo's results, as an officer's first click would make it.
    seedDemo: async ({ agencyId, actor, resultsYear }) => void (await options.plans.draft(actor, agencyId, resultsYear)),
    nav: [{ href: '/admin/plan', label: { th: 'แผนปรับปรุง', en: 'Improvement plan' }, permission: 'results.view' }],
    auditLabels: {
      actions: {
        'plan.draft': { th: 'จัดทำร่างแผนปรับปรุง', en: 'Plan drafted' },
        'plan.import': { th: 'นำเข้าแผนปรับปรุงจากไฟล์', en: 'Plan imported' },
        'plan.row_create': { th: 'เพิ่มแถวในแผนปรับปรุง', en: 'Plan row added' },
        'plan.row_update': { th: 'แก้ไขแถวของแผนปรับปรุง', en: 'Plan row changed' },
        'plan.row_delete': { th: 'ลบแถวของแผนปรับปรุง', en: 'Plan row deleted' },
        'plan.units': { th: 'กำหนดหน่วยงานผู้รับผิดชอบตามประเภทงานของแผนปรับปรุง', en: 'Responsible units for plan drafts set' },
        'plan.measures_update': { th: 'แก้ไขมาตรการขับเคลื่อน', en: 'Driving measures changed' },
      },
      entities: { improvement_plan: { th: 'แผนปรับปรุง', en: 'Improvement plan' }, plan_row: { th: 'แถวของแผนปรับปรุง', en: 'Plan row' } },
    },
  });
