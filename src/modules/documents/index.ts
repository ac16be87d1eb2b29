/**
 * The documents module as the app and other modules see it: the renderer-neutral document model
 * and `renderDocument` (DOCX, PDF, standalone HTML) — reports of other modules build a `DocModel`
 * and render it here — the measures document (มาตรการส่งเสริมคุณธรรมและความโปร่งใส), its public
 * pages, and the rule that a published plan's document is OIT evidence of the plan's target year
 * (`publishMeasures`).
 */
import { auditWords, defineModule } from '../../platform/module.js';
import { documentsRoutes, type DocumentsRoutesOptions } from './routes.js';

export {
  documentsService,
  draftedPlan,
  measuresModel,
  renderDocument,
  CONTENT_TYPES,
  MEASURES_ROLE,
  type DocumentsService,
  type DocumentsDeps,
  type DocumentFormat,
  type RenderedDocument,
  type GeneratedMeasuresEvidence,
} from './service.js';
export { cell, inlineText } from './domain/model.js';
export type { DocumentTables, DocumentsDb } from './tables.js';
export type { DocModel, Block, Cell, Column, Inline, TextRun } from './domain/model.js';
export { renderDocumentHtml, documentCssPath } from './html/render-html.js';
export { DocumentView } from './html/DocumentView.js';

export const documentsModule = (options: DocumentsRoutesOptions) =>
  defineModule({
    name: 'documents',
    routes: documentsRoutes,
    options,
    permissions: ['documents.generate'],
    // The OIT item roles this module's documents are evidence for (see publishMeasures).
    oitEvidenceRoles: ['measures'],
    auditLabels: {
      actions: { 'documents.options.save': { th: 'บันทึกตัวเลือกเอกสารมาตรการ', en: 'Measures document options saved' } },
      entities: { document_options: { th: 'ตัวเลือกเอกสารมาตรการ', en: 'Measures document options' } },
      details: { titleYear: { th: 'ปีในชื่อเอกสาร', en: 'Title year' }, issuedOn: { th: 'วันที่จัดทำ', en: 'Date of issue' } },
      values: { oit_evidence: auditWords({ 'measures-document': 'มาตรการส่งเสริมคุณธรรมที่ระบบจัดทำ' }) },
    },
  });
