/**
 * Results pages: list, entry form, file import with templates, and the analysis. Seeing needs
 * `results.view`, changing needs `results.edit`. Parse → service → page or 303; no SQL here.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { sendPage } from '../../ui/render.js';
import { actorOf } from '../../platform/audit.js';
import type { CatalogueService } from '../catalogue/index.js';
import type { ItaResultsService } from './service.js';
import { formValues, newFormValues, resultsFormToJson, resultsToFormValues } from './schemas.js';
import { AnalysisPage } from './views/AnalysisPage.js';
import { ChooseYearPage } from './views/ChooseYearPage.js';
import { ResultsFormPage } from './views/ResultsFormPage.js';
import { ResultsImportPage } from './views/ResultsImportPage.js';
import { ResultsListPage } from './views/ResultsListPage.js';

export interface ItaResultsRoutesOptions extends Record<string, unknown> {
  results: ItaResultsService;
  catalogues: CatalogueService;
}

const view = requirePermission('results.view');
const edit = requirePermission('results.edit');

/** A four-digit B.E. year from the URL or query, or a Thai 404. */
function parseYear(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) throw notFound('ไม่พบปีงบประมาณที่ต้องการ');
  return Number(raw);
}

/** The single uploaded file of a multipart form (field "file"); undefined when none was chosen. */
async function readUploadedFile(request: FastifyRequest): Promise<{ filename: string; buffer: Buffer } | undefined> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', 'กรุณาส่งไฟล์ผ่านแบบฟอร์มนำเข้า');
  const part = await request.file();
  if (!part) return undefined;
  const buffer = await part.toBuffer();
  if (buffer.length === 0 && !part.filename) return undefined;
  return { filename: part.filename ?? '', buffer };
}

export const itaResultsRoutes: FastifyPluginAsync<ItaResultsRoutesOptions> = async (app, { results, catalogues }) => {
  const templateYears = async () => (await catalogues.listYears()).map((y) => y.fiscalYear);

  app.get('/admin/results', { preHandler: view }, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <ResultsListPage ctx={pageContext(request, reply)} years={await results.listYears(agency.id)} />);
  });

  app.get<{ Querystring: { year?: string } }>('/admin/results/new', { preHandler: edit }, async (request, reply) => {
    const { agency } = staff(request);
    const ctx = pageContext(request, reply);
    if (!request.query.year) {
      const entered = (await results.listYears(agency.id)).map((y) => y.fiscalYear);
      return sendPage(reply, <ChooseYearPage ctx={ctx} years={await templateYears()} entered={entered} />);
    }
    const year = parseYear(request.query.year);
    const catalogue = await catalogues.requireCatalogue(year);
    if (await results.getResults(agency.id, year)) return redirect(reply, `/admin/results/${year}/edit`);
    return sendPage(reply, <ResultsFormPage ctx={ctx} catalogue={catalogue} values={newFormValues(catalogue)} mode="new" />);
  });

  app.get<{ Params: { year: string } }>('/admin/results/:year/edit', { preHandler: edit }, async (request, reply) => {
    const { agency } = staff(request);
    const year = parseYear(request.params.year);
    const catalogue = await catalogues.requireCatalogue(year);
    const record = await results.getResults(agency.id, year);
    if (!record) return redirect(reply, `/admin/results/new?year=${year}`);
    return sendPage(reply, <ResultsFormPage ctx={pageContext(request, reply)} catalogue={catalogue} values={resultsToFormValues(record.input)} mode="edit" />);
  });

  app.post<{ Params: { year: string } }>('/admin/results/:year/edit', { preHandler: edit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const year = parseYear(request.params.year);
    const catalogue = await catalogues.requireCatalogue(year);
    const values = formValues(request.body);
    try {
      await results.saveResultsJson(actorOf(user), agency.id, resultsFormToJson(values, year, catalogue));
      return redirect(reply, `/admin/results/${year}`, `บันทึกผลการประเมินปีงบประมาณ ${year} แล้ว`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const existed = !!(await results.getResults(agency.id, year));
        return sendPage(
          reply,
          <ResultsFormPage ctx={pageContext(request, reply)} catalogue={catalogue} values={values} errors={error.fieldErrors} mode={existed ? 'edit' : 'new'} />,
          400,
        );
      }
      throw error;
    }
  });

  app.get('/admin/results/import', { preHandler: edit }, async (request, reply) => {
    return sendPage(reply, <ResultsImportPage ctx={pageContext(request, reply)} templateYears={await templateYears()} />);
  });

  app.post('/admin/results/import', { preHandler: edit }, async (request, reply) => {
    const { user, agency } = staff(request);
    try {
      const file = await readUploadedFile(request);
      if (!file) throw validationError('กรุณาเลือกไฟล์ผลการประเมิน (CSV, XLSX หรือ JSON)');
      const outcome = await results.importFile(actorOf(user), agency.id, file.buffer, file.filename);
      const years = outcome.saved.map((s) => s.fiscalYear).sort((a, b) => a - b);
      const note = outcome.otherAgencyName ? ` (ชื่อหน่วยงานในไฟล์คือ "${outcome.otherAgencyName}" บันทึกเป็นผลของ ${agency.nameTh})` : '';
      return redirect(
        reply,
        years.length === 1 ? `/admin/results/${years[0]}` : '/admin/results',
        `นำเข้าผลการประเมินปีงบประมาณ ${years.join(', ')} แล้ว${note}`,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(
          reply,
          <ResultsImportPage ctx={pageContext(request, reply)} templateYears={await templateYears()} failure={{ message: error.message, errors: error.fieldErrors }} />,
          400,
        );
      }
      throw error;
    }
  });

  /** The year of a template: ?year=NNNN, else the latest year with a catalogue. */
  const templateYear = async (query: { year?: string }) => {
    if (query.year) return parseYear(query.year);
    const years = await templateYears();
    if (years.length === 0) throw notFound('ยังไม่มีแคตตาล็อก ITA ในระบบ');
    return years[years.length - 1]!;
  };

  app.get<{ Querystring: { year?: string } }>('/admin/results/template.csv', { preHandler: view }, async (request, reply) => {
    const year = await templateYear(request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ita-results-template-fy${year}.csv"`)
      .send(await results.templateCsv(year));
  });

  app.get<{ Querystring: { year?: string } }>('/admin/results/template.xlsx', { preHandler: view }, async (request, reply) => {
    const year = await templateYear(request.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ita-results-template-fy${year}.xlsx"`)
      .send(await results.templateXlsx(year));
  });

  app.get<{ Params: { year: string } }>('/admin/results/:year', { preHandler: view }, async (request, reply) => {
    const { agency } = staff(request);
    const year = parseYear(request.params.year);
    const bundle = await results.analysisFor(agency.id, year);
    return sendPage(reply, <AnalysisPage ctx={pageContext(request, reply)} bundle={bundle} />);
  });
};
