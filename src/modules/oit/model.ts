/**
 * What the OIT use cases hand to routes and views (row types stop at the service), the mapping
 * from rows, and the one builder of evidence rows every use case writes with.
 */
import type { OitItem, Catalogue } from '../catalogue/index.js';
import type { Executive, Unit } from '../agencies/index.js';
import type { User } from '../users/index.js';
import { MEDIA, type MediaKind } from '../../platform/file-store.js';
import type { EvidenceWithFileRow } from './repository.js';
import type { OitEvidenceRow } from './tables.js';
import type { CheckEvidence, ContactContent, EvidenceKind, ItemResult, OitStatus, StructureContent } from './domain/checks.js';
import { parseFacts, type TextFacts } from './domain/text-facts.js';
import type { CarryPlan, ItemMapping } from './domain/carry-over.js';
import type { ImportMatch, ImportProblem } from './domain/vendor-import.js';

export interface EvidenceFile {
  id: string;
  name: string;
  mediaType: string;
  kind: MediaKind | undefined;
  sizeBytes: number;
  versionNo: number;
  textLayer: boolean | null;
  uploadedAt: string;
}

export interface Evidence {
  id: string;
  code: string;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  elements: string[];
  source: string;
  outdated: boolean;
  file: EvidenceFile | null;
  facts: TextFacts | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceVersion {
  versionNo: number;
  fileId: string;
  name: string;
  sizeBytes: number;
  createdAt: string;
}

export interface ItemState {
  item: OitItem;
  code: string;
  rowId: string | null;
  status: OitStatus;
  unit: Unit | null;
  assignees: { id: string; displayName: string }[];
  dueDate: string;
  dueDateIsDefault: boolean;
  publishedAt: string | null;
  evidence: Evidence[];
  declarations: Record<string, string>;
  result: ItemResult;
  /** Structured checks the item carries (drives which editors its page shows). */
  structured: string[];
}

export interface YearView {
  year: number;
  catalogue: Catalogue;
  readiness: number;
  items: ItemState[];
  structure: StructureContent | null;
  contact: ContactContent | null;
  executives: Executive[];
  units: Unit[];
  users: User[];
}

export interface ReadinessReport {
  year: number;
  readiness: number;
  items: { code: string; status: OitStatus; missing: string[] }[];
}

export interface CarryRow {
  mapping: ItemMapping;
  evidenceCount: number;
  /** How many of the carried entries will be flagged outdated. */
  outdatedCount: number;
  /** The new year's item already has evidence: nothing is carried into it. */
  targetHasEvidence: boolean;
}
export interface CarryOverView {
  fromYear: number;
  toYear: number;
  rows: CarryRow[];
  dropped: CarryPlan['dropped'];
  added: CarryPlan['added'];
  structure: boolean;
  contact: boolean;
}

export interface ImportReport {
  imported: ImportMatch[];
  /** Rows whose link the item already had. */
  duplicates: ImportMatch[];
  unmatched: ImportProblem[];
}

/** Evidence another module generates: one entry per (item, source, sourceRef). */
export interface GeneratedEvidence {
  source: string;
  sourceRef?: string | null;
  title: string;
  url?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  /** Element keys the evidence claims (the checks still decide). */
  elements?: string[];
}

/**
 * Generated evidence attached by role: the producer does not know the item, so it may claim
 * elements by looking at the item's element list (`claimElements(item.elements)`).
 */
export interface GeneratedEvidenceByRole extends Omit<GeneratedEvidence, 'elements'> {
  claimElements?: (itemElements: OitItem['elements']) => string[];
}

export const EMPTY_CONTACT: ContactContent = { address: '', phone: '', fax: '', email: '', mapUrl: '', hours: '' };

export const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function toEvidence(r: EvidenceWithFileRow): Evidence {
  return {
    id: r.id,
    code: r.code,
    kind: (r.kind === 'link' || r.kind === 'generated' ? r.kind : 'file') as EvidenceKind,
    title: r.title,
    url: r.url,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    elements: parseList(r.elements),
    source: r.source,
    outdated: Number(r.outdated) === 1,
    file: r.file_id
      ? {
          id: r.file_id,
          name: r.file_name ?? 'file',
          mediaType: r.media_type ?? 'application/octet-stream',
          kind: (Object.keys(MEDIA) as MediaKind[]).find((k) => MEDIA[k].type === r.media_type),
          sizeBytes: Number(r.size_bytes ?? 0),
          versionNo: Number(r.version_no ?? 1),
          textLayer: r.text_layer === null ? null : Number(r.text_layer) === 1,
          uploadedAt: r.version_created_at ?? r.created_at,
        }
      : null,
    facts: parseFacts(r.facts),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const toCheckEvidence = (e: Evidence): CheckEvidence => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  url: e.url,
  mediaKind: e.file?.kind ?? null,
  textLayer: e.file?.textLayer ?? null,
  facts: e.facts,
  periodFrom: e.periodFrom,
  periodTo: e.periodTo,
  elements: e.elements,
});

export function parseStructure(json: string | undefined): StructureContent | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<StructureContent>;
    return { political: v.political ?? [], permanent: v.permanent ?? [], chartFileId: v.chartFileId ?? null };
  } catch {
    return null;
  }
}

export function parseContact(json: string | undefined): ContactContent | null {
  if (!json) return null;
  try {
    return { ...EMPTY_CONTACT, ...(JSON.parse(json) as Partial<ContactContent>) };
  } catch {
    return null;
  }
}

/** An item someone has already worked on this year (evidence or declarations) is not overwritten. */
export const hasWork = (s: Pick<ItemState, 'evidence' | 'declarations'>) => s.evidence.length > 0 || Object.keys(s.declarations).length > 0;

/**
 * THE builder of an evidence row: uploads, links, generated documents, carry-over and imports all
 * write through it, so a new column gets its value in one place.
 */
export function evidenceRow(e: {
  id: string;
  agencyId: string;
  itemId: string;
  kind: string;
  title: string;
  url?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  elements: readonly string[];
  source: string;
  sourceRef?: string | null;
  outdated?: boolean;
  sortOrder: number;
  createdBy: string | null;
  at: string;
}): OitEvidenceRow {
  return {
    id: e.id,
    agency_id: e.agencyId,
    item_id: e.itemId,
    kind: e.kind,
    title: e.title,
    url: e.url ?? null,
    current_version_id: null,
    period_from: e.periodFrom ?? null,
    period_to: e.periodTo ?? null,
    elements: JSON.stringify(e.elements),
    source: e.source,
    source_ref: e.sourceRef ?? null,
    outdated: e.outdated ? 1 : 0,
    sort_order: e.sortOrder,
    created_by: e.createdBy,
    created_at: e.at,
    updated_at: e.at,
  };
}
