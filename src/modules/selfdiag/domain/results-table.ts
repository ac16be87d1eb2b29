/**
 * A round's results by unit as table rows (for the CSV download), pure. The same suppression as
 * the page: a unit below the threshold has its counts and a "not shown" note, never a figure; the
 * whole-agency row is the pooled figure of `roundResults` (hidden answers left out unless their
 * pool reaches the threshold). Numbers with two decimals, Arabic digits (spreadsheets read them).
 */
import type { RoundResult } from './scoring.js';

export function resultsTable(input: { tool: 'IIT' | 'EIT'; threshold: number; issued: readonly { unit: string; issued: number }[]; result: RoundResult }): string[][] {
  const nos = input.tool === 'IIT' ? ['1', '2', '3', '4', '5'] : ['6', '7', '8'];
  const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));
  const issuedOf = (unit: string) => {
    const n = input.issued.find((i) => i.unit === unit)?.issued;
    return n === undefined ? '' : String(n);
  };
  const header = ['หน่วยงานย่อย', 'ออกลิงก์', 'ผู้ตอบ', 'การแสดงผล', ...nos.map((n) => `ตัวชี้วัด ${n}`), 'คะแนนเครื่องมือ'];
  const units = input.result.units.map((u) =>
    u.hidden
      ? [u.unit, issuedOf(u.unit), String(u.responses), `ไม่แสดงผล (ผู้ตอบน้อยกว่า ${input.threshold} คน)`, ...nos.map(() => ''), '']
      : [u.unit, issuedOf(u.unit), String(u.responses), 'แสดงผล', ...nos.map((n) => fmt(u.indicators?.[n])), fmt(mean(nos.map((n) => u.indicators?.[n])))],
  );
  const o = input.result.overall;
  const overall = [
    'ผลรวมทั้งหน่วยงาน',
    String(input.issued.reduce((a, i) => a + i.issued, 0)),
    String(o.responses),
    o.indicators ? (o.withheld ? `แสดงผล (ไม่รวมคำตอบ ${o.withheld} รายการของหน่วยที่ไม่ถึงเกณฑ์)` : 'แสดงผล') : `ไม่แสดงผล (ผู้ตอบน้อยกว่า ${input.threshold} คน)`,
    ...nos.map((n) => fmt(o.indicators?.[n])),
    fmt(o.tool),
  ];
  return [header, ...units, overall];
}

function mean(xs: (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) / 100 : undefined;
}
