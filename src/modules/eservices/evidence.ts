/**
 * Where e-service evidence goes in OIT, in ONE place (STYLE.md convention 17): the public page,
 * the usage statistics and the satisfaction report find their item of the year by catalogue
 * role (`e-service`, `service-statistics`, `satisfaction`) through the OIT module, which also
 * follows an item that absorbed a role (FY2569's O10 E-Service carries `service-statistics`).
 * It attaches through OIT's `attachGeneratedByRole` ("the item with role X in year N"); this file
 * decides only which year N receives evidence about a year. Each piece claims only the elements
 * it shows, read from the item's element texts.
 */
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { itemWithRole, type OitService } from '../oit/index.js';
import type { StagedFile } from '../../platform/file-store.js';
import type { DateRange } from '../../shared/fiscal.js';

export type EvidenceRole = 'e-service' | 'service-statistics' | 'satisfaction';

export function itemForRole(catalogue: Catalogue, role: EvidenceRole): OitItem | undefined {
  return itemWithRole(catalogue, role);
}

/** What a piece of evidence shows, matched against an element's Thai text. */
export type Shows = 'online-channel' | 'user-manual' | 'statistics' | 'satisfaction';
// In this order: an element is what it names first ("สถิติการขอรับบริการผ่านช่องทางออนไลน์" is statistics, not the channel).
const SHOWS: [Shows, RegExp][] = [
  ['statistics', /สถิติ/],
  ['satisfaction', /ความพึงพอใจ/],
  ['user-manual', /คู่มือ/],
  ['online-channel', /ช่องทาง(ให้บริการ)?ออนไลน์/],
];
const kindOf = (text: string): Shows | undefined => SHOWS.find(([, re]) => re.test(text))?.[0];

/**
 * The element keys of `item` that evidence showing `shows` satisfies: those whose text names it,
 * plus the period elements (their checks read the evidence's stated period). Pure.
 * @example claimedElements(fy2569O10, ['statistics']) // ['statistics', 'year']
 */
export function claimedElements(item: Pick<OitItem, 'elements'>, shows: readonly Shows[]): string[] {
  const period = (e: OitItem['elements'][number]) => e.checks.some((c) => c.startsWith('covers-'));
  return item.elements.filter((e) => period(e) || shows.includes(kindOf(e.textTh)!)).map((e) => e.key);
}

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
  input: { source: string; sourceRef: string; title: string; url: string; period: DateRange | null; shows: readonly Shows[] },
  staged?: StagedFile,
): Promise<Attached | undefined> {
  const target = await targetFor(deps, role, dataYear);
  if (!target) return undefined;
  const id = await deps.attachByRole(
    agencyId,
    target.year,
    role,
    {
      source: input.source,
      sourceRef: input.sourceRef,
      title: input.title,
      url: input.url,
      periodFrom: input.period?.from ?? null,
      periodTo: input.period?.to ?? null,
      // When no element text matches, nothing is named and the OIT rule reads the entry as covering the item.
      claimElements: (elements) => claimedElements({ elements }, input.shows),
    },
    staged,
  );
  return id ? { role, year: target.year, code: target.item.code } : undefined;
}
