import { describe, expect, it } from 'vitest';
import { toArabicDigits } from '../../../shared/thai.js';
import { draftPlan } from '../../improvement/domain/draft-plan.js';
import type { ImprovementPlan } from '../../improvement/domain/types.js';
import type { Analysis } from '../../ita-results/domain/types.js';
import type { Block, DocModel } from './model.js';
import { blockTexts, cellText, modelTexts } from './model-text.js';
import { MEASURES_HEADERS, SIGNATURE_DOTS, buildMeasuresDocument, type MeasuresDocumentOptions, checkMeasuresElements, claimedCatalogueElements, measuresDocumentSections } from './measures-document.js';
import { SEED_AGENCY_NAME, SEED_SCORES, SEED_UNITS, seedAnalysis, seedCatalogue } from './test-fixtures.js';

const counter = () => {
  let n = 0;
  return () => `row-${++n}`;
};

function build(opts: { digits?: 'thai' | 'arabic'; analysis?: Analysis; plan?: ImprovementPlan; typeTh?: string; name?: string; options?: MeasuresDocumentOptions } = {}) {
  const catalogue = seedCatalogue();
  const analysis = opts.analysis ?? seedAnalysis(catalogue);
  const plan = opts.plan ?? draftPlan(analysis, catalogue, { units: SEED_UNITS }, { idFactory: counter() });
  const model = buildMeasuresDocument({
    agency: { name: opts.name ?? SEED_AGENCY_NAME, digits: opts.digits ?? 'thai', ...(opts.typeTh ? { typeTh: opts.typeTh } : {}) },
    catalogue,
    analysis,
    plan,
    generatedOn: '2022-10-15',
    ...(opts.options ? { options: opts.options } : {}),
  });
  return { model, analysis, plan, catalogue };
}

/** All visible text, with Thai digits turned into Arabic ones so numbers can be read. */
const arabicText = (model: DocModel) => modelTexts(model).map(toArabicDigits).join('\n');
/** "ตัวชี้วัดที่ N <words without digits> S คะแนน": a score attributed to indicator N. */
const indicatorMentions = (text: string) => [...text.matchAll(/ตัวชี้วัดที่ (\d+) [^\d\n]*?(\d+\.\d{2}) คะแนน/g)];
const scoreContradictions = (text: string) =>
  indicatorMentions(text)
    .filter(([, no, score]) => Number(score) !== SEED_SCORES[Number(no)])
    .map(([whole]) => whole);

const tables = (model: DocModel) => model.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const tableWith = (model: DocModel, header: string) => tables(model).filter((t) => t.columns.some((c) => c.header === header));

describe('buildMeasuresDocument', () => {
  it('opens with the three title lines of the target year', () => {
    const { model } = build();
    expect(model.blocks[0]).toEqual({
      kind: 'title',
      lines: ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', 'ของเทศบาลตำบลปรุใหญ่'],
    });
    expect(model).toMatchObject({ lang: 'th', digits: 'thai', author: SEED_AGENCY_NAME });
    expect(model.fileName).toBe('มาตรการส่งเสริมคุณธรรมและความโปร่งใส-2566-เทศบาลตำบลปรุใหญ่');
  });

  it('prefixes the agency type unless the name already carries it', () => {
    expect(build({ name: 'ปรุใหญ่', typeTh: 'เทศบาลตำบล' }).model.blocks[0]).toMatchObject({ lines: expect.arrayContaining(['ของเทศบาลตำบลปรุใหญ่']) });
    expect(build({ typeTh: 'เทศบาลตำบล' }).model.author).toBe(SEED_AGENCY_NAME);
  });

  it('numbers sections ๑ to ๖ in Thai digits', () => {
    const { model } = build();
    expect(measuresDocumentSections(model).map((s) => s.heading.split('.')[0])).toEqual(['๑', '๒', '๓', '๔', '๕', '๖']);
    const sub = model.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text.split(' ')[0]);
    expect(sub).toEqual(['๒.๑', '๒.๒', '๒.๓', '๓.๑', '๓.๒', '๔.๑', '๔.๒', '๔.๓']);
  });

  it('writes no Arabic digit anywhere when the agency uses Thai digits — item codes included', () => {
    const { model } = build({ digits: 'thai' });
    const offending = modelTexts(model).filter((t) => /[0-9]/.test(t));
    expect(offending).toEqual([]);
    expect(modelTexts(model).join('\n')).toContain('O๔๒');
  });

  it('writes no Thai digit when the agency uses Arabic digits', () => {
    const { model } = build({ digits: 'arabic' });
    expect(modelTexts(model).filter((t) => /[๐-๙]/.test(t))).toEqual([]);
    expect(modelTexts(model).join('\n')).toContain('ตัวชี้วัดที่ 10 การป้องกันการทุจริต (18.75 คะแนน)');
  });

  describe.each(['thai', 'arabic'] as const)('numbers agree with the analysis (%s digits)', (digits) => {
    const { model, analysis } = build({ digits });
    const text = arabicText(model);

    it('every score written next to an indicator is that indicator’s score', () => {
      expect(indicatorMentions(text).length).toBeGreaterThanOrEqual(20);
      expect(scoreContradictions(text)).toEqual([]);
    });

    it('every two-decimal number in the text is a figure of the analysis', () => {
      const allowed = new Set(
        [
          ...analysis.indicators.map((i) => i.score),
          ...Object.values(analysis.tools),
          analysis.total.computed,
          analysis.total.official!,
          analysis.gapToPass,
        ].map((n) => n.toFixed(2)),
      );
      const numbers = [...text.matchAll(/\d+\.\d{2}(?!\d)/g)].map((m) => m[0]);
      expect(numbers.length).toBeGreaterThan(30);
      expect(numbers.filter((n) => !allowed.has(n))).toEqual([]);
    });

    it('names the lowest and strongest indicator of each tool by number, name and exact score', () => {
      for (const [tool, strongest, lowest] of [
        ['IIT', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (86.05 คะแนน)', 'ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต (74.62 คะแนน)'],
        ['EIT', 'ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน (80.36 คะแนน)', 'ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน (74.22 คะแนน)'],
        ['OIT', 'ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (76.71 คะแนน)', 'ตัวชี้วัดที่ 10 การป้องกันการทุจริต (18.75 คะแนน)'],
      ] as const) {
        const lead = text.split('\n').find((l) => l.includes('ได้คะแนนเฉลี่ย') && l.includes(`คะแนนต่ำสุด คือ ${lowest}`));
        expect(lead, tool).toBeDefined();
        expect(lead).toContain(`คะแนนสูงสุด คือ ${strongest}`);
        expect(lead).toContain(`คะแนนต่ำสุด คือ ${lowest}`);
      }
    });

    it('states the total, level and the gap to the pass mark consistently', () => {
      expect(text).toContain('ได้คะแนนรวม 65.66 คะแนน ตามที่สำนักงาน ป.ป.ช. ประกาศ อยู่ในระดับ C');
      expect(text).toContain('ได้ 65.67 คะแนน ตรงกับคะแนนที่ประกาศเมื่อปัดเศษ');
      // One total: the gap is measured from the announced total the text cites.
      expect(text).toContain('คะแนนรวม 65.66 คะแนน ยังไม่ผ่านเกณฑ์ 85 คะแนน โดยต่ำกว่าเกณฑ์อยู่ 19.34 คะแนน');
      const m = /คะแนนรวม (\d+\.\d{2}) คะแนน ยังไม่ผ่านเกณฑ์ (\d+) คะแนน โดยต่ำกว่าเกณฑ์อยู่ (\d+\.\d{2}) คะแนน/.exec(text);
      expect(m).not.toBeNull();
      const [, basis, mark, gap] = m!;
      expect(Number(mark)).toBe(analysis.passMark);
      expect(Number(gap)).toBe(analysis.gapToPass);
      expect(Number(basis) + Number(gap)).toBeCloseTo(analysis.passMark, 2);
    });
  });

  it('flags a computed total that does not agree with the announced one', () => {
    const analysis = seedAnalysis();
    analysis.total = { ...analysis.total, official: 70.1 };
    const text = arabicText(build({ analysis }).model);
    expect(text).toMatch(/ต่างจากคะแนนที่ประกาศ 4\.43 คะแนน ควรตรวจสอบคะแนนรายตัวชี้วัด/);
  });

  it('the contradiction check catches the seed’s mistake', () => {
    // The seed says of indicator 8 (EIT): "มีค่าต่ำสุดเท่ากับ ๗๔.๖๒ คะแนน" — the score of indicator 5.
    const seedLike = 'ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ซึ่งผลคะแนนของตัวชี้วัดด้าน การปรับปรุงการทำงาน มีค่าต่ำสุดเท่ากับ ๗๔.๖๒ คะแนน';
    expect(scoreContradictions(toArabicDigits(seedLike))).toHaveLength(1);
  });

  it('cannot repeat the seed’s contradiction: an indicator’s score is always read from its own result', () => {
    // Even if a consumer hands in a lowest-indicator record with a stale score, the text uses the
    // indicator's result; "EIT lowest 74.62" cannot appear.
    const analysis = seedAnalysis();
    analysis.lowestPerTool.EIT = { ...analysis.lowestPerTool.EIT, score: 74.62 };
    const text = arabicText(build({ digits: 'arabic', analysis }).model);
    expect(text).not.toMatch(/ตัวชี้วัดที่ 8 [^\d\n]*?74\.62/);
    expect(text).toContain('ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน (74.22 คะแนน)');
  });

  it('tabulates results by indicator number, then each tool’s mean and the total', () => {
    const { model } = build({ digits: 'arabic' });
    const [results] = tableWith(model, MEASURES_HEADERS.results.score);
    expect(results!.columns.map((c) => c.header)).toEqual(['ตัวชี้วัด', 'เครื่องมือ', 'คะแนน']);
    const rows = results!.rows.map((r) => r.map(cellText));
    expect(rows.slice(0, 10).map((r) => Number(/ตัวชี้วัดที่ (\d+)/.exec(r[0]!)![1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of rows.slice(0, 10)) expect(Number(r[2])).toBe(SEED_SCORES[Number(/ตัวชี้วัดที่ (\d+)/.exec(r[0]!)![1])]);
    expect(rows.slice(0, 10).map((r) => r[1])).toEqual(['IIT', 'IIT', 'IIT', 'IIT', 'IIT', 'EIT', 'EIT', 'EIT', 'OIT', 'OIT']);
    expect(rows.slice(10).map((r) => [r[1], r[2]])).toEqual([
      ['IIT', '78.63'],
      ['EIT', '76.61'],
      ['OIT', '47.73'],
      ['IIT + EIT + OIT', '65.66'],
    ]);
  });

  it('charts indicator scores against the pass mark, highlighting those below it, described in words', () => {
    const { model } = build({ digits: 'thai' });
    const chart = model.blocks.find((b) => b.kind === 'chart');
    expect(chart).toMatchObject({ referenceLine: { value: 85, label: 'เกณฑ์ผ่าน ๘๕ คะแนน' }, max: 100 });
    if (chart?.kind !== 'chart') throw new Error('no chart');
    expect(chart.bars.map((b) => b.value)).toEqual(Object.values(SEED_SCORES));
    expect(chart.bars.filter((b) => b.highlight).map((b) => b.label.split(' ')[0])).toEqual(['๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙', '๑๐']);
    expect(chart.altText).toContain('ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ๘๖.๐๕ คะแนน ผ่านเกณฑ์');
    expect(chart.altText).toContain('ผ่านเกณฑ์ ๑ ตัว ต่ำกว่าเกณฑ์ ๙ ตัว');
  });

  it('lists failed OIT items grouped by indicator and sub-indicator, with the evaluator’s reason', () => {
    const { model, analysis } = build({ digits: 'arabic' });
    const sections = measuresDocumentSections(model);
    const s2 = sections[1]!.blocks.flatMap(blockTexts);
    const groups = s2.filter((t) => t.startsWith('ตัวชี้วัดย่อยที่'));
    expect(groups.map((g) => g.split(' ')[1])).toEqual(['9.1', '9.2', '9.3', '9.4', '10.1', '10.2']);
    for (const f of analysis.failedOit) {
      expect(s2.some((t) => t.startsWith(`${f.code} `) && t.includes(`เหตุผลของผู้ประเมิน: ${f.reason}`))).toBe(true);
    }
    expect(s2.indexOf('ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (76.71 คะแนน)')).toBeLessThan(s2.indexOf('ตัวชี้วัดที่ 10 การป้องกันการทุจริต (18.75 คะแนน)'));
  });

  it('reports strengths with their catalogue description and the lowest indicators as weaknesses', () => {
    const { model, catalogue } = build({ digits: 'arabic' });
    const s3 = measuresDocumentSections(model)[2]!.blocks.flatMap(blockTexts);
    for (const no of [1, 3, 6]) {
      const ind = catalogue.indicators.find((i) => i.no === no)!;
      expect(s3).toContain(`ตัวชี้วัดที่ ${no} ${ind.nameTh} (${SEED_SCORES[no]!.toFixed(2)} คะแนน) ${ind.descriptionTh}`);
    }
    const weakIdx = s3.indexOf('3.2 จุดอ่อนที่ต้องพัฒนา');
    expect(weakIdx).toBeGreaterThan(0);
    const weak = s3.slice(weakIdx).filter((t) => /^ตัวชี้วัดที่ \d/.test(t));
    expect(weak.map((t) => t.split(' ')[1])).toEqual(['5', '8', '10']);
  });

  it('gives a recommendation table per tool with the three columns', () => {
    const { model } = build({ digits: 'arabic' });
    const recs = tableWith(model, MEASURES_HEADERS.recommendations.method);
    expect(recs.map((t) => t.columns.map((c) => c.header))).toEqual(
      Array(3).fill(['ตัวชี้วัด', 'ประเด็นการประเมินที่ต้องพัฒนา', 'วิธีการพัฒนา']),
    );
    const issues = recs.map((t) => t.rows.map((r) => cellText(r[1]!).split(' ')[0]));
    expect(issues).toEqual([
      ['I28', 'I29', 'I30'],
      ['E11', 'E12', 'E14'],
      ['O2', 'O11', 'O12', 'O17', 'O20', 'O27', 'O39', 'O40', 'O42', 'O43'],
    ]);
    // O12 has no recommendation in the analysis: the catalogue's is used.
    const o12 = recs[2]!.rows[2]!;
    expect(cellText(o12[2]!)).toBe('เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะในรายงาน');
    expect(o12[2]!.bullets).toBe(true);
  });

  it('sets out the plan with bullets, unit, numbered monitoring and Thai B.E. due dates', () => {
    const { model, plan } = build({ digits: 'thai' });
    const [table] = tableWith(model, MEASURES_HEADERS.plan.weakness);
    expect(table!.columns.map((c) => c.header)).toEqual([
      'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
      'ขั้นตอนหรือวิธีการ/มาตรการ',
      'ผู้รับผิดชอบ',
      'การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ',
    ]);
    expect(table!.rows).toHaveLength(plan.rows.length);
    const first = table!.rows[0]!;
    expect(cellText(first[0]!)).toBe(`๑. ${plan.rows[0]!.weaknessTh}`);
    expect(first[1]).toEqual({ paragraphs: plan.rows[0]!.steps.map((s) => [s]), bullets: true });
    expect(cellText(first[2]!)).toBe(plan.rows[0]!.responsibleUnit);
    const monitoring = cellText(first[3]!).split('\n');
    expect(monitoring[0]).toMatch(/^๑\. /);
    expect(monitoring[1]).toMatch(/^๒\. .*ต่อผู้บริหารเมื่อครบ ๖ เดือน พร้อมปัญหา อุปสรรค และข้อเสนอแนะ$/);
    expect(monitoring.slice(-2)).toEqual(['รายงานรอบ ๖ เดือน ภายใน ๓๐ เมษายน ๒๕๖๖', 'รายงานรอบ ๑๒ เดือน ภายใน ๓๑ ตุลาคม ๒๕๖๖']);
  });

  it('ends with the driving measures and the date it was made', () => {
    const { model, plan } = build({ digits: 'arabic' });
    const s6 = measuresDocumentSections(model)[5]!;
    const texts = s6.blocks.flatMap(blockTexts);
    expect(texts.slice(0, plan.drivingMeasures.length)).toEqual(
      plan.drivingMeasures.map((m, i) => `${i + 1}. ${m.titleTh} ${m.detailTh}`),
    );
    expect(texts.at(-1)).toBe('จัดทำ ณ วันที่ 15 ตุลาคม 2565');
  });

  it('takes the chosen title year, date of issue and signer (signature block in the right half)', () => {
    const plain = build({ digits: 'thai' }).model;
    expect((plain.blocks[0] as Extract<Block, { kind: 'title' }>).lines[1]).toBe('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'); // default: results year + 1
    expect(plain.blocks.some((b) => b.kind === 'signature')).toBe(false);
    const { model } = build({ digits: 'thai', options: { titleYear: 2565, issuedOn: '2022-11-30', signer: { nameTh: 'นายสมชาย ใจดี 2', positionTh: 'นายกเทศมนตรีตำบลปรุใหญ่' } } });
    expect((model.blocks[0] as Extract<Block, { kind: 'title' }>).lines[1]).toBe('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(model.title).toContain('พ.ศ. ๒๕๖๕');
    expect(model.fileName).toContain('-2565-');
    const last = model.blocks.at(-1)!;
    expect(last).toEqual({
      kind: 'signature',
      lines: ['จัดทำ ณ วันที่ ๓๐ พฤศจิกายน ๒๕๖๕', `(ลงชื่อ) ${SIGNATURE_DOTS}`, '(นายสมชาย ใจดี ๒)', 'นายกเทศมนตรีตำบลปรุใหญ่'],
    });
    // Without a signer, the chosen date replaces the download day.
    const dated = build({ digits: 'arabic', options: { issuedOn: '2022-11-30' } }).model;
    expect(blockTexts(dated.blocks.at(-1)!)).toEqual(['จัดทำ ณ วันที่ 30 พฤศจิกายน 2565']);
  });

  it('shows question scores next to their code when they were entered', () => {
    const analysis = seedAnalysis();
    analysis.lowestPerTool.IIT.questions[0]!.score = 61.5;
    const { model } = build({ digits: 'arabic', analysis });
    const item = measuresDocumentSections(model)[1]!.blocks.flatMap(blockTexts).find((t) => t.startsWith('I28 '));
    expect(item).toContain('(61.50 คะแนน) ข้อเสนอแนะ:');
    expect(scoreContradictions(arabicText(model))).toEqual([]);
  });

  it('shows the computed total when no official score was entered, and a pass when passed', () => {
    const analysis = seedAnalysis();
    analysis.total = { ...analysis.total, official: null, difference: null };
    analysis.level = { ...analysis.level, official: null };
    let text = arabicText(build({ digits: 'arabic', analysis }).model);
    expect(text).toContain('ได้คะแนนรวม 65.67 คะแนน อยู่ในระดับ C');
    expect(text).not.toContain('ป.ป.ช. ประกาศ');

    const passed = seedAnalysis();
    Object.assign(passed, { passed: true, gapToPass: 0 });
    passed.total = { computed: 90.12, exact: 90.1234, official: 90.12, difference: -0.0034 };
    passed.level = { computed: 'A', computedLabelTh: '', official: 'A' };
    text = arabicText(build({ digits: 'arabic', analysis: passed }).model);
    expect(text).toContain('ได้คะแนนรวม 90.12 คะแนน ตามที่สำนักงาน ป.ป.ช. ประกาศ อยู่ในระดับ A');
    expect(text).toContain('คะแนนรวมดังกล่าวผ่านเกณฑ์ 85 คะแนน');
  });

  it('refuses a plan or catalogue of another year', () => {
    const { plan } = build();
    expect(() => build({ plan: { ...plan, resultsYear: 2566, targetYear: 2567 } })).toThrow(/ไม่ตรงกับผลการประเมินปี 2565/);
    const analysis = seedAnalysis();
    analysis.fiscalYear = 2566;
    expect(() => build({ analysis, plan })).toThrow(/แคตตาล็อกปี 2565/);
  });
});

describe('checkMeasuresElements', () => {
  it('finds every element O42 requires in a built document', () => {
    const { model } = build();
    expect(checkMeasuresElements(model)).toEqual([
      { key: 'analysis', labelTh: 'การวิเคราะห์ผลการประเมิน ITA', present: true },
      { key: 'weaknesses', labelTh: 'ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไข', present: true },
      { key: 'measures', labelTh: 'มาตรการหรือแนวทางเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส', present: true },
      { key: 'responsible', labelTh: 'ผู้รับผิดชอบ', present: true },
      { key: 'steps', labelTh: 'ขั้นตอนหรือวิธีการปฏิบัติ', present: true },
      { key: 'monitoring', labelTh: 'การกำกับติดตามและการรายงานผล', present: true },
    ]);
  });

  const missing = (model: DocModel) => checkMeasuresElements(model).filter((e) => !e.present).map((e) => e.key);

  it('claims the catalogue elements it proves, and offers machine-checked ones to their checks', () => {
    const item = [
      ...['analysis', 'urgent-weaknesses', 'improvements', 'measures', 'responsible', 'steps', 'monitoring', 'unknown-element'].map((key) => ({ key, checks: [] })),
      { key: 'fiscal-year', checks: ['covers-fiscal-year'] },
    ];
    const { model } = build();
    expect(claimedCatalogueElements(model, item)).toEqual(['analysis', 'urgent-weaknesses', 'improvements', 'measures', 'responsible', 'steps', 'monitoring', 'fiscal-year']);
    const withoutPlan = { ...model, blocks: model.blocks.filter((b) => !(b.kind === 'table' && b.columns[0]!.header === MEASURES_HEADERS.plan.weakness)) };
    expect(claimedCatalogueElements(withoutPlan, item)).toEqual(['analysis', 'measures', 'fiscal-year']);
  });

  it('misses the plan elements when the plan table is gone or a row is incomplete', () => {
    const { model } = build();
    const withoutPlan = { ...model, blocks: model.blocks.filter((b) => !(b.kind === 'table' && b.columns[0]!.header === MEASURES_HEADERS.plan.weakness)) };
    expect(missing(withoutPlan)).toEqual(['weaknesses', 'responsible', 'steps', 'monitoring']);

    const { model: blankUnit } = build({
      plan: (() => {
        const p = build().plan;
        p.rows[3] = { ...p.rows[3]!, responsibleUnit: ' ', steps: [] };
        return p;
      })(),
    });
    expect(missing(blankUnit)).toEqual(['responsible', 'steps']);
  });

  it('misses the analysis without a results table, and the measures without section ๖ content', () => {
    const { model } = build();
    const noResults = { ...model, blocks: model.blocks.filter((b) => !(b.kind === 'table' && b.columns.some((c) => c.header === 'คะแนน'))) };
    expect(missing(noResults)).toEqual(['analysis']);
    const { model: noMeasures } = build({ plan: { ...build().plan, drivingMeasures: [] } });
    // The generation date paragraph is not a measure.
    const trimmed = { ...noMeasures, blocks: noMeasures.blocks.filter((b) => !(b.kind === 'paragraph' && blockTexts(b)[0]!.startsWith('จัดทำ ณ'))) };
    expect(missing(trimmed)).toEqual(['measures']);
  });
});
