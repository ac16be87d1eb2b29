/**
 * The improvement plan (แผนการนำผลการประเมินไปปรับปรุง) drafted from an analysis and edited
 * by officers, and the list of measures that drive integrity (seed section 6).
 */

/** What a plan row answers: a low indicator, a low question, a failed OIT item, or free text. */
export type PlanRowSource =
  | { kind: 'indicator'; code: string } // "5"
  | { kind: 'question'; code: string } // "I28"
  | { kind: 'oit'; code: string } // "O11"
  | { kind: 'manual'; code?: undefined };

export interface PlanRow {
  /** Stable within the plan; used by the edit form and the XLSX round trip. */
  id: string;
  order: number;
  source: PlanRowSource;
  /** ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน */
  weaknessTh: string;
  /** ขั้นตอนหรือวิธีการ/มาตรการ, one step per entry */
  steps: string[];
  /** ผู้รับผิดชอบ: the name of one of the agency's units */
  responsibleUnit: string;
  /** การรายงานผลและการกำกับติดตาม, one step per entry */
  monitoring: string[];
  /** ISO date (CE) the 6-month progress report is due. */
  sixMonthDue: string;
  /** ISO date (CE) the 12-month report is due. */
  twelveMonthDue: string;
}

export interface DrivingMeasure {
  order: number;
  titleTh: string;
  detailTh: string;
}

export interface ImprovementPlan {
  /** The fiscal year whose ITA results were analysed (e.g. 2565). */
  resultsYear: number;
  /** The fiscal year in which the measures are carried out (resultsYear + 1). */
  targetYear: number;
  rows: PlanRow[];
  drivingMeasures: DrivingMeasure[];
}
