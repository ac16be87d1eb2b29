/**
 * Thai line layout for the PDF renderer: where a line may break, greedy filling by measured
 * width, and Thai distributed justification.
 *
 * Thai has no spaces between words, so break opportunities come from ICU's dictionary
 * segmenter (`Intl.Segmenter('th', { granularity: 'word' })`). Its raw output is not safe to
 * break at as it is: it splits punctuation off abbreviations (`พ.ศ|.`), has a few dictionary
 * quirks (`ผลก|ระ|ทบ`), and would let a line start with a space, a closing bracket or ๆ. The
 * rules below only ever *remove* segmenter boundaries, so every line ends on a word boundary;
 * the one exception is a single word wider than the line, which is cut between grapheme
 * clusters (as CSS `overflow-wrap: break-word` does).
 *
 * Pure apart from the `measure` callback, which the renderer backs with pdfkit's
 * `widthOfString` (and a cache).
 */

import { compoundBlockedOffsets } from '../../../shared/thai-words.js';

/** Width in points of `text` in the regular or bold face at the size being laid out. */
export type Measure = (text: string, bold: boolean) => number;

/** A styled run of paragraph text. */
export interface StyledRun {
  text: string;
  bold: boolean;
}

/** A piece of a laid-out line in one face, at `x` points from the line's start. */
export interface LinePiece {
  text: string;
  bold: boolean;
  x: number;
  width: number;
}

export interface Line {
  /** The line's text as it should copy out (no leading or trailing spaces). */
  text: string;
  /** Offsets of the line's text in the paragraph text (`end` excludes trailing spaces). */
  start: number;
  end: number;
  /** Natural width: the pieces side by side, without trailing spaces. */
  width: number;
  pieces: LinePiece[];
  /** Left offset of the line within the column (the first-line indent, or 0). */
  indent: number;
  /** Width available to this line (column width minus the indent). */
  available: number;
  /** Last line of the paragraph, or ended by a hard line break: never justified. */
  last: boolean;
}

export interface LayoutOptions {
  width: number;
  /** Extra left offset of the first line (Thai official first-line indent). */
  firstLineIndent?: number;
  measure: Measure;
}

/**
 * Words the segmenter splits but that must stay whole. Keep this short: it is a patch list
 * for observed ICU quirks. Government compounds (หน่วยงาน, องค์ประกอบ, ผู้รับผิดชอบ, …) come
 * from `shared/thai-words.ts`, which pages on screen use too.
 */
export const UNBREAKABLE_WORDS: readonly string[] = [
  'ผลกระทบ', // ICU: ผลก|ระ|ทบ
  'ประกาศ', // ICU: ประ|กาศ (before ฯ)
  'พ.ศ.',
  'ค.ศ.',
  'ก.พ.ร.',
  'ป.ป.ช.',
  'ป.ป.ท.',
  'สตง.',
];

/** Tolerance for width comparisons: widths that are equal on paper may differ in the last bits. */
export const WIDTH_EPSILON = 1e-6;

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

const THAI_LETTER = /[\u0E01-\u0E2E\u0E30-\u0E4E]/; // consonants, vowels, marks, ๆ (not digits or ฯ)
const THAI_BLOCK = /[\u0E00-\u0E7F]/;
const LEADING_VOWEL = /[\u0E40-\u0E44]/; // เ แ โ ใ ไ: written before the consonant they follow
const COMBINING = /[\p{M}\u0E33]/u; // marks, and SARA AM, which belongs to the preceding consonant
const SPACE = /\s/;
const NO_BREAK_BEFORE = /[.,;:!?)\]}”’»%…ๆฯ]/;
const NO_BREAK_AFTER = /[([{“‘«]/;
const DIGIT = /[0-9\u0E50-\u0E59]/;
/** An era before a year stays with it: "พ.ศ. ๒๕๖๕" is never split. */
const ERA_BEFORE = /(?:พ\.ศ\.|ค\.ศ\.|ร\.ศ\.|จ\.ศ\.)\s+$/;

/**
 * Text made only of Thai, ASCII, Latin-1 and common punctuation: its grapheme clusters are a
 * base character followed by Thai marks (Extend) and SARA AM (SpacingMark), per UAX #29, so a
 * regular expression finds them many times faster than ICU's iterator. Anything else (emoji,
 * other scripts, zero-width joiners, CR LF) goes through `Intl.Segmenter`.
 */
const SIMPLE_TEXT = /^[\u0020-\u007E\u00A0-\u00FF\u0E00-\u0E7F\u2010-\u2027\u2030-\u205E\t\n]*$/;
const SIMPLE_CLUSTER = /[^\u0E31\u0E33-\u0E3A\u0E47-\u0E4E][\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]*|[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]+/g;

/** Grapheme clusters of `text`, in order. */
export function graphemes(text: string): string[] {
  if (SIMPLE_TEXT.test(text)) return text.match(SIMPLE_CLUSTER) ?? [];
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Offsets (0 < i < text.length) between grapheme clusters. */
export function graphemeBoundaries(text: string): Set<number> {
  const out = new Set<number>();
  let i = 0;
  for (const g of graphemes(text)) {
    if (i > 0) out.add(i);
    i += g.length;
  }
  return out;
}

/** Raw segmenter word boundaries (0 < i < text.length), for tests and diagnostics. */
export function segmenterBoundaries(text: string): Set<number> {
  const out = new Set<number>();
  for (const { index } of wordSegmenter.segment(text)) if (index > 0) out.add(index);
  return out;
}

/**
 * Offsets where a line may break, ascending. A break at `i` puts `text[i]` at the start of the
 * next line; spaces stay at the end of the previous line (and are not drawn there).
 */
export function breakOpportunities(text: string): number[] {
  let cached = breakCache.get(text);
  if (!cached) {
    cached = computeBreaks(text);
    if (breakCache.size >= 5_000) breakCache.clear();
    breakCache.set(text, cached);
  }
  return [...cached];
}

/** Documents are re-rendered often with the same paragraphs; segmenting them is not free. */
const breakCache = new Map<string, readonly number[]>();

function computeBreaks(text: string): number[] {
  const grapheme = graphemeBoundaries(text);
  const blocked = compoundBlockedOffsets(text);
  for (const word of UNBREAKABLE_WORDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      for (let i = at + 1; i < at + word.length; i++) blocked.add(i);
    }
  }
  const out: number[] = [];
  const candidates = segmenterBoundaries(text);
  // A hard line break always ends a line, whatever the segmenter says.
  for (let i = 1; i < text.length; i++) if (text[i - 1] === '\n') candidates.add(i);
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const before = text[i - 1]!;
    const after = text[i]!;
    if (before === '\n') {
      out.push(i);
      continue;
    }
    if (!grapheme.has(i) || blocked.has(i)) continue;
    if (SPACE.test(after)) continue; // spaces hang at the end of the line
    if (COMBINING.test(after) || LEADING_VOWEL.test(before)) continue;
    if (NO_BREAK_BEFORE.test(after) || NO_BREAK_AFTER.test(before)) continue;
    if (before === '.' && !SPACE.test(after)) continue; // inside abbreviations: ก.พ.ร.
    if (DIGIT.test(after) && ERA_BEFORE.test(text.slice(Math.max(0, i - 8), i))) continue; // พ.ศ. ๒๕๖๕
    // Latin words, numbers and their punctuation (e-service, 1,234.56, ITA/OIT) stay whole.
    if (!SPACE.test(before) && !THAI_BLOCK.test(before) && !THAI_BLOCK.test(after)) continue;
    out.push(i);
  }
  return out;
}

/** Splits `text` at its break opportunities: the pieces a line is filled with. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let last = 0;
  for (const i of breakOpportunities(text)) {
    units.push(text.slice(last, i));
    last = i;
  }
  if (last < text.length) units.push(text.slice(last));
  return units;
}

// ---------------------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
  bold: boolean;
}

/** Style spans of [start, end) of the paragraph text. */
function spansOf(runs: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const r of runs) {
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (s < e) {
      const prev = out[out.length - 1];
      if (prev && prev.bold === r.bold && prev.end === s) prev.end = e;
      else out.push({ start: s, end: e, bold: r.bold });
    }
  }
  return out;
}

/** A piece of a unit in one face; `space` pieces are measured but not drawn at line ends. */
interface Item {
  start: number;
  end: number;
  bold: boolean;
  width: number;
  space: boolean;
}

/** What lies between two break opportunities: a word (or glued words) and its trailing spaces. */
interface Unit {
  items: Item[];
  /** Width without trailing spaces. */
  content: number;
  /** Width with trailing spaces. */
  full: number;
  /** Ends with a hard line break. */
  hard: boolean;
}

/**
 * Lays a paragraph out in lines no wider than `width` (the first one less its indent).
 * Lines break only at {@link breakOpportunities}; a word wider than a whole line is cut
 * between grapheme clusters (never after a leading vowel nor before a mark).
 *
 * Widths are measured per word and per run of spaces, so the measurements repeat and cache
 * well, and the renderer draws each word at the x it was measured at: what was measured is
 * exactly what is drawn, and no line can end up wider than `width`.
 *
 * @example
 * layoutLines([{ text: 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๕', bold: false }], { width: 200, measure })
 */
export function layoutLines(runs: readonly StyledRun[], opts: LayoutOptions): Line[] {
  const text = runs.map((r) => r.text).join('');
  const spans: Span[] = [];
  let offset = 0;
  for (const r of runs) {
    if (r.text.length) spans.push({ start: offset, end: offset + r.text.length, bold: r.bold });
    offset += r.text.length;
  }
  const { measure, width } = opts;
  const indent = opts.firstLineIndent ?? 0;

  const itemsOf = (start: number, end: number, space: boolean): Item[] =>
    spansOf(spans, start, end).map((s) => ({
      ...s,
      space,
      // Line breaks and tabs are measured (and copied out) as plain spaces.
      width: measure(space ? text.slice(s.start, s.end).replace(/\s/g, ' ') : text.slice(s.start, s.end), s.bold),
    }));
  const unitOf = (start: number, end: number): Unit => {
    let contentEnd = end;
    while (contentEnd > start && SPACE.test(text[contentEnd - 1]!)) contentEnd--;
    const content = itemsOf(start, contentEnd, false);
    const spaces = itemsOf(contentEnd, end, true);
    const contentWidth = content.reduce((w, i) => w + i.width, 0);
    return {
      items: [...content, ...spaces],
      content: contentWidth,
      full: spaces.reduce((w, i) => w + i.width, contentWidth),
      hard: text.slice(contentEnd, end).includes('\n'),
    };
  };

  const lines: Line[] = [];
  const availableFor = (): number => Math.max(0, width - (lines.length === 0 ? indent : 0));
  const flush = (units: Unit[], last: boolean): void => {
    const items = units.flatMap((u) => u.items);
    let a = 0;
    let b = items.length;
    while (a < b && items[a]!.space) a++;
    while (b > a && items[b - 1]!.space) b--;
    const pieces: LinePiece[] = [];
    let x = 0;
    for (const it of items.slice(a, b)) {
      pieces.push({ text: it.space ? ' '.repeat(it.end - it.start) : text.slice(it.start, it.end), bold: it.bold, x, width: it.width });
      x += it.width;
    }
    const start = a < b ? items[a]!.start : (items[0]?.start ?? 0);
    const end = a < b ? items[b - 1]!.end : start;
    lines.push({
      text: text.slice(start, end).replace(/\s/g, ' '),
      start,
      end,
      width: x,
      pieces,
      indent: lines.length === 0 ? indent : 0,
      available: availableFor(),
      last,
    });
  };

  /** Cuts an over-long word into chunks that each fit a line; returns them as units. */
  const cutWord = (start: number, end: number): Unit[] => {
    let contentEnd = end;
    while (contentEnd > start && SPACE.test(text[contentEnd - 1]!)) contentEnd--;
    const grapheme = graphemeBoundaries(text.slice(start, contentEnd));
    const chunks: Unit[] = [];
    let from = start;
    let cut = start;
    for (let i = start + 1; i <= contentEnd; i++) {
      const inner = i < contentEnd;
      if (inner && (!grapheme.has(i - start) || LEADING_VOWEL.test(text[i - 1]!) || COMBINING.test(text[i]!))) continue;
      const w = itemsOf(from, i, false).reduce((s, it) => s + it.width, 0);
      const avail = chunks.length === 0 ? availableFor() : width;
      if (w > avail + WIDTH_EPSILON && cut > from) {
        chunks.push(unitOf(from, cut));
        from = cut;
      }
      cut = i;
    }
    chunks.push(unitOf(from, end));
    return chunks;
  };

  const breaks = breakOpportunities(text);
  breaks.push(text.length);
  let current: Unit[] = [];
  let currentWidth = 0;
  let unitStart = 0;
  for (const unitEnd of breaks) {
    if (unitEnd <= unitStart) continue;
    const unit = unitOf(unitStart, unitEnd);
    if (current.length > 0 && currentWidth + unit.content > availableFor() + WIDTH_EPSILON) {
      flush(current, false);
      current = [];
      currentWidth = 0;
    }
    let pending = [unit];
    if (current.length === 0 && unit.content > availableFor() + WIDTH_EPSILON) {
      pending = cutWord(unitStart, unitEnd);
      for (const chunk of pending.slice(0, -1)) flush([chunk], false);
      pending = pending.slice(-1);
    }
    for (const u of pending) {
      current.push(u);
      currentWidth += u.full;
    }
    if (unit.hard) {
      flush(current, true);
      current = [];
      currentWidth = 0;
    }
    unitStart = unitEnd;
  }
  if (current.length > 0 || lines.length === 0) flush(current, true);
  else lines[lines.length - 1]!.last = true;
  return lines;
}

// ---------------------------------------------------------------------------------------------

/**
 * Justification atoms of a text: grapheme clusters, except that a leading vowel stays with the
 * cluster it precedes, and runs of Latin letters, digits and punctuation stay together (only
 * Thai text is spread letter by letter).
 */
export function justificationAtoms(text: string): string[] {
  let atoms = atomCache.get(text);
  if (!atoms) {
    atoms = computeAtoms(text);
    if (atomCache.size >= 20_000) atomCache.clear();
    atomCache.set(text, atoms);
  }
  return atoms;
}

const atomCache = new Map<string, string[]>();

function computeAtoms(text: string): string[] {
  const atoms: string[] = [];
  let glueNext = false;
  for (const g of graphemes(text)) {
    const prev = atoms[atoms.length - 1];
    const solid = (s: string): boolean => !SPACE.test(s) && !THAI_LETTER.test(s);
    if (prev !== undefined && (glueNext || (solid(g) && solid(prev.slice(-1))))) {
      atoms[atoms.length - 1] = prev + g;
    } else {
      atoms.push(g);
    }
    glueNext = LEADING_VOWEL.test(g);
  }
  return atoms;
}

/**
 * Thai distributed justification: spreads the line's spare width evenly over the boundaries
 * between its atoms (clusters and spaces), so it ends exactly at `available`. Returns the line
 * unchanged when it is the last of its paragraph, has nothing to spread over, or would need
 * more than `maxGap` points per gap (a near-empty line looks worse stretched).
 */
export function justifyLine(line: Line, measure: Measure, maxGap = Infinity): LinePiece[] {
  if (line.last) return line.pieces;
  const atoms: { text: string; bold: boolean; width: number }[] = [];
  for (const p of line.pieces) {
    for (const a of justificationAtoms(p.text)) atoms.push({ text: a, bold: p.bold, width: measure(a, p.bold) });
  }
  if (atoms.length < 2) return line.pieces;
  const natural = atoms.reduce((w, a) => w + a.width, 0);
  const gap = (line.available - natural) / (atoms.length - 1);
  if (gap > maxGap) return line.pieces;
  const out: LinePiece[] = [];
  let x = 0;
  for (const a of atoms) {
    out.push({ text: a.text, bold: a.bold, x, width: a.width });
    x += a.width + gap;
  }
  return out;
}

/** Pieces of a line placed for `align` within its available width. */
export function alignLine(
  line: Line,
  align: 'left' | 'center' | 'right' | 'justify',
  measure: Measure,
  maxGap?: number,
): LinePiece[] {
  if (align === 'justify') return justifyLine(line, measure, maxGap);
  const shift = align === 'center' ? (line.available - line.width) / 2 : align === 'right' ? line.available - line.width : 0;
  if (shift === 0) return line.pieces;
  return line.pieces.map((p) => ({ ...p, x: p.x + shift }));
}
