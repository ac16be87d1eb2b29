/** The landing page and the staff dashboard frame. */
import { publicTenant } from '../../platform/tenant.js';
import type { FastifyPluginAsync } from 'fastify';
import { Layout } from '../../ui/Layout.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { requireUser, staff } from '../../platform/guards.js';
import { sendPage } from '../../ui/render.js';
import { messages, tr } from '../../ui/i18n.js';
import type { AgenciesService } from '../agencies/index.js';
import type { UsersService } from '../users/index.js';
import type { NavEntry } from '../../ui/context.js';
import type { DashboardCard, DashboardCardSource } from '../../platform/module.js';
import type { OverviewSource } from './overview.js';
import { DashboardPage } from './views/DashboardPage.js';
import { AgencyHomePage } from './views/AgencyHomePage.js';

const M = messages({
  welcome: { th: 'โปร่งใส: ระบบคุณธรรมและความโปร่งใสของหน่วยงาน', en: 'Prongsai: integrity and transparency for public agencies' },
  notSetUp: {
    th: 'ระบบยังไม่ได้ตั้งค่า ผู้ติดตั้งโปรดเปิดลิงก์ตั้งค่าครั้งแรกที่แสดงในหน้าจอคอนโซลของเซิร์ฟเวอร์',
    en: 'Not set up yet: open the one-time setup link printed in the server console.',
  },
  agencies: { th: 'หน่วยงานในระบบ', en: 'Agencies' },
  staffLogin: { th: 'เข้าสู่ระบบเจ้าหน้าที่', en: 'Staff sign in' },
  demo: { th: 'ข้อมูลสาธิต', en: 'Demo data' },
});

export interface HomeRoutesOptions extends Record<string, unknown> {
  agencies: AgenciesService;
  users: UsersService;
  /** Dashboard links contributed by modules (same entries as the navigation). */
  dashboardLinks: () => NavEntry[];
  overview: OverviewSource;
  /** Cards contributed by modules' manifests (e.g. the self-diagnosis prediction). */
  dashboardCards?: () => readonly DashboardCardSource[];
}

export const homeRoutes: FastifyPluginAsync<HomeRoutesOptions> = async (app, { agencies, users, dashboardLinks, dashboardCards, overview }) => {
  // Browsers ask for it on every page; an empty answer keeps logs and consoles free of 404s.
  app.get('/favicon.ico', (_request, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());

  app.get('/', async (request, reply) => {
    if (request.user) return redirect(reply, '/admin');
    const ctx = pageContext(request, reply);
    const L = ctx.locale;
    const list = await agencies.listAgencies();
    const setUp = (await users.countUsers()) > 0;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={tr(L, M.welcome)} variant="public">
        <h1>{tr(L, M.welcome)}</h1>
        {!setUp && <div class="notice notice-warn">{tr(L, M.notSetUp)}</div>}
        {list.length > 0 && (
          <>
            <h2>{tr(L, M.agencies)}</h2>
            <ul>
              {list.map((a) => (
                <li>
                  <a href={`/a/${a.slug}`}>{a.nameTh}</a> ({a.province}){a.isDemo ? ` — ${tr(L, M.demo)}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href="/login">{tr(L, M.staffLogin)}</a>
        </p>
      </Layout>,
    );
  });

  app.get('/admin', { preHandler: requireUser }, async (request, reply) => {
    const { agency } = staff(request);
    const ctx = pageContext(request, reply);
    const links = dashboardLinks().filter((n) => n.href !== '/admin' && (!n.permission || ctx.can(n.permission)));
    const sources = (dashboardCards?.() ?? []).filter((c) => ctx.can(c.permission));
    // One module's card failing must not take the dashboard down: it is logged and left out.
    const cards = (
      await Promise.all(
        sources.map((c) =>
          c.load(agency.id).catch((error: unknown) => {
            request.log.error({ err: error }, 'dashboard card failed');
            return null;
          }),
        ),
      )
    ).filter((c): c is DashboardCard => c !== null);
    return sendPage(reply, <DashboardPage ctx={ctx} agency={agency} overview={await overview(agency.id)} links={links} cards={cards} />);
  });

  app.get('/a/:slug', async (request, reply) => {
    const agency = publicTenant(request);
    reply.header('cache-control', 'public, max-age=60');
    return sendPage(reply, <AgencyHomePage ctx={pageContext(request, reply, agency)} agency={agency} overview={await overview(agency.id)} />);
});
};
