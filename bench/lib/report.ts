/** What a bench hands back, and the table the runner prints. Benches report; nothing here asserts. */
import type { Summary } from './stats.js';

export interface Target {
  /** The statistic the target applies to. */
  on: 'median' | 'p95' | 'p99' | 'max' | 'value';
  op: '<' | '>=';
  value: number;
}

export interface ResultRow {
  metric: string;
  unit: string;
  n?: number;
  median?: number;
  p95?: number;
  p99?: number;
  min?: number;
  max?: number;
  /** A single measurement (wall time of one run, a peak, a ratio). Shown in the median column. */
  value?: number;
  target?: Target;
  note?: string;
}

export interface BenchResult {
  name: string;
  status: 'ok' | 'unavailable' | 'error';
  /** Why a bench did not run (unavailable) or failed (error). */
  reason?: string;
  rows: ResultRow[];
  notes?: string[];
}

export interface BenchContext {
  /** Command-line arguments after the runner's own (e.g. --path, --duration). */
  args: string[];
  log: (line: string) => void;
}

export interface BenchDefinition {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** A row from a sample summary, optionally with a target. */
export function statRow(metric: string, unit: string, s: Summary, target?: Target, note?: string): ResultRow {
  return {
    metric,
    unit,
    n: s.n,
    median: s.median,
    p95: s.p95,
    p99: s.p99,
    min: s.min,
    max: s.max,
    ...(target ? { target } : {}),
    ...(note ? { note } : {}),
  };
}

export function valueRow(metric: string, unit: string, value: number, target?: Target, note?: string): ResultRow {
  return { metric, unit, value, ...(target ? { target } : {}), ...(note ? { note } : {}) };
}

export function verdict(row: ResultRow): 'PASS' | 'MISS' | '' {
  if (!row.target) return '';
  const t = row.target;
  const actual = t.on === 'value' ? row.value : row[t.on];
  if (actual === undefined || Number.isNaN(actual)) return 'MISS';
  return (t.op === '<' ? actual < t.value : actual >= t.value) ? 'PASS' : 'MISS';
}

export function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  const a = Math.abs(n);
  const dp = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return n.toLocaleString('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

function targetText(row: ResultRow): string {
  const t = row.target;
  if (!t) return '';
  const stat = t.on === 'value' ? '' : `${t.on} `;
  return `${stat}${t.op} ${fmt(t.value)} ${row.unit}`.replace(/\.0+ /, ' ');
}

/** Display width: combining Thai marks take no column (the runner's labels are ASCII anyway). */
const width = (s: string) => [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

export function renderTable(results: BenchResult[]): string {
  const header = ['bench', 'metric', 'n', 'median/value', 'p95', 'p99', 'min', 'max', 'unit', 'target', 'result'];
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const lines: string[][] = [];
  for (const r of results) {
    if (r.status !== 'ok' && r.rows.length === 0) {
      lines.push([r.name, r.status === 'unavailable' ? 'not available yet' : 'ERROR', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    for (const row of r.rows) {
      lines.push([
        r.name,
        row.metric,
        row.n !== undefined ? String(row.n) : '',
        fmt(row.value ?? row.median),
        row.p95 !== undefined ? fmt(row.p95) : '',
        row.p99 !== undefined ? fmt(row.p99) : '',
        row.min !== undefined ? fmt(row.min) : '',
        row.max !== undefined ? fmt(row.max) : '',
        row.unit,
        targetText(row),
        verdict(row),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]!))));
  const fmtLine = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ').trimEnd();
  const out = [fmtLine(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let previous = '';
  for (const l of lines) {
    if (previous && l[0] !== previous) out.push('');
    previous = l[0]!;
    out.push(fmtLine(l));
  }
  return out.join('\n');
}

/** Notes, reasons and row notes under the table, per bench. */
export function renderNotes(results: BenchResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const items = [
      ...(r.reason ? [`${r.status === 'unavailable' ? 'not available yet' : r.status === 'error' ? 'error' : 'note'}: ${r.reason}`] : []),
      ...r.rows.filter((row) => row.note).map((row) => `${row.metric}: ${row.note}`),
      ...(r.notes ?? []),
    ];
    if (items.length === 0) continue;
    out.push(`${r.name}:`);
    for (const i of items) out.push(`  - ${i.replace(/\n/g, '\n    ')}`);
  }
  return out.join('\n');
}
