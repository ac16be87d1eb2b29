/**
 * The usage report of a round as a renderer-neutral document (DOCX, PDF, HTML come from the
 * documents renderers) and as CSV rows. Numbers are formatted here with the agency's digits.
 */
import type { DocModel, Block, Cell } from '../../documents/index.js';
import { formatInteger, formatNumber, formatThaiDate, withDigits, type DigitStyle } from '../../../shared/thai.js';
import { CATEGORY_LABELS } from './states.js';
import { MIN_SATISFACTION_SERVICES, roundLabel, type EserviceStats } from './stats.js';

const c = (text: string, align: Cell['align'] = 'left'): Cell => ({ paragraphs: [[text]], align });

export function reportFileName(stats: Pick<EserviceStats, 'year' | 'round'>): string {
  return `รายงานสถิติการให้บริการ E-Service ปี ${stats.year} รอบ ${stats.round} เดือน`;
}

export function buildReport(agency: { name: string; digits: DigitStyle }, stats: EserviceStats, generatedOn: string): DocModel {
  const d = agency.digits;
  const n = (v: number) => formatInteger(v, d);
  const share = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v * 100, d, 1)}%`);
  const dec = (v: number | undefined, places = 1) => (v === undefined ? '–' : formatNumber(v, d, places));
  const period = `${formatThaiDate(stats.range.from, { digits: d })} – ${formatThaiDate(stats.range.to, { digits: d })}`;
  const blocks: Block[] = [
    { kind: 'title', lines: ['รายงานสถิติการให้บริการและผลสำรวจความพึงพอใจ', 'ระบบบริการออนไลน์ (E-Service)', agency.name, formatTitleRound(stats, d)] },
    {
      kind: 'paragraph',
      indent: true,
      runs: [
        `ช่วงเวลาที่รายงาน ${period} มีคำขอรับบริการทั้งหมด ${n(stats.total)} เรื่อง ดำเนินการเสร็จภายในระยะเวลาที่กำหนด ${share(stats.withinLimitShare)} ของเรื่องที่ปิดแล้ว ระยะเวลาดำเนินการเฉลี่ย ${dec(stats.meanDays)} วัน`,
      ],
    },
    { kind: 'heading', level: 2, text: '1. สถิติคำขอแยกตามงานบริการ' },
    // Two narrow tables rather than one wide one: eight columns of Thai headers do not fit an A4 page in Word or LibreOffice.
    {
      kind: 'table',
      caption: 'จำนวนคำขอแยกตามงานบริการ',
      columns: [
        { header: 'งานบริการ', width: 4 },
        { header: 'ทั้งหมด', width: 1.3, align: 'right' },
        { header: 'เสร็จสิ้น', width: 1.3, align: 'right' },
        { header: 'ไม่อนุมัติ', width: 1.4, align: 'right' },
        { header: 'ค้าง', width: 1.2, align: 'right' },
      ],
      rows: stats.services.map((s) => [c(`${s.name} (${CATEGORY_LABELS[s.category]})`), c(n(s.total), 'right'), c(n(s.done), 'right'), c(n(s.rejected), 'right'), c(n(s.open), 'right')]),
    },
    {
      kind: 'table',
      caption: 'ระยะเวลาดำเนินการแยกตามงานบริการ',
      columns: [
        { header: 'งานบริการ', width: 4 },
        { header: 'เวลาเฉลี่ย (วัน)', width: 2, align: 'right' },
        { header: 'เสร็จภายในกำหนด', width: 2.2, align: 'right' },
      ],
      rows: stats.services.map((s) => [c(s.name), c(dec(s.meanDays), 'right'), c(share(s.withinLimitShare), 'right')]),
    },
    { kind: 'heading', level: 2, text: '2. สถิติแยกตามช่องทางและสถานะ' },
    {
      kind: 'table',
      caption: 'จำนวนคำขอแยกตามช่องทาง',
      columns: [{ header: 'ช่องทาง', width: 4 }, { header: 'จำนวน (เรื่อง)', width: 2, align: 'right' }],
      rows: stats.channels.map((ch) => [c(ch.label), c(n(ch.total), 'right')]),
    },
    {
      kind: 'table',
      caption: 'จำนวนคำขอแยกตามสถานะ',
      columns: [{ header: 'สถานะ', width: 4 }, { header: 'จำนวน (เรื่อง)', width: 2, align: 'right' }],
      rows: stats.states.map((s) => [c(s.label), c(n(s.total), 'right')]),
    },
    { kind: 'heading', level: 2, text: '3. ผลสำรวจความพึงพอใจของผู้รับบริการ' },
    {
      kind: 'paragraph',
      indent: true,
      runs: [
        `ผู้รับบริการตอบแบบสำรวจ ${n(stats.satisfaction.responses)} คน จาก ${n(stats.satisfaction.services)} งานบริการ คะแนนความพึงพอใจรวม ${dec(stats.satisfaction.score)} จาก ${n(100)} (คะแนนเฉลี่ยทุกข้อในมาตรวัด ปรับเป็นร้อยละ)`,
      ],
    },
    {
      kind: 'table',
      caption: 'ผลความพึงพอใจแยกตามงานบริการ',
      columns: [{ header: 'งานบริการ', width: 4 }, { header: 'ผู้ตอบ (คน)', width: 1.5, align: 'right' }, { header: 'คะแนน (เต็ม 100)', width: 1.8, align: 'right' }],
      rows: stats.services.filter((s) => s.satisfaction).map((s) => [c(s.name), c(n(s.satisfaction!.responses), 'right'), c(dec(s.satisfaction!.score), 'right')]),
    },
  ];
  if (stats.units.length) {
    blocks.push({
      kind: 'table',
      caption: 'ผลความพึงพอใจแยกตามหน่วยงานย่อยที่รับผิดชอบ',
      columns: [{ header: 'หน่วยงานย่อย', width: 4 }, { header: 'ผู้ตอบ (คน)', width: 1.5, align: 'right' }, { header: 'คะแนน (เต็ม 100)', width: 1.8, align: 'right' }],
      rows: stats.units.map((u) => [c(u.name), c(n(u.responses), 'right'), c(dec(u.score), 'right')]),
    });
  }
  if (stats.satisfaction.services < MIN_SATISFACTION_SERVICES) {
    blocks.push({ kind: 'paragraph', runs: [{ text: `หมายเหตุ: มีผลสำรวจความพึงพอใจ ${n(stats.satisfaction.services)} งานบริการ ต่ำกว่าที่องค์ประกอบกำหนด (อย่างน้อย ${n(MIN_SATISFACTION_SERVICES)} งานบริการ)`, bold: true }] });
  }
  blocks.push({ kind: 'paragraph', runs: [`จัดทำเมื่อ ${formatThaiDate(generatedOn, { digits: d })} จากข้อมูลในระบบ E-Service ของหน่วยงาน`] });
  return { title: reportFileName(stats), fileName: reportFileName(stats), lang: 'th', digits: d, author: agency.name, blocks };
}

const formatTitleRound = (stats: EserviceStats, d: DigitStyle) => withDigits(roundLabel(stats.year, stats.round), d);

/** The same figures as CSV rows (one row per service, then totals), digits always Arabic for machines. */
export function reportCsvRows(stats: EserviceStats): string[][] {
  const fmt = (v: number | undefined, p = 2) => (v === undefined ? '' : v.toFixed(p));
  const rows: string[][] = [['ปีงบประมาณ', 'รอบ', 'งานบริการ', 'ประเภท', 'ทั้งหมด', 'เสร็จสิ้น', 'ไม่อนุมัติ/ยุติ', 'ค้างดำเนินการ', 'เวลาเฉลี่ย (วัน)', 'สัดส่วนภายในกำหนด', 'ผู้ตอบแบบสำรวจ', 'คะแนนความพึงพอใจ (เต็ม 100)']];
  for (const s of stats.services) {
    rows.push([String(stats.year), String(stats.round), s.name, CATEGORY_LABELS[s.category], String(s.total), String(s.done), String(s.rejected), String(s.open), fmt(s.meanDays), fmt(s.withinLimitShare, 4), String(s.satisfaction?.responses ?? 0), fmt(s.satisfaction?.score)]);
  }
  const sum = (k: 'done' | 'rejected' | 'open') => String(stats.services.reduce((a, s) => a + s[k], 0));
  rows.push([String(stats.year), String(stats.round), 'รวม', '', String(stats.total), sum('done'), sum('rejected'), sum('open'), fmt(stats.meanDays), fmt(stats.withinLimitShare, 4), String(stats.satisfaction.responses), fmt(stats.satisfaction.score)]);
  return rows;
}
