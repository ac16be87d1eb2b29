/** The audit module: a page listing the agency's audit trail (STYLE.md convention 15). */
import { defineModule } from '../../platform/module.js';
import { auditRoutes } from './routes.js';
import type { AuditService } from './service.js';

export { auditService, type AuditService } from './service.js';
export { actionLabel, entityLabel, summariseDetails } from './labels.js';

export const auditModule = (options: { audit: AuditService }) =>
  defineModule({
    name: 'audit',
    routes: auditRoutes,
    options,
    nav: [{ href: '/admin/audit', label: { th: 'บันทึกการใช้งาน', en: 'Audit log' }, permission: 'audit.view' }],
  });
