import { describe, expect, it } from 'vitest';
import { oitItemSchema } from '../../catalogue/domain/schema.js';
import { getShippedCatalogue } from '../../catalogue/shipped.js';
import { isOutdated, normalizeTitle, planCarryOver, titleSimilarity } from './carry-over.js';

const item = (code: string, titleTh: string, period = 'none') => oitItemSchema.parse({ code, indicator: 9, subIndicator: '9.1', titleTh, period });

describe('titles', () => {
  it('normalises spaces and punctuation', () => {
    expect(normalizeTitle('ประกาศต่าง ๆ (จัดซื้อ)')).toBe(normalizeTitle('ประกาศต่าง(จัดซื้อ)'));
  });
  it('scores similarity between 0 and 1', () => {
    expect(titleSimilarity('E-Service', 'E Service')).toBe(1);
    expect(titleSimilarity('รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน')).toBeGreaterThan(0.75);
    expect(titleSimilarity('โครงสร้าง', 'กฎหมายที่เกี่ยวข้อง')).toBeLessThan(0.3);
  });
});

describe('planCarryOver', () => {
  it('maps by title first, then code with a similar title, then a similar title; each new item once', () => {
    const plan = planCarryOver(
      [item('O1', 'โครงสร้าง'), item('O2', 'แผนการจัดซื้อจัดจ้าง'), item('O3', 'ข้อมูลผู้บริหารของหน่วยงาน'), item('O4', 'เรื่องที่ถูกยกเลิก')],
      [item('O1', 'โครงสร้าง'), item('O2', 'ข้อมูลผู้บริหารหน่วยงาน'), item('O5', 'แผนการจัดซื้อจัดจ้าง'), item('O6', 'เรื่องใหม่')],
    );
    expect(plan.mappings.map((m) => [m.fromCode, m.toCode, m.match])).toEqual([
      ['O1', 'O1', 'code-and-title'],
      ['O2', 'O5', 'title'],
      ['O3', 'O2', 'similar-title'],
    ]);
    expect(plan.dropped.map((d) => d.code)).toEqual(['O4']);
    expect(plan.added.map((d) => d.code)).toEqual(['O6']);
  });

  it('follows the FY2565 → FY2566 renumbering of procurement and HR', () => {
    const plan = planCarryOver(getShippedCatalogue(2565)!.oitItems, getShippedCatalogue(2566)!.oitItems);
    const to = Object.fromEntries(plan.mappings.map((m) => [m.fromCode, m.toCode]));
    expect(to['O21']).toBe('O19');
    expect(to['O25']).toBe('O23');
    expect(to['O42']).toBe('O42');
    expect(plan.added.map((a) => a.code)).toContain('O10');
  });
});

describe('isOutdated', () => {
  it('never for items without a period', () => {
    expect(isOutdated('none', 2566, { from: null, to: null })).toBe(false);
  });
  it('for dated items whose stated period misses the new year', () => {
    expect(isOutdated('first-half', 2566, { from: '2021-10-01', to: '2022-03-31' })).toBe(true);
    expect(isOutdated('first-half', 2566, { from: '2022-10-01', to: '2023-03-31' })).toBe(false);
    expect(isOutdated('current-fy', 2566, { from: '2020-10-01', to: '2025-09-30' })).toBe(false);
    expect(isOutdated('previous-fy', 2566, { from: '2021-10-01', to: '2022-09-30' })).toBe(false);
    expect(isOutdated('previous-fy', 2566, { from: null, to: null })).toBe(true);
  });
});
