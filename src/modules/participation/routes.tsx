/**
 * Participation routes. Public: /a/:slug/participation (list), /a/:slug/participation/:id
 * (register or send an opinion), /a/:slug/participation/:id/report[.docx|.pdf]. Staff:
 * /admin/participation (activities, results, report).
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { contentDisposition } from '../../platform/file-store.js';
import { sendPage } from '../../ui/render.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { Agency } from '../agencies/index.js';
import type { RenderedDocument } from '../documents/index.js';
import type { ParticipationService } from './service.js';
import { PublicActivityPage, PublicListPage, ReportPage, StaffActivityPage, StaffListPage } from './views/ParticipationPages.js';

export interface ParticipationRoutesOptions extends Record<string, unknown> {
  participation: ParticipationService;
  agencyBySlug: (slug: string) => Promise<Agency | undefined>;
}

const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))]));
const formatOf = (f: string): 'docx' | 'pdf' => {
  if (f === 'docx' || f === 'pdf') return f;
  throw notFound();
};
const sendDoc = (reply: FastifyReply, doc: RenderedDocument) =>
  reply.type(doc.contentType).header('content-disposition', contentDisposition('attachment', doc.fileName)).send(doc.buffer);

export const participationRoutes: FastifyPluginAsync<ParticipationRoutesOptions> = async (app, { participation, agencyBySlug }) => {
  const tenant = async (slug: string) => {
    const agency = await agencyBySlug(slug);
    if (!agency) throw notFound('ไม่พบหน่วยงาน');
    return agency;
  };

  app.get<{ Params: { slug: string } }>('/a/:slug/participation', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    return sendPage(reply, <PublicListPage ctx={pageContext(request, reply, agency)} activities={await participation.publicList(agency.id)} />);
  });

  app.get<{ Params: { slug: string; id: string } }>('/a/:slug/participation/:id', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const activity = await participation.publicGet(agency.id, request.params.id);
    return sendPage(reply, <PublicActivityPage ctx={pageContext(request, reply, agency)} activity={activity} counts={await participation.counts(agency.id, activity.id)} />);
  });

  app.post<{ Params: { slug: string; id: string } }>('/a/:slug/participation/:id', { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const values = strings(request.body);
    try {
      await participation.submit(agency.id, request.params.id, values);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const activity = await participation.publicGet(agency.id, request.params.id);
        return sendPage(reply, <PublicActivityPage ctx={pageContext(request, reply, agency)} activity={activity} counts={await participation.counts(agency.id, activity.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
    return redirect(reply, `/a/${agency.slug}/participation/${request.params.id}`, values.kind === 'register' ? 'ลงทะเบียนแล้ว ขอบคุณที่ร่วมกิจกรรม' : 'ส่งความคิดเห็นแล้ว ขอบคุณที่ร่วมแสดงความคิดเห็น');
  });

  app.get<{ Params: { slug: string; id: string } }>('/a/:slug/participation/:id/report', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const activity = await participation.publicGet(agency.id, request.params.id);
    if (!activity.reportProducedAt) throw notFound('ยังไม่มีรายงานของกิจกรรมนี้');
    return sendPage(reply, <ReportPage ctx={pageContext(request, reply, agency)} activity={activity} base={`/a/${agency.slug}/participation/${activity.id}`} />);
  });

  app.get<{ Params: { slug: string; id: string; format: string } }>('/a/:slug/participation/:id/report.:format', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    return sendDoc(reply, await participation.renderReport(agency.id, request.params.id, formatOf(request.params.format), { public: true }));
  });

  const guard = { preHandler: requirePermission('participation.manage') };

  app.get('/admin/participation', guard, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <StaffListPage ctx={pageContext(request, reply)} activities={await participation.list(agency.id)} />);
  });

  app.post('/admin/participation', guard, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    try {
      const a = await participation.create(actorOf(user), agency.id, values);
      return redirect(reply, `/admin/participation/${a.id}`, 'บันทึกกิจกรรมแล้ว');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <StaffListPage ctx={pageContext(request, reply)} activities={await participation.list(agency.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  const staffPage = async (request: Parameters<typeof staff>[0], reply: FastifyReply, id: string, values?: Record<string, string>, errors?: DomainError) => {
    const { agency } = staff(request);
    const activity = await participation.get(agency.id, id);
    return sendPage(
      reply,
      <StaffActivityPage ctx={pageContext(request, reply)} activity={activity} submissions={await participation.submissions(agency.id, id)} {...(values ? { values } : {})} {...(errors ? { errors: errors.fieldErrors } : {})} />,
      errors ? 400 : 200,
    );
  };

  app.get<{ Params: { id: string } }>('/admin/participation/:id', guard, async (request, reply) => staffPage(request, reply, request.params.id));

  for (const [path, run, done] of [
    ['', (u, a, id, v) => participation.update(u, a, id, v), 'บันทึกรายละเอียดกิจกรรมแล้ว'],
    ['/results', (u, a, id, v) => participation.recordResults(u, a, id, v), 'บันทึกผลการมีส่วนร่วมแล้ว'],
    ['/report', (u, a, id) => participation.produceReport(u, a, id), 'จัดทำรายงานและแนบเป็นหลักฐาน OIT แล้ว'],
  ] as const satisfies readonly (readonly [string, (actor: ReturnType<typeof actorOf>, agencyId: string, id: string, values: Record<string, string>) => Promise<unknown>, string])[]) {
    app.post<{ Params: { id: string } }>(`/admin/participation/:id${path}`, guard, async (request, reply) => {
      const { user, agency } = staff(request);
      const values = strings(request.body);
      try {
        await run(actorOf(user), agency.id, request.params.id, values);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'VALIDATION') return staffPage(request, reply, request.params.id, path === '/report' ? undefined : values, error);
        throw error;
      }
      return redirect(reply, `/admin/participation/${request.params.id}`, done);
    });
  }

  app.get<{ Params: { id: string; format: string } }>('/admin/participation/:id/report.:format', guard, async (request, reply) => {
    const { agency } = staff(request);
    return sendDoc(reply, await participation.renderReport(agency.id, request.params.id, formatOf(request.params.format)));
  });
};
