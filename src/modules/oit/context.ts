/**
 * What every OIT use case shares: its dependencies, the year's catalogue, who may change an item,
 * the item row created on first change, reading an uploaded file's facts, and the whole-year view
 * (for pages and reports — a change to one item loads only that item, see `editable`).
 *
 * Who may change an item: coordinators (oit.manage) any item; staff with oit.edit only items
 * assigned to them — by name, or through the item's responsible unit being their unit.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OitDb, OitItemRow } from './tables.js';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { forbidden, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import type { Actor } from '../../platform/audit.js';
import { can } from '../../shared/permissions.js';
import type { FileStore, StagedFile, StoredFile } from '../../platform/file-store.js';
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { getShippedCatalogue } from '../catalogue/index.js';
import type { AgenciesService, Agency } from '../agencies/index.js';
import type { UsersService, User } from '../users/index.js';
import { oitRepository } from './repository.js';
import { defaultDueDate, evaluateItem, isOitStatus, readinessScore, structuredChecksOf, type OitStatus } from './domain/checks.js';
import { analyseText } from './domain/text-facts.js';
import { extractText, MAX_EXTRACT_BYTES } from './text-extract.js';
import { parseContact, parseStructure, toCheckEvidence, toEvidence, type ItemState, type YearView } from './model.js';

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

/** One item as a change to it needs it: never the whole year. */
export interface EditableItem {
  item: OitItem;
  /** The agency's row for the item; absent until the first change. */
  row: OitItemRow | undefined;
  status: OitStatus;
  structured: string[];
}

/** Who may change an item: what canEdit reads (an ItemState has it). */
export interface ItemHolders {
  unit: { id: string } | null;
  assignees: { id: string }[];
}

// The demo seed acts as a system coordinator whose id is empty: its audit entries name no user.
export const actorOf = (user: User): Actor => ({ userId: user.id || null, label: user.displayName });

export function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError } }, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError('กรุณาตรวจสอบข้อมูลที่กรอก', zodToFieldErrors(r.error));
  return r.data;
}

export const publicItemUrl = (slug: string, year: number, code: string) => `/a/${slug}/oit/${year}/${code}`;

export function oitContext(deps: OitDeps) {
  const { db, clock, files, agencies, users } = deps;
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

  /** Everything about one agency-year, with every item evaluated (pages, reports, exports). */
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
  function canEdit(user: User, holders: ItemHolders): boolean {
    if (canManage(user)) return true;
    if (!can(user.roles, 'oit.edit')) return false;
    return holders.assignees.some((a) => a.id === user.id) || (!!user.unitId && holders.unit?.id === user.unitId);
  }

  /**
   * The item a user wants to change, refusing users who may not change it. Reads the catalogue
   * item, the item's row and its assignees — one item, not the year.
   */
  async function editable(user: User, year: number, code: string): Promise<EditableItem> {
    const item = requireItem(await requireCatalogue(year), code);
    const row = await repo.findItem(user.agencyId, year, code);
    const assignees = row ? (await repo.listItemAssignees(user.agencyId, row.id)).map((id) => ({ id })) : [];
    if (!canEdit(user, { unit: row?.unit_id ? { id: row.unit_id } : null, assignees })) {
      throw forbidden('ท่านไม่มีสิทธิ์แก้ไขรายการนี้ เฉพาะผู้ที่ได้รับมอบหมายและผู้ประสานงาน ITA เท่านั้น');
    }
    return { item, row, status: row && isOitStatus(row.status) ? row.status : 'not_started', structured: structuredChecksOf(item) };
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

  /** Records a staged file as the entry's next version, inside the caller's transaction. */
  async function addVersion(tx: Kysely<OitDb>, actor: Actor, agencyId: string, evidenceId: string, staged: StagedFile, read: { textLayer: number | null; facts: string | null }): Promise<{ file: StoredFile; versionNo: number }> {
    const r = oitRepository(tx);
    const file = await files.record(tx, actor, staged);
    const versionNo = (await r.maxVersionNo(agencyId, evidenceId)) + 1;
    const versionId = randomUUID();
    await r.insertVersion({ id: versionId, agency_id: agencyId, evidence_id: evidenceId, version_no: versionNo, file_id: file.id, text_layer: read.textLayer, facts: read.facts, created_by: actor.userId, created_at: now() });
    await r.updateEvidence(agencyId, evidenceId, { current_version_id: versionId, updated_at: now() });
    return { file, versionNo };
  }

  /**
   * Runs `work` in ONE transaction; if anything in it fails, the staged files' bytes are removed
   * too, so a failed change leaves neither rows nor files (what the 500 page promises).
   */
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

  return { deps, db, clock, files, agencies, users, config: deps.config, repo, now, catalogueOf, requireCatalogue, requireItem, loadYear, canManage, canEdit, editable, ensureRow, touch, checkElements, readFacts, addVersion, withStaged, findAgencyBySlug };
}
export type OitContext = ReturnType<typeof oitContext>;
