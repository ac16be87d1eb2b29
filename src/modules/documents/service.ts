/**
 * Produces the measures document of an agency-year from stored data: the agency profile, the
 * year's catalogue, the analysis of the results and the improvement plan (a fresh draft when no
 * plan was saved yet). Every number in it comes from the analysis.
 */
import { notFound } from '../../shared/errors.js';
import type { Catalogue } from '../catalogue/domain/schema.js';
import type { Analysis } from '../ita-results/domain/types.js';
import type { ImprovementPlan } from '../improvement/domain/types.js';
import { draftPlan, defaultDrivingMeasures } from '../improvement/domain/draft-plan.js';
import type { Agency } from '../agencies/domain/agency.js';
import type { DocModel } from './domain/model.js';
import { buildMeasuresDocument } from './domain/measures-document.js';
export { claimedCatalogueElements } from './domain/measures-document.js';
import { renderDocx } from './docx/render-docx.js';
import { renderPdf } from './pdf/render-pdf.js';
import { renderDocumentHtml } from './html/render-html.js';

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
export function measuresModel(agency: Pick<Agency, 'nameTh' | 'typeLabelTh' | 'digits'>, catalogue: Catalogue, analysis: Analysis, plan: ImprovementPlan, generatedOn?: string): DocModel {
  return buildMeasuresDocument({
    agency: { name: agency.nameTh, typeTh: agency.typeLabelTh, digits: agency.digits },
    catalogue,
    analysis,
    plan,
    ...(generatedOn ? { generatedOn } : {}),
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
}

export function documentsService(deps: DocumentsDeps) {
  async function model(agencyId: string, year: number, opts: { requireSavedPlan?: boolean } = {}): Promise<DocModel> {
    const analysis = await deps.analysisFor(agencyId, year);
    if (!analysis) throw notFound(`ยังไม่มีผลการประเมินปีงบประมาณ ${year}`);
    const [agency, catalogue, saved] = await Promise.all([deps.getAgency(agencyId), deps.getCatalogue(year), deps.getPlan(agencyId, year)]);
    if (!saved && opts.requireSavedPlan) throw notFound('หน่วยงานยังไม่ได้เผยแพร่มาตรการของปีนี้');
    const plan = saved ?? draftedPlan(analysis, catalogue, await deps.unitNames(agencyId));
    return measuresModel(agency, catalogue, analysis, plan, deps.today());
  }
  return {
    /** The measures document model; public callers require a saved plan (a draft is not published). */
    measuresModel: model,
    async renderMeasures(agencyId: string, year: number, format: DocumentFormat, opts: { requireSavedPlan?: boolean } = {}): Promise<RenderedDocument> {
      return renderDocument(await model(agencyId, year, opts), format);
    },
  };
}
export type DocumentsService = ReturnType<typeof documentsService>;
