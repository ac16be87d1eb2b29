/**
 * The HTTP load generator (workers/load.ts) as the benches use it: run it in a child process of
 * its own (so it never shares the server's event loop) and turn its result into report rows.
 */
import { benchFile, forkTs, nextMessage } from './child.js';
import type { ResultRow, Target } from './report.js';

/** What workers/load.ts sends back over IPC. */
export interface LoadResult {
  type: 'load-result';
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latency: { p50: number; p95: number; p99: number; min: number; max: number; mean: number };
  status: Record<string, number>;
  errors: number;
  bytesPerResponse: number;
}

/** `connections` keep-alive loops on `url` for `seconds` after `warmup` s; a POST of `jsonBody` when given. */
export function runLoad(url: string, connections: number, seconds: number, warmup: number, jsonBody?: string): Promise<LoadResult> {
  const child = forkTs(benchFile('workers/load.ts'), [url, String(connections), String(seconds), String(warmup), ...(jsonBody !== undefined ? [jsonBody] : [])]);
  return nextMessage<LoadResult>(child, (m): m is LoadResult => (m as { type?: string })?.type === 'load-result', (seconds + warmup + 60) * 1000);
}

export function latencyRow(metric: string, r: LoadResult, target?: Target): ResultRow {
  return { metric, unit: 'ms', n: r.requests, median: r.latency.p50, p95: r.latency.p95, p99: r.latency.p99, min: r.latency.min, max: r.latency.max, ...(target ? { target } : {}) };
}

/** "200×5120, 503×3, 2 errors": how the answers were spread. */
export const statusText = (r: LoadResult): string => Object.entries(r.status).map(([k, v]) => `${k}×${v}`).join(', ') + (r.errors ? `, ${r.errors} errors` : '');
