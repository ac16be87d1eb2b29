import { describe, expect, it } from 'vitest';
import { loadShippedCatalogues } from '../shipped.js';
import { oitItemSchema } from './schema.js';
import { mapCatalogueYears, mapOitItems } from './year-map.js';

const item = (code: string, titleTh: string, extra: Record<string, unknown> = {}) => oitItemSchema.parse({ code, indicator: 9, subIndicator: '9.1', titleTh, ...extra });
const catalogues = loadShippedCatalogues();

describe('year-to-year map of OIT items', () => {
  it('matches by role before title, and folds an absorbed role into the item that merged it', () => {
    const from = [
      item('O1', 'โครงสร้าง', { role: 'structure' }),
      item('O3', 'อำนาจหน้าที่', { role: 'powers' }),
      item('O9', 'ช่องทางการรับฟังความคิดเห็น', { role: 'feedback-channel' }),
    ];
    const to = [item('O1', 'โครงสร้าง หน้าที่และอำนาจ', { role: 'structure', mergedRoles: ['powers'] }), item('O2', 'ข้อมูลผู้บริหาร', { role: 'executives' })];
    const m = mapOitItems(from, to);
    expect(m.mappings.map((r) => [r.fromCode, r.toCode, r.match])).toEqual([['O1', 'O1', 'role'], ['O3', 'O1', 'merged']]);
    expect(m.dropped.map((d) => d.code)).toEqual(['O9']);
    expect(m.added.map((a) => a.code)).toEqual(['O2']);
  });

  it('never pairs two items whose roles differ, however alike their titles', () => {
    const m = mapOitItems([item('O1', 'รายงานผลการดำเนินงานประจำปี', { role: 'annual-report' })], [item('O1', 'รายงานผลการดำเนินงานประจำปี', { role: 'budget-report' })]);
    expect(m.mappings).toEqual([]);
  });

  it('falls back to titles for an imported item without a role', () => {
    const m = mapOitItems([item('O31', 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต', { role: 'complaint-statistics' })], [item('O18', 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต')]);
    expect(m.mappings.map((r) => [r.toCode, r.match, r.role])).toEqual([['O18', 'title', 'complaint-statistics']]);
  });

  it('maps every FY2569 item to the same FY2570 item, and FY2568 items to FY2569 by role', () => {
    const m = mapCatalogueYears(catalogues.get(2569)!, catalogues.get(2570)!);
    expect(m.persisting).toHaveLength(26);
    expect(m.persisting.every((r) => r.fromCode === r.toCode && r.match === 'role')).toBe(true);
    expect([m.merged, m.dropped, m.added]).toEqual([[], [], []]);
    const back = mapCatalogueYears(catalogues.get(2568)!, catalogues.get(2569)!);
    expect(back.persisting.find((r) => r.role === 'complaint-statistics')).toMatchObject({ fromCode: 'O19', toCode: 'O18', fromPeriod: 'previous-fy', toPeriod: 'previous-fy' });
    expect(back.merged.map((r) => `${r.fromCode}>${r.toCode}`)).toEqual(['O11>O10', 'O22>O20']);
  });
});
