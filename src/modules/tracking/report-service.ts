/**
 * Periodic reports: validated structured content → document model → DOCX/PDF/HTML, attached by
 * role to the right OIT item of the right year with the period it covers. Production is refused
 * (Thai message naming the field, nothing stored) while a required element is missing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TrackingDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { FileStore, StagedFile } from '../../platform/file-store.js';
import type { Agency } from '../agencies/index.js';
import type { Catalogue } from '../catalogue/index.js';
import type { OitService } from '../oit/index.js';
import { renderDocument, type DocModel, type DocumentFormat, type RenderedDocument } from '../documents/index.js';
import { trackingRepository } from './repository.js';
import type { PeriodicReportRow } from './tables.js';
import type { TrackingService } from './service.js';
import { roundRange, type Round } from './domain/period.js';
import { reportTarget, ROLE_LABELS, isGenericRole, type ReportRole, type ReportTarget } from './domain/roles.js';
import { isOitRole } from '../catalogue/index.js';
import { KIND_LABELS, KIND_ROUNDS, KIND_SCHEMAS, isReportKind, type ReportKind, type GenericContent } from './domain/report-content.js';
import { buildAntiCorruptionPlan, buildGenericReport, buildMeasuresReport, buildProjectsReport, needsProblems, sectionElements, type ReportHeader } from './domain/report-document.js';
import type { TrackedMeasure } from './domain/types.js';

/** Which report: its kind, fiscal year, round and (for generic reports) the role of its item. */
export interface ReportSpec {
  kind: ReportKind;
  year: number;
  round: Round;
  role: ReportRole;
}

/** The role a kind answers; the operating plan's report is the 6-month progress or the annual report. */
export function roleOf(kind: ReportKind, round: Round, role?: string): ReportRole {
  if (kind === 'measures') return 'measures-report';
  if (kind === 'anti-corruption-plan') return 'anti-corruption-plan';
  if (kind === 'anti-corruption-report') return round === 6 ? 'anti-corruption-progress-6m' : 'anti-corruption-report';
  if (kind === 'operating-plan-report') return round === 6 ? 'progress-6m' : 'annual-report';
  if (role && isGenericRole(role)) return role;
  throw validationError('กรุณาเลือกประเภทรายการของรายงาน', [{ field: 'role', message: 'ไม่รู้จักประเภทรายการนี้' }]);
}

/** The key in URLs: "measures-6", "anti-corruption-plan-0", "generic-hr-report-12". */
export const reportKey = (s: Pick<ReportSpec, 'kind' | 'round' | 'role'>): string => (s.kind === 'generic' ? `generic-${s.role}-${s.round}` : `${s.kind}-${s.round}`);

export function parseReportKey(year: number, key: string): ReportSpec {
  const m = /^(.+)-(0|6|12)$/.exec(key);
  const round = Number(m?.[2]) as Round;
  let kind = m?.[1] ?? '';
  let role: string | undefined;
  if (kind.startsWith('generic-')) {
    role = kind.slice('generic-'.length);
    kind = 'generic';
  }
  if (!m || !isReportKind(kind) || !KIND_ROUNDS[kind].includes(round)) throw notFound('ไม่พบรายงานนี้');
  return { kind, year, round, role: roleOf(kind, round, role) };
}

export interface ReportDeps {
  db: Kysely<TrackingDb>;
  clock: Clock;
  files: FileStore;
  tracking: TrackingService;
  getAgency: (agencyId: string) => Promise<Agency>;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
  /**
   * The OIT module's `attachGeneratedByRole`: attaches to "the item with this role in this year"
   * (null when that year has none). This module decides the role and the year (domain/roles.ts).
   */
  attachByRole: OitService['attachGeneratedByRole'];
  publicBaseUrl: string;
  /**
   * Whether the OIT item `code` of `year` is published (oit/index.ts). A produced report is public
   * only once one of the items it is attached to has been published — the coordinator's publish
   * step, the same gate as the public OIT pages. Without it no report is public.
   */
  isPublished?: (agencyId: string, year: number, code: string) => Promise<boolean>;
}

export interface ReportView {
  spec: ReportSpec;
  key: string;
  title: string;
  content: Record<string, unknown>;
  producedAt: string | null;
  attachedTo: string[];
  target: ReportTarget | undefined;
}

const fullName = (a: Agency) => (a.nameTh.startsWith(a.typeLabelTh) ? a.nameTh : `${a.typeLabelTh}${a.nameTh}`);
const parseJson = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export function reportService(deps: ReportDeps) {
  const { db, clock } = deps;
  const repo = trackingRepository(db);
  const now = () => clock.now().toISOString();

  async function targetOf(spec: ReportSpec): Promise<ReportTarget | undefined> {
    const [same, next] = await Promise.all([deps.getCatalogue(spec.year), deps.getCatalogue(spec.year + 1)]);
    return reportTarget(spec.role, spec.year, spec.round, (y) => (y === spec.year ? same : y === spec.year + 1 ? next : undefined));
  }

  function titleOf(spec: ReportSpec, target: ReportTarget | undefined): string {
    if (spec.kind !== 'generic') return KIND_LABELS[spec.kind];
    return target?.item.titleTh.replace(/\s*(ประจำปีงบประมาณ|ปีงบประมาณ).*$/, '') ?? ROLE_LABELS[spec.role];
  }

  /** Validates content for a spec; throws a Thai validation error naming each missing field. */
  function validate(spec: ReportSpec, target: ReportTarget | undefined, raw: unknown): Record<string, unknown> {
    const parsed = KIND_SCHEMAS[spec.kind].safeParse(raw);
    if (!parsed.success) throw validationError('รายงานยังไม่ครบองค์ประกอบ กรุณากรอกให้ครบก่อนจัดทำ', zodToFieldErrors(parsed.error));
    const content = parsed.data as Record<string, unknown>;
    if (spec.kind === 'generic') {
      if (!target) throw validationError(`ยังไม่มีรายการ OIT ของ "${ROLE_LABELS[spec.role]}" ในแคตตาล็อกปีงบประมาณ ${spec.year}`);
      const g = content as GenericContent;
      const errors = sectionElements(target.item)
        .filter((e) => !g.sections[e.key]?.trim())
        .map((e) => ({ field: `sections.${e.key}`, message: `กรุณากรอก "${e.textTh}"` }));
      if (needsProblems(target.item) || spec.round !== 0) {
        if (!g.problems) errors.push({ field: 'problems', message: 'กรุณากรอก "ปัญหา อุปสรรค" — รายงานที่ไม่มีปัญหา อุปสรรค ไม่ครบองค์ประกอบที่ ป.ป.ช. กำหนด' });
        if (!g.suggestions) errors.push({ field: 'suggestions', message: 'กรุณากรอก "ข้อเสนอแนะ" — รายงานที่ไม่มีข้อเสนอแนะ ไม่ครบองค์ประกอบที่ ป.ป.ช. กำหนด' });
      }
      if (errors.length) throw validationError('รายงานยังไม่ครบองค์ประกอบ กรุณากรอกให้ครบก่อนจัดทำ', errors);
    }
    return content;
  }

  async function buildModel(agencyId: string, spec: ReportSpec, content: Record<string, unknown>, target: ReportTarget | undefined, measures?: TrackedMeasure[]): Promise<DocModel> {
    const agency = await deps.getAgency(agencyId);
    const today = todayInThailand(clock);
    const end = roundRange(spec.year, spec.round).to;
    const h: ReportHeader = { agencyName: fullName(agency), digits: agency.digits, fiscalYear: spec.year, round: spec.round, asOf: today < end ? today : end };
    switch (spec.kind) {
      case 'measures': {
        const list = measures ?? (await deps.tracking.listMeasures(agencyId, spec.year));
        if (list.length === 0) throw notFound(`ยังไม่มีมาตรการที่ติดตามของปีงบประมาณ ${spec.year} กรุณานำมาตรการจากแผนปรับปรุงเข้าสู่การติดตามก่อน`);
        return buildMeasuresReport(h, list, content as never);
      }
      case 'anti-corruption-plan':
        return buildAntiCorruptionPlan(h, content as never);
      case 'anti-corruption-report':
      case 'operating-plan-report':
        return buildProjectsReport(spec.kind, h, content as never);
      case 'generic':
        if (!target) throw notFound('ไม่พบรายการ OIT ของรายงานนี้');
        return buildGenericReport(h, titleOf(spec, target), target.item, content as GenericContent);
    }
  }

  function toView(spec: ReportSpec, row: PeriodicReportRow | undefined, target: ReportTarget | undefined): ReportView {
    return {
      spec,
      key: reportKey(spec),
      title: titleOf(spec, target),
      content: row ? parseJson<Record<string, unknown>>(row.content, {}) : {},
      producedAt: row?.produced_at ?? null,
      attachedTo: row ? parseJson<string[]>(row.attached_to, []) : [],
      target,
    };
  }

  const publicPath = (slug: string, spec: ReportSpec) => `/a/${slug}/reports/${spec.year}/${reportKey(spec)}`;

  return {
    roleOf,
    reportKey,
    parseReportKey,
    publicPath,
    targetOf,

    /** A report is public once produced and one of its OIT items is published. */
    async isPublic(agencyId: string, view: ReportView): Promise<boolean> {
      if (!view.producedAt || !deps.isPublished) return false;
      for (const at of view.attachedTo) {
        const m = /^(\d{4}):(.+)$/.exec(at);
        if (m && (await deps.isPublished(agencyId, Number(m[1]), m[2]!))) return true;
      }
      return false;
    },

    async getReport(agencyId: string, spec: ReportSpec): Promise<ReportView> {
      const [row, target] = await Promise.all([repo.findReport(agencyId, spec.kind, spec.year, spec.round, spec.role), targetOf(spec)]);
      return toView(spec, row, target);
    },

    async listReports(agencyId: string, year?: number): Promise<ReportView[]> {
      const rows = await repo.listReports(agencyId, year);
      const out: ReportView[] = [];
      for (const r of rows) {
        if (!isReportKind(r.kind) || !isOitRole(r.role)) continue;
        const spec: ReportSpec = { kind: r.kind, year: Number(r.fiscal_year), round: Number(r.round) as Round, role: r.role };
        out.push(toView(spec, r, await targetOf(spec)));
      }
      return out;
    },

    /**
     * Validates the content, renders the report (DOCX and PDF), attaches the PDF to its OIT item
     * and stores the content with a snapshot of the measures it reported. Nothing is stored when a
     * required element is missing.
     */
    async produce(actor: Actor, agencyId: string, spec: ReportSpec, raw: unknown): Promise<{ view: ReportView; pdf: RenderedDocument }> {
      const target = await targetOf(spec);
      const content = validate(spec, target, raw);
      const measures = spec.kind === 'measures' ? await deps.tracking.listMeasures(agencyId, spec.year) : undefined;
      const model = await buildModel(agencyId, spec, content, target, measures);
      const pdf = await renderDocument(model, 'pdf');
      const agency = await deps.getAgency(agencyId);
      const attachedTo: string[] = [];
      if (target) {
        const staged = await deps.files.stage(agencyId, pdf.buffer, pdf.fileName, { allow: ['pdf'] });
        const range = roundRange(spec.year, spec.round);
        const attached = await deps.attachByRole(
          agencyId,
          target.year,
          spec.role,
          {
            source: `tracking:${spec.kind}`,
            sourceRef: `${spec.year}-${spec.round}-${spec.role}`,
            title: model.title,
            url: `${deps.publicBaseUrl}${publicPath(agency.slug, spec)}`,
            periodFrom: range.from,
            periodTo: range.to,
            // The report is built with a required field for each element: it claims them all, and the
            // machine checks (period, problems, suggestions) still read its text.
            claimElements: (elements) => elements.map((e) => e.key),
          },
          staged,
        );
        if (attached) attachedTo.push(`${target.year}:${target.item.code}`);
      }
      const stored = { ...content, ...(measures ? { snapshot: measures } : {}) };
      await db.transaction().execute(async (tx) => {
        const r = trackingRepository(tx);
        const existing = await r.findReport(agencyId, spec.kind, spec.year, spec.round, spec.role);
        const ts = now();
        const fields = { content: JSON.stringify(stored), produced_at: ts, attached_to: JSON.stringify(attachedTo), updated_by: actor.userId, updated_at: ts };
        if (existing) await r.updateReport(agencyId, existing.id, fields);
        else await r.insertReport({ id: randomUUID(), agency_id: agencyId, kind: spec.kind, fiscal_year: spec.year, round: spec.round, role: spec.role, pdf_file_id: null, docx_file_id: null, created_at: ts, ...fields });
        await writeAudit(tx, clock, actor, { agencyId, action: 'reports.produce', entityType: 'periodic_report', entityId: reportKey(spec), details: { year: spec.year, round: spec.round, kind: spec.kind, attachedTo } });
      });
      return { view: toView(spec, await repo.findReport(agencyId, spec.kind, spec.year, spec.round, spec.role), target), pdf };
    },

    /**
     * Renders a report from its stored content. `live` (staff, CLI) uses the measures as they are
     * now; otherwise (the public page) the snapshot taken when the report was produced.
     */
    async render(agencyId: string, spec: ReportSpec, format: DocumentFormat, opts: { live?: boolean } = {}): Promise<RenderedDocument> {
      return renderDocument(await this.model(agencyId, spec, opts), format);
    },

    async model(agencyId: string, spec: ReportSpec, opts: { live?: boolean } = {}): Promise<DocModel> {
      const [row, target] = await Promise.all([repo.findReport(agencyId, spec.kind, spec.year, spec.round, spec.role), targetOf(spec)]);
      if (!row) throw notFound(`ยังไม่ได้จัดทำ${titleOf(spec, target)} ปีงบประมาณ ${spec.year}${spec.round ? ` รอบ ${spec.round} เดือน` : ''}`);
      const stored = parseJson<Record<string, unknown>>(row.content, {});
      const content = validate(spec, target, stored);
      const snapshot = !opts.live && Array.isArray(stored.snapshot) ? (stored.snapshot as TrackedMeasure[]) : undefined;
      return buildModel(agencyId, spec, content, target, snapshot);
    },

    /** Saves content without producing (a draft the coordinator comes back to); not validated beyond its shape. */
    async saveDraft(actor: Actor, agencyId: string, spec: ReportSpec, content: Record<string, unknown>): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const r = trackingRepository(tx);
        const existing = await r.findReport(agencyId, spec.kind, spec.year, spec.round, spec.role);
        const ts = now();
        if (existing) await r.updateReport(agencyId, existing.id, { content: JSON.stringify(content), updated_by: actor.userId, updated_at: ts });
        else await r.insertReport({ id: randomUUID(), agency_id: agencyId, kind: spec.kind, fiscal_year: spec.year, round: spec.round, role: spec.role, content: JSON.stringify(content), produced_at: null, pdf_file_id: null, docx_file_id: null, attached_to: '[]', updated_by: actor.userId, created_at: ts, updated_at: ts });
        await writeAudit(tx, clock, actor, { agencyId, action: 'reports.draft', entityType: 'periodic_report', entityId: reportKey(spec), details: { year: spec.year, round: spec.round } });
      });
    },
  };
}
export type ReportService = ReturnType<typeof reportService>;
