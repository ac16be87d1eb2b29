/**
 * The ITA results module's manifest and the only file other modules import. Documents, the plan
 * and the demo use `itaResultsService(...).analysisFor(agencyId, year)` (analysis, catalogue and
 * record from one read) and `saveResults(actor, agencyId, input)`.
 */
import { defineModule } from '../../platform/module.js';
import type { CatalogueService } from '../catalogue/index.js';
import { itaResultsRoutes } from './routes.js';
import type { ItaResultsService } from './service.js';

export { toCsv } from './domain/csv.js';
export { latestResultsReader, type LatestResult } from './overview.js';
export { itaResultsService, detectResultsFormat, toJsonFormat, IMPORT_REJECTED, FORM_REJECTED } from './service.js';
export type {
  ItaResultsService,
  ItaResultsDeps,
  ResultsRecord,
  ResultsYearSummary,
  ResultsAnalysis,
  ImportOutcome,
  ResultsFileFormat,
} from './service.js';
export type {
  Analysis,
  AnalysisFlag,
  FailedOitItem,
  IndicatorResult,
  LowestIndicator,
  OitOutcome,
  QuestionResult,
  ResultsInput,
  YearChange,
} from './domain/types.js';

export function itaResultsModule(deps: { results: ItaResultsService; catalogues: CatalogueService }) {
  return defineModule({
    name: 'ita-results',
    nav: [{ href: '/admin/results', label: { th: 'ผลการประเมิน ITA', en: 'ITA results' }, permission: 'results.view' }],
    routes: itaResultsRoutes,
    options: { results: deps.results, catalogues: deps.catalogues },
  });
}
