/**
 * reports: the 6-month measures-implementation report of a 15-measure plan (each measure with
 * activities, three progress notes, outputs, indicators and evidence), as DOCX and as PDF: 20
 * timed runs each after 2 warm-ups. Timed: building the document model from the tracked measures
 * and rendering it (what "produce" costs minus the database and the OIT attach).
 */
import { renderDocument, type DocumentFormat } from '../src/modules/documents/index.js';
import { buildMeasuresReport } from '../src/modules/tracking/domain/report-document.js';
import type { TrackedMeasure } from '../src/modules/tracking/domain/types.js';
import { maxRssMb, msSince, summarize } from './lib/stats.js';
import { statRow, valueRow, type BenchDefinition } from './lib/report.js';
import { loadNote } from './lib/machine.js';

const RUNS = 20;
const WARMUP = 2;
const STATUSES = ['done', 'in_progress', 'not_started'] as const;

function plan15(): TrackedMeasure[] {
  return Array.from({ length: 15 }, (_, i) => ({
    id: `m${i}`,
    fiscalYear: 2569,
    sourceKind: 'plan-row' as const,
    sourceRef: `r${i}`,
    order: i + 1,
    titleTh: `ประเด็นที่ ${i + 1}: แนวทางการเฝ้าระวังการทุจริต การตรวจสอบการทุจริต และการลงโทษทางวินัยเมื่อมีการทุจริต ยังไม่ชัดเจน`,
    activities: ['จัดทำแนวทางการเฝ้าระวังการทุจริตและเผยแพร่ให้บุคลากรทราบ', 'ประชาสัมพันธ์ช่องทางร้องเรียนการทุจริตผ่านเว็บไซต์ของหน่วยงาน', 'รายงานผลต่อผู้บริหารทุก ๖ เดือน'],
    unitId: null,
    unitName: i % 2 ? 'กองคลัง' : 'สำนักปลัด',
    responsiblePerson: 'นางสาวใจดี มีสุข นักจัดการงานทั่วไป',
    plannedFrom: '2025-10-01',
    plannedTo: i % 4 === 0 ? '2026-01-31' : '2026-09-30',
    status: STATUSES[i % 3]!,
    doneOn: i % 3 === 0 ? '2026-02-15' : null,
    outputsTh: 'แนวทาง ๑ ฉบับ เผยแพร่บนเว็บไซต์',
    indicatorsTh: 'บุคลากรร้อยละ ๑๐๐ ได้รับทราบ',
    notes: Array.from({ length: 3 }, (_, k) => ({ id: `n${i}-${k}`, noteTh: `ครั้งที่ ${k + 1}: จัดประชุมชี้แจงบุคลากร ๔๒ คน และติดตามผลการดำเนินงานในที่ประชุมประจำเดือน`, status: 'in_progress' as const, authorName: 'ผู้ทดสอบ', createdAt: '2026-01-10T03:00:00Z' })),
    evidence: [
      { id: `e${i}a`, kind: 'photo' as const, title: 'ภาพการประชุมชี้แจงบุคลากร', url: null, fileId: 'f', createdAt: '2026-01-10T03:00:00Z' },
      { id: `e${i}b`, kind: 'link' as const, title: 'แนวทางบนเว็บไซต์', url: 'https://example.go.th', fileId: null, createdAt: '2026-01-10T03:00:00Z' },
    ],
    updatedAt: '2026-01-10T03:00:00Z',
  }));
}

const header = { agencyName: 'เทศบาลตำบลปรุใหญ่', digits: 'thai' as const, fiscalYear: 2569, round: 6 as const, asOf: '2026-03-31' };
const content = { problems: 'บุคลากรผู้รับผิดชอบมีภารกิจหลายด้าน ทำให้บางมาตรการล่าช้ากว่าแผน', suggestions: 'ควรกำหนดผู้รับผิดชอบสำรองและติดตามความก้าวหน้าทุกเดือน', summary: '' };

async function time(format: DocumentFormat) {
  const measures = plan15();
  for (let i = 0; i < WARMUP; i++) await renderDocument(buildMeasuresReport(header, measures, content), format);
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const out = await renderDocument(buildMeasuresReport(header, measures, content), format);
    runs.push(msSince(t));
    bytes = out.buffer.length;
  }
  return { runs, bytes };
}

export const bench: BenchDefinition = {
  name: 'reports',
  title: '15-measure 6-month report → DOCX and PDF',
  run: async (ctx) => {
    const docx = await time('docx');
    const pdf = await time('pdf');
    ctx.log(`docx ${docx.bytes.toLocaleString('en-US')} bytes, pdf ${pdf.bytes.toLocaleString('en-US')} bytes`);
    return {
      name: 'reports',
      status: 'ok',
      rows: [
        statRow('DOCX (model + render)', 'ms', summarize(docx.runs)),
        statRow('PDF (model + render)', 'ms', summarize(pdf.runs)),
        valueRow('DOCX size', 'KB', docx.bytes / 1024),
        valueRow('PDF size', 'KB', pdf.bytes / 1024),
        valueRow('peak RSS (bench process)', 'MB', maxRssMb()),
      ],
      notes: [`${RUNS} timed runs each after ${WARMUP} warm-ups; ${loadNote()}`],
    };
  },
};
