/**
 * Where e-service evidence goes in OIT, in ONE place (STYLE.md convention 17): the public page,
 * the usage statistics and the satisfaction report go to "the item with role X in year N"
 * (`e-service`, `service-statistics`, `satisfaction`) through the OIT module's
 * `attachGeneratedByRole`; this file decides only which year N receives evidence about a year.
 */
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { findOitItemByRole } from '../catalogue/index.js';
import type { OitService } from '../oit/index.js';
import type { StagedFile } from '../../platform/file-store.js';
import type { DateRange } from '../../shared/fiscal.js';

export type EvidenceRole = 'e-service' | 'service-statistics' | 'satisfaction';

export interface EvidenceDeps {
  /** The OIT module's attach by role (null when the year has no item with the role). */
  attachByRole: OitService['attachGeneratedByRole'];
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
export async function targetFor(deps: Pick<EvidenceDeps, 'getCatalogue'>, role: EvidenceRole, dataYear: number): Promise<{ year: number; item: OitItem } | undefined> {
  for (const year of [dataYear, dataYear + 1]) {
    const catalogue = await deps.getCatalogue(year);
    const item = catalogue && findOitItemByRole(catalogue, role);
    if (!item) continue;
    const wantsPrevious = item.period === 'previous-fy';
    if ((year === dataYear && !wantsPrevious) || (year === dataYear + 1 && wantsPrevious)) return { year, item };
  }
  return undefined;
}

/** Attaches one piece of evidence by role; undefined when no year's catalogue has a fitting item. */
export async function attachByRole(
  deps: EvidenceDeps,
  agencyId: string,
  role: EvidenceRole,
  dataYear: number,
  input: { source: string; sourceRef: string; title: string; url: string; period: DateRange | null },
  staged?: StagedFile,
): Promise<Attached | undefined> {
  const target = await targetFor(deps, role, dataYear);
  // The caller removes its staged file when nothing receives it.
  if (!target) return undefined;
  const id = await deps.attachByRole(
    agencyId,
    target.year,
    role,
    { source: input.source, sourceRef: input.sourceRef, title: input.title, url: input.url, periodFrom: input.period?.from ?? null, periodTo: input.period?.to ?? null },
    staged,
  );
  return id ? { role, year: target.year, code: target.item.code } : undefined;
}
