/** Gathers the overview from the modules' public service functions (wired in app.ts). */
import { nextSteps, oitYearNow, type CatalogueYearFacts } from './domain/next-steps.js';
import type { AgencyOverview, OverviewSource } from './overview.js';

export interface OverviewDeps {
  resultYears: (agencyId: string) => Promise<
    { fiscalYear: number; officialScore: number | null; computedTotal: number | null; computedLevel: string | null; officialLevel: string | null; passed: boolean | null; flagCount: number }[]
  >;
  /** Gap to the pass mark and the pass mark itself, from the analysis of that year. */
  passGap: (agencyId: string, year: number) => Promise<{ gapToPass: number; passMark: number } | null>;
  planRows: (agencyId: string, year: number) => Promise<number | null>;
  oitYears: () => Promise<number[]>;
  /** Status and collection window of a catalogue year (null when the year has no catalogue). */
  catalogueFacts: (year: number) => Promise<CatalogueYearFacts | null>;
  oitReadiness: (agencyId: string, year: number) => Promise<number>;
  today: () => string;
  /** Open problems found by the OIT watch (oit-watch module), when it is wired. */
  watchStatus?: (agencyId: string) => Promise<{ openAlerts: number; lastRunAt: string | null }>;
}

export function buildOverview(deps: OverviewDeps): OverviewSource {
  return async (agencyId: string): Promise<AgencyOverview> => {
    const years = await deps.resultYears(agencyId);
    const latest = years[0];
    const published: number[] = [];
    for (const y of years) if ((await deps.planRows(agencyId, y.fiscalYear)) !== null) published.push(y.fiscalYear);
    const oitYears = (await deps.oitYears()).sort((a, b) => b - a);
    // The year being prepared: the assessment year whose OIT collection is open, or the next one.
    const facts = (await Promise.all(oitYears.map((y) => deps.catalogueFacts(y)))).filter((f): f is CatalogueYearFacts => f !== null);
    const oitYear = oitYearNow(facts, deps.today());
    const oit =
      oitYear !== null
        ? { year: oitYear, readiness: await deps.oitReadiness(agencyId, oitYear), provisional: facts.find((f) => f.year === oitYear)?.status === 'provisional' }
        : null;
    const planRows = latest ? await deps.planRows(agencyId, latest.fiscalYear) : null;
    const gap = latest ? await deps.passGap(agencyId, latest.fiscalYear) : null;
    const watch = deps.watchStatus ? await deps.watchStatus(agencyId) : null;
    return {
      watch,
      latestResults: latest
        ? {
            year: latest.fiscalYear,
            computedTotal: latest.computedTotal,
            officialTotal: latest.officialScore,
            level: latest.officialLevel ?? latest.computedLevel,
            passed: latest.passed,
            gapToPass: gap?.gapToPass ?? null,
            passMark: gap?.passMark ?? null,
            flagCount: latest.flagCount,
          }
        : null,
      planRows,
      oit,
      nextSteps: nextSteps({
        today: deps.today(),
        latestResults: latest ? { year: latest.fiscalYear, flagCount: latest.flagCount } : null,
        planRows,
        oit,
      }),
      publishedMeasures: published,
      oitYears,
    };
  };
}
