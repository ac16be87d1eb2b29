/**
 * Q&A routes. Public (no account): /a/:slug/qa (list, search, statistics), /a/:slug/qa/ask,
 * /a/:slug/qa/follow (by code), /a/:slug/qa/:id, and the JSON list /a/:slug/api/qa.
 * Staff: /admin/qa (queue), /admin/qa/:id (answer, publish, reject).
 */
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { sendPage } from '../../ui/render.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { Agency } from '../agencies/index.js';
import type { QaService } from './service.js';
import { normaliseFollowCode } from './domain/qa.js';
import { QaAdminEntryPage, QaAdminListPage, QaAskPage, QaEntryPage, QaFollowPage, QaIndexPage } from './views/QaPages.js';
import { QaCategoriesPage, QaCategoryPage } from './views/QaCategoriesPage.js';

export interface QaRoutesOptions extends Record<string, unknown> {
  qa: QaService;
  agencyBySlug: (slug: string) => Promise<Agency | undefined>;
}

const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))]));
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const qaRoutes: FastifyPluginAsync<QaRoutesOptions> = async (app, { qa, agencyBySlug }) => {
  const tenant = async (slug: string) => {
    const agency = await agencyBySlug(slug);
    if (!agency) throw notFound('ไม่พบหน่วยงาน');
    return agency;
  };

  app.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/a/:slug/qa', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const query = str(request.query.q).slice(0, 200);
    const category = str(request.query.category);
    const [entries, stats, categories] = await Promise.all([qa.publicList(agency.id, { query, category }), qa.stats(agency.id), qa.categories(agency.id)]);
    return sendPage(reply, <QaIndexPage ctx={pageContext(request, reply, agency)} entries={entries} stats={stats} query={query} category={category} categories={categories} />);
  });

  app.get<{ Params: { slug: string } }>('/a/:slug/qa/ask', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    return sendPage(reply, <QaAskPage ctx={pageContext(request, reply, agency)} categories={await qa.categories(agency.id)} />);
  });

  app.post<{ Params: { slug: string } }>('/a/:slug/qa/ask', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const values = strings(request.body);
    try {
      const { followCode } = await qa.ask(agency.id, values);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return redirect(reply, `/a/${agency.slug}/qa/follow/${followCode}`, `ส่งคำถามแล้ว รหัสติดตามของท่านคือ ${followCode} กรุณาจดไว้เพื่อดูคำตอบ`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <QaAskPage ctx={pageContext(request, reply, agency)} categories={await qa.categories(agency.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/a/:slug/qa/follow', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const raw = request.query.code;
    if (raw === undefined) return sendPage(reply, <QaFollowPage ctx={pageContext(request, reply, agency)} />);
    const code = normaliseFollowCode(str(raw));
    if (!code) return sendPage(reply, <QaFollowPage ctx={pageContext(request, reply, agency)} code={str(raw)} error="รหัสติดตามไม่ถูกต้อง รหัสมีรูปแบบ QA-XXXXX-XXXXX" />, 400);
    return redirect(reply, `/a/${agency.slug}/qa/follow/${code}`);
  });

  app.get<{ Params: { slug: string; code: string } }>('/a/:slug/qa/follow/:code', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return sendPage(reply, <QaFollowPage ctx={pageContext(request, reply, agency)} entry={await qa.follow(agency.id, request.params.code)} />);
  });

  app.get<{ Params: { slug: string; id: string } }>('/a/:slug/qa/:id', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    return sendPage(reply, <QaEntryPage ctx={pageContext(request, reply, agency)} entry={await qa.publicEntry(agency.id, request.params.id)} />);
  });

  // The JSON list in its own scope, so its JSON error handler does not touch the pages.
  await app.register(async (api: FastifyInstance) => {
    api.setErrorHandler((error: FastifyError | DomainError, _request, reply) => {
      const status = error instanceof DomainError ? error.status : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      const message = error instanceof DomainError ? error.message : status === 500 ? 'ระบบขัดข้อง กรุณาลองใหม่' : 'คำขอไม่ถูกต้อง';
      return reply.code(status).send({ error: { status, message } });
    });
    api.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/a/:slug/api/qa', async (request) => {
      const agency = await tenant(request.params.slug);
      return qa.publicList(agency.id, { query: str(request.query.q), category: str(request.query.category) });
    });
  });

  const answerer = { preHandler: requirePermission('qa.answer') };

  app.get('/admin/qa', answerer, async (request, reply) => {
    const { agency } = staff(request);
    const [entries, stats] = await Promise.all([qa.list(agency.id), qa.stats(agency.id)]);
    return sendPage(reply, <QaAdminListPage ctx={pageContext(request, reply)} entries={entries} stats={stats} />);
  });

  // Categories: registered before /admin/qa/:id so the literal path wins.
  const categoryPage = async (request: Parameters<typeof staff>[0], reply: FastifyReply, key: string, values?: Record<string, string>, error?: DomainError) => {
    const { agency } = staff(request);
    const categories = await qa.categories(agency.id);
    const category = categories.find((c) => c.key === key);
    if (!category) throw notFound('ไม่พบหมวดนี้');
    const lastInUse = !category.retired && categories.filter((c) => !c.retired).length <= 1;
    return sendPage(reply, <QaCategoryPage ctx={pageContext(request, reply)} category={category} lastInUse={lastInUse} {...(values ? { values } : {})} {...(error ? { errors: error.fieldErrors } : {})} />, error ? 400 : 200);
  };

  app.get('/admin/qa/categories', answerer, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <QaCategoriesPage ctx={pageContext(request, reply)} categories={await qa.categories(agency.id)} />);
  });

  app.post('/admin/qa/categories', answerer, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    try {
      const c = await qa.addCategory(actorOf(user), agency.id, values);
      return redirect(reply, '/admin/qa/categories', `เพิ่มหมวด ${c.nameTh} แล้ว`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <QaCategoriesPage ctx={pageContext(request, reply)} categories={await qa.categories(agency.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get<{ Params: { key: string } }>('/admin/qa/categories/:key', answerer, async (request, reply) => categoryPage(request, reply, request.params.key));

  app.post<{ Params: { key: string } }>('/admin/qa/categories/:key', answerer, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    try {
      await qa.renameCategory(actorOf(user), agency.id, request.params.key, values);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') return categoryPage(request, reply, request.params.key, values, error);
      throw error;
    }
    return redirect(reply, `/admin/qa/categories/${request.params.key}`, 'เปลี่ยนชื่อหมวดแล้ว');
  });

  for (const action of ['retire', 'restore'] as const) {
    app.post<{ Params: { key: string } }>(`/admin/qa/categories/:key/${action}`, answerer, async (request, reply) => {
      const { user, agency } = staff(request);
      await qa.setCategoryRetired(actorOf(user), agency.id, request.params.key, action === 'retire');
      return redirect(reply, `/admin/qa/categories/${request.params.key}`, action === 'retire' ? 'เลิกใช้หมวดแล้ว ผู้ถามจะไม่เห็นหมวดนี้' : 'นำหมวดกลับมาใช้แล้ว');
    });
  }

  app.get<{ Params: { id: string } }>('/admin/qa/:id', answerer, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <QaAdminEntryPage ctx={pageContext(request, reply)} entry={await qa.get(agency.id, request.params.id)} />);
  });

  app.post<{ Params: { id: string } }>('/admin/qa/:id/answer', answerer, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    try {
      await qa.answer(actorOf(user), agency.id, request.params.id, values);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <QaAdminEntryPage ctx={pageContext(request, reply)} entry={await qa.get(agency.id, request.params.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
    return redirect(reply, `/admin/qa/${request.params.id}`, 'บันทึกคำตอบแล้ว');
  });

  app.post<{ Params: { id: string } }>('/admin/qa/:id/moderate', answerer, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    const decision = values.decision === 'publish' ? 'publish' : values.decision === 'reject' ? 'reject' : null;
    if (!decision) throw notFound();
    try {
      await qa.moderate(actorOf(user), agency.id, request.params.id, decision, values);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <QaAdminEntryPage ctx={pageContext(request, reply)} entry={await qa.get(agency.id, request.params.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
    return redirect(reply, `/admin/qa/${request.params.id}`, decision === 'publish' ? 'เผยแพร่คำถามแล้ว' : 'บันทึกว่าไม่เผยแพร่แล้ว');
  });
};
