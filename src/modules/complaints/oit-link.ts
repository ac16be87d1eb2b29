/**
 * The one place where the channel attaches evidence to OIT, by catalogue role (never by code or
 * title): the guideline page to `complaint-guideline`, the channel page to `complaint-channel`,
 * and the statistics of the period the item asks for to `complaint-statistics`.
 */
import { findOitItemByRole, type OitRole } from '../catalogue/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { fiscalYearRange } from '../../shared/fiscal.js';
import { oitStatisticsPeriod, roundRange, type Round } from './domain/statistics.js';
import { GUIDELINE_TITLE } from './guideline-document.js';

/**
 * The OIT module's `attachGeneratedByRole`: attaches to "the item with this role in year N"
 * and answers the entry's id, or null when that year's catalogue has no such item.
 */
export type AttachFn = (
  agencyId: string,
  year: number,
  role: OitRole,
  input: { source: string; sourceRef?: string | null; title: string; url?: string | null; periodFrom?: string | null; periodTo?: string | null },
) => Promise<string | null>;

export interface OitLinkDeps {
  attach: AttachFn;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
  publicBaseUrl: string;
}

/** The statistics an OIT year's item asks for, from the item's own period (fallback: the NACC wording by year). */
export function statisticsPeriodFor(oitYear: number, period: string | undefined): { fiscalYear: number; round: Round } {
  if (period === 'previous-fy') return { fiscalYear: oitYear - 1, round: '12-month' };
  if (period === 'first-half') return { fiscalYear: oitYear, round: '6-month' };
  if (period === 'current-fy') return { fiscalYear: oitYear, round: '12-month' };
  return oitStatisticsPeriod(oitYear);
}

export function oitLink(deps: OitLinkDeps) {
  return async function publishComplaintEvidence(agency: { id: string; slug: string }, oitYear: number): Promise<string[]> {
    const catalogue = await deps.getCatalogue(oitYear);
    if (!catalogue) return [];
    const base = `${deps.publicBaseUrl}/a/${agency.slug}/report-corruption`;
    const attached: string[] = [];
    const attach = async (role: OitRole, input: Parameters<AttachFn>[3]) => {
      if (!(await deps.attach(agency.id, oitYear, role, input))) return;
      // The codes are only reported back (which items now show the channel); OIT chose the item.
      const code = findOitItemByRole(catalogue, role)?.code;
      if (code) attached.push(code);
    };
    await attach('complaint-guideline', { source: 'complaints:guideline', title: GUIDELINE_TITLE, url: `${base}/guideline` });
    await attach('complaint-channel', { source: 'complaints:channel', title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (แยกจากเรื่องร้องเรียนทั่วไป)', url: base });
    const item = findOitItemByRole(catalogue, 'complaint-statistics');
    const p = statisticsPeriodFor(oitYear, item?.period);
    const range = p.round === '12-month' ? fiscalYearRange(p.fiscalYear) : roundRange(p.fiscalYear, p.round);
    await attach('complaint-statistics', {
      source: 'complaints:statistics',
      sourceRef: `${p.fiscalYear}-${p.round}`,
      title: `ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ${p.round === '6-month' ? 'รอบ 6 เดือน ' : ''}ปีงบประมาณ พ.ศ. ${p.fiscalYear}`,
      url: `${base}/statistics?year=${p.fiscalYear}`,
      periodFrom: range.from,
      periodTo: range.to,
    });
    return attached;
  };
}
