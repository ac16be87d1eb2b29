/**
 * Produces the measures document of an agency-year from stored data: the agency profile, the
 * year's catalogue, the analysis of the results and the improvement plan (a fresh draft when no
 * plan was saved yet). Every number in it comes from the analysis.
 */
import { notFound, validationError } from '../../shared/errors.js';
import { fiscalYearRange } from '../../shared/fiscal.js';
import type { Catalogue } from '../catalogue/index.js';
import type { Analysis } from '../ita-results/index.js';
import type { ImprovementPlan } from '../improvement/index.js';
import { draftPlan, defaultDrivingMeasures } from '../improvement/index.js';
import type { Agency } from '../agencies/index.js';
import type { DocModel } from './domain/model.js';
import { buildMeasuresDocument, type MeasuresDocumentOptions } from './domain/measures-document.js';
import { claimedCatalogueElements } from './domain/measures-document.js';
export { claimedCatalogueElements };
// The renderers (with docx, pdfkit and fontkit) load on the first document, not at start-up: see
// src/shared/lazy-libraries.ts.
const renderDocx = async (model: DocModel) => (await import('./docx/render-docx.js')).renderDocx(model);
const renderPdf = async (model: DocModel) => (await import('./pdf/render-pdf.js')).renderPdf(model);
import { renderDocumentHtml } from './html/render-html.js';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { Clock } from '../../shared/clock.js';
import { documentsRepository } from './repository.js';
import type { DocumentsDb } from './tables.js';

export type DocumentFormat = 'docx' | 'pdf' | 'html';

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export interface RenderedDocument {
  buffer: Buffer;
  contentType: string;
  /** File name with extension; Thai allowed (send with RFC 5987 encoding). */
  fileName: string;
}

/** Renders a model to the asked format; the HTML file is standalone (CSS inlined). */
export async function renderDocument(model: DocModel, format: DocumentFormat): Promise<RenderedDocument> {
  const buffer =
    format === 'docx'
      ? await renderDocx(model)
      : format === 'pdf'
        ? await renderPdf(model)
        : Buffer.from(renderDocumentHtml(model, { inlineCss: true, embedFonts: true }), 'utf8');
  return { buffer, contentType: CONTENT_TYPES[format], fileName: `${model.fileName}.${format}` };
}

/** Builds the measures document from plain inputs (used by the service and by the CLI). */
export function measuresModel(
  agency: Pick<Agency, 'nameTh' | 'typeLabelTh' | 'digits'>,
  catalogue: Catalogue,
  analysis: Analysis,
  plan: ImprovementPlan,
  generatedOn?: string,
  options?: MeasuresDocumentOptions,
): DocModel {
  return buildMeasuresDocument({
    agency: { name: agency.nameTh, typeTh: agency.typeLabelTh, digits: agency.digits },
    catalogue,
    analysis,
    plan,
    ...(generatedOn ? { generatedOn } : {}),
    ...(options ? { options } : {}),
  });
}

/** A plan drafted in memory, for a document asked for before any plan was saved. */
export function draftedPlan(analysis: Analysis, catalogue: Catalogue, units: string[]): ImprovementPlan {
  const plan = draftPlan(analysis, catalogue, { units: units.length ? units : ['สำนักปลัด'] });
  plan.drivingMeasures = defaultDrivingMeasures(plan.targetYear);
  return plan;
}

export interface DocumentsDeps {
  getAgency: (agencyId: string) => Promise<Agency>;
  getCatalogue: (year: number) => Promise<Catalogue>;
  analysisFor: (agencyId: string, year: number) => Promise<Analysis | undefined>;
  getPlan: (agencyId: string, year: number) => Promise<ImprovementPlan | undefined>;
  unitNames: (agencyId: string) => Promise<string[]>;
  today: () => string;
  /** The agency's executives, who may sign the document. */
  listExecutives?: (agencyId: string) => Promise<{ id: string; nameTh: string; positionTh: string }[]>;
  /** Where public links point (the measures page URL given to OIT). */
  publicBaseUrl?: string;
  /**
   * Hands generated evidence to "the OIT item with this role in this year" (the OIT module's
   * attachGeneratedByRole); a year without such an item ignores it.
   */
  attachEvidence?: (agencyId: string, year: number, role: string, evidence: GeneratedMeasuresEvidence) => Promise<unknown>;
  /** Where saved document options live; without it (the CLI) documents use the defaults. */
  db?: Kysely<DocumentsDb>;
  clock?: Clock;
}

export interface GeneratedMeasuresEvidence {
  source: string;
  sourceRef: string;
  title: string;
  url: string;
  periodFrom: string;
  periodTo: string;
  /** The item's elements this document proves, given the item's element list. */
  claimElements: (itemElements: { key: string; checks: readonly string[] }[]) => string[];
}

/** The OIT item role the measures document is evidence for. */
export const MEASURES_ROLE = 'measures';

/** Document options as asked for (query of a staff download): ids and raw values, checked here. */
export interface DocumentOptionsRequest {
  titleYear?: number;
  issuedOn?: string;
  signerId?: string;
}

/** The measures drawn from the results of year N are carried out, and are OIT evidence, in year N+1. */
export const measuresEvidenceYear = (resultsYear: number): number => resultsYear + 1;

export function documentsService(deps: DocumentsDeps) {
  const repo = deps.db ? documentsRepository(deps.db) : undefined;
  /** The options saved for the agency's document of that results year, as a request. */
  async function savedOptions(agencyId: string, resultsYear: number): Promise<DocumentOptionsRequest> {
    const row = await repo?.findOptions(agencyId, resultsYear);
    const out: DocumentOptionsRequest = {};
    if (row?.title_year != null) out.titleYear = Number(row.title_year);
    if (row?.issued_on) out.issuedOn = String(row.issued_on).slice(0, 10);
    if (row?.signer_id) out.signerId = row.signer_id;
    return out;
  }
  async function resolveOptions(agencyId: string, resultsYear: number, req: DocumentOptionsRequest | undefined, opts: { lenient?: boolean } = {}): Promise<MeasuresDocumentOptions | undefined> {
    if (!req) return undefined;
    const out: MeasuresDocumentOptions = {};
    if (req.titleYear !== undefined) {
      // The year the measures are for: the results year itself (as some agencies title it) up to two years on.
      if (!Number.isInteger(req.titleYear) || req.titleYear < resultsYear || req.titleYear > resultsYear + 2) {
        throw validationError(`ปีงบประมาณในชื่อเอกสารต้องอยู่ระหว่าง พ.ศ. ${resultsYear} ถึง ${resultsYear + 2}`, [{ field: 'titleYear', message: `ปีงบประมาณในชื่อเอกสารต้องอยู่ระหว่าง พ.ศ. ${resultsYear} ถึง ${resultsYear + 2}` }]);
      }
      out.titleYear = req.titleYear;
    }
    if (req.issuedOn) out.issuedOn = req.issuedOn;
    if (req.signerId) {
      const signer = (await deps.listExecutives?.(agencyId))?.find((e) => e.id === req.signerId);
      // A saved signer who has since been removed from the executives: no signature block.
      if (!signer && opts.lenient) return out;
      if (!signer) throw validationError('ไม่พบผู้ลงนามที่เลือกในรายชื่อผู้บริหารของหน่วยงาน', [{ field: 'signer', message: 'ไม่พบผู้ลงนามที่เลือกในรายชื่อผู้บริหารของหน่วยงาน' }]);
      out.signer = { nameTh: signer.nameTh, positionTh: signer.positionTh };
    }
    return out;
  }
  async function model(agencyId: string, year: number, opts: { requireSavedPlan?: boolean; document?: DocumentOptionsRequest } = {}): Promise<DocModel> {
    const analysis = await deps.analysisFor(agencyId, year);
    if (!analysis) throw notFound(`ยังไม่มีผลการประเมินปีงบประมาณ ${year}`);
    const [agency, catalogue, saved] = await Promise.all([deps.getAgency(agencyId), deps.getCatalogue(year), deps.getPlan(agencyId, year)]);
    if (!saved && opts.requireSavedPlan) throw notFound('หน่วยงานยังไม่ได้เผยแพร่มาตรการของปีนี้');
    const plan = saved ?? draftedPlan(analysis, catalogue, await deps.unitNames(agencyId));
    // Options asked for (a staff download's query) win; otherwise the options saved for the year.
    const options = opts.document ? await resolveOptions(agencyId, year, opts.document) : await resolveOptions(agencyId, year, await savedOptions(agencyId, year), { lenient: true });
    return measuresModel(agency, catalogue, analysis, plan, deps.today(), options);
  }
  return {
    /** The measures document model; public callers require a saved plan (a draft is not published). */
    measuresModel: model,
    /**
     * A plan was saved: its measures document (of results year N) is the evidence of year N+1 —
     * the year the measures are carried out in — for the OIT item whose role is "measures". The
     * rule lives here, with the document (measuresEvidenceYear), not in the composition root.
     */
    async publishMeasures(agencyId: string, resultsYear: number): Promise<void> {
      if (!deps.attachEvidence) return;
      const targetYear = measuresEvidenceYear(resultsYear);
      const agency = await deps.getAgency(agencyId);
      const range = fiscalYearRange(targetYear);
      // The document claims the elements its own structure check proves, so the item does not
      // wait for an officer to confirm what the system wrote.
      const published = await model(agencyId, resultsYear);
      await deps.attachEvidence(agencyId, targetYear, MEASURES_ROLE, {
        claimElements: (itemElements) => claimedCatalogueElements(published, itemElements),
        source: 'measures-document',
        sourceRef: String(resultsYear),
        title: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${targetYear}`,
        url: `${(deps.publicBaseUrl ?? '').replace(/\/$/, '')}/a/${agency.slug}/ita/${resultsYear}/measures`,
        periodFrom: range.from,
        periodTo: range.to,
      });
    },
    /** The options saved for the year (the options form shows them). */
    savedOptions,
    /**
     * Saves the year's options after the same checks as a download's (title year in range, the
     * signer one of the agency's executives); empty fields go back to the defaults. The public
     * page and files, and the copy attached to OIT, are rendered with them from then on.
     */
    async saveOptions(actor: Actor, agencyId: string, resultsYear: number, req: DocumentOptionsRequest): Promise<void> {
      if (!repo || !deps.db || !deps.clock) throw new Error('documentsService: saving options needs db and clock');
      await resolveOptions(agencyId, resultsYear, req);
      const row = { title_year: req.titleYear ?? null, issued_on: req.issuedOn ?? null, signer_id: req.signerId ?? null };
      const now = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (tx) => {
        await documentsRepository(tx).saveOptions(agencyId, resultsYear, row, now, randomUUID());
        await writeAudit(tx, deps.clock!, actor, {
          agencyId,
          action: 'documents.options.save',
          entityType: 'document_options',
          entityId: String(resultsYear),
          details: { year: resultsYear, titleYear: req.titleYear, issuedOn: req.issuedOn },
        });
      });
      // A published plan's OIT evidence is refreshed with the document as it now reads.
      if (await deps.getPlan(agencyId, resultsYear)) await this.publishMeasures(agencyId, resultsYear);
    },
    /** The executives who may sign (for the options form). */
    signers: async (agencyId: string) => (await deps.listExecutives?.(agencyId)) ?? [],
    async renderMeasures(agencyId: string, year: number, format: DocumentFormat, opts: { requireSavedPlan?: boolean; document?: DocumentOptionsRequest } = {}): Promise<RenderedDocument> {
      return renderDocument(await model(agencyId, year, opts), format);
    },
  };
}
export type DocumentsService = ReturnType<typeof documentsService>;
