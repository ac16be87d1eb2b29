/**
 * The seed agency's FY2565 results (เทศบาลตำบลปรุใหญ่, ../shared/seed), read from the import
 * fixture the unit tests use, and what the analysis must show for them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResultsEntry } from '../pages/results-pages.js';

export const SEED_FILE = fileURLToPath(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url));

interface SeedJson {
  fiscalYear: number;
  agency: { name: string };
  official: { score: number; level: string };
  indicators: Record<string, number>;
  oit: Record<string, { passed: boolean; reason: string }>;
}

export const SEED: SeedJson = JSON.parse(readFileSync(SEED_FILE, 'utf8'));

/** The seed as an officer types it into the form (two decimals, as printed in the report). */
export const SEED_ENTRY: ResultsEntry = {
  indicators: Object.fromEntries(Object.entries(SEED.indicators).map(([no, score]) => [Number(no), score.toFixed(2)])),
  official: { score: SEED.official.score.toFixed(2), level: SEED.official.level },
  failedOit: Object.fromEntries(Object.entries(SEED.oit).filter(([, o]) => !o.passed).map(([code, o]) => [code, o.reason])),
};

/** What the analysis page must show for the seed (issue 2 §8). */
export const SEED_ANALYSIS = {
  year: 2565,
  computed: '65.67',
  official: '65.66',
  level: 'C',
  lowest: { IIT: { indicator: 5, score: '74.62' }, EIT: { indicator: 8, score: '74.22' }, OIT: { indicator: 10, score: '18.75' } },
  failedOit: ['O2', 'O11', 'O12', 'O17', 'O20', 'O27', 'O39', 'O40', 'O42', 'O43'],
} as const;
