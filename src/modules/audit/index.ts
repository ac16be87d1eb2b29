/** The audit module: a page listing the agency's audit trail (STYLE.md convention 15). */
import { defineModule, type AuditLabels } from '../../platform/module.js';
import { auditRoutes } from './routes.js';
import { auditLabeller, COMMON_DETAIL_WORDS } from './labels.js';
import type { AuditService } from './service.js';

export { auditService, type AuditService } from './service.js';
export { auditLabeller, type AuditLabeller, type DetailPart } from './labels.js';
export { AuditDetails } from './views/AuditPage.js';

/** `labels`: every module's audit words, merged by the app from the manifests. */
export const auditModule = (options: { audit: AuditService; labels: Required<AuditLabels> }) =>
  defineModule({
    name: 'audit',
    routes: auditRoutes,
    options: { audit: options.audit, labels: auditLabeller(options.labels) },
    permissions: ['audit.view'],
    // Detail keys shared by several modules (the labeller merges each module's own words over them).
    auditLabels: { details: COMMON_DETAIL_WORDS },
    nav: [{ href: '/admin/audit', label: { th: 'บันทึกการใช้งาน', en: 'Audit log' }, permission: 'audit.view' }],
  });
