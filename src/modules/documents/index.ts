/**
 * The documents module as other modules see it: the renderer-neutral document model and
 * `renderDocument` (DOCX, PDF, standalone HTML), the measures document service and routes.
 * Reports of other modules build a `DocModel` and render it here.
 */
export { renderDocument, documentsService, measuresModel, draftedPlan, CONTENT_TYPES } from './service.js';
export type { DocumentFormat, RenderedDocument, DocumentsService, DocumentsDeps } from './service.js';
export { documentsRoutes } from './routes.js';
export { cell, inlineText } from './domain/model.js';
export type { DocModel, Block, Cell, Column, Inline, TextRun } from './domain/model.js';
export { renderDocumentHtml, documentCssPath } from './html/render-html.js';
export { DocumentView } from './html/DocumentView.js';
