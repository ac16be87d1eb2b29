/**
 * The JSON import format of one agency-year of results (see docs/results-import.md):
 *
 * ```json
 * { "fiscalYear": 2565, "agency": { "name": "เทศบาลตำบลปรุใหญ่" },
 *   "official": { "score": 65.66, "level": "C" },
 *   "indicators": { "1": 86.05, "2": 76.39, …, "10": 18.75 },
 *   "questions": { "I28": 70.1 },
 *   "oit": { "O2": { "passed": false, "reason": "ไม่แสดงข้อมูลผู้บริหาร…" } } }
 * ```
 *
 * Two passes, both always run so that the officer sees every problem at once: the zod schema
 * checks shapes and values (scores 0–100, Thai digits converted), and the catalogue pass checks
 * the codes against the year (every indicator present, no unknown indicator, question, OIT item
 * or level).
 */
import { z } from 'zod';
import type { Catalogue } from '../../catalogue/index.js';
import type { FieldError } from '../../../shared/errors.js';
import { zodToFieldErrors } from '../../../shared/zod-errors.js';
import type { OitOutcome, ResultsInput } from './types.js';
import { findLevel, indexCatalogue, levelListTh, lookupCatalogue, type CatalogueSource } from './catalogue-index.js';
import {
  indicatorNumber,
  noCatalogueMessage,
  normalizeOitCode,
  normalizeQuestionCode,
  parseFiscalYear,
  parseOitPassed,
  parseScore,
  shown,
  type ValueResult,
} from './values.js';

/** An imported agency-year: the results plus the agency's own code when the file gives one. */
export type ImportedResults = ResultsInput & { agencyCode?: string };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Turns a value parser into a zod field whose failure message is the parser's Thai message. */
function fromParser<T>(parse: (raw: unknown) => ValueResult<T>) {
  return z.unknown().transform((raw, ctx) => {
    const r = parse(raw);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });
}

const scoreField = fromParser((raw) => parseScore(raw, true)).pipe(z.number());
const optionalScoreField = fromParser((raw) => parseScore(raw, false)).optional();
const oitField = fromParser<OitOutcome>((raw) => {
  // Either {"passed": false, "reason": "…"} or the shorthand false / "ไม่ผ่าน".
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const passedRaw = isObject ? (raw as Record<string, unknown>).passed : raw;
  const reasonRaw = isObject ? (raw as Record<string, unknown>).reason : undefined;
  const passed = parseOitPassed(passedRaw);
  if (!passed.ok) return passed;
  if (passed.value === undefined) return { ok: false, message: 'ต้องระบุผล ผ่าน หรือ ไม่ผ่าน (ช่อง passed)' };
  if (reasonRaw !== undefined && reasonRaw !== null && typeof reasonRaw !== 'string') {
    return { ok: false, message: 'เหตุผล (reason) ต้องเป็นข้อความ' };
  }
  const reason = typeof reasonRaw === 'string' ? reasonRaw.trim() : '';
  return { ok: true, value: reason ? { passed: passed.value, reason } : { passed: passed.value } };
});

/** A Thai message for a missing or wrongly shaped object field, with an example of the shape. */
const objectError = (example: string, required: boolean) => (issue: { input?: unknown }) =>
  issue.input === undefined && required ? `ต้องระบุข้อมูลนี้ เช่น ${example}` : `ต้องเป็นออบเจกต์ เช่น ${example}`;

/** Shapes and values of the JSON format; codes are checked against the catalogue afterwards. */
export const resultsJsonSchema = z.object({
  fiscalYear: fromParser(parseFiscalYear),
  agency: z
    .object({
      name: z.string().trim().max(300, 'ชื่อหน่วยงานยาวเกิน 300 ตัวอักษร').optional(),
      code: z.string().trim().max(50, 'รหัสหน่วยงานยาวเกิน 50 ตัวอักษร').optional(),
    }, { error: objectError('{"name": "เทศบาลตำบล…"}', false) })
    .optional(),
  official: z
    .object({
      score: optionalScoreField,
      level: z.string().trim().nullish(),
    }, { error: objectError('{"score": 65.66, "level": "C"}', false) })
    .optional(),
  indicators: z.record(z.string(), scoreField, { error: objectError('{"1": 86.05, "2": 76.39, …}', true) }),
  questions: z.record(z.string(), scoreField, { error: objectError('{"I28": 70.1}', false) }).optional(),
  oit: z.record(z.string(), oitField, { error: objectError('{"O2": {"passed": false, "reason": "…"}}', false) }).optional(),
});

const TOP_LEVEL_KEYS = new Set(['fiscalYear', 'agency', 'official', 'indicators', 'questions', 'oit']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a parsed JSON value against the format and the year's catalogue.
 * @example
 * const r = parseResultsJson(JSON.parse(text), (y) => getShippedCatalogue(y));
 * if (!r.ok) r.errors // [{ field: 'indicators.3', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)' }]
 */
export function parseResultsJson(raw: unknown, catalogues: CatalogueSource): ParseResult<ImportedResults> {
  if (!isRecord(raw)) {
    return { ok: false, errors: [{ field: '', message: 'ข้อมูลต้องเป็นออบเจกต์ JSON ({ … }) ตามรูปแบบการนำเข้าผลการประเมิน' }] };
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key)) errors.push({ field: key, message: `ไม่รู้จักช่อง "${key}"` });
  }

  // reportInput lets the shared mapper tell "missing" from "wrong type" (zod 4 omits the input otherwise).
  const parsed = resultsJsonSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) errors.push(...zodToFieldErrors(parsed.error));

  const year = parseFiscalYear(raw.fiscalYear);
  const catalogue = year.ok ? lookupCatalogue(catalogues, year.value) : undefined;
  if (year.ok && !catalogue) errors.push({ field: 'fiscalYear', message: noCatalogueMessage(year.value) });
  if (catalogue) errors.push(...catalogueErrors(raw, catalogue));

  if (errors.length > 0 || !parsed.success || !catalogue) return { ok: false, errors: inFieldOrder(errors) };
  return { ok: true, value: toResultsInput(parsed.data, catalogue) };
}

/** Codes that do not exist in the year, indicators that are missing, levels the year does not use. */
function catalogueErrors(raw: Record<string, unknown>, catalogue: Catalogue): FieldError[] {
  const idx = indexCatalogue(catalogue);
  const errors: FieldError[] = [];
  const year = catalogue.fiscalYear;

  if (isRecord(raw.indicators)) {
    const seen = new Map<number, string>();
    for (const key of Object.keys(raw.indicators)) {
      const no = indicatorNumber(key);
      if (no === undefined || !idx.indicatorsByNo.has(no)) {
        errors.push({ field: `indicators.${key}`, message: `ปีงบประมาณ ${year} ไม่มีตัวชี้วัดที่ "${shown(key)}" (มีตัวชี้วัดที่ ${indicatorRange(catalogue)})` });
      } else if (seen.has(no)) {
        errors.push({ field: `indicators.${key}`, message: `ตัวชี้วัดที่ ${no} ซ้ำกับช่อง indicators.${seen.get(no)}` });
      } else seen.set(no, key);
    }
    for (const ind of catalogue.indicators) {
      if (!seen.has(ind.no)) {
        errors.push({ field: `indicators.${ind.no}`, message: `ต้องระบุคะแนนตัวชี้วัดที่ ${ind.no} (${ind.nameTh})` });
      }
    }
  }

  if (isRecord(raw.questions)) {
    const seen = new Set<string>();
    for (const key of Object.keys(raw.questions)) {
      const code = normalizeQuestionCode(key);
      if (!idx.questionsByCode.has(code)) {
        errors.push({ field: `questions.${key}`, message: `ไม่มีข้อคำถาม ${shown(key)} ในแคตตาล็อกของปีงบประมาณ ${year}` });
      } else if (seen.has(code)) errors.push({ field: `questions.${key}`, message: `ข้อคำถาม ${code} ซ้ำ` });
      seen.add(code);
    }
  }

  if (isRecord(raw.oit)) {
    const seen = new Set<string>();
    for (const key of Object.keys(raw.oit)) {
      const code = normalizeOitCode(key);
      if (!idx.oitByCode.has(code)) {
        errors.push({ field: `oit.${key}`, message: `ไม่มีข้อ ${shown(key)} ในรายการ OIT ของปีงบประมาณ ${year}` });
      } else if (seen.has(code)) errors.push({ field: `oit.${key}`, message: `ข้อ ${code} ซ้ำ` });
      seen.add(code);
    }
  }

  const level = isRecord(raw.official) ? raw.official.level : undefined;
  if (typeof level === 'string' && level.trim() !== '' && !findLevel(catalogue, level)) {
    errors.push({
      field: 'official.level',
      message: `ระดับ "${shown(level)}" ไม่มีในเกณฑ์ของปีงบประมาณ ${year} (ใช้ได้: ${levelListTh(catalogue)})`,
    });
  }
  return errors;
}

const SECTION_ORDER = ['fiscalYear', 'agency', 'official', 'indicators', 'questions', 'oit'];

/** Errors in the order of the format's fields (then codes in natural order), as an error summary lists them. */
function inFieldOrder(errors: FieldError[]): FieldError[] {
  const rank = (f: string) => {
    const i = SECTION_ORDER.indexOf(f.split('.')[0]!);
    return i === -1 ? -1 : i; // unknown top-level keys first
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.field) - rank(b.e.field) || a.e.field.localeCompare(b.e.field, 'en', { numeric: true }) || a.i - b.i)
    .map(({ e }) => e);
}

export function indicatorRange(catalogue: Catalogue): string {
  const nos = catalogue.indicators.map((i) => i.no).sort((a, b) => a - b);
  return nos.length > 1 ? `${nos[0]}–${nos[nos.length - 1]}` : String(nos[0]);
}

function toResultsInput(data: z.infer<typeof resultsJsonSchema>, catalogue: Catalogue): ImportedResults {
  const indicators: Record<number, number> = {};
  for (const [key, score] of Object.entries(data.indicators)) indicators[indicatorNumber(key)!] = score;
  const out: ImportedResults = {
    fiscalYear: data.fiscalYear,
    official: {},
    indicators,
  };
  if (data.agency?.name) out.agencyName = data.agency.name;
  if (data.agency?.code) out.agencyCode = data.agency.code;
  if (data.official?.score !== undefined) out.official.score = data.official.score;
  if (data.official?.level) out.official.level = findLevel(catalogue, data.official.level)!.code;
  if (data.questions) {
    out.questions = {};
    for (const [key, score] of Object.entries(data.questions)) out.questions[normalizeQuestionCode(key)] = score;
  }
  if (data.oit) {
    out.oit = {};
    for (const [key, outcome] of Object.entries(data.oit)) out.oit[normalizeOitCode(key)] = outcome;
  }
  return out;
}
