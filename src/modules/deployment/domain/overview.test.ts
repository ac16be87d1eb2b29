import { describe, expect, it } from 'vitest';
import { sortRows, summarizeByProvince, type OverviewRow } from './overview.js';

const row = (name: string, province: string, total?: number, passed = false, oit?: number, planRows?: number, report?: { fiscalYear: number; round: 6 | 12 }): OverviewRow => ({
  agencyId: name,
  slug: name,
  name,
  typeCode: 'sao',
  typeTh: 'องค์การบริหารส่วนตำบล',
  province,
  status: 'active',
  ...(total !== undefined ? { result: { fiscalYear: 2567, total, source: 'official' as const, levelCode: 'x', levelTh: 'x', passed } } : {}),
  ...(oit !== undefined ? { oit: { published: 0, ready: 0, inProgress: 0, total: 10, publishedPercent: oit } } : {}),
  ...(planRows !== undefined ? { plan: { resultsYear: 2567, targetYear: 2568, rows: planRows } } : {}),
  ...(report ? { report } : {}),
});

describe('province view rows', () => {
  const rows = [row('ข', 'ศรีสะเกษ', 80, false, undefined, undefined, { fiscalYear: 2568, round: 12 }), row('ก', 'ศรีสะเกษ'), row('ค', 'ยโสธร', 95, true, 50, 3, { fiscalYear: 2569, round: 6 })];
  it('sorts by total either way with agencies without results last', () => {
    expect(sortRows(rows, 'total', 'desc').map((r) => r.name)).toEqual(['ค', 'ข', 'ก']);
    expect(sortRows(rows, 'total', 'asc').map((r) => r.name)).toEqual(['ข', 'ค', 'ก']);
  });
  it('sorts by the latest measures report (year, then round), agencies without one last', () => {
    expect(sortRows(rows, 'report', 'desc').map((r) => r.name)).toEqual(['ค', 'ข', 'ก']);
    expect(sortRows(rows, 'report', 'asc').map((r) => r.name)).toEqual(['ข', 'ค', 'ก']);
  });
  it('sorts Thai names in dictionary order', () => {
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['ก', 'ข', 'ค']);
    expect(sortRows(rows, 'name', 'desc').map((r) => r.name)).toEqual(['ค', 'ข', 'ก']);
  });
  it('summarises each province: counts, passes, mean total, plans', () => {
    expect(summarizeByProvince(rows)).toEqual([
      { province: 'ยโสธร', agencies: 1, withResults: 1, passed: 1, meanTotal: 95, meanOitPercent: 50, withPlan: 1, withReport: 1 },
      { province: 'ศรีสะเกษ', agencies: 2, withResults: 1, passed: 0, meanTotal: 80, meanOitPercent: 0, withPlan: 0, withReport: 1 },
    ]);
  });
});
