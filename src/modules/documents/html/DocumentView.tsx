/**
 * DocModel → semantic, accessible HTML for the agency's public page and the standalone HTML file.
 *
 * Styling is by class only (document.css); the page's CSP is `style-src 'self'`, so no `style`
 * attribute or element appears here. The chart is an inline SVG drawn with presentation
 * attributes (x, y, width, fill, stroke), which CSP does not restrict, and its values are also
 * given as a table in a <details> element, for readers who cannot see the chart.
 */
import type { ComponentChildren } from 'preact';
import { compoundSpans } from '../../../shared/thai-words.js';
import type { Block, Cell, Column, DocModel, Inline } from '../domain/model.js';
import { chartFraction, chartMax, chartTicks, formatBarValue, formatTick, type ChartBlock } from '../domain/chart-scale.js';

export interface DocumentViewProps {
  model: DocModel;
  /** Prefix of the element ids (headings, chart titles), unique per page when several documents are shown. */
  idPrefix?: string;
}

type TableBlock = Extract<Block, { kind: 'table' }>;

const TEXT = {
  th: { chartData: 'ข้อมูลในแผนภูมิ', item: 'รายการ', value: 'ค่า', dashed: 'เส้นประแนวตั้ง', table: 'ตาราง' },
  en: { chartData: 'Chart data', item: 'Item', value: 'Value', dashed: 'Dashed line', table: 'Table' },
} as const;

export function DocumentView({ model, idPrefix = 'doc' }: DocumentViewProps) {
  const id = (kind: string, index: number) => `${idPrefix}-${kind}-${index}`;
  const text = TEXT[model.lang];
  const titleIndex = model.blocks.findIndex((b) => b.kind === 'title');
  return (
    <article lang={model.lang} class="doc" aria-labelledby={titleIndex >= 0 ? id('title', titleIndex) : undefined}>
      {model.blocks.map((block, index) => {
        switch (block.kind) {
          case 'title':
            return (
              <h1 key={index} id={id('title', index)} class="doc-title">
                {block.lines.map((line, i) => (i === 0 ? line : [<br key={i} />, line]))}
              </h1>
            );
          case 'heading': {
            const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1];
            return (
              <Tag key={index} id={id('h', index)} class={`doc-heading doc-heading--${block.level}`}>
                {block.text}
              </Tag>
            );
          }
          case 'paragraph':
            return (
              <p key={index} class={paragraphClass(block)}>
                <Runs runs={block.runs} />
              </p>
            );
          case 'list': {
            const items = block.items.map((item, i) => (
              <li key={i}>
                <Runs runs={item} />
              </li>
            ));
            return block.ordered ? (
              <ol key={index} class={model.digits === 'thai' ? 'doc-list doc-list--thai' : 'doc-list'}>
                {items}
              </ol>
            ) : (
              <ul key={index} class="doc-list">
                {items}
              </ul>
            );
          }
          case 'table': {
            const heading = precedingHeading(model.blocks, index);
            return (
              <DataTable
                key={index}
                table={block}
                captionId={id('caption', index)}
                headingId={heading >= 0 ? id('h', heading) : undefined}
                fallbackLabel={`${text.table}: ${block.columns.map((c) => c.header).join(', ')}`}
              />
            );
          }
          case 'chart':
            return <Chart key={index} chart={block} model={model} idBase={id('chart', index)} />;
          case 'signature':
            return (
              <div key={index} class="doc-signature">
                {block.lines.map((line) => (
                  <p class={line.startsWith('(ลงชื่อ)') ? 'doc-sign-line' : undefined}>{line}</p>
                ))}
              </div>
            );
          case 'pageBreak':
            return <div key={index} class="doc-page-break" aria-hidden="true" />;
          default: {
            const never: never = block;
            throw new TypeError(`unknown block ${JSON.stringify(never)}`);
          }
        }
      })}
    </article>
  );
}

function paragraphClass(block: Extract<Block, { kind: 'paragraph' }>): string | undefined {
  const classes = [block.indent ? 'doc-indent' : '', block.align === 'center' ? 'doc-align-center' : '', block.align === 'justify' ? 'doc-justify' : ''];
  return classes.filter(Boolean).join(' ') || undefined;
}

/** Inline runs: bold as <strong>, line breaks in the text as <br>. */
function Runs({ runs, keepWords = false }: { runs: Inline[]; keepWords?: boolean }) {
  // In table cells (narrow columns) compounds stay on one line, as in the PDF.
  const show = (line: string) => (keepWords ? compoundSpans(line).map((w) => (w.whole ? <span class="nobr">{w.text}</span> : w.text)) : line);
  return (
    <>
      {runs.map((run, i) => {
        const text = typeof run === 'string' ? run : run.text;
        const lines = text.split(/\r?\n/).map((line, j) => (j === 0 ? show(line) : [<br key={`b${j}`} />, show(line)]));
        return typeof run !== 'string' && run.bold ? <strong key={i}>{lines}</strong> : lines;
      })}
    </>
  );
}

/** The nearest heading before a block, which labels a table that has no caption of its own. */
function precedingHeading(blocks: Block[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (blocks[i]!.kind === 'heading') return i;
  return -1;
}

const alignClass = (align: Column['align']) => (align && align !== 'left' ? `doc-align-${align}` : undefined);

function DataTable({ table, captionId, headingId, fallbackLabel }: { table: TableBlock; captionId: string; headingId?: string; fallbackLabel: string }) {
  const labelledBy = table.caption ? captionId : headingId;
  return (
    // The wrapper scrolls sideways on narrow screens; it is focusable so keyboard users can scroll it.
    <div class="doc-table-wrap" role="region" tabindex={0} aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : fallbackLabel}>
      <table class="doc-table" aria-labelledby={table.caption ? undefined : headingId}>
        {table.caption ? <caption id={captionId}>{table.caption}</caption> : null}
        <colgroup>
          {widthClasses(table.columns).map((cls, i) => (
            <col key={i} class={cls} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col" class={alignClass(column.align)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {table.columns.map((column, c) => (
                <TableCellView key={c} cell={row[c]} columnAlign={column.align} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Column widths as classes `doc-w-5` … `doc-w-100` (percent rounded to 5), since a `style`
 * attribute with the exact width would need CSP `unsafe-inline`.
 */
export function widthClasses(columns: Column[]): string[] {
  const weights = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => `doc-w-${Math.min(100, Math.max(5, Math.round(((total > 0 ? w / total : 1 / weights.length) * 100) / 5) * 5))}`);
}

function TableCellView({ cell, columnAlign }: { cell: Cell | undefined; columnAlign: Column['align'] }) {
  if (!cell) return <td />;
  const classes = [alignClass(cell.align ?? columnAlign), cell.bold ? 'doc-bold' : undefined].filter(Boolean).join(' ') || undefined;
  let content: ComponentChildren;
  if (cell.bullets) {
    content = (
      <ul class="doc-cell-list">
        {cell.paragraphs.map((p, i) => (
          <li key={i}>
            <Runs runs={p} keepWords />
          </li>
        ))}
      </ul>
    );
  } else if (cell.paragraphs.length === 1) {
    content = <Runs runs={cell.paragraphs[0]!} keepWords />;
  } else {
    content = cell.paragraphs.map((p, i) => (
      <p key={i}>
        <Runs runs={p} keepWords />
      </p>
    ));
  }
  return <td class={classes}>{content}</td>;
}

// ── Chart ────────────────────────────────────────────────────────────────────────────────────

const CHART = {
  width: 640,
  plotLeft: 16,
  plotRight: 560,
  top: 30,
  labelHeight: 22,
  barHeight: 18,
  gap: 12,
  axisHeight: 30,
  fill: '#9DB4CC',
  highlightFill: '#1F4E79',
} as const;

function Chart({ chart, model, idBase }: { chart: ChartBlock; model: DocModel; idBase: string }) {
  const text = TEXT[model.lang];
  const digits = model.digits;
  const max = chartMax(chart);
  const plotWidth = CHART.plotRight - CHART.plotLeft;
  const x = (value: number) => CHART.plotLeft + chartFraction(value, max) * plotWidth;
  const rowHeight = CHART.labelHeight + CHART.barHeight + CHART.gap;
  const axisY = CHART.top + chart.bars.length * rowHeight;
  const height = axisY + CHART.axisHeight;
  const refX = x(chart.referenceLine.value);
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const fmt = (n: number) => Number(n.toFixed(2));
  return (
    <figure class="doc-chart">
      <figcaption id={`${idBase}-caption`} class="doc-chart-caption">
        {chart.title}
      </figcaption>
      {/* Scrolls sideways on phones, so it is focusable like the table wrappers. */}
      <div class="doc-chart-wrap" role="region" tabindex={0} aria-labelledby={`${idBase}-caption`}>
        <svg
          class="doc-chart-svg"
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          viewBox={`0 0 ${CHART.width} ${height}`}
          width={CHART.width}
          height={height}
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={titleId}>{chart.title}</title>
          <desc id={descId}>{chart.altText}</desc>
          {chartTicks(max).map((tick, i) => (
            <g key={i} class="doc-chart-tick">
              <line x1={fmt(x(tick))} x2={fmt(x(tick))} y1={CHART.top - 6} y2={axisY} stroke="#d0d0d0" stroke-width={1} />
              <text x={fmt(x(tick))} y={axisY + 20} text-anchor="middle" font-size={14} fill="#1b1b1b">
                {formatTick(tick, digits)}
              </text>
            </g>
          ))}
          {chart.bars.map((bar, i) => (
            <rect
              key={i}
              class={bar.highlight ? 'doc-chart-bar doc-chart-bar--highlight' : 'doc-chart-bar'}
              x={CHART.plotLeft}
              y={CHART.top + i * rowHeight + CHART.labelHeight}
              width={fmt(x(bar.value) - CHART.plotLeft)}
              height={CHART.barHeight}
              fill={bar.highlight ? CHART.highlightFill : CHART.fill}
            />
          ))}
          <line class="doc-chart-axis" x1={CHART.plotLeft} x2={CHART.plotRight} y1={axisY} y2={axisY} stroke="#1b1b1b" stroke-width={1} />
          {/* The reference line crosses the bars but runs under the text, which has a white halo. */}
          <line
            class="doc-chart-reference"
            x1={fmt(refX)}
            x2={fmt(refX)}
            y1={CHART.top - 8}
            y2={axisY}
            stroke="#1b1b1b"
            stroke-width={2}
            stroke-dasharray="6 4"
          />
          {chart.bars.map((bar, i) => {
            const y = CHART.top + i * rowHeight;
            const weight = bar.highlight ? 700 : 400;
            return (
              <g key={i} class={bar.highlight ? 'doc-chart-item doc-chart-item--highlight' : 'doc-chart-item'}>
                <text class="doc-chart-label" x={CHART.plotLeft} y={y + 16} font-size={15} font-weight={weight} fill="#1b1b1b">
                  {bar.label}
                </text>
                <text class="doc-chart-label" x={fmt(x(bar.value) + 6)} y={y + CHART.labelHeight + 14} font-size={14} font-weight={weight} fill="#1b1b1b">
                  {formatBarValue(bar.value, digits)}
                </text>
              </g>
            );
          })}
          <text
            class="doc-chart-label"
            x={fmt(refX > CHART.width / 2 ? refX - 6 : refX + 6)}
            y={CHART.top - 12}
            text-anchor={refX > CHART.width / 2 ? 'end' : 'start'}
            font-size={14}
            fill="#1b1b1b"
          >
            {chart.referenceLine.label}
          </text>
        </svg>
      </div>
      <p class="doc-chart-note">
        {text.dashed}: {chart.referenceLine.label}
      </p>
      <details class="doc-chart-data">
        <summary>{text.chartData}</summary>
        <table class="doc-table">
          <caption>{chart.title}</caption>
          <thead>
            <tr>
              <th scope="col">{text.item}</th>
              <th scope="col" class="doc-align-right">
                {text.value}
              </th>
            </tr>
          </thead>
          <tbody>
            {chart.bars.map((bar, i) => (
              <tr key={i} class={bar.highlight ? 'doc-chart-row--highlight' : undefined}>
                <th scope="row">{bar.highlight ? <strong>{bar.label}</strong> : bar.label}</th>
                <td class="doc-align-right">{bar.highlight ? <strong>{formatBarValue(bar.value, digits)}</strong> : formatBarValue(bar.value, digits)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{chart.referenceLine.label}</th>
              <td class="doc-align-right">{formatBarValue(chart.referenceLine.value, digits)}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
