/** The watch's staff pages: /admin/oit/watch (dashboard, run now) and /admin/oit/watch/:year/:code (history of an item). */
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../../shared/errors.js';
import { fiscalYearParam } from '../../shared/params.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { inProcessFetch } from '../../platform/in-process-fetch.js';
import { sendPage } from '../../ui/render.js';
import type { OitWatchService } from './service.js';
import { ItemHistoryPage, WatchPage } from './views/WatchPages.js';

export interface OitWatchRoutesOptions extends Record<string, unknown> {
  watch: OitWatchService;
  intervalHours: number;
}

const guard = { preHandler: requirePermission('oit.manage') };

export const oitWatchRoutes: FastifyPluginAsync<OitWatchRoutesOptions> = async (app, { watch, intervalHours }) => {
  // "Check now" reads the built-in portal in process, as the scheduler does.
  const ownSite = inProcessFetch(app);

  app.get('/admin/oit/watch', guard, async (request, reply) => {
    const view = await watch.dashboard(staff(request).agency.id);
    return sendPage(reply, <WatchPage ctx={pageContext(request, reply)} {...view} intervalHours={intervalHours} />);
  });

  app.post('/admin/oit/watch/run', guard, async (request, reply) => {
    const { agency } = staff(request);
    const r = await watch.runWatch(`manual-${Date.now()}`, { ownSite, agencyId: agency.id, manual: true });
    return redirect(reply, '/admin/oit/watch', `ตรวจแล้ว ${r.runs} เว็บไซต์ พบปัญหา ${r.problems} รายการ (ใหม่ ${r.opened})`);
  });

  app.get<{ Params: { year: string; code: string } }>('/admin/oit/watch/:year/:code', guard, async (request, reply) => {
    const year = fiscalYearParam(request.params.year);
    const code = request.params.code === 'index' ? '' : request.params.code;
    if (!/^[A-Za-z0-9.-]{0,12}$/.test(code)) throw notFound();
    const checks = await watch.itemHistory(staff(request).agency.id, year, code);
    return sendPage(reply, <ItemHistoryPage ctx={pageContext(request, reply)} year={year} code={code} checks={checks} />);
  });
};
