import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cell, type DocModel } from '../domain/model.js';
import { chartTicks } from '../domain/chart-scale.js';
import { cm, proportionalWidths, renderDocx, TEXT_WIDTH } from './render-docx.js';
import { sampleMeasuresDocument } from '../domain/sample-model.js';

const INDENTED = 'หน่วยงานได้วิเคราะห์ผลการประเมินและกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

const model: DocModel = {
  title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
  fileName: 'มาตรการ-๒๕๖๘',
  lang: 'th',
  digits: 'thai',
  author: 'องค์การบริหารส่วนตำบลบ้านตัวอย่าง',
  blocks: [
    { kind: 'title', lines: ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'] },
    { kind: 'heading', level: 1, text: '๑. ผลการประเมิน' },
    // The zero-width space must not reach the file: TH SarabunPSK draws it as a box.
    { kind: 'paragraph', indent: true, runs: [INDENTED.slice(0, 20), '\u200B', INDENTED.slice(20)] },
    { kind: 'paragraph', runs: ['คะแนนรวม ', { text: 'ผ่านเกณฑ์', bold: true }] },
    { kind: 'list', ordered: true, items: [['ข้อแรกของรายการ'], ['ข้อที่สอง']] },
    { kind: 'list', ordered: true, items: [['รายการใหม่เริ่มที่หนึ่ง']] },
    { kind: 'list', ordered: false, items: [['จุดย่อย']] },
    {
      kind: 'table',
      caption: 'ตารางที่ ๑ มาตรการ',
      columns: [
        { header: 'ลำดับ', width: 1, align: 'center' },
        { header: 'มาตรการ', width: 3 },
        { header: 'วิธีการ', width: 2 },
      ],
      rows: [
        [
          cell('๑'),
          { paragraphs: [['ย่อหน้าแรกในเซลล์'], ['ย่อหน้าที่สองในเซลล์']] },
          { paragraphs: [['ประชุมชี้แจง'], ['เผยแพร่ทางเว็บไซต์']], bullets: true },
        ],
      ],
    },
    {
      kind: 'chart',
      title: 'คะแนนรายตัวชี้วัด',
      altText: 'แผนภูมิแท่งแสดงคะแนนสองตัวชี้วัด เทียบกับเกณฑ์ผ่าน ๘๕ คะแนน',
      bars: [
        { label: 'การปฏิบัติหน้าที่', value: 92.31 },
        { label: 'การป้องกันการทุจริต', value: 72, highlight: true },
      ],
      referenceLine: { value: 85, label: 'เกณฑ์ผ่าน ๘๕ คะแนน' },
      max: 100,
    },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: '๒. มาตรการ' },
  ],
};

async function open(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing`);
    return file.async('string');
  };
  return { zip, read };
}

/** The `<w:p>` elements of a part (paragraphs do not nest in what the renderer writes). */
const paragraphs = (xml: string) => xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
const paragraphWith = (xml: string, text: string) => {
  const found = paragraphs(xml).find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
};

describe('renderDocx', async () => {
  const buffer = await renderDocx(model);
  const { zip, read } = await open(buffer);
  const documentXml = await read('word/document.xml');
  const stylesXml = await read('word/styles.xml');

  it('is a valid OOXML zip package', async () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(await read('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(zip.file('word/document.xml')).not.toBeNull();
    expect(buffer.length).toBeLessThan(300 * 1024);
  });

  it('keeps the Thai text exactly', () => {
    for (const text of ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', '๑. ผลการประเมิน', INDENTED, 'ย่อหน้าที่สองในเซลล์', 'การป้องกันการทุจริต']) {
      expect(documentXml.replace(/<[^>]+>/g, '')).toContain(text);
    }
  });

  it('writes no zero-width space in any part', async () => {
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name]!.dir) continue;
      expect(await read(name), name).not.toContain('\u200B');
    }
  });

  it('sets Thai official page layout: A4, margins 2.5/3/2/2 cm, page numbers from page 2 in Thai digits', async () => {
    const sectPr = documentXml.slice(documentXml.lastIndexOf('<w:sectPr'));
    expect(sectPr).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 2.5 cm = 1417.3 twips, 3 cm = 1700.8, 2 cm = 1133.9.
    expect([cm(2.5), cm(3), cm(2)]).toEqual([1417, 1701, 1134]);
    expect(sectPr).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1701"/);
    expect(sectPr).toContain('<w:pgNumType w:start="1" w:fmt="thaiNumbers"/>');
    expect(sectPr).toContain('<w:titlePg/>');
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map(read));
    expect(headers.some((h) => h.includes('<w:instrText xml:space="preserve">PAGE</w:instrText>'))).toBe(true);
  });

  it('defaults every run to TH SarabunPSK 16 pt in Thai, complex script included', () => {
    const defaults = stylesXml.slice(stylesXml.indexOf('<w:docDefaults>'), stylesXml.indexOf('</w:docDefaults>'));
    expect(defaults).toContain('<w:rFonts w:ascii="TH SarabunPSK" w:cs="TH SarabunPSK" w:eastAsia="TH SarabunPSK" w:hAnsi="TH SarabunPSK"/>');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:szCs w:val="32"/>');
    expect(defaults).toContain('<w:lang w:val="th-TH" w:bidi="th-TH"/>');
  });

  it('declares TH SarabunPSK with its Thai charset and an alternative name for substitution', async () => {
    const fonts = await read('word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="TH SarabunPSK"><w:altName w:val="TH Sarabun New"\/>.*<w:charset w:val="DE"\/>/);
  });

  it('writes single line spacing with an explicit auto rule (LibreOffice reads a bare w:line as exact)', () => {
    const defaults = stylesXml.slice(stylesXml.indexOf('<w:docDefaults>'), stylesXml.indexOf('</w:docDefaults>'));
    expect(defaults).toContain('<w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/>');
    for (const spacing of `${stylesXml}${documentXml}`.match(/<w:spacing [^>]*w:line="[^>]*>/g) ?? []) {
      expect(spacing).toContain('w:lineRule="auto"');
    }
  });

  it('indents body paragraphs 2.5 cm with Thai distributed justification', () => {
    const p = paragraphWith(documentXml, INDENTED.slice(20, 40));
    expect(p).toContain('<w:jc w:val="thaiDistribute"/>');
    expect(p).toContain(`<w:ind w:firstLine="${cm(2.5)}"/>`);
    expect(paragraphWith(documentXml, 'คะแนนรวม')).not.toContain('thaiDistribute');
  });

  it('makes bold runs bold in complex script too', () => {
    const p = paragraphWith(documentXml, 'ผ่านเกณฑ์');
    const run = p.slice(p.lastIndexOf('<w:r>', p.indexOf('ผ่านเกณฑ์')));
    expect(run).toMatch(/<w:b\/>\s*<w:bCs\/>/);
  });

  it('centres the bold title and uses Word heading styles restyled to the Thai font', () => {
    const title = paragraphWith(documentXml, 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:bCs/>');
    expect(paragraphWith(documentXml, '๑. ผลการประเมิน')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(documentXml, '๒. มาตรการ')).toContain('<w:pStyle w:val="Heading2"/>');
    const h1 = stylesXml.slice(stylesXml.indexOf('w:styleId="Heading1"'));
    const h1Style = h1.slice(0, h1.indexOf('</w:style>'));
    expect(h1Style).toContain('<w:outlineLvl w:val="0"/>');
    expect(h1Style).toContain('w:ascii="TH SarabunPSK"');
    expect(h1Style).toContain('<w:color w:val="000000"/>');
    expect(h1Style).toContain('<w:sz w:val="32"/>');
  });

  it('writes lists as Word numbering, Thai digits, each ordered list restarting', async () => {
    const numbering = await read('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="thaiNumbers"/>');
    const numId = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(documentXml, text))?.[1];
    expect(numId('ข้อแรกของรายการ')).toBeDefined();
    expect(numId('ข้อแรกของรายการ')).toBe(numId('ข้อที่สอง'));
    expect(numId('รายการใหม่เริ่มที่หนึ่ง')).not.toBe(numId('ข้อแรกของรายการ'));
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${numId('รายการใหม่เริ่มที่หนึ่ง')}">[\\s\\S]*?<w:startOverride w:val="1"/>`));
  });

  it('writes data tables with a repeated shaded header row, proportional widths and multi-paragraph cells', () => {
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const data = tables.find((t) => t.includes('ย่อหน้าแรกในเซลล์'))!;
    expect(data).toBeDefined();
    expect(data).toContain('<w:tblHeader/>');
    expect(data).toContain('<w:shd w:fill="D9D9D9" w:color="auto" w:val="clear"/>');
    expect(data).toContain('<w:insideH w:val="single" w:color="000000" w:sz="4"/>');
    expect(data).toContain('<w:tblCaption w:val="ตารางที่ ๑ มาตรการ"/>');
    const grid = [...data.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(proportionalWidths([1, 3, 2], TEXT_WIDTH));
    expect(grid.reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
    // Only the header row is kept whole; body rows may break across pages.
    expect(data.match(/<w:cantSplit\/>/g)).toHaveLength(1);
    const cellXml = data.slice(data.lastIndexOf('<w:tc>', data.indexOf('ย่อหน้าแรกในเซลล์')));
    expect(paragraphs(cellXml.slice(0, cellXml.indexOf('</w:tc>')))).toHaveLength(2);
    expect(paragraphWith(data, 'เผยแพร่ทางเว็บไซต์')).toContain('<w:numPr>');
  });

  it('draws the chart as a described table: shaded bars, a highlighted bar, a dashed reference line, Thai values', () => {
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const chart = tables.find((t) => t.includes('<w:tblDescription'))!;
    expect(chart).toContain('<w:tblCaption w:val="คะแนนรายตัวชี้วัด"/>');
    expect(chart).toContain('<w:tblDescription w:val="แผนภูมิแท่งแสดงคะแนนสองตัวชี้วัด เทียบกับเกณฑ์ผ่าน ๘๕ คะแนน"/>');
    expect(chart).toContain('w:fill="9DB4CC"');
    expect(chart).toContain('w:fill="1F4E79"');
    expect(chart).toMatch(/w:val="dashed"/);
    expect(chart).toContain('๙๒.๓๑');
    expect(chart).toContain('๗๒.๐๐');
    for (const tick of ['๐', '๒๐', '๘๐', '๑๐๐']) expect(chart).toContain(`>${tick}</w:t>`);
    expect(paragraphWith(documentXml, 'เส้นประแนวตั้ง')).toContain('เกณฑ์ผ่าน ๘๕ คะแนน');
  });

  it('gives every table row exactly as many grid columns as the table grid (else Word reports a damaged file)', async () => {
    const seedXml = await (await open(await renderDocx(sampleMeasuresDocument()))).read('word/document.xml');
    const edge = (value: number, max: number) => ({
      kind: 'chart' as const,
      title: 'ขอบ',
      altText: 'ขอบ',
      bars: [{ label: 'ศูนย์', value: 0 }, { label: 'เกิน', value: 150, highlight: true }, { label: 'ลบ', value: -5 }, { label: 'ครึ่ง', value: 50.001 }],
      referenceLine: { value, label: 'อ้างอิง' },
      max,
    });
    const edgeXml = await (
      await open(await renderDocx({ ...model, blocks: [edge(0, 100), edge(100, 100), edge(120, 0), edge(50, 12)] }))
    ).read('word/document.xml');
    for (const xml of [documentXml, seedXml, edgeXml]) {
      for (const table of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
        const grid = table.match(/<w:gridCol /g)!.length;
        for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
          const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
          const spans = cells.map((c) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c)?.[1] ?? 1));
          expect(spans.reduce((a, b) => a + b, 0)).toBe(grid);
        }
      }
    }
  });

  it('writes the page break and the document properties', async () => {
    expect(documentXml).toContain('<w:br w:type="page"/>');
    const core = await read('docProps/core.xml');
    expect(core).toContain(`<dc:title>${model.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${model.author}</dc:creator>`);
  });

  it('renders Arabic digits when the agency chose them', async () => {
    const arabic = await open(await renderDocx({ ...model, digits: 'arabic' }));
    expect(await arabic.read('word/document.xml')).toContain('<w:pgNumType w:start="1" w:fmt="decimal"/>');
    expect(await arabic.read('word/numbering.xml')).not.toContain('thaiNumbers');
  });

  it('renders the seed-size document (about six pages, five tables, a chart) well under 300 KB', async () => {
    // Render time is measured outside the unit tests (median ~40–65 ms here), as timing asserts flake on shared machines.
    const out = await renderDocx(sampleMeasuresDocument());
    expect(out.length).toBeLessThan(300 * 1024);
    expect(await (await open(out)).read('word/document.xml')).toContain('<w:tblHeader/>');
  });
});

describe('proportionalWidths', () => {
  it('sums exactly to the total and keeps proportions', () => {
    const widths = proportionalWidths([8, 36, 30, 13, 13], 9071);
    expect(widths.reduce((a, b) => a + b)).toBe(9071);
    expect(widths[1]).toBe(Math.round(9071 * 0.36));
  });
  it('splits evenly when weights are unusable', () => {
    expect(proportionalWidths([0, Number.NaN], 10)).toEqual([5, 5]);
  });
});

describe('chartTicks', () => {
  it('chooses round steps', () => {
    expect(chartTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(chartTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(chartTicks(12)).toEqual([0, 2.5, 5, 7.5, 10]);
  });
});
