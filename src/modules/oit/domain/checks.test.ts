import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { oitItemSchema, type ElementCheck, type OitItem } from '../../catalogue/domain/schema.js';
import { getShippedCatalogue } from '../../catalogue/shipped.js';
import {
  contactProblems,
  defaultDueDate,
  evaluateItem,
  executiveProblems,
  readinessScore,
  structureProblems,
  textCoversPeriod,
  type CheckEvidence,
  type ExecutiveFacts,
  type ItemCheckInput,
} from './checks.js';
import { analyseText } from './text-facts.js';

const item = (over: Partial<z.input<typeof oitItemSchema>>): OitItem =>
  oitItemSchema.parse({ code: 'O11', indicator: 9, subIndicator: '9.2', titleTh: 'รายงาน', ...over });
const el = (key: string, checks: ElementCheck[] = []) => ({ key, textTh: `องค์ประกอบ ${key}`, checks });

const doc = (text: string, over: Partial<CheckEvidence> = {}): CheckEvidence => ({
  id: Math.random().toString(36),
  kind: 'file',
  title: 'รายงาน.pdf',
  url: null,
  mediaKind: 'pdf',
  textLayer: true,
  facts: analyseText(text),
  periodFrom: null,
  periodTo: null,
  elements: [],
  ...over,
});
const link = (url: string, over: Partial<CheckEvidence> = {}): CheckEvidence => ({
  id: Math.random().toString(36),
  kind: 'link',
  title: 'ลิงก์',
  url,
  mediaKind: null,
  textLayer: null,
  facts: null,
  periodFrom: null,
  periodTo: null,
  elements: [],
  ...over,
});
const input = (it: OitItem, over: Partial<ItemCheckInput> = {}): ItemCheckInput => ({ item: it, fiscalYear: 2565, evidence: [], declarations: {}, ...over });

const report = item({
  elements: [el('progress'), el('first-half', ['covers-first-half']), el('problems', ['has-problems-section']), el('suggestions', ['has-suggestions-section'])],
  period: 'first-half',
});

describe('period checks on document text', () => {
  const facts = (t: string) => analyseText(t);
  it('first half: an explicit range, the 6-month phrase with the year, or every month named', () => {
    expect(textCoversPeriod('covers-first-half', facts('ต.ค. 2564 – มี.ค. 2565'), 2565).ok).toBe(true);
    expect(textCoversPeriod('covers-first-half', facts('รายงานรอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๕'), 2565).ok).toBe(true);
    expect(textCoversPeriod('covers-first-half', facts('ต.ค. 64 พ.ย. 64 ธ.ค. 64 ม.ค. 65 ก.พ. 65 มี.ค. 65'), 2565).ok).toBe(true);
  });
  it('first half: a range of the wrong year or a shorter range fails with what was found', () => {
    const wrong = textCoversPeriod('covers-first-half', facts('ต.ค. 2565 – มี.ค. 2566'), 2565);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.reason).toContain('รอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. 2565');
    expect(!wrong.ok && wrong.reason).toContain('ในเอกสารพบ');
    expect(textCoversPeriod('covers-first-half', facts('ต.ค. 2564 – ธ.ค. 2564'), 2565).ok).toBe(false);
    expect(textCoversPeriod('covers-first-half', facts('รอบ 6 เดือน ปีงบประมาณ 2564'), 2565).ok).toBe(false);
  });
  it('fiscal year: named, inside a plan span, or a date within it', () => {
    expect(textCoversPeriod('covers-fiscal-year', facts('แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2565'), 2565).ok).toBe(true);
    expect(textCoversPeriod('covers-fiscal-year', facts('แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)'), 2565).ok).toBe(true);
    expect(textCoversPeriod('covers-fiscal-year', facts('ประกาศ ณ วันที่ 1 ตุลาคม 2564'), 2565).ok).toBe(true);
    expect(textCoversPeriod('covers-fiscal-year', facts('ประกาศ ณ วันที่ 30 กันยายน 2564'), 2565).ok).toBe(false);
    expect(textCoversPeriod('covers-fiscal-year', facts('แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)'), 2565).ok).toBe(false);
  });
  it('previous year: the annual report of FY N-1, and says so when it is of FY N', () => {
    expect(textCoversPeriod('covers-previous-year', facts('รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564'), 2565).ok).toBe(true);
    expect(textCoversPeriod('covers-previous-year', facts('1 ตุลาคม 2563 ถึง 30 กันยายน 2564'), 2565).ok).toBe(true);
    const current = textCoversPeriod('covers-previous-year', facts('รายงานประจำปีงบประมาณ 2565'), 2565);
    expect(!current.ok && current.reason).toContain('ต้องเป็นรายงานของปีงบประมาณ 2564');
  });
});

describe('evaluateItem: machine-checked documents', () => {
  it('a 6-month report with every part satisfies its checked elements', () => {
    const r = evaluateItem(input(report, { evidence: [doc('รายงานรอบ 6 เดือน (ต.ค. 2564 – มี.ค. 2565) ปัญหา อุปสรรค ข้อเสนอแนะ')] }));
    expect(r.elements.filter((e) => e.mode === 'machine').every((e) => e.satisfied)).toBe(true);
    // 'progress' has no check: it needs a claim or a declaration.
    expect(r.missing).toEqual(['องค์ประกอบ progress']);
    expect(r.satisfied).toBe(3);
  });

  it('a report without its problems part misses exactly that element, in plain Thai', () => {
    const r = evaluateItem(input(report, { evidence: [doc('รายงานรอบ 6 เดือน (ต.ค. 2564 – มี.ค. 2565) ข้อเสนอแนะ', { elements: ['progress', 'first-half', 'problems', 'suggestions'] })] }));
    expect(r.missing).toEqual(['องค์ประกอบ problems']);
    expect(r.elements.find((e) => e.key === 'problems')!.problems[0]).toContain('ไม่พบหัวข้อ "ปัญหา อุปสรรค"');
  });

  it('a scanned PDF fails every content check with the reason', () => {
    const scan = doc('', { textLayer: false, facts: analyseText('') });
    const r = evaluateItem(input(report, { evidence: [scan], declarations: { problems: 'หน้า 3' } }));
    expect(r.satisfied).toBe(0);
    expect(r.elements.find((e) => e.key === 'first-half')!.problems[0]).toContain('ภาพสแกน');
    expect(r.elements.find((e) => e.key === 'problems')!.problems[0]).toContain('ภาพสแกน');
  });

  it('evidence claiming other elements is not used for an element', () => {
    const r = evaluateItem(input(report, { evidence: [doc('ปัญหา อุปสรรค ข้อเสนอแนะ ต.ค. 2564 – มี.ค. 2565', { elements: ['progress'] })] }));
    expect(r.elements.find((e) => e.key === 'problems')!.satisfied).toBe(false);
    expect(r.elements.find((e) => e.key === 'progress')!.satisfied).toBe(true);
  });

  it('the best of several documents counts', () => {
    const r = evaluateItem(input(report, { evidence: [doc('ไม่มีอะไร'), doc('รอบ 6 เดือน ปีงบประมาณ 2565 ปัญหา ข้อเสนอแนะ')] }));
    expect(r.satisfied).toBe(3);
  });

  it('a link is judged by its stated period and by declarations for content', () => {
    const stated = link('https://example.go.th/report', { periodFrom: '2021-10-01', periodTo: '2022-03-31' });
    const without = evaluateItem(input(report, { evidence: [stated] }));
    expect(without.elements.find((e) => e.key === 'first-half')!.satisfied).toBe(true);
    expect(without.elements.find((e) => e.key === 'problems')!.problems[0]).toContain('กรุณายืนยัน');
    const declared = evaluateItem(input(report, { evidence: [stated], declarations: { problems: 'หัวข้อ 4', suggestions: 'หัวข้อ 5', progress: 'ตารางหน้า 2' } }));
    expect(declared.complete).toBe(true);
    const noPeriod = evaluateItem(input(report, { evidence: [link('https://example.go.th/r')] }));
    expect(noPeriod.elements.find((e) => e.key === 'first-half')!.problems[0]).toContain('ยังไม่ได้ระบุช่วงเวลา');
    const shortPeriod = evaluateItem(input(report, { evidence: [link('https://x.go.th', { periodFrom: '2021-10-01', periodTo: '2021-12-31' })] }));
    expect(shortPeriod.elements.find((e) => e.key === 'first-half')!.problems[0]).toContain('ไม่ครอบคลุม');
  });

  it('an item without evidence says so for each checked element', () => {
    const r = evaluateItem(input(report));
    expect(r.satisfied).toBe(0);
    expect(r.elements.find((e) => e.key === 'first-half')!.problems).toEqual(['ยังไม่มีหลักฐาน']);
  });
});

describe('evaluateItem: links', () => {
  const eservice = item({ code: 'O17', elements: [el('online-service'), el('main-site-https', ['https-link'])] });
  it('needs an HTTPS link, not a file or plain HTTP', () => {
    expect(evaluateItem(input(eservice, { evidence: [link('https://e.example.go.th')] })).elements[1]!.satisfied).toBe(true);
    expect(evaluateItem(input(eservice, { evidence: [link('http://e.example.go.th')] })).elements[1]!.problems[0]).toContain('https://');
    expect(evaluateItem(input(eservice, { evidence: [doc('x')] })).elements[1]!.problems[0]).toContain('ไม่ใช่ไฟล์แนบ');
    expect(evaluateItem(input(eservice)).elements[1]!.problems).toEqual(['ยังไม่มีลิงก์']);
  });
  it('pdf-text-layer passes for a text PDF and for other kinds of file', () => {
    const it2 = item({ elements: [el('readable', ['pdf-text-layer'])] });
    expect(evaluateItem(input(it2, { evidence: [doc('ข้อความ')] })).complete).toBe(true);
    expect(evaluateItem(input(it2, { evidence: [doc('x', { mediaKind: 'docx', textLayer: null })] })).complete).toBe(true);
    expect(evaluateItem(input(it2, { evidence: [doc('', { textLayer: false })] })).complete).toBe(false);
  });
});

describe('evaluateItem: self-declared elements', () => {
  const laws = item({ code: 'O6', elements: [el('laws')] });
  it('a declaration with a pointer or an explicit claim satisfies it; implicit claims do not', () => {
    expect(evaluateItem(input(laws, { declarations: { laws: 'หน้าเว็บ กฎหมาย' } })).elements[0]!.satisfiedBy).toContain('หน้าเว็บ กฎหมาย');
    expect(evaluateItem(input(laws, { declarations: { laws: '   ' } })).complete).toBe(false);
    expect(evaluateItem(input(laws, { evidence: [doc('x', { elements: ['laws'] })] })).complete).toBe(true);
    expect(evaluateItem(input(laws, { evidence: [doc('x')] })).complete).toBe(false);
  });
  it('an item the catalogue lists without elements needs any evidence', () => {
    const bare = item({ elements: [] });
    expect(evaluateItem(input(bare)).missing).toEqual(['มีหลักฐานเผยแพร่']);
    expect(evaluateItem(input(bare, { evidence: [link('https://x')] })).complete).toBe(true);
  });
});

describe('structured data', () => {
  const exec = (over: Partial<ExecutiveFacts> = {}): ExecutiveFacts => ({ nameTh: 'นายสมชาย ใจดี', positionTh: 'นายกเทศมนตรี', kind: 'political', hasPhoto: true, phone: '045-000000', email: null, ...over });
  it('O2 executives: both sides, and every one with name, position, photo and contact', () => {
    expect(executiveProblems([])).toEqual(['ยังไม่มีข้อมูลผู้บริหาร']);
    expect(executiveProblems([exec()])).toEqual(['ยังไม่มีผู้บริหารฝ่ายข้าราชการประจำ']);
    expect(executiveProblems([exec(), exec({ kind: 'permanent', nameTh: 'นางสาวสุดา', positionTh: 'ปลัดเทศบาล', hasPhoto: false, phone: null })])).toEqual([
      'นางสาวสุดา: ไม่มีรูปถ่าย ช่องทางการติดต่อ (โทรศัพท์หรืออีเมล)',
    ]);
    expect(executiveProblems([exec(), exec({ kind: 'permanent', phone: null, email: 'a@b.go.th' })])).toEqual([]);
  });
  it('O1 structure: political and permanent both present', () => {
    expect(structureProblems(null)).toHaveLength(2);
    expect(structureProblems({ political: ['นายก'], permanent: [], chartFileId: null })).toEqual(['ยังไม่มีโครงสร้างฝ่ายข้าราชการประจำ']);
    expect(structureProblems({ political: ['นายก'], permanent: ['ปลัด'], chartFileId: null })).toEqual([]);
  });
  it('O5 contact: address, phone, e-mail and map; fax optional', () => {
    expect(contactProblems({ address: 'ที่อยู่', phone: '1', fax: '', email: 'a@b', mapUrl: 'https://maps', hours: '' })).toEqual([]);
    expect(contactProblems({ address: 'ที่อยู่', phone: '', fax: '', email: '', mapUrl: '', hours: '' })[0]).toBe('ข้อมูลการติดต่อยังไม่มีหมายเลขโทรศัพท์ อีเมล แผนที่ตั้ง');
  });
});

describe('the FY2565 catalogue items', () => {
  const cat = getShippedCatalogue(2565)!;
  const find = (code: string) => cat.oitItems.find((i) => i.code === code)!;
  it('O2 is complete with good executives and self-declared elements', () => {
    const execs: ExecutiveFacts[] = [
      { nameTh: 'นายก', positionTh: 'นายกเทศมนตรี', kind: 'political', hasPhoto: true, phone: '1', email: null },
      { nameTh: 'ปลัด', positionTh: 'ปลัดเทศบาล', kind: 'permanent', hasPhoto: true, phone: null, email: 'x@y.go.th' },
    ];
    const partial = evaluateItem(input(find('O2'), { executives: execs }));
    expect(partial.elements.find((e) => e.key === 'details')!.satisfied).toBe(true);
    const declarations = Object.fromEntries(find('O2').elements.filter((e) => e.checks.length === 0).map((e) => [e.key, 'หน้าผู้บริหาร']));
    expect(evaluateItem(input(find('O2'), { executives: execs, declarations })).complete).toBe(true);
  });
  it('O12 wants the previous year, problems and suggestions', () => {
    const r = evaluateItem(input(find('O12'), { evidence: [doc('รายงานผลการดำเนินงานประจำปีงบประมาณ 2565')] }));
    expect(r.missing).toContain('ระบุปัญหา อุปสรรค');
    expect(r.missing).toContain('เป็นรายงานของปีงบประมาณ พ.ศ. 2564 (ปีก่อนปีที่ประเมิน)');
  });
});

describe('readinessScore and due dates', () => {
  it('is the share of elements satisfied, with one decimal', () => {
    expect(readinessScore([])).toBe(0);
    expect(readinessScore([{ satisfied: 1, total: 3 }])).toBe(33.3);
    expect(readinessScore([{ satisfied: 2, total: 2 }, { satisfied: 0, total: 2 }])).toBe(50);
    expect(readinessScore([{ satisfied: 4, total: 4 }])).toBe(100);
  });
  it('defaults the due date to the end of OIT collection, else 30 April of the year', () => {
    expect(defaultDueDate([{ key: 'oit-collection', to: '2022-04-30' }], 2565)).toBe('2022-04-30');
    expect(defaultDueDate([], 2569)).toBe('2026-04-30');
  });
});

describe('period checks follow the item period in the catalogue', () => {
  const stats = (period: 'current-fy' | 'previous-fy') =>
    item({ code: 'O18', role: 'complaint-statistics', period, elements: [el('stats', ['covers-fiscal-year'])] });
  it('a previous-year item wants the year before even when its element asks for the current year', () => {
    const fy2568 = doc('สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2568');
    const fy2569 = doc('สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2569');
    expect(evaluateItem({ ...input(stats('previous-fy'), { evidence: [fy2568] }), fiscalYear: 2569 }).complete).toBe(true);
    const wrong = evaluateItem({ ...input(stats('previous-fy'), { evidence: [fy2569] }), fiscalYear: 2569 });
    expect(wrong.complete).toBe(false);
    expect(wrong.elements[0]!.problems.join(' ')).toContain('2568');
    expect(evaluateItem({ ...input(stats('current-fy'), { evidence: [fy2569] }), fiscalYear: 2569 }).complete).toBe(true);
    expect(evaluateItem({ ...input(stats('current-fy'), { evidence: [fy2568] }), fiscalYear: 2569 }).complete).toBe(false);
  });
  it('a first-half item keeps a whole-year element and turns other period checks into the first half', () => {
    const it6 = item({ period: 'first-half', elements: [el('year', ['covers-fiscal-year']), el('half', ['covers-previous-year'])] });
    const r = evaluateItem(input(it6, { evidence: [doc('รายงานรอบ 6 เดือน (ต.ค. 2564 – มี.ค. 2565) ปีงบประมาณ พ.ศ. 2565')] }));
    expect(r.elements.map((e) => e.satisfied)).toEqual([true, true]);
  });
});
