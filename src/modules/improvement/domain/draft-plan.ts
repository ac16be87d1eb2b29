/**
 * Drafts the improvement plan (แผนการนำผลการประเมินไปปรับปรุง, section ๕ of the measures
 * document) from an analysis. The draft is what an officer edits and an executive signs, so it
 * reads like the seed plan: each row states a weakness in plain Thai (not the survey question),
 * related questions and items share one row (a plan and its 6-month report; the anti-corruption
 * questions of IIT 5), the responsible unit follows the nature of the work, and the monitoring
 * says who reports what at 6 and 12 months to whom — different for every row.
 *
 * Pure: the same analysis, catalogue, units and id factory give the same plan.
 */
import type { Catalogue, OitItem, Question, ToolCode } from '../../catalogue/domain/schema.js';
import { OIT_ROLE_LABELS, type OitRole } from '../../catalogue/domain/roles.js';
import type { Analysis, FailedOitItem, QuestionResult } from '../../ita-results/domain/types.js';
import { reportDueDate } from '../../../shared/fiscal.js';
import { validationError } from '../../../shared/errors.js';
import type { DrivingMeasure, ImprovementPlan, PlanRow, PlanRowSource } from './types.js';
import { questionTopic, roleGroup, roleUnit, UNIT_KIND_PATTERNS, type UnitKind } from './issue-phrases.js';

export interface AgencyUnits {
  /** The agency's internal units (สำนัก/กอง/งาน), in the agency's own order. */
  units: string[];
  /** Unit used when nothing else decides; the first unit when not given. */
  defaultUnit?: string;
  /** The agency's own choice of unit for a kind of work (saved once, used for every draft). */
  unitByKind?: Partial<Record<UnitKind, string>>;
}

export interface DraftPlanOptions {
  /** Row id factory; defaults to random UUIDs. Tests pass a counter. */
  idFactory?: () => string;
}

const TOOLS: ToolCode[] = ['IIT', 'EIT', 'OIT'];

/**
 * @example
 * const plan = draftPlan(analysis, catalogue, { units: ['สำนักปลัด', 'กองคลัง'] }, { idFactory: counter() });
 * plan.rows[0].source // { kind: 'question', code: 'I25' }
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
  for (const item of sortedFailedOit(analysis.failedOit)) drafts.push(oitDraft(item, catalogue, targetYear));

  const rows: PlanRow[] = mergeGroups(drafts).map((d, i) => {
    const unit = unitFor(d, units, defaultUnit, agency.unitByKind ?? {});
    return {
      id: nextId(),
      order: i + 1,
      source: d.source,
      weaknessTh: d.weaknessTh,
      steps: endWithPublishing(d.steps, d.publishing),
      responsibleUnit: unit,
      monitoring: monitoringSteps(unit, d.deliverableTh, d.publicFacing),
      sixMonthDue,
      twelveMonthDue,
    };
  });

  return { resultsYear, targetYear, rows, drivingMeasures: defaultDrivingMeasures(targetYear) };
}

interface RowDraft {
  source: PlanRowSource;
  /** Drafts with the same group become one row. */
  group: string;
  weaknessTh: string;
  steps: string[];
  /** What the row produces and reports on; the monitoring names it. */
  deliverableTh: string;
  /** The step that closes the row: telling staff, the public, or publishing on the website. */
  publishing: string;
  /** Whether the result is for the public (EIT, OIT) rather than for staff (IIT). */
  publicFacing: boolean;
  /** The kind of unit the work falls to, when known from its nature. */
  unitKind?: UnitKind;
  /** What the row is about (title, group, sub-indicator): matched for a unit when no kind is known. */
  subject: string;
  /** Recommendation and reason: matched when the subject names no unit. */
  detail: string;
  /** For OIT rows: the items' titles and the assessors' reasons, worded into one weakness after merging. */
  oit?: { titles: string[]; reasons: string[] };
}

/** Thai runs join without a space, but a Latin word ("E-Service") keeps one on its Thai side. */
export function joinTh(a: string, b: string): string {
  if (!a || !b) return a + b;
  return /[A-Za-z0-9)]$/.test(a) || /^[A-Za-z0-9(]/.test(b) ? `${a} ${b}` : a + b;
}

/** An OIT row's weakness: the items, then what the assessor found (said once when repeated). */
function oitWeakness(titles: string[], reasons: string[]): string {
  const items = titles.join(' และ');
  if (reasons.length === 0) return `${items} ยังไม่ได้เผยแพร่หรือไม่ครบตามเกณฑ์`;
  const found = reasons.join(' ');
  // "E-Service URL ไม่เชื่อมโยง…" already names the item.
  return titles.length === 1 && found.startsWith(titles[0]!) ? found : `${items} ${found}`;
}

/** Joins drafts of one group into the first one's place: its weaknesses, steps and deliverables. */
function mergeGroups(drafts: RowDraft[]): RowDraft[] {
  const out: RowDraft[] = [];
  const byGroup = new Map<string, RowDraft>();
  for (const d of drafts) {
    const first = byGroup.get(d.group);
    if (!first) {
      const copy = { ...d, steps: [...d.steps], ...(d.oit ? { oit: { titles: [...d.oit.titles], reasons: [...d.oit.reasons] } } : {}) };
      byGroup.set(d.group, copy);
      out.push(copy);
      continue;
    }
    if (first.oit && d.oit) {
      first.oit = {
        titles: [...first.oit.titles, ...d.oit.titles.filter((t) => !first.oit!.titles.includes(t))],
        reasons: [...first.oit.reasons, ...d.oit.reasons.filter((r) => !first.oit!.reasons.includes(r))],
      };
      first.weaknessTh = oitWeakness(first.oit.titles, first.oit.reasons);
    } else if (!first.weaknessTh.includes(d.weaknessTh)) first.weaknessTh = `${first.weaknessTh} และ${d.weaknessTh}`;
    if (!first.deliverableTh.includes(d.deliverableTh)) first.deliverableTh = `${first.deliverableTh} และ${d.deliverableTh}`;
    for (const step of d.steps) if (!first.steps.includes(step)) first.steps.push(step);
    first.subject += ` ${d.subject}`;
    first.detail += ` ${d.detail}`;
  }
  return out;
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

const PUBLISH_STAFF = 'เผยแพร่ผลการดำเนินการให้บุคลากรภายในรับทราบ และเผยแพร่บนเว็บไซต์ของหน่วยงาน';
const PUBLISH_PUBLIC = 'ประชาสัมพันธ์ผลการดำเนินการบนเว็บไซต์ของหน่วยงานและช่องทางอื่นให้ประชาชนรับทราบ';
const PUBLISH_OIT = 'เผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน และตรวจสอบว่าเข้าถึงได้จากหน้าหลัก';

/**
 * A survey question as a weakness: the catalogue's wording by topic, else the question with its
 * asking words taken off ("… มากน้อยเพียงใด") and said as what is lacking.
 */
export function plainWeakness(question: string): string {
  const core = question
    .replace(/\s+/g, ' ')
    .replace(/\(\s*[0-9๐-๙]+\s*\).*$/, '')
    .replace(/\s*(?:มากน้อยเพียงใด|เพียงใด|หรือไม่|อย่างไร|ระดับใด)\s*$/g, '')
    .replace(/\s*(?:ตามประเด็น|ดัง)ต่อไปนี้\s*$/g, '')
    .replace(/ของท่าน|ที่ท่านติดต่อ|ท่าน/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `ผลการประเมินยังต่ำในเรื่อง${core.startsWith('การ') ? '' : ' '}${core}`;
}

function questionDraft(q: QuestionResult, tool: ToolCode, catalogue: Catalogue): RowDraft {
  const fromCatalogue = catalogue.questions.find((c) => c.code === q.code);
  const recommendation = q.recommendationTh.trim() || fromCatalogue?.recommendationTh.trim() || '';
  const text = q.textTh.trim() || fromCatalogue?.textTh.trim() || q.code;
  const publicFacing = tool !== 'IIT';
  const publishing = publicFacing ? PUBLISH_PUBLIC : PUBLISH_STAFF;
  const topic = questionTopic(text);
  const fromRecommendation = stepsFromRecommendation(recommendation);
  if (topic) {
    return {
      source: { kind: 'question', code: q.code },
      group: `${tool}:${topic.group}`,
      weaknessTh: topic.issueTh,
      // The topic's steps first (they read as the seed's), then what this question's advice adds.
      steps: dedupe([...topic.steps.filter((s) => !/เผยแพร่|ประชาสัมพันธ์/.test(s)), ...fromRecommendation]),
      deliverableTh: topic.deliverableTh,
      publishing,
      publicFacing,
      unitKind: topic.unit,
      subject: text,
      detail: recommendation,
    };
  }
  const steps = fromRecommendation.length > 0 ? fromRecommendation : [`ทบทวนสาเหตุที่ประเด็น ${q.code} ได้รับการประเมินต่ำ และกำหนดแนวทางแก้ไขที่ชัดเจน`];
  return {
    source: { kind: 'question', code: q.code },
    group: `${tool}:${q.code}`,
    weaknessTh: plainWeakness(text),
    steps,
    deliverableTh: `ผลการปรับปรุงประเด็น ${q.code}`,
    publishing,
    publicFacing,
    subject: text,
    detail: recommendation,
  };
}

function indicatorDraft(no: number, tool: ToolCode, analysis: Analysis, catalogue: Catalogue): RowDraft {
  const ind = catalogue.indicators.find((i) => i.no === no);
  const name = analysis.indicators.find((i) => i.no === no)?.nameTh ?? ind?.nameTh ?? '';
  return {
    source: { kind: 'indicator', code: String(no) },
    group: `indicator:${no}`,
    weaknessTh: `ตัวชี้วัดที่ ${no} ${name}`.trim(),
    steps: [`วิเคราะห์สาเหตุที่ตัวชี้วัดที่ ${no} ${name} ได้คะแนนต่ำที่สุดของแบบวัด ${tool}`, 'กำหนดแนวทางปรับปรุงและมอบหมายผู้รับผิดชอบ'],
    deliverableTh: `แนวทางปรับปรุงตัวชี้วัดที่ ${no} ${name}`.trim(),
    publishing: 'เผยแพร่ผลการปรับปรุงบนเว็บไซต์ของหน่วยงาน',
    publicFacing: tool !== 'IIT',
    subject: name,
    detail: ind?.descriptionTh ?? '',
  };
}

/** An item's role: its own in the catalogue, else the role whose name is its title (older data). */
function roleOf(item: Pick<OitItem, 'titleTh'> & { role?: OitRole | undefined }): OitRole | undefined {
  if (item.role) return item.role;
  const key = (s: string) => s.replace(/\s+|ประจำปี/g, '');
  const title = key(item.titleTh);
  return (Object.keys(OIT_ROLE_LABELS) as OitRole[]).find((r) => key(OIT_ROLE_LABELS[r]) === title);
}

/**
 * What the assessor's reason asks to do, as a step: parts missing, a broken link, the wrong year.
 * The reason itself stays in the weakness; the step says what to do about it.
 */
function stepsForReason(reason: string, title: string, targetYear: number): string[] {
  const steps: string[] = [];
  if (/ปัญหา|อุปสรรค|ข้อเสนอแนะ/.test(reason)) steps.push(joinTh('เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะใน', title));
  else if (/องค์ประกอบ/.test(reason)) steps.push(joinTh(joinTh('ทบทวน', title), 'ให้มีองค์ประกอบครบตามเกณฑ์การประเมิน'));
  if (/URL|ลิงก์|เชื่อมโยง|เว็บไซต์หลัก/i.test(reason)) steps.push(joinTh(joinTh('เชื่อมโยง', title), 'จากหน้าหลักของเว็บไซต์หน่วยงาน'));
  if (/ปีงบประมาณ|พ\.ศ\./.test(reason) && !/องค์ประกอบ/.test(reason)) steps.push(joinTh(joinTh('จัดทำ', title), `ของปีงบประมาณ พ.ศ. ${targetYear}`));
  if (/ฝ่ายข้าราชการประจำ|ฝ่ายประจำ/.test(reason)) steps.push('เพิ่มข้อมูลผู้บริหารฝ่ายข้าราชการประจำให้ครบทั้งชื่อ ตำแหน่ง รูปถ่าย และช่องทางติดต่อ');
  return steps;
}

function oitDraft(item: FailedOitItem, catalogue: Catalogue, targetYear: number): RowDraft {
  const fromCatalogue = catalogue.oitItems.find((o) => o.code === item.code);
  const title = item.titleTh.trim() || fromCatalogue?.titleTh.trim() || item.code;
  const reason = item.reason.trim().replace(/^สาเหตุ\s*:?\s*/, '');
  const recommendation = item.recommendation.trim() || fromCatalogue?.recommendationTh.trim() || '';
  const role = fromCatalogue ? roleOf(fromCatalogue) : undefined;
  // The catalogue's advice is for its own year's evidence; the plan's work is for the next year.
  const advice = stepsFromRecommendation(shiftYears(recommendation, targetYear - catalogue.fiscalYear));
  const steps = dedupe([...stepsForReason(reason, title, targetYear), ...advice]);
  if (steps.length === 0) steps.push(`จัดทำหรือปรับปรุง${title}ให้ครบถ้วนตามองค์ประกอบที่กำหนด`);
  const indicator = catalogue.indicators.find((i) => i.no === item.indicator);
  const subName = indicator?.subIndicators.find((s) => s.code === item.subIndicator)?.nameTh ?? '';
  return {
    source: { kind: 'oit', code: item.code },
    group: role ? `OIT:${roleGroup(role)}` : `OIT:${item.code}`,
    weaknessTh: oitWeakness([title], reason ? [reason] : []),
    oit: { titles: [title], reasons: reason ? [reason] : [] },
    steps,
    deliverableTh: title,
    // OIT is website disclosure: the evidence only counts once it is published and reachable.
    publishing: PUBLISH_OIT,
    publicFacing: true,
    ...(role ? { unitKind: roleUnit(role) } : {}),
    subject: [title, fromCatalogue?.groupTh ?? '', subName].join(' '),
    detail: `${recommendation} ${reason}`,
  };
}

/** Moves every B.E. year (and its two-digit form after a month, "ต.ค. 64") in a text by `by` years. */
export function shiftYears(text: string, by: number): string {
  if (by === 0) return text;
  return text
    .replace(/(?<![0-9])(2[45][0-9]{2})(?![0-9])/g, (y) => String(Number(y) + by))
    .replace(/((?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.\s?)([0-9]{2})(?![0-9])/g, (_m, month: string, yy: string) => `${month}${String((Number(yy) + by) % 100).padStart(2, '0')}`);
}

function dedupe(steps: string[]): string[] {
  return [...new Set(steps)];
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

/** The agency's unit for a kind of work: its own saved choice, else the first unit whose name fits. */
export function unitOfKind(kind: UnitKind, units: string[], unitByKind: Partial<Record<UnitKind, string>>): string | undefined {
  const chosen = unitByKind[kind];
  if (chosen && units.includes(chosen)) return chosen;
  for (const pattern of UNIT_KIND_PATTERNS[kind]) {
    const unit = units.find((u) => pattern.test(u));
    if (unit) return unit;
  }
  return undefined;
}

function unitFor(d: RowDraft, units: string[], defaultUnit: string, unitByKind: Partial<Record<UnitKind, string>>): string {
  const byKind = d.unitKind ? unitOfKind(d.unitKind, units, unitByKind) : undefined;
  return byKind ?? chooseUnit(d.subject, d.detail, units, unitOfKind('admin', units, unitByKind) ?? defaultUnit);
}

/**
 * The monitoring of one row: who does it and keeps the evidence, who reports what at 6 and at 12
 * months and to whom, and the executive's follow-up — each naming the row's own deliverable.
 */
export function monitoringSteps(unit: string, deliverable: string, publicFacing = true): string[] {
  const about = (before: string, after: string) => joinTh(before, deliverable) + after;
  return [
    `เจ้าหน้าที่ผู้รับผิดชอบของ${about(`${unit}ดำเนินการเรื่อง`, ' และเก็บหลักฐานการดำเนินการ')}`,
    about(`${unit}รายงานความก้าวหน้าเรื่อง`, ' ต่อผู้บริหารเมื่อครบ 6 เดือน พร้อมปัญหา อุปสรรค และข้อเสนอแนะ'),
    about(`${unit}รายงานผลเรื่อง`, ` ต่อผู้บริหารเมื่อครบ 12 เดือน และเผยแพร่รายงานบนเว็บไซต์${publicFacing ? 'ให้ประชาชนรับทราบ' : 'และแจ้งบุคลากรภายใน'}`),
    about('ผู้บริหารกำกับติดตามเรื่อง', ' และสั่งการแก้ไขเมื่อไม่เป็นไปตามกำหนด'),
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
