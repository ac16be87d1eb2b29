/**
 * The measures document (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน, OIT item O42), built
 * from the analysis, the catalogue and the officers' improvement plan.
 *
 * The hand-written documents this replaces contradict themselves: a score in the text that is not
 * the one in the table, indicators numbered by rank instead of by their number, elements that
 * O42 requires left out. Here every number is read from the analysis at the point it is written
 * (an indicator's score always comes from `analysis.indicators`, looked up by number), every table
 * is in indicator order, and `checkMeasuresElements` proves the O42 elements are present.
 *
 * Numbers and all free text pass through the agency's digit style, so a Thai-digit document has
 * no Arabic digit at all — item codes included ("O๒๗"), as Thai official documents write them.
 */
import type { Catalogue, ToolCode } from '../../catalogue/index.js';
import type { Analysis, FailedOitItem, QuestionResult } from '../../ita-results/index.js';
import type { ImprovementPlan } from '../../improvement/index.js';
import { validationError } from '../../../shared/errors.js';
import { formatInteger, formatNumber, formatThaiDate, withDigits, type DigitStyle } from '../../../shared/thai.js';
import { cell, type Block, type Cell, type DocModel, type Inline } from './model.js';
import { cellText } from './model-text.js';

export interface MeasuresDocumentInput {
  agency: {
    name: string;
    /** Kind of agency ("เทศบาลตำบล"); prefixed to the name unless the name already starts with it. */
    typeTh?: string;
    digits: DigitStyle;
  };
  catalogue: Catalogue;
  analysis: Analysis;
  plan: ImprovementPlan;
  /** ISO date (CE) printed at the end as the date the document was made. */
  generatedOn?: string;
  /** What the officer chose for this copy (document options); defaults as documented below. */
  options?: MeasuresDocumentOptions;
}

export interface MeasuresDocumentOptions {
  /** Fiscal year (BE) in the title; default the plan's target year (the year after the results). */
  titleYear?: number;
  /** ISO date of issue printed at the end; default `generatedOn` (the day it is made). */
  issuedOn?: string;
  /** Who signs: the signature block in the Thai official layout; none when absent. */
  signer?: { nameTh: string; positionTh: string };
}

/** Dots an official signs on, as printed forms have them. */
export const SIGNATURE_DOTS = '.'.repeat(40);

const TOOLS: ToolCode[] = ['IIT', 'EIT', 'OIT'];

/** Column headers shared by the document and its element check. */
export const MEASURES_HEADERS = {
  results: { indicator: 'ตัวชี้วัด', tool: 'เครื่องมือ', score: 'คะแนน' },
  recommendations: { indicator: 'ตัวชี้วัด', issue: 'ประเด็นการประเมินที่ต้องพัฒนา', method: 'วิธีการพัฒนา' },
  plan: {
    weakness: 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
    steps: 'ขั้นตอนหรือวิธีการ/มาตรการ',
    responsible: 'ผู้รับผิดชอบ',
    monitoring: 'การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ',
  },
} as const;

export const MEASURES_TITLE = 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

/**
 * @example
 * const model = buildMeasuresDocument({ agency: { name: 'เทศบาลตำบลปรุใหญ่', digits: 'thai' }, catalogue, analysis, plan });
 * renderDocx(model);
 */
export function buildMeasuresDocument(input: MeasuresDocumentInput): DocModel {
  const { catalogue, analysis, plan } = input;
  const digits = input.agency.digits;
  if (catalogue.fiscalYear !== analysis.fiscalYear) {
    throw validationError(`แคตตาล็อกปี ${catalogue.fiscalYear} ไม่ตรงกับผลการประเมินปี ${analysis.fiscalYear}`);
  }
  if (plan.resultsYear !== analysis.fiscalYear) {
    throw validationError(`แผนปรับปรุงจัดทำจากผลการประเมินปี ${plan.resultsYear} ไม่ตรงกับผลการประเมินปี ${analysis.fiscalYear}`);
  }

  // Formatting: nothing below writes a digit except through these.
  const num = (v: number) => formatNumber(v, digits);
  const int = (v: number) => formatInteger(v, digits);
  const txt = (s: string) => withDigits(s, digits);
  const mark = (v: number) => (Number.isInteger(v) ? int(v) : num(v));
  const date = (iso: string) => formatThaiDate(iso, { style: 'long', digits });
  const sec = (...parts: number[]) => parts.map(int).join('.');

  const agencyName = fullAgencyName(input.agency.name, input.agency.typeTh);
  const indicators = [...analysis.indicators].sort((a, b) => a.no - b.no);
  const indicator = (no: number) => {
    const found = indicators.find((i) => i.no === no);
    if (!found) throw validationError(`ผลการประเมินไม่มีคะแนนของตัวชี้วัดที่ ${no}`);
    return found;
  };
  const catIndicator = (no: number) => catalogue.indicators.find((i) => i.no === no);
  const toolOf = (code: ToolCode) => catalogue.tools.find((t) => t.code === code);
  const toolName = (code: ToolCode) => txt(toolOf(code)?.nameTh ?? code);
  const ref = (no: number) => `ตัวชี้วัดที่ ${int(no)} ${txt(indicator(no).nameTh)}`;
  const refScore = (no: number) => `${ref(no)} (${num(indicator(no).score)} คะแนน)`;
  const pm = analysis.passMark;
  const ry = analysis.fiscalYear;
  const ty = plan.targetYear;
  const titleYear = input.options?.titleYear ?? ty;

  const blocks: Block[] = [];
  blocks.push({
    kind: 'title',
    lines: [MEASURES_TITLE, `ประจำปีงบประมาณ พ.ศ. ${int(titleYear)}`, `ของ${txt(agencyName)}`],
  });

  // ---- ๑ analysis of results --------------------------------------------------------------
  blocks.push({
    kind: 'heading',
    level: 1,
    text: `${sec(1)}. การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${int(ry)}`,
  });
  const official = analysis.total.official;
  const shownTotal = official ?? analysis.total.computed;
  const levelCode = analysis.level.official ?? analysis.level.computed;
  // Band labels already name the level ("ระดับ C (65.00–74.99 คะแนน)"); rating labels do not ("ผ่านดี").
  const label = analysis.level.computedLabelTh;
  const sameLevel = analysis.level.official === null || analysis.level.official === analysis.level.computed;
  const levelText = !label || !sameLevel ? `ระดับ ${levelCode}` : label.startsWith('ระดับ') ? label : `ระดับ ${label}`;
  const weights = TOOLS.map((c) => `${c} ร้อยละ ${int(toolOf(c)?.weight ?? 0)}`);
  const totalSentence =
    `ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${int(ry)} ` +
    `ของ${txt(agencyName)} ได้คะแนนรวม ${num(shownTotal)} คะแนน${official !== null ? ' ตามที่สำนักงาน ป.ป.ช. ประกาศ' : ''} ` +
    `อยู่ใน${txt(levelText)}`;
  blocks.push({ kind: 'paragraph', indent: true, runs: [totalSentence] });
  // One total counts (the announced one when there is one); the computed total gets one sentence
  // saying it agrees within rounding, or that it does not and by how much.
  if (official !== null) {
    const agrees = Math.abs(official - analysis.total.exact) < 0.01 || official === analysis.total.computed;
    blocks.push({
      kind: 'paragraph',
      indent: true,
      runs: [
        `คะแนนที่คำนวณจากคะแนนรายตัวชี้วัดตามน้ำหนักของแบบวัด (${weights.slice(0, -1).join(' ')} และ ${weights.at(-1)}) ได้ ${num(analysis.total.computed)} คะแนน ` +
          (agrees
            ? 'ตรงกับคะแนนที่ประกาศเมื่อปัดเศษ เอกสารนี้จึงใช้คะแนนที่ประกาศ'
            : `ต่างจากคะแนนที่ประกาศ ${num(Math.abs(official - analysis.total.computed))} คะแนน ควรตรวจสอบคะแนนรายตัวชี้วัดที่บันทึกไว้ เอกสารนี้ใช้คะแนนที่ประกาศ`),
      ],
    });
  }

  blocks.push({
    kind: 'paragraph',
    indent: true,
    runs: [
      analysis.passed
        ? `คะแนนรวมดังกล่าวผ่านเกณฑ์ ${mark(pm)} คะแนน`
        : `คะแนนรวม ${num(shownTotal)} คะแนน ยังไม่ผ่านเกณฑ์ ${mark(pm)} คะแนน โดยต่ำกว่าเกณฑ์อยู่ ${num(analysis.gapToPass)} คะแนน`,
    ],
  });

  blocks.push({ kind: 'paragraph', indent: true, runs: ['ผลคะแนนรายตัวชี้วัด เรียงตามหมายเลขตัวชี้วัด มีดังนี้'] });
  const resultRows: Cell[][] = indicators.map((i) => [
    cell(ref(i.no)),
    cell(i.tool, { align: 'center' }),
    cell(num(i.score), { align: 'right', bold: i.score < pm }),
  ]);
  for (const code of TOOLS) {
    resultRows.push([
      cell(`คะแนนเฉลี่ย${toolName(code)} (น้ำหนักร้อยละ ${int(toolOf(code)?.weight ?? 0)})`, { bold: true }),
      cell(code, { align: 'center', bold: true }),
      cell(num(analysis.tools[code]), { align: 'right', bold: true }),
    ]);
  }
  resultRows.push([
    cell('คะแนนรวม', { bold: true }),
    cell(TOOLS.join(' + '), { align: 'center', bold: true }),
    cell(num(shownTotal), { align: 'right', bold: true }),
  ]);
  blocks.push({
    kind: 'table',
    caption: `ตารางที่ ${int(1)} ผลคะแนน ITA ประจำปีงบประมาณ พ.ศ. ${int(ry)} รายตัวชี้วัด (ตัวเลขหนาคือคะแนนที่ต่ำกว่าเกณฑ์ผ่าน)`,
    columns: [
      { header: MEASURES_HEADERS.results.indicator, width: 6 },
      { header: MEASURES_HEADERS.results.tool, width: 2, align: 'center' },
      { header: MEASURES_HEADERS.results.score, width: 2, align: 'right' },
    ],
    rows: resultRows,
  });

  const below = indicators.filter((i) => i.score < pm);
  blocks.push({
    kind: 'chart',
    title: `คะแนนรายตัวชี้วัดเทียบกับเกณฑ์ผ่าน ${mark(pm)} คะแนน`,
    altText:
      `แผนภูมิแท่งแนวนอนแสดงคะแนนของตัวชี้วัด ${int(indicators.length)} ตัว เทียบกับเส้นเกณฑ์ผ่าน ${mark(pm)} คะแนน: ` +
      indicators
        .map((i) => `ตัวชี้วัดที่ ${int(i.no)} ${txt(i.nameTh)} ${num(i.score)} คะแนน ${i.score < pm ? 'ต่ำกว่าเกณฑ์' : 'ผ่านเกณฑ์'}`)
        .join('; ') +
      `. ผ่านเกณฑ์ ${int(indicators.length - below.length)} ตัว ต่ำกว่าเกณฑ์ ${int(below.length)} ตัว (แสดงด้วยแท่งสีเน้น)`,
    bars: indicators.map((i) => ({ label: `${int(i.no)} ${txt(i.nameTh)}`, value: i.score, highlight: i.score < pm })),
    referenceLine: { value: pm, label: `เกณฑ์ผ่าน ${mark(pm)} คะแนน` },
    max: 100,
  });
  blocks.push({
    kind: 'paragraph',
    indent: true,
    runs: [
      below.length === 0
        ? `ทุกตัวชี้วัดได้คะแนนถึงเกณฑ์ผ่าน ${mark(pm)} คะแนน`
        : `ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ผ่าน ${mark(pm)} คะแนน มี ${int(below.length)} ตัวชี้วัด ได้แก่ ตัวชี้วัดที่ ${below.map((i) => int(i.no)).join(', ')}`,
    ],
  });

  // ---- ๒ results per tool ----------------------------------------------------------------
  blocks.push({ kind: 'heading', level: 1, text: `${sec(2)}. ผลการประเมินแยกตามแบบวัด` });
  TOOLS.forEach((code, t) => {
    blocks.push({ kind: 'heading', level: 2, text: `${sec(2, t + 1)} ${toolName(code)} (${code})` });
    const own = indicators.filter((i) => i.tool === code);
    const lowestNo = analysis.lowestPerTool[code].indicator;
    const strongest = own.reduce((best, i) => (i.score > best.score ? i : best), own[0] ?? indicator(lowestNo));
    let lead = `${toolName(code)} ได้คะแนนเฉลี่ย ${num(analysis.tools[code])} คะแนน `;
    if (strongest.no === lowestNo) {
      lead += `จากตัวชี้วัดเดียว คือ ${refScore(lowestNo)}`;
    } else {
      lead +=
        `ตัวชี้วัดที่ได้คะแนนสูงสุด คือ ${refScore(strongest.no)} ` +
        (strongest.score >= pm ? 'ซึ่งผ่านเกณฑ์ ควรรักษามาตรฐานไว้ ' : 'ซึ่งยังต่ำกว่าเกณฑ์ผ่าน ') +
        `และตัวชี้วัดที่ได้คะแนนต่ำสุด คือ ${refScore(lowestNo)} ซึ่งต้องพัฒนาและปรับปรุงเป็นลำดับแรก`;
    }
    blocks.push({ kind: 'paragraph', indent: true, runs: [lead] });

    if (code !== 'OIT') {
      const questions = lowQuestions(analysis, catalogue, code);
      if (questions.length === 0) return;
      blocks.push({ kind: 'paragraph', runs: [{ text: `ประเด็นที่ต้องพัฒนาของ${ref(lowestNo)} และข้อเสนอแนะ`, bold: true }] });
      blocks.push({
        kind: 'list',
        ordered: false,
        items: questions.map((q): Inline[] => [
          { text: txt(q.code), bold: true },
          ` ${txt(q.textTh)}${q.score !== null ? ` (${num(q.score)} คะแนน)` : ''} ข้อเสนอแนะ: `,
          txt(oneLine(recommendationOf(q, catalogue)) || 'กำหนดแนวทางแก้ไขไว้ในแผนปรับปรุง'),
        ]),
      });
      return;
    }

    const failed = sortFailed(analysis.failedOit);
    if (failed.length === 0) {
      blocks.push({ kind: 'paragraph', indent: true, runs: ['ไม่มีรายการของแบบวัดนี้ที่ไม่ผ่านการประเมิน'] });
      return;
    }
    blocks.push({
      kind: 'paragraph',
      runs: [{ text: `รายการที่ไม่ผ่านการประเมิน ${int(failed.length)} รายการ จำแนกตามตัวชี้วัดและตัวชี้วัดย่อย พร้อมเหตุผลของผู้ประเมิน`, bold: true }],
    });
    for (const no of unique(failed.map((f) => f.indicator))) {
      blocks.push({ kind: 'heading', level: 3, text: refScore(no) });
      const ofIndicator = failed.filter((f) => f.indicator === no);
      for (const sub of unique(ofIndicator.map((f) => f.subIndicator))) {
        const subName = catIndicator(no)?.subIndicators.find((s) => s.code === sub)?.nameTh ?? '';
        blocks.push({ kind: 'paragraph', runs: [{ text: txt(`ตัวชี้วัดย่อยที่ ${sub} ${subName}`.trim()), bold: true }] });
        blocks.push({
          kind: 'list',
          ordered: false,
          items: ofIndicator
            .filter((f) => f.subIndicator === sub)
            .map((f): Inline[] => [
              { text: txt(f.code), bold: true },
              ` ${txt(f.titleTh)}`,
              f.reason.trim() ? ` เหตุผลของผู้ประเมิน: ${txt(f.reason.trim())}` : '',
            ]),
        });
      }
    }
  });

  // ---- ๓ strengths and weaknesses ----------------------------------------------------------
  blocks.push({ kind: 'heading', level: 1, text: `${sec(3)}. จุดแข็งและจุดอ่อนจากผลการประเมิน` });
  blocks.push({
    kind: 'paragraph',
    indent: true,
    runs: [`ผลการประเมินประจำปีงบประมาณ พ.ศ. ${int(ry)} แสดงจุดแข็งที่ควรรักษาไว้และจุดอ่อนที่ต้องพัฒนา ดังนี้`],
  });
  blocks.push({ kind: 'heading', level: 2, text: `${sec(3, 1)} จุดแข็ง` });
  const strengths = unique(analysis.strengths).sort((a, b) => a - b);
  blocks.push({
    kind: 'paragraph',
    indent: true,
    runs: [
      strengths.length === 0
        ? `ไม่มีตัวชี้วัดใดได้คะแนนตั้งแต่ ${mark(catalogue.strengthThreshold)} คะแนนขึ้นไป`
        : `ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${mark(catalogue.strengthThreshold)} คะแนนขึ้นไป มี ${int(strengths.length)} ตัวชี้วัด ได้แก่`,
    ],
  });
  for (const no of strengths) {
    blocks.push({
      kind: 'paragraph',
      indent: true,
      runs: [{ text: refScore(no), bold: true }, ' ', txt(catIndicator(no)?.descriptionTh ?? '')],
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: `${sec(3, 2)} จุดอ่อนที่ต้องพัฒนา` });
  const weakest = unique(TOOLS.map((c) => analysis.lowestPerTool[c].indicator)).sort((a, b) => a - b);
  blocks.push({ kind: 'paragraph', indent: true, runs: ['ตัวชี้วัดที่ได้คะแนนต่ำสุดของแต่ละแบบวัด ได้แก่'] });
  for (const no of weakest) {
    const tools = TOOLS.filter((c) => analysis.lowestPerTool[c].indicator === no);
    blocks.push({
      kind: 'paragraph',
      indent: true,
      runs: [
        { text: refScore(no), bold: true },
        ` คะแนนต่ำสุดของ${tools.map((c) => `${toolName(c)} (${c})`).join(' และ ')} `,
        txt(catIndicator(no)?.descriptionTh ?? ''),
      ],
    });
  }

  // ---- ๔ recommendations per tool ----------------------------------------------------------
  blocks.push({ kind: 'heading', level: 1, text: `${sec(4)}. ข้อเสนอแนะจากการวิเคราะห์ผลการประเมิน` });
  const recColumns = [
    { header: MEASURES_HEADERS.recommendations.indicator, width: 2 },
    { header: MEASURES_HEADERS.recommendations.issue, width: 4 },
    { header: MEASURES_HEADERS.recommendations.method, width: 5 },
  ];
  TOOLS.forEach((code, t) => {
    const lowestNo = analysis.lowestPerTool[code].indicator;
    blocks.push({ kind: 'heading', level: 2, text: `${sec(4, t + 1)} ${toolName(code)} (${code})` });
    if (code !== 'OIT') {
      blocks.push({
        kind: 'paragraph',
        indent: true,
        runs: [`ตัวชี้วัดที่มีคะแนนต่ำสุดของแบบวัดนี้ คือ ${refScore(lowestNo)} หน่วยงานจะพัฒนาในประเด็นต่อไปนี้`],
      });
      const questions = lowQuestions(analysis, catalogue, code);
      blocks.push({
        kind: 'table',
        columns: recColumns,
        rows: questions.map((q) => [
          cell(ref(lowestNo)),
          cell(`${txt(q.code)} ${txt(q.textTh)}`),
          bulletCell(recommendationOf(q, catalogue), txt),
        ]),
      });
      return;
    }
    const failed = sortFailed(analysis.failedOit);
    blocks.push({
      kind: 'paragraph',
      indent: true,
      runs: [
        `ตัวชี้วัดที่มีคะแนนต่ำสุดของแบบวัดนี้ คือ ${refScore(lowestNo)} ` +
          (failed.length === 0
            ? 'และไม่มีรายการที่ไม่ผ่านการประเมิน'
            : `รายการที่ไม่ผ่านการประเมินทั้ง ${int(failed.length)} รายการ จะพัฒนาดังนี้`),
      ],
    });
    if (failed.length === 0) return;
    blocks.push({
      kind: 'table',
      columns: recColumns,
      rows: failed.map((f) => {
        const subName = catIndicator(f.indicator)?.subIndicators.find((s) => s.code === f.subIndicator)?.nameTh ?? '';
        return [
          { paragraphs: [[ref(f.indicator)], [txt(`ตัวชี้วัดย่อยที่ ${f.subIndicator} ${subName}`.trim())]] },
          {
            paragraphs: [
              [{ text: txt(f.code), bold: true }, ` ${txt(f.titleTh)}`],
              ...(f.reason.trim() ? [[`เหตุผลของผู้ประเมิน: ${txt(f.reason.trim())}`]] : []),
            ],
          },
          bulletCell(oitRecommendation(f, catalogue), txt),
        ];
      }),
    });
  });

  // ---- ๕ improvement plan ------------------------------------------------------------------
  blocks.push({
    kind: 'heading',
    level: 1,
    text: `${sec(5)}. การนำผลการประเมินไปดำเนินการปรับปรุงและพัฒนาในปีงบประมาณ พ.ศ. ${int(ty)}`,
  });
  const rows = [...plan.rows].sort((a, b) => a.order - b.order);
  blocks.push({
    kind: 'paragraph',
    indent: true,
    runs: [
      `หน่วยงานกำหนดประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไข ${int(rows.length)} ประเด็น ` +
        'พร้อมขั้นตอนหรือวิธีการปฏิบัติ ผู้รับผิดชอบ และการกำกับติดตามและรายงานผล ดังนี้',
    ],
  });
  blocks.push({
    kind: 'table',
    columns: [
      { header: MEASURES_HEADERS.plan.weakness, width: 3 },
      { header: MEASURES_HEADERS.plan.steps, width: 4 },
      { header: MEASURES_HEADERS.plan.responsible, width: 2, align: 'center' },
      { header: MEASURES_HEADERS.plan.monitoring, width: 4 },
    ],
    rows: rows.map((r, i) => [
      cell(`${int(i + 1)}. ${txt(r.weaknessTh)}`),
      { paragraphs: r.steps.map((s) => [txt(s)]), bullets: true },
      cell(txt(r.responsibleUnit), { align: 'center' }),
      {
        paragraphs: [
          ...r.monitoring.map((m, j): Inline[] => [`${int(j + 1)}. ${txt(m)}`]),
          [{ text: 'กำหนดเวลาแล้วเสร็จ', bold: true }],
          [`รายงานรอบ ${int(6)} เดือน ภายใน ${date(r.sixMonthDue)}`],
          [`รายงานรอบ ${int(12)} เดือน ภายใน ${date(r.twelveMonthDue)}`],
        ],
      },
    ]),
  });

  // ---- ๖ driving measures ------------------------------------------------------------------
  blocks.push({ kind: 'heading', level: 1, text: `${sec(6)}. มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส` });
  [...plan.drivingMeasures]
    .sort((a, b) => a.order - b.order)
    .forEach((m, i) => {
      blocks.push({
        kind: 'paragraph',
        indent: true,
        runs: [{ text: `${int(i + 1)}. ${txt(m.titleTh)}`, bold: true }, m.detailTh.trim() ? ` ${txt(m.detailTh.trim())}` : ''],
      });
    });

  const issuedOn = input.options?.issuedOn ?? input.generatedOn;
  const signer = input.options?.signer;
  if (signer) {
    // Thai official layout: date, room to sign, "(ลงชื่อ) ……", "(name)", position — right half.
    blocks.push({
      kind: 'signature',
      lines: [
        ...(issuedOn ? [`จัดทำ ณ วันที่ ${date(issuedOn)}`] : []),
        `(ลงชื่อ) ${SIGNATURE_DOTS}`,
        `(${txt(signer.nameTh.trim())})`,
        txt(signer.positionTh.trim()),
      ],
    });
  } else if (issuedOn) {
    blocks.push({ kind: 'paragraph', align: 'left', runs: [`จัดทำ ณ วันที่ ${date(issuedOn)}`] });
  }

  return {
    title: `${MEASURES_TITLE} ประจำปีงบประมาณ พ.ศ. ${int(titleYear)} ของ${txt(agencyName)}`,
    // File names keep Arabic digits whatever the document's style: they are sorted and searched.
    fileName: safeFileName(`มาตรการส่งเสริมคุณธรรมและความโปร่งใส-${titleYear}-${agencyName}`),
    lang: 'th',
    digits,
    author: txt(agencyName),
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------

function fullAgencyName(name: string, typeTh?: string): string {
  const n = name.trim();
  const t = typeTh?.trim();
  return t && !n.startsWith(t) ? `${t}${n}` : n;
}

function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\r\n\t]+/g, '').replace(/\s+/g, '-');
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function codeNumber(code: string): number {
  const m = /(\d+)/.exec(code);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function sortFailed(items: FailedOitItem[]): FailedOitItem[] {
  const seen = new Set<string>();
  return [...items]
    .sort((a, b) => a.indicator - b.indicator || codeNumber(a.code) - codeNumber(b.code))
    .filter((i) => (seen.has(i.code) ? false : (seen.add(i.code), true)));
}

/**
 * The low questions of a tool's lowest indicator; without entered question scores the analysis
 * may list none, and then the catalogue's questions of that indicator stand in (as in the plan).
 */
function lowQuestions(analysis: Analysis, catalogue: Catalogue, tool: ToolCode): QuestionResult[] {
  const lowest = analysis.lowestPerTool[tool];
  if (lowest.questions.length > 0) return lowest.questions;
  return catalogue.questions
    .filter((q) => q.indicator === lowest.indicator)
    .sort((a, b) => codeNumber(a.code) - codeNumber(b.code))
    .map((q) => ({ code: q.code, textTh: q.textTh, score: null, recommendationTh: q.recommendationTh }));
}

function recommendationOf(q: QuestionResult, catalogue: Catalogue): string {
  return q.recommendationTh.trim() || catalogue.questions.find((c) => c.code === q.code)?.recommendationTh.trim() || '';
}

function oitRecommendation(f: FailedOitItem, catalogue: Catalogue): string {
  return (
    f.recommendation.trim() ||
    catalogue.oitItems.find((o) => o.code === f.code)?.recommendationTh.trim() ||
    'ปรับปรุงข้อมูลให้ครบตามองค์ประกอบที่กำหนด และเผยแพร่บนเว็บไซต์ของหน่วยงาน'
  );
}

function oneLine(s: string): string {
  return s
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-•▪]\s*/, '').trim())
    .filter(Boolean)
    .join(' ');
}

function bulletCell(text: string, txt: (s: string) => string): Cell {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-•▪]\s*/, '').trim())
    .filter(Boolean);
  return { paragraphs: (lines.length > 0 ? lines : ['กำหนดแนวทางแก้ไขไว้ในแผนปรับปรุง']).map((l) => [txt(l)]), bullets: true };
}

// ---------------------------------------------------------------------------------------------
// O42 element check

/** What O42 requires the measures document to contain. */
export const O42_ELEMENTS = [
  { key: 'analysis', labelTh: 'การวิเคราะห์ผลการประเมิน ITA' },
  { key: 'weaknesses', labelTh: 'ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไข' },
  { key: 'measures', labelTh: 'มาตรการหรือแนวทางเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส' },
  { key: 'responsible', labelTh: 'ผู้รับผิดชอบ' },
  { key: 'steps', labelTh: 'ขั้นตอนหรือวิธีการปฏิบัติ' },
  { key: 'monitoring', labelTh: 'การกำกับติดตามและการรายงานผล' },
] as const;
export type O42ElementKey = (typeof O42_ELEMENTS)[number]['key'];

/**
 * The catalogue's element keys (OIT item with role `measures`) each checked element answers.
 * The plan table's weakness rows are both the urgent weaknesses and the issues to improve.
 */
const CATALOGUE_KEYS: Record<O42ElementKey, string[]> = {
  analysis: ['analysis'],
  weaknesses: ['urgent-weaknesses', 'improvements', 'weaknesses'],
  measures: ['measures'],
  responsible: ['responsible'],
  steps: ['steps'],
  monitoring: ['monitoring'],
};

/**
 * The elements of the year's measures item that this document is proven to contain (by
 * `checkMeasuresElements`), as the catalogue names them: the generated document claims exactly
 * these, so the OIT checks accept it without an officer confirming each element by hand.
 */
export function claimedCatalogueElements(model: DocModel, itemElements: { key: string; checks: readonly string[] }[]): string[] {
  const proven = new Set(checkMeasuresElements(model).filter((e) => e.present).flatMap((e) => CATALOGUE_KEYS[e.key]));
  // Elements the OIT module checks by machine (the fiscal year covered) are claimed too: claiming
  // only offers the document to the check, which still decides.
  return itemElements.filter((e) => proven.has(e.key) || e.checks.length > 0).map((e) => e.key);
}

export interface ElementPresence {
  key: O42ElementKey;
  labelTh: string;
  present: boolean;
}

export interface MeasuresSection {
  heading: string;
  blocks: Block[];
}

/** Splits a model into its level-1 sections. */
export function measuresDocumentSections(model: DocModel): MeasuresSection[] {
  const sections: MeasuresSection[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'heading' && b.level === 1) sections.push({ heading: b.text, blocks: [] });
    else sections.at(-1)?.blocks.push(b);
  }
  return sections;
}

/**
 * Checks a measures document for the elements O42 requires. It reads the structure (sections and
 * the plan table's columns), not this builder's internals, so it also guards edited models.
 */
export function checkMeasuresElements(model: DocModel): ElementPresence[] {
  const sections = measuresDocumentSections(model);
  const tables = model.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
  const H = MEASURES_HEADERS.plan;
  const planTable = tables.find((t) => t.columns.some((c) => c.header === H.weakness));
  const column = (header: string): string[] | null => {
    if (!planTable || planTable.rows.length === 0) return null;
    const i = planTable.columns.findIndex((c) => c.header === header);
    return i < 0 ? null : planTable.rows.map((r) => (r[i] ? cellText(r[i]) : ''));
  };
  const filled = (header: string, test: (s: string) => boolean = () => true) => {
    const values = column(header);
    return values !== null && values.every((v) => v.replace(/^[0-9๐-๙]+\.\s*/, '').trim() !== '' && test(v));
  };
  const hasContent = (s: MeasuresSection) =>
    s.blocks.some((b) => (b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'table') && blockHasText(b));

  const present: Record<O42ElementKey, boolean> = {
    analysis: sections.some(
      (s) =>
        s.heading.includes('การวิเคราะห์ผลการประเมิน') &&
        s.blocks.some((b) => b.kind === 'table' && b.rows.length > 0 && b.columns.some((c) => c.header === MEASURES_HEADERS.results.score)),
    ),
    weaknesses: sections.some((s) => s.heading.includes('จุดอ่อน') && hasContent(s)) && filled(H.weakness),
    measures: sections.some((s) => s.heading.includes('มาตรการ') && s.heading.includes('ขับเคลื่อน') && hasContent(s)),
    responsible: filled(H.responsible),
    steps: filled(H.steps),
    monitoring: filled(H.monitoring, (v) => v.includes('รายงาน') && v.includes('ติดตาม')),
  };
  return O42_ELEMENTS.map((e) => ({ key: e.key, labelTh: e.labelTh, present: present[e.key] }));
}

function blockHasText(b: Block): boolean {
  switch (b.kind) {
    case 'paragraph':
      return b.runs.some((r) => (typeof r === 'string' ? r : r.text).trim() !== '');
    case 'list':
      return b.items.length > 0;
    case 'table':
      return b.rows.length > 0;
    default:
      return false;
  }
}
