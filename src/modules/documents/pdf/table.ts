/**
 * Tables: proportional columns, a bold header row on a light grey fill repeated on every page
 * the table reaches, cells of several paragraphs or bullets, and rows split across pages at
 * line boundaries when they do not fit the space left.
 */
import type { Block, Cell } from '../domain/model.js';
import { type Align, type Flow, STYLE, styledRuns } from './flow.js';
import type { Line } from './thai-lines.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * Horizontal cell padding. Keeps 16 pt between the texts of neighbouring cells (over 1 em at
 * 14 pt), which is what poppler needs to read cells as separate blocks instead of gluing
 * neighbouring cells' lines together in `pdftotext` (and copy-and-paste) output.
 */
const PAD_X = 8;
/** The same rule for a compact table's 10 pt text: 12 pt between neighbouring cells' texts. */
const COMPACT_PAD_X = 6;
const PAD_Y = 3;
const PARAGRAPH_GAP = 3;
const TABLE_BEFORE = 6;
const BULLET = '•';
const BULLET_GAP = 5;
const BORDER = '#595959';
const BORDER_WIDTH = 0.6;
const HEADER_FILL = '#E7E6E6';

interface CellLine {
  line: Line;
  /** From the top of the cell's content box. */
  offset: number;
  /** Left of the line within the content box. */
  x: number;
  width: number;
  align: Align;
  /** A bullet drawn before the first line of a bulleted paragraph. */
  bullet?: boolean;
}

interface CellLayout {
  lines: CellLine[];
  /** Content height (without padding). */
  height: number;
}

export interface TableLayout {
  block: TableBlock;
  /** Text size of the cells and their horizontal padding. */
  size: number;
  padX: number;
  colX: number[];
  colW: number[];
  caption: Line[];
  header: CellLayout[];
  headerHeight: number;
  rows: CellLayout[][];
}

/** Text size of a table: the compact size for wide forms (see the model's `compact`). */
export const tableSize = (block: TableBlock): number => (block.compact ? STYLE.table - 1 : STYLE.table);

function layoutCell(flow: Flow, cell: Cell, width: number, align: Align, size: number): CellLayout {
  const lh = flow.lineHeight(size);
  const measure = flow.kit.measure(size);
  const hang = cell.bullets ? measure(BULLET, false) + BULLET_GAP : 0;
  const lines: CellLine[] = [];
  let y = 0;
  cell.paragraphs.forEach((para, p) => {
    if (p > 0) y += PARAGRAPH_GAP;
    let runs = styledRuns(para, cell.bold);
    // Authors sometimes type the bullet themselves ("- item"); draw our own instead.
    if (cell.bullets && runs[0]) runs = [{ ...runs[0], text: runs[0].text.replace(/^\s*[-•]\s*/, '') }, ...runs.slice(1)];
    const laid = flow.lines(runs, width - hang, size);
    laid.forEach((line, i) => {
      lines.push({ line, offset: y, x: hang, width: width - hang, align: cell.bullets ? 'left' : align, bullet: cell.bullets && i === 0 });
      y += lh;
    });
  });
  return { lines, height: y };
}

export function layoutTable(flow: Flow, block: TableBlock): TableLayout {
  // Relative widths; if none is positive, equal columns.
  const weights = block.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0));
  const total = weights.reduce((s, w) => s + w, 0);
  const colW = weights.map((w) => (total > 0 ? (flow.width * w) / total : flow.width / block.columns.length));
  const colX: number[] = [];
  let x = flow.left;
  for (const w of colW) {
    colX.push(x);
    x += w;
  }
  const padX = block.compact ? COMPACT_PAD_X : PAD_X;
  const inner = (i: number): number => colW[i]! - 2 * padX;
  const size = tableSize(block);
  const header = block.columns.map((c, i) =>
    layoutCell(flow, { paragraphs: [[c.header]], bold: true }, inner(i), 'center', size),
  );
  const rows = block.rows.map((row) =>
    block.columns.map((c, i) => {
      const cell = row[i] ?? { paragraphs: [] };
      return layoutCell(flow, cell, inner(i), cell.align ?? c.align ?? 'left', size);
    }),
  );
  const caption = block.caption ? flow.lines(styledRuns([block.caption], true), flow.width, STYLE.body) : [];
  return {
    block,
    size,
    padX,
    colX,
    colW,
    caption,
    header,
    headerHeight: Math.max(0, ...header.map((c) => c.height)) + 2 * PAD_Y,
    rows,
  };
}

/** Fewest lines the tallest cell carries to the next page when a row is split. */
export const MIN_CARRIED_LINES = 2;

/**
 * Where to cut a row that does not fit: given each cell's line count, the first line of each
 * cell on this page (`from`) and how far each fits (`to`), pulls the cut back so the part
 * carried to the next page has at least `min` lines in its tallest cell — a continued row with
 * one lonely line under a repeated header reads like a mistake. Never pulls back so far that
 * nothing is drawn on this page (then the cut stays as it was).
 * @example balanceSplit([10, 4], [0, 0], [9, 4]) // [8, 4]: 2 lines of the first cell carried
 */
export function balanceSplit(lengths: readonly number[], from: readonly number[], to: readonly number[], min = MIN_CARRIED_LINES): number[] {
  const carry = Math.max(0, ...lengths.map((n, i) => n - to[i]!));
  if (carry === 0 || carry >= min) return [...to];
  const need = min - carry;
  // A cell that had a line on this page keeps at least that one.
  const out = to.map((k, i) => (k < lengths[i]! ? Math.max(from[i]! + (k > from[i]! ? 1 : 0), k - need) : k));
  return out.some((k, i) => k > from[i]!) ? out : [...to];
}

/** Height that must fit with whatever is kept with the table: caption, header, a first line or two. */
export function tableLead(flow: Flow, t: TableLayout): number {
  const first = t.rows[0];
  const firstRow = first ? Math.max(0, ...first.map((c) => c.height)) : 0;
  const lead = Math.min(firstRow, 2 * flow.lineHeight(t.size));
  return t.caption.length * flow.lineHeight(STYLE.body) + t.headerHeight + lead + 2 * PAD_Y;
}

/**
 * Draws cells' lines [from[i], to[i]) as one band of the row at the cursor, with borders.
 * Returns the band height.
 */
function drawBand(flow: Flow, t: TableLayout, cells: CellLayout[], from: number[], to: number[], header: boolean): number {
  const size = t.size;
  const lh = flow.lineHeight(size);
  let content = 0;
  cells.forEach((c, i) => {
    if (to[i]! > from[i]!) {
      const used = c.lines[to[i]! - 1]!.offset + lh - c.lines[from[i]!]!.offset;
      content = Math.max(content, used);
    }
  });
  const height = content + 2 * PAD_Y;
  const top = flow.y;
  const doc = flow.doc;
  if (header) {
    doc.save().rect(flow.left, top, flow.width, height).fill(HEADER_FILL).restore();
  }
  doc.save().lineWidth(BORDER_WIDTH).strokeColor(BORDER);
  t.colX.forEach((x, i) => doc.rect(x, top, t.colW[i]!, height));
  doc.stroke().restore();
  // Cell by cell, top to bottom, so the text layer reads each cell as a unit.
  cells.forEach((c, i) => {
    const base = from[i]! < c.lines.length ? c.lines[from[i]!]!.offset : 0;
    for (let k = from[i]!; k < to[i]!; k++) {
      const cl = c.lines[k]!;
      const lineTop = top + PAD_Y + cl.offset - base;
      const x = t.colX[i]! + t.padX;
      if (cl.bullet) {
        const [b] = flow.lines([{ text: BULLET, bold: false }], cl.width, size);
        if (b) flow.drawLine(b, x, lineTop, size, 'left');
      }
      flow.drawLine(cl.line, x + cl.x, lineTop, size, cl.align);
    }
  });
  flow.y = top + height;
  flow.fresh = false;
  return height;
}

function drawHeader(flow: Flow, t: TableLayout): void {
  drawBand(
    flow,
    t,
    t.header,
    t.header.map(() => 0),
    t.header.map((c) => c.lines.length),
    true,
  );
}

export function drawTable(flow: Flow, t: TableLayout): void {
  if (t.colW.length === 0) return;
  const lhBody = flow.lineHeight(STYLE.body);
  const lh = flow.lineHeight(t.size);
  flow.ensure(TABLE_BEFORE + tableLead(flow, t));
  if (!flow.fresh) flow.y += TABLE_BEFORE;
  for (const line of t.caption) {
    flow.drawLine(line, flow.left, flow.y, STYLE.body, 'center');
    flow.y += lhBody;
  }
  drawHeader(flow, t);
  let bandTop = true; // cursor is right under a header: moving to a new page gains nothing
  const continuePage = (): void => {
    flow.newPage();
    drawHeader(flow, t);
    bandTop = true;
  };

  for (const cells of t.rows) {
    const rowHeight = Math.max(0, ...cells.map((c) => c.height)) + 2 * PAD_Y;
    const room = flow.remaining;
    // Split a row only when it does not fit and enough of it fits here to be worth it.
    if (rowHeight > room && !bandTop && (room < 2 * lh + 2 * PAD_Y || rowHeight <= 3 * lh + 2 * PAD_Y)) {
      continuePage();
    }
    const from = cells.map(() => 0);
    for (;;) {
      const avail = flow.remaining - 2 * PAD_Y;
      const fits = cells.map((c, i) => {
        let k = from[i]!;
        const base = k < c.lines.length ? c.lines[k]!.offset : 0;
        while (k < c.lines.length && c.lines[k]!.offset + lh - base <= avail + 0.01) k++;
        return k;
      });
      const to = balanceSplit(
        cells.map((c) => c.lines.length),
        from,
        fits,
      );
      const progress = to.some((k, i) => k > from[i]!);
      const done = to.every((k, i) => k >= cells[i]!.lines.length);
      if (!progress && !done) {
        if (!bandTop) {
          continuePage();
          continue;
        }
        // Not even one line fits under a fresh header (absurdly tall line): draw one anyway.
        to.forEach((_, i) => (to[i] = Math.min(cells[i]!.lines.length, from[i]! + 1)));
      }
      drawBand(flow, t, cells, from, to, false);
      bandTop = false;
      if (to.every((k, i) => k >= cells[i]!.lines.length)) break;
      to.forEach((k, i) => (from[i] = k));
      continuePage();
    }
  }
  flow.y += STYLE.paragraphAfter * 2;
}
