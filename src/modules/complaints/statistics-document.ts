/**
 * The published complaint statistics of a fiscal year (both rounds) as a document an officer can
 * file or attach: the same suppressed figures as the public page and CSV, never raw counts.
 */
import { renderDocument, cell, type DocModel, type DocumentFormat } from '../documents/index.js';
import { formatThaiDate, withDigits, type DigitStyle } from '../../shared/thai.js';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS } from './domain/types.js';
import type { Cell, PublishedStatistics } from './domain/statistics.js';

export const STATISTICS_TITLE = 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ';

const cellText = (c: Cell, d: DigitStyle): string => withDigits('exact' in c ? String(c.exact) : `${c.from}–${c.to}`, d);

export function statisticsModel(agency: { nameTh: string; digits: DigitStyle }, fiscalYear: number, rounds: readonly PublishedStatistics[]): DocModel {
  const d = agency.digits;
  const n = (x: number) => withDigits(String(x), d);
  const blocks: DocModel['blocks'] = [{ kind: 'title', lines: [STATISTICS_TITLE, `ประจำปีงบประมาณ พ.ศ. ${n(fiscalYear)}`, agency.nameTh] }];
  rounds.forEach((s, i) => {
    const label = s.round === '6-month' ? 'รอบ ๖ เดือน (ตุลาคม–มีนาคม)' : 'รอบ ๑๒ เดือน (ตุลาคม–กันยายน)';
    blocks.push({ kind: 'heading', level: 2, text: `${withDigits(String(i + 1), d)}. ${label}` });
    blocks.push({ kind: 'paragraph', runs: [`ช่วงวันที่ ${formatThaiDate(s.range.from, { style: 'long', digits: d })} ถึง ${formatThaiDate(s.range.to, { style: 'long', digits: d })}`] });
    if (s.none) {
      blocks.push({ kind: 'paragraph', indent: true, runs: ['ในรอบนี้ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'] });
      return;
    }
    const handling = s.medianHandlingDays === null ? 'ไม่เผยแพร่ (จำนวนเรื่องที่ปิดแล้วน้อย)' : `${n(s.medianHandlingDays)} วัน`;
    blocks.push({
      kind: 'table',
      caption: `สรุปเรื่องร้องเรียน ${label}`,
      columns: [{ header: 'รายการ', width: 8 }, { header: 'จำนวน', width: 4, align: 'center' }],
      rows: [
        [cell('จำนวนเรื่องทั้งหมด'), cell(cellText(s.total, d), { align: 'center' })],
        [cell('ดำเนินการแล้วเสร็จ'), cell(cellText(s.completed, d), { align: 'center' })],
        [cell('อยู่ระหว่างดำเนินการ'), cell(cellText(s.inProgress, d), { align: 'center' })],
        [cell('ระยะเวลาดำเนินการ (มัธยฐาน)'), cell(handling, { align: 'center' })],
      ],
    });
    blocks.push({
      kind: 'table',
      caption: `จำแนกตามประเภท ${label}`,
      columns: [{ header: 'ประเภท', width: 8 }, { header: 'จำนวน', width: 4, align: 'center' }],
      rows: CATEGORIES.map((c) => [cell(CATEGORY_LABELS[c]), cell(cellText(s.byCategory[c], d), { align: 'center' })]),
    });
    blocks.push({
      kind: 'table',
      caption: `จำแนกตามช่องทาง ${label}`,
      columns: [{ header: 'ช่องทาง', width: 8 }, { header: 'จำนวน', width: 4, align: 'center' }],
      rows: CHANNELS.map((c) => [cell(CHANNEL_LABELS[c]), cell(cellText(s.byChannel[c], d), { align: 'center' })]),
    });
  });
  const threshold = rounds[0]?.threshold ?? 5;
  blocks.push({ kind: 'paragraph', runs: [`หมายเหตุ: เพื่อคุ้มครองผู้แจ้ง จำนวนตั้งแต่ ${n(1)} ถึง ${n(threshold - 1)} แสดงเป็นช่วง "${withDigits(`1–${threshold - 1}`, d)}"`] });
  return { title: STATISTICS_TITLE, fileName: `สถิติเรื่องร้องเรียนการทุจริต-${fiscalYear}`, lang: 'th', digits: d, author: agency.nameTh, blocks };
}

export async function statisticsDocument(agency: { nameTh: string; digits: DigitStyle }, fiscalYear: number, rounds: readonly PublishedStatistics[], format: Extract<DocumentFormat, 'docx' | 'pdf'>) {
  return renderDocument(statisticsModel(agency, fiscalYear, rounds), format);
}
