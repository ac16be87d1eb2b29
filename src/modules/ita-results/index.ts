/**
 * The ITA results module's manifest and the only file other modules import. Documents, the plan
 * and the demo use `itaResultsService(...).analysisFor(agencyId, year)` (analysis, catalogue and
 * record from one read) and `saveResults(actor, agencyId, input)`.
 */
import { readFile } from 'node:fs/promises';
import { defineModule } from '../../platform/module.js';
import type { CatalogueService } from '../catalogue/index.js';
import { itaResultsRoutes } from './routes.js';
import type { ItaResultsService } from './service.js';

export { toCsv, parseCsv } from './domain/csv.js';
export { readXlsxSheet, type XlsxSheet } from './domain/xlsx-reader.js';
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
export { analyze, roundTo } from './domain/analysis.js';
export { parseResultsJson, type ImportedResults } from './domain/results-input.js';
export { findLevel, levelShortTh } from './domain/catalogue-index.js';
export type { ItaResultsDb, ItaResultTables } from './tables.js';

export function itaResultsModule(deps: { results: ItaResultsService; catalogues: CatalogueService }) {
  return defineModule({
    name: 'ita-results',
    nav: [{ href: '/admin/results', label: { th: 'ผลการประเมิน ITA', en: 'ITA results' }, permission: 'results.view' }],
    routes: itaResultsRoutes,
    options: { results: deps.results, catalogues: deps.catalogues },
    permissions: ['results.view', 'results.edit'],
    // The FY2565 results a real municipality published (the product's seed fixture).
    async seedDemo({ agencyId, actor }) {
      const results: unknown = JSON.parse(await readFile(new URL('./domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8'));
      await deps.results.saveResultsJson(actor, agencyId, results);
    },
    auditLabels: {
      actions: {
        'results.save': { th: 'บันทึกผลการประเมิน ITA', en: 'ITA results saved' },
        'results.import': { th: 'นำเข้าผลการประเมิน ITA จากไฟล์', en: 'ITA results imported' },
      },
      entities: { ita_results: { th: 'ผลการประเมิน ITA', en: 'ITA results' } },
      details: {
        officialScore: { th: 'คะแนนที่ ป.ป.ช. ประกาศ', en: 'Official score' },
        officialLevel: { th: 'ระดับที่ ป.ป.ช. ประกาศ', en: 'Official level' },
        failedOit: { th: 'ข้อ OIT ที่ไม่ผ่าน', en: 'Failed OIT items' },
        tool: { th: 'เครื่องมือ', en: 'Tool' },
        resultsYear: { th: 'ปีของผลการประเมิน', en: 'Results year' },
      },
    },
  });
}
