/**
 * The contract register and what is made from it: import of the agency's spreadsheet or e-GP
 * export (all or nothing, Thai row/field errors, columns mapped once per layout and remembered),
 * the sync from the government spending API (incremental, idempotent, resumable), the monthly
 * summary (แบบ สขร.๑) and the annual report, each attached by role to its OIT item.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { DomainError, notFound, validationError, type FieldError } from '../../shared/errors.js';
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../../platform/audit.js';
import type { OutboundPolicy } from '../../platform/outbound-fetch.js';
import type { FileStore } from '../../platform/file-store.js';
import type { Agency } from '../agencies/index.js';
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { findOitItemByRole } from '../catalogue/index.js';
import type { GeneratedEvidenceByRole } from '../oit/index.js';
import { renderDocument, type DocModel, type DocumentFormat, type RenderedDocument } from '../documents/index.js';
import { procurementRepository } from './repository.js';
import type { ProcurementDb } from './tables.js';
import type { Contract } from './domain/types.js';
import { fiscalMonths, monthInFiscalYear } from './domain/types.js';
import { mergeContract, sameContract } from './domain/merge.js';
import { FIELD_LABELS, autoMap, headersKey, missingFields, parseContractRows, parseMoney, type ColumnMap, type Field } from './domain/import-table.js';
import { contractFromApi } from './domain/govspending.js';
import { annualAnalysis, buildAnnualDocument, buildMonthlyDocument, monthlySummary, type AnnualAnalysis, type MonthlySummary } from './domain/summaries.js';
import { govspendingClient, GovspendingError, type GovspendingClient } from './govspending-client.js';
import { MONTHLY_ROLE, monthlyPublishing, type PublishOutcome } from './publishing.js';
import { pendingImports, type PendingMapping } from './pending-imports.js';
import { IMPORT_REJECTED, fileError, mappingFrom, num, parseJson, readGrid, toContract, toFields } from './register-io.js';

export { IMPORT_REJECTED, MONTHLY_ROLE, mappingFrom, readGrid };

export const ANNUAL_ROLE = 'procurement-annual';

export interface ProcurementDeps {
  db: Kysely<ProcurementDb>;
  clock: Clock;
  files: FileStore;
  getAgency: (agencyId: string) => Promise<Agency>;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
  /** The OIT module's attach by role (oit.attachGeneratedByRole). */
  attachByRole: (agencyId: string, year: number, role: string, evidence: GeneratedEvidenceByRole, staged?: Parameters<FileStore['discard']>[0]) => Promise<string | null>;
  publicBaseUrl: string;
  /** GOVSPENDING_API_KEY and (tests) another base URL; absent = the API is not used. */
  govspending?: { apiKey: string; baseUrl?: string; minIntervalMs?: number; pageSize?: number };
  policy: OutboundPolicy;
}

/**
 * `published`: the monthly summaries attached to OIT afterwards (see publishing.ts); a failure
 * there leaves the import done and is reported as `publishError`.
 */
export type ImportOutcome =
  | { state: 'needs-mapping'; headers: string[]; mapping: ColumnMap; missing: Field[] }
  | { state: 'imported'; created: number; updated: number; unchanged: number; mapping: ColumnMap; published?: PublishOutcome; publishError?: string };

/** An upload the officer must map: the file is kept under `token` for the mapping form. */
export type UploadOutcome = Exclude<ImportOutcome, { state: 'needs-mapping' }> | (Extract<ImportOutcome, { state: 'needs-mapping' }> & PendingMapping);

export interface SyncOutcome {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  resumedFrom: number;
  done: boolean;
  published?: PublishOutcome;
  publishError?: string;
}

export function procurementService(deps: ProcurementDeps) {
  const { db, clock } = deps;
  const repo = procurementRepository(db);
  const now = () => clock.now().toISOString();
  const today = () => todayInThailand(clock);
  const fullName = (a: Agency) => (a.nameTh.startsWith(a.typeLabelTh) ? a.nameTh : `${a.typeLabelTh}${a.nameTh}`);

  async function upsert(tx: Kysely<ProcurementDb>, agencyId: string, year: number, incoming: Contract[]) {
    const r = procurementRepository(tx);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const c of incoming) {
      const row = await r.findContract(agencyId, year, c.projectNo);
      const existing = row ? toContract(row) : undefined;
      const merged = mergeContract(existing, c);
      const ts = now();
      if (!row) {
        await r.insertContract({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, project_no: c.projectNo, created_at: ts, updated_at: ts, ...toFields(merged) });
        counts.created++;
      } else if (existing && sameContract(existing, merged)) counts.unchanged++;
      else {
        await r.updateContract(agencyId, row.id, { ...toFields(merged), updated_at: ts });
        counts.updated++;
      }
    }
    return counts;
  }

  async function contracts(agencyId: string, year: number): Promise<Contract[]> {
    return (await repo.listContracts(agencyId, year)).map(toContract);
  }

  function requireYear(year: number) {
    if (!Number.isInteger(year) || year < 2550 || year > 2700) throw validationError('ปีงบประมาณไม่ถูกต้อง', [{ field: 'year', message: 'กรุณาระบุปีงบประมาณ พ.ศ. เช่น 2569' }]);
  }

  /** The OIT item a document of `role` and fiscal year `year` belongs to: same year, or the next year's previous-year item. */
  async function targetOf(role: string, year: number): Promise<{ year: number; item: OitItem } | undefined> {
    if (role === ANNUAL_ROLE) {
      const next = await deps.getCatalogue(year + 1);
      const item = next ? findOitItemByRole(next, ANNUAL_ROLE) : undefined;
      if (item && item.period === 'previous-fy') return { year: year + 1, item };
    }
    const same = await deps.getCatalogue(year);
    const item = same ? findOitItemByRole(same, role as never) : undefined;
    if (item && (role !== ANNUAL_ROLE || item.period !== 'previous-fy')) return { year, item };
    return undefined;
  }

  const publishing = monthlyPublishing({
    db,
    clock,
    files: deps.files,
    publicBaseUrl: deps.publicBaseUrl,
    getAgency: deps.getAgency,
    attachByRole: deps.attachByRole,
    target: (year) => targetOf(MONTHLY_ROLE, year),
    summary: (agencyId, year, month) => service.monthly(agencyId, year, month),
    pdf: (agencyId, year, month) => service.monthlyDocument(agencyId, year, month, 'pdf'),
    contractDates: async (agencyId, year) => (await contracts(agencyId, year)).map((c) => c.procuredOn),
    today,
  });

  /** Publishes the months an import or sync settled; the import stands whatever happens here. */
  async function settle(actor: Actor, agencyId: string, year: number, trigger: 'import' | 'sync'): Promise<{ published?: PublishOutcome; publishError?: string }> {
    try {
      // After a finished sync the register holds the whole year: a passed month without contracts had none.
      const complete = trigger === 'sync' || (await repo.findSync(agencyId, year))?.state === 'done';
      return { published: await publishing.publishSettled(actor, agencyId, year, trigger, complete) };
    } catch (error) {
      return { publishError: error instanceof DomainError ? error.message : 'แนบสรุปผลการจัดซื้อจัดจ้างรายเดือนเป็นหลักฐาน OIT ไม่สำเร็จ กรุณากด "แนบเป็นหลักฐาน OIT" อีกครั้ง' };
    }
  }

  const pending = pendingImports({ db, clock });

  const service = {
    contracts,
    listYears: (agencyId: string) => repo.listYears(agencyId),
    apiConfigured: () => !!deps.govspending?.apiKey,
    today,

    /**
     * Imports a file into the register of `year`. The columns: `mapping` if given, else the
     * mapping remembered for this header layout, else recognised from the headers. When a
     * required column is still unknown the outcome asks for a mapping (nothing is stored).
     */
    async importFile(actor: Actor, agencyId: string, year: number, bytes: Uint8Array, filename: string, mapping?: ColumnMap): Promise<ImportOutcome> {
      requireYear(year);
      const grid = await readGrid(bytes, filename);
      const header = grid.find((r) => r.cells.some((c) => String(c ?? '').trim() !== ''));
      if (!header) throw fileError('ไฟล์ไม่มีข้อมูล');
      const headers = header.cells.map((c) => String(c ?? '').trim());
      const key = headersKey(headers);
      const remembered = await repo.findMapping(agencyId, key);
      const map: ColumnMap = mapping ?? (remembered ? parseJson<ColumnMap>(remembered.mapping, {}) : autoMap(headers));
      const missing = missingFields(map);
      if (missing.length) return { state: 'needs-mapping', headers, mapping: map, missing };
      const parsed = parseContractRows(grid, map, year);
      if (!parsed.ok) throw validationError(IMPORT_REJECTED, parsed.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
      const counts = await db.transaction().execute(async (tx) => {
        const c = await upsert(tx, agencyId, year, parsed.contracts);
        const ts = now();
        await procurementRepository(tx).saveMapping({ id: randomUUID(), agency_id: agencyId, headers_key: key, mapping: JSON.stringify(map), created_at: ts, updated_at: ts });
        await writeAudit(tx, clock, actor, { agencyId, action: 'procurement.import', entityType: 'procurement_register', entityId: String(year), details: { year, fileName: filename.slice(0, 200), ...c } });
        return c;
      });
      return { state: 'imported', ...counts, mapping: map, ...(await settle(actor, agencyId, year, 'import')) };
    },

    /**
     * An upload from the register page: imported, or kept in the database for its column
     * mapping (any instance can finish it; it expires after 30 minutes).
     */
    async startImport(actor: Actor, agencyId: string, year: number, bytes: Uint8Array, filename: string): Promise<UploadOutcome> {
      const outcome = await service.importFile(actor, agencyId, year, bytes, filename);
      if (outcome.state === 'imported') return outcome;
      const token = await pending.keep(actor, agencyId, year, bytes, filename, outcome.headers);
      return { ...outcome, token };
    },

    /** The mapping form of a kept upload: imports with the chosen columns, or asks again. */
    async finishImport(actor: Actor, agencyId: string, year: number, token: string, raw: Record<string, string | undefined>): Promise<UploadOutcome> {
      const file = await pending.take(actor, agencyId, year, token);
      const outcome = await service.importFile(actor, agencyId, year, file.bytes, file.name, mappingFrom(file.headers, raw));
      if (outcome.state === 'needs-mapping') return { ...outcome, token };
      await pending.drop(agencyId, token);
      return outcome;
    },

    /**
     * Fetches the year's contracts from the government spending API, a page at a time, each page
     * committed with the resume point. A failed run resumes at its page; a finished run starts a
     * new pass from the first page (unchanged contracts are not rewritten).
     */
    async syncFromApi(actor: Actor, agencyId: string, year: number, deptCode: string, client?: GovspendingClient): Promise<SyncOutcome> {
      requireYear(year);
      const gs = deps.govspending;
      if (!client && !gs?.apiKey) throw validationError('ยังไม่ได้ตั้งค่ากุญแจ API ของระบบข้อมูลการใช้จ่ายภาครัฐ (GOVSPENDING_API_KEY)');
      const code = deptCode.trim();
      if (!/^[0-9A-Za-z]{3,20}$/.test(code)) throw validationError('รหัสหน่วยงานใน e-GP ไม่ถูกต้อง', [{ field: 'deptCode', message: 'กรุณาระบุรหัสหน่วยงาน (dept_code) เป็นตัวเลข เช่น 6320120' }]);
      const api = client ?? govspendingClient({ apiKey: gs!.apiKey, ...(gs!.baseUrl ? { baseUrl: gs!.baseUrl } : {}), ...(gs!.minIntervalMs !== undefined ? { minIntervalMs: gs!.minIntervalMs } : {}), policy: deps.policy });
      const limit = gs?.pageSize ?? 100;
      let state = await repo.findSync(agencyId, year);
      const ts = now();
      if (!state) {
        state = { id: randomUUID(), agency_id: agencyId, fiscal_year: year, dept_code: code, next_offset: 0, state: 'running', fetched: 0, last_error: null, created_at: ts, updated_at: ts };
        await repo.insertSync(state);
      } else if (state.state === 'done' || state.dept_code !== code) {
        await repo.updateSync(agencyId, state.id, { dept_code: code, next_offset: 0, state: 'running', fetched: 0, last_error: null, updated_at: ts });
        state = { ...state, dept_code: code, next_offset: 0, fetched: 0 };
      } else await repo.updateSync(agencyId, state.id, { state: 'running', updated_at: ts });
      const out: SyncOutcome = { fetched: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, resumedFrom: Number(state.next_offset), done: false };
      let offset = Number(state.next_offset);
      let fetchedTotal = Number(state.fetched);
      try {
        for (let pages = 0; pages < 1000; pages++) {
          const records = await api.page({ year, deptCode: code, offset, limit });
          const mapped = records.map(contractFromApi);
          const good = mapped.filter((c): c is Contract => !!c);
          out.skipped += mapped.length - good.length;
          out.fetched += records.length;
          fetchedTotal += records.length;
          const last = records.length < limit;
          await db.transaction().execute(async (tx) => {
            const c = await upsert(tx, agencyId, year, good);
            out.created += c.created;
            out.updated += c.updated;
            out.unchanged += c.unchanged;
            await procurementRepository(tx).updateSync(agencyId, state!.id, { next_offset: offset + records.length, fetched: fetchedTotal, state: last ? 'done' : 'running', last_error: null, updated_at: now() });
          });
          offset += records.length;
          if (last) {
            out.done = true;
            break;
          }
        }
      } catch (error) {
        const message = error instanceof GovspendingError ? error.message : 'ดึงข้อมูลจากระบบข้อมูลการใช้จ่ายภาครัฐไม่สำเร็จ';
        await repo.updateSync(agencyId, state.id, { state: 'failed', last_error: message, updated_at: now() });
        await writeAudit(db, clock, actor, { agencyId, action: 'procurement.sync', entityType: 'procurement_register', entityId: String(year), details: { year, failed: message, ...out } });
        throw new DomainError('VALIDATION', message);
      }
      await writeAudit(db, clock, actor, { agencyId, action: 'procurement.sync', entityType: 'procurement_register', entityId: String(year), details: { year, ...out } });
      return out.done ? { ...out, ...(await settle(actor, agencyId, year, 'sync')) } : out;
    },

    syncState: (agencyId: string, year: number) => repo.findSync(agencyId, year),
    /** Removes every agency's uploads whose mapping time ran out (the scheduled sweep). */
    sweepPendingImports: () => pending.sweep(),

    /** Replaces the year's procurement plan (title, budget, method) from a CSV/XLSX file. */
    async importPlan(actor: Actor, agencyId: string, year: number, bytes: Uint8Array, filename: string): Promise<number> {
      requireYear(year);
      const grid = (await readGrid(bytes, filename)).filter((r) => r.cells.some((c) => String(c ?? '').trim()));
      const [header, ...rows] = grid;
      const h = (header?.cells ?? []).map((c) => String(c ?? '').trim());
      const pi = h.findIndex((x) => /^(เลขที่|เลข|รหัส)\s*โครงการ|project\s*(no|id)/i.test(x));
      const ti = h.findIndex((x, i) => i !== pi && /โครงการ|รายการ|งานที่/.test(x));
      const bi = h.findIndex((x) => /งบประมาณ|วงเงิน/.test(x));
      const mi = h.findIndex((x) => /วิธี/.test(x));
      const errors: FieldError[] = [];
      if (ti === -1) errors.push({ row: header?.row ?? 1, field: 'ชื่อโครงการ', message: 'ไม่พบคอลัมน์ชื่อโครงการ' });
      const items = rows.map((r) => {
        const title = String(r.cells[ti] ?? '').trim();
        const budget = bi === -1 ? null : parseMoney(r.cells[bi] ?? null);
        if (!title) errors.push({ row: r.row, field: h[ti] ?? 'ชื่อโครงการ', message: 'กรุณาระบุชื่อโครงการ' });
        if (budget === undefined) errors.push({ row: r.row, field: h[bi] ?? 'งบประมาณ', message: `"${String(r.cells[bi])}" ไม่ใช่จำนวนเงิน` });
        const projectNo = pi === -1 ? '' : String(r.cells[pi] ?? '').trim().slice(0, 40);
        return { title, budget: budget ?? null, method: mi === -1 ? '' : String(r.cells[mi] ?? '').trim(), projectNo: projectNo || null };
      });
      if (!errors.length && items.length === 0) errors.push({ row: header?.row ?? 1, field: '', message: 'ไฟล์ไม่มีรายการในแผน' });
      if (errors.length) throw validationError(IMPORT_REJECTED, errors);
      await db.transaction().execute(async (tx) => {
        const ts = now();
        await procurementRepository(tx).replacePlan(agencyId, year, items.map((i) => ({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, title_th: i.title, budget: i.budget, method: i.method, project_no: i.projectNo, created_at: ts })));
        await writeAudit(tx, clock, actor, { agencyId, action: 'procurement.plan', entityType: 'procurement_plan', entityId: String(year), details: { year, items: items.length } });
      });
      return items.length;
    },

    // ----- monthly summary

    async monthly(agencyId: string, year: number, month: string): Promise<MonthlySummary> {
      requireYear(year);
      if (!fiscalMonths(year).includes(month)) throw notFound(`เดือน ${month} ไม่อยู่ในปีงบประมาณ ${year}`);
      return monthlySummary(await contracts(agencyId, year), month, year);
    },

    /** Month number 1–12 of fiscal year `year` → 'YYYY-MM'. */
    monthKey: (year: number, m: number): string => {
      if (!Number.isInteger(m) || m < 1 || m > 12) throw validationError('เดือนไม่ถูกต้อง', [{ field: 'month', message: 'กรุณาระบุเดือนเป็นตัวเลข 1–12' }]);
      return monthInFiscalYear(year, m);
    },

    async monthlyModel(agencyId: string, year: number, month: string): Promise<DocModel> {
      const agency = await deps.getAgency(agencyId);
      return buildMonthlyDocument({ agencyName: fullName(agency), digits: agency.digits, asOf: today() }, await service.monthly(agencyId, year, month));
    },

    async monthlyDocument(agencyId: string, year: number, month: string, format: DocumentFormat): Promise<RenderedDocument> {
      return renderDocument(await service.monthlyModel(agencyId, year, month), format);
    },

    /** The button and `procurement publish`: every month of the year that has begun, attached again. */
    publishMonths: (agencyId: string, year: number, actor: Actor = SYSTEM_ACTOR): Promise<PublishOutcome> => publishing.publishMonths(actor, agencyId, year),
    publishedMonths: (agencyId: string, year: number) => publishing.publishedMonths(agencyId, year),

    // ----- annual report

    async annual(agencyId: string, year: number): Promise<{ analysis: AnnualAnalysis; problems: string; suggestions: string; producedAt: string | null; attachedTo: string[] }> {
      requireYear(year);
      const [list, plan, report] = await Promise.all([contracts(agencyId, year), repo.listPlan(agencyId, year), repo.findReport(agencyId, year, 'annual')]);
      const analysis = annualAnalysis(list, year, plan.length ? plan.map((p) => ({ titleTh: p.title_th, budget: num(p.budget), method: p.method, projectNo: p.project_no })) : null);
      return { analysis, problems: report?.problems ?? '', suggestions: report?.suggestions ?? '', producedAt: report?.produced_at ?? null, attachedTo: parseJson(report?.attached_to, []) };
    },

    async annualModel(agencyId: string, year: number, texts?: { problems: string; suggestions: string }): Promise<DocModel> {
      const a = await service.annual(agencyId, year);
      const t = texts ?? { problems: a.problems, suggestions: a.suggestions };
      const errors: FieldError[] = [];
      if (!t.problems.trim()) errors.push({ field: 'problems', message: 'กรุณากรอก "ปัญหา อุปสรรค" — รายงานประจำปีที่ไม่มีปัญหา อุปสรรค ไม่ครบองค์ประกอบที่ ป.ป.ช. กำหนด' });
      if (!t.suggestions.trim()) errors.push({ field: 'suggestions', message: 'กรุณากรอก "ข้อเสนอแนะ" — รายงานประจำปีที่ไม่มีข้อเสนอแนะ ไม่ครบองค์ประกอบที่ ป.ป.ช. กำหนด' });
      if (errors.length) throw validationError('รายงานยังไม่ครบองค์ประกอบ กรุณากรอกให้ครบก่อนจัดทำ', errors);
      if (a.analysis.count === 0) throw validationError(`ยังไม่มีรายการจัดซื้อจัดจ้างของปีงบประมาณ ${year} กรุณานำเข้าข้อมูลก่อน`);
      const agency = await deps.getAgency(agencyId);
      return buildAnnualDocument({ agencyName: fullName(agency), digits: agency.digits, asOf: today() }, a.analysis, t);
    },

    /** Saves the officer's parts, renders the report and attaches it to the item the catalogue names. */
    async produceAnnual(actor: Actor, agencyId: string, year: number, raw: { problems?: unknown; suggestions?: unknown }): Promise<{ attachedTo: string[] }> {
      const texts = { problems: String(raw.problems ?? '').trim().slice(0, 20_000), suggestions: String(raw.suggestions ?? '').trim().slice(0, 20_000) };
      const model = await service.annualModel(agencyId, year, texts);
      const agency = await deps.getAgency(agencyId);
      const target = await targetOf(ANNUAL_ROLE, year);
      const attachedTo: string[] = [];
      if (target) {
        const pdf = await renderDocument(model, 'pdf');
        const staged = await deps.files.stage(agencyId, pdf.buffer, pdf.fileName, { allow: ['pdf'] });
        await deps.attachByRole(
          agencyId,
          target.year,
          ANNUAL_ROLE,
          { source: 'procurement:annual', sourceRef: String(year), title: model.title, url: `${deps.publicBaseUrl}/a/${agency.slug}/procurement/${year}/annual`, periodFrom: `${year - 544}-10-01`, periodTo: `${year - 543}-09-30`, claimElements: (els) => els.map((e) => e.key) },
          staged,
        );
        attachedTo.push(`${target.year}:${target.item.code}`);
      }
      await db.transaction().execute(async (tx) => {
        const ts = now();
        await procurementRepository(tx).upsertReport({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, period: 'annual', ...texts, produced_at: ts, attached_to: JSON.stringify(attachedTo), created_at: ts, updated_at: ts });
        await writeAudit(tx, clock, actor, { agencyId, action: 'procurement.annual', entityType: 'procurement_report', entityId: String(year), details: { year, attachedTo } });
      });
      return { attachedTo };
    },

    async annualDocument(agencyId: string, year: number, format: DocumentFormat): Promise<RenderedDocument> {
      return renderDocument(await service.annualModel(agencyId, year), format);
    },

    labels: FIELD_LABELS,
  };
  return service;
}
export type ProcurementService = ReturnType<typeof procurementService>;
