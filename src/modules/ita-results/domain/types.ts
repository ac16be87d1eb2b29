/**
 * The data of one agency's ITA result for one fiscal year, and what the analysis
 * derives from it. Pure types: no I/O.
 */
import type { ToolCode } from '../../catalogue/index.js';

export interface OitOutcome {
  passed: boolean;
  /** The evaluator's reason, as NACC wrote it, when the item did not pass. */
  reason?: string;
}

/** One agency-year of results as entered, imported or read from the JSON import format. */
export interface ResultsInput {
  fiscalYear: number;
  agencyName?: string;
  official: { score?: number; level?: string };
  /** Indicator number → score 0–100 (two decimals as NACC publishes them). */
  indicators: Record<number, number>;
  /** Question code (I1…, E1…) → score 0–100. Optional. */
  questions?: Record<string, number>;
  /** OIT item code (O1…) → outcome. Optional. */
  oit?: Record<string, OitOutcome>;
}

export interface IndicatorResult {
  no: number;
  tool: ToolCode;
  nameTh: string;
  score: number;
}

export interface QuestionResult {
  code: string;
  textTh: string;
  score: number | null;
  recommendationTh: string;
}

export interface LowestIndicator {
  indicator: number;
  nameTh: string;
  score: number;
  /** Questions of that indicator, lowest first (those with scores), that pulled it down. */
  questions: QuestionResult[];
}

export interface FailedOitItem {
  code: string;
  titleTh: string;
  indicator: number;
  subIndicator: string;
  reason: string;
  recommendation: string;
}

export interface AnalysisFlag {
  code: string;
  message: string;
}

export interface YearChange {
  fiscalYear: number;
  total: number;
  /** Current total minus that year's total. */
  delta: number;
}

export interface Analysis {
  fiscalYear: number;
  agencyName?: string;
  indicators: IndicatorResult[];
  tools: Record<ToolCode, number>;
  total: {
    /** Rounded to 2 decimals. */
    computed: number;
    /** Unrounded weighted sum. */
    exact: number;
    official: number | null;
    /** official − exact, or null without an official score. */
    difference: number | null;
  };
  level: { computed: string; computedLabelTh: string; official: string | null };
  passMark: number;
  passed: boolean;
  /** Points still needed to reach the pass mark (0 when passed). */
  gapToPass: number;
  strengths: number[];
  lowestPerTool: Record<ToolCode, LowestIndicator>;
  failedOit: FailedOitItem[];
  changes: YearChange[];
  flags: AnalysisFlag[];
}
