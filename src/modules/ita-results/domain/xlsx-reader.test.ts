import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxSheet } from './xlsx-reader.js';

/** A minimal hand-written workbook, to cover what ExcelJS itself never writes. */
async function handWritten(sheetXml: string, opts: { sharedStrings?: string; prefix?: string; target?: string } = {}) {
  const p = opts.prefix ?? '';
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}sheets>` +
      `<${p}sheet name="คำอธิบาย" sheetId="1" r:id="rId1"/><${p}sheet name="ข้อมูล &amp; ผล" sheetId="2" r:id="rId2"/>` +
      `</${p}sheets></${p}workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${opts.target ?? 'worksheets/sheet2.xml'}"/>` +
      `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      `</Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>help</t></is></c></row></sheetData></worksheet>`);
  zip.file('xl/worksheets/sheet2.xml', sheetXml);
  if (opts.sharedStrings) zip.file('xl/sharedStrings.xml', opts.sharedStrings);
  return zip.generateAsync({ type: 'uint8array' });
}

const pickSecond = (names: string[]) => names.indexOf('ข้อมูล & ผล');

describe('readXlsxSheet', () => {
  it('reads shared strings (rich runs joined, phonetic runs dropped), numbers, booleans, errors and formula strings', async () => {
    const ss =
      '<sst><si><t>fiscal_year</t></si><si><r><t>เทศ</t></r><r><rPr><b/></rPr><t xml:space="preserve">บาล </t></r><rPh><t>ignored</t></rPh></si><si/></sst>';
    const sheet =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3"><v>2565</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c>' +
      '<c r="D3" t="str"><f>A1&amp;"x"</f><v>a &lt;b&gt; &#3585;</v></c><c r="E3" s="2"/><c r="F3" t="s"><v>2</v></c></row>' +
      '</sheetData></worksheet>';
    const r = await readXlsxSheet(await handWritten(sheet, { sharedStrings: ss }), pickSecond);
    expect(r!.name).toBe('ข้อมูล & ผล');
    expect(r!.rows).toEqual([
      { row: 1, cells: ['fiscal_year', undefined, 'เทศบาล '] },
      { row: 3, cells: [2565, true, '#N/A', 'a <b> ก', null, ''] },
    ]);
    expect(1 in r!.rows[0]!.cells).toBe(false);
  });

  it('reads inline strings, namespace prefixes (x:), cells and rows without references, absolute targets', async () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>ชื่อ</x:t></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row>' +
      '<x:row/>' +
      '<x:row><x:c r="B3"><x:v>7</x:v></x:c><x:c\n\tt="str"><x:v>8</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const r = await readXlsxSheet(await handWritten(sheet, { prefix: 'x:', target: '/xl/worksheets/sheet2.xml' }), pickSecond);
    expect(r!.rows.map((x) => [x.row, [...x.cells]])).toEqual([
      [1, ['ชื่อ', 1.5]],
      [2, []],
      [3, [undefined, 7, '8']],
    ]);
  });

  it('returns undefined for an archive that is not a workbook, and throws for bytes that are not a zip', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    expect(await readXlsxSheet(await zip.generateAsync({ type: 'uint8array' }), () => 0)).toBeUndefined();
    await expect(readXlsxSheet(new Uint8Array([1, 2, 3, 4]), () => 0)).rejects.toThrow();
  });

  it('an unpicked sheet gives no rows', async () => {
    const r = await readXlsxSheet(await handWritten('<worksheet><sheetData/></worksheet>'), () => -1);
    expect(r).toEqual({ name: '', rows: [] });
  });
});
