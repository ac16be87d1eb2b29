/** Staff pages of the calendar (/admin/calendar/:year, entry edits) and the executive summary (/admin/executive[/:year][.pdf]). */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DomainError, notFound } from '../../shared/errors.js';
import { fiscalYearParam } from '../../shared/params.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { sendDownload } from '../../platform/download.js';
import { sendPage } from '../../ui/render.js';
import { renderDocument } from '../documents/index.js';
import type { CalendarService } from './service.js';
import { CalendarEntryPage, CalendarPage, ExecutivePage } from './views/CalendarPages.js';

export interface CalendarRoutesOptions extends Record<string, unknown> {
  calendar: CalendarService;
}

const canView = requirePermission('results.view');
const canEdit = requirePermission('plan.edit');
const yearOf = (request: FastifyRequest) => fiscalYearParam((request.params as { year: string }).year);
const keyOf = (request: FastifyRequest) => String((request.query as { key?: unknown }).key ?? '');

export const calendarRoutes: FastifyPluginAsync<CalendarRoutesOptions> = async (app, { calendar }) => {
  app.get('/admin/calendar', { preHandler: canView }, (_request, reply) => redirect(reply, `/admin/calendar/${fiscalYearOf(calendar.today())}`));

  app.get('/admin/calendar/:year', { preHandler: canView }, async (request, reply) => {
    const { user, agency } = staff(request);
    const year = yearOf(request);
    const [entries, notifications] = await Promise.all([calendar.deadlines(agency.id, year), calendar.notifications(user)]);
    const ctx = pageContext(request, reply);
    return sendPage(reply, <CalendarPage ctx={ctx} year={year} entries={entries} notifications={notifications} canEdit={ctx.can('plan.edit')} />);
  });

  async function entryOf(agencyId: string, year: number, key: string) {
    const entry = (await calendar.deadlines(agencyId, year)).find((e) => e.key === key);
    if (!entry) throw notFound('ไม่พบกำหนดส่งนี้ในปฏิทิน');
    return entry;
  }

  app.get('/admin/calendar/:year/entry', { preHandler: canEdit }, async (request, reply) => {
    const { agency } = staff(request);
    const year = yearOf(request);
    const entry = await entryOf(agency.id, year, keyOf(request));
    return sendPage(reply, <CalendarEntryPage ctx={pageContext(request, reply)} year={year} entry={entry} values={{ due: entry.edited ? entry.due : '', done: entry.status === 'done' ? '1' : '0' }} />);
  });

  app.post('/admin/calendar/:year/entry', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const year = yearOf(request);
    const key = keyOf(request);
    const body = request.body as Record<string, string>;
    try {
      await calendar.edit(user, year, key, { due: body.due ?? '', done: body.done ?? '' });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const entry = await entryOf(agency.id, year, key);
        return sendPage(reply, <CalendarEntryPage ctx={pageContext(request, reply)} year={year} entry={entry} values={{ due: body.due ?? '', done: body.done ?? '' }} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
    return redirect(reply, `/admin/calendar/${year}`, 'บันทึกกำหนดส่งแล้ว');
  });

  app.get('/admin/executive', { preHandler: canView }, async (request, reply) => {
    const { agency } = staff(request);
    const { year, model } = await calendar.executiveSummary(agency.id);
    return sendPage(reply, <ExecutivePage ctx={pageContext(request, reply)} year={year} model={model} />);
  });

  app.get('/admin/executive/:file', { preHandler: canView }, async (request, reply) => {
    const { agency } = staff(request);
    const m = /^(\d{4})(\.pdf)?$/.exec((request.params as { file: string }).file);
    if (!m) throw notFound();
    const { year, model } = await calendar.executiveSummary(agency.id, fiscalYearParam(m[1]));
    if (!m[2]) return sendPage(reply, <ExecutivePage ctx={pageContext(request, reply)} year={year} model={model} />);
    const doc = await renderDocument(model, 'pdf');
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, 'inline');
  });
};
