/**
 * A @fastify/rate-limit store in the database, so every app instance counts against the same
 * limit (the plugin's default store is one process's memory: with two instances behind a proxy
 * a client would get twice the sign-in attempts). One row per route, client key and window,
 * updated in one atomic upsert; the client key is kept only as an HMAC under the session
 * secret, and rows are removed once their window is over.
 */
import { createHmac } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from './tables.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export interface RateLimitStoreDeps {
  db: Kysely<PlatformTables>;
  secret: string;
  now?: () => number;
}

/** How often (at most) one instance sweeps expired rows. */
const SWEEP_EVERY_MS = 60_000;

/** The store class the plugin instantiates (`store:` option); `child` makes one per route. */
export function databaseRateLimitStore(deps: RateLimitStoreDeps) {
  const now = deps.now ?? Date.now;
  let lastSweep = 0;
  const keyOf = (route: string, key: string) => createHmac('sha256', `${deps.secret}:rate-limit`).update(`${route}\n${key}`).digest('base64url');

  async function hit(route: string, key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    const t = now();
    const id = keyOf(route, key);
    const row = await deps.db
      .insertInto('rate_limit_hits')
      .values({ key: id, hits: 1, window_start: t, expires_at: t + timeWindow })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          // A window that is over starts again at 1; otherwise the count goes up by one.
          hits: sql<number>`case when rate_limit_hits.expires_at <= ${t} then 1 else rate_limit_hits.hits + 1 end`,
          window_start: sql<number>`case when rate_limit_hits.expires_at <= ${t} then ${t} else rate_limit_hits.window_start end`,
          expires_at: sql<number>`case when rate_limit_hits.expires_at <= ${t} then ${t + timeWindow} else rate_limit_hits.expires_at end`,
        }),
      )
      .returning(['hits', 'expires_at'])
      .executeTakeFirstOrThrow();
    if (t - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = t;
      await deps.db.deleteFrom('rate_limit_hits').where('expires_at', '<=', t).execute();
    }
    return { current: Number(row.hits), ttl: Math.max(0, Number(row.expires_at) - t) };
  }

  async function peek(route: string, key: string): Promise<{ current: number; ttl: number }> {
    const t = now();
    const row = await deps.db.selectFrom('rate_limit_hits').select(['hits', 'expires_at']).where('key', '=', keyOf(route, key)).executeTakeFirst();
    if (!row || Number(row.expires_at) <= t) return { current: 0, ttl: 0 };
    return { current: Number(row.hits), ttl: Number(row.expires_at) - t };
  }

  return class DatabaseRateLimitStore {
    constructor(
      _globalParams?: unknown,
      private readonly route = 'global',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(this.route, key, timeWindow).then(
        (r) => callback(null, r),
        (error: unknown) => callback(error as Error),
      );
    }

    read(key: string, callback: Callback): void {
      peek(this.route, key).then(
        (r) => callback(null, r),
        (error: unknown) => callback(error as Error),
      );
    }

    child(params: { routeInfo?: { method?: string | string[]; url?: string }; groupId?: string }): DatabaseRateLimitStore {
      const info = params.routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, params.groupId ?? `${[info.method ?? ''].flat().join(',')} ${info.url ?? ''}`);
    }
  };
}
