/**
 * The plan drafted for the seed agency (เทศบาลตำบลปรุใหญ่, FY2565 results) from the shipped FY2565
 * catalogue, as the product drafts it: a plan the size of the one the municipality signed
 * (15 rows), stated as weaknesses, each monitored in its own words, with units by the nature of
 * the work. No database: drafting is pure; the catalogue and the results are the shipped files.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../../src/cli/results-file.js';
import { analyze } from '../../../src/modules/ita-results/domain/analysis.js';
import { draftPlan } from '../../../src/modules/improvement/domain/draft-plan.js';
import { validatePlan } from '../../../src/modules/improvement/domain/plan-validation.js';

const SEED = fileURLToPath(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url));
const UNITS = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'งานการเจ้าหน้าที่'];

describe('the plan drafted for the seed results', async () => {
  const { input, catalogue } = await readResultsFile(SEED);
  const analysis = analyze(catalogue, input);
  const plan = draftPlan(analysis, catalogue, { units: UNITS });
  const row = (code: string) => plan.rows.find((r) => r.source.code === code || r.weaknessTh.includes(code));

  it('has about the seed plan’s 15 rows', () => {
    expect(plan.rows.length).toBeGreaterThanOrEqual(13);
    expect(plan.rows.length).toBeLessThanOrEqual(17);
  });

  it('states weaknesses, never a survey question', () => {
    for (const r of plan.rows) {
      expect(r.weaknessTh).not.toMatch(/มากน้อยเพียงใด|หรือไม่\s*$|อย่างไร|ของท่าน/);
      expect(catalogue.questions.some((q) => q.textTh.trim() === r.weaknessTh.trim())).toBe(false);
    }
  });

  it('gives every row its own monitoring text', () => {
    const texts = plan.rows.map((r) => r.monitoring.join('\n'));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('groups a plan with its 6-month report (O39 and O40 in one row)', () => {
    const o39 = row('O39')!;
    expect(o39.weaknessTh).toContain('แผนปฏิบัติการป้องกันการทุจริต');
    expect(o39.weaknessTh).toContain('รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต');
    expect(plan.rows.some((r) => r.source.code === 'O40')).toBe(false);
  });

  it('gives anti-corruption, complaints and measures to the office, budget to finance, HR criteria to the HR unit', () => {
    expect(row('O39')!.responsibleUnit).toBe('สำนักปลัด');
    expect(row('O42')!.responsibleUnit).toBe('สำนักปลัด');
    expect(row('O43')!.responsibleUnit).toBe('สำนักปลัด');
    expect(plan.rows.find((r) => r.weaknessTh.includes('ร้องเรียน'))!.responsibleUnit).toBe('สำนักปลัด');
    expect(row('O20')!.responsibleUnit).toBe('กองคลัง');
    expect(row('O27')!.responsibleUnit).toBe('งานการเจ้าหน้าที่');
  });

  it('asks for next year’s evidence, not the assessed year’s', () => {
    const steps = row('O42')!.steps.join(' ');
    expect(steps).toContain('2566');
    expect(steps).not.toMatch(/ประจำปี 2565/);
  });

  it('passes the plan’s own validation', () => {
    expect(validatePlan(plan, UNITS)).toEqual([]);
  });
});
