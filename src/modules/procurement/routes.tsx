/**
 * Staff pages of the contract register (/admin/procurement/:year…: import with column mapping,
 * API sync, plan, monthly summaries, annual report) and the public monthly summary:
 * /a/:slug/procurement/:year/:month (page), …/download?format=pdf|docx, and the JSON
 * /a/:slug/api/procurement/:year/:month (in the OpenAPI document).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { fiscalYearParam } from '../../shared/params.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { actorOf } from '../../platform/audit.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { sendDownload } from '../../platform/download.js';
import { sendPage } from '../../ui/render.js';
import type { Agency } from '../agencies/index.js';
import type { ProcurementService } from './service.js';
import type { PublishOutcome } from './publishing.js';
import { fiscalMonths } from './domain/types.js';
import { FIELDS } from './domain/import-table.js';
import { skr1Cells } from './domain/summaries.js';
import { AnnualPage, MappingPage, MonthPage, RegisterPage } from './views/ProcurementPages.js';

export interface ProcurementRoutesOptions extends Record<string, unknown> {
  procurement: ProcurementService;
  agencyBySlug: (slug: string) => Promise<Agency | undefined>;
}

const guard = { preHandler: requirePermission('procurement.manage') };
const IMPORT_LIMIT = 10 * 1024 * 1024;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const yearOf = (request: FastifyRequest) => fiscalYearParam((request.params as { year: string }).year);
const monthOf = (request: FastifyRequest, year: number) => {
  const m = (request.params as { month: string }).month;
  if (!MONTH.test(m) || !fiscalMonths(year).includes(m)) throw notFound('ไม่พบเดือนนี้ในปีงบประมาณ');
  return m;
};
const formatOf = (request: FastifyRequest): 'pdf' | 'docx' => {
  const f = (request.query as { format?: string }).format;
  if (f !== 'pdf' && f !== 'docx') throw notFound('รองรับเฉพาะ PDF และ DOCX');
  return f;
};
/** What was attached to OIT after an import or sync, for the flash message. */
const publishedNote = (r: { published?: PublishOutcome; publishError?: string }): string =>
  r.publishError ? ` — ${r.publishError}` : r.published?.months.length ? ` — แนบสรุปผลรายเดือน ${r.published.months.length} เดือนเป็นหลักฐาน OIT (${r.published.attachedTo}) แล้ว` : '';
const importedMessage = (o: { created: number; updated: number; unchanged: number; published?: PublishOutcome; publishError?: string }) =>
  `นำเข้าแล้ว: ใหม่ ${o.created} ปรับปรุง ${o.updated} ไม่เปลี่ยน ${o.unchanged} รายการ${publishedNote(o)}`;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

export const procurementRoutes: FastifyPluginAsync<ProcurementRoutesOptions> = async (app, { procurement, agencyBySlug }) => {
  async function registerPage(request: FastifyRequest, reply: FastifyReply, year: number, errors?: DomainError['fieldErrors'], status = 200) {
    const { agency } = staff(request);
    const [contracts, years, sync, published] = await Promise.all([procurement.contracts(agency.id, year), procurement.listYears(agency.id), procurement.syncState(agency.id, year), procurement.publishedMonths(agency.id, year)]);
    const thisMonth = procurement.today().slice(0, 7);
    const at = new Map(published.map((p) => [p.month, p.publishedAt]));
    const months = fiscalMonths(year).map((m) => ({ month: m, count: contracts.filter((c) => c.procuredOn.startsWith(m)).length, started: m <= thisMonth, publishedAt: at.get(m) ?? null }));
    return sendPage(
      reply,
      <RegisterPage
        ctx={pageContext(request, reply)}
        year={year}
        years={[...new Set([year, ...years])].sort((a, b) => b - a)}
        contracts={contracts}
        months={months}
        apiConfigured={procurement.apiConfigured()}
        sync={sync ? { state: sync.state, fetched: Number(sync.fetched), nextOffset: Number(sync.next_offset), lastError: sync.last_error, deptCode: sync.dept_code } : null}
        {...(errors ? { errors } : {})}
      />,
      status,
    );
  }

  /** The one uploaded file of a multipart form, read into memory within the import limit. */
  async function uploaded(request: FastifyRequest, field: string): Promise<{ bytes: Buffer; name: string }> {
    if (!request.isMultipart()) throw validationError('กรุณาเลือกไฟล์', [{ field, message: 'กรุณาเลือกไฟล์ CSV หรือ XLSX' }]);
    let found: { bytes: Buffer; name: string } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        const buf = await part.toBuffer();
        if (part.fieldname === field && part.filename && buf.length > 0) found = { bytes: buf, name: part.filename };
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw validationError('ไฟล์ใหญ่เกินไป', [{ field, message: 'ไฟล์ใหญ่เกิน 10 เมกะไบต์' }]);
      throw error;
    }
    if (!found) throw validationError('กรุณาเลือกไฟล์', [{ field, message: 'กรุณาเลือกไฟล์ CSV หรือ XLSX' }]);
    return found;
  }

  const rendered = async (request: FastifyRequest, reply: FastifyReply, year: number, work: () => Promise<FastifyReply>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const errors = error.fieldErrors.length ? error.fieldErrors : [{ field: 'file', message: error.message }];
        return registerPage(request, reply, year, error.fieldErrors.length ? [{ field: '', message: error.message }, ...errors] : errors, 400);
      }
      throw error;
    }
  };

  app.get('/admin/procurement', guard, async (request, reply) => redirect(reply, `/admin/procurement/${fiscalYearOf(procurement.today())}`));
  app.get('/admin/procurement/:year', guard, (request, reply) => registerPage(request, reply, yearOf(request)));

  app.post('/admin/procurement/:year/import', { ...guard, config: { multipartLimits: { fileSize: IMPORT_LIMIT } } }, async (request, reply) => {
    const year = yearOf(request);
    const { user } = staff(request);
    return rendered(request, reply, year, async () => {
      const file = await uploaded(request, 'file');
      const outcome = await procurement.startImport(actorOf(user), user.agencyId, year, file.bytes, file.name);
      if (outcome.state === 'imported') return redirect(reply, `/admin/procurement/${year}`, importedMessage(outcome));
      return sendPage(reply, <MappingPage ctx={pageContext(request, reply)} year={year} token={outcome.token} headers={outcome.headers} mapping={outcome.mapping} missing={outcome.missing} />);
    });
  });

  app.post('/admin/procurement/:year/import/map', guard, async (request, reply) => {
    const year = yearOf(request);
    const { user } = staff(request);
    const b = body(request);
    const raw = Object.fromEntries(FIELDS.map((f) => [f, str(b[f])]));
    const token = str(b.token);
    return rendered(request, reply, year, async () => {
      const outcome = await procurement.finishImport(actorOf(user), user.agencyId, year, token, raw);
      if (outcome.state === 'needs-mapping') {
        return sendPage(
          reply,
          <MappingPage ctx={pageContext(request, reply)} year={year} token={outcome.token} headers={outcome.headers} mapping={outcome.mapping} missing={outcome.missing} errors={outcome.missing.map((f) => ({ field: f, message: `กรุณาเลือกคอลัมน์ "${procurement.labels[f]}"` }))} />,
          400,
        );
      }
      return redirect(reply, `/admin/procurement/${year}`, importedMessage(outcome));
    });
  });

  app.post('/admin/procurement/:year/sync', guard, async (request, reply) => {
    const year = yearOf(request);
    const { user } = staff(request);
    return rendered(request, reply, year, async () => {
      const r = await procurement.syncFromApi(actorOf(user), user.agencyId, year, str(body(request).deptCode));
      return redirect(reply, `/admin/procurement/${year}`, `ดึงข้อมูลแล้ว ${r.fetched} รายการ: ใหม่ ${r.created} ปรับปรุง ${r.updated} ไม่เปลี่ยน ${r.unchanged}${r.skipped ? ` ข้าม ${r.skipped} (ข้อมูลไม่ครบ)` : ''}${publishedNote(r)}`);
    });
  });

  app.post('/admin/procurement/:year/plan', { ...guard, config: { multipartLimits: { fileSize: IMPORT_LIMIT } } }, async (request, reply) => {
    const year = yearOf(request);
    const { user } = staff(request);
    return rendered(request, reply, year, async () => {
      const file = await uploaded(request, 'plan');
      const n = await procurement.importPlan(actorOf(user), user.agencyId, year, file.bytes, file.name);
      return redirect(reply, `/admin/procurement/${year}`, `นำเข้าแผนการจัดซื้อจัดจ้าง ${n} รายการแล้ว`);
    });
  });

  app.post('/admin/procurement/:year/publish', guard, async (request, reply) => {
    const year = yearOf(request);
    const { agency } = staff(request);
    const r = await procurement.publishMonths(agency.id, year);
    return redirect(reply, `/admin/procurement/${year}`, r.attachedTo ? `แนบสรุปผลรายเดือน ${r.months.length} เดือนเป็นหลักฐาน OIT (${r.attachedTo}) แล้ว` : `แคตตาล็อกปี ${year} ไม่มีรายการสรุปผลการจัดซื้อจัดจ้างรายเดือน`);
  });

  app.get('/admin/procurement/:year/annual', guard, async (request, reply) => {
    const year = yearOf(request);
    const a = await procurement.annual(staff(request).agency.id, year);
    return sendPage(reply, <AnnualPage ctx={pageContext(request, reply)} year={year} {...a} />);
  });

  app.post('/admin/procurement/:year/annual', guard, async (request, reply) => {
    const year = yearOf(request);
    const { user } = staff(request);
    const b = body(request);
    try {
      const r = await procurement.produceAnnual(actorOf(user), user.agencyId, year, { problems: str(b.problems), suggestions: str(b.suggestions) });
      return redirect(reply, `/admin/procurement/${year}/annual`, r.attachedTo.length ? `จัดทำรายงานและแนบเป็นหลักฐาน OIT (${r.attachedTo.join(', ')}) แล้ว` : 'จัดทำรายงานแล้ว (แคตตาล็อกยังไม่มีรายการที่รับรายงานนี้)');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const a = await procurement.annual(user.agencyId, year);
        const errors = error.fieldErrors.length ? error.fieldErrors : [{ field: '', message: error.message }];
        return sendPage(reply, <AnnualPage ctx={pageContext(request, reply)} year={year} {...a} problems={str(b.problems)} suggestions={str(b.suggestions)} errors={errors} />, 400);
      }
      throw error;
    }
  });

  app.get('/admin/procurement/:year/annual/download', guard, async (request, reply) => {
    const doc = await procurement.annualDocument(staff(request).agency.id, yearOf(request), formatOf(request));
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName);
  });

  app.get('/admin/procurement/:year/:month', guard, async (request, reply) => {
    const year = yearOf(request);
    const { agency } = staff(request);
    const month = monthOf(request, year);
    const summary = await procurement.monthly(agency.id, year, month);
    return sendPage(reply, <MonthPage ctx={pageContext(request, reply)} summary={summary} downloadBase={`/admin/procurement/${year}/${month}/download`} publicUrl={`/a/${agency.slug}/procurement/${year}/${month}`} staff />);
  });

  app.get('/admin/procurement/:year/:month/download', guard, async (request, reply) => {
    const year = yearOf(request);
    const doc = await procurement.monthlyDocument(staff(request).agency.id, year, monthOf(request, year), formatOf(request));
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName);
  });

  // ----- public

  const tenant = async (slug: string) => {
    const agency = await agencyBySlug(slug);
    if (!agency) throw notFound('ไม่พบหน่วยงาน');
    return agency;
  };

  // The produced annual report (its OIT evidence links here): the PDF, shown in the browser.
  app.get<{ Params: { slug: string; year: string } }>('/a/:slug/procurement/:year/annual', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const year = yearOf(request);
    if (!(await procurement.annual(agency.id, year)).producedAt) throw notFound('ยังไม่ได้เผยแพร่รายงานผลการจัดซื้อจัดจ้างประจำปีนี้');
    const doc = await procurement.annualDocument(agency.id, year, 'pdf');
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, 'inline');
  });

  app.get<{ Params: { slug: string; year: string; month: string } }>('/a/:slug/procurement/:year/:month', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const year = yearOf(request);
    const month = monthOf(request, year);
    const summary = await procurement.monthly(agency.id, year, month);
    return sendPage(reply, <MonthPage ctx={pageContext(request, reply, agency)} summary={summary} downloadBase={`/a/${agency.slug}/procurement/${year}/${month}/download`} staff={false} />);
  });

  app.get<{ Params: { slug: string; year: string; month: string } }>('/a/:slug/procurement/:year/:month/download', async (request, reply) => {
    const agency = await tenant(request.params.slug);
    const year = yearOf(request);
    const doc = await procurement.monthlyDocument(agency.id, year, monthOf(request, year), formatOf(request));
    return sendDownload(reply, doc.buffer, doc.contentType, doc.fileName, 'inline');
  });

  app.get<{ Params: { slug: string; year: string; month: string } }>('/a/:slug/api/procurement/:year/:month', async (request) => {
    const agency = await tenant(request.params.slug);
    const year = yearOf(request);
    const s = await procurement.monthly(agency.id, year, monthOf(request, year));
    return {
      agency: agency.nameTh,
      fiscalYear: year,
      month: s.month,
      empty: s.empty,
      columns: [
        'no',
        'work',
        'budget',
        'referencePrice',
        'method',
        'bidders',
        'selected',
        'reason',
        'contract',
      ],
      rows: s.rows.map((r) => ({
        no: r.no,
        projectNo: r.contract.projectNo,
        work: r.contract.titleTh,
        budget: r.contract.budget,
        referencePrice: r.contract.referencePrice,
        method: r.contract.method,
        bidders: r.contract.bidders,
        selected: { name: r.contract.winner, price: r.contract.agreedPrice },
        reason: r.contract.reason,
        contractNo: r.contract.contractNo,
        contractDate: r.contract.contractDate,
        text: skr1Cells(r, 'arabic'),
      })),
      totals: s.totals,
    };
  });
};
