/**
 * Survey routes: `/a/:slug/survey/:token` (answer once, no account) and the staff pages under
 * /admin/surveys (results, CSV/XLSX export, a new version with an added question).
 */
import { publicTenant } from '../../platform/tenant.js';
import type { FastifyPluginAsync } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { contentDisposition } from '../../platform/file-store.js';
import { sendPage } from '../../ui/render.js';
import { DomainError, notFound, type FieldError } from '../../shared/errors.js';
import type { SurveysService } from './service.js';
import type { Question } from './domain/questions.js';
import { SurveyAnswerPage, SurveyListPage, SurveyResultsPage } from './views/SurveyPages.js';

export interface SurveysRoutesOptions extends Record<string, unknown> {
  surveys: SurveysService;
}

const ID = /^[0-9a-f-]{36}$/i;
const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v ?? '')]));

export const surveysRoutes: FastifyPluginAsync<SurveysRoutesOptions> = async (app, { surveys }) => {

  app.get<{ Params: { slug: string; token: string } }>('/a/:slug/survey/:token', async (request, reply) => {
    const agency = publicTenant(request);
    const { form, spent } = await surveys.openToken(agency.id, request.params.token);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return sendPage(reply, <SurveyAnswerPage ctx={pageContext(request, reply, agency)} form={form} spent={spent} action={request.url.split('?')[0]!} />);
  });

  app.post<{ Params: { slug: string; token: string } }>('/a/:slug/survey/:token', async (request, reply) => {
    const agency = publicTenant(request);
    const values = strings(request.body);
    try {
      await surveys.respond(agency.id, request.params.token, values);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const { form, spent } = await surveys.openToken(agency.id, request.params.token);
        return sendPage(reply, <SurveyAnswerPage ctx={pageContext(request, reply, agency)} form={form} spent={spent} action={request.url.split('?')[0]!} values={values} errors={error.fieldErrors} />, 400);
      }
      if (error instanceof DomainError && error.code === 'CONFLICT') {
        // Closed or already answered meanwhile: the link's own page, which says which, with 409.
        const { form, spent } = await surveys.openToken(agency.id, request.params.token);
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        return sendPage(reply, <SurveyAnswerPage ctx={pageContext(request, reply, agency)} form={form} spent={spent} action={request.url.split('?')[0]!} />, 409);
      }
      throw error;
    }
    return redirect(reply, request.url.split('?')[0]!, 'บันทึกคำตอบแล้ว ขอบคุณที่ให้ความเห็น');
  });

  const view = { preHandler: requirePermission('eservice.manage') };
  const manage = { preHandler: requirePermission('survey.manage') };
  const formIdOf = (params: { id: string }) => {
    if (!ID.test(params.id)) throw notFound('ไม่พบแบบสำรวจ');
    return params.id;
  };
  /** Refuses (403) a form whose results only its owning module shows. */
  const engineForm = async (agencyId: string, params: { id: string }) => (await surveys.getFormForEngineView(agencyId, formIdOf(params))).id;

  app.get('/admin/surveys', view, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <SurveyListPage ctx={pageContext(request, reply)} forms={await surveys.listForms(agency.id)} />);
  });

  app.get<{ Params: { id: string } }>('/admin/surveys/:id', view, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <SurveyResultsPage ctx={pageContext(request, reply)} results={await surveys.results(agency.id, await engineForm(agency.id, request.params))} />);
  });

  app.get<{ Params: { id: string; format: string } }>('/admin/surveys/:id/export.:format', view, async (request, reply) => {
    const { agency } = staff(request);
    const id = await engineForm(agency.id, request.params);
    const form = await surveys.getForm(agency.id, id);
    reply.header('cache-control', 'no-store');
    if (request.params.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', `${form.title}.csv`)).send(await surveys.exportCsv(agency.id, id));
    }
    if (request.params.format === 'xlsx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('attachment', `${form.title}.xlsx`))
        .send(await surveys.exportXlsx(agency.id, id));
    }
    throw notFound();
  });

  app.post<{ Params: { id: string } }>('/admin/surveys/:id/questions', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const id = await engineForm(agency.id, request.params);
    const values = strings(request.body);
    const form = await surveys.getForm(agency.id, id);
    const options = (values.options ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    // A key the staff never type: q + the next free number keeps keys stable across versions.
    let n = form.questions.length + 1;
    while (form.questions.some((q) => q.key === `q${n}`)) n += 1;
    const added = { key: `q${n}`, text: values.text ?? '', type: values.type ?? '', required: false, ...(values.type === 'choice' ? { options } : {}) };
    try {
      await surveys.publishVersion(actorOf(user), agency.id, id, [...form.questions, added as Question]);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const errors: FieldError[] = error.fieldErrors.map((e) => ({ field: e.field.split('.').pop() ?? '', message: e.message }));
        return sendPage(reply, <SurveyResultsPage ctx={pageContext(request, reply)} results={await surveys.results(agency.id, id)} values={values} errors={errors} />, 400);
      }
      throw error;
    }
    return redirect(reply, `/admin/surveys/${id}`, 'เพิ่มคำถามแล้ว (แบบสำรวจฉบับใหม่)');
  });
};
