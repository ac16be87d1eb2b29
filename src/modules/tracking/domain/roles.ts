/**
 * Which OIT item a generated report belongs to, by role. The catalogue is getting stable `role`
 * keys on its items; until a year's catalogue carries them, the role is recognised from the
 * item's title (the titles NACC used FY2565–FY2569). This file is the ONE place that decides
 * where a report attaches: the year (the report's own, or the next year's item about the
 * previous year) and the item.
 */
import type { Catalogue, OitItem } from '../../catalogue/domain/schema.js';
import type { Round } from './period.js';

export const REPORT_ROLES = [
  'measures-report',
  'anti-corruption-plan',
  'anti-corruption-report',
  'progress-6m',
  'annual-report',
  'hr-plan',
  'hr-report',
  'risk-assessment',
  'risk-report',
  'participation',
  'budget-report',
  'complaint-statistics',
] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];
export const isReportRole = (v: string): v is ReportRole => (REPORT_ROLES as readonly string[]).includes(v);

/** Thai names of the roles, for pages and the calendar. */
export const ROLE_LABELS: Record<ReportRole, string> = {
  'measures-report': 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  'anti-corruption-plan': 'แผนปฏิบัติการป้องกันการทุจริต',
  'anti-corruption-report': 'รายงานผลการดำเนินการป้องกันการทุจริต',
  'progress-6m': 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน',
  'annual-report': 'รายงานผลการดำเนินงานประจำปี',
  'hr-plan': 'หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล',
  'hr-report': 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล',
  'risk-assessment': 'การประเมินความเสี่ยงการทุจริต',
  'risk-report': 'รายงานผลการดำเนินการจัดการความเสี่ยงการทุจริต',
  participation: 'ผลการเปิดโอกาสให้มีส่วนร่วม',
  'budget-report': 'รายงานการใช้จ่ายงบประมาณ',
  'complaint-statistics': 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
};

// Title beginnings per role (whitespace removed before comparing), FY2565–FY2569 wording.
const TITLES: Record<ReportRole, string[]> = {
  'measures-report': ['การดำเนินการตามมาตรการส่งเสริมคุณธรรม', 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม'],
  'anti-corruption-plan': ['แผนปฏิบัติการป้องกันการทุจริต'],
  'anti-corruption-report': ['รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต', 'รายงานผลการดำเนินการป้องกันการทุจริต'],
  'progress-6m': ['รายงานการกำกับติดตามการดำเนินงาน'],
  'annual-report': ['รายงานผลการดำเนินงานประจำปี'],
  'hr-plan': ['หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล', 'นโยบายการบริหารทรัพยากรบุคคล'],
  'hr-report': ['รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล', 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล'],
  'risk-assessment': ['การประเมินความเสี่ยงการทุจริต'],
  'risk-report': ['การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต', 'รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยง'],
  participation: ['การเปิดโอกาสให้เกิดการมีส่วนร่วม', 'ผลการเปิดโอกาสให้มีส่วนร่วม'],
  'budget-report': ['รายงานการกำกับติดตามการใช้จ่ายงบประมาณ', 'รายงานผลการใช้จ่ายงบประมาณ'],
  'complaint-statistics': ['ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต', 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริต'],
};

const compact = (s: string) => s.replace(/\s+/g, '');

/** The items of a year's catalogue that play `role`: by the catalogue's own role key when it has one. */
export function itemsWithRole(catalogue: Catalogue, role: ReportRole): OitItem[] {
  return catalogue.oitItems.filter((item) => {
    const own = (item as OitItem & { role?: string; roles?: string[] }).role ?? (item as { roles?: string[] }).roles;
    if (typeof own === 'string') return own === role;
    if (Array.isArray(own)) return own.includes(role);
    return TITLES[role].some((t) => compact(item.titleTh).startsWith(compact(t)));
  });
}

export interface ReportTarget {
  /** The OIT year whose item receives the report. */
  year: number;
  item: OitItem;
}

/**
 * Where a report of fiscal year `year` and `round` attaches:
 * - a 6-month report: the same year's item about the first half (else about the whole year);
 * - a 12-month report: the NEXT year's item about the previous year when the catalogue has one
 *   (FY2569 O26 is the report on FY2568's measures), else the same year's item about that year;
 * - a plan (round 0): the same year's item about the year.
 */
export function reportTarget(role: ReportRole, year: number, round: Round, catalogueOf: (y: number) => Catalogue | undefined): ReportTarget | undefined {
  const same = catalogueOf(year);
  const pick = (c: Catalogue | undefined, periods: string[]) => {
    if (!c) return undefined;
    const items = itemsWithRole(c, role);
    for (const p of periods) {
      const found = items.find((i) => i.period === p);
      if (found) return found;
    }
    return undefined;
  };
  if (round === 6) {
    const item = pick(same, ['first-half', 'current-fy']);
    return item ? { year, item } : undefined;
  }
  if (round === 12) {
    const next = pick(catalogueOf(year + 1), ['previous-fy']);
    if (next) return { year: year + 1, item: next };
    const item = pick(same, ['current-fy']);
    return item ? { year, item } : undefined;
  }
  const item = pick(same, ['current-fy', 'none']);
  return item ? { year, item } : undefined;
}
