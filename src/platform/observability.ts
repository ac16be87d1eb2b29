/**
 * What an operator's tools ask of a running instance: `GET /healthz` (the process answers),
 * `GET /readyz` (database reachable, migrations current, file store writable — 503 otherwise, so
 * a load balancer stops sending traffic), `GET /metrics` (Prometheus text, only with
 * `METRICS_TOKEN`), and one structured log line per request.
 *
 * Nothing here carries content: metrics are counted by route *pattern* (`/a/:slug/oit/:year`),
 * never by URL, and the request log names the pattern, status and duration only — a query string
 * can hold a token or a citizen's search, and a URL can name a person.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { migrationStatus } from '../db/index.js';
import { withDeploymentScope } from '../db/tenant-scope.js';

/** One sample of a gauge: labels and a value. */
export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

/** A gauge a module contributes (counts by state, queue lengths) — numbers only, never content. */
export interface GaugeSource {
  name: string;
  help: string;
  collect(): Promise<GaugeSample[]>;
}

export interface ObservabilityOptions {
  db: Kysely<any>;
  dataDir: string;
  version: string;
  /** Without a token `/metrics` answers 404: nothing is exposed by default. */
  metricsToken?: string;
  poolStats?: () => { total: number; idle: number; waiting: number };
  gauges?: GaugeSource[];
}

// Upper bounds in seconds: a public page should stay under 50 ms, a document render under 2 s.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OPERATIONAL = new Set(['/healthz', '/readyz', '/metrics']);

interface RouteStats {
  count: Map<number, number>;
  buckets: number[];
  sum: number;
  total: number;
}

/** Per-process request statistics; Prometheus sums instances itself, so nothing is shared. */
class RequestMetrics {
  private readonly routes = new Map<string, RouteStats>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route}`;
    let stats = this.routes.get(key);
    if (!stats) {
      stats = { count: new Map(), buckets: BUCKETS.map(() => 0), sum: 0, total: 0 };
      this.routes.set(key, stats);
    }
    stats.count.set(status, (stats.count.get(status) ?? 0) + 1);
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) stats.buckets[i]! += 1;
    });
    stats.sum += seconds;
    stats.total += 1;
  }

  render(): string[] {
    const lines = [
      '# HELP prongsai_http_requests_total HTTP requests by method, route pattern and status.',
      '# TYPE prongsai_http_requests_total counter',
    ];
    const durations = [
      '# HELP prongsai_http_request_duration_seconds Time to answer, by method and route pattern.',
      '# TYPE prongsai_http_request_duration_seconds histogram',
    ];
    for (const [key, stats] of this.routes) {
      const [method, route] = splitKey(key);
      const base = `method="${method}",route="${escapeLabel(route)}"`;
      for (const [status, n] of stats.count) lines.push(`prongsai_http_requests_total{${base},status="${status}"} ${n}`);
      BUCKETS.forEach((bound, i) => durations.push(`prongsai_http_request_duration_seconds_bucket{${base},le="${bound}"} ${stats.buckets[i]}`));
      durations.push(`prongsai_http_request_duration_seconds_bucket{${base},le="+Inf"} ${stats.total}`);
      durations.push(`prongsai_http_request_duration_seconds_sum{${base}} ${stats.sum.toFixed(6)}`);
      durations.push(`prongsai_http_request_duration_seconds_count{${base}} ${stats.total}`);
    }
    return [...lines, ...durations];
  }
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(' ');
  return [key.slice(0, at), key.slice(at + 1)];
}

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function renderGauge(source: GaugeSource, samples: GaugeSample[]): string[] {
  const lines = [`# HELP ${source.name} ${source.help}`, `# TYPE ${source.name} gauge`];
  for (const s of samples) {
    const labels = Object.entries(s.labels ?? {})
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
      .join(',');
    lines.push(`${source.name}${labels ? `{${labels}}` : ''} ${s.value}`);
  }
  return lines;
}

/** Constant-time comparison of the bearer token (hashing first makes the lengths equal). */
function tokenMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const a = createHash('sha256').update(match[1]!).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface ReadinessCheck {
  name: 'database' | 'migrations' | 'files';
  ok: boolean;
  detail?: string;
}

/** Runs the three readiness checks; each is bounded so a hung database cannot hang the probe. */
export async function checkReadiness(opts: Pick<ObservabilityOptions, 'db' | 'dataDir'>): Promise<ReadinessCheck[]> {
  const withTimeout = <T>(p: Promise<T>, ms = 3000) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
  const checks: ReadinessCheck[] = [];
  let databaseUp = false;
  try {
    await withTimeout(sql`select 1`.execute(opts.db));
    databaseUp = true;
    checks.push({ name: 'database', ok: true });
  } catch (error) {
    checks.push({ name: 'database', ok: false, detail: shortError(error) });
  }
  if (databaseUp) {
    try {
      const status = await withTimeout(migrationStatus(opts.db));
      checks.push(
        status.pending.length === 0
          ? { name: 'migrations', ok: true }
          : { name: 'migrations', ok: false, detail: `${status.pending.length} pending` },
      );
    } catch (error) {
      checks.push({ name: 'migrations', ok: false, detail: shortError(error) });
    }
  } else {
    checks.push({ name: 'migrations', ok: false, detail: 'database unreachable' });
  }
  try {
    const dir = join(opts.dataDir, 'files');
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.ready-${randomBytes(6).toString('hex')}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
    checks.push({ name: 'files', ok: true });
  } catch (error) {
    checks.push({ name: 'files', ok: false, detail: shortError(error) });
  }
  return checks;
}

// Error texts can carry a connection string; keep the first line and drop anything URL-like.
function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/\b[a-z]+:\/\/\S+/gi, '<url>').slice(0, 200);
}

export async function registerObservability(app: FastifyInstance, opts: ObservabilityOptions): Promise<void> {
  const metrics = new RequestMetrics();

  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs (scanners) are pooled under one label so they cannot grow the metric set.
    const route = request.routeOptions.url ?? '(unmatched)';
    const seconds = reply.elapsedTime / 1000;
    if (!OPERATIONAL.has(route)) metrics.observe(request.method, route, reply.statusCode, seconds);
    request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', version: opts.version, uptimeSeconds: Math.round(process.uptime()) };
  });

  app.get('/readyz', async (_request, reply) => {
    const checks = await checkReadiness(opts);
    const ready = checks.every((c) => c.ok);
    reply.header('cache-control', 'no-store');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', version: opts.version, checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (!opts.metricsToken) return reply.callNotFound();
    if (!tokenMatches(request.headers.authorization, opts.metricsToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: { status: 401, message: 'ต้องส่ง METRICS_TOKEN ในส่วนหัว Authorization' } });
    }
    const lines = metrics.render();
    const pool = opts.poolStats?.();
    if (pool) {
      lines.push(
        '# HELP prongsai_db_pool_connections Database connections by state.',
        '# TYPE prongsai_db_pool_connections gauge',
        `prongsai_db_pool_connections{state="total"} ${pool.total}`,
        `prongsai_db_pool_connections{state="idle"} ${pool.idle}`,
        `prongsai_db_pool_connections{state="waiting"} ${pool.waiting}`,
      );
    }
    const memory = process.memoryUsage();
    lines.push(
      '# HELP prongsai_process_resident_memory_bytes Resident memory of this instance.',
      '# TYPE prongsai_process_resident_memory_bytes gauge',
      `prongsai_process_resident_memory_bytes ${memory.rss}`,
    );
    for (const source of opts.gauges ?? []) {
      try {
        // Deployment-wide counts: under row-level security a request without a tenant sees no rows.
        lines.push(...renderGauge(source, await withDeploymentScope('metrics', () => source.collect())));
      } catch (error) {
        // One failing source must not hide the others; the scrape shows it as missing.
        request.log.warn({ gauge: source.name, err: error }, 'metrics source failed');
      }
    }
    reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8');
    return `${lines.join('\n')}\n`;
  });
}

/** What the deployment administrator's system page shows: version, database, migrations, checks. */
export interface SystemStatus {
  version: string;
  dialect: 'sqlite' | 'postgres';
  migrations: { applied: string[]; pending: string[] };
  checks: ReadinessCheck[];
}

export async function readSystemStatus(opts: { db: Kysely<any>; dataDir: string; version: string; dialect: 'sqlite' | 'postgres' }): Promise<SystemStatus> {
  const [migrations, checks] = await Promise.all([migrationStatus(opts.db), checkReadiness(opts)]);
  return { version: opts.version, dialect: opts.dialect, migrations, checks };
}
