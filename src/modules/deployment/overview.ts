/**
 * The province view (one province's agencies, ≈100–900) and the national summary (every agency,
 * 8,317 nation-wide): five set-based reads — agencies, latest results, OIT progress, plans, reports — joined
 * in memory by agency id. No query runs per agency.
 */
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import type { Actor } from '../../platform/audit.js';
import type { Agency } from '../agencies/index.js';
import { sortRows, summarizeByProvince, type OverviewRow, type ProvinceSummary } from './domain/overview.js';
import type { OverviewQuery } from './schemas.js';

type Ids = readonly string[] | undefined;

export interface OverviewSources {
  listAgencies(filter: { province?: string; type?: string }): Promise<Agency[]>;
  latestResults(agencyIds: Ids): Promise<Map<string, NonNullable<OverviewRow['result']>>>;
  oitProgress(year: number, agencyIds: Ids): Promise<Map<string, NonNullable<OverviewRow['oit']>>>;
  latestPlans(agencyIds: Ids): Promise<Map<string, NonNullable<OverviewRow['plan']>>>;
  latestReports(agencyIds: Ids): Promise<Map<string, NonNullable<OverviewRow['report']>>>;
}

export interface OverviewData {
  province: string | undefined;
  type: string | undefined;
  oitYear: number;
  rows: OverviewRow[];
  provinces: ProvinceSummary[];
}

export function deploymentOverview(deps: { clock: Clock; sources: OverviewSources; requireGrant: (actor: Actor) => Promise<void> }) {
  return {
    /** `sorted: false` when only the per-province summary is shown (the national page): 8,317 rows need no order. */
    async view(actor: Actor, query: OverviewQuery, opts: { sorted?: boolean } = {}): Promise<OverviewData> {
      await deps.requireGrant(actor);
      const oitYear = query.year ?? fiscalYearOf(todayInThailand(deps.clock));
      // Archived agencies are hidden from the views; they stay in the agency list.
      const agencies = (await deps.sources.listAgencies({ province: query.province, type: query.type })).filter((a) => a.status !== 'archived');
      // A filtered view asks for its agencies only; the national view reads every row at once.
      const ids: Ids = query.province || query.type ? agencies.map((a) => a.id) : undefined;
      const [results, oit, plans, reports] = await Promise.all([
        deps.sources.latestResults(ids),
        deps.sources.oitProgress(oitYear, ids),
        deps.sources.latestPlans(ids),
        deps.sources.latestReports(ids),
      ]);
      const rows: OverviewRow[] = agencies.map((a) => {
        const result = results.get(a.id);
        const progress = oit.get(a.id);
        const plan = plans.get(a.id);
        const report = reports.get(a.id);
        return {
          agencyId: a.id,
          slug: a.slug,
          name: a.nameTh,
          typeCode: a.type,
          typeTh: a.typeLabelTh,
          province: a.province,
          status: a.status,
          ...(result ? { result } : {}),
          ...(progress ? { oit: progress } : {}),
          ...(plan ? { plan } : {}),
          ...(report ? { report } : {}),
        };
      });
      return { province: query.province, type: query.type, oitYear, rows: opts.sorted === false ? rows : sortRows(rows, query.sort, query.dir), provinces: summarizeByProvince(rows) };
    },
  };
}
export type DeploymentOverview = ReturnType<typeof deploymentOverview>;
