/**
 * Staff pages of tracked measures and periodic reports, and the public report pages:
 * /admin/measures[/:year[/:id]], /admin/reports[/:year[/:key]], /a/:slug/reports/:year/:key[.pdf|.docx].
 */
import { publicTenant } from '../../platform/tenant.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, notFound, validationError, type FieldError } from '../../shared/errors.js';
import { fiscalYearParam } from '../../shared/params.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { actorOf } from '../../platform/audit.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { sendDownload } from '../../platform/download.js';
import { field as formField, readMultipart, type FileStore, type MultipartForm } from '../../platform/file-store.js';
import { sendPage } from '../../ui/render.js';
import type { AgenciesService } from '../agencies/index.js';
import type { TrackingService } from './service.js';
import type { ReportService, ReportSpec, ReportView } from './report-service.js';
import { GENERIC_ROLES } from './domain/roles.js';
import { KIND_ROUNDS, problemsSchema, type ReportKind } from './domain/report-content.js';
import { projectRowsFromLines, projectRowsFromXlsx, projectsToLines, validateProjects } from './domain/projects-input.js';
import type { Round } from './domain/period.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { MeasuresPage } from './views/MeasuresPage.js';
import { MeasurePage, valuesOf, type MeasureFormValues } from './views/MeasurePage.js';
import { PublicReportPage, ReportFormPage, ReportsPage, type ReportFormValues } from './views/ReportPages.js';

export interface TrackingRoutesOptions extends Record<string, unknown> {
  tracking: TrackingService;
  reports: ReportService;
  agencies: AgenciesService;
  files: FileStore;
}

const canUpdate = requirePermission('measures.update');
const canManage = requirePermission('plan.edit');
const yearOf = (request: FastifyRequest) => fiscalYearParam((request.params as { year: string }).year);
const str = (body: unknown, k: string) => {
  const v = (body as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' ? v : '';
};

export const trackingRoutes: FastifyPluginAsync<TrackingRoutesOptions> = async (app, { tracking, reports, agencies, files }) => {
  // ----- tracked measures

  app.get('/admin/measures', { preHandler: canUpdate }, async (request, reply) => {
    const { agency } = staff(request);
    const years = await tracking.listYears(agency.id);
    const current = fiscalYearOf(tracking.today());
    return redirect(reply, `/admin/measures/${years.includes(current) || years.length === 0 ? current : years[0]}`);
  });

  app.get('/admin/measures/:year', { preHandler: canUpdate }, async (request, reply) => {
    const { user, agency } = staff(request);
    const year = yearOf(request);
    const measures = await tracking.listMeasures(agency.id, year);
    const years = [...new Set([year, ...(await tracking.listYears(agency.id))])].sort((a, b) => b - a);
    return sendPage(
      reply,
      <MeasuresPage ctx={pageContext(request, reply)} year={year} years={years} measures={measures} today={tracking.today()} mayUpdate={(m) => tracking.mayUpdate(user, m)} manages={tracking.manages(user)} planYear={year - 1} />,
    );
  });

  app.post('/admin/measures/:year/sync', { preHandler: canManage }, async (request, reply) => {
    const { user, agency } = staff(request);
    const year = yearOf(request);
    const r = await tracking.syncFromPlanOf(actorOf(user), agency.id, year - 1);
    return redirect(reply, `/admin/measures/${year}`, `นำมาตรการเข้าสู่การติดตามแล้ว: ใหม่ ${r.created} ปรับตามแผน ${r.updated} มาตรการ`);
  });

  async function measurePage(request: FastifyRequest, reply: FastifyReply, opts: { values?: MeasureFormValues; errors?: FieldError[]; evidenceErrors?: FieldError[]; status?: number } = {}) {
    const { user, agency } = staff(request);
    const { id } = request.params as { id: string };
    const measure = await tracking.getMeasure(agency.id, id);
    if (measure.fiscalYear !== yearOf(request)) throw notFound('ไม่พบมาตรการนี้');
    const page = <MeasurePage ctx={pageContext(request, reply)} measure={measure} today={tracking.today()} editable={tracking.mayUpdate(user, measure)} values={opts.values ?? valuesOf(measure)} errors={opts.errors} evidenceErrors={opts.evidenceErrors} />;
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/admin/measures/:year/:id', { preHandler: canUpdate }, (request, reply) => measurePage(request, reply));

  app.post('/admin/measures/:year/:id', { preHandler: canUpdate }, async (request, reply) => {
    const { user } = staff(request);
    const { id } = request.params as { id: string };
    const body = request.body as Record<string, unknown>;
    try {
      await tracking.updateMeasure(user, id, body);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const values = Object.fromEntries(['status', 'activities', 'responsiblePerson', 'plannedFrom', 'plannedTo', 'doneOn', 'outputsTh', 'indicatorsTh', 'note'].map((k) => [k, str(body, k)])) as unknown as MeasureFormValues;
        return measurePage(request, reply, { values, errors: error.fieldErrors, status: 400 });
      }
      throw error;
    }
    return redirect(reply, `/admin/measures/${yearOf(request)}/${id}`, 'บันทึกความก้าวหน้าแล้ว');
  });

  app.post('/admin/measures/:year/:id/evidence', { preHandler: canUpdate }, async (request, reply) => {
    const { user, agency } = staff(request);
    const { id } = request.params as { id: string };
    let form: MultipartForm;
    try {
      form = await readMultipart(request, files, agency.id);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'UNSUPPORTED_MEDIA' || error.code === 'PAYLOAD_TOO_LARGE')) return measurePage(request, reply, { evidenceErrors: [{ field: 'file', message: error.message }], status: error.status });
      throw error;
    }
    try {
      await tracking.addEvidence(user, id, { title: formField(form, 'title'), url: formField(form, 'url') }, form.files.file);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') return measurePage(request, reply, { evidenceErrors: error.fieldErrors.length ? error.fieldErrors : [{ field: 'file', message: error.message }], status: 400 });
      throw error;
    }
    return redirect(reply, `/admin/measures/${yearOf(request)}/${id}#measure-evidence`, 'เพิ่มหลักฐานแล้ว');
  });

  app.get('/admin/measures/evidence/:evidenceId', { preHandler: canUpdate }, async (request, reply) => {
    const { agency } = staff(request);
    const file = await tracking.evidenceFile(agency.id, (request.params as { evidenceId: string }).evidenceId);
    return files.send(request, reply, file, { cacheControl: 'private, max-age=0' });
  });

  // ----- periodic reports

  /** The reports of a year: fixed kinds, and generic reports for the items the catalogue has. */
  async function yearReports(agencyId: string, year: number): Promise<ReportView[]> {
    const specs: ReportSpec[] = [];
    for (const kind of ['measures', 'anti-corruption-plan', 'anti-corruption-report', 'operating-plan-report'] as ReportKind[]) {
      for (const round of KIND_ROUNDS[kind]) specs.push({ kind, year, round, role: reports.roleOf(kind, round) });
    }
    for (const role of GENERIC_ROLES) for (const round of [0, 6, 12] as Round[]) specs.push({ kind: 'generic', year, round, role });
    const views = await Promise.all(specs.map((s) => reports.getReport(agencyId, s)));
    return views.filter((v) => v.spec.kind !== 'generic' || v.target);
  }

  app.get('/admin/reports', { preHandler: canManage }, (_request, reply) => redirect(reply, `/admin/reports/${fiscalYearOf(tracking.today())}`));

  app.get('/admin/reports/:year', { preHandler: canManage }, async (request, reply) => {
    const { agency } = staff(request);
    const year = yearOf(request);
    return sendPage(reply, <ReportsPage ctx={pageContext(request, reply)} year={year} reports={await yearReports(agency.id, year)} />);
  });

  const specOf = (request: FastifyRequest) => reports.parseReportKey(yearOf(request), (request.params as { key: string }).key);

  function valuesFrom(content: Record<string, unknown>, spec: ReportSpec): ReportFormValues {
    const s = (k: string) => (typeof content[k] === 'string' ? (content[k] as string) : '');
    const projects = Array.isArray(content.projects) ? projectsToLines(spec.kind === 'anti-corruption-plan' ? 'plan' : 'result', content.projects as Record<string, unknown>[]) : s('projects');
    return { problems: s('problems'), suggestions: s('suggestions'), summary: s('summary'), intro: s('intro'), projects, sections: (content.sections as Record<string, string>) ?? {} };
  }

  async function reportPage(request: FastifyRequest, reply: FastifyReply, opts: { values?: ReportFormValues; errors?: FieldError[]; status?: number } = {}) {
    const { agency } = staff(request);
    const spec = specOf(request);
    const report = await reports.getReport(agency.id, spec);
    const page = (
      <ReportFormPage ctx={pageContext(request, reply)} report={report} values={opts.values ?? valuesFrom(report.content, spec)} errors={opts.errors} publicUrl={(await reports.isPublic(agency.id, report)) ? reports.publicPath(agency.slug, spec) : null} />
    );
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/admin/reports/:year/:key', { preHandler: canManage }, async (request, reply) => {
    const { key } = request.params as { key: string };
    const m = /^(.+)\.(pdf|docx|html)$/.exec(key);
    if (!m) return reportPage(request, reply);
    const { agency } = staff(request);
    const doc = await reports.render(agency.id, reports.parseReportKey(yearOf(request), m[1]!), m[2] as 'pdf' | 'docx' | 'html', { live: true });
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, m[2] === 'pdf' ? 'inline' : 'attachment');
  });

  app.post('/admin/reports/:year/:key', { preHandler: canManage }, async (request, reply) => {
    const { user, agency } = staff(request);
    const spec = specOf(request);
    let form: MultipartForm;
    try {
      form = await readMultipart(request, files, agency.id, { allow: ['xlsx'] });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'UNSUPPORTED_MEDIA' || error.code === 'PAYLOAD_TOO_LARGE')) return reportPage(request, reply, { errors: [{ field: 'file', message: error.message }], status: error.status });
      throw error;
    }
    const f = (k: string) => formField(form, k);
    const sections = Object.fromEntries(Object.keys(form.fields).filter((k) => k.startsWith('sections.')).map((k) => [k.slice('sections.'.length), f(k)]));
    const values: ReportFormValues = { problems: f('problems'), suggestions: f('suggestions'), summary: f('summary'), intro: f('intro'), projects: f('projects'), sections };
    try {
      const upload = form.files.file;
      const errors: FieldError[] = [];
      let projects: unknown[] | undefined;
      if (spec.kind === 'anti-corruption-plan' || spec.kind === 'anti-corruption-report' || spec.kind === 'operating-plan-report') {
        const kind = spec.kind === 'anti-corruption-plan' ? 'plan' : 'result';
        let rows = projectRowsFromLines(values.projects);
        let field = 'projects';
        if (upload) {
          const read = await projectRowsFromXlsx(await files.readStaged(upload), kind);
          await files.discard(upload);
          if (!read.ok) errors.push(...read.errors);
          else ((rows = read.rows), (field = 'file'));
        }
        if (errors.length === 0) {
          const checked = kind === 'plan' ? validateProjects('plan', rows, field) : validateProjects('result', rows, field);
          if (checked.ok) projects = checked.projects;
          else errors.push(...checked.errors);
        }
        if (spec.kind !== 'anti-corruption-plan') {
          const p = problemsSchema.safeParse({ problems: values.problems, suggestions: values.suggestions });
          if (!p.success) errors.push(...zodToFieldErrors(p.error));
        }
        if (errors.length) throw validationError('รายงานยังไม่ครบองค์ประกอบ กรุณากรอกให้ครบก่อนจัดทำ', errors);
        if (projects) values.projects = projectsToLines(kind, projects as Record<string, unknown>[]);
      } else if (upload) await files.discard(upload);
      await reports.produce(actorOf(user), agency.id, spec, { ...values, projects });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') return reportPage(request, reply, { values, errors: error.fieldErrors.length ? error.fieldErrors : [{ field: '', message: error.message }], status: 400 });
      throw error;
    }
    return redirect(reply, `/admin/reports/${spec.year}/${reports.reportKey(spec)}`, 'จัดทำรายงานและแนบกับรายการ OIT แล้ว');
  });

  // ----- public pages

  app.get('/a/:slug/reports/:year/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const agency = publicTenant(request);
    const slug = agency.slug;
    const year = yearOf(request);
    const m = /^(.+?)(?:\.(pdf|docx))?$/.exec(file)!;
    const spec = reports.parseReportKey(year, m[1]!);
    const report = await reports.getReport(agency.id, spec);
    // Produced is not published: the page (and its files) wait for the coordinator to publish the OIT item.
    if (!(await reports.isPublic(agency.id, report))) throw notFound('หน่วยงานยังไม่ได้เผยแพร่รายงานนี้');
    reply.header('cache-control', 'public, max-age=300');
    if (m[2]) {
      const doc = await reports.render(agency.id, spec, m[2] as 'pdf' | 'docx');
      return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, m[2] === 'pdf' ? 'inline' : 'attachment');
    }
    const model = await reports.model(agency.id, spec);
    return sendPage(reply, <PublicReportPage ctx={pageContext(request, reply, agency)} model={model} base={reports.publicPath(slug, spec)} />);
  });
};
