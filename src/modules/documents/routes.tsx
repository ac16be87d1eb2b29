/**
 * Measures document downloads for staff (always current, drafts included) and the agency's public
 * page and files (published once a plan is saved). Public URLs: /a/{slug}/ita/{year}/measures[.pdf|.docx].
 */
import { publicTenant } from '../../platform/tenant.js';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { formatBeDateInput, parseBeDateInput, BE_DATE_HINT, toArabicDigits } from '../../shared/thai.js';
import { fiscalYearParam } from '../../shared/params.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { sendDownload } from '../../platform/download.js';
import { sendPage } from '../../ui/render.js';
import type { AgenciesService } from '../agencies/index.js';
import type { DocumentsService, DocumentFormat, DocumentOptionsRequest, RenderedDocument } from './service.js';
import { DocumentOptionsPage } from './views/DocumentOptionsPage.js';
import { documentCssPath } from './html/render-html.js';
import { PublicMeasuresPage } from './views/PublicMeasuresPage.js';

export interface DocumentsRoutesOptions extends Record<string, unknown> {
  documents: DocumentsService;
  agencies: AgenciesService;
}

const FORMATS = new Set<DocumentFormat>(['docx', 'pdf', 'html']);

function parseFormat(value: string): DocumentFormat {
  if (!FORMATS.has(value as DocumentFormat)) throw notFound('ไม่รองรับรูปแบบไฟล์นี้');
  return value as DocumentFormat;
}

const optionsQuery = z.object({
  titleYear: z.string().optional(),
  issuedOn: z.string().optional(),
  signer: z.string().optional(),
});

/** Document options from a download's query; a bad value is refused in Thai, naming the field. */
function parseOptions(query: unknown): DocumentOptionsRequest | undefined {
  const q = optionsQuery.safeParse(query ?? {});
  if (!q.success) return undefined;
  const { titleYear, issuedOn, signer } = q.data;
  if (!titleYear?.trim() && !issuedOn?.trim() && !signer?.trim()) return undefined;
  const out: DocumentOptionsRequest = {};
  if (titleYear?.trim()) {
    const y = Number(toArabicDigits(titleYear.trim()));
    if (!Number.isInteger(y)) throw validationError('ปีงบประมาณในชื่อเอกสารต้องเป็นปี พ.ศ. เช่น 2566', [{ field: 'titleYear', message: 'ปีงบประมาณในชื่อเอกสารต้องเป็นปี พ.ศ. เช่น 2566' }]);
    out.titleYear = y;
  }
  if (issuedOn?.trim()) {
    const iso = parseBeDateInput(issuedOn);
    const message = `"วันที่จัดทำเอกสาร" ไม่ใช่วันที่ที่อ่านได้ เขียนแบบ ${BE_DATE_HINT}`;
    if (!iso) throw validationError(message, [{ field: 'issuedOn', message }]);
    out.issuedOn = iso;
  }
  if (signer?.trim()) out.signerId = signer.trim();
  return out;
}

export const documentsRoutes: FastifyPluginAsync<DocumentsRoutesOptions> = async (app, { documents, agencies }) => {
  const css = readFileSync(documentCssPath, 'utf8');
  /** Public files by agency|year|format (see publicDocument); emptied for an agency that saves its options. */
  const rendered = new Map<string, { at: number; doc: RenderedDocument }>();
  app.get('/assets/document.css', (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));

  // Document options: the title's fiscal year, the date of issue and who signs, saved per agency
  // and results year (a plain POST form), then used by the downloads, the public page and files
  // and the copy attached to OIT.
  app.get('/admin/documents/:year/measures', { preHandler: requirePermission('results.view') }, async (request, reply) => {
    const { agency } = staff(request);
    const year = fiscalYearParam((request.params as { year: string }).year);
    const [signers, saved] = await Promise.all([documents.signers(agency.id), documents.savedOptions(agency.id, year)]);
    const values = {
      titleYear: String(saved.titleYear ?? year + 1),
      issuedOn: saved.issuedOn ? formatBeDateInput(saved.issuedOn, agency.digits) : '',
      signer: saved.signerId ?? '',
    };
    return sendPage(reply, <DocumentOptionsPage ctx={pageContext(request, reply)} year={year} signers={signers} values={values} />);
  });

  app.post('/admin/documents/:year/measures', { preHandler: requirePermission('documents.generate') }, async (request, reply) => {
    const { agency, user } = staff(request);
    const year = fiscalYearParam((request.params as { year: string }).year);
    const body = (request.body ?? {}) as Record<string, string>;
    try {
      await documents.saveOptions(actorOf(user), agency.id, year, parseOptions(body) ?? {});
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const signers = await documents.signers(agency.id);
        const values = { titleYear: body.titleYear ?? '', issuedOn: body.issuedOn ?? '', signer: body.signer ?? '' };
        return sendPage(reply, <DocumentOptionsPage ctx={pageContext(request, reply)} year={year} signers={signers} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
    // The public files of this agency are rendered again with the saved options.
    for (const key of rendered.keys()) if (key.startsWith(`${agency.id}|`)) rendered.delete(key);
    return redirect(reply, `/admin/documents/${year}/measures`, 'บันทึกตัวเลือกเอกสารแล้ว หน้าเผยแพร่และหลักฐาน OIT ใช้ตัวเลือกนี้');
  });

  app.get('/admin/documents/:year/measures.:format', { preHandler: requirePermission('results.view') }, async (request, reply) => {
    const { agency } = staff(request);
    const params = request.params as { year: string; format: string };
    const doc = await documents.renderMeasures(agency.id, fiscalYearParam(params.year), parseFormat(params.format), { document: parseOptions(request.query) });
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName);
  });


  app.get('/a/:slug/ita/:year/measures', async (request, reply) => {
    const { slug, year } = request.params as { slug: string; year: string };
    const agency = publicTenant(request);
    const model = await documents.measuresModel(agency.id, fiscalYearParam(year), { requireSavedPlan: true });
    reply.header('cache-control', 'public, max-age=300');
    return sendPage(reply, <PublicMeasuresPage ctx={pageContext(request, reply, agency)} model={model} base={`/a/${slug}/ita/${year}/measures`} />);
  });

  // Public files are rendered at most once a minute per agency, year and format: a PDF costs
  // ~150 ms of CPU, and anyone may ask for it. Staff downloads above are always fresh.
  const PUBLIC_TTL_MS = 60_000;
  async function publicDocument(agencyId: string, year: number, format: DocumentFormat): Promise<RenderedDocument> {
    const key = `${agencyId}|${year}|${format}`;
    const hit = rendered.get(key);
    if (hit && Date.now() - hit.at < PUBLIC_TTL_MS) return hit.doc;
    const doc = await documents.renderMeasures(agencyId, year, format, { requireSavedPlan: true });
    if (rendered.size >= 200) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, { at: Date.now(), doc });
    return doc;
  }

  app.get('/a/:slug/ita/:year/measures.:format', async (request, reply) => {
    const { year, format } = request.params as { year: string; format: string };
    const agency = publicTenant(request);
    const f = parseFormat(format);
    const doc = await publicDocument(agency.id, fiscalYearParam(year), f);
    reply.header('cache-control', 'public, max-age=300');
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, f === 'pdf' ? 'inline' : 'attachment');
  });
};
