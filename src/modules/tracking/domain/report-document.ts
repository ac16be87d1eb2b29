/**
 * Periodic reports as renderer-neutral documents (the documents module's model → DOCX, PDF,
 * HTML). Every report states its period exactly ("ระหว่างเดือนตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙") and
 * ends with its "ปัญหา อุปสรรค" and "ข้อเสนอแนะ" sections; every digit passes through the
 * agency's digit style. Builders take validated content: the service refuses incomplete content
 * before anything is built.
 */
import type { Block, Cell, DocModel } from '../../documents/domain/model.js';
import { cell } from '../../documents/domain/model.js';
import type { OitItem } from '../../catalogue/domain/schema.js';
import { formatInteger, formatNumber, formatThaiDate, withDigits, type DigitStyle } from '../../../shared/thai.js';
import { periodText, roundLabel, type Round } from './period.js';
import { countStates, measureState, STATE_LABELS, type TrackedMeasure } from './types.js';
import type { AntiCorruptionPlanContent, GenericContent, MeasuresContent, ProjectsReportContent, ReportKind } from './report-content.js';
import { KIND_LABELS } from './report-content.js';

export interface ReportHeader {
  agencyName: string;
  digits: DigitStyle;
  fiscalYear: number;
  round: Round;
  /** ISO date the report is dated (and the "as of" of measure states). */
  asOf: string;
}

function fmt(h: ReportHeader) {
  const d = h.digits;
  return {
    txt: (s: string) => withDigits(s, d),
    int: (v: number) => formatInteger(v, d),
    // Whole baht without decimals (as budgets are written); satang only when there are some.
    money: (v: number) => withDigits(v.toLocaleString('en-US', Number.isInteger(v) ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }), d),
    date: (iso: string) => formatThaiDate(iso, { style: 'long', digits: d }),
    short: (iso: string) => formatThaiDate(iso, { style: 'short', digits: d }),
  };
}

/** Title lines: what, which year and round, which agency, and the exact period. */
function titleBlock(title: string, h: ReportHeader): Block {
  const f = fmt(h);
  const round = roundLabel(h.round, h.digits);
  return {
    kind: 'title',
    lines: [title, f.txt(`ประจำปีงบประมาณ พ.ศ. ${h.fiscalYear}${round ? ` (${round})` : ''}`), h.agencyName, periodText(h.fiscalYear, h.round, h.digits)],
  };
}

const paragraphs = (text: string, digits: DigitStyle): Block[] =>
  text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', runs: [withDigits(p, digits)], indent: true }) as Block);

function problemsBlocks(no: number, content: { problems: string; suggestions: string }, h: ReportHeader): Block[] {
  const f = fmt(h);
  return [
    { kind: 'heading', level: 1, text: `${f.int(no)}. ปัญหา อุปสรรค` },
    ...paragraphs(content.problems, h.digits),
    { kind: 'heading', level: 1, text: `${f.int(no + 1)}. ข้อเสนอแนะ` },
    ...paragraphs(content.suggestions, h.digits),
  ];
}

function closing(h: ReportHeader): Block {
  return { kind: 'paragraph', runs: [`ข้อมูล ณ วันที่ ${fmt(h).date(h.asOf)}`], align: 'left' };
}

const FILE_NAMES: Record<ReportKind, string> = {
  measures: 'รายงานผลการดำเนินการตามมาตรการ',
  'anti-corruption-plan': 'แผนปฏิบัติการป้องกันการทุจริต',
  'anti-corruption-report': 'รายงานผลการป้องกันการทุจริต',
  'operating-plan-report': 'รายงานผลการดำเนินงาน',
  generic: 'รายงาน',
};

function fileName(kind: ReportKind, h: ReportHeader, extra = ''): string {
  return `${FILE_NAMES[kind]}${extra} ${h.fiscalYear}${h.round ? ` รอบ ${h.round} เดือน` : ''}`.replace(/[\\/:*?"<>|]/g, ' ').trim();
}

const model = (kind: ReportKind, title: string, h: ReportHeader, blocks: Block[], extra = ''): DocModel => ({
  title: withDigits(`${title} ประจำปีงบประมาณ พ.ศ. ${h.fiscalYear}${h.round ? ` รอบ ${h.round} เดือน` : ''}`, h.digits),
  fileName: fileName(kind, h, extra),
  lang: 'th',
  digits: h.digits,
  author: h.agencyName,
  blocks,
});

/** The measures-implementation report (6 or 12 months) from the tracked measures. */
export function buildMeasuresReport(h: ReportHeader, measures: TrackedMeasure[], content: MeasuresContent): DocModel {
  const f = fmt(h);
  const c = countStates(measures, h.asOf);
  const summary = f.txt(
    `ในรอบนี้หน่วยงานติดตามมาตรการทั้งสิ้น ${c.total} มาตรการ ดำเนินการแล้วเสร็จ ${c.done} มาตรการ อยู่ระหว่างดำเนินการ ${c.inProgress} มาตรการ ล่าช้ากว่าแผน ${c.late} มาตรการ ยังไม่เริ่ม ${c.notStarted} มาตรการ` +
      (c.cancelled ? ` และยกเลิก ${c.cancelled} มาตรการ` : ''),
  );
  const rows: Cell[][] = measures.map((m, i) => {
    const state = measureState(m, h.asOf);
    const result: string[] = [STATE_LABELS[state] + (m.doneOn && state === 'done' ? ` (${f.short(m.doneOn)})` : '')];
    for (const n of m.notes.slice(-3)) result.push(f.txt(n.noteTh));
    if (m.outputsTh) result.push(f.txt(`ผลผลิต: ${m.outputsTh}`));
    if (m.indicatorsTh) result.push(f.txt(`ตัวชี้วัด: ${m.indicatorsTh}`));
    const evidence = m.evidence.length
      ? m.evidence.map((e) => f.txt(`${e.kind === 'photo' ? 'ภาพกิจกรรม' : e.kind === 'link' ? 'ลิงก์' : 'เอกสาร'}: ${e.title}`))
      : ['–'];
    return [
      cell(f.int(i + 1), { align: 'center' }),
      { paragraphs: [[{ text: f.txt(m.titleTh), bold: true }], ...m.activities.map((a) => [f.txt(a)])] },
      { paragraphs: [[f.txt(m.unitName || '–')], ...(m.responsiblePerson ? [[f.txt(m.responsiblePerson)]] : [])] },
      // Start and end on lines of their own: a narrow column then never breaks a date in two.
      { paragraphs: [[f.short(m.plannedFrom)], [`– ${f.short(m.plannedTo)}`]] },
      { paragraphs: result.map((r) => [r]) },
      { paragraphs: evidence.map((e) => [e]) },
    ];
  });
  const blocks: Block[] = [
    titleBlock(KIND_LABELS.measures, h),
    { kind: 'heading', level: 1, text: `${f.int(1)}. สรุปผลการดำเนินงาน` },
    { kind: 'paragraph', runs: [summary], indent: true },
    ...paragraphs(content.summary, h.digits),
    { kind: 'heading', level: 1, text: `${f.int(2)}. ผลการดำเนินการตามมาตรการ` },
    {
      kind: 'table',
      caption: f.txt(`ผลการดำเนินการตามมาตรการ ${periodText(h.fiscalYear, h.round, h.digits)}`),
      columns: [
        { header: 'ที่', width: 5, align: 'center' },
        { header: 'มาตรการ/กิจกรรม', width: 27 },
        { header: 'ผู้รับผิดชอบ', width: 17 },
        { header: 'ระยะเวลา', width: 14 },
        { header: 'ผลการดำเนินงาน', width: 23 },
        { header: 'หลักฐาน', width: 14 },
      ],
      rows,
    },
    ...problemsBlocks(3, content, h),
    closing(h),
  ];
  return model('measures', KIND_LABELS.measures, h, blocks);
}

/** The anti-corruption action plan: projects, budget, period, responsible unit. */
export function buildAntiCorruptionPlan(h: ReportHeader, content: AntiCorruptionPlanContent): DocModel {
  const f = fmt(h);
  const total = content.projects.reduce((s, p) => s + p.budget, 0);
  const blocks: Block[] = [
    titleBlock(KIND_LABELS['anti-corruption-plan'], h),
    ...paragraphs(content.intro, h.digits),
    {
      kind: 'table',
      // Money in baht, named in the caption: short headers never wrap (a wrapped header overlaps in LibreOffice).
      caption: f.txt(`โครงการ/กิจกรรมตามแผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. ${h.fiscalYear} (จำนวนเงิน: บาท)`),
      columns: [
        { header: 'ที่', width: 5, align: 'center' },
        { header: 'โครงการ/กิจกรรม', width: 32 },
        { header: 'งบประมาณ', width: 20, align: 'right' },
        { header: 'ระยะเวลาดำเนินการ', width: 22 },
        { header: 'หน่วยงานที่รับผิดชอบ', width: 21 },
      ],
      rows: [
        ...content.projects.map((p, i) => [cell(f.int(i + 1), { align: 'center' }), cell(f.txt(p.name)), cell(f.money(p.budget), { align: 'right' }), cell(f.txt(p.period)), cell(f.txt(p.unit))]),
        [cell(''), cell('รวม', { bold: true }), cell(f.money(total), { align: 'right', bold: true }), cell(''), cell('')],
      ],
    },
    closing(h),
  ];
  return model('anti-corruption-plan', KIND_LABELS['anti-corruption-plan'], h, blocks);
}

/** A projects-and-budget report: the anti-corruption results or the annual operating plan's. */
export function buildProjectsReport(kind: 'anti-corruption-report' | 'operating-plan-report', h: ReportHeader, content: ProjectsReportContent): DocModel {
  const f = fmt(h);
  const budget = content.projects.reduce((s, p) => s + p.budget, 0);
  const spent = content.projects.reduce((s, p) => s + p.spent, 0);
  const share = budget > 0 ? formatNumber((spent / budget) * 100, h.digits, 2) : f.int(0);
  const blocks: Block[] = [
    titleBlock(KIND_LABELS[kind], h),
    { kind: 'heading', level: 1, text: `${f.int(1)}. สรุปผลการดำเนินงาน` },
    {
      kind: 'paragraph',
      runs: [f.txt(`โครงการ/กิจกรรมทั้งสิ้น ${content.projects.length} รายการ งบประมาณรวม `) + f.money(budget) + ' บาท ใช้จ่ายแล้ว ' + f.money(spent) + ` บาท คิดเป็นร้อยละ ${share}`],
      indent: true,
    },
    ...paragraphs(content.summary, h.digits),
    { kind: 'heading', level: 1, text: `${f.int(2)}. ผลการดำเนินงานรายโครงการ` },
    {
      kind: 'table',
      caption: 'ผลการดำเนินงานรายโครงการ (จำนวนเงิน: บาท)',
      columns: [
        { header: 'ที่', width: 5, align: 'center' },
        { header: 'โครงการ/กิจกรรม', width: 23 },
        { header: 'งบประมาณ', width: 18, align: 'right' },
        { header: 'ใช้จ่ายจริง', width: 18, align: 'right' },
        { header: 'ผลการดำเนินงาน', width: 36 },
      ],
      rows: [
        ...content.projects.map((p, i) => [
          cell(f.int(i + 1), { align: 'center' }),
          { paragraphs: [[f.txt(p.name)], ...(p.unit ? [[f.txt(p.unit)]] : [])] },
          cell(f.money(p.budget), { align: 'right' }),
          cell(f.money(p.spent), { align: 'right' }),
          cell(f.txt(p.result)),
        ]),
        [cell(''), cell('รวม', { bold: true }), cell(f.money(budget), { align: 'right', bold: true }), cell(f.money(spent), { align: 'right', bold: true }), cell('')],
      ],
    },
    ...problemsBlocks(3, content, h),
    closing(h),
  ];
  return model(kind, KIND_LABELS[kind], h, blocks);
}

/** A report whose sections are the item's elements, in the catalogue's order. */
export function buildGenericReport(h: ReportHeader, title: string, item: OitItem, content: GenericContent): DocModel {
  const f = fmt(h);
  const blocks: Block[] = [titleBlock(title, h)];
  let no = 0;
  for (const el of sectionElements(item)) {
    blocks.push({ kind: 'heading', level: 1, text: `${f.int(++no)}. ${f.txt(el.textTh)}` }, ...paragraphs(content.sections[el.key] ?? '', h.digits));
  }
  if (content.problems && content.suggestions) blocks.push(...problemsBlocks(no + 1, { problems: content.problems, suggestions: content.suggestions }, h));
  blocks.push(closing(h));
  return model('generic', title, h, blocks, ` ${item.code}`);
}

/**
 * The elements that become written sections: not the period (the title states it) and not
 * problems/suggestions (their own required fields), nor machine-only checks like a link.
 */
export function sectionElements(item: OitItem): OitItem['elements'] {
  const skip = new Set(['covers-fiscal-year', 'covers-first-half', 'covers-previous-year', 'has-problems-section', 'has-suggestions-section', 'https-link', 'pdf-text-layer']);
  return item.elements.filter((e) => !e.checks.some((c) => skip.has(c)) && !e.checks.some((c) => c.startsWith('structured-')));
}

/** Whether an item asks for problems and suggestions (then a generic report requires them). */
export const needsProblems = (item: OitItem): boolean => item.elements.some((e) => e.checks.includes('has-problems-section') || e.checks.includes('has-suggestions-section'));
