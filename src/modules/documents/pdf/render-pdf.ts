/**
 * DocModel → PDF in Thai official style, with pdfkit and our own Thai line layout.
 *
 * Page: A4, margins top 2.5 cm, left 3 cm, right 2 cm, bottom 2 cm; Sarabun 16 pt, line pitch
 * 1.3; indented paragraphs get a 2.5 cm first-line indent and Thai distributed justification.
 * Page numbers sit at the top centre from page 2 as "– ๒ –" (Thai digits when the agency
 * uses them), as in Thai official correspondence. Decisions and limits: README.md here.
 *
 * Every line is drawn at an explicit position with an ActualText span holding its true text
 * (see pdf-text.ts), so the PDF copies and searches exactly as written.
 */
import PDFDocument from 'pdfkit';
import { withDigits } from '../../../shared/thai.js';
import type { Block, DocModel } from '../domain/model.js';
import { drawChart, layoutChart } from './chart.js';
import { type Align, Flow, PAGE, STYLE, styledRuns } from './flow.js';
import { TextKit } from './pdf-text.js';
import { drawTable, layoutTable, tableLead } from './table.js';
import type { Line } from './thai-lines.js';

const HEADING_BEFORE: Record<1 | 2 | 3, number> = { 1: 10, 2: 8, 3: 6 };
const HEADING_AFTER = 2;
const TITLE_AFTER = 10;
const LIST_MARKER_GAP = 6;

/**
 * Renders the model as a PDF.
 *
 * @example
 * const pdf = await renderPdf(model);
 * reply.type('application/pdf').send(pdf);
 */
export async function renderPdf(model: DocModel): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margins: PAGE.margins,
    pdfVersion: '1.7',
    lang: model.lang === 'en' ? 'en-US' : 'th-TH',
    displayTitle: true,
    info: { Title: model.title, Author: model.author, Creator: 'Prongsai' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const kit = new TextKit(doc);
  const flow = new Flow(doc, kit, model);
  flow.newPage();
  const blocks = model.blocks;
  blocks.forEach((block, i) => renderBlock(flow, block, blocks[i + 1]));

  kit.finish();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function renderBlock(flow: Flow, block: Block, next: Block | undefined): void {
  switch (block.kind) {
    case 'title':
      for (const text of block.lines) {
        const lines = flow.lines([{ text, bold: true }], flow.width, STYLE.title);
        drawLines(flow, lines, flow.left, STYLE.title, 'center');
      }
      flow.y += TITLE_AFTER;
      return;
    case 'heading': {
      const lines = flow.lines([{ text: block.text, bold: true }], flow.width, STYLE.body);
      const before = flow.fresh ? 0 : HEADING_BEFORE[block.level];
      // Keep the heading with what follows: never alone at the bottom of a page.
      flow.ensure(before + lines.length * flow.lineHeight(STYLE.body) + HEADING_AFTER + leadHeight(flow, next));
      if (!flow.fresh) flow.y += before;
      drawLines(flow, lines, flow.left, STYLE.body, 'left');
      flow.y += HEADING_AFTER;
      return;
    }
    case 'paragraph': {
      const indent = block.indent ? STYLE.firstLineIndent : 0;
      const align = block.align ?? (block.indent ? 'justify' : 'left');
      const lines = flow.lines(styledRuns(block.runs), flow.width, STYLE.body, indent);
      drawLines(flow, lines, flow.left, STYLE.body, align);
      flow.y += STYLE.paragraphAfter;
      return;
    }
    case 'list':
      renderList(flow, block);
      return;
    case 'table':
      drawTable(flow, flow.memoize(block, () => layoutTable(flow, block)));
      return;
    case 'chart':
      drawChart(flow, flow.memoize(block, () => layoutChart(flow, block)));
      return;
    case 'pageBreak':
      if (!flow.fresh) flow.newPage();
      return;
    case 'signature': {
      // Centred in the right half, all on one page, with room to sign above "(ลงชื่อ)".
      const half = flow.width / 2;
      const lh = flow.lineHeight(STYLE.body);
      const laid = block.lines.map((text) => ({ gap: text.startsWith('(ลงชื่อ)') ? 2 * lh : 0, lines: flow.lines([{ text, bold: false }], half, STYLE.body) }));
      const height = 2 * lh + laid.reduce((h, l) => h + l.gap + l.lines.length * lh, 0);
      flow.ensure(height);
      if (!flow.fresh) flow.y += 2 * lh;
      for (const l of laid) {
        flow.y += l.gap;
        drawLines(flow, l.lines, flow.left + half, STYLE.body, 'center');
      }
      return;
    }
    default: {
      const unknown: never = block;
      throw new Error(`unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

/** What must fit on the page together with a heading that precedes `block`. */
function leadHeight(flow: Flow, block: Block | undefined): number {
  const body = flow.lineHeight(STYLE.body);
  switch (block?.kind) {
    case undefined:
    case 'pageBreak':
    case 'title':
      return 0;
    case 'table':
      return tableLead(flow, flow.memoize(block, () => layoutTable(flow, block)));
    case 'chart':
      return flow.memoize(block, () => layoutChart(flow, block)).height;
    default:
      return 2 * body;
  }
}

/**
 * Draws lines down the page, moving to new pages as needed. A paragraph's first line is not
 * left alone at the bottom of a page, nor its last line alone at the top of the next.
 */
function drawLines(flow: Flow, lines: Line[], x: number, size: number, align: Align, hangFirst?: (top: number) => void): void {
  const lh = flow.lineHeight(size);
  let i = 0;
  while (i < lines.length) {
    const left = lines.length - i;
    let fit = Math.min(left, Math.floor((flow.remaining + 0.01) / lh));
    if (fit < left) {
      if (i === 0 && fit === 1) fit = 0; // orphan
      else if (left - fit === 1 && fit > (i === 0 ? 2 : 1)) fit -= 1; // widow
    }
    if (fit === 0) {
      if (!flow.fresh) {
        flow.newPage();
        continue;
      }
      fit = 1; // a line taller than a page: draw it anyway
    }
    for (let k = 0; k < fit; k++, i++) {
      if (i === 0 && hangFirst) hangFirst(flow.y);
      flow.drawLine(lines[i]!, x, flow.y, size, align);
      flow.y += lh;
    }
    if (i < lines.length) flow.newPage();
  }
}

/** Lists with a hanging indent: the marker at the paragraph indent, the text aligned after it. */
function renderList(flow: Flow, block: Extract<Block, { kind: 'list' }>): void {
  const size = STYLE.body;
  const measure = flow.kit.measure(size);
  const markers = block.items.map((_, i) =>
    block.ordered ? `${withDigits(String(i + 1), flow.model.digits)}.` : '•',
  );
  const markerX = flow.left + STYLE.firstLineIndent;
  const textX = markerX + Math.max(...markers.map((m) => measure(m, false))) + LIST_MARKER_GAP;
  const width = flow.right - textX;
  block.items.forEach((item, i) => {
    const lines = flow.lines(styledRuns(item), width, size);
    const [marker] = flow.lines([{ text: markers[i]!, bold: false }], textX - markerX - LIST_MARKER_GAP, size);
    drawLines(flow, lines, textX, size, 'justify', (top) => {
      if (marker) flow.drawLine(marker, markerX, top, size, block.ordered ? 'right' : 'left');
    });
  });
  flow.y += STYLE.paragraphAfter;
}
