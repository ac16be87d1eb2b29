import { describe, expect, it } from 'vitest';
import { seedAnalysis, seedCatalogue, SEED_UNITS } from '../../documents/domain/test-fixtures.js';
import { chooseUnit, defaultDrivingMeasures, draftPlan, stepsFromRecommendation } from './draft-plan.js';
import { validatePlan } from './plan-validation.js';

const counter = () => {
  let n = 0;
  return () => `row-${++n}`;
};

const FAILED_OIT = ['O2', 'O11', 'O12', 'O17', 'O20', 'O27', 'O39', 'O40', 'O42', 'O43'];

describe('draftPlan on the FY2565 seed', () => {
  const catalogue = seedCatalogue();
  const analysis = seedAnalysis(catalogue);
  const plan = draftPlan(analysis, catalogue, { units: SEED_UNITS }, { idFactory: counter() });

  it('targets the year after the results', () => {
    expect(plan.resultsYear).toBe(2565);
    expect(plan.targetYear).toBe(2566);
  });

  it('has one row per low question of each lowest indicator, then one per failed OIT item', () => {
    expect(plan.rows.map((r) => r.source)).toEqual([
      ...['I28', 'I29', 'I30', 'E11', 'E12', 'E14'].map((code) => ({ kind: 'question', code })),
      ...FAILED_OIT.map((code) => ({ kind: 'oit', code })),
    ]);
    expect(plan.rows.map((r) => r.order)).toEqual(plan.rows.map((_, i) => i + 1));
    expect(plan.rows.map((r) => r.id)).toEqual(plan.rows.map((_, i) => `row-${i + 1}`));
  });

  it('dates every report from the target fiscal year (30 Apr and 31 Oct 2566 B.E.)', () => {
    for (const r of plan.rows) {
      expect(r.sixMonthDue).toBe('2023-04-30');
      expect(r.twelveMonthDue).toBe('2023-10-31');
    }
  });

  it('words the weakness in plain Thai, not as the survey question; OIT rows as the item and the reason', () => {
    for (const r of plan.rows) expect(r.weaknessTh).not.toMatch(/เพียงใด|หรือไม่|อย่างไร|\?/);
    expect(plan.rows[0]!.weaknessTh).toContain('การเฝ้าระวังการทุจริต');
    const o2 = plan.rows.find((r) => r.source.code === 'O2')!;
    expect(o2.weaknessTh).toContain('ข้อมูลผู้บริหาร');
    expect(o2.weaknessTh).toContain(analysis.failedOit.find((f) => f.code === 'O2')!.reason);
  });

  it('derives concrete steps and ends with publishing on the website', () => {
    const i28 = plan.rows[0]!;
    expect(i28.steps).toContain('จัดทำแนวทางการเฝ้าระวัง การตรวจสอบ และการลงโทษทางวินัยเมื่อพบการทุจริต');
    expect(i28.steps).toContain('ชี้แจงให้บุคลากรทุกคนรับทราบ');
    for (const r of plan.rows) {
      expect(r.steps.length).toBeGreaterThanOrEqual(2);
      expect(r.steps.at(-1)).toMatch(/เว็บไซต์/);
      expect(r.steps.at(-1)).toMatch(/เผยแพร่|ประชาสัมพันธ์/);
      // No internal to-dos addressed to the officer.
      expect(r.steps.join(' ')).not.toContain('ข้อสังเกตของผู้ประเมิน');
    }
  });

  it('turns the assessor reason into a step, then the catalogue recommendation (O12)', () => {
    const o12 = plan.rows.find((r) => r.source.code === 'O12')!;
    expect(o12.steps[0]).toBe('เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะในรายงานผลการดำเนินงานประจำปี');
    expect(o12.steps).toContain('เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะในรายงาน');
  });

  it('picks responsible units from the agency list by subject', () => {
    for (const r of plan.rows) expect(SEED_UNITS).toContain(r.responsibleUnit);
    const unitOf = (code: string) => plan.rows.find((r) => r.source.code === code)!.responsibleUnit;
    expect(unitOf('O20')).toBe('กองคลัง'); // budget spending report
    expect(unitOf('O27')).toBe('งานการเจ้าหน้าที่'); // HR criteria
    expect(unitOf('O39')).toBe('สำนักปลัด'); // "ปีงบประมาณ" in the reason is not about the budget
    expect(unitOf('I28')).toBe('สำนักปลัด');
  });

  it('monitors every row: who acts, who reports what at 6 and 12 months to the executives, the follow-up', () => {
    for (const r of plan.rows) {
      expect(r.monitoring[0]).toContain(r.responsibleUnit);
      expect(r.monitoring.some((m) => m.includes('ครบ 6 เดือน') && m.includes('ต่อผู้บริหาร'))).toBe(true);
      expect(r.monitoring.some((m) => m.includes('ครบ 12 เดือน'))).toBe(true);
      expect(r.monitoring.some((m) => m.startsWith('ผู้บริหาร'))).toBe(true);
    }
    // Specific to each row: no two rows share a monitoring text.
    const texts = plan.rows.map((r) => r.monitoring.join('\n'));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('is deterministic given the id factory', () => {
    const again = draftPlan(seedAnalysis(), seedCatalogue(), { units: SEED_UNITS }, { idFactory: counter() });
    expect(again).toEqual(plan);
  });

  it('drafts a plan that passes its own validation', () => {
    expect(validatePlan(plan, SEED_UNITS)).toEqual([]);
  });

  it('adds the default driving measures of the target year', () => {
    expect(plan.drivingMeasures).toEqual(defaultDrivingMeasures(2566));
  });
});

describe('draftPlan edge cases', () => {
  it('uses the catalogue questions of the lowest indicator when no question scores were entered', () => {
    const catalogue = seedCatalogue();
    const analysis = seedAnalysis(catalogue);
    analysis.lowestPerTool.IIT.questions = [];
    const plan = draftPlan(analysis, catalogue, { units: SEED_UNITS }, { idFactory: counter() });
    // I25 and I28 (leadership, watching and punishing) share one row, as in the seed plan.
    expect(plan.rows.filter((r) => r.source.code?.startsWith('I')).map((r) => r.source.code)).toEqual(['I25', 'I29', 'I30']);
  });

  it('adds an indicator row for a lowest indicator with nothing more specific', () => {
    const catalogue = seedCatalogue();
    const analysis = seedAnalysis(catalogue);
    analysis.failedOit = [];
    const plan = draftPlan(analysis, catalogue, { units: SEED_UNITS }, { idFactory: counter() });
    const last = plan.rows.at(-1)!;
    expect(last.source).toEqual({ kind: 'indicator', code: '10' });
    expect(last.weaknessTh).toBe('ตัวชี้วัดที่ 10 การป้องกันการทุจริต');
  });

  it('gives anti-corruption and measures rows to the office, else defaultUnit, else the first unit', () => {
    const catalogue = seedCatalogue();
    const withOffice = draftPlan(seedAnalysis(catalogue), catalogue, { units: ['กองช่าง', 'สำนักปลัด'] }, { idFactory: counter() });
    const o42 = (p: typeof withOffice) => p.rows.find((r) => r.source.code === 'O42')!.responsibleUnit;
    expect(o42(withOffice)).toBe('สำนักปลัด');
    // HR without a personnel section goes to the permanent secretary's office.
    expect(withOffice.rows.find((r) => r.source.code === 'O27')!.responsibleUnit).toBe('สำนักปลัด');
    const units = ['กองช่าง', 'กองการศึกษา'];
    const withDefault = draftPlan(seedAnalysis(catalogue), catalogue, { units, defaultUnit: 'กองการศึกษา' }, { idFactory: counter() });
    const withoutDefault = draftPlan(seedAnalysis(catalogue), catalogue, { units }, { idFactory: counter() });
    expect(o42(withDefault)).toBe('กองการศึกษา');
    expect(o42(withoutDefault)).toBe('กองช่าง');
  });

  it("uses the agency's own unit for a kind of work when it has chosen one", () => {
    const catalogue = seedCatalogue();
    const units = [...SEED_UNITS, 'กองยุทธศาสตร์'];
    const plan = draftPlan(seedAnalysis(catalogue), catalogue, { units, unitByKind: { admin: 'กองยุทธศาสตร์' } }, { idFactory: counter() });
    expect(plan.rows.find((r) => r.source.code === 'O42')!.responsibleUnit).toBe('กองยุทธศาสตร์');
    expect(plan.rows.find((r) => r.source.code === 'O20')!.responsibleUnit).toBe('กองคลัง');
  });

  it('refuses an agency without units', () => {
    expect(() => draftPlan(seedAnalysis(), seedCatalogue(), { units: [] })).toThrow(/หน่วยงานภายใน/);
  });

  it('defaults to unique random ids', () => {
    const plan = draftPlan(seedAnalysis(), seedCatalogue(), { units: SEED_UNITS });
    expect(new Set(plan.rows.map((r) => r.id)).size).toBe(plan.rows.length);
  });
});

describe('chooseUnit', () => {
  it.each([
    ['รายงานผลการจัดซื้อจัดจ้างประจำปี', 'กองคลัง'],
    ['แผนการใช้จ่ายงบประมาณ', 'กองคลัง'],
    ['ซ่อมแซมถนนและอาคาร', 'กองช่าง'],
    ['นโยบายการบริหารทรัพยากรบุคคล', 'งานการเจ้าหน้าที่'],
    ['ศูนย์พัฒนาเด็กเล็ก', 'กองการศึกษา'],
    ['แผนปฏิบัติการประจำปีงบประมาณ', 'สำนักปลัด'],
  ])('%s → %s', (subject, unit) => {
    expect(chooseUnit(subject, '', SEED_UNITS, 'สำนักปลัด')).toBe(unit);
  });

  it('reads the recommendation when the subject names nothing', () => {
    expect(chooseUnit('รายงานประจำปี', 'ให้กองคลังสรุปการเบิกจ่ายงบประมาณ', SEED_UNITS, 'สำนักปลัด')).toBe('กองคลัง');
  });
});

describe('stepsFromRecommendation', () => {
  it('splits lines, bullets, semicolons and added actions', () => {
    expect(stepsFromRecommendation('- ทำ ก\n- ทำ ข; ทำ ค พร้อมทั้งทำ ง')).toEqual(['ทำ ก', 'ทำ ข', 'ทำ ค', 'ทำ ง']);
  });

  it('drops modal openings and turns a state into an action', () => {
    expect(stepsFromRecommendation('หน่วยงานควรมีแนวทางการร้องเรียน ทั้งนี้ ควรคุ้มครองผู้ร้องเรียน')).toEqual([
      'จัดให้มีแนวทางการร้องเรียน',
      'คุ้มครองผู้ร้องเรียน',
    ]);
  });

  it('keeps a mid-sentence dash or enumeration inside one step', () => {
    expect(stepsFromRecommendation('จัดทำช่องทางติดต่อ - สอบถามข้อมูล ใน ๒ ประเด็น คือ (๑) ก และ (๒) ข')).toEqual([
      'จัดทำช่องทางติดต่อ - สอบถามข้อมูล ใน ๒ ประเด็น คือ (๑) ก และ (๒) ข',
    ]);
  });

  it('numbered lines and duplicates', () => {
    expect(stepsFromRecommendation('1. ทำ ก\n2) ทำ ข\n๓. ทำ ก')).toEqual(['ทำ ก', 'ทำ ข']);
    expect(stepsFromRecommendation('')).toEqual([]);
  });
});

describe('defaultDrivingMeasures', () => {
  it('gives three to five numbered measures naming the target year', () => {
    const measures = defaultDrivingMeasures(2567);
    expect(measures.length).toBeGreaterThanOrEqual(3);
    expect(measures.length).toBeLessThanOrEqual(5);
    expect(measures.map((m) => m.order)).toEqual(measures.map((_, i) => i + 1));
    expect(measures.every((m) => m.titleTh && m.detailTh)).toBe(true);
    expect(measures.some((m) => m.detailTh.includes('2567'))).toBe(true);
  });
});
