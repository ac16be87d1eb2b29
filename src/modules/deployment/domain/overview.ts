/**
 * The province and national views as pure data: one row per agency, sorting, and the summary per
 * province. The numbers come from the modules that own them (results, OIT, plans, reports), gathered with
 * one set-based query each.
 */
export interface OverviewRow {
  agencyId: string;
  slug: string;
  name: string;
  typeCode: string;
  typeTh: string;
  province: string;
  status: string;
  /** Latest ITA result (absent: none entered). */
  result?: { fiscalYear: number; total: number; source: 'official' | 'computed'; levelCode: string; levelTh: string; passed: boolean };
  /** OIT items of the view's year (absent: none started). */
  oit?: { published: number; ready: number; inProgress: number; total: number; publishedPercent: number };
  /** Latest improvement plan (absent: none drafted). */
  plan?: { resultsYear: number; targetYear: number; rows: number };
  /** Latest produced measures report, 6- or 12-month round (absent: none produced). */
  report?: { fiscalYear: number; round: 6 | 12 };
}

export type SortKey = 'name' | 'province' | 'type' | 'year' | 'total' | 'level' | 'oit' | 'plan' | 'report' | 'status';

const collator = new Intl.Collator('th');

/** Missing values sort last whatever the direction, so "no result yet" never tops a ranking. */
export function sortRows(rows: readonly OverviewRow[], key: SortKey, dir: 'asc' | 'desc'): OverviewRow[] {
  const value = (r: OverviewRow): string | number | undefined => {
    switch (key) {
      case 'name':
        return r.name;
      case 'province':
        return r.province;
      case 'type':
        return r.typeTh;
      case 'status':
        return r.status;
      case 'year':
        return r.result?.fiscalYear;
      case 'total':
        return r.result?.total;
      case 'level':
        return r.result?.levelTh;
      case 'oit':
        return r.oit?.publishedPercent ?? (r.result || r.plan ? 0 : undefined);
      case 'plan':
        return r.plan?.rows;
      case 'report':
        return r.report ? r.report.fiscalYear * 100 + r.report.round : undefined;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined && vb === undefined) return collator.compare(a.name, b.name);
    if (va === undefined) return 1;
    if (vb === undefined) return -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.name, b.name);
  });
}

export interface ProvinceSummary {
  province: string;
  agencies: number;
  withResults: number;
  passed: number;
  /** Mean latest total of agencies with results, 2 decimals; null when none. */
  meanTotal: number | null;
  /** Mean share of OIT items published (agencies without any OIT item count as 0). */
  meanOitPercent: number;
  withPlan: number;
  /** Agencies that produced at least one measures report. */
  withReport: number;
}

/** One line per province, in Thai order; the national summary. */
export function summarizeByProvince(rows: readonly OverviewRow[]): ProvinceSummary[] {
  const by = new Map<string, { agencies: number; withResults: number; passed: number; totalSum: number; oitSum: number; withPlan: number; withReport: number }>();
  for (const r of rows) {
    const s = by.get(r.province) ?? { agencies: 0, withResults: 0, passed: 0, totalSum: 0, oitSum: 0, withPlan: 0, withReport: 0 };
    s.agencies++;
    if (r.result) {
      s.withResults++;
      s.totalSum += r.result.total;
      if (r.result.passed) s.passed++;
    }
    s.oitSum += r.oit?.publishedPercent ?? 0;
    if (r.plan && r.plan.rows > 0) s.withPlan++;
    if (r.report) s.withReport++;
    by.set(r.province, s);
  }
  return [...by.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([province, s]) => ({
      province,
      agencies: s.agencies,
      withResults: s.withResults,
      passed: s.passed,
      meanTotal: s.withResults > 0 ? Math.round((100 * s.totalSum) / s.withResults) / 100 : null,
      meanOitPercent: s.agencies > 0 ? Math.round((10 * s.oitSum) / s.agencies) / 10 : 0,
      withPlan: s.withPlan,
      withReport: s.withReport,
    }));
}
