/**
 * Deployment administration pages (/deployment/…, deployment administrator only) and the public
 * invitation page (/invite/:token). Parse → service → page or 303; no SQL here.
 */
import type { FastifyPluginAsync } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { actorOf } from '../../platform/audit.js';
import { pageContext, redirect, SESSION_COOKIE } from '../../platform/request-context.js';
import { sessionCookieOptions } from '../../platform/http.js';
import type { Config } from '../../config/index.js';
import { DomainError, validationError } from '../../shared/errors.js';
import { sendPage } from '../../ui/render.js';
import type { DeploymentService } from './service.js';
import type { DeploymentOverview } from './overview.js';
import { agencyStatusSchema, overviewQuerySchema } from './schemas.js';
import { AgenciesPage } from './views/AgenciesPage.js';
import { BulkImportPage } from './views/BulkImportPage.js';
import type { BulkImport } from './bulk-import.js';
import { AgencyPage } from './views/AgencyPage.js';
import { InvitationPage } from './views/InvitationPage.js';
import { OverviewPage } from './views/OverviewPage.js';
import { DeploymentAuditPage } from './views/DeploymentAuditPage.js';
import type { AuditLabeller } from '../audit/index.js';
import { SystemPage } from './views/SystemPage.js';
import type { SystemStatus } from '../../platform/observability.js';
import { overviewCsv, overviewXlsx } from './export.js';

export interface DeploymentRoutesOptions extends Record<string, unknown> {
  config: Config;
  /** Version, migrations and readiness of this instance (platform/observability). */
  systemStatus: () => Promise<SystemStatus>;
  deployment: DeploymentService;
  overview: DeploymentOverview;
  bulkImport: BulkImport;
  auditLabels: () => AuditLabeller;
}

const fields = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

export const deploymentRoutes: FastifyPluginAsync<DeploymentRoutesOptions> = async (app, { config, deployment, overview, bulkImport, systemStatus, auditLabels }) => {
  const manage = { preHandler: requirePermission('deployment.agencies') };
  const view = { preHandler: requirePermission('deployment.overview') };

  app.get('/deployment', manage, async (_request, reply) => redirect(reply, '/deployment/agencies'));

  app.get('/deployment/agencies', manage, async (request, reply) => {
    const { user } = staff(request);
    return sendPage(reply, <AgenciesPage ctx={pageContext(request, reply)} agencies={await deployment.listAgencies(actorOf(user))} />);
  });

  app.post('/deployment/agencies', manage, async (request, reply) => {
    const { user } = staff(request);
    const body = fields(request.body);
    try {
      const created = await deployment.createAgency(actorOf(user), body);
      const agencies = await deployment.listAgencies(actorOf(user));
      // The link is shown once on this response (it is kept only as a hash), so no redirect.
      return sendPage(reply, <AgenciesPage ctx={pageContext(request, reply)} agencies={agencies} created={created} />, 201);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const agencies = await deployment.listAgencies(actorOf(user));
        return sendPage(reply, <AgenciesPage ctx={pageContext(request, reply)} agencies={agencies} values={body} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>('/deployment/agencies/:id', manage, async (request, reply) => {
    const { user } = staff(request);
    const agency = await deployment.getAgency(actorOf(user), request.params.id);
    return sendPage(reply, <AgencyPage ctx={pageContext(request, reply)} agency={agency} />);
  });

  app.post<{ Params: { id: string } }>('/deployment/agencies/:id/status', manage, async (request, reply) => {
    const { user } = staff(request);
    const parsed = agencyStatusSchema.safeParse(request.body);
    if (!parsed.success) throw validationError('กรุณาเลือกสถานะของหน่วยงาน', [{ field: 'status', message: 'กรุณาเลือกสถานะของหน่วยงาน' }]);
    const agency = await deployment.setAgencyStatus(actorOf(user), request.params.id, parsed.data.status);
    return redirect(reply, `/deployment/agencies/${agency.id}`, `บันทึกสถานะของ ${agency.nameTh} แล้ว`);
  });

  app.post<{ Params: { id: string } }>('/deployment/agencies/:id/invitation', manage, async (request, reply) => {
    const { user } = staff(request);
    const inviteUrl = await deployment.reissueInvitation(actorOf(user), request.params.id);
    const agency = await deployment.getAgency(actorOf(user), request.params.id);
    return sendPage(reply, <AgencyPage ctx={pageContext(request, reply)} agency={agency} inviteUrl={inviteUrl} />, 201);
  });

  app.get('/deployment/system', manage, async (request, reply) =>
    sendPage(reply, <SystemPage ctx={pageContext(request, reply)} status={await systemStatus()} />),
  );

  app.get('/deployment/audit', manage, async (request, reply) => {
    const { user } = staff(request);
    return sendPage(reply, <DeploymentAuditPage ctx={pageContext(request, reply)} entries={await deployment.deploymentAudit(actorOf(user))} labels={auditLabels()} />);
  });

  // ---- province and national views ----------------------------------------------------------

  app.get('/deployment/overview', view, async (request, reply) => {
    const { user } = staff(request);
    const query = overviewQuerySchema.parse(request.query ?? {});
    const data = await overview.view(actorOf(user), query, { sorted: !!(query.province || query.type) });
    return sendPage(reply, <OverviewPage ctx={pageContext(request, reply)} data={data} query={query} />);
  });

  // Private (no-store) like every /deployment response: src/platform/cache-policy.ts.
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/deployment/overview.${format}`, view, async (request, reply) => {
      const { user } = staff(request);
      const query = overviewQuerySchema.parse(request.query ?? {});
      const data = await overview.view(actorOf(user), query);
      const name = `prongsai-overview-${query.province ?? 'all'}-${data.oitYear}.${format}`;
      reply.header('content-disposition', `attachment; filename="overview-${data.oitYear}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(overviewCsv(data));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await overviewXlsx(data));
    });
  }

  // ---- bulk import ----------------------------------------------------------------------------

  app.get('/deployment/import', manage, async (request, reply) => sendPage(reply, <BulkImportPage ctx={pageContext(request, reply)} values={{}} />));

  app.post('/deployment/import', manage, async (request, reply) => {
    const { user } = staff(request);
    let province = '';
    try {
      if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', 'กรุณาส่งไฟล์ผ่านแบบฟอร์มนำเข้า');
      const part = await request.file();
      const field = part?.fields.province;
      if (field && !Array.isArray(field) && field.type === 'field') province = String(field.value ?? '');
      const buffer = part ? await part.toBuffer() : Buffer.alloc(0);
      if (!part || (buffer.length === 0 && !part.filename)) throw validationError('กรุณาเลือกไฟล์ผลการประเมิน (CSV หรือ XLSX)', [{ field: 'file', message: 'กรุณาเลือกไฟล์' }]);
      const outcome = await bulkImport.importFile(actorOf(user), buffer, part.filename ?? '', { province });
      return redirect(
        reply,
        `/deployment/overview?province=${encodeURIComponent(province)}`,
        `นำเข้าแล้ว ${outcome.rows} แถว: สร้างหน่วยงานใหม่ ${outcome.createdAgencies} แห่ง บันทึกผลการประเมิน ${outcome.savedResults} รายการ`,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <BulkImportPage ctx={pageContext(request, reply)} values={{ province }} failure={{ message: error.message, errors: error.fieldErrors }} />, 400);
      }
      throw error;
    }
  });

  // ---- the invited administrator (public: they have no account yet) ---------------------------

  app.get<{ Params: { token: string } }>('/invite/:token', async (request, reply) => {
    const agency = await deployment.invitationAgency(request.params.token);
    if (!agency) throw new DomainError('FORBIDDEN', 'ลิงก์เชิญนี้ไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบระดับจังหวัด');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(reply, <InvitationPage ctx={pageContext(request, reply, agency)} token={request.params.token} agency={agency} values={{}} />);
  });

  app.post<{ Params: { token: string } }>('/invite/:token', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = fields(request.body);
    try {
      const { sessionToken } = await deployment.acceptInvitation(request.params.token, body);
      reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookieOptions(config));
      return redirect(reply, '/admin', 'สร้างบัญชีผู้ดูแลระบบของหน่วยงานแล้ว ยินดีต้อนรับสู่โปร่งใส');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const agency = await deployment.invitationAgency(request.params.token);
        if (!agency) throw error;
        const { password: _p, passwordConfirm: _c, ...kept } = body;
        reply.header('referrer-policy', 'no-referrer');
        return sendPage(reply, <InvitationPage ctx={pageContext(request, reply, agency)} token={request.params.token} agency={agency} values={kept} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });
};
