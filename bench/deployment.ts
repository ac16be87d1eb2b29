/**
 * deployment: the deployment administrator's views with a nation-wide deployment loaded on
 * PostgreSQL — 8,317 agencies × 5 fiscal years of results, OIT item statuses and plans (see
 * workers/serve-deployment.ts) — through the real app over HTTP, signed in as the deployment
 * administrator:
 * - the province view (/deployment/overview?province=…) of the smallest (≈100 agencies), a
 *   middle and the largest province (900): median and p95 latency, target p95 < 100 ms;
 * - the national summary (/deployment/overview, every agency): median and p95, target p95 < 1 s;
 * - the national CSV export (8,317 rows), a few samples;
 * - the public OIT year index with all those agencies loaded against a bare Fastify route,
 *   50 connections (target ≥ 50 % of the bare route's req/s, as with one agency).
 *
 * Requests run one at a time from this process (the server is a child of its own), so a
 * latency is one request's service time. Options: --samples N (default 40), --duration S (5).
 */
import { benchFile, forkTs, nextMessage, waitExit } from './lib/child.js';
import { latencyRow, runLoad, statusText } from './lib/load.js';
import { option } from './lib/args.js';
import { WebClient } from './lib/web-client.js';
import { statRow, valueRow, type BenchDefinition, type ResultRow } from './lib/report.js';
import { msSince, summarize } from './lib/stats.js';
import { loadNote } from './lib/machine.js';

interface Ready {
  type: 'ready';
  appUrl: string;
  bareUrl: string;
  demo: { slug: string; year: number; username: string; password: string };
  provinces: Record<'small' | 'median' | 'large', [string, number]>;
  seedMs: number;
  oitYear: number;
  breakdown: Record<string, number>;
  counts: Record<string, number>;
}

export const bench: BenchDefinition = {
  name: 'deployment',
  title: 'province view, national summary and public OIT index with 8,317 agencies on PostgreSQL',
  async run(ctx) {
    const samples = Number(option(ctx.args, 'samples') ?? 40);
    const seconds = Number(option(ctx.args, 'duration') ?? 5);
    const child = forkTs(benchFile('workers/serve-deployment.ts'), []);
    try {
      const ready = await nextMessage<Ready>(child, (m): m is Ready => (m as { type?: string })?.type === 'ready', 600_000);
      ctx.log(`seeded ${JSON.stringify(ready.counts)} in ${(ready.seedMs / 1000).toFixed(1)} s`);
      const web = new WebClient(ready.appUrl);
      await web.signIn(ready.demo.username, ready.demo.password);

      const timed = async (path: string, n: number, check: (body: string) => boolean) => {
        const warm = await web.get(path);
        if (warm.status !== 200 || !check(warm.body)) throw new Error(`GET ${path}: HTTP ${warm.status}`);
        const ms: number[] = [];
        for (let i = 0; i < n; i++) {
          const t = process.hrtime.bigint();
          const r = await web.get(path);
          ms.push(msSince(t));
          if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
        }
        return { summary: summarize(ms), bytes: warm.body.length };
      };

      const rows: ResultRow[] = [];
      for (const size of ['small', 'median', 'large'] as const) {
        const [province, count] = ready.provinces[size];
        const path = `/deployment/overview?province=${encodeURIComponent(province)}&year=${ready.oitYear}&sort=total&dir=desc`;
        const r = await timed(path, samples, (b) => b.includes(province));
        rows.push(statRow(`province view, ${count} agencies (${size})`, 'ms', r.summary, { on: 'p95', op: '<', value: 100 }));
      }
      const national = await timed(`/deployment/overview?year=${ready.oitYear}`, Math.max(10, Math.round(samples / 2)), (b) => b.includes('นครราชสีมา'));
      rows.push(statRow(`national summary, ${ready.counts.agencies} agencies`, 'ms', national.summary, { on: 'p95', op: '<', value: 1000 }));
      const csv = await timed(`/deployment/overview.csv?year=${ready.oitYear}`, 5, (b) => b.split('\n').length > 8000);
      rows.push(statRow('national CSV export (every agency)', 'ms', csv.summary, undefined, `${(csv.bytes / 2 ** 20).toFixed(1)} MB`));

      for (const [part, ms] of Object.entries(ready.breakdown)) rows.push(valueRow(`read in the server process: ${part}`, 'ms', ms, undefined, 'median of 5'));

      const path = `/a/${ready.demo.slug}/oit/${ready.demo.year}`;
      await runLoad(ready.appUrl + path, 50, 1, 0);
      await runLoad(`${ready.bareUrl}/hello`, 50, 1, 0);
      const bare = await runLoad(`${ready.bareUrl}/hello`, 50, seconds, 1);
      const page = await runLoad(ready.appUrl + path, 50, seconds, 1);
      for (const [name, r] of [['bare Fastify /hello', bare], [`public OIT index ${path} (8,317 agencies loaded)`, page]] as const) {
        rows.push(valueRow(`${name}: throughput (50 conns)`, 'req/s', r.rps), latencyRow(`${name}: latency`, r));
      }
      rows.push(valueRow('public OIT index / bare req/s', '%', (100 * page.rps) / bare.rps, { on: 'value', op: '>=', value: 50 }));
      return {
        name: 'deployment',
        status: 'ok',
        rows,
        notes: [
          `seeded on PostgreSQL in ${(ready.seedMs / 1000).toFixed(1)} s: ${Object.entries(ready.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
          `latencies: ${samples} sequential requests per province after one warm-up, signed in as the deployment administrator; responses ${statusText(page)} / bare ${statusText(bare)}`,
          `machine: ${loadNote()}`,
        ],
      };
    } finally {
      if (child.connected) child.send({ type: 'stop' });
      await waitExit(child, 30_000);
    }
  },
};
