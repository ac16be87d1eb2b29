/**
 * The structured content of each report type, with the elements NACC requires as required
 * fields: a report cannot be produced without "ปัญหา อุปสรรค" and "ข้อเสนอแนะ" (the seed agency
 * lost O12, O20 and O43 for leaving them out). Every message names the field in Thai.
 */
import { z } from 'zod';

export const REPORT_KINDS = ['measures', 'anti-corruption-plan', 'anti-corruption-report', 'operating-plan-report', 'generic'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const isReportKind = (v: string): v is ReportKind => (REPORT_KINDS as readonly string[]).includes(v);

export const KIND_LABELS: Record<ReportKind, string> = {
  measures: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'anti-corruption-plan': 'แผนปฏิบัติการป้องกันการทุจริต',
  'anti-corruption-report': 'รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต',
  'operating-plan-report': 'รายงานผลการดำเนินงานตามแผนดำเนินงานประจำปี',
  generic: 'รายงาน',
};

const PROBLEMS = 'ปัญหา อุปสรรค';
const SUGGESTIONS = 'ข้อเสนอแนะ';
const required = (label: string, max = 8000) =>
  z
    .string({ error: `กรุณากรอก "${label}"` })
    .trim()
    .min(1, `กรุณากรอก "${label}" — รายงานที่ไม่มี${label} ไม่ครบองค์ประกอบที่ ป.ป.ช. กำหนด`)
    .max(max, `"${label}" ยาวเกิน ${max} ตัวอักษร`);
const optionalText = (max = 8000) => z.string().trim().max(max).default('');
const money = (label: string) =>
  z.coerce.number({ error: `"${label}" ต้องเป็นตัวเลข` }).min(0, `"${label}" ต้องไม่ติดลบ`).max(1e11, `"${label}" มากเกินไป`);

export const problemsSchema = z.object({ problems: required(PROBLEMS), suggestions: required(SUGGESTIONS) });

export const measuresContentSchema = problemsSchema.extend({ summary: optionalText() });
export type MeasuresContent = z.infer<typeof measuresContentSchema>;

/** A project of the anti-corruption plan: name, budget, period, responsible unit. */
export const planProjectSchema = z.object({
  name: required('ชื่อโครงการ/กิจกรรม', 500),
  budget: money('งบประมาณ'),
  period: required('ระยะเวลาดำเนินการ', 200),
  unit: required('หน่วยงานที่รับผิดชอบ', 200),
});
export type PlanProject = z.infer<typeof planProjectSchema>;

export const antiCorruptionPlanSchema = z.object({
  intro: optionalText(),
  projects: z.array(planProjectSchema).min(1, 'กรุณาเพิ่มโครงการ/กิจกรรมอย่างน้อย ๑ รายการ').max(300),
});
export type AntiCorruptionPlanContent = z.infer<typeof antiCorruptionPlanSchema>;

/** A project's results: what was planned, what was spent and what came of it. */
export const resultProjectSchema = z.object({
  name: required('ชื่อโครงการ/กิจกรรม', 500),
  budget: money('งบประมาณที่ได้รับ'),
  spent: money('งบประมาณที่ใช้'),
  result: required('ผลการดำเนินงาน', 2000),
  unit: optionalText(200),
});
export type ResultProject = z.infer<typeof resultProjectSchema>;

export const projectsReportSchema = problemsSchema.extend({
  summary: optionalText(),
  projects: z.array(resultProjectSchema).min(1, 'กรุณาเพิ่มโครงการ/กิจกรรมอย่างน้อย ๑ รายการ').max(2000),
});
export type ProjectsReportContent = z.infer<typeof projectsReportSchema>;

/** Sections named by the item's elements (element key → text), plus problems/suggestions when the item asks. */
export const genericContentSchema = z.object({
  sections: z.record(z.string(), z.string().trim().max(20000)),
  problems: optionalText(),
  suggestions: optionalText(),
});
export type GenericContent = z.infer<typeof genericContentSchema>;

export const KIND_SCHEMAS = {
  measures: measuresContentSchema,
  'anti-corruption-plan': antiCorruptionPlanSchema,
  'anti-corruption-report': projectsReportSchema,
  'operating-plan-report': projectsReportSchema,
  generic: genericContentSchema,
} as const;

/** Which rounds a kind has: plans have none (0), reports 6 and 12. */
export const KIND_ROUNDS: Record<ReportKind, readonly (0 | 6 | 12)[]> = {
  measures: [6, 12],
  'anti-corruption-plan': [0],
  'anti-corruption-report': [6, 12],
  'operating-plan-report': [6, 12],
  generic: [0, 6, 12],
};
