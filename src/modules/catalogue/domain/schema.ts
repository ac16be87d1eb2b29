/**
 * The ITA catalogue of one fiscal year, as data. One JSON file per year lives in
 * `src/modules/catalogue/data/fyNNNN.json`; an administrator may import a corrected
 * or new year (JSON or XLSX) and it is validated against this schema before it
 * replaces anything. Adding a year needs no code change.
 *
 * Facts that no primary source confirmed carry `verified: false` and a `note`,
 * so the UI can show them as "ยังไม่ยืนยัน" and invite a correction.
 */
import { z } from 'zod';
import { OIT_ROLES } from './roles.js';

export const TOOL_CODES = ['IIT', 'EIT', 'OIT'] as const;
export const toolCodeSchema = z.enum(TOOL_CODES);
export type ToolCode = z.infer<typeof toolCodeSchema>;

/** Provenance of a fact: where it came from and whether it was confirmed. */
const provenance = {
  verified: z.boolean().default(true),
  note: z.string().optional(),
};

export const toolSchema = z.object({
  code: toolCodeSchema,
  nameTh: z.string().min(1),
  nameEn: z.string().min(1),
  /** Weight in percent of the total score; all tools together make 100. */
  weight: z.number().positive().max(100),
  ...provenance,
});

export const subIndicatorSchema = z.object({
  code: z.string().regex(/^\d+\.\d+$/),
  nameTh: z.string().min(1),
  ...provenance,
});

export const indicatorSchema = z.object({
  no: z.number().int().min(1).max(20),
  tool: toolCodeSchema,
  nameTh: z.string().min(1),
  nameEn: z.string().min(1),
  /** What the indicator measures, in plain Thai; used in the strengths/weaknesses text. */
  descriptionTh: z.string().default(''),
  subIndicators: z.array(subIndicatorSchema).default([]),
  ...provenance,
});

/** A survey question (IIT I1…, EIT E1…) with the recommendation used when it scores low. */
export const questionSchema = z.object({
  code: z.string().regex(/^[IE]\d+$/),
  tool: z.enum(['IIT', 'EIT']),
  indicator: z.number().int(),
  textTh: z.string().min(1),
  /** The improvement advice (วิธีการพัฒนา) written into the measures document. */
  recommendationTh: z.string().default(''),
  ...provenance,
});

/**
 * Kinds of machine check an OIT element can carry. The OIT module implements each;
 * elements without a check are self-declared with a pointer to the evidence.
 */
export const ELEMENT_CHECKS = [
  'structured-structure', // O1: political and permanent-staff structure present
  'structured-executives', // O2: every executive has name, position, photo, contact
  'structured-contact', // O5: address, phone, e-mail, map
  'covers-fiscal-year', // document text names the item's fiscal year
  'covers-first-half', // document covers Oct–Mar of the fiscal year
  'covers-previous-year', // annual report of the previous fiscal year
  'has-problems-section', // text contains "ปัญหา" / "อุปสรรค"
  'has-suggestions-section', // text contains "ข้อเสนอแนะ"
  'pdf-text-layer', // PDF is not only a scanned image
  'https-link', // an HTTPS link reachable from the main site
] as const;
/** What each check does, in the words the catalogue pages show (never the code). */
export const ELEMENT_CHECK_LABELS: Record<(typeof ELEMENT_CHECKS)[number], { th: string; en: string }> = {
  'structured-structure': { th: 'มีแผนผังโครงสร้างฝ่ายการเมืองและฝ่ายประจำ', en: 'Political and permanent-staff structure present' },
  'structured-executives': { th: 'ผู้บริหารทุกคนมีชื่อ ตำแหน่ง รูปถ่าย และช่องทางติดต่อ', en: 'Every executive has name, position, photo and contact' },
  'structured-contact': { th: 'มีที่อยู่ โทรศัพท์ อีเมล และแผนที่', en: 'Address, telephone, e-mail and map present' },
  'covers-fiscal-year': { th: 'เอกสารระบุปีงบประมาณของรายการ', en: "The document names the item's fiscal year" },
  'covers-first-half': { th: 'เอกสารครอบคลุม ต.ค.–มี.ค. ของปีงบประมาณ', en: 'The document covers October to March' },
  'covers-previous-year': { th: 'เป็นรายงานของปีงบประมาณก่อนหน้า', en: 'An annual report of the previous fiscal year' },
  'has-problems-section': { th: 'มีหัวข้อปัญหา อุปสรรค', en: 'Has a problems section' },
  'has-suggestions-section': { th: 'มีหัวข้อข้อเสนอแนะ', en: 'Has a suggestions section' },
  'pdf-text-layer': { th: 'PDF มีชั้นข้อความ (ไม่ใช่ภาพสแกนอย่างเดียว)', en: 'The PDF has a text layer' },
  'https-link': { th: 'ลิงก์ HTTPS ที่เปิดได้จากเว็บไซต์หลัก', en: 'An HTTPS link reachable from the main site' },
};
export const elementCheckSchema = z.enum(ELEMENT_CHECKS);
export type ElementCheck = z.infer<typeof elementCheckSchema>;

export const oitElementSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  textTh: z.string().min(1),
  checks: z.array(elementCheckSchema).default([]),
  ...provenance,
});

/** Which period the evidence of an item must cover, relative to the assessed fiscal year. */
export const oitPeriodSchema = z.enum(['none', 'current-fy', 'first-half', 'previous-fy']);
export type OitPeriod = z.infer<typeof oitPeriodSchema>;

/** Stable role of an item across years (see ./roles.ts); the vocabulary is closed so a typo fails the import. */
export const oitRoleSchema = z.enum(OIT_ROLES);

export const oitItemSchema = z.object({
  code: z.string().regex(/^O\d+$/),
  /**
   * Optional in an imported file (an administrator may not know it); every shipped item has one
   * (a test checks it). Items without a role are matched between years by title only.
   */
  role: oitRoleSchema.optional(),
  /** Roles of older items NACC merged into this one (FY2569 O3 contact also holds the Q&A channel). */
  mergedRoles: z.array(oitRoleSchema).optional(),
  indicator: z.number().int(),
  subIndicator: z.string().regex(/^\d+\.\d+$/),
  groupTh: z.string().default(''),
  titleTh: z.string().min(1),
  elements: z.array(oitElementSchema).default([]),
  /**
   * Which fiscal year the evidence covers: the assessed year, its first six months, or the year
   * before (annual reports, FY2568/FY2569 complaint statistics). Period checks of the item's
   * elements are held to this (see `periodCheckFor`).
   */
  period: oitPeriodSchema.default('none'),
  /** Advice written into the measures document when the item fails. */
  recommendationTh: z.string().default(''),
  confidence: z.enum(['high', 'medium', 'low']).default('high'),
  ...provenance,
});

/**
 * How the year turns scores into a level:
 * - `bands` (FY2563–2565): the first band whose `min` the total reaches, bands listed high to low;
 * - `labels` (FY2566+, when NACC changed its Rating Score): the first rule met, where a rule may also require every tool to reach a score.
 */
export const bandSchema = z.object({
  code: z.string().min(1),
  labelTh: z.string().default(''),
  min: z.number().min(0).max(100),
  ...provenance,
});
export const labelRuleSchema = z.object({
  code: z.string().min(1),
  labelTh: z.string().min(1),
  minTotal: z.number().min(0).max(100),
  minEachTool: z.number().min(0).max(100).optional(),
  ...provenance,
});
export const ratingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bands'), bands: z.array(bandSchema).min(1) }),
  z.object({ kind: z.literal('labels'), rules: z.array(labelRuleSchema).min(1) }),
]);
export type Rating = z.infer<typeof ratingSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)');
export const calendarStepSchema = z.object({
  key: z.string().min(1),
  labelTh: z.string().min(1),
  /** Gregorian ISO dates: storage is CE, display is BE. */
  from: isoDate,
  to: isoDate,
  ...provenance,
});

export const catalogueSchema = z
  .object({
    fiscalYear: z.number().int().min(2560).max(2650),
    /** Bumped on every correction, e.g. "2565.1" → "2565.2". */
    version: z.string().min(1),
    /**
     * `provisional`: a year whose items come from an unofficial source or are copied from the
     * year before (FY2569, FY2570) until the official list is imported. `draft` is the older name
     * of the same thing, still read from files imported before it was renamed.
     */
    status: z.preprocess((v) => (v === 'draft' ? 'provisional' : v), z.enum(['complete', 'partial', 'provisional'])),
    summaryTh: z.string().default(''),
    sources: z.array(z.string()).default([]),
    tools: z.array(toolSchema).length(3),
    indicators: z.array(indicatorSchema).min(1),
    rating: ratingSchema,
    passMark: z.number().min(0).max(100),
    /** Indicators at or above this score are reported as strengths (จุดแข็ง). */
    strengthThreshold: z.number().min(0).max(100).default(80),
    questions: z.array(questionSchema).default([]),
    oitItems: z.array(oitItemSchema).default([]),
    calendar: z.array(calendarStepSchema).default([]),
  })
  .superRefine((cat, ctx) => {
    const weightSum = cat.tools.reduce((s, t) => s + t.weight, 0);
    if (Math.abs(weightSum - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['tools'], message: `น้ำหนักของเครื่องมือรวมกันต้องเท่ากับ 100 (ได้ ${weightSum})` });
    }
    const toolCodes = new Set(cat.tools.map((t) => t.code));
    if (toolCodes.size !== 3) ctx.addIssue({ code: 'custom', path: ['tools'], message: 'ต้องมีเครื่องมือ IIT, EIT และ OIT อย่างละหนึ่ง' });
    const seen = new Set<number>();
    cat.indicators.forEach((ind, i) => {
      if (seen.has(ind.no)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'no'], message: `ตัวชี้วัดที่ ${ind.no} ซ้ำ` });
      seen.add(ind.no);
    });
    for (const tool of toolCodes) {
      if (!cat.indicators.some((ind) => ind.tool === tool)) {
        ctx.addIssue({ code: 'custom', path: ['indicators'], message: `เครื่องมือ ${tool} ไม่มีตัวชี้วัด` });
      }
    }
    const codes = new Set<string>();
    const roles = new Map<string, string>();
    cat.oitItems.forEach((item, i) => {
      if (item.role) {
        const other = roles.get(item.role);
        if (other) ctx.addIssue({ code: 'custom', path: ['oitItems', i, 'role'], message: `รายการ ${item.code} มีบทบาท ${item.role} ซ้ำกับรายการ ${other}` });
        roles.set(item.role, item.code);
      }
      if (codes.has(item.code)) ctx.addIssue({ code: 'custom', path: ['oitItems', i, 'code'], message: `รายการ ${item.code} ซ้ำ` });
      codes.add(item.code);
      if (!seen.has(item.indicator)) {
        ctx.addIssue({ code: 'custom', path: ['oitItems', i, 'indicator'], message: `รายการ ${item.code} อ้างถึงตัวชี้วัดที่ ${item.indicator} ซึ่งไม่มีในปีนี้` });
      }
    });
    const qCodes = new Set<string>();
    cat.questions.forEach((q, i) => {
      if (qCodes.has(q.code)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'code'], message: `คำถาม ${q.code} ซ้ำ` });
      qCodes.add(q.code);
      if (!seen.has(q.indicator)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'indicator'], message: `คำถาม ${q.code} อ้างถึงตัวชี้วัดที่ ${q.indicator} ซึ่งไม่มีในปีนี้` });
      }
    });
  });

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;
export type Tool = z.infer<typeof toolSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Question = z.infer<typeof questionSchema>;
export type OitItem = z.infer<typeof oitItemSchema>;
export type OitElement = z.infer<typeof oitElementSchema>;
export type { OitRole } from './roles.js';
