/**
 * OIT routes: the staff workspace under /admin/oit; the public portal under /a/:slug/oit is in
 * public-routes.tsx, registered here so a staff change empties its page cache.
 * Handlers parse the request, call one service use case and render or redirect (303). Form
 * errors re-render the item page with the entered values, status 400 (413/415 for a file the
 * store refused), and the error summary linking to the field.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, notFound, type FieldError } from '../../shared/errors.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { todayInThailand } from '../../shared/clock.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { IMAGE_KINDS, field as formField, readMultipart, type FileStore, type MultipartForm } from '../../platform/file-store.js';
import { sendPage } from '../../ui/render.js';
import { Pager } from '../../ui/components.js';
import { pageParam, paginate } from '../../shared/params.js';
import { inProcessFetch } from '../../platform/in-process-fetch.js';
import type { ImportReport, OitService } from './service.js';
import { itasCsv } from './domain/itas-export.js';
import { itasXlsx } from './itas-xlsx.js';
import { ItemPage } from './views/ItemPage.js';
import { YearPage, YearsPage } from './views/YearPage.js';
import { CarryOverPage } from './views/CarryOverPage.js';
import { ImportPage, ImportProgressPage } from './views/ImportPage.js';
import { jobRegistry } from '../../platform/jobs.js';
import { AuditPage } from './views/AuditPage.js';
import { publicPortalRoutes } from './public-routes.js';

export interface OitRoutesOptions extends Record<string, unknown> {
  oit: OitService;
  files: FileStore;
  clock: { now(): Date };
}

type Values = Record<string, string | string[]>;

import { YEAR, codeOf, idOf, yearOf } from './route-params.js';

/** Fields `prefix.x` of a form → `{ x }`; a repeated field stays a list. */
function pick(values: Values, prefix: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}
const bodyValues = (body: unknown): Values => {
  const out: Values = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String);
  }
  return out;
};
const formValues = (form: MultipartForm): Values => Object.fromEntries(Object.entries(form.fields).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
const prefixed = (errors: FieldError[], prefix: string): FieldError[] => errors.map((e) => ({ ...e, field: e.field ? `${prefix}.${e.field}` : `${prefix}` }));

export const oitRoutes: FastifyPluginAsync<OitRoutesOptions> = async (app, { oit, files, clock }) => {
  const guard = { preHandler: requirePermission('oit.edit') };
  // Who may act on one item is decided before anything sent is read (issue 7, finding 9): at
  // onRequest, ahead of the platform's input guard (preValidation), multipart parsing and the
  // handler's validation, so unit staff get 403 on an item not theirs whatever the body holds.
  const itemGuard = {
    onRequest: [
      requirePermission('oit.edit'),
      async (request: FastifyRequest) => oit.assertEditable(staff(request).user, yearOf(request.params), codeOf(request.params)),
    ],
  };

  async function renderItem(request: FastifyRequest, reply: FastifyReply, year: number, code: string, extra: { errors?: FieldError[]; values?: Values; status?: number } = {}) {
    const { user, agency } = staff(request);
    const view = await oit.loadYear(agency.id, year);
    const state = view.items.find((i) => i.code === code);
    if (!state) throw notFound(`ไม่พบรายการ ${code} ในปีงบประมาณ ${year}`);
    // Evidence a page at a time: an item filled by imports must still open quickly.
    const paged = paginate(state.evidence, pageParam(request.query));
    const versions = await oit.itemVersions(agency.id, paged.rows.map((e) => e.id));
    return sendPage(
      reply,
      <ItemPage
        ctx={pageContext(request, reply)}
        view={view}
        state={{ ...state, evidence: paged.rows }}
        pager={<Pager page={paged.page} pages={paged.pages} total={paged.total} locale={request.locale} href={(p) => `/admin/oit/${year}/${code}?page=${p}#evidence`} />}
        versions={versions}
        canEdit={oit.canEdit(user, state)}
        canManage={oit.canManage(user)}
        publicUrl={oit.publicItemUrl(agency.slug, year, code)}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status ?? 200,
    );
  }

  /**
   * Runs a form use case: on success 303 back to the item (to `anchor`), on a validation or file
   * error the item page again with the errors under `prefix` and the entered values.
   */
  async function handleForm(
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { prefix: string; values: Values; fileField?: string; anchor?: string; flash: string; run: () => Promise<unknown> },
  ) {
    const year = yearOf(request.params);
    const code = codeOf(request.params);
    try {
      await opts.run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'VALIDATION') {
        const errors = error.fieldErrors.length ? prefixed(error.fieldErrors, opts.prefix) : [{ field: '', message: error.message }];
        return renderItem(request, reply, year, code, { errors, values: opts.values, status: 400 });
      }
      if ((error.code === 'UNSUPPORTED_MEDIA' || error.code === 'PAYLOAD_TOO_LARGE') && opts.fileField) {
        return renderItem(request, reply, year, code, { errors: [{ field: opts.fileField, message: error.message }], values: opts.values, status: error.status });
      }
      throw error;
    }
    return redirect(reply, `/admin/oit/${year}/${code}${opts.anchor ? `#${opts.anchor}` : ''}`, opts.flash);
  }

  /**
   * Reads a multipart form; a refused file becomes a field error of `fileField`, shown on the item
   * page, and the result is null (the page is already sent). Not the reply itself: a Fastify reply
   * is thenable, so an async function returning it resolves to undefined.
   */
  async function multipart(request: FastifyRequest, reply: FastifyReply, fileField: string, imagesOnly = false): Promise<MultipartForm | null> {
    try {
      return await readMultipart(request, files, staff(request).agency.id, imagesOnly ? { allow: IMAGE_KINDS, maxBytes: 10 * 1024 * 1024 } : {});
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'UNSUPPORTED_MEDIA' || error.code === 'PAYLOAD_TOO_LARGE')) {
        await renderItem(request, reply, yearOf(request.params), codeOf(request.params), { errors: [{ field: fileField, message: error.message }], status: error.status });
        return null;
      }
      throw error;
    }
  }

  // ----- staff pages

  app.get('/admin/oit', guard, async (request, reply) => {
    const years = await oit.catalogueYears();
    const current = fiscalYearOf(todayInThailand(clock));
    if (years.includes(current)) return redirect(reply, `/admin/oit/${current}`);
    return sendPage(reply, <YearsPage ctx={pageContext(request, reply)} years={years} />);
  });

  app.get('/admin/oit/:year', guard, async (request, reply) => {
    const { user, agency } = staff(request);
    const year = yearOf(request.params);
    const view = await oit.loadYear(agency.id, year);
    const onlyMine = (request.query as { mine?: string }).mine === '1';
    return sendPage(reply, <YearPage ctx={pageContext(request, reply)} view={view} years={await oit.catalogueYears()} onlyMine={onlyMine} mine={(s) => s.assignees.some((a) => a.id === user.id) || (!!user.unitId && s.unit?.id === user.unitId)} />);
  });

  app.get('/admin/oit/:year/export.csv', guard, async (request, reply) => {
    const { agency } = staff(request);
    const year = yearOf(request.params);
    const { rows } = await oit.exportRows(agency.id, year);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oit-${agency.slug}-${year}.csv"`)
      .header('cache-control', 'no-store')
      .send(itasCsv(rows));
  });

  app.get('/admin/oit/:year/export.xlsx', guard, async (request, reply) => {
    const { agency } = staff(request);
    const year = yearOf(request.params);
    const { rows } = await oit.exportRows(agency.id, year);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="oit-${agency.slug}-${year}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(await itasXlsx(rows, `OIT ${year}`));
  });

  const manageGuard = { preHandler: requirePermission('oit.manage') };
  const fromYearOf = (request: FastifyRequest, year: number) => {
    const f = (request.query as { from?: string }).from;
    return f && YEAR.test(f) ? Number(f) : year - 1;
  };

  app.get('/admin/oit/:year/carry-over', manageGuard, async (request, reply) => {
    const year = yearOf(request.params);
    const view = await oit.carryOverPlan(staff(request).agency.id, year, fromYearOf(request, year));
    return sendPage(reply, <CarryOverPage ctx={pageContext(request, reply)} view={view} />);
  });

  app.post('/admin/oit/:year/carry-over', manageGuard, async (request, reply) => {
    const year = yearOf(request.params);
    const from = fromYearOf(request, year);
    const codes = [bodyValues(request.body).codes ?? []].flat();
    try {
      const done = await oit.carryOver(staff(request).user, year, from, codes);
      return redirect(reply, `/admin/oit/${year}`, `ยกมาจากปี ${from} แล้ว ${done.items} รายการ หลักฐาน ${done.evidence} รายการ (ต้องปรับปรุง ${done.outdated} รายการ)`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const view = await oit.carryOverPlan(staff(request).agency.id, year, from);
        return sendPage(reply, <CarryOverPage ctx={pageContext(request, reply)} view={view} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  const jobs = jobRegistry();
  // The built-in portal is audited in process, never over HTTP to ourselves.
  const ownSite = inProcessFetch(app);
  app.get('/admin/oit/:year/audit', manageGuard, async (request, reply) => {
    const year = yearOf(request.params);
    return sendPage(reply, <AuditPage ctx={pageContext(request, reply)} year={year} bases={await oit.auditBases(staff(request).agency.id)} />);
  });

  // The site to fetch is one of the offered ones, never a free URL from the form.
  app.post('/admin/oit/:year/audit', manageGuard, async (request, reply) => {
    const year = yearOf(request.params);
    const { agency } = staff(request);
    const bases = await oit.auditBases(agency.id);
    const chosen = String((request.body as { baseUrl?: string } | undefined)?.baseUrl ?? '');
    if (!bases.includes(chosen)) {
      return sendPage(reply, <AuditPage ctx={pageContext(request, reply)} year={year} bases={bases} errors={[{ field: 'baseUrl', message: 'กรุณาเลือกเว็บไซต์จากรายการ' }]} />, 400);
    }
    const report = await oit.selfAudit(agency.id, year, { baseUrl: chosen, ownSite });
    return sendPage(reply, <AuditPage ctx={pageContext(request, reply)} year={year} bases={bases} report={report} />);
  });

  app.get('/admin/oit/import', manageGuard, async (request, reply) => sendPage(reply, <ImportPage ctx={pageContext(request, reply)} />));

  // A list of links is small: its own 5 MB limit, applied where the multipart stream is opened.
  const IMPORT_LIMIT = 5 * 1024 * 1024;
  app.post('/admin/oit/import', { ...manageGuard, config: { multipartLimits: { fileSize: IMPORT_LIMIT } } }, async (request, reply) => {
    let bytes: Buffer | undefined;
    let name = '';
    try {
      if (!request.isMultipart()) throw new DomainError('VALIDATION', 'กรุณาเลือกไฟล์', [{ field: 'upload', message: 'กรุณาเลือกไฟล์ CSV หรือ XLSX' }]);
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        // A list of links is small: read it into memory, within its own limit.
        const buf = await part.toBuffer();
        if (part.fieldname === 'upload' && part.filename && buf.length > 0) [bytes, name] = [buf, part.filename];
      }
      if (!bytes) throw new DomainError('VALIDATION', 'กรุณาเลือกไฟล์', [{ field: 'upload', message: 'กรุณาเลือกไฟล์ CSV หรือ XLSX' }]);
      const { user } = staff(request);
      const file = bytes;
      // Small files finish while the request waits; a large one goes on in the background and
      // the user follows its progress page.
      const job = await jobs.start('oit-import', { agencyId: user.agencyId, userId: user.id }, (progress) => oit.importVendor(user, file, name, progress));
      if (job.state === 'failed') throw job.error;
      if (job.state === 'done') return sendPage(reply, <ImportPage ctx={pageContext(request, reply)} report={job.result} />);
      return redirect(reply, `/admin/oit/import/jobs/${job.id}`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') {
        return sendPage(reply, <ImportPage ctx={pageContext(request, reply)} errors={[{ field: 'upload', message: 'ไฟล์ใหญ่เกิน 5 เมกะไบต์' }]} />, 413);
      }
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <ImportPage ctx={pageContext(request, reply)} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });

  app.get('/admin/oit/import/jobs/:id', manageGuard, async (request, reply) => {
    const { user } = staff(request);
    const job = jobs.get<ImportReport>('oit-import', { agencyId: user.agencyId, userId: user.id }, (request.params as { id: string }).id);
    if (!job) throw notFound('ไม่พบงานนำเข้านี้ (อาจเสร็จไปนานแล้วหรือระบบเริ่มทำงานใหม่) กรุณาดูผลในหน้ารายการ OIT');
    if (job.state === 'running') return sendPage(reply, <ImportProgressPage ctx={pageContext(request, reply)} done={job.done} total={job.total} />);
    if (job.state === 'failed') {
      if (job.error instanceof DomainError && job.error.code === 'VALIDATION') return sendPage(reply, <ImportPage ctx={pageContext(request, reply)} errors={job.error.fieldErrors} />, 400);
      throw job.error;
    }
    return sendPage(reply, <ImportPage ctx={pageContext(request, reply)} report={job.result} />);
  });

  app.get('/admin/oit/files/:id/:name', guard, async (request, reply) => {
    const file = await oit.staffFile(staff(request).user, idOf(request.params));
    return files.send(request, reply, file, { cacheControl: 'private, max-age=3600' });
  });

  app.get('/admin/oit/:year/:code', guard, async (request, reply) => renderItem(request, reply, yearOf(request.params), codeOf(request.params)));

  app.post('/admin/oit/:year/:code/assign', itemGuard, async (request, reply) => {
    const values = bodyValues(request.body);
    return handleForm(request, reply, { prefix: 'assign', values, flash: 'บันทึกการมอบหมายงานแล้ว', run: () => oit.assign(staff(request).user, yearOf(request.params), codeOf(request.params), pick(values, 'assign')) });
  });

  app.post('/admin/oit/:year/:code/status', itemGuard, async (request, reply) => {
    const values = bodyValues(request.body);
    return handleForm(request, reply, { prefix: 'status', values, flash: 'เปลี่ยนสถานะแล้ว', run: () => oit.setStatus(staff(request).user, yearOf(request.params), codeOf(request.params), pick(values, 'status')) });
  });

  app.post('/admin/oit/:year/:code/evidence/file', itemGuard, async (request, reply) => {
    const form = await multipart(request, reply, 'file.upload');
    if (!form) return reply;
    const values = formValues(form);
    return handleForm(request, reply, {
      prefix: 'file',
      values,
      fileField: 'file.upload',
      anchor: 'elements',
      flash: 'แนบไฟล์หลักฐานแล้ว',
      run: () => oit.addFileEvidence(staff(request).user, yearOf(request.params), codeOf(request.params), pick(values, 'file'), form.files['file.upload']),
    });
  });

  app.post('/admin/oit/:year/:code/evidence/link', itemGuard, async (request, reply) => {
    const values = bodyValues(request.body);
    return handleForm(request, reply, { prefix: 'link', values, anchor: 'elements', flash: 'เพิ่มลิงก์แล้ว', run: () => oit.addLinkEvidence(staff(request).user, yearOf(request.params), codeOf(request.params), pick(values, 'link')) });
  });

  app.post('/admin/oit/:year/:code/evidence/:id', itemGuard, async (request, reply) => {
    const id = idOf(request.params);
    const prefix = `ev.${id}`;
    const form = await multipart(request, reply, `${prefix}.upload`);
    if (!form) return reply;
    const values = formValues(form);
    return handleForm(request, reply, {
      prefix,
      values,
      fileField: `${prefix}.upload`,
      anchor: `evidence-${id}`,
      flash: 'บันทึกหลักฐานแล้ว',
      run: () => oit.editEvidence(staff(request).user, yearOf(request.params), codeOf(request.params), id, pick(values, prefix), form.files[`${prefix}.upload`]),
    });
  });

  app.post('/admin/oit/:year/:code/evidence/:id/delete', itemGuard, async (request, reply) => {
    await oit.removeEvidence(staff(request).user, yearOf(request.params), codeOf(request.params), idOf(request.params));
    return redirect(reply, `/admin/oit/${yearOf(request.params)}/${codeOf(request.params)}`, 'ลบหลักฐานแล้ว');
  });

  app.post('/admin/oit/:year/:code/declarations', itemGuard, async (request, reply) => {
    const values = bodyValues(request.body);
    const pointers = Object.fromEntries(Object.entries(pick(values, 'pointer')).map(([k, v]) => [k, [v].flat()[0] ?? '']));
    return handleForm(request, reply, { prefix: 'pointer', values, anchor: 'elements', flash: 'บันทึกการยืนยันองค์ประกอบแล้ว', run: () => oit.saveDeclarations(staff(request).user, yearOf(request.params), codeOf(request.params), pointers) });
  });

  app.post('/admin/oit/:year/:code/structure', itemGuard, async (request, reply) => {
    const form = await multipart(request, reply, 'structure.chart');
    if (!form) return reply;
    const values = formValues(form);
    return handleForm(request, reply, {
      prefix: 'structure',
      values,
      fileField: 'structure.chart',
      flash: 'บันทึกโครงสร้างแล้ว',
      run: () => oit.saveStructure(staff(request).user, yearOf(request.params), codeOf(request.params), pick(values, 'structure'), form.files['structure.chart'], formField(form, 'structure.removeChart') === '1'),
    });
  });

  app.post('/admin/oit/:year/:code/contact', itemGuard, async (request, reply) => {
    const values = bodyValues(request.body);
    return handleForm(request, reply, { prefix: 'contact', values, flash: 'บันทึกข้อมูลการติดต่อแล้ว', run: () => oit.saveContact(staff(request).user, yearOf(request.params), codeOf(request.params), pick(values, 'contact')) });
  });

  app.post('/admin/oit/:year/:code/executives', itemGuard, async (request, reply) => {
    const form = await multipart(request, reply, 'exec.new.photo', true);
    if (!form) return reply;
    const values = formValues(form);
    return handleForm(request, reply, {
      prefix: 'exec.new',
      values,
      fileField: 'exec.new.photo',
      flash: 'เพิ่มผู้บริหารแล้ว',
      run: () => oit.saveExecutive(staff(request).user, yearOf(request.params), codeOf(request.params), null, pick(values, 'exec.new'), form.files['exec.new.photo']),
    });
  });

  app.post('/admin/oit/:year/:code/executives/:id', itemGuard, async (request, reply) => {
    const id = idOf(request.params);
    const prefix = `exec.${id}`;
    const form = await multipart(request, reply, `${prefix}.photo`, true);
    if (!form) return reply;
    const values = formValues(form);
    return handleForm(request, reply, {
      prefix,
      values,
      fileField: `${prefix}.photo`,
      flash: 'บันทึกข้อมูลผู้บริหารแล้ว',
      run: () => oit.saveExecutive(staff(request).user, yearOf(request.params), codeOf(request.params), id, pick(values, prefix), form.files[`${prefix}.photo`]),
    });
  });

  app.post('/admin/oit/:year/:code/executives/:id/delete', itemGuard, async (request, reply) => {
    await oit.removeExecutive(staff(request).user, yearOf(request.params), codeOf(request.params), idOf(request.params));
    return redirect(reply, `/admin/oit/${yearOf(request.params)}/${codeOf(request.params)}`, 'ลบข้อมูลผู้บริหารแล้ว');
  });

  // ----- public portal (same plugin: a staff change empties its page cache)

  publicPortalRoutes(app, { oit, files });
};
