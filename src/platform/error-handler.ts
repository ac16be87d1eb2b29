/**
 * One error handler for the whole app: domain errors and Fastify's own errors become a Thai page
 * (or JSON for API clients) with the right status; 5xx never shows internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError, describeFieldError, type FieldError } from '../shared/errors.js';
import { isApiRoute } from './openapi/document.js';
import { Layout } from '../ui/Layout.js';
import { sendPage } from '../ui/render.js';
import { pageContext } from './request-context.js';
import type { PageContext } from '../ui/context.js';

const TITLES: Record<number, { th: string; en: string }> = {
  400: { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid request' },
  401: { th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in' },
  403: { th: 'ไม่มีสิทธิ์เข้าถึง', en: 'Access denied' },
  404: { th: 'ไม่พบหน้าที่ต้องการ', en: 'Page not found' },
  409: { th: 'ข้อมูลขัดแย้งกัน', en: 'Conflict' },
  413: { th: 'ไฟล์หรือข้อมูลมีขนาดใหญ่เกินกำหนด', en: 'Upload too large' },
  415: { th: 'ไม่รองรับชนิดไฟล์นี้', en: 'Unsupported file type' },
  429: { th: 'มีการเรียกใช้บ่อยเกินไป', en: 'Too many requests' },
  500: { th: 'ระบบขัดข้อง', en: 'Something went wrong' },
};

/**
 * Errors of the multipart parser (busboy/dicer and @fastify/multipart) carry no HTTP status of
 * their own: a truncated or malformed body is the client's fault, never a 500.
 */
const MULTIPART_PARSE = /^(Unexpected end of (multipart data|form)|Multipart: Boundary not found|Malformed part header|.* terminated early due to unexpected end of multipart data|Boundary required)/;
const MULTIPART_CODES = new Set(['FST_INVALID_MULTIPART_CONTENT_TYPE', 'FST_MP_PREMATURE_CLOSE', 'FST_PROTO_VIOLATION', 'FST_INVALID_JSON_FIELD_ERROR']);

export function isMultipartParseError(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof DomainError) return false;
  const code = (error as FastifyError).code ?? '';
  return MULTIPART_CODES.has(code) || (!(error as FastifyError).statusCode && MULTIPART_PARSE.test(error.message));
}

function classify(error: FastifyError | DomainError | Error): { status: number; message: string } {
  if (error instanceof DomainError) return { status: error.status, message: error.message };
  const fe = error as FastifyError;
  const code = fe.code ?? '';
  if (isMultipartParseError(error)) {
    return { status: 400, message: 'ข้อมูลแบบฟอร์มที่อัปโหลดมาไม่ครบหรือเสียหาย กรุณาเลือกไฟล์แล้วส่งแบบฟอร์มอีกครั้ง' };
  }
  if (code.startsWith('FST_CSRF')) {
    return { status: 403, message: 'แบบฟอร์มหมดอายุหรือไม่ถูกต้อง กรุณากลับไปโหลดหน้าเดิมแล้วส่งอีกครั้ง' };
  }
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return { status: 413, message: 'ไฟล์หรือข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด' };
  }
  if (fe.statusCode === 429) return { status: 429, message: 'มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่' };
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) return { status: 415, message: 'ไม่รองรับรูปแบบข้อมูลที่ส่งมา' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, message: 'คำขอไม่ถูกต้อง กรุณาตรวจสอบข้อมูลแล้วลองใหม่' };
  }
  return { status: 500, message: 'ระบบขัดข้องชั่วคราว คำขอนี้ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ' };
}

// Any path with an `api` segment (`/api/…`, `/a/{slug}/api/…`) is a JSON API: errors answer in the
// shape the OpenAPI document describes (components.schemas.Error).
function wantsJson(request: FastifyRequest): boolean {
  return isApiRoute(request.url.split('?')[0]!) || (request.headers.accept ?? '').startsWith('application/json');
}

export function sendErrorPage(request: FastifyRequest, reply: FastifyReply, status: number, message: string, fields: FieldError[] = []): FastifyReply {
  if (wantsJson(request)) {
    const body = fields.length ? { status, message, fields: fields.map((f) => ({ field: f.field, message: f.message })) } : { status, message };
    return reply.code(status).send({ error: body });
  }
  const title = (TITLES[status] ?? TITLES[500]!)[request.locale ?? 'th'];
  let ctx: PageContext;
  try {
    ctx = pageContext(request, reply);
  } catch {
    // The CSRF secret may be what failed; the error page must render all the same.
    ctx = { locale: request.locale ?? 'th', path: '/', csrfToken: '', user: null, agency: null, nav: [], flash: null, can: () => false };
  }
  return sendPage(
    reply,
    h(Layout, { ctx, title, children: [h('h1', null, title), h('p', { class: 'lead' }, message), fields.length ? h('ul', null, fields.slice(0, 20).map((e) => h('li', null, describeFieldError(e)))) : null, h('p', null, h('a', { href: '/' }, request.locale === 'en' ? 'Back to the home page' : 'กลับหน้าแรก'))] }),
    status,
  );
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, message } = classify(error as FastifyError);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: (error as FastifyError).code, status }, 'request refused');
    return sendErrorPage(request, reply, status, message, error instanceof DomainError ? error.fieldErrors : []);
  });
  app.setNotFoundHandler((request, reply) => sendErrorPage(request, reply, 404, 'ไม่พบหน้าที่ท่านต้องการ ลิงก์อาจไม่ถูกต้องหรือถูกย้ายไปแล้ว'));
}
