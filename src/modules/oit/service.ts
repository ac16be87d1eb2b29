/**
 * Use cases of the OIT workspace and portal. Every change checks who may make it, runs in one
 * transaction and writes an audit entry.
 *
 * Who may change an item: coordinators (oit.manage) any item; staff with oit.edit only items
 * assigned to them — by name, or through the item's responsible unit being their unit.
 * Publishing is for coordinators. Only items whose status is "published" show their evidence
 * on the public portal; the index lists every item of the year all the same, so the URLs given
 * to ITAS exist from the start and never change.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OitDb } from './tables.js';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, forbidden, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, SYSTEM_ACTOR, type Actor } from '../../platform/audit.js';
import { can } from '../../shared/permissions.js';
import { IMAGE_KINDS, MEDIA, type FileStore, type MediaKind, type StagedFile, type StoredFile } from '../../platform/file-store.js';
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { getShippedCatalogue, loadShippedCatalogues, findOitItemByRole, isOitRole } from '../catalogue/index.js';
import type { AgenciesService } from '../agencies/index.js';
import type { UsersService } from '../users/index.js';
import type { Agency, Executive, Unit } from '../agencies/index.js';
import type { User } from '../users/index.js';
import { executiveSchema } from '../agencies/index.js';
import { oitRepository, type EvidenceWithFileRow } from './repository.js';
import type { OitItemRow } from './tables.js';
import {
  defaultDueDate,
  evaluateItem,
  isOitStatus,
  readinessScore,
  structuredChecksOf,
  type CheckEvidence,
  type ContactContent,
  type EvidenceKind,
  type ItemResult,
  type OitStatus,
  type StructureContent,
} from './domain/checks.js';
import { analyseText, parseFacts, type TextFacts } from './domain/text-facts.js';
import { extractText, MAX_EXTRACT_BYTES } from './text-extract.js';
import type { ItasRow } from './domain/itas-export.js';
import { MAX_IMPORT_ROWS, MAX_LINKS_PER_ITEM, matchVendorRows, parseCsv, parseYear, toVendorRows, type ImportMatch, type ImportProblem } from './domain/vendor-import.js';
import { yieldToOthers } from '../../platform/jobs.js';

/** Links written per transaction by the vendor import: each batch holds the database for milliseconds. */
const IMPORT_BATCH = 100;
import { xlsxTable } from './itas-xlsx.js';
import { runSelfAudit, type AuditReport, type FetchLike } from './self-audit.js';
import { outboundFetch } from '../../platform/outbound-fetch.js';
import { isHttpUrl } from '../../shared/url.js';
import { isOutdated, planCarryOver, type CarryPlan, type ItemMapping } from './domain/carry-over.js';
import {
  assignSchema,
  contactSchema,
  editEvidenceSchema,
  fileEvidenceSchema,
  linkEvidenceSchema,
  statusSchema,
  structureSchema,
} from './schemas.js';

// ----- views ------------------------------------------------------------------------------

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

/** Text of an uploaded CSV: UTF-8, or Windows-874 (TIS-620) as older Thai systems write it. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

export const EMPTY_CONTACT: ContactContent = { address: '', phone: '', fax: '', email: '', mapUrl: '', hours: '' };

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

function toEvidence(r: EvidenceWithFileRow): Evidence {
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

const toCheckEvidence = (e: Evidence): CheckEvidence => ({
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

function parseStructure(json: string | undefined): StructureContent | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<StructureContent>;
    return { political: v.political ?? [], permanent: v.permanent ?? [], chartFileId: v.chartFileId ?? null };
  } catch {
    return null;
  }
}
function parseContact(json: string | undefined): ContactContent | null {
  if (!json) return null;
  try {
    return { ...EMPTY_CONTACT, ...(JSON.parse(json) as Partial<ContactContent>) };
  } catch {
    return null;
  }
}

// The demo seed acts as a system coordinator whose id is empty: its audit entries name no user.
const actorOf = (user: User): Actor => ({ userId: user.id || null, label: user.displayName });

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError } }, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError('กรุณาตรวจสอบข้อมูลที่กรอก', zodToFieldErrors(r.error));
  return r.data;
}

// ----- service ----------------------------------------------------------------------------

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

/**
 * The item that plays `role` in this year's catalogue (roles are stable; codes change year to
 * year). An unknown role finds nothing rather than failing: a module may name a role a year lacks.
 */
export function itemWithRole(catalogue: Catalogue, role: string): OitItem | undefined {
  return isOitRole(role) ? findOitItemByRole(catalogue, role) : undefined;
}


export interface OitDeps {
  db: Kysely<OitDb>;
  clock: Clock;
  config: Pick<Config, 'publicBaseUrl' | 'outboundAllowPrivate'>;
  files: FileStore;
  agencies: AgenciesService;
  users: UsersService;
  /** The year's catalogue (the catalogue module's active version); defaults to the shipped files. */
  catalogue?: (year: number) => Promise<Catalogue | undefined> | Catalogue | undefined;
  /** Fiscal years with a catalogue (the catalogue module's list); defaults to the shipped files. */
  catalogueYears?: () => Promise<number[]>;
}

export function oitService(deps: OitDeps) {
  const { db, clock, files, agencies, users, config } = deps;
  const repo = oitRepository(db);
  const now = () => clock.now().toISOString();
  const catalogueOf = async (year: number) => (deps.catalogue ? await deps.catalogue(year) : getShippedCatalogue(year));

  async function requireCatalogue(year: number): Promise<Catalogue> {
    const c = Number.isInteger(year) ? await catalogueOf(year) : undefined;
    if (!c || c.oitItems.length === 0) throw notFound(`ยังไม่มีรายการ OIT ของปีงบประมาณ ${year} ในแคตตาล็อก`);
    return c;
  }
  function requireItem(c: Catalogue, code: string): OitItem {
    const item = c.oitItems.find((i) => i.code === code);
    if (!item) throw notFound(`ไม่พบรายการ ${code} ในปีงบประมาณ ${c.fiscalYear}`);
    return item;
  }

  /** Everything about one agency-year, with every item evaluated. */
  async function loadYear(agencyId: string, year: number, opts: { withPeople?: boolean } = {}): Promise<YearView> {
    const catalogue = await requireCatalogue(year);
    const [rows, assignments, evidenceRows, declarations, content, executives, units, staff] = await Promise.all([
      repo.listItems(agencyId, year),
      repo.listAssignments(agencyId, year),
      repo.listEvidence(agencyId, year),
      repo.listDeclarations(agencyId, year),
      repo.listContent(agencyId, year),
      agencies.listExecutives(agencyId),
      agencies.listUnits(agencyId),
      opts.withPeople === false ? Promise.resolve([] as User[]) : users.listUsers(agencyId),
    ]);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const structure = parseStructure(content.find((c) => c.kind === 'structure')?.content);
    const contact = parseContact(content.find((c) => c.kind === 'contact')?.content);
    const evidence = evidenceRows.map(toEvidence);
    const userName = new Map(staff.map((u) => [u.id, u.displayName]));
    const fallbackDue = defaultDueDate(catalogue.calendar, year);
    const execFacts = executives.map((e) => ({ nameTh: e.nameTh, positionTh: e.positionTh, kind: e.kind, hasPhoto: !!e.photoFileId, phone: e.phone, email: e.email }));

    const items: ItemState[] = catalogue.oitItems.map((item) => {
      const row = byCode.get(item.code);
      const itemEvidence = evidence.filter((e) => e.code === item.code);
      const decl = Object.fromEntries(declarations.filter((d) => d.code === item.code).map((d) => [d.element_key, d.pointer]));
      // Evidence carried from last year counts only once an officer has reviewed it (edit or replace).
      const result = evaluateItem({ item, fiscalYear: year, evidence: itemEvidence.filter((e) => !e.outdated).map(toCheckEvidence), declarations: decl, structure, contact, executives: execFacts });
      return {
        item,
        code: item.code,
        rowId: row?.id ?? null,
        status: row && isOitStatus(row.status) ? row.status : 'not_started',
        unit: units.find((u) => u.id === row?.unit_id) ?? null,
        assignees: assignments.filter((a) => a.code === item.code).map((a) => ({ id: a.user_id, displayName: userName.get(a.user_id) ?? '' })),
        dueDate: row?.due_date ?? fallbackDue,
        dueDateIsDefault: !row?.due_date,
        publishedAt: row?.published_at ?? null,
        evidence: itemEvidence,
        declarations: decl,
        result,
        structured: structuredChecksOf(item),
      };
    });
    return { year, catalogue, readiness: readinessScore(items.map((i) => i.result)), items, structure, contact, executives, units, users: staff };
  }

  const canManage = (user: User) => can(user.roles, 'oit.manage');
  function canEdit(user: User, state: Pick<ItemState, 'unit' | 'assignees'>): boolean {
    if (canManage(user)) return true;
    if (!can(user.roles, 'oit.edit')) return false;
    return state.assignees.some((a) => a.id === user.id) || (!!user.unitId && state.unit?.id === user.unitId);
  }

  /** Loads the year and the item, refusing users who may not change it. */
  async function editable(user: User, year: number, code: string): Promise<{ view: YearView; state: ItemState }> {
    const view = await loadYear(user.agencyId, year);
    requireItem(view.catalogue, code);
    const state = view.items.find((i) => i.code === code)!;
    if (!canEdit(user, state)) throw forbidden('ท่านไม่มีสิทธิ์แก้ไขรายการนี้ เฉพาะผู้ที่ได้รับมอบหมายและผู้ประสานงาน ITA เท่านั้น');
    return { view, state };
  }

  /** The item's row, created on first change. */
  async function ensureRow(tx: Kysely<OitDb>, agencyId: string, year: number, code: string, actor: Actor): Promise<OitItemRow> {
    const r = oitRepository(tx);
    const found = await r.findItem(agencyId, year, code);
    if (found) return found;
    const ts = now();
    const row: OitItemRow = { id: randomUUID(), agency_id: agencyId, fiscal_year: year, code, status: 'not_started', unit_id: null, due_date: null, published_at: null, updated_by: actor.userId, created_at: ts, updated_at: ts };
    await r.insertItem(row);
    return row;
  }

  /** Work on an item moves it from "not started" to "in progress". */
  async function touch(tx: Kysely<OitDb>, row: OitItemRow, actor: Actor): Promise<void> {
    await oitRepository(tx).updateItem(row.agency_id, row.id, { status: row.status === 'not_started' ? 'in_progress' : row.status, updated_by: actor.userId, updated_at: now() });
  }

  function checkElements(item: OitItem, keys: string[]): string[] {
    const known = new Set(item.elements.map((e) => e.key));
    const bad = keys.filter((k) => !known.has(k));
    if (bad.length) throw validationError('องค์ประกอบไม่ถูกต้อง', [{ field: 'elements', message: `ไม่มีองค์ประกอบ ${bad.join(', ')} ในรายการนี้` }]);
    return [...new Set(keys)];
  }

  async function readFacts(staged: StagedFile): Promise<{ textLayer: number | null; facts: string | null }> {
    // A file too large to read is stored unread ("not read", not "no text"): never load it whole.
    if (staged.sizeBytes > MAX_EXTRACT_BYTES || !['pdf', 'docx', 'xlsx'].includes(staged.kind)) return { textLayer: null, facts: null };
    const { text, textLayer } = await extractText(staged.kind, staged.path, staged.sizeBytes);
    return { textLayer: textLayer === null ? null : textLayer ? 1 : 0, facts: text === null ? null : JSON.stringify(analyseText(text)) };
  }

  async function addVersion(tx: Kysely<OitDb>, actor: Actor, agencyId: string, evidenceId: string, staged: StagedFile, read: { textLayer: number | null; facts: string | null }): Promise<{ file: StoredFile; versionNo: number }> {
    const r = oitRepository(tx);
    const file = await files.record(tx, actor, staged);
    const versionNo = (await r.maxVersionNo(agencyId, evidenceId)) + 1;
    const versionId = randomUUID();
    await r.insertVersion({ id: versionId, agency_id: agencyId, evidence_id: evidenceId, version_no: versionNo, file_id: file.id, text_layer: read.textLayer, facts: read.facts, created_by: actor.userId, created_at: now() });
    await r.updateEvidence(agencyId, evidenceId, { current_version_id: versionId, updated_at: now() });
    return { file, versionNo };
  }

  /** Runs `work` in a transaction, removing the staged files if it fails. */
  async function withStaged<T>(staged: (StagedFile | undefined)[], work: (tx: Kysely<OitDb>) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      for (const s of staged) await files.discard(s);
      throw error;
    }
  }

  async function findAgencyBySlug(slug: string): Promise<Agency> {
    const agency = await agencies.findBySlug(slug);
    if (!agency) throw notFound('ไม่พบหน่วยงาน');
    return agency;
  }

  const publicItemUrl = (slug: string, year: number, code: string) => `/a/${slug}/oit/${year}/${code}`;

  const service = {
    canEdit,
    canManage,
    /**
     * Refuses (403) a user who may not change the item, before a route reads an upload: who may
     * act is decided before what they sent is looked at, so a forbidden user learns nothing of
     * the form's rules and no file of theirs is staged.
     */
    async assertEditable(user: User, year: number, code: string): Promise<void> {
      await editable(user, year, code);
    },
    loadYear,
    findAgencyBySlug,
    publicItemUrl,

    /** Fiscal years that have OIT items in the catalogue, newest first. */
    async catalogueYears(): Promise<number[]> {
      const years = new Set<number>(deps.catalogueYears ? await deps.catalogueYears() : loadShippedCatalogues().keys());
      const out: number[] = [];
      for (const y of years) if (((await catalogueOf(y))?.oitItems.length ?? 0) > 0) out.push(y);
      return out.sort((a, b) => b - a);
    },

    async readinessReport(agencyId: string, year: number): Promise<ReadinessReport> {
      const view = await loadYear(agencyId, year, { withPeople: false });
      return { year, readiness: view.readiness, items: view.items.map((i) => ({ code: i.code, status: i.status, missing: i.result.missing })) };
    },

    async itemVersions(agencyId: string, evidenceIds: string[]): Promise<Map<string, EvidenceVersion[]>> {
      const rows = await repo.listVersions(agencyId, evidenceIds);
      const map = new Map<string, EvidenceVersion[]>();
      for (const r of rows) {
        const list = map.get(r.evidence_id) ?? [];
        list.push({ versionNo: r.version_no, fileId: r.file_id, name: r.original_name, sizeBytes: Number(r.size_bytes), createdAt: r.created_at });
        map.set(r.evidence_id, list);
      }
      return map;
    },

    // ----- coordination

    async assign(user: User, year: number, code: string, raw: unknown): Promise<void> {
      if (!canManage(user)) throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่มอบหมายงานได้');
      const input = parse(assignSchema, raw);
      const catalogue = await requireCatalogue(year);
      requireItem(catalogue, code);
      const agencyId = user.agencyId;
      if (input.unitId && !(await agencies.listUnits(agencyId)).some((u) => u.id === input.unitId)) {
        throw validationError('หน่วยงานย่อยไม่ถูกต้อง', [{ field: 'unitId', message: 'ไม่พบหน่วยงานย่อยที่เลือก' }]);
      }
      const staff = await users.listUsers(agencyId);
      const unknown = input.userIds.filter((id) => !staff.some((u) => u.id === id));
      if (unknown.length) throw validationError('ผู้รับผิดชอบไม่ถูกต้อง', [{ field: 'userIds', message: 'ไม่พบเจ้าหน้าที่ที่เลือก' }]);
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const row = await ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        await r.updateItem(agencyId, row.id, { unit_id: input.unitId, due_date: input.dueDate, updated_by: actor.userId, updated_at: now() });
        const ts = now();
        await r.replaceAssignments(agencyId, row.id, [...new Set(input.userIds)].map((uid) => ({ id: randomUUID(), agency_id: agencyId, item_id: row.id, user_id: uid, created_by: actor.userId, created_at: ts })));
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.assign', entityType: 'oit_item', entityId: row.id, details: { year, code, unitId: input.unitId, userIds: input.userIds, dueDate: input.dueDate } });
      });
    },

    async setStatus(user: User, year: number, code: string, raw: unknown): Promise<void> {
      // Authorisation before validation: a user who may not edit the item learns nothing about the form.
      const { state } = await editable(user, year, code);
      const { status } = parse(statusSchema, raw);
      if ((status === 'published' || state.status === 'published') && !canManage(user)) {
        throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่เผยแพร่หรือยกเลิกการเผยแพร่ได้');
      }
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const row = await ensureRow(tx, agencyId, year, code, actor);
        await oitRepository(tx).updateItem(agencyId, row.id, {
          status,
          published_at: status === 'published' ? (row.published_at ?? now()) : null,
          updated_by: actor.userId,
          updated_at: now(),
        });
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.status', entityType: 'oit_item', entityId: row.id, details: { year, code, from: state.status, to: status } });
      });
    },

    // ----- evidence

    async addFileEvidence(user: User, year: number, code: string, raw: unknown, staged: StagedFile | undefined): Promise<string> {
      try {
        const { state } = await editable(user, year, code);
        if (!staged) throw validationError('กรุณาเลือกไฟล์', [{ field: 'upload', message: 'กรุณาเลือกไฟล์ที่จะแนบ' }]);
        const input = parse(fileEvidenceSchema, raw);
        const elements = checkElements(state.item, input.elements);
        const read = await readFacts(staged);
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        return await withStaged([staged], async (tx) => {
          const row = await ensureRow(tx, agencyId, year, code, actor);
          const r = oitRepository(tx);
          const id = randomUUID();
          const ts = now();
          const title = input.title || staged.originalName.replace(/\.[a-z0-9]+$/i, '');
          await r.insertEvidence({ id, agency_id: agencyId, item_id: row.id, kind: 'file', title, url: null, current_version_id: null, period_from: input.periodFrom, period_to: input.periodTo, elements: JSON.stringify(elements), source: 'upload', source_ref: null, outdated: 0, sort_order: await r.nextSortOrder(agencyId, row.id), created_by: actor.userId, created_at: ts, updated_at: ts });
          const { file } = await addVersion(tx, actor, agencyId, id, staged, read);
          await touch(tx, row, actor);
          await writeAudit(tx, clock, actor, { agencyId, action: 'oit.evidence.add', entityType: 'oit_evidence', entityId: id, details: { year, code, title, fileId: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType, periodFrom: input.periodFrom, periodTo: input.periodTo, elements } });
          return id;
        });
      } catch (error) {
        await files.discard(staged);
        throw error;
      }
    },

    async addLinkEvidence(user: User, year: number, code: string, raw: unknown): Promise<string> {
      const { state } = await editable(user, year, code);
      const input = parse(linkEvidenceSchema, raw);
      const elements = checkElements(state.item, input.elements);
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      return db.transaction().execute(async (tx) => {
        const row = await ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        const id = randomUUID();
        const ts = now();
        await r.insertEvidence({ id, agency_id: agencyId, item_id: row.id, kind: 'link', title: input.title, url: input.url, current_version_id: null, period_from: input.periodFrom, period_to: input.periodTo, elements: JSON.stringify(elements), source: 'link', source_ref: null, outdated: 0, sort_order: await r.nextSortOrder(agencyId, row.id), created_by: actor.userId, created_at: ts, updated_at: ts });
        await touch(tx, row, actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.evidence.add', entityType: 'oit_evidence', entityId: id, details: { year, code, title: input.title, url: input.url, periodFrom: input.periodFrom, periodTo: input.periodTo, elements } });
        return id;
      });
    },

    /**
     * Changes an entry's title, period, claimed elements or link; with a file, adds a new version
     * (the old ones are kept) and the entry's public URL keeps serving the newest.
     */
    async editEvidence(user: User, year: number, code: string, evidenceId: string, raw: unknown, staged?: StagedFile): Promise<void> {
      try {
        const { state } = await editable(user, year, code);
        const input = parse(editEvidenceSchema, raw);
        const ev = state.evidence.find((e) => e.id === evidenceId);
        if (!ev) throw notFound('ไม่พบหลักฐานนี้');
        const elements = checkElements(state.item, input.elements);
        if (staged && ev.kind !== 'file') throw validationError('หลักฐานนี้เป็นลิงก์ แนบไฟล์แทนไม่ได้', [{ field: 'upload', message: 'หลักฐานประเภทลิงก์แนบไฟล์ไม่ได้ กรุณาเพิ่มเป็นหลักฐานใหม่' }]);
        if (ev.kind === 'link' && !(/^https?:\/\//i.test(input.url) && URL.canParse(input.url))) {
          throw validationError('ลิงก์ไม่ถูกต้อง', [{ field: 'url', message: 'ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://' }]);
        }
        const read = staged ? await readFacts(staged) : undefined;
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        await withStaged([staged], async (tx) => {
          const r = oitRepository(tx);
          await r.updateEvidence(agencyId, ev.id, {
            title: input.title,
            url: ev.kind === 'link' ? input.url : ev.url,
            period_from: input.periodFrom,
            period_to: input.periodTo,
            elements: JSON.stringify(elements),
            // Replacing or re-dating carried-over evidence is the officer's review of it.
            outdated: 0,
            updated_at: now(),
          });
          let version: { file: StoredFile; versionNo: number } | undefined;
          if (staged && read) version = await addVersion(tx, actor, agencyId, ev.id, staged, read);
          const row = (await r.findItem(agencyId, year, code))!;
          await touch(tx, row, actor);
          await writeAudit(tx, clock, actor, {
            agencyId,
            action: version ? 'oit.evidence.replace' : 'oit.evidence.update',
            entityType: 'oit_evidence',
            entityId: ev.id,
            details: { year, code, title: input.title, periodFrom: input.periodFrom, periodTo: input.periodTo, elements, ...(version ? { fileId: version.file.id, versionNo: version.versionNo, sha256: version.file.sha256 } : {}) },
          });
        });
      } catch (error) {
        await files.discard(staged);
        throw error;
      }
    },

    async removeEvidence(user: User, year: number, code: string, evidenceId: string): Promise<void> {
      const { state } = await editable(user, year, code);
      const ev = state.evidence.find((e) => e.id === evidenceId);
      if (!ev) throw notFound('ไม่พบหลักฐานนี้');
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        // Stored files stay (the audit trail names them); only the entry and its versions go.
        await oitRepository(tx).deleteEvidence(agencyId, ev.id);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.evidence.remove', entityType: 'oit_evidence', entityId: ev.id, details: { year, code, title: ev.title, fileId: ev.file?.id ?? null, url: ev.url } });
      });
    },

    /** Sets the pointer of each element (an empty pointer withdraws the declaration). */
    async saveDeclarations(user: User, year: number, code: string, pointers: Record<string, string>): Promise<void> {
      const { state } = await editable(user, year, code);
      const keys = state.item.elements.length ? state.item.elements.map((e) => e.key) : ['evidence'];
      const errors = Object.entries(pointers)
        .filter(([k, v]) => keys.includes(k) && v.trim().length > 500)
        .map(([k]) => ({ field: `pointer.${k}`, message: 'ตำแหน่งที่แสดงยาวเกิน 500 ตัวอักษร' }));
      if (errors.length) throw validationError('กรุณาตรวจสอบข้อมูลที่กรอก', errors);
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const row = await ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        const changed: Record<string, string | null> = {};
        for (const key of keys) {
          if (!(key in pointers)) continue;
          const pointer = pointers[key]!.trim();
          if ((state.declarations[key] ?? '') === pointer) continue;
          await r.deleteDeclaration(agencyId, row.id, key);
          if (pointer) await r.insertDeclaration({ id: randomUUID(), agency_id: agencyId, item_id: row.id, element_key: key, pointer, declared_by: actor.userId, created_at: now(), updated_at: now() });
          changed[key] = pointer || null;
        }
        if (Object.keys(changed).length === 0) return;
        await touch(tx, row, actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.declare', entityType: 'oit_item', entityId: row.id, details: { year, code, declarations: changed } });
      });
    },

    // ----- structured content

    async saveStructure(user: User, year: number, code: string, raw: unknown, chart?: StagedFile, removeChart = false): Promise<void> {
      try {
        const { state, view } = await editable(user, year, code);
        const input = parse(structureSchema, raw);
        if (!state.structured.includes('structured-structure')) throw notFound('รายการนี้ไม่มีข้อมูลโครงสร้าง');
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        await withStaged([chart], async (tx) => {
          const r = oitRepository(tx);
          const file = chart ? await files.record(tx, actor, chart) : undefined;
          const content: StructureContent = { political: input.political, permanent: input.permanent, chartFileId: file?.id ?? (removeChart ? null : (view.structure?.chartFileId ?? null)) };
          const existing = await r.findContent(agencyId, year, 'structure');
          if (existing) await r.updateContent(agencyId, existing.id, JSON.stringify(content), actor.userId, now());
          else await r.insertContent({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, kind: 'structure', content: JSON.stringify(content), updated_by: actor.userId, created_at: now(), updated_at: now() });
          await touch(tx, await ensureRow(tx, agencyId, year, code, actor), actor);
          await writeAudit(tx, clock, actor, { agencyId, action: 'oit.structure.update', entityType: 'oit_content', entityId: existing?.id ?? null, details: { year, code, ...content } });
        });
      } catch (error) {
        await files.discard(chart);
        throw error;
      }
    },

    async saveContact(user: User, year: number, code: string, raw: unknown): Promise<void> {
      const { state } = await editable(user, year, code);
      const input = parse(contactSchema, raw);
      if (!state.structured.includes('structured-contact')) throw notFound('รายการนี้ไม่มีข้อมูลการติดต่อ');
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const r = oitRepository(tx);
        const existing = await r.findContent(agencyId, year, 'contact');
        if (existing) await r.updateContent(agencyId, existing.id, JSON.stringify(input), actor.userId, now());
        else await r.insertContent({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, kind: 'contact', content: JSON.stringify(input), updated_by: actor.userId, created_at: now(), updated_at: now() });
        await touch(tx, await ensureRow(tx, agencyId, year, code, actor), actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.contact.update', entityType: 'oit_content', entityId: existing?.id ?? null, details: { year, code, ...input } });
      });
    },

    /** Adds or updates an executive from the O2 page, with an optional photo (images only). */
    async saveExecutive(user: User, year: number, code: string, executiveId: string | null, raw: unknown, photo?: StagedFile): Promise<void> {
      try {
        const { state } = await editable(user, year, code);
        const r0 = executiveSchema.safeParse(raw);
        if (!r0.success) throw validationError('กรุณาตรวจสอบข้อมูลผู้บริหาร', zodToFieldErrors(r0.error));
        if (!state.structured.includes('structured-executives')) throw notFound('รายการนี้ไม่มีข้อมูลผู้บริหาร');
        if (photo && !IMAGE_KINDS.includes(photo.kind)) throw new DomainError('UNSUPPORTED_MEDIA', 'รูปถ่ายต้องเป็นไฟล์รูปภาพ (PNG, JPEG, GIF หรือ WEBP)');
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        if (executiveId) await agencies.getExecutive(agencyId, executiveId);
        // The photo is recorded first: the executive row (agencies module) refers to it.
        const file = photo ? await withStaged([photo], (tx) => files.record(tx, actor, photo)) : undefined;
        if (executiveId) await agencies.updateExecutive(actor, agencyId, executiveId, r0.data, file ? file.id : undefined);
        else await agencies.addExecutive(actor, agencyId, r0.data, file?.id ?? null);
        await db.transaction().execute(async (tx) => {
          const row = await ensureRow(tx, agencyId, year, code, actor);
          await touch(tx, row, actor);
          if (file) await writeAudit(tx, clock, actor, { agencyId, action: 'oit.executive.photo', entityType: 'executive', entityId: executiveId, details: { year, code, fileId: file.id, sha256: file.sha256 } });
        });
      } catch (error) {
        await files.discard(photo);
        throw error;
      }
    },

    async removeExecutive(user: User, year: number, code: string, executiveId: string): Promise<void> {
      const { state } = await editable(user, year, code);
      if (!state.structured.includes('structured-executives')) throw notFound('รายการนี้ไม่มีข้อมูลผู้บริหาร');
      await agencies.removeExecutive(actorOf(user), user.agencyId, executiveId);
    },

    // ----- files for staff

    /** Any stored file of the signed-in user's agency that OIT refers to (evidence versions, photos, chart). */
    async staffFile(user: User, fileId: string): Promise<StoredFile> {
      if (!can(user.roles, 'oit.edit') && !canManage(user)) throw forbidden();
      const file = await files.get(user.agencyId, fileId);
      if (!file) throw notFound('ไม่พบไฟล์');
      return file;
    },

    // ----- generated evidence from other modules

    /**
     * Attaches (or refreshes) evidence another module produces — the measures document, complaint
     * statistics, e-service reports — to its item. One entry per (item, source, sourceRef); calling
     * again updates it, adding a file version when a staged file is given.
     */
    async attachGenerated(
      agencyId: string,
      year: number,
      code: string,
      input: GeneratedEvidence,
      staged?: StagedFile,
    ): Promise<string> {
      const catalogue = await requireCatalogue(year);
      const item = requireItem(catalogue, code);
      const elements = checkElements(item, input.elements ?? []);
      // A generated file is read like an upload; a generated page without a file is judged by its stated period.
      const read = staged ? await readFacts(staged) : undefined;
      const actor = SYSTEM_ACTOR;
      return withStaged([staged], async (tx) => {
        const row = await ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        const existing = await r.findEvidenceBySource(agencyId, row.id, input.source, input.sourceRef ?? null);
        const id = existing?.id ?? randomUUID();
        const ts = now();
        const fields = { title: input.title, url: input.url ?? null, period_from: input.periodFrom ?? null, period_to: input.periodTo ?? null, elements: JSON.stringify(elements), updated_at: ts };
        if (existing) await r.updateEvidence(agencyId, id, fields);
        else await r.insertEvidence({ id, agency_id: agencyId, item_id: row.id, kind: 'generated', current_version_id: null, source: input.source, source_ref: input.sourceRef ?? null, outdated: 0, sort_order: await r.nextSortOrder(agencyId, row.id), created_by: null, created_at: ts, ...fields });
        if (staged && read) await addVersion(tx, actor, agencyId, id, staged, read);
        await touch(tx, row, actor);
        await writeAudit(tx, clock, actor, { agencyId, action: existing ? 'oit.evidence.refresh' : 'oit.evidence.generate', entityType: 'oit_evidence', entityId: id, details: { year, code, source: input.source, title: input.title } });
        return id;
      });
    },

    /**
     * Attaches generated evidence to "the item with role `role` in year `year`", whatever its code
     * that year. No such item (a year whose catalogue lacks it) → nothing happens, null returned.
     */
    async attachGeneratedByRole(
      agencyId: string,
      year: number,
      role: string,
      evidence: GeneratedEvidenceByRole,
      staged?: StagedFile,
    ): Promise<string | null> {
      const catalogue = Number.isInteger(year) ? await catalogueOf(year) : undefined;
      const item = catalogue ? itemWithRole(catalogue, role) : undefined;
      if (!item) {
        await files.discard(staged);
        return null;
      }
      const { claimElements, ...rest } = evidence;
      return service.attachGenerated(agencyId, year, item.code, { ...rest, ...(claimElements ? { elements: claimElements(item.elements) } : {}) }, staged);
    },

    // ----- public portal

    /**
     * Whether the coordinator has published the item (status "เผยแพร่แล้ว"): what another module's
     * public page of a generated report asks before showing it.
     */
    async isPublished(agencyId: string, year: number, code: string): Promise<boolean> {
      return (await repo.findItem(agencyId, year, code))?.status === 'published';
    },

    async publicYear(slug: string, year: number): Promise<{ agency: Agency; view: YearView }> {
      const agency = await findAgencyBySlug(slug);
      return { agency, view: await loadYear(agency.id, year, { withPeople: false }) };
    },

    /** The current file of a published item's evidence, by the entry's stable id. */
    async publicEvidenceFile(slug: string, year: number, code: string, evidenceId: string): Promise<StoredFile> {
      const agency = await findAgencyBySlug(slug);
      const ev = await repo.findEvidence(agency.id, evidenceId);
      if (!ev || ev.code !== code || Number(ev.fiscal_year) !== year || !ev.file_id) throw notFound('ไม่พบไฟล์');
      const item = await repo.findItem(agency.id, year, code);
      if (item?.status !== 'published') throw notFound('ไม่พบไฟล์');
      const file = await files.get(agency.id, ev.file_id);
      if (!file) throw notFound('ไม่พบไฟล์');
      return file;
    },

    /** A photo or structure chart shown on a published item's page. */
    async publicFile(slug: string, fileId: string): Promise<StoredFile> {
      const agency = await findAgencyBySlug(slug);
      const file = await files.get(agency.id, fileId);
      if (!file) throw notFound('ไม่พบไฟล์');
      for (const year of await repo.listYears(agency.id)) {
        const catalogue = await catalogueOf(year);
        if (!catalogue) continue;
        const published = new Set((await repo.listItems(agency.id, year)).filter((i) => i.status === 'published').map((i) => i.code));
        const shows = (check: string) => catalogue.oitItems.some((i) => published.has(i.code) && structuredChecksOf(i).includes(check as never));
        if (shows('structured-executives') && (await agencies.listExecutives(agency.id)).some((e) => e.photoFileId === fileId)) return file;
        if (shows('structured-structure') && parseStructure((await repo.findContent(agency.id, year, 'structure'))?.content)?.chartFileId === fileId) return file;
      }
      throw notFound('ไม่พบไฟล์');
    },

    // ----- new year from last year

    /** What starting `toYear` from `fromYear` would carry over, for review before doing it. */
    async carryOverPlan(agencyId: string, toYear: number, fromYear = toYear - 1): Promise<CarryOverView> {
      const [from, to] = await Promise.all([loadYear(agencyId, fromYear, { withPeople: false }), loadYear(agencyId, toYear, { withPeople: false })]);
      const plan = planCarryOver(from.catalogue.oitItems, to.catalogue.oitItems);
      const rows = plan.mappings.map((m) => {
        const evidence = from.items.find((i) => i.code === m.fromCode)!.evidence;
        return {
          mapping: m,
          evidenceCount: evidence.length,
          outdatedCount: evidence.filter((e) => isOutdated(m.toPeriod, toYear, { from: e.periodFrom, to: e.periodTo })).length,
          targetHasEvidence: hasWork(to.items.find((i) => i.code === m.toCode)!),
        };
      });
      return { fromYear, toYear, rows, dropped: plan.dropped, added: plan.added, structure: !!from.structure && !to.structure, contact: !!from.contact && !to.contact };
    },

    /**
     * Carries the chosen items' evidence (by last year's codes) into the new year: same files (a
     * new entry whose first version is the old file), links, periods and responsible unit.
     * Dated evidence that does not cover the new year is flagged outdated, never passed as new.
     * Items that already have evidence this year are left alone. Structure and contact are copied
     * when the new year has none.
     */
    async carryOver(user: User, toYear: number, fromYear: number, fromCodes: string[]): Promise<{ items: number; evidence: number; outdated: number }> {
      if (!canManage(user)) throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่เริ่มปีใหม่จากปีก่อนได้');
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      const [from, to] = await Promise.all([loadYear(agencyId, fromYear, { withPeople: false }), loadYear(agencyId, toYear, { withPeople: false })]);
      const plan = planCarryOver(from.catalogue.oitItems, to.catalogue.oitItems);
      const chosen = plan.mappings.filter((m) => fromCodes.includes(m.fromCode));
      if (chosen.length === 0) throw validationError('กรุณาเลือกรายการที่จะยกมาอย่างน้อยหนึ่งรายการ', [{ field: 'codes', message: 'กรุณาเลือกรายการที่จะยกมาอย่างน้อยหนึ่งรายการ' }]);
      const fromRows = await repo.listEvidence(agencyId, fromYear);
      return db.transaction().execute(async (tx) => {
        const r = oitRepository(tx);
        const totals = { items: 0, evidence: 0, outdated: 0 };
        // Items NACC merged bring several old items into one new item: the first fills it in this
        // run, the others add to it rather than being skipped as "already worked on".
        const filledNow = new Set<string>();
        const declaredNow = new Set<string>();
        for (const m of chosen) {
          const target = to.items.find((i) => i.code === m.toCode)!;
          if (hasWork(target) && !filledNow.has(m.toCode)) continue;
          filledNow.add(m.toCode);
          const source = from.items.find((i) => i.code === m.fromCode)!;
          const row = await ensureRow(tx, agencyId, toYear, m.toCode, actor);
          const keys = new Set(target.item.elements.map((e) => e.key));
          let order = 0;
          for (const ev of fromRows.filter((e) => e.code === m.fromCode)) {
            const outdated = isOutdated(m.toPeriod, toYear, { from: ev.period_from, to: ev.period_to });
            const id = randomUUID();
            const ts = now();
            await r.insertEvidence({ id, agency_id: agencyId, item_id: row.id, kind: ev.kind, title: ev.title, url: ev.url, current_version_id: null, period_from: ev.period_from, period_to: ev.period_to, elements: JSON.stringify(parseList(ev.elements).filter((k) => keys.has(k))), source: 'carry-over', source_ref: ev.id, outdated: outdated ? 1 : 0, sort_order: order++, created_by: actor.userId, created_at: ts, updated_at: ts });
            if (ev.file_id) {
              const versionId = randomUUID();
              await r.insertVersion({ id: versionId, agency_id: agencyId, evidence_id: id, version_no: 1, file_id: ev.file_id, text_layer: ev.text_layer, facts: ev.facts, created_by: actor.userId, created_at: ts });
              await r.updateEvidence(agencyId, id, { current_version_id: versionId });
            }
            totals.evidence++;
            if (outdated) totals.outdated++;
          }
          // Pointers of undated items still hold; dated items must be looked at again.
          if (m.toPeriod === 'none') {
            for (const [key, pointer] of Object.entries(source.declarations)) {
              if (!keys.has(key) || declaredNow.has(`${m.toCode}:${key}`)) continue;
              declaredNow.add(`${m.toCode}:${key}`);
              await r.insertDeclaration({ id: randomUUID(), agency_id: agencyId, item_id: row.id, element_key: key, pointer, declared_by: actor.userId, created_at: now(), updated_at: now() });
            }
          }
          await r.updateItem(agencyId, row.id, { status: 'in_progress', unit_id: source.unit?.id ?? null, updated_by: actor.userId, updated_at: now() });
          totals.items++;
        }
        for (const kind of ['structure', 'contact'] as const) {
          const old = await r.findContent(agencyId, fromYear, kind);
          if (old && !(await r.findContent(agencyId, toYear, kind))) {
            await r.insertContent({ id: randomUUID(), agency_id: agencyId, fiscal_year: toYear, kind, content: old.content, updated_by: actor.userId, created_at: now(), updated_at: now() });
          }
        }
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.carry_over', entityType: 'oit_year', entityId: String(toYear), details: { fromYear, toYear, codes: chosen.map((m) => `${m.fromCode}→${m.toCode}`), ...totals } });
        return totals;
      });
    },

    // ----- import from an existing site

    /**
     * Imports a vendor site's list (CSV or XLSX of year, item, title, link) as link evidence into
     * the matching items of each year; rows that match nothing come back with the reason, links an
     * item already has are skipped. Coordinators only; one audit entry for the import.
     *
     * Bounded and gentle on the database: at most MAX_IMPORT_ROWS rows; matching is linear
     * (indexes per year, a Set of existing links); new links are written in batches of
     * IMPORT_BATCH rows, each its own short transaction, yielding to other requests between
     * batches and reporting progress. A failure stops the import after the batches already
     * committed; links are independent and importing the same file again skips them.
     */
    async importVendor(user: User, bytes: Buffer, fileName: string, progress: (done: number, total: number) => void = () => {}): Promise<ImportReport> {
      if (!canManage(user)) throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่นำเข้าข้อมูลได้');
      const isXlsx = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      let table: string[][];
      try {
        table = isXlsx ? await xlsxTable(bytes) : parseCsv(decodeCsv(bytes));
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw validationError('อ่านไฟล์ไม่ได้', [{ field: 'upload', message: 'อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ CSV หรือ Excel (XLSX) ที่มีคอลัมน์ ปี ข้อ ชื่อ และลิงก์' }]);
      }
      if (table.length > MAX_IMPORT_ROWS + 1) {
        throw validationError('ไฟล์มีจำนวนแถวเกินกำหนด', [{ field: 'upload', message: `ไฟล์มี ${table.length.toLocaleString('th-TH')} แถว เกินกว่า ${MAX_IMPORT_ROWS.toLocaleString('th-TH')} แถวที่นำเข้าได้ต่อครั้ง กรุณาแบ่งเป็นหลายไฟล์` }]);
      }
      const rows = toVendorRows(table);
      if (rows.length === 0) throw validationError('ไม่พบข้อมูลในไฟล์', [{ field: 'upload', message: 'ไม่พบแถวข้อมูลในไฟล์' }]);
      const catalogues = new Map<number, OitItem[] | undefined>();
      for (const be of new Set(rows.map((r) => parseYear(r.year)))) if (be) catalogues.set(be, (await catalogueOf(be))?.oitItems);
      const { matched, unmatched } = matchVendorRows(rows, (y) => catalogues.get(y));
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      const report: ImportReport = { imported: [], duplicates: [], unmatched: [...unmatched] };

      // What each year already holds, in one query per year: links (for duplicates) and order.
      const seen = new Set<string>();
      const perItem = new Map<string, { count: number; next: number }>();
      const key = (year: number, code: string) => `${year}\n${code}`;
      for (const year of new Set(matched.map((m) => m.year))) {
        for (const e of await repo.listEvidenceKeys(agencyId, year)) {
          if (e.url) seen.add(`${key(year, e.code)}\n${e.url}`);
          const slot = perItem.get(key(year, e.code)) ?? { count: 0, next: 0 };
          perItem.set(key(year, e.code), { count: slot.count + 1, next: Math.max(slot.next, Number(e.sort_order) + 1) });
        }
      }
      const toInsert: ImportMatch[] = [];
      for (const m of matched) {
        const linkKey = `${key(m.year, m.code)}\n${m.url}`;
        if (seen.has(linkKey)) {
          report.duplicates.push(m);
          continue;
        }
        const slot = perItem.get(key(m.year, m.code)) ?? { count: 0, next: 0 };
        if (slot.count >= MAX_LINKS_PER_ITEM) {
          report.unmatched.push({ row: m.row, message: `ข้อ ${m.code} ปี ${m.year} มีหลักฐานครบ ${MAX_LINKS_PER_ITEM} รายการแล้ว (ไม่นำเข้าเพิ่ม)` });
          continue;
        }
        seen.add(linkKey);
        perItem.set(key(m.year, m.code), { count: slot.count + 1, next: slot.next });
        toInsert.push(m);
      }
      report.unmatched.sort((a, b) => a.row - b.row);

      progress(0, toInsert.length);
      const itemRows = new Map<string, OitItemRow>();
      for (let i = 0; i < toInsert.length; i += IMPORT_BATCH) {
        const batch = toInsert.slice(i, i + IMPORT_BATCH);
        await db.transaction().execute(async (tx) => {
          const r = oitRepository(tx);
          const touched = new Map<string, OitItemRow>();
          const values = [];
          for (const m of batch) {
            const k = key(m.year, m.code);
            const row = itemRows.get(k) ?? (await ensureRow(tx, agencyId, m.year, m.code, actor));
            itemRows.set(k, row);
            touched.set(row.id, row);
            const slot = perItem.get(k)!;
            const ts = now();
            values.push({ id: randomUUID(), agency_id: agencyId, item_id: row.id, kind: 'link', title: m.title, url: m.url, current_version_id: null, period_from: null, period_to: null, elements: '[]', source: 'import', source_ref: `${fileName.slice(0, 100)}#${m.row}`, outdated: 0, sort_order: slot.next, created_by: actor.userId, created_at: ts, updated_at: ts });
            slot.next++;
          }
          await r.insertEvidenceMany(values);
          for (const row of touched.values()) {
            await touch(tx, row, actor);
            row.status = row.status === 'not_started' ? 'in_progress' : row.status;
          }
        });
        report.imported.push(...batch);
        progress(Math.min(i + IMPORT_BATCH, toInsert.length), toInsert.length);
        await yieldToOthers();
      }
      await writeAudit(db, clock, actor, { agencyId, action: 'oit.import', entityType: 'oit_import', entityId: null, details: { fileName: fileName.slice(0, 200), imported: report.imported.length, duplicates: report.duplicates.length, unmatched: report.unmatched.length } });
      return report;
    },

    // ----- self-audit

    /**
     * Fetches the year's public pages and files as an evaluator would (see self-audit.ts), from
     * `baseUrl` — the built-in portal by default. Reads only; bounded requests.
     */
    /** Sites the web form offers to audit: the built-in portal and the agency's own website. */
    async auditBases(agencyId: string): Promise<string[]> {
      const agency = await agencies.getAgency(agencyId);
      const own = agency.websiteUrl && URL.canParse(agency.websiteUrl) ? new URL(agency.websiteUrl).origin : null;
      return [...new Set([config.publicBaseUrl.replace(/\/$/, ''), ...(own ? [own] : [])])];
    },

    /**
     * The product's own portal is read in process (`ownSite`, given by the route or CLI that has
     * the app): the server never fetches itself over HTTP. Any other site goes through the
     * platform's outbound fetch, which reaches public internet addresses only.
     */
    async selfAudit(agencyId: string, year: number, opts: { baseUrl?: string; fetchImpl?: FetchLike; ownSite?: FetchLike } = {}): Promise<AuditReport> {
      const catalogue = await requireCatalogue(year);
      const agency = await agencies.getAgency(agencyId);
      const baseUrl = opts.baseUrl ?? config.publicBaseUrl;
      if (!isHttpUrl(baseUrl)) throw validationError('ที่อยู่เว็บไซต์ไม่ถูกต้อง', [{ field: 'baseUrl', message: 'ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย https:// หรือ http://' }]);
      const own = new URL(baseUrl).origin === new URL(config.publicBaseUrl).origin;
      if (own && !opts.fetchImpl && !opts.ownSite) throw validationError('ตรวจเว็บไซต์ของระบบนี้ได้จากหน้าเว็บหรือคำสั่ง CLI เท่านั้น');
      const policy = { selfOrigins: [config.publicBaseUrl], allowPrivate: config.outboundAllowPrivate };
      const fetchImpl: FetchLike = opts.fetchImpl ?? (own ? opts.ownSite! : (url, init) => outboundFetch(url, policy, { ...init, maxRedirects: 0 }));
      return runSelfAudit({ baseUrl, slug: agency.slug, year, codes: catalogue.oitItems.map((i) => i.code), fetchImpl });
    },

    // ----- ITAS export

    async exportRows(agencyId: string, year: number): Promise<{ agency: Agency; rows: ItasRow[] }> {
      const agency = await agencies.getAgency(agencyId);
      const view = await loadYear(agencyId, year, { withPeople: false });
      const base = config.publicBaseUrl.replace(/\/$/, '');
      return {
        agency,
        rows: view.items.map((s) => ({
          code: s.code,
          titleTh: s.item.titleTh,
          url: `${base}${publicItemUrl(agency.slug, year, s.code)}`,
          status: s.status,
          evidence: evidenceSummary(s, { executives: view.executives.length > 0, structure: !!view.structure, contact: !!view.contact }),
        })),
      };
    },

    /**
     * FY evidence for the demo agency in mixed states (see demo.ts). Loaded on demand so the
     * server never loads the demo's PDF maker.
     */
    async seedDemoOit(agencyId: string, year: number): Promise<void> {
      const { seedDemoOitWith } = await import('./demo.js');
      await seedDemoOitWith(service, files, agencyId, year);
    },
  };
  return service;
}
export type OitService = ReturnType<typeof oitService>;

/** One line per item for ITAS: what the page shows, e.g. "ไฟล์ 2 รายการ, ลิงก์ 1 รายการ: รายงาน…; …". */
/** An item someone has already worked on this year (evidence or declarations) is not overwritten. */
const hasWork = (s: Pick<ItemState, 'evidence' | 'declarations'>) => s.evidence.length > 0 || Object.keys(s.declarations).length > 0;

export function evidenceSummary(s: Pick<ItemState, 'evidence' | 'structured' | 'result'>, present: { executives: boolean; structure: boolean; contact: boolean }): string {
  const files = s.evidence.filter((e) => e.kind !== 'link').length;
  const links = s.evidence.filter((e) => e.kind === 'link').length;
  const parts: string[] = [];
  if (s.structured.includes('structured-executives') && present.executives) parts.push('ข้อมูลผู้บริหาร');
  if (s.structured.includes('structured-structure') && present.structure) parts.push('โครงสร้างหน่วยงาน');
  if (s.structured.includes('structured-contact') && present.contact) parts.push('ข้อมูลการติดต่อ');
  if (files) parts.push(`ไฟล์ ${files} รายการ`);
  if (links) parts.push(`ลิงก์ ${links} รายการ`);
  const titles = s.evidence.map((e) => e.title).slice(0, 5).join('; ');
  const head = parts.length ? parts.join(', ') : 'ยังไม่มีหลักฐาน';
  return `${head}${titles ? `: ${titles}` : ''} (ครบ ${s.result.satisfied}/${s.result.total} องค์ประกอบ)`;
}
