/**
 * Hearing opinions and participation (STYLE.md convention 15): the agency publishes a
 * consultation or activity; citizens register or send opinions without an account; staff record
 * who took part (counts by group), what came out and how it was used; the participation report
 * (page, DOCX, PDF) is attached by role (`participation`) to the year's OIT item. Other modules
 * use only what this file exports.
 *
 * Public: /a/{slug}/participation. Staff: /admin/participation.
 */
import { auditWords, defineModule } from '../../platform/module.js';
import { participationRoutes, type ParticipationRoutesOptions } from './routes.js';

export { participationService, participationReportModel, type ParticipationService, type Activity } from './service.js';
export { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, parseGroups, missingElements } from './domain/report.js';
export { seedDemoParticipation } from './demo.js';
export type { ParticipationDb, ParticipationTables } from './tables.js';

export const participationModule = (options: ParticipationRoutesOptions) =>
  defineModule({
    name: 'participation',
    permissions: ['participation.manage'],
    routes: participationRoutes,
    options,
    oitEvidenceRoles: ['participation'],
    nav: [{ href: '/admin/participation', label: { th: 'การมีส่วนร่วม', en: 'Participation' }, permission: 'participation.manage' }],
    auditLabels: {
      actions: {
        'participation.create': { th: 'เพิ่มกิจกรรมการมีส่วนร่วม', en: 'Participation activity added' },
        'participation.update': { th: 'แก้ไขกิจกรรมการมีส่วนร่วม', en: 'Participation activity changed' },
        'participation.results': { th: 'บันทึกผลการมีส่วนร่วม', en: 'Participation results recorded' },
        'participation.report': { th: 'จัดทำรายงานผลการมีส่วนร่วม', en: 'Participation report produced' },
      },
      entities: { participation_activity: { th: 'กิจกรรมการมีส่วนร่วม', en: 'Participation activity' } },
      details: { participants: { th: 'ผู้เข้าร่วม', en: 'Participants' } },
      values: { oit_evidence: auditWords({ participation: 'รายงานการมีส่วนร่วมที่ระบบจัดทำ' }) },
    },
  });
