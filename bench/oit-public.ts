/**
 * oit-public: requests per second and latency of the public OIT year index
 * (`/a/:slug/oit/:year`, issue 3) against a bare Fastify route on the same machine in the same
 * run, 50 keep-alive connections, ~5 s each after a 1 s warm-up. Targets: the index serves
 * ≥ 50 % of the bare route's req/s, with p99 < 20 ms.
 *
 * The app (real buildApp, temp SQLite, demo agency with its FY2565 results) and the bare route
 * run in one server child; the load generator runs in another child, so neither shares the
 * server's event loop. On a 2-CPU machine the two children still share the CPUs, as they would
 * with autocannon.
 *
 * Options: --path P (load another public page instead, e.g. /a/demo/ita/2565/measures, to check
 * the harness), --duration S (default 5), --connections N (default 50).
 */
import { existsSync } from 'node:fs';
import { REPO_DIR } from './lib/child.js';
import { startServer } from './lib/server.js';
import { latencyRow, runLoad, statusText } from './lib/load.js';
import { option } from './lib/args.js';
import { valueRow, type BenchDefinition, type ResultRow } from './lib/report.js';
import { loadNote } from './lib/machine.js';
import { join } from 'node:path';

export const bench: BenchDefinition = {
  name: 'oit-public',
  title: 'public OIT year index vs bare Fastify',
  async run(ctx) {
    const connections = Number(option(ctx.args, 'connections') ?? 50);
    const seconds = Number(option(ctx.args, 'duration') ?? 5);
    const customPath = option(ctx.args, 'path');
    const server = await startServer();
    try {
      const path = customPath ?? `/a/${server.demo.slug}/oit/${server.demo.year}`;
      const probe = await fetch(server.appUrl + path);
      const body = await probe.text();
      if (probe.status !== 200) {
        const routes = join(REPO_DIR, 'src/modules/oit/routes.tsx');
        const why = !existsSync(routes)
          ? 'src/modules/oit has no routes.tsx, so the app registers no OIT pages'
          : 'src/modules/oit/routes.tsx exists but the app answers it with an error (registered in src/app.ts?)';
        return {
          name: 'oit-public',
          status: probe.status === 404 && !customPath ? 'unavailable' : 'error',
          reason: `GET ${path} on the real app answers HTTP ${probe.status}: ${why}. Re-run with --only oit-public when it exists` +
            ' (or point it at another public page with --path).',
          rows: [],
        };
      }
      const label = customPath ? `${path} (--path)` : 'OIT year index';
      ctx.log(`${path}: ${body.length.toLocaleString('en-US')} characters; warming up`);
      await runLoad(server.appUrl + path, connections, 1, 0);
      await runLoad(`${server.bareUrl}/hello`, connections, 1, 0);

      const bare = await runLoad(`${server.bareUrl}/hello`, connections, seconds, 1);
      ctx.log(`bare: ${bare.rps.toFixed(0)} req/s, p99 ${bare.latency.p99.toFixed(2)} ms`);
      const page = await runLoad(server.appUrl + path, connections, seconds, 1);
      ctx.log(`${label}: ${page.rps.toFixed(0)} req/s, p99 ${page.latency.p99.toFixed(2)} ms`);
      // One connection: the service time of a single request with no queueing in front of it.
      const single = await runLoad(server.appUrl + path, 1, 2, 0.5);
      const rss = await server.rssNow();

      const rows: ResultRow[] = [];
      for (const [name, r] of [['bare Fastify /hello', bare], [label, page]] as const) {
        const isPage = r === page;
        rows.push(
          valueRow(`${name}: throughput (${r.connections} conns)`, 'req/s', r.rps),
          latencyRow(`${name}: latency`, r, isPage ? { on: 'p99', op: '<', value: 20 } : undefined),
        );
      }
      rows.push(
        latencyRow(`${label}: latency at 1 connection`, single),
        valueRow(`${label} / bare req/s`, '%', (100 * page.rps) / bare.rps, { on: 'value', op: '>=', value: 50 }),
        valueRow('server process RSS after the runs', 'MB', rss.rssMb),
      );
      return {
        name: 'oit-public',
        status: 'ok',
        rows,
        notes: [
          `responses: bare ${statusText(bare)} (${bare.bytesPerResponse.toFixed(0)} B each); page ${statusText(page)} (${page.bytesPerResponse.toFixed(0)} B each)`,
          `${seconds} s per run after 1 s warm-up; server and load generator are separate processes on the same ${loadNote()}`,
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
