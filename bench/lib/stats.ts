/** Order statistics for benchmark samples (nearest-rank quantiles on a sorted copy). */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank quantile of an ascending array: the smallest sample with at least q·n samples ≤ it. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  // The median of an even count is the mean of the two middle samples.
  const median = n === 0 ? NaN : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return {
    n,
    median,
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    min: n ? sorted[0]! : NaN,
    max: n ? sorted[n - 1]! : NaN,
    mean: n ? sum / n : NaN,
  };
}

/** Elapsed milliseconds since a `process.hrtime.bigint()` mark, as a float. */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export const MB = 1024 * 1024;
/** process.resourceUsage().maxRSS is in kilobytes (KiB) on Linux. */
export const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;
export const rssMb = (): number => process.memoryUsage.rss() / MB;

/** User + system CPU milliseconds of a `process.cpuUsage(previous)` delta (every thread of the process). */
export const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e3;
