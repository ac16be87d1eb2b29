/**
 * Completeness of an OIT item, element by element, from the year's catalogue.
 *
 * An element is satisfied in one of two ways:
 * - **machine-checked** when the catalogue gives it `checks`: structured data present
 *   (O1 structure, O2 executives, O5 contact), or some evidence claiming the element passes
 *   every check (period and fiscal year found in the document's text, report parts present,
 *   PDF not a bare scan, HTTPS link). Evidence that names no elements is read as claiming all
 *   of them for these checks: the checks themselves say whether it really shows them;
 * - **self-declared** otherwise: an officer points to where the evidence shows it (a
 *   declaration with a pointer), or an evidence entry explicitly claims the element.
 *
 * What cannot be read by machine (an external link, a photo) is judged by what the officer
 * states: the period the evidence covers, and a declaration for report parts. A scanned PDF is
 * not given that benefit: a document whose text cannot be read fails its content checks, since
 * evaluators and screen readers cannot read it either.
 *
 * The readiness score is the share of all elements of all the year's items that are satisfied,
 * 0–100 with one decimal; an item without listed elements counts as one element, "has evidence".
 */
import type { ElementCheck, OitItem, OitPeriod } from '../../catalogue/domain/schema.js';
import { periodCheckFor } from '../../catalogue/domain/roles.js';
import { fiscalYearRange, firstHalfRange, type DateRange } from '../../../shared/fiscal.js';
import { formatThaiDate } from '../../../shared/thai.js';
import type { TextFacts } from './text-facts.js';

export const OIT_STATUSES = ['not_started', 'in_progress', 'ready', 'published'] as const;
export type OitStatus = (typeof OIT_STATUSES)[number];
export const STATUS_LABELS: Record<OitStatus, { th: string; en: string }> = {
  not_started: { th: 'ยังไม่เริ่ม', en: 'Not started' },
  in_progress: { th: 'กำลังดำเนินการ', en: 'In progress' },
  ready: { th: 'พร้อมเผยแพร่', en: 'Ready' },
  published: { th: 'เผยแพร่แล้ว', en: 'Published' },
};
export const isOitStatus = (s: string): s is OitStatus => (OIT_STATUSES as readonly string[]).includes(s);

export type EvidenceKind = 'file' | 'link' | 'generated';

/** Evidence as the checks see it. */
export interface CheckEvidence {
  id: string;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  /** Detected kind of the current file ('pdf', 'docx', 'png'…), null for links. */
  mediaKind: string | null;
  /** PDF text layer: true, false (a scan), null (not a PDF or not read). */
  textLayer: boolean | null;
  /** Digest of the text, null when the text could not be read (links, images, scans). */
  facts: TextFacts | null;
  /** The period the officer says it covers (ISO CE), separate from the upload date. */
  periodFrom: string | null;
  periodTo: string | null;
  /** Element keys it explicitly claims; empty = not said. */
  elements: string[];
}

export interface StructureContent {
  /** Positions of the political side (นายก รองนายก สภา…), one per line. */
  political: string[];
  /** Positions and units of the permanent staff side (ปลัด สำนัก กอง…), one per line. */
  permanent: string[];
  /** Optional chart image or PDF in the file store. */
  chartFileId: string | null;
}

export interface ContactContent {
  address: string;
  phone: string;
  fax: string;
  email: string;
  mapUrl: string;
  hours: string;
}

export interface ExecutiveFacts {
  nameTh: string;
  positionTh: string;
  kind: 'political' | 'permanent';
  hasPhoto: boolean;
  phone: string | null;
  email: string | null;
}

export interface ItemCheckInput {
  item: OitItem;
  /** B.E. fiscal year assessed. */
  fiscalYear: number;
  evidence: CheckEvidence[];
  /** Element key → the officer's pointer to where the evidence shows it. */
  declarations: Record<string, string>;
  structure?: StructureContent | null;
  contact?: ContactContent | null;
  executives?: ExecutiveFacts[];
}

export interface ElementResult {
  key: string;
  textTh: string;
  checks: ElementCheck[];
  mode: 'machine' | 'declared';
  satisfied: boolean;
  /** What satisfied it, in Thai ("ไฟล์ …", "ข้อมูลผู้บริหารในระบบ", "ยืนยันโดยเจ้าหน้าที่: …"). */
  satisfiedBy: string | null;
  /** Why it is not satisfied, in plain Thai, most useful first. */
  problems: string[];
}

export interface ItemResult {
  code: string;
  elements: ElementResult[];
  satisfied: number;
  total: number;
  complete: boolean;
  /** Thai names of the elements still missing (as the CLI prints them). */
  missing: string[];
}

/** Key of the stand-in element of an item the catalogue lists without elements. */
export const ANY_EVIDENCE_KEY = 'evidence';

const STRUCTURED: ElementCheck[] = ['structured-structure', 'structured-executives', 'structured-contact'];
const PERIOD: ElementCheck[] = ['covers-fiscal-year', 'covers-first-half', 'covers-previous-year'];
const CONTENT: ElementCheck[] = ['has-problems-section', 'has-suggestions-section'];

const th = (iso: string) => formatThaiDate(iso, { style: 'short' });
const spanTh = (r: DateRange) => `${th(r.from)} – ${th(r.to)}`;

/** The period a check requires for fiscal year `fy`, or undefined for checks without one. */
export function requiredRange(check: ElementCheck, fy: number): DateRange | undefined {
  if (check === 'covers-fiscal-year') return fiscalYearRange(fy);
  if (check === 'covers-first-half') return firstHalfRange(fy);
  if (check === 'covers-previous-year') return fiscalYearRange(fy - 1);
  return undefined;
}

/** The period an item's evidence should cover, from the catalogue's `period`. */
export function itemPeriodRange(period: OitPeriod, fy: number): DateRange | undefined {
  if (period === 'current-fy') return fiscalYearRange(fy);
  if (period === 'first-half') return firstHalfRange(fy);
  if (period === 'previous-fy') return fiscalYearRange(fy - 1);
  return undefined;
}

type Outcome = { ok: true } | { ok: false; reason: string };
const pass: Outcome = { ok: true };
const fail = (reason: string): Outcome => ({ ok: false, reason });

const overlaps = (a: DateRange, b: DateRange) => a.from <= b.to && a.to >= b.from;
const covers = (a: DateRange, b: DateRange) => a.from <= b.from && a.to >= b.to;
const inside = (a: DateRange, b: DateRange) => a.from >= b.from && a.to <= b.to;

/** Every month of `r` is mentioned in the text (monthly tables name each month). */
function monthsCover(facts: TextFacts, r: DateRange): boolean {
  const months = new Set(facts.dates.flatMap((d) => [d.from.slice(0, 7), d.to.slice(0, 7)]));
  const [y0, m0] = r.from.split('-').map(Number) as [number, number];
  const [y1, m1] = r.to.split('-').map(Number) as [number, number];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    if (!months.has(`${y}-${String(m).padStart(2, '0')}`)) return false;
  }
  return true;
}

function foundSummary(facts: TextFacts): string {
  const parts: string[] = [];
  if (facts.fiscalYears.length) parts.push(`ปีงบประมาณ ${facts.fiscalYears.slice(0, 4).join(', ')}`);
  if (facts.ranges.length) parts.push(`ช่วง ${facts.ranges.slice(0, 2).map(spanTh).join(', ')}`);
  return parts.length ? ` (ในเอกสารพบ: ${parts.join('; ')})` : '';
}

/** Whether a document's text shows it covers what `check` requires for fiscal year `fy`. */
export function textCoversPeriod(check: ElementCheck, facts: TextFacts, fy: number): Outcome {
  const req = requiredRange(check, fy)!;
  if (check === 'covers-fiscal-year') {
    if (facts.fiscalYears.includes(fy)) return pass;
    if (facts.yearSpans.some((s) => s.from <= fy && s.to >= fy)) return pass;
    if (facts.ranges.some((r) => overlaps(r, req)) || facts.dates.some((d) => inside(d, req))) return pass;
    return fail(`ไม่พบการระบุปีงบประมาณ พ.ศ. ${fy} หรือวันที่ในปีงบประมาณนั้นในเอกสาร${foundSummary(facts)}`);
  }
  if (check === 'covers-first-half') {
    if (facts.ranges.some((r) => covers(r, req))) return pass;
    if (facts.firstHalfPhrase && facts.fiscalYears.includes(fy)) return pass;
    if (monthsCover(facts, req)) return pass;
    return fail(`ไม่พบว่าเอกสารครอบคลุมรอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. ${fy} (${spanTh(req)})${foundSummary(facts)}`);
  }
  // covers-previous-year: the annual report of the year before the assessed one.
  const prev = fy - 1;
  if (facts.fiscalYears.includes(prev)) return pass;
  if (facts.ranges.some((r) => covers(r, req))) return pass;
  if (monthsCover(facts, req)) return pass;
  const named = facts.fiscalYears.includes(fy) ? ` เอกสารนี้เป็นของปีงบประมาณ ${fy} แต่ต้องเป็นรายงานของปีงบประมาณ ${prev}` : foundSummary(facts);
  return fail(`ไม่พบว่าเป็นรายงานของปีงบประมาณ พ.ศ. ${prev} (${spanTh(req)})${named}`);
}

/** The same, judged from the period the officer stated (evidence whose text cannot be read). */
export function statedCoversPeriod(check: ElementCheck, ev: CheckEvidence, fy: number): Outcome {
  const req = requiredRange(check, fy)!;
  if (!ev.periodFrom || !ev.periodTo) return fail(`ตรวจเนื้อหาไม่ได้และยังไม่ได้ระบุช่วงเวลาที่หลักฐานครอบคลุม (ต้องครอบคลุม ${spanTh(req)})`);
  const stated = { from: ev.periodFrom, to: ev.periodTo };
  const ok = check === 'covers-fiscal-year' ? overlaps(stated, req) : covers(stated, req);
  return ok ? pass : fail(`ช่วงเวลาที่ระบุ ${spanTh(stated)} ไม่ครอบคลุม ${spanTh(req)}`);
}

const SCAN = 'ไฟล์ PDF เป็นภาพสแกน ไม่มีชั้นข้อความ เครื่องและผู้ประเมินค้นข้อความไม่ได้ กรุณาแนบไฟล์ PDF ที่สร้างจากโปรแกรมเอกสาร';

function checkEvidence(check: ElementCheck, ev: CheckEvidence, fy: number, declared: boolean): Outcome {
  const scanned = ev.mediaKind === 'pdf' && ev.textLayer === false;
  switch (check) {
    case 'https-link':
      if (ev.kind === 'file') return fail('ต้องเป็นลิงก์ไปยังบริการหรือหน้าเว็บ ไม่ใช่ไฟล์แนบ');
      if (!ev.url) return fail('ยังไม่มีลิงก์');
      return /^https:\/\//i.test(ev.url) ? pass : fail('ลิงก์ต้องขึ้นต้นด้วย https:// (เว็บไซต์ที่ปลอดภัย)');
    case 'pdf-text-layer':
      return scanned ? fail(SCAN) : pass;
    case 'covers-fiscal-year':
    case 'covers-first-half':
    case 'covers-previous-year':
      if (scanned) return fail(SCAN);
      return ev.facts && ev.facts.chars > 0 ? textCoversPeriod(check, ev.facts, fy) : statedCoversPeriod(check, ev, fy);
    case 'has-problems-section':
    case 'has-suggestions-section': {
      if (scanned) return fail(SCAN);
      const want = check === 'has-problems-section' ? 'ปัญหา อุปสรรค' : 'ข้อเสนอแนะ';
      if (ev.facts && ev.facts.chars > 0) {
        const found = check === 'has-problems-section' ? ev.facts.hasProblems || ev.facts.hasObstacles : ev.facts.hasSuggestions;
        return found ? pass : fail(`ไม่พบหัวข้อ "${want}" ในเอกสาร`);
      }
      return declared ? pass : fail(`ตรวจเนื้อหาไม่ได้ กรุณายืนยันว่าหลักฐานมีหัวข้อ "${want}" และระบุตำแหน่ง`);
    }
    default:
      return pass;
  }
}

export function structureProblems(s: StructureContent | null | undefined): string[] {
  const problems: string[] = [];
  if (!s || s.political.length === 0) problems.push('ยังไม่มีโครงสร้างฝ่ายการเมือง');
  if (!s || s.permanent.length === 0) problems.push('ยังไม่มีโครงสร้างฝ่ายข้าราชการประจำ');
  return problems;
}

export function executiveProblems(list: ExecutiveFacts[] | undefined): string[] {
  const execs = list ?? [];
  if (execs.length === 0) return ['ยังไม่มีข้อมูลผู้บริหาร'];
  const problems: string[] = [];
  if (!execs.some((e) => e.kind === 'political')) problems.push('ยังไม่มีผู้บริหารฝ่ายการเมือง');
  if (!execs.some((e) => e.kind === 'permanent')) problems.push('ยังไม่มีผู้บริหารฝ่ายข้าราชการประจำ');
  for (const e of execs) {
    const lacks: string[] = [];
    if (!e.nameTh.trim()) lacks.push('ชื่อ-นามสกุล');
    if (!e.positionTh.trim()) lacks.push('ตำแหน่ง');
    if (!e.hasPhoto) lacks.push('รูปถ่าย');
    if (!e.phone?.trim() && !e.email?.trim()) lacks.push('ช่องทางการติดต่อ (โทรศัพท์หรืออีเมล)');
    if (lacks.length) problems.push(`${e.nameTh.trim() || e.positionTh.trim() || 'ผู้บริหาร'}: ไม่มี${lacks.join(' ')}`);
  }
  return problems;
}

export function contactProblems(c: ContactContent | null | undefined): string[] {
  const lacks: string[] = [];
  if (!c?.address.trim()) lacks.push('ที่อยู่');
  if (!c?.phone.trim()) lacks.push('หมายเลขโทรศัพท์');
  if (!c?.email.trim()) lacks.push('อีเมล');
  if (!c?.mapUrl.trim()) lacks.push('แผนที่ตั้ง');
  return lacks.length ? [`ข้อมูลการติดต่อยังไม่มี${lacks.join(' ')}`] : [];
}

function evidenceLabel(ev: CheckEvidence): string {
  return `${ev.kind === 'link' ? 'ลิงก์' : ev.kind === 'generated' ? 'เอกสารจากระบบ' : 'ไฟล์'} "${ev.title}"`;
}

function evaluateElement(input: ItemCheckInput, key: string, textTh: string, checks: ElementCheck[]): ElementResult {
  const pointer = input.declarations[key]?.trim() || '';
  const base = { key, textTh, checks };
  if (checks.length === 0) {
    if (pointer) return { ...base, mode: 'declared', satisfied: true, satisfiedBy: `ยืนยันโดยเจ้าหน้าที่: ${pointer}`, problems: [] };
    const claiming = input.evidence.find((e) => e.elements.includes(key));
    if (claiming) return { ...base, mode: 'declared', satisfied: true, satisfiedBy: evidenceLabel(claiming), problems: [] };
    return { ...base, mode: 'declared', satisfied: false, satisfiedBy: null, problems: ['ยังไม่มีหลักฐานที่ระบุว่าแสดงองค์ประกอบนี้ และยังไม่ได้ยืนยันตำแหน่งที่แสดง'] };
  }

  // Structured data answers its checks by itself.
  const structured = checks.filter((c) => STRUCTURED.includes(c));
  const problems: string[] = [];
  for (const c of structured) {
    if (c === 'structured-structure') problems.push(...structureProblems(input.structure));
    if (c === 'structured-executives') problems.push(...executiveProblems(input.executives));
    if (c === 'structured-contact') problems.push(...contactProblems(input.contact));
  }
  // Period checks follow the item's period in the catalogue (current year, first half, or the
  // previous year), so evidence is judged against the year the item really asks for.
  const evidenceChecks = [...new Set(checks.filter((c) => !STRUCTURED.includes(c)).map((c) => periodCheckFor(c, input.item.period)))];
  if (evidenceChecks.length === 0) {
    const by = structured.includes('structured-executives') ? 'ข้อมูลผู้บริหารในระบบ' : structured.includes('structured-contact') ? 'ข้อมูลการติดต่อในระบบ' : 'โครงสร้างในระบบ';
    return { ...base, mode: 'machine', satisfied: problems.length === 0, satisfiedBy: problems.length === 0 ? by : null, problems };
  }

  const candidates = input.evidence.filter((e) => e.elements.length === 0 || e.elements.includes(key));
  if (candidates.length === 0) {
    const what = evidenceChecks.includes('https-link') ? 'ยังไม่มีลิงก์' : 'ยังไม่มีหลักฐาน';
    return { ...base, mode: 'machine', satisfied: false, satisfiedBy: null, problems: [...problems, what] };
  }
  let best: { ev: CheckEvidence; reasons: string[] } | undefined;
  for (const ev of candidates) {
    const reasons = evidenceChecks
      .map((c) => checkEvidence(c, ev, input.fiscalYear, pointer !== ''))
      .flatMap((o) => (o.ok ? [] : [o.reason]));
    if (reasons.length === 0 && problems.length === 0) {
      return { ...base, mode: 'machine', satisfied: true, satisfiedBy: evidenceLabel(ev), problems: [] };
    }
    if (!best || reasons.length < best.reasons.length) best = { ev, reasons };
  }
  const reasons = best ? [...new Set(best.reasons)].map((r) => `${evidenceLabel(best!.ev)}: ${r}`) : [];
  return { ...base, mode: 'machine', satisfied: false, satisfiedBy: null, problems: [...problems, ...reasons] };
}

export function evaluateItem(input: ItemCheckInput): ItemResult {
  const elements =
    input.item.elements.length > 0
      ? input.item.elements.map((e) => evaluateElement(input, e.key, e.textTh, e.checks))
      : [
          input.evidence.length > 0 || input.declarations[ANY_EVIDENCE_KEY]
            ? { key: ANY_EVIDENCE_KEY, textTh: 'มีหลักฐานเผยแพร่', checks: [], mode: 'declared' as const, satisfied: true, satisfiedBy: input.evidence[0] ? evidenceLabel(input.evidence[0]) : 'ยืนยันโดยเจ้าหน้าที่', problems: [] }
            : { key: ANY_EVIDENCE_KEY, textTh: 'มีหลักฐานเผยแพร่', checks: [], mode: 'declared' as const, satisfied: false, satisfiedBy: null, problems: ['ยังไม่มีหลักฐาน'] },
        ];
  const satisfied = elements.filter((e) => e.satisfied).length;
  return {
    code: input.item.code,
    elements,
    satisfied,
    total: elements.length,
    complete: satisfied === elements.length,
    missing: elements.filter((e) => !e.satisfied).map((e) => e.textTh),
  };
}

/** Share of all elements satisfied, 0–100 with one decimal; 0 for a year without items. */
export function readinessScore(results: Pick<ItemResult, 'satisfied' | 'total'>[]): number {
  const total = results.reduce((s, r) => s + r.total, 0);
  if (total === 0) return 0;
  const done = results.reduce((s, r) => s + r.satisfied, 0);
  return Math.round((1000 * done) / total) / 10;
}

/** Whether a check is one the officer can satisfy only by evidence (used to label forms). */
export const isPeriodCheck = (c: ElementCheck) => PERIOD.includes(c);
export const isContentCheck = (c: ElementCheck) => CONTENT.includes(c);
export const structuredChecksOf = (item: OitItem): ElementCheck[] => [...new Set(item.elements.flatMap((e) => e.checks.filter((c) => STRUCTURED.includes(c))))];

/** Due date when the coordinator has not set one: the end of the year's OIT collection step, else 30 April. */
export function defaultDueDate(calendar: { key: string; to: string }[], fy: number): string {
  const step = calendar.find((s) => s.key === 'oit-collection' || s.key === 'oitDataCollection');
  return step?.to ?? `${fy - 543}-04-30`;
}
