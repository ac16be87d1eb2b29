import type { NextStep } from './domain/next-steps.js';

/** What the dashboard and the agency's public home page show, gathered from the modules' services. */
export interface AgencyOverview {
  latestResults: {
    year: number;
    computedTotal: number | null;
    officialTotal: number | null;
    level: string | null;
    passed: boolean | null;
    gapToPass: number | null;
    /** The year's pass mark from its catalogue. */
    passMark: number | null;
    flagCount: number;
  } | null;
  /** Rows of the improvement plan drafted from the latest results, or null without a plan. */
  planRows: number | null;
  /** OIT readiness (0–100) of the fiscal year being prepared, if the OIT workspace has one. */
  oit: { year: number; readiness: number; provisional: boolean } | null;
  /** What to do next, in order (see domain/next-steps.ts). */
  nextSteps: NextStep[];
  /** Years whose measures document is public (a saved plan exists). */
  publishedMeasures: number[];
  /** Years with a public OIT index. */
  oitYears: number[];
  /** The watch on the public OIT pages: open problems and the last check (staff dashboard). */
  watch?: { openAlerts: number; lastRunAt: string | null } | null;
}

export type OverviewSource = (agencyId: string) => Promise<AgencyOverview>;
