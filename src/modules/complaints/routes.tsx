/**
 * The public channel: pages under /a/:slug/report-corruption and the JSON API under
 * /a/:slug/api/. An encapsulated plugin (STYLE.md convention 6) whose hooks apply to its routes
 * only: no-store, no Referer, a CSP stricter than the app's, request logs without IP address,
 * port, host or user agent, and abuse counters that keep no address.
 */
import { publicTenant } from '../../platform/tenant.js';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, validationError } from '../../shared/errors.js';
import { pageContext } from '../../platform/request-context.js';
import { sendPage } from '../../ui/render.js';
import { sendDownload } from '../../platform/download.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';
import type { AgenciesService } from '../agencies/index.js';
import type { ComplaintChannel, IncomingFile } from './service.js';
import { MAX_FILE_BYTES, MAX_FILES } from './service.js';
import type { PublishedComplaintStatistics } from './statistics.js';
import { abuseLimiter, workRelief, type AbuseLimiter, type WorkRelief } from './abuse.js';
import { FollowUpPage, ReceiptPage, ReportFormPage, StatusPage } from './views/PublicPages.js';
import { cellText, GuidelinePage, PublicStatisticsPage } from './views/PublicInfoPages.js';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS } from './domain/types.js';
import type { Cell } from './domain/statistics.js';
import { statisticsDocument } from './statistics-document.js';
import { guidelineDocument } from './guideline-document.js';

export const CHANNEL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every channel response carries (public and staff pages alike). */
export function channelHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('content-security-policy', CHANNEL_CSP);
  reply.header('x-robots-tag', 'noindex');
}

/** Request log lines of the channel: method and path only (no query, address, port, host, headers). */
// Fastify types serializers as returning strings; pino accepts objects (its own req serializer does).
export const CHANNEL_LOG_SERIALIZERS = {
  req: (req: { method?: string; url?: string }) => ({ method: req.method, url: (req.url ?? '').split('?')[0] }),
} as unknown as Record<string, (value: unknown) => string>;

export interface ChannelRoutesOptions {
  channel: ComplaintChannel;
  statistics: PublishedComplaintStatistics;
  agencies: AgenciesService;
  clock: Clock;
  publicBaseUrl: string;
  limiter?: AbuseLimiter;
  /** Proof-of-work relief for an address over its limit (abuse.ts); a fresh one per app by default. */
  relief?: WorkRelief;
  [key: string]: unknown;
}

const DEFAULT_LIMITS = { submit: 20, lookup: 60 };

/** Reads a multipart form into memory: reporter files never touch the disk unencrypted. */
export async function readChannelForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; files: IncomingFile[] }> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', 'แบบฟอร์มนี้ต้องส่งแบบ multipart/form-data');
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES + 1, fieldSize: 100_000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename && bytes.length > 0) files.push({ name: part.filename, bytes: new Uint8Array(bytes) });
      } else fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw validationError('ไฟล์ใหญ่เกินไป', [{ field: 'files', message: 'ไฟล์แต่ละไฟล์ต้องไม่เกิน 10 MB' }]);
    if (code === 'FST_FILES_LIMIT') throw validationError('ไฟล์มากเกินไป', [{ field: 'files', message: `แนบไฟล์ได้ไม่เกิน ${MAX_FILES} ไฟล์` }]);
    throw error;
  }
  return { fields, files };
}

const formToInput = (f: Record<string, string>) => {
  const identity = { name: f['identity.name'], phone: f['identity.phone'], email: f['identity.email'] };
  return {
    category: f.category || undefined,
    description: f.description ?? '',
    who: f.who,
    when: f.when,
    where: f.where,
    involvesExecutive: f.involvesExecutive === 'yes',
    ...(f.executiveId ? { executiveId: f.executiveId } : {}),
    ...(Object.values(identity).some((v) => v && v.trim()) ? { identity } : {}),
  };
};

export const complaintChannelRoutes: FastifyPluginAsync<ChannelRoutesOptions> = async (app: FastifyInstance, opts) => {
  const { channel, agencies, statistics, clock } = opts;
  const limiter = opts.limiter ?? abuseLimiter({ windowMs: 10 * 60_000, limits: DEFAULT_LIMITS });
  const relief = opts.relief ?? workRelief();

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (/^\/a\/[^/]+\/(report-corruption|api\/(complaint-keys?|corruption-reports))/.test(path)) channelHeaders(reply);
  });

  // The platform's tenant resolver found the agency of the address (slug or host name).
  const agencyOf = async (request: FastifyRequest) => publicTenant(request);
  // `work` is a solved challenge the form's script put in the action URL (never report data):
  // over the limit, it lets this one submission through; without it, the limit stands.
  const limit = (request: FastifyRequest, bucket: 'submit' | 'lookup', work?: unknown) => {
    if (!limiter.allow(request.ip, bucket) && !(typeof work === 'string' && relief.redeem(work))) throw new DomainError('RATE_LIMITED', 'มีการส่งบ่อยเกินไป กรุณารอประมาณ 10 นาทีแล้วลองใหม่');
  };
  const executivesOf = async (agencyId: string) => (await agencies.listExecutives(agencyId)).map((e) => ({ id: e.id, label: `${e.nameTh} (${e.positionTh})` }));

  // ----- pages

  app.get('/a/:slug/report-corruption', async (request, reply) => {
    const agency = await agencyOf(request);
    const ctx = pageContext(request, reply, agency);
    return sendPage(reply, <ReportFormPage ctx={ctx} slug={agency.slug} open={await channel.channelOpen(agency.id)} executives={await executivesOf(agency.id)} work={relief.challenge()} />);
  });

  app.post('/a/:slug/report-corruption', async (request, reply) => {
    const agency = await agencyOf(request);
    limit(request, 'submit', (request.query as Record<string, unknown> | undefined)?.pow);
    let fields: Record<string, string> = {};
    try {
      const form = await readChannelForm(request);
      fields = form.fields;
      const result = await channel.submit(agency, formToInput(fields), { channel: 'online', files: form.files, keepOriginals: fields.keepOriginals === 'yes' });
      return sendPage(reply, <ReceiptPage ctx={pageContext(request, reply, agency)} slug={agency.slug} {...result} />);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      const ctx = pageContext(request, reply, agency);
      return sendPage(reply, <ReportFormPage ctx={ctx} slug={agency.slug} open executives={await executivesOf(agency.id)} values={fields} errors={error.fieldErrors} work={relief.challenge()} />, 400);
    }
  });

  app.get('/a/:slug/report-corruption/follow-up', async (request, reply) => {
    const agency = await agencyOf(request);
    return sendPage(reply, <FollowUpPage ctx={pageContext(request, reply, agency)} slug={agency.slug} />);
  });

  async function statusOrForm(request: FastifyRequest, reply: FastifyReply, slug: string, agencyId: string, receipt: string, work: () => Promise<Parameters<typeof StatusPage>[0]['view']>, extra: { message?: string; notice?: string } = {}) {
    const agency = publicTenant(request);
    try {
      const view = await work();
      return sendPage(reply, <StatusPage ctx={pageContext(request, reply, agency)} slug={slug} receipt={receipt} view={view} notice={extra.notice} />);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'NOT_FOUND') return sendPage(reply, <FollowUpPage ctx={pageContext(request, reply, agency)} slug={slug} notFoundMessage={error.message} />, 404);
      if (error.code !== 'VALIDATION') throw error;
      if (error.fieldErrors.some((e) => e.field === 'receipt')) return sendPage(reply, <FollowUpPage ctx={pageContext(request, reply, agency)} slug={slug} errors={error.fieldErrors} />, 400);
      const view = await channel.status(agencyId, { receipt });
      return sendPage(reply, <StatusPage ctx={pageContext(request, reply, agency)} slug={slug} receipt={receipt} view={view} errors={error.fieldErrors} message={extra.message} />, 400);
    }
  }

  app.post('/a/:slug/report-corruption/follow-up', async (request, reply) => {
    const agency = await agencyOf(request);
    limit(request, 'lookup');
    const receipt = String((request.body as Record<string, unknown> | undefined)?.receipt ?? '');
    return statusOrForm(request, reply, agency.slug, agency.id, receipt, () => channel.status(agency.id, { receipt }));
  });

  app.post('/a/:slug/report-corruption/reply', async (request, reply) => {
    const agency = await agencyOf(request);
    limit(request, 'lookup');
    const form = await readChannelForm(request);
    const receipt = form.fields.receipt ?? '';
    return statusOrForm(request, reply, agency.slug, agency.id, receipt, () => channel.reply(agency.id, { receipt, message: form.fields.message ?? '' }, form.files), {
      message: form.fields.message,
      notice: 'ส่งข้อความถึงเจ้าหน้าที่แล้ว',
    });
  });

  app.get('/a/:slug/report-corruption/guideline', async (request, reply) => {
    const agency = await agencyOf(request);
    return sendPage(reply, <GuidelinePage ctx={pageContext(request, reply, agency)} slug={agency.slug} g={await channel.guideline(agency.id)} />);
  });

  app.get('/a/:slug/report-corruption/guideline.:format', async (request, reply) => {
    const agency = await agencyOf(request);
    const format = (request.params as { format: string }).format;
    if (format !== 'docx' && format !== 'pdf') throw new DomainError('NOT_FOUND', 'ไม่พบไฟล์');
    const doc = await guidelineDocument(agency, await channel.guideline(agency.id), opts.publicBaseUrl, format);
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, format === 'pdf' ? 'inline' : 'attachment');
  });

  /** The fiscal year asked for in `?year=`, within the last ten; the current one otherwise. */
  const statisticsYear = (request: FastifyRequest): number => {
    const current = fiscalYearOf(todayInThailand(clock));
    const asked = Number((request.query as Record<string, string>).year);
    return asked >= current - 10 && asked <= current ? asked : current;
  };

  app.get('/a/:slug/report-corruption/statistics', async (request, reply) => {
    const agency = await agencyOf(request);
    const current = fiscalYearOf(todayInThailand(clock));
    const years = Array.from({ length: 5 }, (_, i) => current - i);
    const asked = Number((request.query as Record<string, string>).year);
    const year = years.includes(asked) ? asked : current;
    const stats = [await statistics(agency.id, year, '6-month'), await statistics(agency.id, year, '12-month')];
    return sendPage(reply, <PublicStatisticsPage ctx={pageContext(request, reply, agency)} slug={agency.slug} stats={stats} years={years} />);
  });

  // The same suppressed figures as a document to file or attach (both rounds of the year).
  app.get('/a/:slug/report-corruption/statistics.:format', async (request, reply) => {
    const agency = await agencyOf(request);
    const format = (request.params as { format: string }).format;
    if (format !== 'docx' && format !== 'pdf') throw new DomainError('NOT_FOUND', 'ไม่พบไฟล์');
    const year = statisticsYear(request);
    const doc = await statisticsDocument(agency, year, [await statistics(agency.id, year, '6-month'), await statistics(agency.id, year, '12-month')], format);
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, format === 'pdf' ? 'inline' : 'attachment');
  });

  // The same suppressed figures as a spreadsheet-friendly CSV (UTF-8 with BOM for Excel).
  app.get('/a/:slug/report-corruption/statistics.csv', async (request, reply) => {
    const agency = await agencyOf(request);
    const year = statisticsYear(request);
    const rows = [['ปีงบประมาณ', 'รอบ', 'รายการ', 'จำนวน']];
    for (const round of ['6-month', '12-month'] as const) {
      const s = await statistics(agency.id, year, round);
      const add = (label: string, c: Cell) => rows.push([String(year), round === '6-month' ? '6 เดือน' : '12 เดือน', label, cellText(c, 'arabic')]);
      add('จำนวนเรื่องทั้งหมด', s.total);
      add('ดำเนินการแล้วเสร็จ', s.completed);
      add('อยู่ระหว่างดำเนินการ', s.inProgress);
      for (const c of CATEGORIES) add(`ประเภท: ${CATEGORY_LABELS[c]}`, s.byCategory[c]);
      for (const c of CHANNELS) add(`ช่องทาง: ${CHANNEL_LABELS[c]}`, s.byChannel[c]);
    }
    const csv = '\ufeff' + rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
    return sendDownload(reply, Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8', `สถิติเรื่องร้องเรียนการทุจริต-${year}.csv`, 'attachment');
  });

  // ----- JSON API (described in the OpenAPI document: openapi.ts)

  app.get('/a/:slug/api/complaint-key', async (request, reply) => {
    const agency = await agencyOf(request);
    const publicKey = await channel.publicKey(agency.id);
    if (!publicKey) throw new DomainError('NOT_FOUND', 'หน่วยงานนี้ยังไม่เปิดช่องทางแจ้งเบาะแสการทุจริต');
    return reply.send({ publicKey });
  });

  // Every version's public key: an acknowledgement names its keyVersion (older ones: the version
  // whose validFrom…validUntil holds their receivedAt), so receipts survive a key rotation.
  app.get('/a/:slug/api/complaint-keys', async (request, reply) => {
    const agency = await agencyOf(request);
    const keys = await channel.keyHistory(agency.id);
    if (keys.length === 0) throw new DomainError('NOT_FOUND', 'หน่วยงานนี้ยังไม่เปิดช่องทางแจ้งเบาะแสการทุจริต');
    return reply.send({ keys: keys.map((k) => ({ version: k.version, publicKey: k.publicKey, validFrom: k.createdAt, validUntil: k.retiredAt })) });
  });

  const api = { config: { csrf: false }, bodyLimit: 64 * 1024 };
  // Fastify would also parse text/plain; the API takes JSON only, as the OpenAPI document says.
  const requireJson = (request: FastifyRequest) => {
    if (!/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) throw new DomainError('UNSUPPORTED_MEDIA', 'กรุณาส่งข้อมูลเป็น application/json');
  };
  app.post('/a/:slug/api/corruption-reports', api, async (request, reply) => {
    const agency = await agencyOf(request);
    requireJson(request);
    limit(request, 'submit');
    const result = await channel.submit(agency, request.body ?? {}, { channel: 'api' });
    return reply.code(201).send(result);
  });

  app.post('/a/:slug/api/corruption-reports/status', api, async (request, reply) => {
    const agency = await agencyOf(request);
    requireJson(request);
    limit(request, 'lookup');
    return reply.send(await channel.status(agency.id, request.body ?? {}));
  });
};
