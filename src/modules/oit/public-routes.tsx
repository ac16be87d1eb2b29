/**
 * The public OIT portal's routes (/a/:slug/oit…): the years, a year's index, an item's page and
 * the files a published item shows. Registered by the module's routes plugin in its own context,
 * so every successful staff POST empties the page cache here.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../shared/errors.js';
import { pageContext } from '../../platform/request-context.js';
import { etagMatches, type FileStore } from '../../platform/file-store.js';
import { renderHtml } from '../../ui/render.js';
import { Pager } from '../../ui/components.js';
import { pageParam, paginate } from '../../shared/params.js';
import type { PageContext } from '../../ui/context.js';
import type { Agency } from '../agencies/index.js';
import type { OitService } from './service.js';
import { codeOf, idOf, yearOf } from './route-params.js';
import { PublicItemPage, PublicYearPage, PublicYearsPage } from './views/PublicPages.js';
import { localizeHtmlDigits } from '../../shared/thai.js';

/** Public pages: no session, no CSRF cookie, so they can be cached; staff who visit see them signed in. */
function publicContext(request: FastifyRequest, reply: FastifyReply, agency: Agency): PageContext {
  if (request.user) return pageContext(request, reply, agency);
  return {
    locale: request.locale,
    path: request.url.split('?')[0]!,
    csrfToken: '',
    user: null,
    agency: { nameTh: agency.nameTh, slug: agency.slug, digits: agency.digits },
    nav: [],
    flash: request.flash,
    can: () => false,
  };
}

/**
 * Rendered public pages for visitors, kept a few seconds. The portal is what evaluators and
 * citizens load, often all at once before the ITAS deadline; a hit costs a map lookup. Entries
 * die after PAGE_TTL_MS, and every successful staff POST of this module empties the cache, so an
 * officer sees a change at once; changes made elsewhere (another process, the agency profile)
 * show within the TTL — inside the `max-age=60` the pages already announce to browsers.
 */
const PAGE_TTL_MS = 5_000;
const PAGE_CACHE_MAX = 1_000;
interface CachedPage {
  /** Encoded once: a Thai page is ~2× its length in UTF-8, and encoding it per hit shows in the numbers. */
  html: Buffer;
  etag: string;
  at: number;
}
const etagOf = (html: string | Buffer) => `"${createHash('sha256').update(html).digest('base64url').slice(0, 32)}"`;

/**
 * Sends a public page with a content ETag and a short shared cache for visitors (private for
 * staff, whose page shows their name); answers 304 when the visitor already has it.
 */
function sendCached(request: FastifyRequest, reply: FastifyReply, html: string | Buffer, etag = etagOf(html)): FastifyReply {
  reply
    .header('etag', etag)
    .header('cache-control', request.user ? 'private, no-cache' : 'public, max-age=60, stale-while-revalidate=300')
    .header('vary', 'Cookie, Accept-Language');
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.code(200).type('text/html; charset=utf-8').send(html);
}

export function publicPortalRoutes(app: FastifyInstance, { oit, files }: { oit: OitService; files: FileStore }): void {

  const slugOf = (params: unknown) => (params as { slug: string }).slug;
  const pages = new Map<string, CachedPage>();
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'POST' && reply.statusCode < 400) pages.clear();
  });
  /** Serves a visitor's page from the cache, or renders, caches and serves it. Staff always get a fresh page. */
  async function publicPage(request: FastifyRequest, reply: FastifyReply, render: () => Promise<string>): Promise<FastifyReply> {
    const cacheable = !request.user && !request.flash;
    const key = `${request.locale}|${request.url.split('?')[0]}|${pageParam(request.query)}`;
    const now = Date.now();
    const hit = cacheable ? pages.get(key) : undefined;
    if (hit && now - hit.at < PAGE_TTL_MS) return sendCached(request, reply, hit.html, hit.etag);
    // In the agency's digits before the ETag is taken, so a changed choice is a changed page.
    const rendered = await render();
    const html = Buffer.from(request.locale === 'th' ? localizeHtmlDigits(rendered, request.tenant?.digits ?? 'arabic') : rendered, 'utf8');
    const etag = etagOf(html);
    if (cacheable) {
      if (pages.size >= PAGE_CACHE_MAX) pages.delete(pages.keys().next().value!);
      pages.set(key, { html, etag, at: now });
    }
    return sendCached(request, reply, html, etag);
  }

  app.get('/a/:slug/oit', async (request, reply) =>
    publicPage(request, reply, async () => {
      const agency = await oit.findAgencyBySlug(slugOf(request.params));
      const catalogueYears = await oit.catalogueYears();
      return renderHtml(<PublicYearsPage ctx={publicContext(request, reply, agency)} agency={agency} years={catalogueYears} />);
    }),
  );

  app.get('/a/:slug/oit/:year', async (request, reply) =>
    publicPage(request, reply, async () => {
      const { agency, view } = await oit.publicYear(slugOf(request.params), yearOf(request.params));
      return renderHtml(<PublicYearPage ctx={publicContext(request, reply, agency)} agency={agency} view={view} />);
    }),
  );

  app.get('/a/:slug/oit/:year/:code', async (request, reply) =>
    publicPage(request, reply, async () => {
      const code = codeOf(request.params);
      const { agency, view } = await oit.publicYear(slugOf(request.params), yearOf(request.params));
      const state = view.items.find((i) => i.code === code);
      if (!state) throw notFound(`ไม่พบรายการ ${code}`);
      const paged = paginate(state.evidence, pageParam(request.query));
      const pager = <Pager page={paged.page} pages={paged.pages} total={paged.total} locale={request.locale} href={(p) => `?page=${p}`} />;
      return renderHtml(<PublicItemPage ctx={publicContext(request, reply, agency)} agency={agency} view={view} state={{ ...state, evidence: paged.rows }} pager={pager} />);
    }),
  );

  // The entry's id, not the file's: the URL stays when the file is replaced. The name is cosmetic.
  app.get('/a/:slug/oit/:year/:code/evidence/:id/:name', async (request, reply) => {
    const file = await oit.publicEvidenceFile(slugOf(request.params), yearOf(request.params), codeOf(request.params), idOf(request.params));
    return files.send(request, reply, file, { cacheControl: 'public, max-age=300' });
  });

  // Photos and charts by file id: a stored file never changes, so it may be cached long.
  app.get('/a/:slug/files/:id/:name', async (request, reply) => {
    const file = await oit.publicFile(slugOf(request.params), idOf(request.params));
    return files.send(request, reply, file, { cacheControl: 'public, max-age=86400' });
  });
}
