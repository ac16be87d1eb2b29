/**
 * Text drawing with a correct text layer.
 *
 * Why not `doc.text()`: pdfkit's text layer for Thai is wrong in two ways. Its ToUnicode map
 * gives each glyph the code points fontkit reports, and Sarabun draws SARA AM through a glyph
 * pair, so `ประจำปี` copies out as `ประจำาปี`; and drawing clusters one by one (needed for
 * distributed justification) makes extractors put spaces inside words. The fix is an
 * `/ActualText` marked-content span per drawn line, holding the line's true text; poppler
 * (pdftotext, Evince, Okular) and Acrobat use it instead of the glyphs' mapping. pdf.js
 * (Firefox) ignores ActualText, so {@link TextKit.finish} also repairs the glyph mapping as far
 * as a per-glyph map can, and justification stays below pdf.js's space threshold.
 *
 * It cannot wrap `doc.text()` calls, though: pdfkit flips the CTM inside each call, so the
 * span would open and close under a different CTM than its glyphs, and poppler (which places
 * the ActualText with the CTM at EMC) puts every line at its mirror position on the page,
 * scrambling reading order. So this module writes the text operators itself, inside one
 * `q … Q` whose CTM holds from BDC to EMC, using pdfkit's embedded font for shaping
 * (fontkit: marks placed by GPOS), glyph encoding and subsetting. Those are pdfkit internals;
 * {@link fontInternals} checks their shape at startup so a pdfkit upgrade that changes them
 * fails loudly in tests rather than drawing wrong text.
 */
import type PDFDocument from 'pdfkit';
import { sarabunFiles } from './fonts.js';
import type { LinePiece, Measure } from './thai-lines.js';

type Doc = InstanceType<typeof PDFDocument>;

interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** The parts of pdfkit's EmbeddedFont this module relies on. */
interface EmbeddedFont {
  id: string;
  /** The parsed fontkit font. */
  font: { glyphForCodePoint(codePoint: number): { id: number } };
  /** fontkit subset: `glyphs[cid]` is the font's glyph id drawn as CID `cid`. */
  subset: { glyphs: number[] };
  /** Code points per CID, written as the font's ToUnicode map when the document ends. */
  unicode: number[][];
  /** Shaping results by text (pdfkit's per-font cache, which we share between documents). */
  layoutCache?: Record<string, unknown>;
  /** Font units scaled to 1000/em. */
  ascender: number;
  descender: number;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

interface DocInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown>; height: number };
}

const REGULAR = 'Sarabun';
const BOLD = 'Sarabun-Bold';

function fontInternals(doc: Doc, name: string): EmbeddedFont {
  doc.font(name);
  const font = (doc as unknown as DocInternals)._font;
  if (
    typeof font?.encode !== 'function' ||
    typeof font.ref !== 'function' ||
    typeof font.id !== 'string' ||
    typeof font.ascender !== 'number' ||
    !Array.isArray(font.unicode) ||
    !Array.isArray(font.subset?.glyphs) ||
    typeof font.font?.glyphForCodePoint !== 'function'
  ) {
    throw new Error('pdfkit internals changed: EmbeddedFont no longer has encode/ref/id/unicode/subset as pdf-text.ts expects');
  }
  return font;
}

/**
 * Parsed fontkit fonts, shared by all documents: parsing the tables (GSUB/GPOS above all)
 * costs tens of milliseconds per document otherwise. pdfkit accepts a fontkit font as a font
 * source; subsets stay per document.
 */
const parsed: { regular?: unknown; bold?: unknown } = {};

/**
 * Shaping results (glyphs and positions per word) shared by all documents: shaping Thai through
 * GSUB/GPOS is most of the cost of drawing, and the words of a document repeat across documents.
 */
const shaped: { regular: Record<string, unknown>; bold: Record<string, unknown> } = {
  regular: Object.create(null) as Record<string, unknown>,
  bold: Object.create(null) as Record<string, unknown>,
};
const SHAPED_LIMIT = 20_000;

/** Widths at 1 pt, shared by all documents (same font files). */
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 50_000;

/** 3 decimals are far below a device pixel; keeps content streams short. */
const n = (v: number): string => String(Math.round(v * 1000) / 1000);

/** `#rrggbb` as PDF `r g b` operands. */
function rgb(hex: string): string {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => n(c / 255)).join(' ');
}

function utf16beHex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}

export interface DrawOptions {
  size: number;
  /** Fill colour (hex). */
  color?: string;
}

/**
 * Thai text on one pdfkit document: measuring (cached) and drawing lines at explicit
 * positions with an ActualText span each.
 */
export class TextKit {
  readonly regular: EmbeddedFont;
  readonly bold: EmbeddedFont;
  private measuring: boolean | undefined;

  constructor(private readonly doc: Doc) {
    const files = sarabunFiles();
    // pdfkit's typings list only file sources; at run time it takes any object with layout().
    type Source = Parameters<Doc['registerFont']>[1];
    doc.registerFont(REGULAR, (parsed.regular ?? files.regular) as Source);
    doc.registerFont(BOLD, (parsed.bold ?? files.bold) as Source);
    this.bold = fontInternals(doc, BOLD);
    this.regular = fontInternals(doc, REGULAR);
    parsed.regular ??= this.regular.font;
    parsed.bold ??= this.bold.font;
    for (const face of ['regular', 'bold'] as const) {
      if (Object.keys(shaped[face]).length > SHAPED_LIMIT) shaped[face] = Object.create(null) as Record<string, unknown>;
      if (this[face].layoutCache) this[face].layoutCache = shaped[face];
    }
    this.measuring = false;
  }

  /**
   * Call before `doc.end()`. Makes the glyph-level text map (ToUnicode) right for SARA AM, for
   * readers that ignore ActualText (pdf.js). Sarabun's `ccmp` draws ำ as NIKHAHIT + SARA AA;
   * fontkit labels the NIKHAHIT glyph "ำ" and the SARA AA glyph with nothing (or "า",
   * whichever the glyph cache saw first), so pdfkit's map gives "ำา" or drops every later "า".
   * Mapped as ํ and า, the pair reads "ํา": the compatibility decomposition of ำ (identical on
   * screen, equal under NFKC/NFKD), and every other า reads "า". The ActualText spans still
   * give the exact "ำ" to readers that honour them.
   */
  finish(): void {
    for (const f of [this.regular, this.bold]) {
      const aa = f.font.glyphForCodePoint(0x0e32).id;
      const am = f.font.glyphForCodePoint(0x0e33).id;
      f.subset.glyphs.forEach((glyph, cid) => {
        const codePoints = f.unicode[cid];
        if (!codePoints) return;
        if (glyph === aa) f.unicode[cid] = [0x0e32];
        else if (glyph !== am && codePoints.includes(0x0e33)) f.unicode[cid] = codePoints.map((c) => (c === 0x0e33 ? 0x0e4d : c));
      });
    }
  }

  /** Distance from the top of a line box to the baseline, for `size`. */
  ascent(size: number): number {
    return (this.regular.ascender / 1000) * size;
  }

  /** A {@link Measure} for `size`, backed by `doc.widthOfString` and a process-wide cache. */
  measure(size: number): Measure {
    return (text, bold) => this.width1(text, bold) * size;
  }

  private width1(text: string, bold: boolean): number {
    const key = (bold ? 'b' : 'r') + text;
    let w = widthCache.get(key);
    if (w === undefined) {
      if (this.measuring !== bold) {
        this.doc.font(bold ? BOLD : REGULAR);
        this.measuring = bold;
      }
      this.doc.fontSize(1000);
      w = this.doc.widthOfString(text) / 1000;
      if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
      widthCache.set(key, w);
    }
    return w;
  }

  /**
   * Draws one line: `pieces` at `x + piece.x`, on the baseline `baseline` (top-down page
   * coordinates, as pdfkit's), wrapped in `/Span <</ActualText …>> BDC … EMC` carrying `actual`.
   * Whitespace pieces only advance.
   */
  drawLine(pieces: readonly LinePiece[], x: number, baseline: number, actual: string, opts: DrawOptions): void {
    const doc = this.doc;
    const internals = doc as unknown as DocInternals;
    const size = opts.size;
    const scale = size / 1000;
    const pageHeight = internals.page.height;
    const y = pageHeight - baseline;
    const ops: string[] = [
      // Undo pdfkit's page flip so glyphs and the span share one CTM (see the module comment).
      `q 1 0 0 -1 0 ${n(pageHeight)} cm`,
      `${rgb(opts.color ?? '#000000')} rg`,
      `/Span <</ActualText <${utf16beHex(actual)}>>> BDC`,
      'BT',
    ];
    // One TJ array per run of a face: glyph codes, with numbers for every shift (kerning, GPOS
    // mark offsets, word positions, justification), and text rise for raised/lowered marks.
    let font: EmbeddedFont | undefined;
    let parts: string[] = [];
    let hexRun = '';
    const endHex = (): void => {
      if (hexRun) parts.push(`<${hexRun}>`);
      hexRun = '';
    };
    const flush = (): void => {
      endHex();
      if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
      parts = [];
    };
    let tx: number | undefined; // where the next glyph would be drawn without a shift
    let rise = 0;
    for (const piece of pieces) {
      if (!piece.text.trim()) continue;
      const f = piece.bold ? this.bold : this.regular;
      if (f !== font) {
        flush();
        ops.push(`/${f.id} ${n(size)} Tf`);
        internals.page.fonts[f.id] ??= f.ref();
        font = f;
      }
      let penX = x + piece.x;
      if (tx === undefined) {
        ops.push(`1 0 0 1 ${n(penX)} ${n(y)} Tm`);
        tx = penX;
      }
      const [hex, positions] = f.encode(piece.text);
      for (let i = 0; i < hex.length; i++) {
        const p = positions[i]!;
        const r = p.yOffset * scale;
        if (r !== rise) {
          flush();
          ops.push(`${n(r)} Ts`);
          rise = r;
        }
        const gx = penX + p.xOffset * scale;
        const shift = gx - tx;
        if (Math.abs(shift) > 1e-4) {
          endHex();
          parts.push(n(-shift / scale));
        }
        hexRun += hex[i];
        tx = gx + p.advanceWidth * scale;
        penX += p.xAdvance * scale;
      }
    }
    flush();
    ops.push('ET', 'EMC', 'Q');
    doc.addContent(ops.join('\n'));
  }
}
