/**
 * The ITA catalogue of each fiscal year as the rest of Prongsai sees it: the active imported
 * version from `catalogue_versions` when an administrator has imported one, else the file shipped
 * under ./data. Every module that scores or writes (results, plan, documents) must read the
 * catalogue through `getCatalogue` so that an imported correction takes effect everywhere at once.
 *
 * An import is validated completely (shape, cross-references, version) before anything is
 * written; it then becomes the year's active version and the older one is deactivated in the same
 * transaction, with an audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CatalogueDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { nowIso } from '../../shared/clock.js';
import { DomainError, notFound, validationError, type FieldError } from '../../shared/errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { Catalogue, OitItem } from './domain/schema.js';
import { findOitItemByRole, inferMissingRoles, type OitRole } from './domain/roles.js';
import { mapCatalogueYears, type YearMap } from './domain/year-map.js';
import { parseCatalogue } from './domain/validate.js';
import { catalogueFromXlsx, catalogueToXlsx } from './domain/xlsx.js';
import { loadShippedCatalogues } from './shipped.js';
import { catalogueRepository, type CatalogueVersionHead } from './repository.js';

export type CatalogueFileKind = 'json' | 'xlsx';
export type CatalogueSourceKind = 'shipped' | 'imported';

/** One year in the catalogue list. */
export interface CatalogueSummary {
  fiscalYear: number;
  version: string;
  status: Catalogue['status'];
  source: CatalogueSourceKind;
  /** When the active imported version was imported (ISO), null for a shipped file. */
  importedAt: string | null;
  /** The shipped file's version when an import overrides it. */
  shippedVersion: string | null;
  indicatorCount: number;
  questionCount: number;
  oitItemCount: number;
  /** How the year turns scores into a level: AA–F bands or the rating labels (from FY2566). */
  ratingKind: Catalogue['rating']['kind'];
  /** Facts marked `verified: false` anywhere in the catalogue. */
  unverifiedCount: number;
}

export interface CatalogueEntry {
  catalogue: Catalogue;
  summary: CatalogueSummary;
}

/** Counts every record in the catalogue whose `verified` is false (tools, items, elements, bands …). */
export function countUnverified(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countUnverified(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = (value as { verified?: unknown }).verified === false ? 1 : 0;
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') n += countUnverified(v);
  return n;
}

// Catalogue objects are immutable once loaded; count their unverified facts once.
const unverifiedCounts = new WeakMap<Catalogue, number>();
function unverifiedOf(c: Catalogue): number {
  let n = unverifiedCounts.get(c);
  if (n === undefined) unverifiedCounts.set(c, (n = countUnverified(c)));
  return n;
}

function summarize(c: Catalogue, source: CatalogueSourceKind, importedAt: string | null, shippedVersion: string | null): CatalogueSummary {
  return {
    fiscalYear: c.fiscalYear,
    version: c.version,
    status: c.status,
    source,
    importedAt,
    shippedVersion,
    indicatorCount: c.indicators.length,
    questionCount: c.questions.length,
    oitItemCount: c.oitItems.length,
    ratingKind: c.rating.kind,
    unverifiedCount: unverifiedOf(c),
  };
}

const COLLECTIONS: Record<string, string> = {
  tools: 'เครื่องมือ',
  indicators: 'ตัวชี้วัด',
  questions: 'คำถาม',
  oitItems: 'รายการ OIT',
  calendar: 'ปฏิทิน',
  'rating.bands': 'ระดับผลการประเมิน',
  'rating.rules': 'ระดับผลการประเมิน',
  subIndicators: 'ตัวชี้วัดย่อย',
  elements: 'องค์ประกอบ',
};

/**
 * A JSON path such as `oitItems.10.code` in words an editor can find in the file:
 * "รายการ OIT ลำดับที่ 11 (O11) ช่อง code". Indexes in paths are 0-based; people count from 1.
 */
export function describeJsonPath(raw: unknown, path: string): string {
  if (!path) return '';
  const parts = path.split('.');
  const words: string[] = [];
  let node: unknown = raw;
  let prefix: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part) && Array.isArray(node)) {
      const item: unknown = node[Number(part)];
      const name = COLLECTIONS[prefix.join('.')] ?? COLLECTIONS[prefix[prefix.length - 1] ?? ''] ?? prefix.join('.');
      const code = item && typeof item === 'object' ? ((item as Record<string, unknown>).code ?? (item as Record<string, unknown>).no ?? (item as Record<string, unknown>).key) : undefined;
      words.push(`${name} ลำดับที่ ${Number(part) + 1}${code !== undefined && code !== null && code !== '' ? ` (${String(code)})` : ''}`);
      node = item;
      prefix = [];
      continue;
    }
    prefix.push(part);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    const next = parts[i + 1];
    const isCollection = next !== undefined && /^\d+$/.test(next);
    if (!isCollection && i === parts.length - 1) words.push(`ช่อง ${prefix.join('.')}`);
  }
  return words.join(' ');
}

/** Decodes an uploaded JSON catalogue; a file that is not JSON gives one Thai error. */
function readJson(buffer: Uint8Array): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, errors: [{ field: 'ไฟล์', message: 'อ่านไฟล์ไม่ได้ ไฟล์ JSON ต้องเข้ารหัส UTF-8' }] };
  }
  if (text.trim() === '') return { ok: false, errors: [{ field: 'ไฟล์', message: 'ไฟล์ว่างเปล่า' }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { ok: false, errors: [{ field: 'ไฟล์', message: `ไฟล์นี้ไม่ใช่ JSON ที่ถูกต้อง${where}` }] };
  }
}

/** "json" or "xlsx" from the file name, else from the bytes (a ZIP is a workbook). */
export function catalogueKindOf(filename: string, buffer: Uint8Array): CatalogueFileKind {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'json') return 'json';
  if (ext === 'xlsx') return 'xlsx';
  return buffer.length >= 2 && buffer[0] === 0x50 && buffer[1] === 0x4b ? 'xlsx' : 'json';
}

export interface CatalogueDeps {
  db: Kysely<CatalogueDb>;
  clock: Clock;
}

export function catalogueService({ db, clock }: CatalogueDeps) {
  const repo = catalogueRepository(db);
  // Stored versions never change (a correction is a new row), so parsed catalogues are cached by
  // row id. The active row is looked up on every call, so an import by another process (the CLI)
  // takes effect at once; and one object per version keeps the analysis' per-catalogue index warm.
  const parsed = new Map<string, Catalogue>();

  /** Imported lists often lack our role keys: take them from the shipped file of the year (or the year before). */
  function withInferredRoles(c: Catalogue): Catalogue {
    const shipped = loadShippedCatalogues();
    return inferMissingRoles(c, [shipped.get(c.fiscalYear), shipped.get(c.fiscalYear - 1)].filter((x): x is Catalogue => !!x));
  }

  async function fromRow(row: CatalogueVersionHead): Promise<Catalogue> {
    const hit = parsed.get(row.id);
    if (hit) return hit;
    const r = parseCatalogue(JSON.parse(await repo.contentOf(row.id)) as unknown);
    if (!r.ok) {
      throw new DomainError(
        'CONFLICT',
        `แคตตาล็อกปีงบประมาณ ${row.fiscal_year} รุ่น ${row.version} ที่นำเข้าไว้ไม่ผ่านการตรวจสอบของระบบรุ่นปัจจุบัน กรุณานำเข้าแคตตาล็อกที่แก้ไขแล้วอีกครั้ง`,
        r.errors,
      );
    }
    const catalogue = withInferredRoles(r.catalogue);
    parsed.set(row.id, catalogue);
    return catalogue;
  }

  async function getCatalogue(fiscalYear: number): Promise<Catalogue | undefined> {
    const row = await repo.findActive(fiscalYear);
    return row ? await fromRow(row) : loadShippedCatalogues().get(fiscalYear);
  }

  async function listEntries(): Promise<CatalogueEntry[]> {
    const shipped = loadShippedCatalogues();
    const imported = new Map<number, CatalogueVersionHead>();
    for (const row of await repo.listActive()) {
      const year = Number(row.fiscal_year);
      if (!imported.has(year)) imported.set(year, row);
    }
    const years = [...new Set([...shipped.keys(), ...imported.keys()])].sort((a, b) => a - b);
    const entries: CatalogueEntry[] = [];
    for (const year of years) {
      const row = imported.get(year);
      const base = shipped.get(year);
      if (row) {
        const catalogue = await fromRow(row);
        entries.push({ catalogue, summary: summarize(catalogue, 'imported', row.created_at, base?.version ?? null) });
      } else entries.push({ catalogue: base!, summary: summarize(base!, 'shipped', null, null) });
    }
    return entries;
  }

  return {
    /**
     * The catalogue in force for a fiscal year, or undefined when the year has none.
     * @example const fy2565 = await catalogues.getCatalogue(2565);
     */
    getCatalogue,

    /** Like getCatalogue, but a missing year is a Thai 404. */
    async requireCatalogue(fiscalYear: number): Promise<Catalogue> {
      const c = await getCatalogue(fiscalYear);
      if (!c) throw notFound(`ยังไม่มีแคตตาล็อก ITA ของปีงบประมาณ ${fiscalYear}`);
      return c;
    },

    /**
     * The OIT item playing `role` in the catalogue in force for `fiscalYear` (an imported
     * correction included); undefined when the year or the item does not exist.
     * @example const item = await catalogues.findOitItemByRole(2569, 'complaint-statistics'); // O18
     */
    async findOitItemByRole(fiscalYear: number, role: OitRole): Promise<OitItem | undefined> {
      const c = await getCatalogue(fiscalYear);
      return c ? findOitItemByRole(c, role) : undefined;
    },

    /**
     * The year-to-year map of OIT items between two catalogues in force (persisting, merged,
     * dropped, added); a Thai 404 when either year has no catalogue.
     */
    async yearMap(fromYear: number, toYear: number): Promise<YearMap> {
      const [from, to] = await Promise.all([getCatalogue(fromYear), getCatalogue(toYear)]);
      if (!from) throw notFound(`ยังไม่มีแคตตาล็อก ITA ของปีงบประมาณ ${fromYear}`);
      if (!to) throw notFound(`ยังไม่มีแคตตาล็อก ITA ของปีงบประมาณ ${toYear}`);
      return mapCatalogueYears(from, to);
    },

    /** Every year in force, ascending, with version, status, source and counts. */
    async listYears(): Promise<CatalogueSummary[]> {
      return (await listEntries()).map((e) => e.summary);
    },

    /** One year with its summary; undefined when the year has no catalogue. */
    async getEntry(fiscalYear: number): Promise<CatalogueEntry | undefined> {
      return (await listEntries()).find((e) => e.catalogue.fiscalYear === fiscalYear);
    },

    /**
     * Every catalogue in force, by year: a snapshot for the synchronous importers
     * (`parseResultsCsv(bytes, await catalogues.allCatalogues())`).
     */
    async allCatalogues(): Promise<Map<number, Catalogue>> {
      return new Map((await listEntries()).map((e) => [e.catalogue.fiscalYear, e.catalogue]));
    },

    /** Imported versions of a year, newest first (for the year page's history). */
    async listImportedVersions(fiscalYear: number) {
      return (await repo.listVersionsOfYear(fiscalYear)).map((r) => ({
        id: r.id,
        version: r.version,
        active: Number(r.active) === 1,
        importedBy: r.imported_by,
        importedAt: r.created_at,
      }));
    },

    /**
     * Validates an uploaded catalogue (JSON or XLSX) completely and, only if it is valid, makes
     * it the year's active version. Throws a VALIDATION DomainError whose field errors name the
     * sheet, row and field (XLSX) or the JSON path; nothing is written then.
     */
    async importCatalogue(
      actor: Actor,
      buffer: Uint8Array,
      kind: CatalogueFileKind,
      opts: { agencyId?: string | null } = {},
    ): Promise<CatalogueSummary> {
      let result: { ok: true; catalogue: Catalogue } | { ok: false; errors: FieldError[] };
      if (kind === 'xlsx') {
        result = await catalogueFromXlsx(buffer);
      } else {
        const json = readJson(buffer);
        if (!json.ok) result = json;
        else {
          const r = parseCatalogue(json.value);
          result = r.ok
            ? r
            : {
                ok: false,
                // JSON has no rows: the field names the record the way an editor finds it.
                errors: r.errors.map((e) => ({ ...e, field: describeJsonPath(json.value, e.field) || e.field })),
              };
        }
      }
      if (!result.ok) {
        throw validationError('แคตตาล็อกไม่ผ่านการตรวจสอบ จึงยังไม่ได้นำเข้า แคตตาล็อกที่ใช้อยู่ไม่เปลี่ยนแปลง', result.errors);
      }
      const catalogue = result.catalogue;
      const current = await getCatalogue(catalogue.fiscalYear);
      if (current && current.version === catalogue.version) {
        throw validationError('แคตตาล็อกไม่ผ่านการตรวจสอบ จึงยังไม่ได้นำเข้า แคตตาล็อกที่ใช้อยู่ไม่เปลี่ยนแปลง', [
          {
            field: 'version',
            message: `รุ่น (version) ${catalogue.version} ซ้ำกับรุ่นที่ใช้อยู่ของปีงบประมาณ ${catalogue.fiscalYear} กรุณาเปลี่ยนรุ่นทุกครั้งที่แก้ไข เช่น ${nextVersion(catalogue.version)}`,
          },
        ]);
      }

      const id = randomUUID();
      const createdAt = nowIso(clock);
      await db.transaction().execute(async (tx) => {
        const r = catalogueRepository(tx);
        await r.deactivateYear(catalogue.fiscalYear);
        await r.insert({
          id,
          fiscal_year: catalogue.fiscalYear,
          version: catalogue.version,
          content: JSON.stringify(catalogue),
          active: 1,
          imported_by: actor.userId,
          created_at: createdAt,
        });
        await writeAudit(tx, clock, actor, {
          agencyId: opts.agencyId ?? null,
          action: 'catalogue.import',
          entityType: 'catalogue_version',
          entityId: id,
          details: { fiscalYear: catalogue.fiscalYear, version: catalogue.version, previousVersion: current?.version ?? null, format: kind },
        });
      });
      parsed.set(id, withInferredRoles(catalogue));
      return summarize(catalogue, 'imported', createdAt, loadShippedCatalogues().get(catalogue.fiscalYear)?.version ?? null);
    },

    /** The year's catalogue as pretty JSON, the same format the import reads. */
    async exportJson(fiscalYear: number): Promise<string> {
      const c = await getCatalogue(fiscalYear);
      if (!c) throw notFound(`ยังไม่มีแคตตาล็อก ITA ของปีงบประมาณ ${fiscalYear}`);
      return `${JSON.stringify(c, null, 2)}\n`;
    },

    /** The year's catalogue as a workbook an officer can correct and import again. */
    async exportXlsx(fiscalYear: number): Promise<Buffer> {
      const c = await getCatalogue(fiscalYear);
      if (!c) throw notFound(`ยังไม่มีแคตตาล็อก ITA ของปีงบประมาณ ${fiscalYear}`);
      return catalogueToXlsx(c);
    },
  };
}
export type CatalogueService = ReturnType<typeof catalogueService>;

/** "2565.1" → "2565.2"; anything else gets ".1" appended. */
function nextVersion(version: string): string {
  const m = /^(.*?)(\d+)$/.exec(version);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${version}.1`;
}
