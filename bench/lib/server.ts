/** Starts bench/workers/serve.ts (the real app + a bare Fastify route) and talks to it over IPC. */
import type { ChildProcess } from 'node:child_process';
import { benchFile, forkTs, nextMessage, waitExit } from './child.js';

export interface Ready {
  type: 'ready';
  appUrl: string;
  bareUrl: string;
  rssMb: number;
  demo: { slug: string; year: number; username: string; password: string };
}

const is =
  <T extends { type: string }>(type: T['type']) =>
  (m: unknown): m is T =>
    typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;

export interface BenchServer extends Ready {
  child: ChildProcess;
  rssStart(): Promise<{ rssMb: number; heapUsedMb: number; gc: boolean }>;
  rssStop(): Promise<{ peakMb: number; maxRssMb: number; rssMb: number }>;
  rssNow(): Promise<{ rssMb: number; maxRssMb: number }>;
  stop(): Promise<void>;
}

export async function startServer(): Promise<BenchServer> {
  const child = forkTs(benchFile('workers/serve.ts'), [], { execArgv: ['--expose-gc'] });
  const ready = await nextMessage<Ready>(child, is<Ready>('ready'), 180_000);
  const ask = <T extends { type: string }>(send: string, answer: string) => {
    const p = nextMessage<T>(child, is<T>(answer));
    child.send({ type: send });
    return p;
  };
  return {
    ...ready,
    child,
    rssStart: () => ask<{ type: 'rss-baseline'; rssMb: number; heapUsedMb: number; gc: boolean }>('rss-start', 'rss-baseline'),
    rssStop: () => ask<{ type: 'rss-peak'; peakMb: number; maxRssMb: number; rssMb: number }>('rss-stop', 'rss-peak'),
    rssNow: () => ask<{ type: 'rss-now'; rssMb: number; maxRssMb: number }>('rss-now', 'rss-now'),
    async stop() {
      if (child.connected) child.send({ type: 'stop' });
      await waitExit(child, 10_000);
    },
  };
}
