import { describe, expect, it } from 'vitest';
import { getShippedCatalogue } from '../../catalogue/shipped.js';
import { matchVendorRows, parseCsv, parseItemCode, toVendorRows } from './vendor-import.js';

const items = (y: number) => getShippedCatalogue(y)?.oitItems;

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF and a BOM, dropping blank lines', () => {
    expect(parseCsv('\ufeffa,"b,c","d ""e"""\r\n\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });
});

describe('toVendorRows', () => {
  it('finds Thai or English headers in any order', () => {
    const rows = toVendorRows([
      ['ลิงก์', 'ปีงบประมาณ', 'หัวข้อ', 'ข้อ'],
      ['https://x.go.th/a', '2565', 'โครงสร้าง', 'o1'],
    ]);
    expect(rows).toEqual([{ row: 2, year: '2565', item: 'o1', title: 'โครงสร้าง', link: 'https://x.go.th/a' }]);
  });
  it('assumes year, item, title, link without a header', () => {
    expect(toVendorRows([['2565', 'O2', 'ผู้บริหาร', 'https://x']])[0]).toEqual({ row: 1, year: '2565', item: 'O2', title: 'ผู้บริหาร', link: 'https://x' });
  });
});

describe('parseItemCode', () => {
  it('reads the usual ways of writing an item', () => {
    expect(['O12', 'o12', 'ข้อ 12', '12', 'O.12', '๑๒'].map(parseItemCode)).toEqual(Array(6).fill('O12'));
    expect(parseItemCode('โครงสร้าง')).toBeUndefined();
  });
});

describe('matchVendorRows', () => {
  it('places rows by code or by title and reports the rest with reasons', () => {
    const { matched, unmatched } = matchVendorRows(
      [
        { row: 2, year: '2565', item: 'O1', title: 'โครงสร้างองค์กร', link: 'https://x.go.th/o1' },
        { row: 3, year: '๒๕๖๕', item: '', title: 'รายงานผลการดำเนินงานประจำปี', link: 'https://x.go.th/o12' },
        { row: 4, year: '2565', item: 'O99', title: 'ไม่มี', link: 'https://x.go.th/99' },
        { row: 5, year: '2599', item: 'O1', title: 'โครงสร้าง', link: 'https://x.go.th/a' },
        { row: 6, year: '2565', item: 'O2', title: 'ผู้บริหาร', link: 'ftp://x' },
        { row: 7, year: 'ปีไหน', item: 'O2', title: 'ผู้บริหาร', link: 'https://x' },
        { row: 8, year: '2565', item: 'ข้อมูลการติดต่อ', title: '', link: 'https://x.go.th/contact' },
      ],
      items,
    );
    expect(matched.map((m) => [m.row, m.code, m.by])).toEqual([
      [2, 'O1', 'code'],
      [3, 'O12', 'title'],
      [8, 'O5', 'title'],
    ]);
    expect(unmatched.map((u) => u.row)).toEqual([4, 5, 6, 7]);
    expect(unmatched[0]!.message).toContain('ไม่มีข้อ O99');
    expect(unmatched[1]!.message).toContain('ปีงบประมาณ 2599');
    expect(unmatched[2]!.message).toContain('ลิงก์ไม่ถูกต้อง');
    expect(unmatched[3]!.message).toContain('ปีไม่ถูกต้อง');
  });
});
