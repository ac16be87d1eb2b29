/** The audit log page, for audit.view. Read-only: entries are written by the use cases themselves. */
import type { FastifyPluginAsync } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext } from '../../platform/request-context.js';
import { sendPage } from '../../ui/render.js';
import { AUDIT_PAGE_SIZE, type AuditService } from './service.js';
import { AuditPage } from './views/AuditPage.js';
import type { AuditLabeller } from './labels.js';

export interface AuditRoutesOptions extends Record<string, unknown> {
  audit: AuditService;
  labels: AuditLabeller;
}

export const auditRoutes: FastifyPluginAsync<AuditRoutesOptions> = async (app, { audit, labels }) => {
  app.get('/admin/audit', { preHandler: requirePermission('audit.view') }, async (request, reply) => {
    const { agency } = staff(request);
    const entries = await audit.latest(agency.id, AUDIT_PAGE_SIZE);
    return sendPage(reply, <AuditPage ctx={pageContext(request, reply)} entries={entries} limit={AUDIT_PAGE_SIZE} labels={labels} />);
  });
};
