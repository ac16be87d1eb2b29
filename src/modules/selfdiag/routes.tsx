/**
 * Self-diagnosis staff routes under /admin/self-diagnosis. Respondents answer on the survey
 * engine's public page (/a/{slug}/survey/{token}), which asks for no account.
 */
import type { FastifyPluginAsync } from 'fastify';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { sendPage } from '../../ui/render.js';
import { contentDisposition } from '../../platform/file-store.js';
import { DomainError } from '../../shared/errors.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';
import { qrSvg } from '../surveys/index.js';
import type { SelfdiagService } from './service.js';
import { LinkSlipsPage, PredictionPage, RoundPage, SelfdiagIndexPage } from './views/SelfdiagPages.js';

export interface SelfdiagRoutesOptions extends Record<string, unknown> {
  selfdiag: SelfdiagService;
  clock: Clock;
  listUnits: (agencyId: string) => Promise<{ nameTh: string }[]>;
  publicBaseUrl: string;
}

const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))]));

/** Respondent groups: the agency's units; EIT rounds also offer "ผู้รับบริการ" (service users). */
async function unitChoices(listUnits: SelfdiagRoutesOptions['listUnits'], agencyId: string, tool: string): Promise<string[]> {
  const units = (await listUnits(agencyId)).map((u) => u.nameTh);
  return tool === 'EIT' ? ['ผู้รับบริการทั่วไป', ...units] : units;
}

export const selfdiagRoutes: FastifyPluginAsync<SelfdiagRoutesOptions> = async (app, { selfdiag, clock, listUnits, publicBaseUrl }) => {
  const guard = { preHandler: requirePermission('selfdiag.manage') };
  const thisYear = () => fiscalYearOf(todayInThailand(clock));

  const indexPage = async (agencyId: string) => ({
    rounds: await selfdiag.listRounds(agencyId),
    trends: { IIT: await selfdiag.trend(agencyId, 'IIT'), EIT: await selfdiag.trend(agencyId, 'EIT') },
    year: thisYear(),
  });

  app.get('/admin/self-diagnosis', guard, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <SelfdiagIndexPage ctx={pageContext(request, reply)} {...await indexPage(agency.id)} />);
  });

  app.post('/admin/self-diagnosis/rounds', guard, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    try {
      const round = await selfdiag.createRound(actorOf(user), agency.id, values);
      return redirect(reply, `/admin/self-diagnosis/rounds/${round.id}`, 'เริ่มรอบการสำรวจแล้ว ออกลิงก์ให้ผู้ตอบได้ที่หน้านี้');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <SelfdiagIndexPage ctx={pageContext(request, reply)} {...await indexPage(agency.id)} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>('/admin/self-diagnosis/rounds/:id', guard, async (request, reply) => {
    const { agency } = staff(request);
    const view = await selfdiag.results(agency.id, request.params.id);
    return sendPage(reply, <RoundPage ctx={pageContext(request, reply)} view={view} units={await unitChoices(listUnits, agency.id, view.round.tool)} />);
  });

  app.post<{ Params: { id: string } }>('/admin/self-diagnosis/rounds/:id/close', guard, async (request, reply) => {
    const { user, agency } = staff(request);
    await selfdiag.closeRound(actorOf(user), agency.id, request.params.id);
    return redirect(reply, `/admin/self-diagnosis/rounds/${request.params.id}`, 'ปิดรอบการสำรวจแล้ว ลิงก์ที่ยังไม่ได้ใช้ตอบไม่ได้อีก');
  });

  app.get<{ Params: { id: string } }>('/admin/self-diagnosis/rounds/:id/results.csv', guard, async (request, reply) => {
    const { agency } = staff(request);
    const { title, csv } = await selfdiag.resultsCsv(agency.id, request.params.id);
    return reply.header('cache-control', 'no-store').type('text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', `ผลรายหน่วย ${title}.csv`)).send(csv);
  });

  app.post<{ Params: { id: string } }>('/admin/self-diagnosis/rounds/:id/links', guard, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = strings(request.body);
    const round = await selfdiag.getRound(agency.id, request.params.id);
    const units = await unitChoices(listUnits, agency.id, round.tool);
    try {
      if (values.unit && !units.includes(values.unit)) throw new DomainError('VALIDATION', 'ไม่พบหน่วยงานย่อยนี้', [{ field: 'unit', message: 'กรุณาเลือกหน่วยงานย่อยจากรายการ' }]);
      const { unit, tokens } = await selfdiag.issueLinks(actorOf(user), agency.id, round.id, values);
      const slips = await Promise.all(
        tokens.map(async (t) => {
          const url = `${publicBaseUrl}/a/${agency.slug}/survey/${t}`;
          return { url, qr: await qrSvg(url) };
        }),
      );
      // The links exist only on this response: never cached, never sent on as a referrer.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return sendPage(reply, <LinkSlipsPage ctx={pageContext(request, reply)} round={round} unit={unit} slips={slips} />);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <RoundPage ctx={pageContext(request, reply)} view={await selfdiag.results(agency.id, round.id)} units={units} values={values} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get<{ Querystring: Record<string, unknown> }>('/admin/self-diagnosis/prediction', guard, async (request, reply) => {
    const { agency } = staff(request);
    const y = Number(request.query.year);
    const year = Number.isInteger(y) && y >= 2560 && y <= 2700 ? y : thisYear();
    const raw = request.query.complete;
    const complete = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String).filter((c) => /^O\d{1,3}$/.test(c)).slice(0, 60);
    return sendPage(reply, <PredictionPage ctx={pageContext(request, reply)} p={await selfdiag.predict(agency.id, year, complete)} />);
  });
};
