/**
 * DocModel → DOCX in Thai official layout (A4, margins 2.5/3/2/2 cm, TH SarabunPSK 16 pt,
 * first-line indent 2.5 cm, Thai distributed justification, page numbers at the top from page 2).
 *
 * Formatting lives in styles (document defaults, Heading1–3, numbering) rather than on every run,
 * so the file stays small and a recipient who restyles it in Word gets consistent results.
 * The chart is drawn as a borderless table (see `chartTable`) because it must render the same in
 * Word, LibreOffice, WPS and Google Docs, keep Thai digits and the pass-mark line, and stay text.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableProperties,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type ILevelsOptions,
  type IParagraphOptions,
} from 'docx';
import JSZip from 'jszip';
import type { Block, Cell, DocModel, Inline } from '../domain/model.js';
import { chartFraction, chartMax, chartTicks, formatBarValue, formatTick, type ChartBlock } from '../domain/chart-scale.js';

/** Twips (1/1440 inch) from centimetres, rounded as Word stores them. */
export const cm = (value: number): number => Math.round((value / 2.54) * 1440);

export const THAI_FONT = 'TH SarabunPSK';
/** Half-points: 16 pt body text. */
export const BODY_SIZE = 32;
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: cm(2.5), left: cm(3), right: cm(2), bottom: cm(2), header: cm(1.25), footer: cm(1.25) } as const;
/** Width between the margins, to which table columns are scaled. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const FIRST_LINE_INDENT = cm(2.5);

const HEADER_FILL = 'D9D9D9';
const BAR_FILL = '9DB4CC';
const BAR_HIGHLIGHT_FILL = '1F4E79';
const CHART_TEXT_SIZE = 28;
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const REFERENCE_LINE: IBorderOptions = { style: BorderStyle.DASHED, size: 12, color: '000000' };
/** White top and bottom borders on bar cells leave a gap between neighbouring bars. */
const BAR_GAP: IBorderOptions = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' };
/** Bar positions are rounded to 1/200 of the plot so nearly equal ends share a grid column. */
const CHART_RESOLUTION = 200;

/**
 * Single line spacing with its rule written out. Word reads a `w:line` without `w:lineRule` as
 * "auto" (a multiple of the font's own line height), but LibreOffice 7.4 reads it as an exact
 * height: 240 twips = 12 pt lines for 21 pt Thai glyphs, every line over the next. With
 * `lineRule="auto"` both suites give lines as tall as the font asks for (TH SarabunPSK and
 * Sarabun carry their marks' height in their line metrics).
 */
const SINGLE_LINE = { line: 240, lineRule: LineRuleType.AUTO } as const;

const ORDERED = 'prongsai-ordered';
const BULLET = 'prongsai-bullet';
const CELL_BULLET = 'prongsai-cell-bullet';

export interface RenderDocxOptions {
  /** Pretty-prints the XML parts (for debugging and diffs); off by default. */
  prettify?: boolean;
}

export async function renderDocx(model: DocModel, options: RenderDocxOptions = {}): Promise<Buffer> {
  return declareFonts(await Packer.toBuffer(buildDocxDocument(model), options.prettify ?? false));
}

/**
 * TH SarabunPSK as Word itself declares it in the font table: Thai charset, its PANOSE class and
 * Unicode ranges, and TH Sarabun New as the alternative name. A suite without the font picks its
 * substitute from these (Word by PANOSE and ranges, LibreOffice through fontconfig, which maps
 * it to a Thai font such as Laksaman) instead of a Latin default that has no Thai glyphs.
 * docx 9 writes an empty font table unless fonts are embedded, so the part is replaced here.
 */
const FONT_TABLE_ENTRY =
  `<w:font w:name="${THAI_FONT}"><w:altName w:val="TH Sarabun New"/><w:panose1 w:val="020B0500040200020003"/>` +
  '<w:charset w:val="DE"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>' +
  '<w:sig w:usb0="A100006F" w:usb1="5000205A" w:usb2="00000000" w:usb3="00000000" w:csb0="00010183" w:csb1="00000000"/></w:font>';

async function declareFonts(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/fontTable.xml');
  const xml = await part?.async('string');
  if (!xml || !/<w:fonts\b[^>]*\/>\s*$/.test(xml)) throw new Error('docx changed: expected an empty w:fonts part');
  zip.file('word/fontTable.xml', xml.replace(/\/>\s*$/, `>${FONT_TABLE_ENTRY}</w:fonts>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The docx object model of the document, for callers that lay it out or pack it themselves. */
export function buildDocxDocument(model: DocModel): Document {
  const ctx = new Context(model);
  const children = model.blocks.flatMap((block) => renderBlock(block, ctx));
  const thai = model.digits === 'thai';
  return new Document({
    title: clean(model.title),
    creator: clean(model.author),
    lastModifiedBy: clean(model.author),
    styles: styles(model),
    numbering: {
      config: [
        { reference: ORDERED, levels: listLevels(thai ? LevelFormat.THAI_NUMBERS : LevelFormat.DECIMAL, '%1.', cm(2.5), cm(0.75)) },
        { reference: BULLET, levels: listLevels(LevelFormat.BULLET, '•', cm(2.5), cm(0.6)) },
        { reference: CELL_BULLET, levels: listLevels(LevelFormat.BULLET, '•', cm(0.45), cm(0.45)) },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            // The docx library swaps width and height itself for a landscape page.
            size: { width: PAGE.width, height: PAGE.height, orientation: model.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...MARGIN, gutter: 0 },
            pageNumbers: { start: 1, formatType: thai ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL },
          },
          titlePage: true,
        },
        headers: {
          // Thai official documents number pages at the top centre from the second page: "- ๒ -".
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })] }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  });
}

class Context {
  private lists = 0;
  readonly thai: boolean;
  /** Width between the margins: the page's short side in portrait, its long side in landscape. */
  readonly textWidth: number;
  constructor(readonly model: DocModel) {
    this.thai = model.lang === 'th';
    this.textWidth = model.orientation === 'landscape' ? PAGE.height - MARGIN.left - MARGIN.right : TEXT_WIDTH;
  }
  /** Each ordered list is its own numbering instance, so it restarts at 1. */
  nextListInstance(): number {
    return ++this.lists;
  }
  /** Justified body text: Thai distributed for Thai (spreads between characters, not only spaces). */
  get justify() {
    return this.thai ? AlignmentType.THAI_DISTRIBUTE : AlignmentType.JUSTIFIED;
  }
}

function styles(model: DocModel) {
  const language = { value: model.lang === 'th' ? 'th-TH' : 'en-US', bidirectional: 'th-TH' };
  const font = { ascii: THAI_FONT, hAnsi: THAI_FONT, cs: THAI_FONT, eastAsia: THAI_FONT };
  // Word's own Heading 1–3 styles (navigation pane, table of contents, PDF bookmarks), restyled to
  // the body font; the outline level is explicit so LibreOffice and WPS see them as headings too.
  const heading = (outlineLevel: number, before: number, after: number) => ({
    run: {
      font,
      size: BODY_SIZE,
      sizeComplexScript: BODY_SIZE,
      bold: true,
      boldComplexScript: true,
      italics: false,
      italicsComplexScript: false,
      color: '000000',
    },
    paragraph: { spacing: { before, after, ...SINGLE_LINE }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font, size: BODY_SIZE, sizeComplexScript: BODY_SIZE, language },
        paragraph: { spacing: { before: 0, after: 0, ...SINGLE_LINE } },
      },
      heading1: heading(0, 240, 120),
      heading2: heading(1, 180, 60),
      heading3: heading(2, 120, 0),
      listParagraph: { run: { font, size: BODY_SIZE, sizeComplexScript: BODY_SIZE } },
    },
  };
}

function listLevels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, left: number, hanging: number): ILevelsOptions[] {
  return [
    {
      level: 0,
      format,
      text,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: left + hanging, hanging } } },
    },
  ];
}

function renderBlock(block: Block, ctx: Context): FileChild[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          keepNext: true,
          children: block.lines.map((line, i) => new TextRun({ text: clean(line), bold: true, boldComplexScript: true, break: i > 0 ? 1 : undefined })),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1],
          children: [new TextRun(clean(block.text))],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: block.indent || block.align === 'justify' ? ctx.justify : block.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          indent: block.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
          children: runs(block.runs),
        }),
      ];
    case 'list': {
      const instance = ctx.nextListInstance();
      return block.items.map(
        (item) =>
          new Paragraph({
            alignment: ctx.justify,
            numbering: block.ordered ? { reference: ORDERED, level: 0, instance } : { reference: BULLET, level: 0 },
            children: runs(item),
          }),
      );
    }
    case 'table':
      return dataTable(block, ctx);
    case 'chart':
      return chartTable(block, ctx);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'signature':
      // Centred in the right half of the text width, each line kept with the next.
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            indent: { left: Math.round(TEXT_WIDTH / 2) },
            spacing: { before: i === 0 ? 480 : line.startsWith('(ลงชื่อ)') ? 480 : 0 },
            keepNext: i < block.lines.length - 1,
            keepLines: true,
            children: [new TextRun(clean(line))],
          }),
      );
    default: {
      const never: never = block;
      throw new TypeError(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

// ── Text ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Removes characters that break the file or the layout: XML-invalid control characters and
 * zero-width spaces (TH SarabunPSK has no glyph for U+200B; Word breaks Thai lines itself).
 */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u200B\uFEFF\uFFFE\uFFFF]/g, '');
}

function runs(inlines: Inline[], extra: { bold?: boolean; size?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const inline of inlines) {
    const text = typeof inline === 'string' ? inline : inline.text;
    const bold = (typeof inline !== 'string' && inline.bold) || extra.bold;
    clean(text)
      .split(/\r?\n/)
      .forEach((part, i) => {
        out.push(
          new TextRun({
            text: part.replace(/\t/g, ' '),
            break: i > 0 ? 1 : undefined,
            bold: bold || undefined,
            boldComplexScript: bold || undefined,
            size: extra.size,
            sizeComplexScript: extra.size,
          }),
        );
      });
  }
  return out;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

// ── Tables ───────────────────────────────────────────────────────────────────────────────────

/** Integer widths proportional to `weights` that add up to `total` exactly (largest remainders). */
export function proportionalWidths(weights: number[], total: number): number[] {
  const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = safe.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? safe.map((w) => (w / sum) * total) : safe.map(() => total / safe.length);
  const widths = shares.map(Math.floor);
  let rest = total - widths.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    widths[i]! += 1;
    rest -= 1;
  }
  return widths;
}

const dxa = (size: number) => ({ size, type: WidthType.DXA });
const CELL_MARGINS = { top: 30, bottom: 30, left: 100, right: 100 };
/** Half-points: 14 pt text of a compact table (wide official forms, see the model's `compact`). */
export const COMPACT_SIZE = 28;
/** 0.1 cm each side: a nine-column form cannot spare more, and the borders still keep texts apart. */
const COMPACT_MARGINS = { top: 20, bottom: 20, left: 57, right: 57 };

function dataTable(block: Extract<Block, { kind: 'table' }>, ctx: Context): FileChild[] {
  const TEXT_WIDTH = ctx.textWidth;
  const widths = proportionalWidths(block.columns.map((c) => c.width), TEXT_WIDTH);
  const size = block.compact ? COMPACT_SIZE : undefined;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (column, i) =>
        new TableCell({
          width: dxa(widths[i]!),
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          // Top-aligned in a compact table: header lines of every column then share one line grid,
          // and PDF readers do not merge lines of neighbouring columns drawn half a line apart.
          verticalAlign: block.compact ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: runs([clean(column.header)], { bold: true, size }) })],
        }),
    ),
  });
  const body = block.rows.map((row, r) => {
    if (row.length > block.columns.length) {
      throw new RangeError(`table row ${r + 1} has ${row.length} cells for ${block.columns.length} columns`);
    }
    const cells = block.columns.map((column, i) => bodyCell(row[i] ?? { paragraphs: [[]] }, column.align, widths[i]!, size));
    // Rows may break across pages (no cantSplit): long measure descriptions must not leave half-empty pages.
    return new TableRow({ children: cells });
  });
  const table = new Table({
    width: dxa(TEXT_WIDTH),
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: block.compact ? COMPACT_MARGINS : CELL_MARGINS,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [header, ...body],
  });
  const out: FileChild[] = [];
  if (block.caption) {
    out.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: runs([clean(block.caption)], { bold: true }) }));
    describeTable(table, clean(block.caption), '');
  }
  out.push(table, spacer());
  return out;
}

function bodyCell(cell: Cell, columnAlign: 'left' | 'center' | 'right' | undefined, width: number, size?: number): TableCell {
  const alignment = ALIGN[cell.align ?? columnAlign ?? 'left'];
  const paragraphs = (cell.paragraphs.length ? cell.paragraphs : [[]]).map(
    (p) =>
      new Paragraph({
        alignment,
        numbering: cell.bullets ? { reference: CELL_BULLET, level: 0 } : undefined,
        children: runs(p, { bold: cell.bold, size }),
      }),
  );
  return new TableCell({ width: dxa(width), children: paragraphs });
}

/** An empty paragraph after a table: Word merges two adjacent tables and needs text after the last one. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

/**
 * Writes the table's accessible title and description (`w:tblCaption`, `w:tblDescription`, Word's
 * "Alt Text" of a table), which docx 9 has no option for. They are the last children of `w:tblPr`
 * in the schema order, after `w:tblLook`, so appending them to the properties is valid.
 */
export function describeTable(table: Table, caption: string, description: string): void {
  const props = (table as unknown as { root: unknown[] }).root[0];
  if (!(props instanceof TableProperties)) throw new Error('docx changed: w:tblPr is not the first child of w:tbl');
  const children = (props as unknown as { root: unknown[] }).root;
  if (caption) children.push(new BuilderElement({ name: 'w:tblCaption', attributes: { val: { key: 'w:val', value: caption } } }));
  if (description) children.push(new BuilderElement({ name: 'w:tblDescription', attributes: { val: { key: 'w:val', value: description } } }));
}

// ── Chart ────────────────────────────────────────────────────────────────────────────────────

/**
 * A horizontal bar chart as a borderless table: one row per bar with the label, the bar and the
 * value; an axis row with ticks underneath. The plot area is split into grid columns at every
 * bar end, tick and the reference value, so a bar is a shaded cell spanning columns from 0 to its
 * value, and the reference line is a dashed border on the column edge at the reference value,
 * running through every bar row.
 */
function chartTable(chart: ChartBlock, ctx: Context): FileChild[] {
  const digits = ctx.model.digits;
  const max = chartMax(chart);
  const [labelWidth, plotWidth, valueWidth] = proportionalWidths([34, 52, 14], TEXT_WIDTH) as [number, number, number];
  const unit = (value: number) => Math.round(chartFraction(value, max) * CHART_RESOLUTION);
  const ticks = chartTicks(max).filter((t) => t < max);
  const reference = unit(chart.referenceLine.value);

  const stops = [...new Set([0, CHART_RESOLUTION, reference, ...ticks.map(unit), ...chart.bars.map((b) => unit(b.value))])].sort((a, b) => a - b);
  const plotColumns = proportionalWidths(stops.slice(1).map((s, i) => s - stops[i]!), plotWidth);
  const columnWidths = [labelWidth, ...plotColumns, valueWidth];
  /** A plot cell covering [from, to) in resolution units. */
  const plotCell = (from: number, to: number, options: { fill?: string; left?: IBorderOptions; right?: IBorderOptions; top?: IBorderOptions; bottom?: IBorderOptions; text?: string }) => {
    const first = stops.indexOf(from);
    const last = stops.indexOf(to);
    const width = plotColumns.slice(first, last).reduce((a, b) => a + b, 0);
    return new TableCell({
      width: dxa(width),
      columnSpan: last - first > 1 ? last - first : undefined,
      margins: { top: 0, bottom: 0, left: options.text ? 30 : 0, right: 0 },
      shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
      borders: { top: options.top ?? NONE, bottom: options.bottom ?? NONE, left: options.left ?? NONE, right: options.right ?? NONE },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        options.text
          ? new Paragraph({ children: [new TextRun({ text: options.text, size: 24, sizeComplexScript: 24 })] })
          : // Bars carry no text; a 1 pt empty line keeps the row height set by the label.
            new Paragraph({ children: [new TextRun({ text: '', size: 2, sizeComplexScript: 2 })] }),
      ],
    });
  };
  const textCell = (text: string, width: number, bold: boolean, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      width: dxa(width),
      margins: { top: 20, bottom: 20, left: 60, right: 100 },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
      children: [new Paragraph({ alignment, children: runs([text], { bold, size: CHART_TEXT_SIZE }) })],
    });

  const barRows = chart.bars.map((bar, index) => {
    const end = unit(bar.value);
    const fill = bar.highlight ? BAR_HIGHLIGHT_FILL : BAR_FILL;
    const cuts = [...new Set([0, end, reference, CHART_RESOLUTION])].sort((a, b) => a - b);
    const cells: TableCell[] = [];
    for (let i = 0; i < cuts.length - 1; i++) {
      const from = cuts[i]!;
      const to = cuts[i + 1]!;
      cells.push(
        plotCell(from, to, {
          fill: to <= end ? fill : undefined,
          top: BAR_GAP,
          // Word draws the wider of two touching borders: a white gap under the last bar would hide the axis.
          bottom: index === chart.bars.length - 1 ? NONE : BAR_GAP,
          left: from === reference && reference > 0 ? REFERENCE_LINE : undefined,
          right: to === reference && reference > 0 ? REFERENCE_LINE : undefined,
        }),
      );
    }
    return new TableRow({
      cantSplit: true,
      keepNext: true,
      children: [
        textCell(clean(bar.label), labelWidth, !!bar.highlight, AlignmentType.LEFT),
        ...cells,
        textCell(formatBarValue(bar.value, digits), valueWidth, !!bar.highlight, AlignmentType.LEFT),
      ],
    });
  });

  const axisCells: TableCell[] = [];
  const tickUnits = [...new Set(ticks.map(unit))];
  const axisStops = [...new Set([0, ...tickUnits, CHART_RESOLUTION])].sort((a, b) => a - b);
  for (let i = 0; i < axisStops.length - 1; i++) {
    const from = axisStops[i]!;
    const tick = ticks.find((t) => unit(t) === from);
    axisCells.push(plotCell(from, axisStops[i + 1]!, { top: THIN, left: THIN, text: tick === undefined ? '' : formatTick(tick, digits) }));
  }
  const axisRow = new TableRow({
    cantSplit: true,
    children: [
      textCell('', labelWidth, false, AlignmentType.LEFT),
      ...axisCells,
      new TableCell({
        width: dxa(valueWidth),
        margins: { top: 0, bottom: 0, left: 30, right: 0 },
        borders: { top: NONE, bottom: NONE, left: THIN, right: NONE },
        children: [new Paragraph({ children: [new TextRun({ text: formatTick(max, digits), size: 24, sizeComplexScript: 24 })] })],
      }),
    ],
  });

  const table = new Table({
    width: dxa(TEXT_WIDTH),
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [...barRows, axisRow],
  });
  describeTable(table, clean(chart.title), clean(chart.altText));

  const referenceNote = /[0-9๐-๙]/.test(chart.referenceLine.label)
    ? clean(chart.referenceLine.label)
    : `${clean(chart.referenceLine.label)} (${formatTick(chart.referenceLine.value, digits)})`;
  const title: IParagraphOptions = {
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: runs([clean(chart.title)], { bold: true }),
  };
  return [
    new Paragraph(title),
    table,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 60, after: 120 },
      children: runs([`${ctx.thai ? 'เส้นประแนวตั้ง' : 'Dashed line'}: ${referenceNote}`], { size: CHART_TEXT_SIZE }),
    }),
  ];
}
