/**
 * Server child for the HTTP benches: the real app (buildApp, temp SQLite, logger off) with the
 * demo agency (`seedDemo`: FY2565 results, plan, a signed-in-able administrator) on one port,
 * and a bare Fastify "hello" route on another, both on 127.0.0.1. Runs in its own process so the
 * load generator never shares its event loop and its RSS is the server's own.
 *
 * IPC: sends {type:'ready', appUrl, bareUrl, demo}; answers {type:'rss-start'} with the RSS
 * baseline (after a GC when run with --expose-gc) and starts sampling RSS every 5 ms;
 * answers {type:'rss-stop'} with the peak seen; {type:'stop'} closes everything and exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp, createServices, moduleManifests } from '../../src/app.js';
import type { Config } from '../../src/config/index.js';
import { openDatabase, migrateToLatest } from '../../src/db/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { seedDemo, DEMO_SLUG, DEMO_RESULTS_YEAR } from '../../src/demo.js';
import { maxRssMb, rssMb } from '../lib/stats.js';

const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-serve-'));
const config: Config = Object.freeze<Config>({
  env: 'production',
  port: 0,
  host: '127.0.0.1',
  database: { kind: 'sqlite', file: join(dir, 'bench.sqlite') },
  dataDir: join(dir, 'data'),
  sessionSecret: 'bench-secret-bench-secret-bench-secret-0123',
  publicBaseUrl: 'http://127.0.0.1',
  trustProxy: false,
  maxUploadBytes: 100 * 1024 * 1024,
  logLevel: 'silent',
});

const database = openDatabase(config.database);
await migrateToLatest(database.db);
const app = await buildApp({ config, db: database.db, dialect: database.dialect, clock: systemClock, logger: false });
const services = createServices({ db: database.db, clock: systemClock, config });
const demo = await seedDemo(services, moduleManifests(services, { config, clock: systemClock, db: database.db, dialect: database.dialect }));
if (!demo.created) throw new Error('demo agency was not created');
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
bare.get('/hello', async () => ({ hello: 'world' }));
await bare.listen({ port: 0, host: '127.0.0.1' });

const url = (a: typeof app) => {
  const addr = a.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `http://127.0.0.1:${addr.port}`;
};

let sampler: NodeJS.Timeout | undefined;
let peak = 0;
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (m: { type?: string }) => {
  if (m.type === 'rss-start') {
    gc?.();
    const baseline = rssMb();
    peak = baseline;
    sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 5);
    process.send!({ type: 'rss-baseline', rssMb: baseline, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20, gc: !!gc });
  } else if (m.type === 'rss-stop') {
    if (sampler) clearInterval(sampler);
    peak = Math.max(peak, rssMb());
    process.send!({ type: 'rss-peak', peakMb: peak, maxRssMb: maxRssMb(), rssMb: rssMb() });
  } else if (m.type === 'rss-now') {
    process.send!({ type: 'rss-now', rssMb: rssMb(), maxRssMb: maxRssMb() });
  } else if (m.type === 'stop') {
    void (async () => {
      await bare.close();
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  }
});
process.once('SIGTERM', () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});

process.send!({
  type: 'ready',
  appUrl: url(app),
  bareUrl: url(bare),
  rssMb: rssMb(),
  demo: { slug: DEMO_SLUG, year: DEMO_RESULTS_YEAR, username: demo.username, password: demo.password },
});
