/**
 * Scale of the horizontal bar chart, shared by the DOCX and HTML renderers so both draw the same
 * axis. The model carries raw chart values (the one place renderers format numbers), so the value
 * and tick labels are formatted here with the model's digits.
 */
import type { Block, DigitStyle } from './model.js';
import { formatNumber } from '../../../shared/thai.js';

export type ChartBlock = Extract<Block, { kind: 'chart' }>;

/** The value at the right end of the axis: the model's `max`, or the largest value when it is unusable. */
export function chartMax(chart: ChartBlock): number {
  if (Number.isFinite(chart.max) && chart.max > 0) return chart.max;
  const largest = Math.max(0, chart.referenceLine.value, ...chart.bars.map((b) => b.value));
  return largest > 0 ? largest : 1;
}

/** A value's share of the axis, clamped to 0–1 (negative or over-max values stay inside the plot). */
export function chartFraction(value: number, max: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(1, value / max);
}

/** Round tick values from 0 to at most `max`, about `target` intervals, on a 1–2–2.5–5 step. */
export function chartTicks(max: number, target = 5): number[] {
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max * (1 + 1e-9); i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** A tick label: no decimals for whole numbers. */
export function formatTick(value: number, digits: DigitStyle): string {
  const decimals = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  return formatNumber(value, digits, decimals);
}

/** A bar's value label: two decimals, as scores are written in ITA reports. */
export function formatBarValue(value: number, digits: DigitStyle): string {
  return formatNumber(value, digits, 2);
}
