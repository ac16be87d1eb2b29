/**
 * The 6-month measures report as an agency opens it in LibreOffice (test/support/office.ts): no
 * line drawn over another, its table kept with its header, every paragraph's text present, and
 * about the page count of our own PDF. One conversion for the file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../src/modules/documents/index.js';
import { buildAntiCorruptionPlan, buildMeasuresReport, buildProjectsReport } from '../../../src/modules/tracking/domain/report-document.js';
import type { TrackedMeasure } from '../../../src/modules/tracking/domain/types.js';
import { checkDocxInOffice, officeProblems, pdfLineBoxes, type OfficeFindings } from '../../support/office.js';

const measure = (i: number, status: TrackedMeasure['status']): TrackedMeasure => ({
  id: `m${i}`,
  fiscalYear: 2569,
  sourceKind: 'plan-row',
  sourceRef: `r${i}`,
  order: i,
  titleTh: `แนวทางการเฝ้าระวังการทุจริต การตรวจสอบการทุจริต และการลงโทษทางวินัยเมื่อมีการทุจริต (ประเด็นที่ ${i})`,
  activities: ['จัดทำแนวทางการเฝ้าระวังการทุจริตและเผยแพร่ให้บุคลากรทราบ', 'ประชาสัมพันธ์ช่องทางร้องเรียนการทุจริตผ่านเว็บไซต์'],
  unitId: null,
  unitName: 'สำนักปลัด',
  responsiblePerson: 'นางสาวใจดี มีสุข',
  plannedFrom: '2025-10-01',
  plannedTo: i === 2 ? '2026-01-31' : '2026-09-30',
  status,
  doneOn: status === 'done' ? '2026-02-15' : null,
  outputsTh: 'แนวทาง ๑ ฉบับ',
  indicatorsTh: 'บุคลากรร้อยละ ๑๐๐ ได้รับทราบ',
  notes: [{ id: `n${i}`, noteTh: 'จัดประชุมชี้แจงบุคลากร ๔๒ คน', status: 'in_progress', authorName: 'ผู้ทดสอบ', createdAt: '2026-01-10T03:00:00Z' }],
  evidence: [{ id: `e${i}`, kind: 'photo', title: 'ภาพการประชุมชี้แจง', url: null, fileId: 'f', createdAt: '2026-01-10T03:00:00Z' }],
  updatedAt: '2026-01-10T03:00:00Z',
});

describe('measures report in LibreOffice', () => {
  let findings: OfficeFindings;
  let ownPages: number;
  const others: { name: string; findings: OfficeFindings; ownPages: number }[] = [];
  beforeAll(async () => {
    const header = { agencyName: 'เทศบาลตำบลปรุใหญ่', digits: 'thai' as const, fiscalYear: 2569, asOf: '2026-03-31' };
    const projects = [
      { name: 'โครงการอบรมคุณธรรมจริยธรรมแก่บุคลากร', budget: 20000, spent: 18500, result: 'บุคลากรเข้าร่วม ๔๐ คน', unit: 'สำนักปลัด', period: 'ตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙' },
      // One wrapping cell per row: the text check reads a row's wrapped cells line by line, so two
      // wrapping cells side by side would interleave in its reading (a limit of the check, not of the file).
      { name: 'ถนน คสล. หมู่ที่ ๓', budget: 1450000, spent: 1200000, result: 'อยู่ระหว่างก่อสร้าง ร้อยละ ๘๐', unit: 'กองช่าง', period: 'มกราคม – มิถุนายน ๒๕๖๙' },
    ];
    const problems = { problems: 'ฝนตกชุกทำให้การก่อสร้างล่าช้า', suggestions: 'เร่งรัดผู้รับจ้างและติดตามทุกสัปดาห์', summary: '' };
    for (const [name, model] of [
      ['anti-corruption plan', buildAntiCorruptionPlan({ ...header, round: 0 }, { intro: '', projects })],
      ['operating plan report', buildProjectsReport('operating-plan-report', { ...header, round: 6 }, { ...problems, projects: [{ ...projects[1]!, unit: '' }] })],
    ] as const) {
      const [docx, pdf] = await Promise.all([renderDocument(model, 'docx'), renderDocument(model, 'pdf')]);
      others.push({ name, ownPages: (await pdfLineBoxes(pdf.buffer)).pages, findings: await checkDocxInOffice(docx.buffer) });
    }
    const model = buildMeasuresReport(
      { agencyName: 'เทศบาลตำบลปรุใหญ่', digits: 'thai', fiscalYear: 2569, round: 6, asOf: '2026-03-31' },
      [measure(1, 'done'), measure(2, 'in_progress'), measure(3, 'not_started'), measure(4, 'in_progress')],
      { problems: 'ผู้รับผิดชอบมีภารกิจหลายด้าน ทำให้บางมาตรการล่าช้ากว่าแผน', suggestions: 'ควรติดตามความก้าวหน้าทุกเดือนในที่ประชุมประจำเดือน', summary: '' },
    );
    const [docx, pdf] = await Promise.all([renderDocument(model, 'docx'), renderDocument(model, 'pdf')]);
    ownPages = (await pdfLineBoxes(pdf.buffer)).pages;
    findings = await checkDocxInOffice(docx.buffer);
  });

  it('opens as laid out: no overlapping lines, the table, every paragraph, our page count', () => {
    expect(officeProblems(findings, { ownPages })).toEqual([]);
    expect(findings.tables.length).toBe(1);
    const text = findings.lines.map((l) => l.text).join('\n');
    expect(text).toContain('ระหว่างเดือนตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙');
    expect(text).toContain('ปัญหา อุปสรรค');
    expect(text).toContain('ข้อเสนอแนะ');
  });

  it('the anti-corruption plan and the projects report open as laid out too', () => {
    for (const o of others) expect({ name: o.name, problems: officeProblems(o.findings, { ownPages: o.ownPages }) }).toEqual({ name: o.name, problems: [] });
    expect(others.every((o) => o.findings.tables.length === 1)).toBe(true);
  });
});
