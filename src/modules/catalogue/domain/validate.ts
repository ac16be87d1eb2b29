/**
 * Validation of a catalogue coming from outside the code: an administrator's JSON upload, an
 * XLSX workbook, or a shipped file under test. The zod schema checks shapes and the rules every
 * consumer relies on (weights, unique codes, known indicators); this module adds the
 * cross-references a person editing a spreadsheet gets wrong most often, so the mistake is
 * reported with the field to fix instead of surfacing later as a wrong score or a missing item.
 */
import type { z } from 'zod';
import { catalogueSchema, type Catalogue } from './schema.js';
import { zodToFieldErrors } from '../../../shared/zod-errors.js';
import type { FieldError } from '../../../shared/errors.js';

export type CatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: FieldError[] };

/**
 * Parses and validates an unknown value as a catalogue.
 *
 * Field paths follow the JSON structure with 0-based indexes, e.g. `oitItems.10.code` is the
 * `code` of the eleventh OIT item; messages are Thai and name the item where that helps.
 *
 * @example
 * const r = parseCatalogue(JSON.parse(text));
 * if (!r.ok) return render400(r.errors);
 */
export function parseCatalogue(raw: unknown): CatalogueResult {
  // `reportInput` lets the shared zod→Thai mapping tell "missing" from "wrong type".
  const parsed = catalogueSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    return { ok: false, errors: zodToFieldErrors(parsed.error).map((e, i) => withAllowedValues(e, issues[i])) };
  }
  const errors = consistencyErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue: parsed.data };
}

/**
 * A person fixing a spreadsheet cell needs the accepted values, not only "not in the list";
 * the shared mapping keeps messages generic, so the catalogue adds them for its enums.
 */
function withAllowedValues(e: FieldError, issue: z.core.$ZodIssue | undefined): FieldError {
  if (issue?.code === 'invalid_value' && issue.values.length > 0 && issue.values.length <= 12) {
    return { ...e, message: `${e.message} (ใช้ได้: ${issue.values.map(String).join(', ')})` };
  }
  if (issue?.code === 'invalid_union' && ['rating', 'rating.kind'].includes(issue.path.join('.'))) {
    return { ...e, field: 'rating.kind', message: 'ชนิดของระดับผลการประเมินต้องเป็น bands หรือ labels' };
  }
  return e;
}

/** Cross-reference rules the schema does not express. Runs only on a shape-valid catalogue. */
export function consistencyErrors(cat: Catalogue): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  const indicators = new Map(cat.indicators.map((ind) => [ind.no, ind]));

  cat.indicators.forEach((ind, i) => {
    const subCodes = new Set<string>();
    ind.subIndicators.forEach((sub, j) => {
      if (!sub.code.startsWith(`${ind.no}.`)) {
        add(`indicators.${i}.subIndicators.${j}.code`, `ตัวชี้วัดย่อย ${sub.code} ต้องขึ้นต้นด้วย ${ind.no}. เพราะอยู่ใต้ตัวชี้วัดที่ ${ind.no}`);
      }
      if (subCodes.has(sub.code)) add(`indicators.${i}.subIndicators.${j}.code`, `ตัวชี้วัดย่อย ${sub.code} ซ้ำ`);
      subCodes.add(sub.code);
    });
  });

  cat.oitItems.forEach((item, i) => {
    const ind = indicators.get(item.indicator);
    if (!ind) return; // already reported by the schema
    if (ind.tool !== 'OIT') {
      add(`oitItems.${i}.indicator`, `รายการ ${item.code} อ้างถึงตัวชี้วัดที่ ${item.indicator} ซึ่งเป็นของเครื่องมือ ${ind.tool} ไม่ใช่ OIT`);
    }
    if (!item.subIndicator.startsWith(`${item.indicator}.`)) {
      add(`oitItems.${i}.subIndicator`, `รายการ ${item.code}: ตัวชี้วัดย่อย ${item.subIndicator} ไม่อยู่ใต้ตัวชี้วัดที่ ${item.indicator}`);
    } else if (ind.subIndicators.length > 0 && !ind.subIndicators.some((s) => s.code === item.subIndicator)) {
      // A year whose sub-indicators are unknown lists none; then any N.x under the right indicator is accepted.
      add(`oitItems.${i}.subIndicator`, `รายการ ${item.code}: ไม่มีตัวชี้วัดย่อย ${item.subIndicator} ในปีนี้`);
    }
    const keys = new Set<string>();
    item.elements.forEach((el, j) => {
      if (keys.has(el.key)) add(`oitItems.${i}.elements.${j}.key`, `รายการ ${item.code}: องค์ประกอบ ${el.key} ซ้ำ`);
      keys.add(el.key);
    });
  });

  cat.questions.forEach((q, i) => {
    if (!q.code.startsWith(q.tool.charAt(0))) {
      add(`questions.${i}.code`, `คำถาม ${q.code} ไม่ตรงกับเครื่องมือ ${q.tool} (รหัสคำถาม ${q.tool} ต้องขึ้นต้นด้วย ${q.tool.charAt(0)})`);
    }
    const ind = indicators.get(q.indicator);
    if (ind && ind.tool !== q.tool) {
      add(`questions.${i}.indicator`, `คำถาม ${q.code} อ้างถึงตัวชี้วัดที่ ${q.indicator} ซึ่งเป็นของเครื่องมือ ${ind.tool} ไม่ใช่ ${q.tool}`);
    }
  });

  // Levels are read top-down and the first one reached wins, so a band listed out of order
  // would silently never be used.
  if (cat.rating.kind === 'bands') {
    const bands = cat.rating.bands;
    bands.forEach((b, i) => {
      if (i > 0 && b.min >= bands[i - 1]!.min) {
        add(`rating.bands.${i}.min`, `ระดับ ${b.code} ต้องมีคะแนนต่ำสุดน้อยกว่าระดับ ${bands[i - 1]!.code} (เรียงจากสูงไปต่ำ)`);
      }
    });
    if (bands.length > 0 && bands[bands.length - 1]!.min !== 0) {
      add(`rating.bands.${bands.length - 1}.min`, 'ระดับสุดท้ายต้องเริ่มที่ 0 คะแนน เพื่อให้ทุกคะแนนมีระดับ');
    }
  } else {
    const rules = cat.rating.rules;
    rules.forEach((r, i) => {
      if (i > 0 && r.minTotal > rules[i - 1]!.minTotal) {
        add(`rating.rules.${i}.minTotal`, `ระดับ ${r.labelTh} ต้องมีคะแนนรวมขั้นต่ำไม่มากกว่าระดับ ${rules[i - 1]!.labelTh} (เรียงจากสูงไปต่ำ)`);
      }
    });
    if (rules.length > 0 && rules[rules.length - 1]!.minTotal !== 0) {
      add(`rating.rules.${rules.length - 1}.minTotal`, 'ระดับสุดท้ายต้องเริ่มที่ 0 คะแนน เพื่อให้ทุกคะแนนมีระดับ');
    }
  }
  const levelCodes = new Set<string>();
  const levels = cat.rating.kind === 'bands' ? cat.rating.bands : cat.rating.rules;
  levels.forEach((l, i) => {
    if (levelCodes.has(l.code)) add(`rating.${cat.rating.kind === 'bands' ? 'bands' : 'rules'}.${i}.code`, `รหัสระดับ ${l.code} ซ้ำ`);
    levelCodes.add(l.code);
  });

  const stepKeys = new Set<string>();
  cat.calendar.forEach((step, i) => {
    for (const end of ['from', 'to'] as const) {
      const problem = isoDateProblem(step[end]);
      if (problem) add(`calendar.${i}.${end}`, `ขั้นตอน ${step.labelTh}: ${problem}`);
    }
    if (step.from > step.to) add(`calendar.${i}.to`, `ขั้นตอน ${step.labelTh}: วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น`);
    if (stepKeys.has(step.key)) add(`calendar.${i}.key`, `ขั้นตอน ${step.key} ซ้ำ`);
    stepKeys.add(step.key);
  });

  return errors;
}

/**
 * Dates are stored in CE; officers think in BE, so a year such as 2565 typed into the CE field is
 * the likeliest mistake and gets its own message.
 */
function isoDateProblem(iso: string): string | undefined {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (y >= 2400) return `ปี ${y} ดูเหมือนเป็นปี พ.ศ. วันที่ต้องใช้ปี ค.ศ. (เช่น ${y - 543})`;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `ไม่มีวันที่ ${iso} ในปฏิทิน`;
  }
  return undefined;
}
