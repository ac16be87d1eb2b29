/**
 * Which OIT item a generated report belongs to. Items are found by the catalogue's stable role
 * (NACC renumbers items every year: the measures report is O43 in FY2566 and O26 in FY2569), never
 * by code or title. This file is the ONE place that decides where a report attaches: which role a
 * report kind and round answers, and which year's item receives it (its own year, or the next
 * year's item about the previous year).
 */
import type { Catalogue, OitItem } from '../../catalogue/domain/schema.js';
import { findOitItemByRole, OIT_ROLE_LABELS, type OitRole } from '../../catalogue/domain/roles.js';
import type { Round } from './period.js';

/** Roles a generic structured report can answer (the other periodic items of the catalogue). */
export const GENERIC_ROLES = [
  'hr-plan',
  'hr-policy-actions',
  'hr-report',
  'corruption-risk',
  'corruption-risk-report',
  'participation',
  'budget-progress-6m',
  'budget-report',
  'no-gift-report',
  'integrity-culture',
] as const satisfies readonly OitRole[];
export type GenericRole = (typeof GENERIC_ROLES)[number];
export const isGenericRole = (v: string): v is GenericRole => (GENERIC_ROLES as readonly string[]).includes(v);

/** Every role a generated report answers. */
export type ReportRole = OitRole;
export const ROLE_LABELS: Record<OitRole, string> = OIT_ROLE_LABELS;

export interface ReportTarget {
  /** The OIT year whose item receives the report. */
  year: number;
  item: OitItem;
}

/**
 * Where a report of fiscal year `year` and `round` for `role` attaches:
 * - a 6-month report: the same year's item when it is about the first half or the whole year;
 * - a 12-month report: the NEXT year's item when it is about the previous year (FY2569 O26 is the
 *   report on FY2568's measures), else the same year's item when it is about that whole year;
 * - a plan (round 0): the same year's item about the year (or about no period).
 */
export function reportTarget(role: OitRole, year: number, round: Round, catalogueOf: (y: number) => Catalogue | undefined): ReportTarget | undefined {
  const inYear = (y: number, periods: string[]) => {
    const c = catalogueOf(y);
    const item = c ? findOitItemByRole(c, role) : undefined;
    return item && periods.includes(item.period) ? { year: y, item } : undefined;
  };
  if (round === 6) return inYear(year, ['first-half', 'current-fy']);
  if (round === 12) return inYear(year + 1, ['previous-fy']) ?? inYear(year, ['current-fy']);
  return inYear(year, ['current-fy', 'none']);
}
