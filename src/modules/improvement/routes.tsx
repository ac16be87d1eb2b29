/** Staff pages of the improvement plan: view, draft, edit rows, XLSX round trip, driving measures. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, validationError } from '../../shared/errors.js';
import { fiscalYearParam, indexedFields } from '../../shared/params.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { actorOf } from '../users/service.js';
import { sendPage } from '../../ui/render.js';
import type { ImprovementService } from './service.js';
import { PlanPage } from './views/PlanPage.js';
import { PlanRowPage, type PlanRowValues } from './views/PlanRowPage.js';
import { MeasuresPage } from './views/MeasuresPage.js';
import { PlanIndexPage } from './views/PlanIndexPage.js';
import { PlanUnitsPage } from './views/PlanUnitsPage.js';

export interface ImprovementRoutesOptions extends Record<string, unknown> {
  plans: ImprovementService;
  unitNames: (agencyId: string) => Promise<string[]>;
  /** Fiscal years the agency has ITA results for, newest first. */
  resultsYears: (agencyId: string) => Promise<number[]>;
}

const canView = requirePermission('results.view');
const canEdit = requirePermission('plan.edit');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function formValues(body: Record<string, unknown>): PlanRowValues {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return { weaknessTh: s('weaknessTh'), steps: s('steps'), responsibleUnit: s('responsibleUnit'), monitoring: s('monitoring'), sixMonthDue: s('sixMonthDue'), twelveMonthDue: s('twelveMonthDue') };
}

export const improvementRoutes: FastifyPluginAsync<ImprovementRoutesOptions> = async (app, { plans, unitNames, resultsYears }) => {
  app.get('/admin/plan', { preHandler: canView }, async (request, reply) => {
    const { agency } = staff(request);
    const years = await resultsYears(agency.id);
    const withPlans = await Promise.all(years.map(async (y) => ({ year: y, plan: await plans.getPlan(agency.id, y) })));
    return sendPage(reply, <PlanIndexPage ctx={pageContext(request, reply)} years={withPlans.map((p) => ({ year: p.year, rows: p.plan?.rows.length ?? null }))} />);
  });

  app.get('/admin/plan/units', { preHandler: canView }, async (request, reply) => {
    const { agency } = staff(request);
    const [kinds, units] = await Promise.all([plans.unitDefaults(agency.id), unitNames(agency.id)]);
    return sendPage(reply, <PlanUnitsPage ctx={pageContext(request, reply)} kinds={kinds} units={units} />);
  });

  app.post('/admin/plan/units', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await plans.saveUnitDefaults(actorOf(user), agency.id, body);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      const [kinds, units] = await Promise.all([plans.unitDefaults(agency.id), unitNames(agency.id)]);
      const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return sendPage(reply, <PlanUnitsPage ctx={pageContext(request, reply)} kinds={kinds} units={units} values={values} errors={[{ field: '', message: error.message }, ...error.fieldErrors]} />, 400);
    }
    return redirect(reply, '/admin/plan', 'บันทึกหน่วยงานผู้รับผิดชอบตามประเภทงานแล้ว การร่างแผนครั้งต่อไปจะใช้หน่วยงานเหล่านี้');
  });

  const year = (request: FastifyRequest) => fiscalYearParam((request.params as { year: string }).year);

  async function showPlan(request: FastifyRequest, reply: FastifyReply, status = 200, errors?: DomainError) {
    const { agency } = staff(request);
    const y = year(request);
    const plan = await plans.getPlan(agency.id, y);
    return sendPage(reply, <PlanPage ctx={pageContext(request, reply)} year={y} plan={plan} errors={errors ? [{ field: '', message: errors.message }, ...errors.fieldErrors] : undefined} />, status);
  }

  app.get('/admin/plan/:year', { preHandler: canView }, (request, reply) => showPlan(request, reply));

  app.post('/admin/plan/:year/draft', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const y = year(request);
    const plan = await plans.draft(actorOf(user), agency.id, y);
    return redirect(reply, `/admin/plan/${y}`, `ร่างแผนปรับปรุงแล้ว ${plan.rows.length} แถว กรุณาตรวจทานและแก้ไขให้เหมาะกับหน่วยงาน`);
  });

  app.get('/admin/plan/:year/plan.xlsx', { preHandler: canView }, async (request, reply) => {
    const { agency } = staff(request);
    const y = year(request);
    const buf = await plans.exportXlsx(agency.id, y);
    const name = `แผนปรับปรุง-ITA-${y}.xlsx`;
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="plan-${y}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buf);
  });

  app.post('/admin/plan/:year/import', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const y = year(request);
    const file = await request.file();
    if (!file) return showPlan(request, reply, 400, validationError('กรุณาเลือกไฟล์ XLSX ที่จะนำเข้า', [{ field: 'file', message: 'กรุณาเลือกไฟล์' }]));
    const buffer = await file.toBuffer();
    try {
      const plan = await plans.importXlsx(actorOf(user), agency.id, y, buffer);
      return redirect(reply, `/admin/plan/${y}`, `นำเข้าแผนปรับปรุงแล้ว ${plan.rows.length} แถว`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') return showPlan(request, reply, 400, error);
      throw error;
    }
  });

  app.get('/admin/plan/:year/rows/:id', { preHandler: canEdit }, async (request, reply) => {
    const { agency } = staff(request);
    const y = year(request);
    const id = (request.params as { id: string }).id;
    const units = await unitNames(agency.id);
    const plan = await plans.getPlan(agency.id, y);
    if (id === 'new') {
      if (!plan) return redirect(reply, `/admin/plan/${y}`);
      const last = plan.rows.at(-1);
      const values = { weaknessTh: '', steps: '', responsibleUnit: '', monitoring: '', sixMonthDue: last?.sixMonthDue ?? '', twelveMonthDue: last?.twelveMonthDue ?? '' };
      return sendPage(reply, <PlanRowPage ctx={pageContext(request, reply)} year={y} rowId={null} values={values} units={units} />);
    }
    const row = plan?.rows.find((r) => r.id === id);
    if (!row) throw new DomainError('NOT_FOUND', 'ไม่พบแถวนี้ในแผน');
    const values = { weaknessTh: row.weaknessTh, steps: row.steps.join('\n'), responsibleUnit: row.responsibleUnit, monitoring: row.monitoring.join('\n'), sixMonthDue: row.sixMonthDue, twelveMonthDue: row.twelveMonthDue };
    return sendPage(reply, <PlanRowPage ctx={pageContext(request, reply)} year={y} rowId={id} values={values} units={units} />);
  });

  app.post('/admin/plan/:year/rows/:id', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const y = year(request);
    const id = (request.params as { id: string }).id;
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const row = await plans.saveRow(actorOf(user), agency.id, y, id === 'new' ? null : id, formValues(body));
      return redirect(reply, `/admin/plan/${y}#row-${row.id}`, 'บันทึกแถวของแผนแล้ว');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const units = await unitNames(agency.id);
        return sendPage(reply, <PlanRowPage ctx={pageContext(request, reply)} year={y} rowId={id === 'new' ? null : id} values={formValues(body)} units={units} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.post('/admin/plan/:year/rows/:id/delete', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const y = year(request);
    await plans.deleteRow(actorOf(user), agency.id, y, (request.params as { id: string }).id);
    return redirect(reply, `/admin/plan/${y}`, 'ลบแถวออกจากแผนแล้ว');
  });

  app.get('/admin/plan/:year/measures', { preHandler: canEdit }, async (request, reply) => {
    const { agency } = staff(request);
    const y = year(request);
    const plan = await plans.getPlan(agency.id, y);
    if (!plan) return redirect(reply, `/admin/plan/${y}`);
    return sendPage(reply, <MeasuresPage ctx={pageContext(request, reply)} year={y} measures={plan.drivingMeasures} />);
  });

  app.post('/admin/plan/:year/measures', { preHandler: canEdit }, async (request, reply) => {
    const { user, agency } = staff(request);
    const y = year(request);
    const entered = indexedFields((request.body ?? {}) as Record<string, unknown>, 'measures').map((m, i) => ({
      order: i + 1,
      titleTh: (m.titleTh ?? '').trim(),
      detailTh: (m.detailTh ?? '').trim(),
    }));
    try {
      await plans.saveMeasures(actorOf(user), agency.id, y, entered);
      return redirect(reply, `/admin/plan/${y}`, 'บันทึกมาตรการขับเคลื่อนแล้ว');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <MeasuresPage ctx={pageContext(request, reply)} year={y} measures={entered} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });
};
