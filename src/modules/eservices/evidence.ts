/**
 * Where e-service evidence goes in OIT, in ONE place (STYLE.md convention 17): the public page,
 * the usage statistics and the satisfaction report find their item of the year by catalogue
 * role (`e-service`, `service-statistics`, `satisfaction`). Until every catalogue carries roles,
 * an item without one is matched by its catalogue title — remove that fallback once roles land.
 */
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { attachGeneratedEvidence, type OitService } from '../oit/index.js';
import type { StagedFile } from '../../platform/file-store.js';
import type { DateRange } from '../../shared/fiscal.js';

export type EvidenceRole = 'e-service' | 'service-statistics' | 'satisfaction';

const TITLE_FALLBACK: Record<EvidenceRole, string> = {
  'e-service': 'E-Service',
  'service-statistics': 'ข้อมูลเชิงสถิติการให้บริการ',
  satisfaction: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ',
};

export function itemForRole(catalogue: Catalogue, role: EvidenceRole): OitItem | undefined {
  const byRole = catalogue.oitItems.find((i) => (i as OitItem & { role?: string }).role === role);
  return byRole ?? catalogue.oitItems.find((i) => i.titleTh.trim() === TITLE_FALLBACK[role]);
}

export interface EvidenceDeps {
  oit: OitService;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
}

export interface Attached {
  role: EvidenceRole;
  year: number;
  code: string;
}

/**
 * The fiscal year whose item receives evidence about `dataYear`: an item that asks for the
 * previous year's report (period `previous-fy`, as the satisfaction report does) takes it in the
 * following year.
 */
export async function targetFor(deps: EvidenceDeps, role: EvidenceRole, dataYear: number): Promise<{ year: number; item: OitItem } | undefined> {
  for (const year of [dataYear, dataYear + 1]) {
    const catalogue = await deps.getCatalogue(year);
    const item = catalogue && itemForRole(catalogue, role);
    if (!item) continue;
    const wantsPrevious = item.period === 'previous-fy';
    if ((year === dataYear && !wantsPrevious) || (year === dataYear + 1 && wantsPrevious)) return { year, item };
  }
  return undefined;
}

/** Attaches one piece of evidence by role; undefined when the year's catalogue has no such item. */
export async function attachByRole(
  deps: EvidenceDeps,
  agencyId: string,
  role: EvidenceRole,
  dataYear: number,
  input: { source: string; sourceRef: string; title: string; url: string; period: DateRange | null },
  staged?: StagedFile,
): Promise<Attached | undefined> {
  const target = await targetFor(deps, role, dataYear);
  if (!target) return undefined;
  await attachGeneratedEvidence(
    deps.oit,
    agencyId,
    target.year,
    target.item.code,
    { source: input.source, sourceRef: input.sourceRef, title: input.title, url: input.url, periodFrom: input.period?.from ?? null, periodTo: input.period?.to ?? null },
    staged,
  );
  return { role, year: target.year, code: target.item.code };
}
