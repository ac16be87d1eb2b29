/**
 * The guideline (แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ) as a document model,
 * rendered to DOCX/PDF by the documents module — the same five parts as the public page: how to
 * complain, the steps (flowchart as a numbered step table), responsible unit, time frames, channels.
 */
import { renderDocument, cell, type DocModel, type DocumentFormat } from '../documents/index.js';
import { withDigits, type DigitStyle } from '../../shared/thai.js';
import { OUTSIDE_BODIES, OUTSIDE_BODY_LABELS } from './domain/types.js';
import type { Guideline } from './schemas.js';

export const GUIDELINE_TITLE = 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ';

export function guidelineModel(agency: { nameTh: string; slug: string; digits: DigitStyle }, g: Guideline, publicBaseUrl: string): DocModel {
  const n = (x: number) => withDigits(String(x), agency.digits);
  const url = `${publicBaseUrl}/a/${agency.slug}/report-corruption`;
  const steps = [
    ['รับเรื่อง', 'รับเรื่องทางเว็บไซต์ หนังสือ โทรศัพท์ หรือด้วยตนเอง ออกรหัสติดตามเรื่องให้ผู้แจ้ง', 'ทันที'],
    ['พิจารณารับเรื่อง', `${g.responsibleUnit} ตรวจสอบเบื้องต้น แจ้งผู้แจ้งว่ารับเรื่องแล้ว`, `ภายใน ${n(g.acknowledgeDays)} วัน`],
    ['ตรวจสอบข้อเท็จจริง', 'แสวงหาข้อเท็จจริง เรื่องที่เกี่ยวกับผู้บริหารไม่ส่งให้ผู้บริหารท่านนั้น ผู้มีส่วนได้เสียต้องถอนตัว', '—'],
    ['สรุปผลหรือส่งต่อ', 'สรุปว่ามีมูลหรือไม่มีมูล หรือส่งต่อหน่วยงานที่มีอำนาจ', `ภายใน ${n(g.concludeDays)} วัน`],
    ['แจ้งผลและรายงาน', 'แจ้งผลให้ผู้แจ้งทราบผ่านรหัสติดตามเรื่อง รายงานสถิติทุก ๖ และ ๑๒ เดือน', 'ทุกรอบ ๖ เดือน'],
  ];
  return {
    title: GUIDELINE_TITLE,
    fileName: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต',
    lang: 'th',
    digits: agency.digits,
    author: agency.nameTh,
    blocks: [
      { kind: 'title', lines: [GUIDELINE_TITLE, agency.nameTh] },
      { kind: 'heading', level: 2, text: '๑. วิธีแจ้งเรื่องร้องเรียนการทุจริต' },
      { kind: 'paragraph', indent: true, runs: [`บุคคลภายนอกแจ้งเรื่องได้ทางเว็บไซต์ ${url} โดยไม่ต้องเปิดเผยตัวตน หรือทางหนังสือ โทรศัพท์ หรือมาด้วยตนเอง ผู้แจ้งจะได้รับรหัสติดตามเรื่อง ๑๖ หลัก เพื่อติดตามความคืบหน้าและตอบคำถามของเจ้าหน้าที่ ช่องทางนี้แยกจากเรื่องร้องเรียนทั่วไป`] },
      { kind: 'heading', level: 2, text: '๒. ขั้นตอนการจัดการเรื่อง (แผนผังขั้นตอน)' },
      {
        kind: 'table',
        caption: 'แผนผังขั้นตอนการจัดการเรื่องร้องเรียนการทุจริต',
        columns: [{ header: 'ขั้นที่', width: 2, align: 'center' }, { header: 'ขั้นตอน', width: 4 }, { header: 'การดำเนินการ', width: 7 }, { header: 'ระยะเวลา', width: 4 }],
        rows: steps.map((s, i) => [cell(n(i + 1), { align: 'center' }), cell(s[0]!), cell(s[1]!), cell(s[2]!)]),
      },
      { kind: 'heading', level: 2, text: '๓. หน่วยงานที่รับผิดชอบ' },
      { kind: 'paragraph', indent: true, runs: [`${g.responsibleUnit} ${agency.nameTh}`] },
      { kind: 'heading', level: 2, text: '๔. ระยะเวลาดำเนินการ' },
      { kind: 'list', ordered: false, items: [[`พิจารณารับเรื่องภายใน ${n(g.acknowledgeDays)} วันนับแต่วันที่ได้รับเรื่อง`], [`ดำเนินการให้แล้วเสร็จหรือส่งต่อภายใน ${n(g.concludeDays)} วันนับแต่วันที่ได้รับเรื่อง`]] },
      { kind: 'heading', level: 2, text: '๕. ช่องทางการแจ้งเรื่อง' },
      { kind: 'list', ordered: false, items: [[`เว็บไซต์ ${url}`], ...(g.phone ? [[`โทรศัพท์ ${withDigits(g.phone, agency.digits)}`]] : []), ...(g.address ? [[`หนังสือหรือด้วยตนเอง ${g.address}`]] : []), ...(g.email ? [[`อีเมล ${g.email}`]] : [])] },
      { kind: 'heading', level: 2, text: '๖. หน่วยงานภายนอกที่รับเรื่อง' },
      { kind: 'list', ordered: false, items: OUTSIDE_BODIES.map((b) => [OUTSIDE_BODY_LABELS[b]]) },
    ],
  };
}

export async function guidelineDocument(agency: { nameTh: string; slug: string; digits: DigitStyle }, g: Guideline, publicBaseUrl: string, format: Extract<DocumentFormat, 'docx' | 'pdf'>) {
  return renderDocument(guidelineModel(agency, g, publicBaseUrl), format);
}
