/**
 * ITA results of an agency, one record per fiscal year: entry (form, API), import from CSV, XLSX
 * or JSON, and the analysis. Every input is validated against the year's catalogue as it is in
 * force (through the catalogue service, so an imported correction counts), an import is all or
 * nothing in one transaction, and every change writes an audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { nowIso } from '../../shared/clock.js';
import { notFound, validationError, type FieldError } from '../../shared/errors.js';
import { writeAudit, writeAuditMany, type Actor } from '../../platform/audit.js';
import { itaResultsBulkRepository } from './bulk-repository.js';
import type { Catalogue, CatalogueService } from '../catalogue/index.js';
import type { Agency, AgenciesService } from '../agencies/index.js';
import { analyze, type HistoryPoint } from './domain/analysis.js';
import { parseResultsJson, type ImportedResults } from './domain/results-input.js';
import {
  FIXED_HEADERS,
  parseResultsCsv,
  parseResultsXlsx,
  resultsTemplateCsv,
  resultsTemplateXlsx,
  type ResultsRow,
} from './domain/results-table.js';
import type { Analysis, OitOutcome, ResultsInput } from './domain/types.js';
import { itaResultsRepository } from './repository.js';
import type { ItaResultRow } from './tables.js';

/** One stored agency-year. */
export interface ResultsRecord {
  id: string;
  agencyId: string;
  fiscalYear: number;
  input: ResultsInput;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** A line of the results list: the official figures and what the year's rules compute. */
export interface ResultsYearSummary {
  fiscalYear: number;
  officialScore: number | null;
  officialLevel: string | null;
  /** Null when the year has no catalogue any more. */
  computedTotal: number | null;
  computedLevel: string | null;
  computedLevelLabelTh: string | null;
  passed: boolean | null;
  flagCount: number;
  updatedAt: string;
}

/** What the analysis page, the plan and the documents need, from one consistent read. */
export interface ResultsAnalysis {
  record: ResultsRecord;
  catalogue: Catalogue;
  analysis: Analysis;
}

export type ResultsFileFormat = 'csv' | 'xlsx' | 'json';

export interface ImportOutcome {
  format: ResultsFileFormat;
  saved: { fiscalYear: number; created: boolean }[];
  /** The agency name a one-row file gave when it differs from the agency's (saved all the same). */
  otherAgencyName: string | null;
}

export const IMPORT_REJECTED = 'ไฟล์มีข้อผิดพลาด จึงไม่ได้นำเข้าข้อมูลใดเลย กรุณาแก้ไขตามรายการแล้วนำเข้าอีกครั้ง';
export const FORM_REJECTED = 'กรุณาตรวจสอบผลการประเมินที่กรอก';

// ---------------------------------------------------------------------------------------------
// Row ↔ record

function rowToRecord(row: ItaResultRow): ResultsRecord {
  const indicatorsRaw = JSON.parse(row.indicators) as Record<string, number>;
  const indicators: Record<number, number> = {};
  for (const [k, v] of Object.entries(indicatorsRaw)) indicators[Number(k)] = Number(v);
  const questions = JSON.parse(row.questions) as Record<string, number>;
  const oit = JSON.parse(row.oit) as Record<string, OitOutcome>;
  const input: ResultsInput = {
    fiscalYear: Number(row.fiscal_year),
    official: {
      ...(row.official_score !== null ? { score: Number(row.official_score) } : {}),
      ...(row.official_level ? { level: row.official_level } : {}),
    },
    indicators,
    ...(Object.keys(questions).length > 0 ? { questions } : {}),
    ...(Object.keys(oit).length > 0 ? { oit } : {}),
  };
  return {
    id: row.id,
    agencyId: row.agency_id,
    fiscalYear: Number(row.fiscal_year),
    input,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** ResultsInput → the JSON import format, so typed callers pass the very same checks as files. */
export function toJsonFormat(input: ResultsInput): Record<string, unknown> {
  return {
    fiscalYear: input.fiscalYear,
    ...(input.agencyName ? { agency: { name: input.agencyName } } : {}),
    official: {
      ...(input.official.score !== undefined ? { score: input.official.score } : {}),
      ...(input.official.level ? { level: input.official.level } : {}),
    },
    indicators: Object.fromEntries(Object.entries(input.indicators).map(([k, v]) => [String(k), v])),
    ...(input.questions ? { questions: input.questions } : {}),
    ...(input.oit ? { oit: input.oit } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages that name the field

/** The words an officer sees for a field of the JSON format / the form. */
export function fieldLabel(field: string, catalogue?: Catalogue): string | undefined {
  const [head, code] = [field.split('.')[0]!, field.split('.').slice(1).join('.')];
  switch (head) {
    case 'fiscalYear':
      return 'ปีงบประมาณ';
    case 'official':
      return code === 'score' ? 'คะแนนรวมที่ประกาศ' : code === 'level' ? 'ระดับที่ประกาศ' : undefined;
    case 'indicators': {
      if (!code) return 'คะแนนรายตัวชี้วัด';
      const name = catalogue?.indicators.find((i) => String(i.no) === code)?.nameTh;
      return `ตัวชี้วัดที่ ${code}${name ? ` (${name})` : ''}`;
    }
    case 'questions':
      return code ? `ข้อคำถาม ${code}` : 'คะแนนรายข้อคำถาม';
    case 'oit':
      return code ? `OIT ข้อ ${code}` : 'ผลรายการ OIT';
    default:
      return undefined;
  }
}

/** Prefixes each message with its field's label unless the message already names it. */
function labelled(errors: FieldError[], catalogue?: Catalogue): FieldError[] {
  return errors.map((e) => {
    const label = fieldLabel(e.field, catalogue);
    if (!label) return e;
    // "ตัวชี้วัดที่ 1" must not count as named by a message about "ตัวชี้วัดที่ 10".
    const short = label.replace(/ \(.*\)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`${short}(?!\\d)`).test(e.message) ? e : { ...e, message: `${label}: ${e.message}` };
  });
}

// ---------------------------------------------------------------------------------------------
// Files

const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/**
 * The format of an uploaded file, by its content first: a ZIP (or old OLE2 .xls) is a workbook,
 * text opening with { or [ is JSON, anything else is read as CSV. The name only breaks ties, so
 * a broken .xlsx gets an Excel message rather than a CSV one.
 */
export function detectResultsFormat(buffer: Uint8Array, filename: string): ResultsFileFormat {
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0])) return 'xlsx';
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xls') return 'xlsx';
  const head = new TextDecoder('utf-8').decode(buffer.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (ext === 'json') return 'json';
  return 'csv';
}

type RowsResult = { ok: true; rows: ResultsRow[] } | { ok: false; errors: FieldError[] };

function parseJsonFile(buffer: Uint8Array, catalogues: Map<number, Catalogue>): RowsResult {
  let value: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { ok: false, errors: [{ field: '', message: `ไฟล์นี้ไม่ใช่ JSON ที่ถูกต้อง หรือไม่ได้เข้ารหัส UTF-8${detail}` }] };
  }
  // One object is one agency-year; an array holds several, numbered from 1 as rows.
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return { ok: false, errors: [{ field: '', message: 'ไฟล์ไม่มีข้อมูลผลการประเมิน' }] };
  const errors: FieldError[] = [];
  const rows: ResultsRow[] = [];
  items.forEach((item, i) => {
    const r = parseResultsJson(item, catalogues);
    const row = Array.isArray(value) ? i + 1 : undefined;
    const catalogue = r.ok ? undefined : catalogues.get(Number((item as { fiscalYear?: unknown } | null)?.fiscalYear));
    if (!r.ok) errors.push(...labelled(r.errors, catalogue).map((e) => (row !== undefined ? { ...e, row } : e)));
    else rows.push({ ...r.value, sourceRow: row ?? 1 });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

const normName = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function belongsTo(row: ImportedResults, agency: Agency): boolean {
  if (row.agencyCode && row.agencyCode === agency.slug) return true;
  if (!row.agencyName) return !row.agencyCode;
  const name = normName(row.agencyName);
  return name === normName(agency.nameTh) || (!!agency.nameEn && name === normName(agency.nameEn));
}

// ---------------------------------------------------------------------------------------------

export interface ItaResultsDeps {
  db: Kysely<Database>;
  clock: Clock;
  catalogues: CatalogueService;
  agencies: AgenciesService;
}

export function itaResultsService({ db, clock, catalogues, agencies }: ItaResultsDeps) {
  const repo = itaResultsRepository(db);

  /** Validates a value in the JSON import format against the catalogues in force. */
  async function validate(raw: unknown): Promise<ImportedResults> {
    const all = await catalogues.allCatalogues();
    const r = parseResultsJson(raw, all);
    if (!r.ok) {
      const year = Number((raw as { fiscalYear?: unknown } | null)?.fiscalYear);
      throw validationError(FORM_REJECTED, labelled(r.errors, all.get(year)));
    }
    return r.value;
  }

  function toRow(agencyId: string, actor: Actor, input: ResultsInput, ts: string): ItaResultRow {
    return {
      id: randomUUID(),
      agency_id: agencyId,
      fiscal_year: input.fiscalYear,
      official_score: input.official.score ?? null,
      official_level: input.official.level ?? null,
      indicators: JSON.stringify(input.indicators),
      questions: JSON.stringify(input.questions ?? {}),
      oit: JSON.stringify(input.oit ?? {}),
      updated_by: actor.userId,
      created_at: ts,
      updated_at: ts,
    };
  }

  async function store(tx: Kysely<Database>, actor: Actor, agencyId: string, input: ResultsInput, action: string): Promise<boolean> {
    const { created } = await itaResultsRepository(tx).upsert(toRow(agencyId, actor, input, nowIso(clock)));
    await writeAudit(tx, clock, actor, {
      agencyId,
      action,
      entityType: 'ita_results',
      entityId: `${agencyId}:${input.fiscalYear}`,
      details: {
        fiscalYear: input.fiscalYear,
        created,
        officialScore: input.official.score ?? null,
        officialLevel: input.official.level ?? null,
        failedOit: Object.entries(input.oit ?? {}).filter(([, o]) => !o.passed).map(([code]) => code),
      },
    });
    return created;
  }

  async function saveValidated(actor: Actor, agencyId: string, valid: ImportedResults): Promise<ResultsRecord> {
    // Agency name and code in the input are only for matching files; the record belongs to agencyId.
    const { agencyName: _n, agencyCode: _c, ...input } = valid;
    await db.transaction().execute((tx) => store(tx, actor, agencyId, input, 'results.save'));
    return (await getResults(agencyId, input.fiscalYear))!;
  }

  async function getResults(agencyId: string, fiscalYear: number): Promise<ResultsRecord | undefined> {
    const row = await repo.find(agencyId, fiscalYear);
    return row ? rowToRecord(row) : undefined;
  }

  /** Earlier totals of the agency: the official score where one was entered, else the computed total. */
  async function historyBefore(agencyId: string, fiscalYear: number): Promise<HistoryPoint[]> {
    const history: HistoryPoint[] = [];
    for (const row of await repo.listByAgency(agencyId)) {
      const year = Number(row.fiscal_year);
      if (year >= fiscalYear) continue;
      const rec = rowToRecord(row);
      if (rec.input.official.score !== undefined) {
        history.push({ fiscalYear: year, total: rec.input.official.score });
        continue;
      }
      const cat = await catalogues.getCatalogue(year);
      if (cat) history.push({ fiscalYear: year, total: analyze(cat, rec.input).total.computed });
    }
    return history;
  }

  /**
   * Reads a results file (CSV, XLSX or JSON, told apart by content) against the catalogues in
   * force: every row, or a VALIDATION error listing every problem (row and column named).
   */
  async function parseFile(buffer: Uint8Array, filename: string): Promise<{ format: ResultsFileFormat; rows: ResultsRow[] }> {
    const all = await catalogues.allCatalogues();
    const format = detectResultsFormat(buffer, filename);
    const parsed: RowsResult =
      format === 'json' ? parseJsonFile(buffer, all) : format === 'xlsx' ? await parseResultsXlsx(buffer, all) : parseResultsCsv(buffer, all);
    if (!parsed.ok) throw validationError(IMPORT_REJECTED, parsed.errors);
    return { format, rows: parsed.rows };
  }

  return {
    parseFile,

    /**
     * Stores many agencies' validated rows inside the caller's transaction (the deployment's bulk
     * import): multi-row upserts in batches, one audit entry per agency-year as a single save writes.
     */
    async saveMany(tx: Kysely<Database>, actor: Actor, entries: readonly { agencyId: string; row: ResultsRow }[]): Promise<number> {
      const ts = nowIso(clock);
      const rows = entries.map(({ agencyId, row }) => {
        const { agencyName: _n, agencyCode: _c, sourceRow: _r, ...input } = row;
        return { agencyId, input, record: toRow(agencyId, actor, input, ts) };
      });
      await itaResultsBulkRepository(tx).upsertMany(rows.map((r) => r.record));
      await writeAuditMany(
        tx,
        clock,
        actor,
        rows.map(({ agencyId, input }) => ({
          agencyId,
          action: 'results.import',
          entityType: 'ita_results',
          entityId: `${agencyId}:${input.fiscalYear}`,
          details: { fiscalYear: input.fiscalYear, officialScore: input.official.score ?? null, officialLevel: input.official.level ?? null, bulk: true },
        })),
      );
      return rows.length;
    },

    /**
     * Validates and stores one agency-year (insert or replace), with an audit entry.
     * @example await results.saveResults(actor, agency.id, { fiscalYear: 2565, official: { score: 65.66, level: 'C' }, indicators: { 1: 86.05, … } })
     */
    async saveResults(actor: Actor, agencyId: string, input: ResultsInput): Promise<ResultsRecord> {
      return saveValidated(actor, agencyId, await validate(toJsonFormat(input)));
    },

    /** Same as saveResults for a value in the JSON import format (the entry form builds one). */
    async saveResultsJson(actor: Actor, agencyId: string, raw: unknown): Promise<ResultsRecord> {
      return saveValidated(actor, agencyId, await validate(raw));
    },

    getResults,

    /** Every year the agency has results for, newest first, with official and computed figures. */
    async listYears(agencyId: string): Promise<ResultsYearSummary[]> {
      const all = await catalogues.allCatalogues();
      return (await repo.listByAgency(agencyId))
        .map(rowToRecord)
        .sort((a, b) => b.fiscalYear - a.fiscalYear)
        .map((rec) => {
          const cat = all.get(rec.fiscalYear);
          const a = cat ? analyze(cat, rec.input) : undefined;
          return {
            fiscalYear: rec.fiscalYear,
            officialScore: rec.input.official.score ?? null,
            officialLevel: rec.input.official.level ?? null,
            computedTotal: a?.total.computed ?? null,
            computedLevel: a?.level.computed ?? null,
            computedLevelLabelTh: a?.level.computedLabelTh ?? null,
            passed: a?.passed ?? null,
            flagCount: a?.flags.length ?? 0,
            updatedAt: rec.updatedAt,
          };
        });
    },

    /**
     * The analysis of an agency-year with the year's catalogue in force and the agency's earlier
     * years as history. A year without results is a Thai 404.
     */
    async analysisFor(agencyId: string, fiscalYear: number): Promise<ResultsAnalysis> {
      const record = await getResults(agencyId, fiscalYear);
      if (!record) throw notFound(`ยังไม่ได้บันทึกผลการประเมิน ITA ปีงบประมาณ ${fiscalYear}`);
      const catalogue = await catalogues.requireCatalogue(fiscalYear);
      const agency = await agencies.getAgency(agencyId);
      const analysis = analyze(catalogue, { ...record.input, agencyName: agency.nameTh }, await historyBefore(agencyId, fiscalYear));
      return { record, catalogue, analysis };
    },

    /**
     * Imports a results file (CSV, XLSX or JSON, told apart by content) into one agency. Rows of
     * other agencies are an error unless the file holds exactly one row; any error rejects the
     * whole file and nothing is written. All rows are stored in one transaction.
     */
    async importFile(actor: Actor, agencyId: string, buffer: Uint8Array, filename: string): Promise<ImportOutcome> {
      const agency = await agencies.getAgency(agencyId);
      const { format, rows } = await parseFile(buffer, filename);
      const errors: FieldError[] = [];
      const nameField = format === 'json' ? 'agency.name' : FIXED_HEADERS.agencyName;
      if (rows.length > 1) {
        for (const r of rows) {
          if (!belongsTo(r, agency)) {
            errors.push({
              row: r.sourceRow,
              field: r.agencyName || format === 'json' ? nameField : FIXED_HEADERS.agencyCode,
              message: `หน่วยงาน "${r.agencyName ?? r.agencyCode}" ไม่ใช่ ${agency.nameTh} ไฟล์ที่มีหลายแถวต้องมีเฉพาะผลของหน่วยงานนี้`,
            });
          }
        }
      }
      const firstRowOfYear = new Map<number, number>();
      for (const r of rows) {
        const first = firstRowOfYear.get(r.fiscalYear);
        if (first !== undefined) {
          errors.push({ row: r.sourceRow, field: format === 'json' ? 'fiscalYear' : FIXED_HEADERS.fiscalYear, message: `ปีงบประมาณ ${r.fiscalYear} ซ้ำกับแถวที่ ${first}` });
        } else firstRowOfYear.set(r.fiscalYear, r.sourceRow);
      }
      if (errors.length > 0) throw validationError(IMPORT_REJECTED, errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

      const saved = await db.transaction().execute(async (tx) => {
        const out: { fiscalYear: number; created: boolean }[] = [];
        for (const r of rows) {
          const { agencyName: _n, agencyCode: _c, sourceRow: _r, ...input } = r;
          out.push({ fiscalYear: input.fiscalYear, created: await store(tx, actor, agencyId, input, 'results.import') });
        }
        return out;
      });
      const only = rows.length === 1 ? rows[0]! : undefined;
      const otherAgencyName = only && !belongsTo(only, agency) ? (only.agencyName ?? only.agencyCode ?? null) : null;
      return { format, saved, otherAgencyName };
    },

    /** The CSV template of a year (header and an example row), as the importer reads it. */
    async templateCsv(fiscalYear: number): Promise<string> {
      return resultsTemplateCsv(await catalogues.requireCatalogue(fiscalYear));
    },

    /** The XLSX template of a year (data sheet with input checks and a Thai instructions sheet). */
    async templateXlsx(fiscalYear: number): Promise<Buffer> {
      return resultsTemplateXlsx(await catalogues.requireCatalogue(fiscalYear));
    },
  };
}
export type ItaResultsService = ReturnType<typeof itaResultsService>;
