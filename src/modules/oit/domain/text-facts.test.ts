import { describe, expect, it } from 'vitest';
import { analyseText, normalizeThaiText, parseFacts, toBE } from './text-facts.js';

describe('normalizeThaiText', () => {
  it('turns Thai digits into Arabic and folds spaces', () => {
    expect(normalizeThaiText('๑  ตุลาคม\n๒๕๖๘')).toBe('1 ตุลาคม 2568');
  });
  it("repairs pdfkit's doubled sara am and drops zero-width characters", () => {
    expect(normalizeThaiText('ประจำาปี\u200bงบประมาณ')).toBe('ประจำปีงบประมาณ');
  });
});

describe('toBE', () => {
  it('keeps B.E. years and converts C.E. years', () => {
    expect(toBE(2565)).toBe(2565);
    expect(toBE(2022)).toBe(2565);
    expect(toBE(1234)).toBeUndefined();
  });
});

describe('analyseText: dates and ranges', () => {
  it('reads an abbreviated month range with B.E. years', () => {
    const f = analyseText('ผลการดำเนินงานระหว่าง ต.ค. 2568 – มี.ค. 2569');
    expect(f.ranges).toEqual([{ from: '2025-10-01', to: '2026-03-31' }]);
  });

  it('reads Thai digits and full month names with days', () => {
    const f = analyseText('ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๘ ถึงวันที่ ๓๑ มีนาคม ๒๕๖๙');
    expect(f.ranges).toEqual([{ from: '2025-10-01', to: '2026-03-31' }]);
  });

  it('reads two-digit years without spaces, as on GIT\'s 2565 pages', () => {
    const f = analyseText('รอบ 6 เดือน (ต.ค.64 - มี.ค.65)');
    expect(f.ranges).toEqual([{ from: '2021-10-01', to: '2022-03-31' }]);
    expect(f.firstHalfPhrase).toBe(true);
  });

  it('takes the first year from the second when only the end has one, wrapping the months', () => {
    expect(analyseText('ตุลาคม – มีนาคม 2565').ranges).toEqual([{ from: '2021-10-01', to: '2022-03-31' }]);
    expect(analyseText('มกราคม - มีนาคม 2565').ranges).toEqual([{ from: '2022-01-01', to: '2022-03-31' }]);
  });

  it('reads single dates and numeric dates', () => {
    const f = analyseText('ประกาศ ณ วันที่ 15 มกราคม พ.ศ. 2565 และ 1/10/2564');
    expect(f.dates).toContainEqual({ from: '2022-01-15', to: '2022-01-15' });
    expect(f.dates).toContainEqual({ from: '2021-10-01', to: '2021-10-01' });
  });

  it('reads a month without a day as the whole month', () => {
    expect(analyseText('ข้อมูลเดือนพฤศจิกายน 2564').dates).toEqual([{ from: '2021-11-01', to: '2021-11-30' }]);
  });

  it('ignores impossible days and small two-digit numbers after a month', () => {
    expect(analyseText('31 กุมภาพันธ์ 2565').dates).toEqual([]);
    expect(analyseText('มีนาคม 15 คน').dates).toEqual([]);
  });

  it('tolerates spaces inside abbreviations, as PDF extraction leaves them', () => {
    expect(analyseText('ต . ค . 2564 - มี . ค . 2565').ranges).toEqual([{ from: '2021-10-01', to: '2022-03-31' }]);
  });

  it('does not read มี.ค. as ม.ค.', () => {
    expect(analyseText('มี.ค. 2565').dates).toEqual([{ from: '2022-03-01', to: '2022-03-31' }]);
  });

  it('reads C.E. years', () => {
    expect(analyseText('October 2021 1 ตุลาคม 2021').dates).toEqual([{ from: '2021-10-01', to: '2021-10-01' }]);
  });
});

describe('analyseText: fiscal years', () => {
  it('finds the fiscal year in its usual forms', () => {
    expect(analyseText('แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕').fiscalYears).toEqual([2565]);
    expect(analyseText('ปีงบประมาณ 2564').fiscalYears).toEqual([2564]);
    expect(analyseText('รายงานประจำปี 2564').fiscalYears).toEqual([2564]);
    expect(analyseText('ปีงบฯ 2566').fiscalYears).toEqual([2566]);
  });

  it('expands fiscal-year ranges and keeps multi-year plan spans', () => {
    expect(analyseText('ปีงบประมาณ พ.ศ. 2564 - 2566').fiscalYears).toEqual([2564, 2565, 2566]);
    expect(analyseText('แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)').yearSpans).toEqual([{ from: 2561, to: 2565 }]);
    expect(analyseText('แผนยุทธศาสตร์ (2566-2570)').yearSpans).toEqual([{ from: 2566, to: 2570 }]);
  });

  it('does not take a bare year as a fiscal year', () => {
    expect(analyseText('พ.ศ. 2565').fiscalYears).toEqual([]);
  });
});

describe('analyseText: report parts', () => {
  it('finds problems, obstacles and suggestions, even split by spaces', () => {
    const f = analyseText('ปัญหา อุปสรรค และข้อ เสนอ แนะ');
    expect([f.hasProblems, f.hasObstacles, f.hasSuggestions]).toEqual([true, true, true]);
  });
  it('reports their absence', () => {
    const f = analyseText('ผลการดำเนินงานเป็นไปตามแผน');
    expect([f.hasProblems, f.hasObstacles, f.hasSuggestions]).toEqual([false, false, false]);
  });
  it('counts characters without spaces (0 for an empty text layer)', () => {
    expect(analyseText(' \n ').chars).toBe(0);
    expect(analyseText('ก ข').chars).toBe(2);
  });
});

describe('parseFacts', () => {
  it('round-trips and tolerates partial or broken digests', () => {
    const f = analyseText('ปีงบประมาณ 2565');
    expect(parseFacts(JSON.stringify(f))).toEqual(f);
    expect(parseFacts('{"chars":3}')!.fiscalYears).toEqual([]);
    expect(parseFacts('not json')).toBeNull();
    expect(parseFacts(null)).toBeNull();
  });
});

describe('analyseText: text layers with marks out of order or missing', () => {
  it('finds the sections and the fiscal year in LibreOffice-style bold Thai (marks moved, spaces between)', () => {
    // What poppler reads from LibreOffice 7.4's PDF of bold "ข้อเสนอแนะ" and "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕".
    const f = analyseText('ข อ้ เสนอแนะ ปั ญหา อุปสรรค\nประจำป ี งบประมาณ พ.ศ. ๒๕๖๕');
    expect(f.hasSuggestions).toBe(true);
    expect(f.hasProblems).toBe(true);
    expect(f.hasObstacles).toBe(true);
    expect(f.fiscalYears).toEqual([2565]);
  });

  it('still requires the words themselves', () => {
    const f = analyseText('สรุปผลการดำเนินงาน ปีงบประมาณ 2565');
    expect(f.hasSuggestions).toBe(false);
    expect(f.hasProblems).toBe(false);
  });
});
