/**
 * The monthly summary (แบบ สขร.๑) and the annual procurement report, computed from the register
 * and built as renderer-neutral documents (DOCX, PDF, HTML through the documents module). Every
 * number passes through the agency's digit style; a month without procurement says so.
 */
import type { Block, Cell, DocModel } from '../../documents/index.js';
import { cell } from '../../documents/index.js';
import { THAI_MONTHS, formatThaiDate, withDigits, type DigitStyle } from '../../../shared/thai.js';
import { matchPlan } from './plan-match.js';
import { METHOD_FAMILY_LABELS, fiscalMonths, methodFamily, monthOf, typeOf, type Contract } from './types.js';

export interface MonthlyRow {
  no: number;
  contract: Contract;
}

export interface MonthlySummary {
  month: string;
  fiscalYear: number;
  rows: MonthlyRow[];
  totals: { count: number; budget: number; referencePrice: number; agreedPrice: number };
  empty: boolean;
}

const sum = (xs: (number | null)[]) => Math.round(xs.reduce<number>((a, b) => a + (b ?? 0), 0) * 100) / 100;

/** The contracts of one month ('YYYY-MM'), in date order, with totals. */
export function monthlySummary(contracts: Contract[], month: string, fiscalYear: number): MonthlySummary {
  const rows = contracts
    .filter((c) => monthOf(c.procuredOn) === month)
    .sort((a, b) => a.procuredOn.localeCompare(b.procuredOn) || a.projectNo.localeCompare(b.projectNo))
    .map((contract, i) => ({ no: i + 1, contract }));
  const list = rows.map((r) => r.contract);
  return {
    month,
    fiscalYear,
    rows,
    totals: { count: rows.length, budget: sum(list.map((c) => c.budget)), referencePrice: sum(list.map((c) => c.referencePrice)), agreedPrice: sum(list.map((c) => c.agreedPrice)) },
    empty: rows.length === 0,
  };
}

/** "มกราคม 2569" */
export function monthLabel(month: string, digits: DigitStyle = 'arabic'): string {
  const [y, m] = month.split('-').map(Number);
  return withDigits(`${THAI_MONTHS[m! - 1]} ${y! + 543}`, digits);
}

export function money(v: number | null, digits: DigitStyle): string {
  if (v === null) return '–';
  return withDigits(v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), digits);
}

/** The official column headers of แบบ สขร.๑, in order. */
export const SKR1_COLUMNS = [
  'ลำดับที่',
  'งานที่จัดซื้อหรือจัดจ้าง',
  'วงเงินที่จัดซื้อหรือจัดจ้าง (บาท)',
  'ราคากลาง (บาท)',
  'วิธีซื้อหรือจ้าง',
  'รายชื่อผู้เสนอราคาและราคาที่เสนอ',
  'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง',
  'เหตุผลที่คัดเลือกโดยสังเขป',
  'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง',
] as const;

/** One row of the form as cell texts (also the public JSON and the page use it). */
export function skr1Cells(r: MonthlyRow, digits: DigitStyle): string[] {
  const c = r.contract;
  const date = c.contractDate ? formatThaiDate(c.contractDate, { style: 'short', digits }) : '';
  return [
    withDigits(String(r.no), digits),
    c.titleTh,
    money(c.budget, digits),
    money(c.referencePrice, digits),
    c.method,
    // Names and prices on lines of their own: long digit runs must not break inside a narrow cell.
    c.bidders.map((b) => (b.price === null ? b.name : `${b.name}\n${money(b.price, digits)} บาท`)).join('\n') || '–',
    `${c.winner}${c.agreedPrice !== null ? `\n${money(c.agreedPrice, digits)} บาท` : ''}`,
    c.reason || '–',
    [c.contractNo ? `เลขที่ ${withDigits(c.contractNo, digits)}` : '', date ? `ลงวันที่ ${date}` : ''].filter(Boolean).join('\n') || '–',
  ];
}

export interface DocHeader {
  agencyName: string;
  digits: DigitStyle;
  /** ISO date the document is dated. */
  asOf: string;
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]/g, ' ').trim();

export function buildMonthlyDocument(h: DocHeader, s: MonthlySummary): DocModel {
  const d = h.digits;
  const label = monthLabel(s.month, d);
  const title = `สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ${label}`;
  const blocks: Block[] = [
    { kind: 'title', lines: ['แบบ สขร.๑', title, h.agencyName, withDigits(`ปีงบประมาณ พ.ศ. ${s.fiscalYear}`, d)] },
  ];
  // Points of the landscape text width (700 pt), so that at the compact size an amount up to
  // ๙๙,๙๙๙,๙๙๙.๙๙ stays on one line in the price columns and every word ("อิเล็กทรอนิกส์", "ลำดับที่") fits its column.
  const widths = [44, 78, 92, 92, 72, 90, 92, 56, 84];
  const columns = SKR1_COLUMNS.map((header, i) => ({ header, width: widths[i]!, ...(i === 0 ? { align: 'center' as const } : i === 2 || i === 3 ? { align: 'right' as const } : {}) }));
  if (s.empty) {
    blocks.push({ kind: 'paragraph', runs: [`ไม่มีการจัดซื้อจัดจ้างในเดือน ${label}`], align: 'center' });
    blocks.push({ kind: 'table', caption: title, columns, compact: true, rows: [[cell('–', { align: 'center' }), cell(`ไม่มีการจัดซื้อจัดจ้างในเดือน ${label}`), ...Array.from({ length: 7 }, () => cell('–', { align: 'center' }))]] });
  } else {
    const rows: Cell[][] = s.rows.map((r) => skr1Cells(r, d).map((t, i) => ({ paragraphs: t.split('\n').map((p) => [p]), ...(i === 0 ? { align: 'center' as const } : i === 2 || i === 3 ? { align: 'right' as const } : {}) })));
    rows.push([
      cell('', {}),
      cell(withDigits(`รวม ${s.totals.count} รายการ`, d), { bold: true }),
      cell(money(s.totals.budget, d), { bold: true, align: 'right' }),
      cell(money(s.totals.referencePrice, d), { bold: true, align: 'right' }),
      cell(''),
      cell(''),
      { paragraphs: [['รวมราคาที่ตกลง'], [`${money(s.totals.agreedPrice, d)} บาท`]], bold: true },
      cell(''),
      cell(''),
    ]);
    blocks.push({ kind: 'table', caption: title, columns, compact: true, rows });
  }
  blocks.push({ kind: 'paragraph', runs: [`ข้อมูล ณ วันที่ ${formatThaiDate(h.asOf, { style: 'long', digits: d })}`], align: 'left' });
  // The official form is a nine-column table: landscape, as agencies print it.
  return { title: `${title} ${h.agencyName}`, fileName: safeName(`สขร1 ${s.month}`), lang: 'th', digits: d, author: h.agencyName, orientation: 'landscape', blocks };
}

// ------------------------------------------------------------------------------------------
// Annual report

export interface PlanItem {
  titleTh: string;
  budget: number | null;
  method: string;
  /** e-GP project number, when the plan lists one (matched before names). */
  projectNo?: string | null;
}

export interface AnnualAnalysis {
  fiscalYear: number;
  count: number;
  budget: number;
  agreedPrice: number;
  /** budget − agreed price over contracts with both. */
  savings: number;
  byMethod: { key: string; label: string; count: number; agreedPrice: number; share: number }[];
  byType: { label: string; count: number; agreedPrice: number }[];
  eBidding: { count: number; agreedPrice: number; shareOfValue: number; shareOfCount: number };
  largest: Contract[];
  byMonth: { month: string; count: number; agreedPrice: number }[];
  plan: { items: number; budget: number; matched: number; unmatched: string[]; spentShare: number } | null;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0);

export function annualAnalysis(contracts: Contract[], fiscalYear: number, plan: PlanItem[] | null, topN = 5): AnnualAnalysis {
  const total = sum(contracts.map((c) => c.agreedPrice));
  const families = new Map<string, { count: number; agreedPrice: number }>();
  for (const c of contracts) {
    const f = methodFamily(c.method);
    const e = families.get(f) ?? { count: 0, agreedPrice: 0 };
    e.count++;
    e.agreedPrice = Math.round((e.agreedPrice + (c.agreedPrice ?? 0)) * 100) / 100;
    families.set(f, e);
  }
  const byMethod = [...families].map(([key, v]) => ({ key, label: METHOD_FAMILY_LABELS[key as keyof typeof METHOD_FAMILY_LABELS], ...v, share: pct(v.agreedPrice, total) })).sort((a, b) => b.agreedPrice - a.agreedPrice);
  const types = new Map<string, { count: number; agreedPrice: number }>();
  for (const c of contracts) {
    const t = typeOf(c.procType, c.titleTh);
    const e = types.get(t) ?? { count: 0, agreedPrice: 0 };
    e.count++;
    e.agreedPrice = Math.round((e.agreedPrice + (c.agreedPrice ?? 0)) * 100) / 100;
    types.set(t, e);
  }
  const eb = families.get('e-bidding') ?? { count: 0, agreedPrice: 0 };
  const both = contracts.filter((c) => c.budget !== null && c.agreedPrice !== null);
  let planPart: AnnualAnalysis['plan'] = null;
  if (plan && plan.length) {
    const unmatched = matchPlan(plan, contracts).unmatched.map((i) => plan[i]!.titleTh);
    const planBudget = sum(plan.map((p) => p.budget));
    planPart = { items: plan.length, budget: planBudget, matched: plan.length - unmatched.length, unmatched, spentShare: pct(total, planBudget) };
  }
  return {
    fiscalYear,
    count: contracts.length,
    budget: sum(contracts.map((c) => c.budget)),
    agreedPrice: total,
    savings: sum(both.map((c) => c.budget! - c.agreedPrice!)),
    byMethod,
    byType: [...types].map(([label, v]) => ({ label, ...v })).sort((a, b) => b.agreedPrice - a.agreedPrice),
    eBidding: { count: eb.count, agreedPrice: eb.agreedPrice, shareOfValue: pct(eb.agreedPrice, total), shareOfCount: pct(eb.count, contracts.length) },
    largest: [...contracts].sort((a, b) => (b.agreedPrice ?? 0) - (a.agreedPrice ?? 0)).slice(0, topN),
    byMonth: fiscalMonths(fiscalYear).map((m) => {
      const list = contracts.filter((c) => monthOf(c.procuredOn) === m);
      return { month: m, count: list.length, agreedPrice: sum(list.map((c) => c.agreedPrice)) };
    }),
    plan: planPart,
  };
}

export interface AnnualTexts {
  problems: string;
  suggestions: string;
}

const paras = (t: string, d: DigitStyle): Block[] =>
  t
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', runs: [withDigits(p, d)], indent: true }) as Block);

export function buildAnnualDocument(h: DocHeader, a: AnnualAnalysis, texts: AnnualTexts): DocModel {
  const d = h.digits;
  const n = (v: number) => withDigits(v.toLocaleString('en-US'), d);
  const p = (v: number) => withDigits(v.toFixed(2), d);
  const title = `รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีงบประมาณ พ.ศ. ${a.fiscalYear}`;
  const blocks: Block[] = [
    { kind: 'title', lines: [withDigits(title, d), h.agencyName, withDigits(`ระหว่างวันที่ 1 ตุลาคม ${a.fiscalYear - 1} ถึงวันที่ 30 กันยายน ${a.fiscalYear}`, d)] },
    { kind: 'heading', level: 1, text: withDigits('1. สรุปผลการจัดซื้อจัดจ้าง', d) },
    {
      kind: 'paragraph',
      indent: true,
      runs: [
        withDigits(
          `ในปีงบประมาณ พ.ศ. ${a.fiscalYear} ${h.agencyName} ดำเนินการจัดซื้อจัดจ้างรวม ${a.count.toLocaleString('en-US')} โครงการ วงเงินงบประมาณรวม ${money(a.budget, 'arabic')} บาท ราคาที่ตกลงซื้อหรือจ้างรวม ${money(a.agreedPrice, 'arabic')} บาท ประหยัดงบประมาณได้ ${money(a.savings, 'arabic')} บาท`,
          d,
        ),
      ],
    },
    {
      kind: 'table',
      caption: 'จำนวนและมูลค่าการจัดซื้อจัดจ้างจำแนกตามวิธี',
      columns: [{ header: 'วิธีซื้อหรือจ้าง', width: 40 }, { header: 'จำนวนโครงการ', width: 15, align: 'right' }, { header: 'ราคาที่ตกลง (บาท)', width: 25, align: 'right' }, { header: 'ร้อยละของมูลค่า', width: 20, align: 'right' }],
      rows: [
        ...a.byMethod.map((m) => [cell(m.label), cell(n(m.count), { align: 'right' }), cell(money(m.agreedPrice, d), { align: 'right' }), cell(p(m.share), { align: 'right' })]),
        [cell('รวม', { bold: true }), cell(n(a.count), { align: 'right', bold: true }), cell(money(a.agreedPrice, d), { align: 'right', bold: true }), cell(p(a.count ? 100 : 0), { align: 'right', bold: true })],
      ],
    },
    {
      kind: 'table',
      caption: 'จำนวนและมูลค่าการจัดซื้อจัดจ้างจำแนกตามประเภท',
      columns: [{ header: 'ประเภท', width: 40 }, { header: 'จำนวนโครงการ', width: 25, align: 'right' }, { header: 'ราคาที่ตกลง (บาท)', width: 35, align: 'right' }],
      rows: a.byType.map((t) => [cell(t.label), cell(n(t.count), { align: 'right' }), cell(money(t.agreedPrice, d), { align: 'right' })]),
    },
    {
      kind: 'table',
      caption: 'จำนวนและมูลค่าการจัดซื้อจัดจ้างรายเดือน',
      columns: [{ header: 'เดือน', width: 40 }, { header: 'จำนวนโครงการ', width: 25, align: 'right' }, { header: 'ราคาที่ตกลง (บาท)', width: 35, align: 'right' }],
      rows: a.byMonth.map((m) => [cell(monthLabel(m.month, d)), cell(n(m.count), { align: 'right' }), cell(m.count ? money(m.agreedPrice, d) : 'ไม่มีการจัดซื้อจัดจ้าง', { align: 'right' })]),
    },
    { kind: 'heading', level: 1, text: withDigits('2. การวิเคราะห์ผลการจัดซื้อจัดจ้าง', d) },
    {
      kind: 'paragraph',
      indent: true,
      runs: [
        withDigits(
          `การจัดซื้อจัดจ้างด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) มี ${a.eBidding.count} โครงการ คิดเป็นร้อยละ ${a.eBidding.shareOfCount.toFixed(2)} ของจำนวนโครงการ และร้อยละ ${a.eBidding.shareOfValue.toFixed(2)} ของมูลค่าที่ตกลงซื้อหรือจ้างทั้งหมด`,
          d,
        ),
      ],
    },
    {
      kind: 'table',
      caption: `โครงการที่มีมูลค่าสูงสุด ${a.largest.length} อันดับ`,
      columns: [{ header: 'ลำดับ', width: 8, align: 'center' }, { header: 'โครงการ', width: 42 }, { header: 'วิธี', width: 20 }, { header: 'ผู้ได้รับการคัดเลือก', width: 15 }, { header: 'ราคาที่ตกลง (บาท)', width: 15, align: 'right' }],
      rows: a.largest.map((c, i) => [cell(n(i + 1), { align: 'center' }), cell(c.titleTh), cell(c.method), cell(c.winner), cell(money(c.agreedPrice, d), { align: 'right' })]),
    },
  ];
  if (a.plan) {
    blocks.push({
      kind: 'paragraph',
      indent: true,
      runs: [
        withDigits(
          `เทียบกับแผนการจัดซื้อจัดจ้างประจำปี ซึ่งมี ${a.plan.items} โครงการ วงเงินรวม ${money(a.plan.budget, 'arabic')} บาท ได้ดำเนินการตามแผนแล้ว ${a.plan.matched} โครงการ ใช้จ่ายคิดเป็นร้อยละ ${a.plan.spentShare.toFixed(2)} ของวงเงินตามแผน${a.plan.unmatched.length ? ` โครงการตามแผนที่ยังไม่พบการจัดซื้อจัดจ้าง ได้แก่ ${a.plan.unmatched.join(', ')}` : ''}`,
          d,
        ),
      ],
    });
  } else {
    blocks.push({ kind: 'paragraph', indent: true, runs: ['ไม่ได้นำเข้าแผนการจัดซื้อจัดจ้างประจำปีในระบบ จึงไม่มีการเปรียบเทียบกับแผน'] });
  }
  blocks.push({ kind: 'heading', level: 1, text: withDigits('3. ปัญหา อุปสรรค', d) }, ...paras(texts.problems, d));
  blocks.push({ kind: 'heading', level: 1, text: withDigits('4. ข้อเสนอแนะ', d) }, ...paras(texts.suggestions, d));
  blocks.push({ kind: 'paragraph', runs: [`ข้อมูล ณ วันที่ ${formatThaiDate(h.asOf, { style: 'long', digits: d })}`], align: 'left' });
  return { title: `${title} ${h.agencyName}`, fileName: safeName(`รายงานผลการจัดซื้อจัดจ้าง ${a.fiscalYear}`), lang: 'th', digits: d, author: h.agencyName, blocks };
}
