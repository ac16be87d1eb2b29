import { describe, expect, it } from 'vitest';
import { autoMap, missingFields, parseBidders, parseContractRows, parseDate, parseMoney, type GridRow } from './import-table.js';
import { mergeContract, sameContract } from './merge.js';
import { annualAnalysis, buildAnnualDocument, buildMonthlyDocument, monthlySummary, SKR1_COLUMNS } from './summaries.js';
import { contractFromApi } from './govspending.js';
import { fiscalMonths, methodFamily, monthInFiscalYear, type Contract } from './types.js';

const HEAD = ['เลขที่โครงการ', 'งานที่จัดซื้อหรือจัดจ้าง', 'วิธีซื้อหรือจ้าง', 'วงเงินงบประมาณ', 'ผู้ได้รับการคัดเลือก', 'ราคาที่ตกลงซื้อหรือจ้าง', 'วันที่สัญญา'];
const grid = (...rows: (string | number | null)[][]): GridRow[] => [HEAD, ...rows].map((cells, i) => ({ row: i + 1, cells }));

const contract = (over: Partial<Contract>): Contract => ({
  projectNo: '1',
  titleTh: 'ซื้อวัสดุ',
  procType: 'ซื้อ',
  method: 'เฉพาะเจาะจง',
  budget: 1000,
  referencePrice: 1000,
  bidders: [],
  winner: 'ร้าน ก',
  agreedPrice: 900,
  reason: '',
  contractNo: '',
  contractDate: '2025-11-03',
  procuredOn: '2025-11-03',
  sources: ['file'],
  ...over,
});

describe('reading cells', () => {
  it('reads money, dates and bidders as Thai officers write them', () => {
    expect(parseMoney('๑,๒๓๔.๕๐ บาท')).toBe(1234.5);
    expect(parseMoney('12,500')).toBe(12500);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('หนึ่งพัน')).toBeUndefined();
    expect(parseDate('15/01/2569')).toBe('2026-01-15');
    expect(parseDate('2026-01-15')).toBe('2026-01-15');
    expect(parseDate('15 ม.ค. 2569')).toBe('2026-01-15');
    expect(parseDate('๑๕/๑/๒๕๖๙')).toBe('2026-01-15');
    expect(parseDate(46037)).toBe('2026-01-15');
    expect(parseDate('31/02/2569')).toBeUndefined();
    expect(parseBidders('ร้าน ก (10,000); ร้าน ข (12,500.50)')).toEqual([
      { name: 'ร้าน ก', price: 10000 },
      { name: 'ร้าน ข', price: 12500.5 },
    ]);
    expect(parseBidders('ร้าน ค')).toEqual([{ name: 'ร้าน ค', price: null }]);
  });

  it('recognises columns by header words, e-GP export names included', () => {
    expect(autoMap(HEAD)).toMatchObject({ projectNo: 0, titleTh: 1, method: 2, budget: 3, winner: 4, agreedPrice: 5, contractDate: 6 });
    expect(autoMap(['project_id', 'project_name', 'purchase_method_name', 'winner', 'price_agree', 'contract_date'])).toMatchObject({ projectNo: 0, titleTh: 1, method: 2, winner: 3, agreedPrice: 4 });
    expect(missingFields(autoMap(['รหัส', 'ชื่องาน']))).toEqual(['projectNo', 'titleTh', 'method', 'winner', 'agreedPrice']);
  });
});

describe('validating a file', () => {
  it('accepts good rows of the fiscal year', () => {
    const r = parseContractRows(grid(['6811', 'ซื้อวัสดุ', 'เฉพาะเจาะจง', '1,000', 'ร้าน ก', '900', '03/11/2568']), autoMap(HEAD), 2569);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.contracts[0]).toMatchObject({ projectNo: '6811', procuredOn: '2025-11-03', agreedPrice: 900, bidders: [{ name: 'ร้าน ก', price: 900 }] });
  });

  it('rejects the whole file, naming each bad row and column in Thai', () => {
    const r = parseContractRows(
      grid(
        ['6811', 'ซื้อวัสดุ', 'เฉพาะเจาะจง', '1,000', 'ร้าน ก', '900', '03/11/2568'],
        ['6812', 'จ้างซ่อม', 'เฉพาะเจาะจง', '1,000', 'ร้าน ข', 'เก้าร้อย', '03/11/2568'],
        ['6811', 'ซ้ำ', 'เฉพาะเจาะจง', '', 'ร้าน ค', '100', '03/11/2568'],
        ['6813', 'ปีอื่น', 'เฉพาะเจาะจง', '', 'ร้าน ง', '100', '03/11/2567'],
        ['6814', 'เกินวงเงิน', 'เฉพาะเจาะจง', '100', 'ร้าน จ', '200', '03/11/2568'],
      ),
      autoMap(HEAD),
      2569,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { row: 3, field: 'ราคาที่ตกลงซื้อหรือจ้าง', message: '"เก้าร้อย" ไม่ใช่จำนวนเงิน (เช่น 12,500.00)' },
      { row: 4, field: 'เลขที่โครงการ', message: 'เลขที่โครงการ 6811 ซ้ำกับแถวที่ 2' },
      { row: 5, field: 'วันที่สัญญา', message: 'วันที่ไม่อยู่ในปีงบประมาณ 2569 (ปีงบประมาณ 2568)' },
      { row: 6, field: 'ราคาที่ตกลงซื้อหรือจ้าง', message: 'ราคาที่ตกลง (200) สูงกว่าวงเงินงบประมาณ (100)' },
    ]);
  });
});

describe('merging the two sources by project number', () => {
  it('keeps the file where it speaks and fills the rest from the API', () => {
    const api = contract({ sources: ['api'], reason: '', referencePrice: 950, contractNo: 'สัญญา 1/2569', bidders: [{ name: 'ร้าน ก', price: 900 }] });
    const file = contract({ sources: ['file'], reason: 'ราคาต่ำสุด', referencePrice: null, contractNo: '', agreedPrice: 905 });
    const merged = mergeContract(api, file);
    expect(merged).toMatchObject({ reason: 'ราคาต่ำสุด', referencePrice: 950, contractNo: 'สัญญา 1/2569', agreedPrice: 905, sources: ['api', 'file'] });
    // Importing the API page again changes nothing the file owns.
    expect(sameContract(merged, mergeContract(merged, api))).toBe(true);
  });
});

describe('monthly summary (แบบ สขร.๑)', () => {
  const list = [contract({ projectNo: 'a', agreedPrice: 900, budget: 1000 }), contract({ projectNo: 'b', agreedPrice: 100.5, budget: 200, procuredOn: '2025-11-20' }), contract({ projectNo: 'c', procuredOn: '2025-12-01' })];

  it('lists the month in date order with totals, and says so when there was nothing', () => {
    const s = monthlySummary(list, '2025-11', 2569);
    expect(s.rows.map((r) => r.contract.projectNo)).toEqual(['a', 'b']);
    expect(s.totals).toEqual({ count: 2, budget: 1200, referencePrice: 2000, agreedPrice: 1000.5 });
    const empty = monthlySummary(list, '2026-01', 2569);
    expect(empty.empty).toBe(true);
    const doc = buildMonthlyDocument({ agencyName: 'เทศบาลตำบลทดสอบ', digits: 'thai', asOf: '2026-02-01' }, empty);
    expect(JSON.stringify(doc.blocks)).toContain('ไม่มีการจัดซื้อจัดจ้างในเดือน มกราคม ๒๕๖๙');
  });

  it('has the nine official columns and the agency\'s digits', () => {
    const doc = buildMonthlyDocument({ agencyName: 'เทศบาลตำบลทดสอบ', digits: 'thai', asOf: '2026-02-01' }, monthlySummary(list, '2025-11', 2569));
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.columns.map((c) => c.header)).toEqual([...SKR1_COLUMNS]);
    expect(JSON.stringify(doc.blocks)).toContain('๑,๐๐๐.๕๐');
    expect(JSON.stringify(doc.blocks)).not.toMatch(/1,000\.50/);
  });

  it('knows the fiscal months', () => {
    expect(fiscalMonths(2569)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(monthInFiscalYear(2569, 10)).toBe('2025-10');
    expect(monthInFiscalYear(2569, 1)).toBe('2026-01');
  });
});

describe('annual report', () => {
  const list = [
    contract({ projectNo: 'a', method: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', titleTh: 'ก่อสร้างถนน', procType: 'จ้าง', agreedPrice: 2_000_000, budget: 2_100_000 }),
    contract({ projectNo: 'b', method: 'เฉพาะเจาะจง', titleTh: 'ซื้อวัสดุ', agreedPrice: 500_000, budget: 500_000 }),
  ];

  it('totals by method and type, the e-bidding share, the largest contracts and the plan', () => {
    const a = annualAnalysis(list, 2569, [{ titleTh: 'ก่อสร้างถนน', budget: 2_200_000, method: '' }, { titleTh: 'ซ่อมอาคาร', budget: 300_000, method: '' }]);
    expect(a.count).toBe(2);
    expect(a.savings).toBe(100_000);
    expect(a.eBidding).toEqual({ count: 1, agreedPrice: 2_000_000, shareOfValue: 80, shareOfCount: 50 });
    expect(a.byType.map((t) => t.label)).toEqual(['จ้าง', 'ซื้อ']);
    expect(a.largest[0]!.projectNo).toBe('a');
    expect(a.plan).toMatchObject({ items: 2, matched: 1, unmatched: ['ซ่อมอาคาร'] });
    expect(methodFamily('e-market')).toBe('e-market');
  });

  it('carries the required "ปัญหา อุปสรรค" and "ข้อเสนอแนะ"', () => {
    const doc = buildAnnualDocument({ agencyName: 'เทศบาลตำบลทดสอบ', digits: 'arabic', asOf: '2026-10-05' }, annualAnalysis(list, 2569, null), { problems: 'ผู้ประกอบการน้อย', suggestions: 'ประชาสัมพันธ์ให้มากขึ้น' });
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual(['1. สรุปผลการจัดซื้อจัดจ้าง', '2. การวิเคราะห์ผลการจัดซื้อจัดจ้าง', '3. ปัญหา อุปสรรค', '4. ข้อเสนอแนะ']);
    expect(JSON.stringify(doc.blocks)).toContain('ไม่ได้นำเข้าแผนการจัดซื้อจัดจ้าง');
  });
});

describe('government spending API records', () => {
  it('become contracts; incomplete ones are skipped', () => {
    const c = contractFromApi({ project_id: '68119000404', project_name: 'ก่อสร้างถนน', purchase_method_name: 'e-bidding', project_money: 2450000, price_build: '2398000', sum_price_agree: 2150000, contract: [{ winner: 'หจก.ทางดี', contract_no: '4/2569', contract_date: '2025-11-20', price_agree: 2150000 }] });
    expect(c).toMatchObject({ projectNo: '68119000404', agreedPrice: 2150000, referencePrice: 2398000, winner: 'หจก.ทางดี', procuredOn: '2025-11-20', sources: ['api'] });
    expect(contractFromApi({ project_id: '1', project_name: 'x' })).toBeUndefined();
  });
});
