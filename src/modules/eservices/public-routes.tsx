/**
 * Citizens' pages under /a/:slug/eservice (no account): the service list, the request form
 * (multipart, with uploads), the feedback channel, tracking and messages, public statistics.
 * Pages that show a tracking code are `no-store` and send no referrer, so the code does not leak.
 */
import { publicTenant } from '../../platform/tenant.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageContext, redirect } from '../../platform/request-context.js';
import { IMAGE_KINDS, field, readMultipart, type MultipartForm } from '../../platform/file-store.js';
import { sendPage } from '../../ui/render.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { fiscalYearParam } from '../../shared/params.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { todayInThailand } from '../../shared/clock.js';
import { normaliseTrackingCode } from './domain/states.js';
import { parseRound } from './reports.js';
import type { EservicesRoutesOptions } from './routes.js';
import { EserviceIndexPage, FeedbackPage, ManualPage, ServiceFormPage, StatusPage, TrackPage } from './views/PublicPages.js';
import { PublicStatsPage } from './views/StatsPage.js';
import type { FormValues } from './views/RequestFormFields.js';

/** Photos and PDFs, at most 10 MB each: enough for a phone photo or a scanned form. */
export const CITIZEN_UPLOAD = { allow: ['pdf', ...IMAGE_KINDS] as const, maxBytes: 10 * 1024 * 1024 };

const privatePage = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');

/** Splits a submitted form into the service's fields and the optional contact. */
export function splitForm(values: Record<string, string>): { fields: Record<string, string>; contact: { phone?: string; email?: string } } {
  const fields: Record<string, string> = {};
  const contact: { phone?: string; email?: string } = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === '_csrf') continue;
    if (k === 'contact.phone') contact.phone = v;
    else if (k === 'contact.email') contact.email = v;
    else fields[k] = v;
  }
  return { fields, contact };
}

export function publicRoutes(app: FastifyInstance, { eservices, reports, files, clock }: EservicesRoutesOptions): void {
  app.get<{ Params: { slug: string } }>('/a/:slug/eservice', async (request, reply) => {
    const agency = publicTenant(request);
    return sendPage(reply, <EserviceIndexPage ctx={pageContext(request, reply, agency)} services={await eservices.publicServices(agency.id)} statsYear={fiscalYearOf(todayInThailand(clock))} />);
  });

  app.get<{ Params: { slug: string } }>('/a/:slug/eservice/manual', async (request, reply) => {
    const agency = publicTenant(request);
    return sendPage(reply, <ManualPage ctx={pageContext(request, reply, agency)} services={await eservices.publicServices(agency.id)} />);
  });

  app.get<{ Params: { slug: string } }>('/a/:slug/eservice/feedback', async (request, reply) => {
    const agency = publicTenant(request);
    return sendPage(reply, <FeedbackPage ctx={pageContext(request, reply, agency)} services={await eservices.publicServices(agency.id)} />);
  });

  app.get<{ Params: { slug: string; id: string } }>('/a/:slug/eservice/services/:id', async (request, reply) => {
    const agency = publicTenant(request);
    const service = await eservices.publicService(agency.id, request.params.id);
    return sendPage(reply, <ServiceFormPage ctx={pageContext(request, reply, agency)} service={service} />);
  });

  app.post<{ Params: { slug: string; id: string } }>('/a/:slug/eservice/services/:id', async (request, reply) => {
    const agency = publicTenant(request);
    const service = await eservices.publicService(agency.id, request.params.id);
    let form: MultipartForm;
    try {
      form = await readMultipart(request, files, agency.id, CITIZEN_UPLOAD);
    } catch (error) {
      // A refused file (type or size) is shown on the form like any other problem.
      if (error instanceof DomainError && (error.code === 'UNSUPPORTED_MEDIA' || error.code === 'PAYLOAD_TOO_LARGE')) {
        const fileField = service.fields.find((f) => f.type === 'file')?.key ?? '';
        return sendPage(reply, <ServiceFormPage ctx={pageContext(request, reply, agency)} service={service} errors={[{ field: fileField, message: error.message }]} />, error.status);
      }
      throw error;
    }
    const values: FormValues = Object.fromEntries(Object.keys(form.fields).map((k) => [k, field(form, k)]));
    const { fields, contact } = splitForm(values);
    try {
      const { trackingCode } = await eservices.submitRequest(agency.id, service.id, { fields, contact, channel: 'online', files: form.files });
      return redirect(reply, `/a/${agency.slug}/eservice/track/${trackingCode}`, `ยื่นคำขอเรียบร้อยแล้ว รหัสติดตามของท่านคือ ${trackingCode} กรุณาจดไว้หรือบันทึกหน้านี้`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <ServiceFormPage ctx={pageContext(request, reply, agency)} service={service} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get<{ Params: { slug: string }; Querystring: { code?: string } }>('/a/:slug/eservice/track', async (request, reply) => {
    const agency = publicTenant(request);
    const raw = request.query.code;
    privatePage(reply);
    if (raw === undefined) return sendPage(reply, <TrackPage ctx={pageContext(request, reply, agency)} />);
    const code = normaliseTrackingCode(raw);
    if (!code) return sendPage(reply, <TrackPage ctx={pageContext(request, reply, agency)} code={raw} error="รหัสติดตามไม่ถูกต้อง รหัสมีรูปแบบ ES-XXXXX-XXXXX" />, 400);
    return redirect(reply, `/a/${agency.slug}/eservice/track/${code}`);
  });

  app.get<{ Params: { slug: string; code: string } }>('/a/:slug/eservice/track/:code', async (request, reply) => {
    const agency = publicTenant(request);
    privatePage(reply);
    return sendPage(reply, <StatusPage ctx={pageContext(request, reply, agency)} status={await eservices.status(agency.id, request.params.code)} />);
  });

  app.post<{ Params: { slug: string; code: string } }>('/a/:slug/eservice/track/:code/messages', async (request, reply) => {
    const agency = publicTenant(request);
    const body = String((request.body as Record<string, unknown> | undefined)?.body ?? '');
    privatePage(reply);
    try {
      await eservices.citizenMessage(agency.id, request.params.code, body);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const status = await eservices.status(agency.id, request.params.code);
        return sendPage(reply, <StatusPage ctx={pageContext(request, reply, agency)} status={status} values={{ body }} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
    return redirect(reply, `/a/${agency.slug}/eservice/track/${normaliseTrackingCode(request.params.code)}`, 'ส่งข้อความถึงเจ้าหน้าที่แล้ว');
  });

  app.get<{ Params: { slug: string; year: string; round: string } }>('/a/:slug/eservice/stats/:year/:round', async (request, reply) => {
    const agency = publicTenant(request);
    const year = fiscalYearParam(request.params.year);
    let round;
    try {
      round = parseRound(request.params.round);
    } catch {
      throw notFound();
    }
    return sendPage(reply, <PublicStatsPage ctx={pageContext(request, reply, agency)} stats={await reports.stats(agency.id, year, round)} />);
  });
}
