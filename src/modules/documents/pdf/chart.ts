/**
 * Horizontal bar chart in vector graphics: one bar per indicator with its label on the left
 * and its value at the bar end, an axis from 0 to `max`, and a dashed reference line (the pass
 * mark) with its label. Highlighted bars (below the pass mark) get a second colour. The
 * chart's altText is for HTML and DOCX; here the labels themselves are real text.
 */
import { formatInteger, formatNumber } from '../../../shared/thai.js';
import { chartMax } from '../domain/chart-scale.js';
import type { Block } from '../domain/model.js';
import { type Flow, STYLE } from './flow.js';
import type { Line } from './thai-lines.js';

type ChartBlock = Extract<Block, { kind: 'chart' }>;

const BAR = '#2E75B6';
const BAR_HIGHLIGHT = '#C55A11';
const REFERENCE = '#C00000';
const GRID = '#D9D9D9';
const AXIS = '#404040';
const BAR_THICKNESS = 12;
const ROW_GAP = 4;
const CHART_BEFORE = 6;
const TICK_SIZE = 12;
const LABEL_SHARE = 0.36;

export interface ChartLayout {
  block: ChartBlock;
  title: Line[];
  labels: Line[][];
  rowHeights: number[];
  refLabel: Line | undefined;
  plotX0: number;
  plotX1: number;
  step: number;
  height: number;
}

function tickStep(max: number, plotWidth: number): number {
  if (max <= 100) return plotWidth / (max / 10) >= 28 ? 10 : 20;
  const raw = max / 8;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw);
}

export function layoutChart(flow: Flow, block: ChartBlock): ChartLayout {
  const size = STYLE.chart;
  const lh = flow.lineHeight(size);
  const measure = flow.kit.measure(size);
  const digits = flow.model.digits;
  const labelWidth = flow.width * LABEL_SHARE;
  const valueSpace = Math.max(...block.bars.map((b) => measure(formatNumber(b.value, digits, 2), false)), 0) + 8;
  const plotX0 = flow.left + labelWidth + 8;
  const plotX1 = flow.right - valueSpace;
  const max = chartMax(block);
  const title = flow.lines([{ text: block.title, bold: true }], flow.width, STYLE.body);
  const labels = block.bars.map((b) => flow.lines([{ text: b.label, bold: false }], labelWidth, size));
  const rowHeights = labels.map((l) => Math.max(l.length * lh, BAR_THICKNESS + 4) + ROW_GAP);
  const [refLabel] = flow.lines([{ text: block.referenceLine.label, bold: false }], flow.width, size);
  const height =
    title.length * flow.lineHeight(STYLE.body) +
    6 +
    lh + // reference line label
    rowHeights.reduce((s, h) => s + h, 0) +
    6 +
    flow.lineHeight(TICK_SIZE) +
    STYLE.paragraphAfter * 2;
  return {
    block: { ...block, max },
    title,
    labels,
    rowHeights,
    refLabel,
    plotX0,
    plotX1,
    step: tickStep(max, plotX1 - plotX0),
    height,
  };
}

export function drawChart(flow: Flow, c: ChartLayout): void {
  const { block } = c;
  const doc = flow.doc;
  const size = STYLE.chart;
  const lh = flow.lineHeight(size);
  const digits = flow.model.digits;
  // Centring a line box on a bar puts the glyphs low: their visual middle is half an x-height
  // above the baseline, not the middle of the box.
  const opticalLift = flow.kit.ascent(size) - 0.25 * size - lh / 2;
  const xOf = (v: number): number => c.plotX0 + ((c.plotX1 - c.plotX0) * Math.min(Math.max(v, 0), block.max)) / block.max;

  flow.ensure(CHART_BEFORE + c.height);
  if (!flow.fresh) flow.y += CHART_BEFORE;
  for (const line of c.title) {
    flow.drawLine(line, flow.left, flow.y, STYLE.body, 'center');
    flow.y += flow.lineHeight(STYLE.body);
  }
  flow.y += 6;

  const refX = xOf(block.referenceLine.value);
  const refLabelTop = flow.y;
  if (c.refLabel) {
    const x = Math.min(Math.max(refX - c.refLabel.width / 2, flow.left), flow.right - c.refLabel.width);
    flow.drawLine(c.refLabel, x, refLabelTop, size, 'left', REFERENCE);
  }
  const plotTop = refLabelTop + lh;
  const plotBottom = plotTop + c.rowHeights.reduce((s, h) => s + h, 0);

  // Grid and ticks.
  doc.save().lineWidth(0.5);
  for (let v = 0; v <= block.max + 1e-9; v += c.step) {
    const x = xOf(v);
    doc.moveTo(x, plotTop).lineTo(x, plotBottom).strokeColor(v === 0 ? AXIS : GRID).stroke();
    doc.moveTo(x, plotBottom).lineTo(x, plotBottom + 4).strokeColor(AXIS).stroke();
    const [tick] = flow.lines([{ text: formatInteger(v, digits), bold: false }], 100, TICK_SIZE);
    if (tick) flow.drawLine(tick, x - tick.width / 2, plotBottom + 5, TICK_SIZE, 'left', AXIS);
  }
  doc.moveTo(c.plotX0, plotBottom).lineTo(c.plotX1, plotBottom).strokeColor(AXIS).stroke();
  doc.restore();

  // Bars, each with its label at the left and its value at the bar end.
  const values: { end: number; barTop: number; text: string }[] = [];
  let rowTop = plotTop;
  block.bars.forEach((bar, i) => {
    const rowHeight = c.rowHeights[i]!;
    const labelLines = c.labels[i]!;
    const labelsTop = rowTop + (rowHeight - ROW_GAP - labelLines.length * lh) / 2 - opticalLift;
    labelLines.forEach((line, k) => flow.drawLine(line, flow.left, labelsTop + k * lh, size, 'left'));
    const barTop = rowTop + (rowHeight - ROW_GAP - BAR_THICKNESS) / 2;
    const end = xOf(bar.value);
    doc.save().rect(c.plotX0, barTop, Math.max(end - c.plotX0, 0.5), BAR_THICKNESS).fill(bar.highlight ? BAR_HIGHLIGHT : BAR).restore();
    values.push({ end, barTop, text: formatNumber(bar.value, digits, 2) });
    rowTop += rowHeight;
  });

  // The reference line goes over the bars.
  doc
    .save()
    .lineWidth(1.2)
    .dash(4, { space: 3 })
    .moveTo(refX, plotTop - 2)
    .lineTo(refX, plotBottom)
    .strokeColor(REFERENCE)
    .stroke()
    .undash()
    .restore();

  // Values last, on a white ground so the reference line never runs through a number.
  for (const v of values) {
    const [line] = flow.lines([{ text: v.text, bold: false }], 200, size);
    if (!line) continue;
    const top = v.barTop + BAR_THICKNESS / 2 - lh / 2 - opticalLift;
    doc.save().rect(v.end + 2, v.barTop - 1, line.width + 4, BAR_THICKNESS + 2).fill('#FFFFFF').restore();
    flow.drawLine(line, v.end + 4, top, size, 'left');
  }

  flow.y = plotBottom + 6 + flow.lineHeight(TICK_SIZE) + STYLE.paragraphAfter * 2;
  flow.fresh = false;
}
