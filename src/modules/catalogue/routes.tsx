/**
 * Catalogue pages: every signed-in officer may read the rules of each year; only holders of
 * `catalogue.import` may replace a year's catalogue. Parse → service → page or 303; no SQL here.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requirePermission, requireUser, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../users/service.js';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { sendPage } from '../../ui/render.js';
import { catalogueKindOf, type CatalogueService } from './service.js';
import { CatalogueListPage } from './views/CatalogueListPage.js';
import { CatalogueYearPage } from './views/CatalogueYearPage.js';
import { YearMapPage } from './views/YearMapPage.js';

export interface CatalogueRoutesOptions extends Record<string, unknown> {
  catalogues: CatalogueService;
}

/** A four-digit B.E. year from the URL, or a Thai 404. */
export function yearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw notFound('ไม่พบปีงบประมาณที่ต้องการ');
  return Number(raw);
}

/** The single uploaded file of a multipart form (field "file"); undefined when none was chosen. */
export async function readUploadedFile(request: FastifyRequest): Promise<{ filename: string; buffer: Buffer } | undefined> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', 'กรุณาส่งไฟล์ผ่านแบบฟอร์มนำเข้า');
  const part = await request.file();
  if (!part) return undefined;
  const buffer = await part.toBuffer();
  if (buffer.length === 0 && !part.filename) return undefined;
  return { filename: part.filename ?? '', buffer };
}

export const catalogueRoutes: FastifyPluginAsync<CatalogueRoutesOptions> = async (app, { catalogues }) => {
  app.get('/admin/catalogue', { preHandler: requireUser }, async (request, reply) => {
    return sendPage(reply, <CatalogueListPage ctx={pageContext(request, reply)} years={await catalogues.listYears()} />);
  });

  // Registered before /:year; the static segment wins in Fastify's router anyway.
  app.get<{ Querystring: { from?: string; to?: string } }>('/admin/catalogue/map', { preHandler: requireUser }, async (request, reply) => {
    const years = (await catalogues.listYears()).filter((y) => y.oitItemCount > 0).map((y) => y.fiscalYear);
    const latest = years[years.length - 1];
    if (latest === undefined) throw notFound('ยังไม่มีแคตตาล็อกที่มีรายการ OIT');
    const to = request.query.to ? yearParam(request.query.to) : latest;
    const from = request.query.from ? yearParam(request.query.from) : (years.filter((y) => y < to).pop() ?? to);
    const map = await catalogues.yearMap(from, to);
    return sendPage(reply, <YearMapPage ctx={pageContext(request, reply)} years={years} map={map} to={await catalogues.requireCatalogue(to)} />);
  });

  app.get<{ Params: { year: string } }>('/admin/catalogue/:year', { preHandler: requireUser }, async (request, reply) => {
    const year = yearParam(request.params.year);
    const entry = await catalogues.getEntry(year);
    if (!entry) throw notFound(`ยังไม่มีแคตตาล็อก ITA ของปีงบประมาณ ${year}`);
    const versions = await catalogues.listImportedVersions(year);
    return sendPage(reply, <CatalogueYearPage ctx={pageContext(request, reply)} catalogue={entry.catalogue} summary={entry.summary} versions={versions} />);
  });

  app.get<{ Params: { year: string } }>('/admin/catalogue/:year/export.json', { preHandler: requireUser }, async (request, reply) => {
    const year = yearParam(request.params.year);
    const body = await catalogues.exportJson(year);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="ita-catalogue-fy${year}.json"`)
      .send(body);
  });

  app.get<{ Params: { year: string } }>('/admin/catalogue/:year/export.xlsx', { preHandler: requireUser }, async (request, reply) => {
    const year = yearParam(request.params.year);
    const body = await catalogues.exportXlsx(year);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ita-catalogue-fy${year}.xlsx"`)
      .send(body);
  });

  // The catalogue is shared by every agency of the deployment: only the deployment administrator
  // holds catalogue.import (no agency role does), and the import is audited deployment-wide.
  app.post('/admin/catalogue/import', { preHandler: requirePermission('catalogue.import') }, async (request, reply) => {
    const { user } = staff(request);
    try {
      const file = await readUploadedFile(request);
      if (!file) throw validationError('กรุณาเลือกไฟล์แคตตาล็อก (JSON หรือ XLSX)');
      const summary = await catalogues.importCatalogue(actorOf(user), file.buffer, catalogueKindOf(file.filename, file.buffer), { agencyId: null });
      return redirect(
        reply,
        `/admin/catalogue/${summary.fiscalYear}`,
        `นำเข้าแคตตาล็อกปีงบประมาณ ${summary.fiscalYear} รุ่น ${summary.version} แล้ว และใช้แทนรุ่นเดิมทันที`,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const ctx = pageContext(request, reply);
        return sendPage(reply, <CatalogueListPage ctx={ctx} years={await catalogues.listYears()} failure={{ message: error.message, errors: error.fieldErrors }} />, 400);
      }
      throw error;
    }
  });
};
