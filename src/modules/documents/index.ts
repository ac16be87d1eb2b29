/**
 * The documents module as the app and other modules see it: the measures document (มาตรการ
 * ส่งเสริมคุณธรรมและความโปร่งใส) in DOCX, PDF and HTML, its public pages, and the rule that a
 * published plan's document is OIT evidence of the plan's target year (`publishMeasures`).
 */
import { defineModule } from '../../platform/module.js';
import { documentsRoutes, type DocumentsRoutesOptions } from './routes.js';

export {
  documentsService,
  draftedPlan,
  measuresModel,
  renderDocument,
  CONTENT_TYPES,
  MEASURES_ROLE,
  type GeneratedMeasuresEvidence,
  type DocumentsService,
  type DocumentsDeps,
  type DocumentFormat,
  type RenderedDocument,
} from './service.js';

export const documentsModule = (options: DocumentsRoutesOptions) =>
  defineModule({
    name: 'documents',
    routes: documentsRoutes,
    options,
    permissions: ['documents.generate'],
    // The OIT item roles this module's documents are evidence for (see publishMeasures).
    oitEvidenceRoles: ['measures'],
  });
