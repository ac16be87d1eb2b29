/**
 * Page geometry, type sizes and the vertical flow (cursor, page breaks, page numbers) shared
 * by the block renderers. Coordinates are pdfkit's: points, origin at the top-left.
 */
import type PDFDocument from 'pdfkit';
import { withDigits } from '../../../shared/thai.js';
import type { DocModel, Inline } from '../domain/model.js';
import type { TextKit } from './pdf-text.js';
import { alignLine, layoutLines, type Line, type StyledRun } from './thai-lines.js';

export type Doc = InstanceType<typeof PDFDocument>;

export const CM = 72 / 2.54;

/** Thai official page: A4 with margins top 2.5 cm, left 3 cm, right 2 cm, bottom 2 cm. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: { top: 2.5 * CM, left: 3 * CM, right: 2 * CM, bottom: 2 * CM },
} as const;

/**
 * Sizes are Sarabun's: its glyphs are about 4/3 the size of TH SarabunPSK's at the same point size,
 * so 12 pt Sarabun sets the same text per line as the official 16 pt TH SarabunPSK of the DOCX
 * (about 60 Thai characters on an A4 line between official margins).
 */
export const STYLE = {
  body: 12,
  title: 13.5,
  table: 11,
  chart: 10.5,
  /** Line pitch as a multiple of the size: Sarabun's own ascender−descender (1.3 em). */
  leading: 1.3,
  firstLineIndent: 2.5 * CM,
  paragraphAfter: 4,
  /**
   * Page numbers: top centre from page 2, as Thai official correspondence has them. Written
   * with en dashes ("– ๒ –"), not hyphens: text extractors (poppler) take a line ending in
   * "-" for a hyphenated word and glue the page number to the first line of the page.
   */
  pageNumberTop: 1.0 * CM,
  /**
   * Lines that would need more than this much extra space per gap (in em) are left-aligned
   * instead: such letter-spacing looks broken, and pdf.js (which ignores ActualText) reads a
   * gap over 0.102 em as a space, so it would copy such a line with spaces inside words.
   */
  maxJustifyGapEm: 0.1,
  text: '#000000',
} as const;

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Model runs as styled runs; `bold` makes all of them bold. */
export function styledRuns(runs: readonly Inline[], bold = false): StyledRun[] {
  return runs.map((r) => (typeof r === 'string' ? { text: r, bold } : { text: r.text, bold: bold || !!r.bold }));
}

export class Flow {
  /** Page size in points: A4 portrait, or landscape when the model asks for it. */
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly left = PAGE.margins.left;
  readonly right: number;
  readonly top = PAGE.margins.top;
  readonly bottom: number;
  readonly width: number;
  y = this.top;
  pageNo = 0;
  /** Nothing drawn on this page yet (so a page break here would leave it blank). */
  fresh = true;
  /** Layouts computed ahead (keep-with-next) and reused when the block is drawn. */
  private readonly memo = new Map<object, unknown>();

  constructor(
    readonly doc: Doc,
    readonly kit: TextKit,
    readonly model: DocModel,
  ) {
    const landscape = model.orientation === 'landscape';
    this.pageWidth = landscape ? PAGE.height : PAGE.width;
    this.pageHeight = landscape ? PAGE.width : PAGE.height;
    this.right = this.pageWidth - PAGE.margins.right;
    this.bottom = this.pageHeight - PAGE.margins.bottom;
    this.width = this.right - this.left;
  }

  /** `compute()` once per block and render. */
  memoize<T>(key: object, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  lineHeight(size: number): number {
    return size * STYLE.leading;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Page content height: what a block can have at most on one page. */
  get pageSpace(): number {
    return this.bottom - this.top;
  }

  newPage(): void {
    this.doc.addPage({ size: [this.pageWidth, this.pageHeight], margins: PAGE.margins });
    this.pageNo++;
    this.y = this.top;
    this.fresh = true;
    if (this.pageNo >= 2) this.drawPageNumber();
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && !this.fresh) this.newPage();
  }

  private drawPageNumber(): void {
    const size = STYLE.body;
    const label = `\u2013 ${withDigits(String(this.pageNo), this.model.digits)} \u2013`;
    const measure = this.kit.measure(size);
    const [line] = layoutLines([{ text: label, bold: false }], { width: this.width, measure });
    if (!line) return;
    const pieces = alignLine(line, 'center', measure);
    this.kit.drawLine(pieces, this.left, STYLE.pageNumberTop + this.kit.ascent(size), line.text, { size });
  }

  /** Lays out runs for a column of `width`. */
  lines(runs: readonly StyledRun[], width: number, size: number, firstLineIndent = 0): Line[] {
    return layoutLines(runs, { width, firstLineIndent, measure: this.kit.measure(size) });
  }

  /** Draws one laid-out line with its box top at `top`, in a column starting at `x`. */
  drawLine(line: Line, x: number, top: number, size: number, align: Align, color: string = STYLE.text): void {
    if (!line.text) return;
    const measure = this.kit.measure(size);
    const pieces = alignLine(line, align, measure, STYLE.maxJustifyGapEm * size);
    this.kit.drawLine(pieces, x + line.indent, top + this.kit.ascent(size), line.text, { size, color });
    this.fresh = false;
  }
}
