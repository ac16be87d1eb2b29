/**
 * Render time of a seed-size measures document (`npx vitest bench --project unit
 * src/modules/documents/pdf`). Target: well under 1 s per document once the process is warm.
 */
import { bench, describe } from 'vitest';
import { renderPdf } from './render-pdf.js';
import { sampleModel } from './sample-model.js';

describe('renderPdf', () => {
  const model = sampleModel({ digits: 'thai', tables: 4 });
  bench('seed-size measures document (4 tables, chart, ~9 pages)', async () => {
    await renderPdf(model);
  }, { warmupIterations: 2, iterations: 10 });
});
