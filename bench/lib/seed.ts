/** The FY2565 seed (a real municipality's published results) and the document built from it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadShippedCatalogues } from '../../src/modules/catalogue/shipped.js';
import type { Catalogue } from '../../src/modules/catalogue/domain/schema.js';
import { parseResultsJson, type ImportedResults } from '../../src/modules/ita-results/domain/results-input.js';
import { analyze, type HistoryPoint } from '../../src/modules/ita-results/domain/analysis.js';
import { DEFAULT_UNITS } from '../../src/modules/agencies/domain/agency.js';
import { draftedPlan, measuresModel } from '../../src/modules/documents/service.js';
import type { DocModel } from '../../src/modules/documents/domain/model.js';

export const SEED_FILE = fileURLToPath(new URL('../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url));

/** Two earlier years, so the year-on-year part of the analysis runs as it does in the app. */
export const SEED_HISTORY: HistoryPoint[] = [
  { fiscalYear: 2563, total: 58.12 },
  { fiscalYear: 2564, total: 61.4 },
];

export interface Seed {
  catalogue: Catalogue;
  input: ImportedResults;
}

export function loadSeed(): Seed {
  const catalogues = loadShippedCatalogues();
  const parsed = parseResultsJson(JSON.parse(readFileSync(SEED_FILE, 'utf8')), catalogues);
  if (!parsed.ok) throw new Error(`seed does not parse: ${JSON.stringify(parsed.errors)}`);
  return { catalogue: catalogues.get(parsed.value.fiscalYear)!, input: parsed.value };
}

/** Seed → analysis → drafted plan → measures document model, as the CLI `document` command does. */
export function seedDocumentModel(seed: Seed): DocModel {
  const analysis = analyze(seed.catalogue, seed.input, SEED_HISTORY);
  const plan = draftedPlan(analysis, seed.catalogue, DEFAULT_UNITS);
  return measuresModel(
    { nameTh: seed.input.agencyName ?? 'เทศบาลตำบลปรุใหญ่', typeLabelTh: 'เทศบาลตำบล', digits: 'thai' },
    seed.catalogue,
    analysis,
    plan,
    '2025-11-25',
  );
}
