/**
 * The JSON API for a LINE OA or app front end (paths and fields fixed by the issue):
 * GET  /a/{slug}/api/services            → [{ id, name }]
 * GET  /a/{slug}/api/services/{id}       → { id, name, fields: [{ key, label, type, required, options? }] }
 * POST /a/{slug}/api/services/{id}/requests  { fields, contact? } → 201 { trackingCode }
 * POST /a/{slug}/api/requests/status     { trackingCode } → { state, service, updatedAt }
 * Errors: { error: { status, message, fields?: [{ field, message }] } } with Thai messages; a 400
 * stores nothing. No cookies are read, so these POSTs need no CSRF token. A file field takes
 * `{ "fileName": "…", "contentBase64": "…" }` (within the 2 MB body limit).
 */
import { publicTenant } from '../../platform/tenant.js';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, validationError, type FieldError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import type { StagedFile } from '../../platform/file-store.js';
import { apiRequestSchema, apiStatusSchema } from './schemas.js';
import { CITIZEN_UPLOAD } from './public-routes.js';
import type { EservicesRoutesOptions } from './routes.js';
import { turns } from '../../platform/turns.js';

export function apiRoutes(app: FastifyInstance, { eservices, files }: EservicesRoutesOptions): void {
  const noCsrf = { config: { csrf: false } };
  // Submissions take turns, so the public pages stay quick during a burst (platform/turns.ts).
  const submission = { ...noCsrf, onRequest: turns(2) };

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const fields = error.fieldErrors.length ? { fields: error.fieldErrors.map((e) => ({ field: e.field, message: e.message })) } : {};
      return reply.code(error.status).send({ error: { status: error.status, message: error.message, ...fields } });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled API error');
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง'
        : status === 413
          ? 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด (ไม่เกิน 2 เมกะไบต์)'
          : status === 415
            ? 'กรุณาส่งข้อมูลแบบ application/json'
            : status === 500
              ? 'ระบบขัดข้องชั่วคราว ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาลองใหม่'
              : 'คำขอไม่ถูกต้อง';
    return reply.code(status).send({ error: { status, message } });
  });

  app.get<{ Params: { slug: string } }>('/a/:slug/api/services', async (request) => {
    const agency = publicTenant(request);
    return (await eservices.publicServices(agency.id)).map((s) => ({ id: s.id, name: s.nameTh }));
  });

  app.get<{ Params: { slug: string; id: string } }>('/a/:slug/api/services/:id', async (request) => {
    const agency = publicTenant(request);
    const s = await eservices.publicService(agency.id, request.params.id);
    return { id: s.id, name: s.nameTh, fields: s.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, ...(f.options ? { options: f.options } : {}) })) };
  });

  app.post<{ Params: { slug: string; id: string } }>('/a/:slug/api/services/:id/requests', submission, async (request, reply) => {
    const agency = publicTenant(request);
    const parsed = apiRequestSchema.safeParse(request.body);
    if (!parsed.success) throw validationError('ข้อมูลคำขอไม่ถูกต้อง', zodToFieldErrors(parsed.error));
    const service = await eservices.publicService(agency.id, request.params.id);
    const fields = { ...parsed.data.fields };
    const staged: Record<string, StagedFile> = {};
    const errors: FieldError[] = [];
    try {
      for (const f of service.fields.filter((x) => x.type === 'file')) {
        const v = fields[f.key];
        delete fields[f.key];
        if (v === undefined || v === null || v === '') continue;
        const file = v as { fileName?: unknown; contentBase64?: unknown };
        if (typeof file !== 'object' || typeof file.contentBase64 !== 'string') {
          errors.push({ field: f.key, message: `${f.label}: ต้องส่งเป็น { "fileName", "contentBase64" }` });
          continue;
        }
        try {
          staged[f.key] = await files.stage(agency.id, Buffer.from(file.contentBase64, 'base64'), typeof file.fileName === 'string' ? file.fileName : f.key, CITIZEN_UPLOAD);
        } catch (error) {
          if (error instanceof DomainError) errors.push({ field: f.key, message: `${f.label}: ${error.message}` });
          else throw error;
        }
      }
      if (errors.length) throw validationError('ข้อมูลคำขอไม่ครบหรือไม่ถูกต้อง', errors);
    } catch (error) {
      await Promise.all(Object.values(staged).map((s) => files.discard(s)));
      throw error;
    }
    const { trackingCode } = await eservices.submitRequest(agency.id, service.id, { fields, contact: parsed.data.contact ?? {}, channel: 'api', files: staged });
    return reply.code(201).send({ trackingCode });
  });

  app.post<{ Params: { slug: string } }>('/a/:slug/api/requests/status', noCsrf, async (request, reply) => {
    const agency = publicTenant(request);
    const parsed = apiStatusSchema.safeParse(request.body);
    if (!parsed.success) throw validationError('ข้อมูลไม่ถูกต้อง', zodToFieldErrors(parsed.error));
    const s = await eservices.status(agency.id, parsed.data.trackingCode);
    reply.header('cache-control', 'no-store');
    return { state: s.state, service: s.service, updatedAt: s.updatedAt };
  });
}
