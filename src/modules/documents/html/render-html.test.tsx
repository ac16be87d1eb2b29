import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { cell, type DocModel } from '../domain/model.js';
import { sampleMeasuresDocument } from '../domain/sample-model.js';
import { DocumentView, widthClasses } from './DocumentView.js';
import { renderDocumentHtml } from './render-html.js';

const model: DocModel = {
  title: 'มาตรการส่งเสริมคุณธรรม <ประจำปี> & ความโปร่งใส',
  fileName: 'มาตรการ',
  lang: 'th',
  digits: 'thai',
  author: 'อบต.บ้านตัวอย่าง',
  blocks: [
    { kind: 'title', lines: ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'] },
    { kind: 'heading', level: 1, text: '๑. ผลการประเมิน' },
    { kind: 'paragraph', indent: true, runs: ['หน่วยงานได้วิเคราะห์ผลการประเมิน ', { text: 'อย่างละเอียด', bold: true }] },
    { kind: 'paragraph', runs: ['<script>alert(1)</script>'] },
    { kind: 'list', ordered: true, items: [['ข้อแรก'], ['ข้อสอง']] },
    { kind: 'list', ordered: false, items: [['จุดย่อย']] },
    {
      kind: 'table',
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
    { kind: 'table', caption: 'ตารางที่ ๒ ผู้รับผิดชอบ', columns: [{ header: 'หน่วยงาน', width: 1 }], rows: [[cell('สำนักปลัด')]] },
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
  ],
};

const attr = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('renderDocumentHtml', () => {
  const html = renderDocumentHtml(model, { cssHref: '/assets/document.css', fontCssHref: '/assets/fonts.css' });

  it('is a complete HTML5 page in Thai that links its stylesheets', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="th">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>มาตรการส่งเสริมคุณธรรม &lt;ประจำปี> &amp; ความโปร่งใส</title>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/document.css">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/fonts.css">');
    expect(html).toContain('<article lang="th"');
    expect(html).not.toMatch(/<style/i);
  });

  it('needs no unsafe-inline style and escapes the text', () => {
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('writes the title, headings, paragraphs and lists semantically', () => {
    expect(html).toMatch(/<h1 [^>]*class="doc-title">มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน<br\/?>ประจำปีงบประมาณ พ.ศ. ๒๕๖๘<\/h1>/);
    expect(html).toMatch(/<h2 [^>]*>๑. ผลการประเมิน<\/h2>/);
    expect(html).toContain('<p class="doc-indent">หน่วยงานได้วิเคราะห์ผลการประเมิน <strong>อย่างละเอียด</strong></p>');
    expect(html).toContain('<ol class="doc-list doc-list--thai"><li>ข้อแรก</li><li>ข้อสอง</li></ol>');
    expect(html).toContain('<ul class="doc-list"><li>จุดย่อย</li></ul>');
    expect(html).toContain('<div class="doc-page-break" aria-hidden="true"></div>');
  });

  it('writes tables with column headers, captions or a heading as their name, and multi-paragraph cells', () => {
    expect(html).toContain('<th scope="col" class="doc-align-center">ลำดับ</th>');
    expect(html).toContain('<th scope="col">มาตรการ</th>');
    expect(html).toContain('<td><p>ย่อหน้าแรกในเซลล์</p><p>ย่อหน้าที่สองในเซลล์</p></td>');
    expect(html).toContain('<td><ul class="doc-cell-list"><li>ประชุมชี้แจง</li><li><span class="nobr">เผยแพร่</span>ทาง<span class="nobr">เว็บไซต์</span></li></ul></td>');
    expect(html).toMatch(/<caption id="doc-caption-7">ตารางที่ ๒ ผู้รับผิดชอบ<\/caption>/);
    // The table without a caption is named by the heading before it.
    expect(html).toMatch(/<table class="doc-table" aria-labelledby="doc-h-1">/);
    expect(html).toMatch(/<div class="doc-table-wrap" role="region" tabindex="0" aria-labelledby="doc-h-1">/);
  });

  it('draws the chart as a labelled SVG with a data table, Thai digits, a highlighted bar and a dashed reference', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="doc-chart-8-title"');
    expect(svg).toContain('aria-describedby="doc-chart-8-desc"');
    expect(svg).toContain('<title id="doc-chart-8-title">คะแนนรายตัวชี้วัด</title>');
    expect(svg).toContain('<desc id="doc-chart-8-desc">แผนภูมิแท่งแสดงคะแนนสองตัวชี้วัด เทียบกับเกณฑ์ผ่าน ๘๕ คะแนน</desc>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('fill="#1F4E79"');
    expect(svg).toContain('>๙๒.๓๑</text>');
    expect(svg).toContain('>๑๐๐</text>');
    expect(svg).not.toMatch(/[0-9]+(\.[0-9]+)?<\/text>/);
    const data = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
    expect(data).toContain('<summary>ข้อมูลในแผนภูมิ</summary>');
    expect(data).toContain('<tr class="doc-chart-row--highlight"><th scope="row"><strong>การป้องกันการทุจริต</strong></th>');
    expect(data).toContain('๗๒.๐๐');
  });

  it('gives every id once and points every aria reference at an existing id', () => {
    const page = renderDocumentHtml(sampleMeasuresDocument(), { cssHref: '/d.css' });
    for (const doc of [html, page]) {
      const ids = attr(doc, 'id');
      expect(new Set(ids).size).toBe(ids.length);
      for (const ref of [...attr(doc, 'aria-labelledby'), ...attr(doc, 'aria-describedby')].flatMap((r) => r.split(' '))) {
        expect(ids).toContain(ref);
      }
    }
  });

  it('keeps government compounds on one line in table cells, not in running text', () => {
    const model: DocModel = {
      title: 't', fileName: 't', lang: 'th', digits: 'thai', author: 'a',
      blocks: [
        { kind: 'paragraph', runs: ['ผู้รับผิดชอบในย่อหน้า'] },
        { kind: 'table', columns: [{ header: 'ผู้รับผิดชอบ', width: 1 }], rows: [[cell('ผู้รับผิดชอบของหน่วยงาน')]] },
      ],
    };
    const out = renderToString(<DocumentView model={model} />);
    expect(out).toContain('<td><span class="nobr">ผู้รับผิดชอบ</span>ของ<span class="nobr">หน่วยงาน</span></td>');
    expect(out).toContain('ผู้รับผิดชอบในย่อหน้า');
  });

  it('can inline the stylesheet for a standalone file', () => {
    const standalone = renderDocumentHtml(model, { inlineCss: true });
    expect(standalone).toMatch(/<style>[\s\S]*\.doc-indent \{[^}]*text-justify: inter-character/);
    expect(standalone).not.toContain('<link rel="stylesheet"');
    expect(standalone.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/\sstyle\s*=/i);
  });

  it('can embed Sarabun in a standalone file for machines without Thai fonts', () => {
    const standalone = renderDocumentHtml(model, { inlineCss: true, embedFonts: true });
    expect(standalone.match(/@font-face \{ font-family: 'Sarabun';[^}]*src: url\(data:font\/ttf;base64,/g)).toHaveLength(2);
    expect(standalone.length).toBeLessThan(400 * 1024);
  });

  it('renders Arabic digits when the agency chose them', () => {
    const arabic = renderToString(<DocumentView model={{ ...model, digits: 'arabic' }} idPrefix="a" />);
    expect(arabic).toContain('>92.31</text>');
    expect(arabic).toContain('<ol class="doc-list">');
    expect(arabic).toContain('id="a-chart-8-title"');
  });
});

describe('widthClasses', () => {
  it('maps relative widths to 5 % steps', () => {
    expect(widthClasses([{ header: 'a', width: 1 }, { header: 'b', width: 3 }])).toEqual(['doc-w-25', 'doc-w-75']);
    expect(widthClasses([{ header: 'a', width: 0 }, { header: 'b', width: 0 }])).toEqual(['doc-w-50', 'doc-w-50']);
  });
});
