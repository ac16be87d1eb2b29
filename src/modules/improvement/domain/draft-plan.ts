/**
 * Drafts the improvement plan (แผนการนำผลการประเมินไปปรับปรุง, section ๕ of the measures
 * document) from an analysis. The draft is a starting point that officers edit: one row per
 * weakness, steps taken from the catalogue's recommendation, a responsible unit guessed from
 * the subject, and the standard monitoring cycle with the 6- and 12-month report dates.
 *
 * Pure: the same analysis, catalogue, units and id factory give the same plan.
 */
import type { Catalogue, Question, ToolCode } from '../../catalogue/index.js';
import type { Analysis, FailedOitItem, QuestionResult } from '../../ita-results/index.js';
import { reportDueDate } from '../../../shared/fiscal.js';
import { validationError } from '../../../shared/errors.js';
import type { DrivingMeasure, ImprovementPlan, PlanRow, PlanRowSource } from './types.js';

export interface AgencyUnits {
  /** The agency's internal units (สำนัก/กอง/งาน), in the agency's own order. */
  units: string[];
  /** Unit used when no keyword matches; the first unit when not given. */
  defaultUnit?: string;
}

export interface DraftPlanOptions {
  /** Row id factory; defaults to random UUIDs. Tests pass a counter. */
  idFactory?: () => string;
}

const TOOLS: ToolCode[] = ['IIT', 'EIT', 'OIT'];

/**
 * @example
 * const plan = draftPlan(analysis, catalogue, { units: ['สำนักปลัด', 'กองคลัง'] }, { idFactory: counter() });
 * plan.rows[0].source // { kind: 'question', code: 'I28' }
 */
export function draftPlan(
  analysis: Analysis,
  catalogue: Catalogue,
  agency: AgencyUnits,
  opts: DraftPlanOptions = {},
): ImprovementPlan {
  const units = agency.units.map((u) => u.trim()).filter(Boolean);
  if (units.length === 0) throw validationError('ต้องกำหนดหน่วยงานภายในอย่างน้อยหนึ่งหน่วยก่อนจัดทำแผน');
  const defaultUnit = agency.defaultUnit && units.includes(agency.defaultUnit) ? agency.defaultUnit : units[0]!;
  const nextId = opts.idFactory ?? (() => globalThis.crypto.randomUUID());

  const resultsYear = analysis.fiscalYear;
  const targetYear = resultsYear + 1;
  const sixMonthDue = reportDueDate(targetYear, '6-month');
  const twelveMonthDue = reportDueDate(targetYear, '12-month');

  const drafts: RowDraft[] = [];
  for (const tool of TOOLS) {
    const lowest = analysis.lowestPerTool[tool];
    if (!lowest) continue;
    const questions = lowQuestions(lowest.questions, lowest.indicator, catalogue);
    for (const q of questions) drafts.push(questionDraft(q, tool, catalogue));
    const failedHere = analysis.failedOit.some((f) => f.indicator === lowest.indicator);
    if (questions.length === 0 && !failedHere) drafts.push(indicatorDraft(lowest.indicator, tool, analysis, catalogue));
  }
  for (const item of sortedFailedOit(analysis.failedOit)) drafts.push(oitDraft(item, catalogue));

  const rows: PlanRow[] = drafts.map((d, i) => {
    const unit = chooseUnit(d.subject, d.detail, units, defaultUnit);
    return {
      id: nextId(),
      order: i + 1,
      source: d.source,
      weaknessTh: d.weaknessTh,
      steps: d.steps,
      responsibleUnit: unit,
      monitoring: monitoringSteps(unit),
      sixMonthDue,
      twelveMonthDue,
    };
  });

  return { resultsYear, targetYear, rows, drivingMeasures: defaultDrivingMeasures(targetYear) };
}

interface RowDraft {
  source: PlanRowSource;
  weaknessTh: string;
  steps: string[];
  /** What the row is about (title, group, sub-indicator): matched first for the unit. */
  subject: string;
  /** Recommendation and reason: matched when the subject names no unit. */
  detail: string;
}

/**
 * The analysis lists the low questions of the lowest indicator. Without entered question scores
 * it may list none; then every catalogue question of that indicator is a candidate weakness.
 */
function lowQuestions(fromAnalysis: QuestionResult[], indicator: number, catalogue: Catalogue): QuestionResult[] {
  if (fromAnalysis.length > 0) return fromAnalysis;
  return catalogue.questions
    .filter((q) => q.indicator === indicator)
    .sort(byCodeNumber)
    .map((q) => ({ code: q.code, textTh: q.textTh, score: null, recommendationTh: q.recommendationTh }));
}

function questionDraft(q: QuestionResult, tool: ToolCode, catalogue: Catalogue): RowDraft {
  const fromCatalogue = catalogue.questions.find((c) => c.code === q.code);
  const recommendation = q.recommendationTh.trim() || fromCatalogue?.recommendationTh.trim() || '';
  const text = q.textTh.trim() || fromCatalogue?.textTh.trim() || q.code;
  const steps = stepsFromRecommendation(recommendation);
  if (steps.length === 0) {
    steps.push(`ทบทวนสาเหตุที่ประเด็น ${q.code} ได้รับการประเมินต่ำ และกำหนดแนวทางแก้ไขที่ชัดเจน`);
  }
  const publish =
    tool === 'IIT'
      ? 'เผยแพร่ผลการดำเนินการให้บุคลากรภายในรับทราบ และเผยแพร่บนเว็บไซต์ของหน่วยงาน'
      : 'ประชาสัมพันธ์ผลการดำเนินการบนเว็บไซต์ของหน่วยงานและช่องทางอื่นให้ประชาชนรับทราบ';
  return {
    source: { kind: 'question', code: q.code },
    weaknessTh: text,
    steps: endWithPublishing(steps, publish),
    subject: text,
    detail: recommendation,
  };
}

function indicatorDraft(no: number, tool: ToolCode, analysis: Analysis, catalogue: Catalogue): RowDraft {
  const ind = catalogue.indicators.find((i) => i.no === no);
  const name = analysis.indicators.find((i) => i.no === no)?.nameTh ?? ind?.nameTh ?? '';
  const steps = [
    `วิเคราะห์สาเหตุที่ตัวชี้วัดที่ ${no} ${name} ได้คะแนนต่ำที่สุดของแบบวัด ${tool}`,
    'กำหนดแนวทางปรับปรุงและมอบหมายผู้รับผิดชอบ',
  ];
  return {
    source: { kind: 'indicator', code: String(no) },
    weaknessTh: `ตัวชี้วัดที่ ${no} ${name}`.trim(),
    steps: endWithPublishing(steps, 'เผยแพร่ผลการปรับปรุงบนเว็บไซต์ของหน่วยงาน'),
    subject: name,
    detail: ind?.descriptionTh ?? '',
  };
}

function oitDraft(item: FailedOitItem, catalogue: Catalogue): RowDraft {
  const fromCatalogue = catalogue.oitItems.find((o) => o.code === item.code);
  const title = item.titleTh.trim() || fromCatalogue?.titleTh.trim() || item.code;
  const reason = item.reason.trim();
  const recommendation = item.recommendation.trim() || fromCatalogue?.recommendationTh.trim() || '';
  const steps = stepsFromRecommendation(recommendation);
  if (steps.length === 0) steps.push(`จัดทำหรือปรับปรุงข้อมูล ${title} ให้ครบถ้วนตามองค์ประกอบที่กำหนด`);
  if (reason) steps.push(`ตรวจทานให้ครบตามข้อสังเกตของผู้ประเมิน: ${reason}`);
  const indicator = catalogue.indicators.find((i) => i.no === item.indicator);
  const subName = indicator?.subIndicators.find((s) => s.code === item.subIndicator)?.nameTh ?? '';
  return {
    source: { kind: 'oit', code: item.code },
    weaknessTh: reason ? `${title} (สาเหตุ: ${reason})` : title,
    // OIT is website disclosure: the evidence only counts once it is published and reachable.
    steps: endWithPublishing(steps, 'เผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน และตรวจสอบว่าเข้าถึงได้จากหน้าหลัก'),
    subject: [title, fromCatalogue?.groupTh ?? '', subName].join(' '),
    detail: `${recommendation} ${reason}`,
  };
}

function sortedFailedOit(items: FailedOitItem[]): FailedOitItem[] {
  const seen = new Set<string>();
  return [...items]
    .sort((a, b) => a.indicator - b.indicator || codeNumber(a.code) - codeNumber(b.code))
    .filter((i) => (seen.has(i.code) ? false : (seen.add(i.code), true)));
}

// ---------------------------------------------------------------------------------------------
// Steps from recommendation text

/** Words that open a further action inside one Thai sentence ("…, พร้อมทั้ง…"). */
const CONNECTORS = /\s*(?:พร้อมทั้ง|อีกทั้ง|นอกจากนี้|ทั้งนี้)\s*/;
const LEADING_MARKER = /^(?:[-–•*▪·]|\(?[0-9๐-๙]{1,2}[.)])\s*/;
const LEADING_MODAL = /^(?:หน่วยงาน(?:ของท่าน)?)?\s*(?:ควรจะ|ควร|อาจจะ|อาจ|ต้อง)\s*/;

/**
 * Splits a recommendation into concrete steps: one per line (a leading bullet or number is dropped)
 * or per `;`, and a sentence is split again where it adds an action ("พร้อมทั้ง", "อีกทั้ง",
 * "นอกจากนี้", "ทั้งนี้").
 * Advice phrased as a state ("มีแนวทาง…") becomes an action ("จัดให้มีแนวทาง…").
 * @example stepsFromRecommendation('จัดทำแนวทาง… พร้อมทั้งชี้แจงให้บุคลากรทราบ') // ['จัดทำแนวทาง…', 'ชี้แจงให้บุคลากรทราบ']
 */
export function stepsFromRecommendation(text: string): string[] {
  // Bullets and numbers only mark a step at the start of a line: inside a sentence "ติดต่อ - สอบถาม"
  // or "(๑) … (๒) …" are part of one thought.
  const pieces = text.split(/\r?\n|;/).flatMap((p) => p.split(CONNECTORS));
  const steps: string[] = [];
  for (const raw of pieces) {
    let s = raw.replace(/\s+/g, ' ').trim();
    s = s.replace(LEADING_MARKER, '').replace(/^[,，]\s*/, '').replace(LEADING_MODAL, '').trim();
    s = s.replace(/[\s,;.]+$/, '');
    if (s.length < 3) continue;
    if (/^มี(?!ส่วน)/.test(s)) s = `จัดให้${s}`;
    if (!steps.includes(s)) steps.push(s);
  }
  return steps;
}

function endWithPublishing(steps: string[], publishing: string): string[] {
  const last = steps[steps.length - 1] ?? '';
  if (/เผยแพร่|ประชาสัมพันธ์/.test(last) && /เว็บไซต์/.test(last)) return steps;
  return [...steps, publishing];
}

// ---------------------------------------------------------------------------------------------
// Responsible unit

/**
 * A subject matched by `when` goes to the first unit whose name matches one of `prefer`, tried in
 * order. The map is deliberately small: officers correct the draft; the point is a sensible start.
 */
const UNIT_RULES: { when: RegExp; prefer: RegExp[] }[] = [
  { when: /งบประมาณ|จัดซื้อ|จัดจ้าง|พัสดุ|การเงิน|การคลัง|ใช้จ่าย|บัญชี|รายได้|ภาษี/, prefer: [/คลัง/, /การเงิน/, /พัสดุ/] },
  {
    // Not "บุคลากร" alone: nearly every recommendation tells staff something.
    when: /ทรัพยากรบุคคล|บริหารงานบุคคล|อัตรากำลัง|สรรหา|บรรจุ|แต่งตั้ง|เลื่อนขั้น|การเจ้าหน้าที่/,
    prefer: [/การเจ้าหน้าที่/, /บุคคล/, /สำนักปลัด/],
  },
  { when: /ก่อสร้าง|โยธา|ช่าง|ซ่อมแซม|ถนน|อาคาร|สาธารณูปโภค/, prefer: [/ช่าง/, /โยธา/] },
  { when: /ฝ่ายตรวจสอบ|ตรวจสอบภายใน/, prefer: [/ตรวจสอบภายใน/] },
  { when: /การศึกษา|โรงเรียน|ศูนย์พัฒนาเด็กเล็ก/, prefer: [/การศึกษา/] },
  { when: /สาธารณสุข|สิ่งแวดล้อม|ขยะ/, prefer: [/สาธารณสุข/] },
];

/**
 * Picks a responsible unit by keywords: the row's subject first, then its recommendation text.
 * "ปีงบประมาณ" (fiscal year) is not about the budget, so it is removed before matching.
 */
export function chooseUnit(subject: string, detail: string, units: string[], defaultUnit: string): string {
  for (const text of [subject, detail]) {
    const cleaned = text.replace(/ปีงบประมาณ/g, '');
    for (const rule of UNIT_RULES) {
      if (!rule.when.test(cleaned)) continue;
      for (const pattern of rule.prefer) {
        const unit = units.find((u) => pattern.test(u));
        if (unit) return unit;
      }
    }
  }
  return defaultUnit;
}

/** The standard monitoring cycle of a row: act, report at 6 and 12 months, executive follow-up. */
export function monitoringSteps(unit: string): string[] {
  return [
    `เจ้าหน้าที่ผู้รับผิดชอบของ${unit}ดำเนินการตามขั้นตอนที่กำหนดและเก็บหลักฐานการดำเนินงาน`,
    'รายงานผลรอบ 6 เดือนต่อผู้บริหาร พร้อมปัญหา อุปสรรค และข้อเสนอแนะ',
    'รายงานผลรอบ 12 เดือนต่อผู้บริหาร และเผยแพร่รายงานบนเว็บไซต์ของหน่วยงาน',
    'ผู้บริหารกำกับติดตามความก้าวหน้า และสั่งการแก้ไขเมื่อการดำเนินงานไม่เป็นไปตามกำหนด',
  ];
}

// ---------------------------------------------------------------------------------------------
// Driving measures (section ๖)

/** Measures that drive integrity across the agency, for officers to adapt. */
export function defaultDrivingMeasures(targetYear: number): DrivingMeasure[] {
  return [
    {
      order: 1,
      titleTh: 'มาตรการเสริมสร้างความโปร่งใสในการปฏิบัติงาน',
      detailTh:
        'ผู้บริหารและบุคลากรทุกคนลงนามในข้อตกลงว่าจะปฏิบัติงานอย่างโปร่งใส ให้บริการประชาชนอย่างเท่าเทียมโดยไม่เลือกปฏิบัติ และทบทวนข้อตกลงนี้ทุกต้นปีงบประมาณ',
    },
    {
      order: 2,
      titleTh: 'มาตรการสร้างความเข้าใจแนวปฏิบัติแก่บุคลากร',
      detailTh:
        'สรุปแนวปฏิบัติเรื่องการใช้งบประมาณ การใช้ทรัพย์สินของราชการ และการแก้ไขปัญหาการทุจริตเป็นเอกสารสั้น แจ้งเวียนทุกส่วนราชการ และชี้แจงในการประชุมประจำเดือน',
    },
    {
      order: 3,
      titleTh: 'มาตรการเปิดเผยข้อมูลสาธารณะ',
      detailTh: `ออกคำสั่งมอบหมายผู้รับผิดชอบข้อมูลแต่ละรายการของแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. ${targetYear} และตรวจทานความครบถ้วนของข้อมูลบนเว็บไซต์ทุกเดือน`,
    },
    {
      order: 4,
      titleTh: 'มาตรการไม่รับของขวัญและของกำนัล (No Gift Policy)',
      detailTh:
        'ผู้บริหารประกาศเจตนารมณ์ไม่รับของขวัญหรือประโยชน์ใดจากการปฏิบัติหน้าที่ และจัดกิจกรรมปลูกฝังวัฒนธรรมนี้แก่บุคลากร',
    },
    {
      order: 5,
      titleTh: 'มาตรการจัดการเรื่องร้องเรียนการทุจริต',
      detailTh:
        'เปิดช่องทางร้องเรียนการทุจริตทางออนไลน์แยกจากเรื่องร้องเรียนทั่วไป กำหนดขั้นตอน ผู้รับผิดชอบ และระยะเวลาดำเนินการ และคุ้มครองข้อมูลของผู้ร้องเรียน',
    },
  ];
}

// ---------------------------------------------------------------------------------------------

function codeNumber(code: string): number {
  const m = /(\d+)/.exec(code);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function byCodeNumber(a: Question, b: Question): number {
  return codeNumber(a.code) - codeNumber(b.code);
}
