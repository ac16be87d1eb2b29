/** Staff pages under /admin/eservices: the queue, one request, the catalogue, reply templates, statistics. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { contentDisposition } from '../../platform/file-store.js';
import { sendPage } from '../../ui/render.js';
import { DomainError, notFound, type FieldError } from '../../shared/errors.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { fiscalYearParam, indexedFields } from '../../shared/params.js';
import { todayInThailand } from '../../shared/clock.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { qrSvg } from '../surveys/index.js';
import { isRequestState, isFinal, REQUEST_STATES, type RequestState } from './domain/states.js';
import { FIELD_TYPES, type FieldType } from './domain/fields.js';
import { parseRound, type ReportFormat } from './reports.js';
import { replyTemplateSchema } from './schemas.js';
import type { EservicesRoutesOptions } from './routes.js';
import { QueuePage, ReplyTemplatesPage, RequestPage, SlipPage, WalkInPage } from './views/StaffPages.js';
import { field as formField, readMultipart, type MultipartForm } from '../../platform/file-store.js';
import { CITIZEN_UPLOAD, splitForm } from './public-routes.js';
import { ServiceEditPage, ServicesPage } from './views/ServicePages.js';
import { StatsPage } from './views/StatsPage.js';

const ID = /^[0-9a-f-]{36}$/i;
const idOf = (v: string) => {
  if (!ID.test(v)) throw notFound();
  return v;
};
const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v ?? '')]));
const validation = (error: unknown): FieldError[] | null => (error instanceof DomainError && error.code === 'VALIDATION' ? (error.fieldErrors.length ? error.fieldErrors : [{ field: '', message: error.message }]) : null);

/** The fields editor's rows → a form definition; rows with an empty key are dropped. */
export function fieldsFromForm(values: Record<string, string>) {
  return indexedFields(values, 'fields')
    .filter((r) => (r.key ?? '').trim() !== '')
    .map((r) => {
      const type = (FIELD_TYPES as readonly string[]).includes(r.type ?? '') ? (r.type as FieldType) : r.type;
      const options = (r.options ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
      return { key: (r.key ?? '').trim(), label: r.label ?? '', type, required: r.required === '1', ...(options.length ? { options } : {}) };
    });
}

export function staffRoutes(app: FastifyInstance, { eservices, reports, notices, files, clock, listUsers, listUnits, publicBaseUrl }: EservicesRoutesOptions): void {
  const handle = { preHandler: requirePermission('eservice.handle') };
  const manage = { preHandler: requirePermission('eservice.manage') };
  const people = async (agencyId: string) => (await listUsers(agencyId)).filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.displayName }));
  const units = async (agencyId: string) => (await listUnits(agencyId)).map((u) => ({ id: u.id, name: u.nameTh }));

  app.get<{ Querystring: { state?: string; unit?: string } }>('/admin/eservices', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const state = request.query.state ?? '';
    const states: RequestState[] | undefined = state === 'all' ? undefined : isRequestState(state) ? [state] : REQUEST_STATES.filter((s) => !isFinal(s));
    const unit = request.query.unit && ID.test(request.query.unit) ? request.query.unit : undefined;
    const list = await eservices.queue(user, agency.id, { ...(states ? { states } : {}), ...(unit ? { unitId: unit } : {}) });
    return sendPage(reply, <QueuePage ctx={pageContext(request, reply)} requests={list} units={await units(agency.id)} users={await people(agency.id)} filter={{ state, ...(unit ? { unit } : {}) }} />);
  });

  async function renderRequest(request: FastifyRequest, reply: Parameters<typeof sendPage>[0], id: string, values?: Record<string, string>, errors?: FieldError[]) {
    const { user, agency } = staff(request);
    const view = await eservices.requestDetail(user, agency.id, id);
    reply.header('cache-control', 'no-store');
    const templates = await eservices.listReplyTemplates(agency.id);
    const sent = notices ? await notices.forRequest(agency.id, id) : [];
    return sendPage(reply, <RequestPage ctx={pageContext(request, reply)} view={view} notices={sent} users={await people(agency.id)} templates={templates} values={values} errors={errors} />, errors ? 400 : 200);
  }

  app.get<{ Params: { id: string } }>('/admin/eservices/requests/:id', handle, async (request, reply) => renderRequest(request, reply, idOf(request.params.id)));

  app.post<{ Params: { id: string } }>('/admin/eservices/requests/:id/state', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const id = idOf(request.params.id);
    const v = strings(request.body);
    try {
      await eservices.changeState(user, actorOf(user), agency.id, id, v.state ?? '', v.note ?? '');
    } catch (error) {
      const errors = validation(error);
      if (errors) return renderRequest(request, reply, id, v, errors);
      throw error;
    }
    return redirect(reply, `/admin/eservices/requests/${id}`, 'บันทึกสถานะแล้ว ผู้ยื่นคำขอเห็นสถานะใหม่ในหน้าติดตาม');
  });

  app.post<{ Params: { id: string } }>('/admin/eservices/requests/:id/assign', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const id = idOf(request.params.id);
    const v = strings(request.body);
    const assignee = v.assignee ? (await listUsers(agency.id)).find((u) => u.id === v.assignee) : null;
    if (assignee === undefined) return renderRequest(request, reply, id, v, [{ field: 'assignee', message: 'ไม่พบเจ้าหน้าที่ที่เลือก' }]);
    await eservices.assign(user, actorOf(user), agency.id, id, assignee);
    return redirect(reply, `/admin/eservices/requests/${id}`, 'มอบหมายผู้รับผิดชอบแล้ว');
  });

  app.post<{ Params: { id: string } }>('/admin/eservices/requests/:id/messages', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const id = idOf(request.params.id);
    const v = strings(request.body);
    let body = v.body ?? '';
    if (!body.trim() && v.template && ID.test(v.template)) body = (await eservices.replyTemplate(agency.id, v.template)).body;
    try {
      await eservices.addMessage(user, actorOf(user), agency.id, id, body, v.visibility === 'internal');
    } catch (error) {
      const errors = validation(error);
      if (errors) return renderRequest(request, reply, id, v, errors);
      throw error;
    }
    return redirect(reply, `/admin/eservices/requests/${id}`, v.visibility === 'internal' ? 'บันทึกภายในแล้ว' : 'ส่งข้อความถึงผู้ยื่นคำขอแล้ว');
  });

  app.get<{ Params: { id: string; fileId: string } }>('/admin/eservices/requests/:id/files/:fileId', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const file = await eservices.requestFile(user, agency.id, idOf(request.params.id), idOf(request.params.fileId));
    return files.send(request, reply, file, { cacheControl: 'private, no-store' });
  });

  app.get<{ Params: { id: string } }>('/admin/eservices/requests/:id/slip', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const id = idOf(request.params.id);
    const view = await eservices.requestDetail(user, agency.id, id);
    const { token } = await eservices.surveyTokenFor(user, agency.id, id);
    const url = `${publicBaseUrl}/a/${agency.slug}/survey/${token}`;
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <SlipPage ctx={pageContext(request, reply)} trackingCode={view.request.trackingCode} service={view.service.nameTh} url={url} qrSvg={await qrSvg(url)} />);
  });

  // ----- walk-in (ยื่นที่สำนักงาน)

  app.get('/admin/eservices/walk-in', handle, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <WalkInPage ctx={pageContext(request, reply)} services={await eservices.publicServices(agency.id)} />);
  });

  app.get<{ Params: { id: string } }>('/admin/eservices/walk-in/:id', handle, async (request, reply) => {
    const { agency } = staff(request);
    const service = await eservices.publicService(agency.id, idOf(request.params.id));
    return sendPage(reply, <WalkInPage ctx={pageContext(request, reply)} services={[]} service={service} />);
  });

  app.post<{ Params: { id: string } }>('/admin/eservices/walk-in/:id', handle, async (request, reply) => {
    const { user, agency } = staff(request);
    const service = await eservices.publicService(agency.id, idOf(request.params.id));
    const page = (values: Record<string, string>, errors: FieldError[], status: number) =>
      sendPage(reply, <WalkInPage ctx={pageContext(request, reply)} services={[]} service={service} values={values} errors={errors} />, status);
    let form: MultipartForm;
    try {
      form = await readMultipart(request, files, agency.id, CITIZEN_UPLOAD);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'UNSUPPORTED_MEDIA' || error.code === 'PAYLOAD_TOO_LARGE')) return page({}, [{ field: service.fields.find((f) => f.type === 'file')?.key ?? '', message: error.message }], error.status);
      throw error;
    }
    const values = Object.fromEntries(Object.keys(form.fields).map((k) => [k, formField(form, k)]));
    const { served, ...rest } = values;
    const { fields, contact } = splitForm(rest);
    let id: string;
    try {
      ({ id } = await eservices.submitRequest(agency.id, service.id, { fields, contact, channel: 'walk-in', files: form.files, assignedTo: user.id }));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') return page(values, error.fieldErrors, 400);
      throw error;
    }
    if (served !== 'queue') {
      await eservices.changeState(user, actorOf(user), agency.id, id, 'done', 'ให้บริการที่สำนักงานแล้วเสร็จ');
      return redirect(reply, `/admin/eservices/requests/${id}/slip`, 'บันทึกคำขอและปิดเรื่องแล้ว พิมพ์ใบแบบสำรวจให้ผู้รับบริการ');
    }
    return redirect(reply, `/admin/eservices/requests/${id}`, 'บันทึกคำขอที่ยื่นที่สำนักงานแล้ว');
  });

  // ----- catalogue

  app.get('/admin/eservices/services', handle, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <ServicesPage ctx={pageContext(request, reply)} services={await eservices.listServices(agency.id)} templates={eservices.templates()} slug={agency.slug} />);
  });

  app.post('/admin/eservices/services/enable', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const s = await eservices.enableTemplate(actorOf(user), agency.id, strings(request.body).template ?? '');
    return redirect(reply, `/admin/eservices/services/${s.id}`, `เปิดใช้งาน "${s.nameTh}" แล้ว ตรวจสอบรายละเอียดและแบบฟอร์มได้ที่หน้านี้`);
  });

  app.get<{ Params: { id: string } }>('/admin/eservices/services/:id', manage, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <ServiceEditPage ctx={pageContext(request, reply)} service={await eservices.getService(agency.id, idOf(request.params.id))} units={await units(agency.id)} />);
  });

  app.post<{ Params: { id: string } }>('/admin/eservices/services/:id', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const id = idOf(request.params.id);
    const v = strings(request.body);
    const settings = { ...v, enabled: v.enabled === '1' };
    try {
      await eservices.updateService(actorOf(user), agency.id, id, settings, fieldsFromForm(v));
    } catch (error) {
      const errors = validation(error);
      if (errors) return sendPage(reply, <ServiceEditPage ctx={pageContext(request, reply)} service={await eservices.getService(agency.id, id)} units={await units(agency.id)} values={v} errors={errors} />, 400);
      throw error;
    }
    return redirect(reply, `/admin/eservices/services/${id}`, 'บันทึกงานบริการแล้ว');
  });

  // ----- reply templates

  app.get('/admin/eservices/templates', handle, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <ReplyTemplatesPage ctx={pageContext(request, reply)} templates={await eservices.listReplyTemplates(agency.id)} />);
  });

  app.post('/admin/eservices/templates', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const v = strings(request.body);
    const parsed = replyTemplateSchema.safeParse(v);
    if (!parsed.success) return sendPage(reply, <ReplyTemplatesPage ctx={pageContext(request, reply)} templates={await eservices.listReplyTemplates(agency.id)} values={v} errors={zodToFieldErrors(parsed.error)} />, 400);
    await eservices.addReplyTemplate(actorOf(user), agency.id, parsed.data.title, parsed.data.body);
    return redirect(reply, '/admin/eservices/templates', 'เพิ่มแม่แบบแล้ว');
  });

  app.post<{ Params: { id: string } }>('/admin/eservices/templates/:id/delete', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    await eservices.removeReplyTemplate(actorOf(user), agency.id, idOf(request.params.id));
    return redirect(reply, '/admin/eservices/templates', 'ลบแม่แบบแล้ว');
  });

  // ----- statistics and reports

  app.get<{ Querystring: { year?: string; round?: string } }>('/admin/eservices/stats', handle, async (request, reply) => {
    const { agency } = staff(request);
    const current = fiscalYearOf(todayInThailand(clock));
    const year = request.query.year ? fiscalYearParam(request.query.year) : current;
    const round = request.query.round === '6' ? 6 : 12;
    const years = [...new Set([current + 1, current, current - 1, current - 2, current - 3, year])].sort((a, b) => b - a);
    return sendPage(reply, <StatsPage ctx={pageContext(request, reply)} stats={await reports.stats(agency.id, year, round)} years={years} />);
  });

  app.get<{ Params: { year: string; file: string } }>('/admin/eservices/stats/:year/:file', handle, async (request, reply) => {
    const { agency } = staff(request);
    const m = /^(6|12)\.(docx|pdf|csv)$/.exec(request.params.file);
    if (!m) throw notFound();
    const doc = await reports.render(agency.id, fiscalYearParam(request.params.year), parseRound(m[1]), m[2] as ReportFormat);
    return reply.type(doc.contentType).header('content-disposition', contentDisposition('attachment', doc.fileName)).header('cache-control', 'no-store').send(doc.buffer);
  });

  app.post<{ Params: { year: string; round: string } }>('/admin/eservices/stats/:year/:round/attach', manage, async (request, reply) => {
    const { agency } = staff(request);
    const year = fiscalYearParam(request.params.year);
    const round = parseRound(request.params.round);
    const done = await reports.attachReport(agency.id, year, round);
    const where = done.map((a) => `${a.code} ปี ${a.year}`).join(', ');
    return redirect(reply, `/admin/eservices/stats?year=${year}&round=${round}`, done.length ? `แนบรายงานเป็นหลักฐานแล้ว: ${where}` : 'แคตตาล็อกของปีนี้ไม่มีรายการ OIT สำหรับรายงานนี้ จึงยังไม่ได้แนบ');
  });
}
