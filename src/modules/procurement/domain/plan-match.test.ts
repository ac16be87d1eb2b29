import { describe, expect, it } from 'vitest';
import { matchPlan, nameSimilarity, normaliseThai, NAME_THRESHOLD } from './plan-match.js';

describe('normaliseThai', () => {
  it('folds spaces, punctuation, Thai digits, a leading "โครงการ" and "จัดซื้อ/จัดจ้าง"', () => {
    expect(normaliseThai('โครงการ จัดซื้อ วัสดุสำนักงาน (๒ รายการ)')).toBe('ซื้อวัสดุสำนักงาน2รายการ');
    expect(normaliseThai('  ซื้อวัสดุสำนักงาน 2 รายการ ')).toBe('ซื้อวัสดุสำนักงาน2รายการ');
  });
  it('writes out the abbreviations plans use', () => {
    expect(normaliseThai('ก่อสร้างถนน คสล. ม.5 ต.หนองบัว')).toBe(normaliseThai('ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 ตำบลหนองบัว'));
    expect(normaliseThai('ซ่อมหลังคา รร.บ้านโนน')).toBe(normaliseThai('ซ่อมหลังคาโรงเรียนบ้านโนน'));
  });
  it('makes SARA AM one character however it was typed, and NFC', () => {
    expect(normaliseThai('ซื้อน\u0E49\u0E4D\u0E32ดื่ม')).toBe('ซื้อน\u0E49\u0E33ดื่ม');
    expect(normaliseThai('จ้างทำป้าย')).toBe(normaliseThai('จ้างท\u0E4D\u0E32ป้าย'));
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same project typed differently', () => {
    expect(nameSimilarity('โครงการก่อสร้างถนน คสล. ม.5', 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๕')).toBe(1);
  });
  it('is high when one name holds the other, low for different work', () => {
    expect(nameSimilarity('ก่อสร้างถนน', 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5')).toBeGreaterThanOrEqual(NAME_THRESHOLD);
    expect(nameSimilarity('ซื้อวัสดุสำนักงาน', 'ซื้อวัสดุคอมพิวเตอร์')).toBeLessThan(NAME_THRESHOLD);
    expect(nameSimilarity('ซ่อมอาคาร', 'ก่อสร้างถนน')).toBeLessThan(0.2);
  });
  it('does not take a short word inside another name as a match', () => {
    // "ถนน" alone is in every road project: containment counts from six characters.
    expect(nameSimilarity('ถนน', 'ก่อสร้างถนนลูกรัง')).toBeLessThan(NAME_THRESHOLD);
  });
  it('is 0 for empty names', () => {
    expect(nameSimilarity('', 'ซื้อ')).toBe(0);
  });
});

describe('matchPlan', () => {
  const contracts = [
    { projectNo: '68119000404', titleTh: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 บ้านหนองบัว' },
    { projectNo: '68129000505', titleTh: 'จ้างเหมาบริการรักษาความปลอดภัย' },
    { projectNo: '69059000909', titleTh: 'จ้างเหมาขุดลอกคลองส่งน้ำ หมู่ที่ 3' },
    { projectNo: '69059000910', titleTh: 'จ้างเหมาขุดลอกคลองส่งน้ำ หมู่ที่ 3 (ช่วงที่ 2)' },
  ];

  it('matches by project number first, whatever the names say', () => {
    const r = matchPlan([{ titleTh: 'งานถนนสายหลัก', projectNo: '๖๘๑๑๙๐๐๐๔๐๔' }], contracts);
    expect(r.matches).toEqual([{ plan: 0, contracts: ['68119000404'], by: 'project-no', score: 1 }]);
    expect(r.unmatched).toEqual([]);
  });

  it('then by normalised name, a plan item taking all its lots, each contract once', () => {
    const r = matchPlan(
      [
        { titleTh: 'โครงการก่อสร้างถนน คสล. ม.5 บ้านหนองบัว' },
        { titleTh: 'โครงการขุดลอกคลองส่งน้ำ ม.3' },
        { titleTh: 'ซ่อมแซมอาคารสำนักงาน' },
        { titleTh: 'จ้างเหมาบริการรักษาความปลอดภัย' },
        { titleTh: 'จ้างเหมาบริการรักษาความปลอดภัย' },
      ],
      contracts,
    );
    expect(r.matches.map((m) => [m.plan, m.by, m.contracts])).toEqual([
      [0, 'name', ['68119000404']],
      [1, 'name', ['69059000909', '69059000910']],
      [3, 'name', ['68129000505']],
    ]);
    // The contract went to one plan line; the duplicate line and the building repair were not procured.
    expect(r.unmatched).toEqual([2, 4]);
  });

  it('leaves a contract matched by number out of the name matching', () => {
    const r = matchPlan([{ titleTh: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 บ้านหนองบัว' }, { titleTh: 'ถนน', projectNo: '68119000404' }], contracts);
    expect(r.matches.map((m) => m.plan)).toEqual([1]);
    expect(r.unmatched).toEqual([0]);
  });

  it('is empty for an empty plan', () => {
    expect(matchPlan([], contracts)).toEqual({ matches: [], unmatched: [] });
  });
});
