/**
 * The executive summary for the mayor / ปลัด: ITA scores over the years against the pass mark
 * (with the national average where a public figure is known), this year's OIT readiness, the
 * measures done / on track / late, and the reports due and overdue. One document model serves
 * the phone page and the one-page PDF to bring to a meeting.
 */
import type { Block, DocModel } from '../../documents/index.js';
import { cell } from '../../documents/index.js';
import { formatNumber, formatThaiDate, withDigits, type DigitStyle } from '../../../shared/thai.js';
import { NATIONAL_AVERAGES, type CalendarEntry } from './deadlines.js';

export interface ExecutiveInput {
  agencyName: string;
  digits: DigitStyle;
  today: string;
  year: number;
  scores: { year: number; score: number | null; level: string | null }[];
  passMark: number | null;
  readiness: { year: number; percent: number; complete: number; total: number } | null;
  measures: { total: number; done: number; inProgress: number; late: number; notStarted: number } | null;
  deadlines: CalendarEntry[];
  /** Corruption complaints of the year so far (suppressed counts as ranges), when the channel is in use. */
  complaints?: { total: CountCell; completed: CountCell; inProgress: CountCell } | null;
  /** E-service requests of the fiscal year (12-month round) and their satisfaction, from the e-services module. */
  eservices?: ExecutiveEservices | null;
}

export interface ExecutiveEservices {
  total: number;
  done: number;
  rejected: number;
  open: number;
  /** Share (0…1) of closed requests closed within the legal time limit. */
  withinLimitShare?: number;
  satisfaction: { responses: number; score?: number };
}

/** A published count: exact, or a range where a small number could identify a complainant. */
export type CountCell = { exact: number } | { from: number; to: number };

export function buildExecutiveSummary(input: ExecutiveInput): DocModel {
  const d = input.digits;
  const txt = (s: string) => withDigits(s, d);
  const num = (v: number) => formatNumber(v, d);
  const int = (v: number) => withDigits(String(v), d);
  const date = (iso: string) => formatThaiDate(iso, { style: 'short', digits: d });
  const scored = [...input.scores].filter((s) => s.score !== null).sort((a, b) => a.year - b.year) as { year: number; score: number; level: string | null }[];
  const blocks: Block[] = [{ kind: 'title', lines: ['สรุปสำหรับผู้บริหาร', input.agencyName, txt(`ข้อมูล ณ วันที่ ${formatThaiDate(input.today, { style: 'long' })}`)] }];

  blocks.push({ kind: 'heading', level: 1, text: 'ผลการประเมิน ITA ย้อนหลัง' });
  if (scored.length === 0) blocks.push({ kind: 'paragraph', runs: ['ยังไม่มีผลการประเมินในระบบ'] });
  else {
    const last = scored[scored.length - 1]!;
    const mark = input.passMark ?? 85;
    blocks.push({
      kind: 'chart',
      title: txt(`คะแนน ITA ปี ${scored[0]!.year}–${last.year} เทียบเกณฑ์ผ่าน ${mark}`),
      altText: txt(scored.map((s) => `ปี ${s.year} ได้ ${s.score.toFixed(2)} คะแนน`).join(' ') + ` เกณฑ์ผ่าน ${mark} คะแนน`),
      bars: scored.map((s) => ({ label: txt(`ปี ${s.year}`), value: s.score, highlight: s.score < mark })),
      referenceLine: { value: mark, label: txt(`เกณฑ์ผ่าน ${mark}`) },
      max: 100,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'ปีงบประมาณ', width: 22 },
        { header: 'คะแนน', width: 18, align: 'right' },
        { header: 'ระดับ', width: 22 },
        { header: 'ค่าเฉลี่ยประเทศ', width: 38 },
      ],
      rows: scored.map((s) => {
        const nat = NATIONAL_AVERAGES[s.year];
        return [cell(int(s.year)), cell(num(s.score), { align: 'right' }), cell(s.level ?? '–'), cell(nat ? txt(`${num(nat.value)} (${nat.noteTh})`) : 'ไม่มีข้อมูลเผยแพร่')];
      }),
    });
  }

  blocks.push({ kind: 'heading', level: 1, text: txt(`ความพร้อมเปิดเผยข้อมูล (OIT) ปี ${input.readiness?.year ?? input.year}`) });
  blocks.push({
    kind: 'paragraph',
    runs: [input.readiness ? txt(`พร้อมร้อยละ ${input.readiness.percent} — ครบองค์ประกอบ ${input.readiness.complete} จาก ${input.readiness.total} รายการ`) : 'ยังไม่มีรายการ OIT ของปีนี้ในแคตตาล็อก'],
  });

  blocks.push({ kind: 'heading', level: 1, text: txt(`มาตรการส่งเสริมคุณธรรมฯ ปี ${input.year}`) });
  const m = input.measures;
  if (!m || m.total === 0) blocks.push({ kind: 'paragraph', runs: ['ยังไม่มีมาตรการที่ติดตาม'] });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'แล้วเสร็จ', width: 25, align: 'center' },
        { header: 'ตามแผน', width: 25, align: 'center' },
        { header: 'ล่าช้า', width: 25, align: 'center' },
        { header: 'ยังไม่เริ่ม', width: 25, align: 'center' },
      ],
      rows: [[cell(int(m.done), { align: 'center' }), cell(int(m.inProgress), { align: 'center' }), cell(int(m.late), { align: 'center', bold: m.late > 0 }), cell(int(m.notStarted), { align: 'center' })]],
    });

  const overdue = input.deadlines.filter((e) => e.status === 'overdue');
  const soon = input.deadlines.filter((e) => e.status === 'due');
  blocks.push({ kind: 'heading', level: 1, text: 'งานที่ต้องส่ง' });
  blocks.push({ kind: 'paragraph', runs: [txt(`เลยกำหนด ${overdue.length} รายการ · รอส่ง ${soon.length} รายการ`)] });
  const next = [...overdue.slice(-3), ...soon.slice(0, 3)];
  if (next.length) blocks.push({ kind: 'list', ordered: false, items: next.map((e) => [txt(`${date(e.due)} ${e.status === 'overdue' ? '(เลยกำหนด) ' : ''}`), e.what]) });
  const count = (c: CountCell) => ('exact' in c ? int(c.exact) : txt(`${c.from}–${c.to}`));
  blocks.push({ kind: 'heading', level: 1, text: 'เรื่องร้องเรียนการทุจริต' });
  blocks.push({
    kind: 'paragraph',
    runs: [
      input.complaints
        ? txt(`รับเรื่อง ${count(input.complaints.total)} เรื่อง ดำเนินการแล้วเสร็จ ${count(input.complaints.completed)} เรื่อง อยู่ระหว่างดำเนินการ ${count(input.complaints.inProgress)} เรื่อง`)
        : 'ยังไม่มีข้อมูลเรื่องร้องเรียนของปีนี้ในระบบ',
    ],
  });

  const es = input.eservices;
  blocks.push({ kind: 'heading', level: 1, text: txt(`บริการออนไลน์ (E-Service) ปี ${input.year}`) });
  blocks.push({
    kind: 'paragraph',
    runs: [
      es && (es.total > 0 || es.satisfaction.responses > 0)
        ? txt(
            [
              `รับคำขอ ${es.total} เรื่อง เสร็จสิ้น ${es.done} ไม่อนุมัติ/ยุติ ${es.rejected} ค้างดำเนินการ ${es.open} เรื่อง`,
              es.withinLimitShare !== undefined ? `เสร็จภายในกำหนด ${formatNumber(es.withinLimitShare * 100, 'arabic', 1)}%` : '',
              es.satisfaction.score !== undefined ? `ความพึงพอใจ ${formatNumber(es.satisfaction.score, 'arabic', 1)} จาก 100 (ผู้ตอบ ${es.satisfaction.responses} คน)` : '',
            ]
              .filter(Boolean)
              .join(' · '),
          )
        : 'ยังไม่มีคำขอบริการออนไลน์ของปีนี้ในระบบ',
    ],
  });

  return { title: txt(`สรุปสำหรับผู้บริหาร ${input.agencyName}`), fileName: `สรุปสำหรับผู้บริหาร ${input.year}`, lang: 'th', digits: d, author: input.agencyName, blocks };
}
