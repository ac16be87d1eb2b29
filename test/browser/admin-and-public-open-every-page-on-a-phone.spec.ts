/**
 * Every page on a 360 px phone (issue 9 §6): the demo agency (every module's part of it, as the
 * CLI loads it) → an anonymous visitor walks the agency's public pages from its home page → the
 * demo administrator signs in and walks every page reachable from the staff navigation, following
 * the links of each page it opens. On each page the document must not be wider than the screen:
 * `document.documentElement.scrollWidth <= 360`. Wide tables may scroll inside their own
 * container (DataTable's `.table-wrap`); the page itself may not.
 *
 * Nothing here lists pages: the start points come from the modules' manifests (staff navigation)
 * and the public home page, and the app's route table says which GET pages exist. A page route
 * that the walk did not reach fails the test unless `NOT_WALKED` says why, so a page added later
 * is either reached through a link or named here on purpose.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildApp, createServices, moduleManifests, staffNavigation } from '../../src/app.js';
import { DEMO_SLUG, DEMO_USERNAME, seedDemo } from '../../src/demo.js';
import { registeredRoutes } from '../../src/platform/route-table.js';
import { systemClock } from '../../src/shared/clock.js';
import { canWith } from '../../src/shared/permissions.js';
import { LoginPage } from './pages/account-pages.js';
import { step, withJourney } from './support/journey.js';
import type { RunningServer } from './support/server.js';

const PHONE = { width: 360, height: 740 };
/** A few URLs per route pattern: a second one catches pages whose width depends on their data. */
const PER_PATTERN = 2;
const MAX_PAGES = 400;

/** Not pages: files, data, machine endpoints. Matched against the route pattern. */
const NOT_A_PAGE = [
  /\.:format$/, /\.(csv|xlsx|json|js|css)$/, /\/files\//, /\/evidence\/:id\/:name$/, /\/download$/, /\/api\//, /^\/assets\//,
  /\/:file$/, /\/:name$/, /\/slip$/, /^\/(healthz|readyz|metrics|favicon\.ico|openapi\.json)$/, /\/files\/:fid$/,
];

/** Page routes the walk does not reach through links, and why they are not walked here. */
const NOT_WALKED: Record<string, string> = {
  '/setup': 'first-run only; refused once an agency exists (deployment-administrator journey)',
  '/invite/:token': 'a one-time invitation link from an e-mail (users-admin integration test)',
  '/a/:slug/survey/:token': 'a one-time survey link handed to one citizen (citizen e-service journey at 360 px)',
  '/a/:slug/eservice/track/:code': 'reached by typing a tracking code (citizen e-service journey at 360 px)',
  '/a/:slug/qa/follow/:code': 'reached by typing a follow-up code (qa integration test)',
  '/admin/complaints/r/:id': 'complaint handler only, after TOTP and passphrase unlock (complaint-channel journey)',
  '/admin/complaints/intake': 'complaint handler only, after unlock',
  '/admin/complaints/handlers': 'complaint custodian only',
  '/admin/complaints/settings': 'complaint custodian only',
  '/admin/complaints/setup': 'complaint custodian only, before the key exists',
  '/admin/complaints/unlock': 'complaint handler only',
  '/admin/complaints/2fa': 'complaint handler only',
  '/admin/complaints': 'complaint handler only (the administrator gets 403 by design)',
  '/admin/oit/import/jobs/:id': 'exists only while an import job runs',
  '/admin/measures/evidence/:evidenceId': 'a photo or file of a tracked measure (a download)',
  '/a/:slug/procurement/:year/annual': 'the produced annual procurement report, a PDF (the demo has not produced one)',
  '/admin/oit/watch/:year/:code': 'a change the OIT watch found on the NACC site; the demo has none (oit-watch integration test)',
  '/deployment': 'redirects to /deployment/agencies',
  '/admin/complaints/keys': 'complaint custodian only (complaints.disclose), not the administrator',
  '/admin/two-factor': 'the sign-in second factor, shown only when the agency requires it (complaint-channel journey)',
};

interface Visit {
  url: string;
  pattern: string;
  status: number;
  scrollWidth: number;
  culprits: string[];
}

const toMatcher = (pattern: string) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+').replace(/\*/g, '.*')}$`);

/** The route table of the app the server runs, read from an app built on the same database. */
async function pagePatterns(server: RunningServer): Promise<string[]> {
  const app = await buildApp({ config: server.config, db: server.database.db, dialect: server.database.dialect, clock: systemClock, logger: false });
  try {
    await app.ready();
    const gets = registeredRoutes(app).filter((r) => r.method === 'GET').map((r) => r.url);
    return [...new Set(gets)].filter((p) => !NOT_A_PAGE.some((re) => re.test(p))).sort();
  } finally {
    await app.close();
  }
}

/** How wide the page is, and the outermost elements sticking out that no scroll container holds. */
function measure(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > width) {
      const contained = (el: Element): boolean => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) return true;
        }
        return false;
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''}`;
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 0.5 || contained(el)) continue;
        const parent = el.parentElement;
        // The deepest offender names the cause: skip an element whose child also sticks out.
        // (Unless the element scrolls or clips: then it is the one too wide.)
        const clips = /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
        if (!clips && Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
        const path = parent ? `${name(parent)} > ${name(el)}` : name(el);
        culprits.push(`${path} (right ${Math.round(r.right)} px) «${(el.textContent ?? '').trim().slice(0, 40)}»`);
        if (culprits.length >= 6) break;
      }
      // Nothing found by the rule above (a scroll container itself stretched by its parent): list any.
      if (culprits.length === 0) {
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 0.5) culprits.push(`${name(el.parentElement ?? el)} > ${name(el)} (right ${Math.round(r.right)} px, overflow-x ${getComputedStyle(el).overflowX})`);
          if (culprits.length >= 8) break;
        }
      }
    }
    return { scrollWidth, culprits };
  });
}

/**
 * Opens every same-origin link under `scope` breadth-first from `starts`, at most PER_PATTERN URLs
 * per route pattern, and measures each HTML page. Downloads and non-HTML responses are skipped.
 */
async function walk(page: Page, base: string, starts: string[], scope: RegExp, patterns: { pattern: string; re: RegExp }[], seen: Map<string, number>, visits: Visit[]): Promise<void> {
  const queue = [...starts];
  const queued = new Set(queue);
  // The router prefers static segments: /admin/oit/watch is not /admin/oit/:year.
  const params = (p: string) => p.split(':').length;
  const patternOf = (path: string) => patterns.filter((p) => p.re.test(path)).sort((a, b) => params(a.pattern) - params(b.pattern))[0]?.pattern;
  while (queue.length > 0 && visits.length < MAX_PAGES) {
    const url = queue.shift()!;
    const path = url.split('?')[0]!;
    const pattern = patternOf(path);
    if (!pattern || (seen.get(pattern) ?? 0) >= PER_PATTERN) continue;
    seen.set(pattern, (seen.get(pattern) ?? 0) + 1);
    let response;
    try {
      response = await page.goto(`${base}${url}`);
    } catch (error) {
      // A link to a file starts a download instead of a page.
      if (/Download is starting|net::ERR_ABORTED/.test(String(error))) continue;
      throw error;
    }
    if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    const { scrollWidth, culprits } = await measure(page);
    visits.push({ url, pattern, status: response.status(), scrollWidth, culprits });
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const u = new URL(href);
      // The language switch sets a cookie: the walk stays in Thai, the users' language.
      if (u.origin !== new URL(base).origin || u.searchParams.has('lang')) continue;
      const next = u.pathname + u.search;
      if (!scope.test(u.pathname) || queued.has(next)) continue;
      queued.add(next);
      queue.push(next);
    }
  }
}

describe('every page fits a 360 px phone', () => {
  it('the public pages of the demo agency and every staff page reachable from the navigation', { timeout: 600_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      await page.setViewportSize(PHONE);

      const { password, nav } = await step('load the demo agency and read the navigation from the manifests', async () => {
        const deps = { config: j.server.config, clock: systemClock, db: j.server.database.db, dialect: j.server.database.dialect };
        const services = createServices(deps);
        const manifests = moduleManifests(services, deps);
        const demo = await seedDemo(services, manifests);
        if (!demo.created) throw new Error('the demo agency was not created');
        // The entries the administrator's menu shows (Layout filters by the same permissions).
        const admin = { roles: ['admin'], deploymentAdmin: demo.deploymentAdmin };
        const nav = staffNavigation(manifests).filter((n) => !n.permission || canWith(admin, n.permission));
        return { password: demo.password, nav: nav.map((n) => n.href) };
      });
      const patterns = (await pagePatterns(j.server)).map((pattern) => ({ pattern, re: toMatcher(pattern) }));
      const seen = new Map<string, number>();
      const visits: Visit[] = [];

      await step('an anonymous visitor walks the public pages', () =>
        walk(page, base, ['/', `/a/${DEMO_SLUG}`, '/login'], new RegExp(`^/(a/${DEMO_SLUG}(/|$)|login$|$)`), patterns, seen, visits),
      );

      await step('the demo administrator walks every page reachable from the navigation', async () => {
        await (await LoginPage.open(page, base)).signIn(DEMO_USERNAME, password);
        await walk(page, base, nav, new RegExp(`^/(admin|deployment|a/${DEMO_SLUG})(/|$)`), patterns, seen, visits);
      });

      if (process.env.PRONGSAI_BROWSER_TIMINGS) for (const v of visits) process.stdout.write(`  ${v.scrollWidth} px  ${v.status}  ${v.url}\n`);

      // Every page route was opened, or is named above with the reason it is not walked.
      const unwalked = patterns.map((p) => p.pattern).filter((p) => !seen.has(p) && !(p in NOT_WALKED));
      expect({
        'links leading to an error page': visits.filter((v) => v.status >= 400).map((v) => `${v.status} ${v.url}`),
        'pages wider than the phone': visits.filter((v) => v.scrollWidth > PHONE.width).map((v) => `${v.url}: ${v.scrollWidth} px\n    ${v.culprits.join('\n    ')}`),
        'page routes not reached (link them, or say why in NOT_WALKED)': unwalked,
      }).toEqual({ 'links leading to an error page': [], 'pages wider than the phone': [], 'page routes not reached (link them, or say why in NOT_WALKED)': [] });
      expect(visits.length).toBeGreaterThan(60);
    }),
  );
});
