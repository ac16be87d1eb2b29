/**
 * A renderer-neutral document: the measures document (and later reports) is built once
 * as this model, every number already formatted with the agency's digit choice, and then
 * rendered to DOCX, PDF and HTML. Renderers never compute or format numbers themselves,
 * except the chart's axis, for which the model carries `digits`.
 */

export type DigitStyle = 'thai' | 'arabic';

/** A run of text within a paragraph. */
export interface TextRun {
  text: string;
  bold?: boolean;
}

export type Inline = string | TextRun;

/** A table cell: one or more paragraphs; `bullets` renders each paragraph as a list item. */
export interface Cell {
  paragraphs: Inline[][];
  bullets?: boolean;
  /** Ordered list numbering is already part of the text ("๑. …"); this only marks alignment. */
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

export interface Column {
  header: string;
  /** Relative width; widths of a table are normalised to the text width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** Centred bold title lines at the top of the document. */
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text: Thai official style indents the first line and uses Thai distributed justification. */
  | { kind: 'paragraph'; runs: Inline[]; indent?: boolean; align?: 'left' | 'center' | 'justify' }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /**
   * `compact`: smaller text (14 pt in DOCX, 10 pt Sarabun in PDF) and narrower cell margins, for
   * wide official forms such as the nine-column แบบ สขร.๑ whose amounts must stay on one line.
   */
  | { kind: 'table'; caption?: string; columns: Column[]; rows: Cell[][]; compact?: boolean }
  /** Horizontal bars of indicator scores against a reference line (the pass mark). */
  | {
      kind: 'chart';
      title: string;
      /** Accessible description of the chart in words. */
      altText: string;
      bars: { label: string; value: number; highlight?: boolean }[];
      referenceLine: { value: number; label: string };
      max: number;
    }
  | { kind: 'pageBreak' }
  /**
   * The signature block of a Thai official document: lines centred in the right half of the
   * page, kept together (date, "(ลงชื่อ) ……", "(name)", position).
   */
  | { kind: 'signature'; lines: string[] };

export interface DocModel {
  /** Document title (file metadata, HTML <title>). */
  title: string;
  /** File name without extension, safe for Content-Disposition (Thai allowed). */
  fileName: string;
  lang: 'th' | 'en';
  digits: DigitStyle;
  author: string;
  /** Wide forms (e.g. the nine-column แบบ สขร.๑) are laid out on a landscape page; default portrait. */
  orientation?: 'portrait' | 'landscape';
  blocks: Block[];
}

/** Plain text of an inline sequence; used by renderers and tests. */
export function inlineText(runs: Inline[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}

/** Shorthand for a cell with one plain paragraph. */
export function cell(text: string, opts: Omit<Cell, 'paragraphs'> = {}): Cell {
  return { paragraphs: [[text]], ...opts };
}
