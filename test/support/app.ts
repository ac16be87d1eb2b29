/**
 * buildTestApp: the real app on a real database of the given dialect, with a fixed clock if
 * asked, plus a cookie-keeping client that submits forms with their CSRF token like a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { parse, type HTMLElement } from 'node-html-parser';
import { buildApp, createServices, type Services } from '../../src/app.js';
import type { Config } from '../../src/config/index.js';
import type { Dialect } from '../../src/db/portable.js';
import { systemClock, type Clock } from '../../src/shared/clock.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import type { Role } from '../../src/shared/permissions.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  services: Services;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export async function buildTestApp(
  dialect: Dialect,
  opts: {
    clock?: Clock;
    maxUploadBytes?: number;
    config?: Partial<Config>;
    outboundAllowPrivate?: string[];
    logger?: boolean | Record<string, unknown>;
    /** Wraps the connection the app and services use (e.g. a Kysely plugin that injects a failure). */
    wrapDb?: (db: Kysely<any>) => Kysely<any>;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-data-'));
  const config: Config = Object.freeze({
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    database: database.configDatabase,
    dataDir,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    publicBaseUrl: 'http://127.0.0.1:3000',
    trustProxy: false,
    maxUploadBytes: opts.maxUploadBytes ?? 100 * 1024 * 1024,
    logLevel: 'silent',
    // Outbound fetches reach only public addresses unless a test names the ranges it listens on.
    ...(opts.outboundAllowPrivate ? { outboundAllowPrivate: opts.outboundAllowPrivate } : {}),
    ...opts.config,
  });
  const clock = opts.clock ?? systemClock;
  const db = opts.wrapDb ? opts.wrapDb(database.db) : database.db;
  const app = await buildApp({ config, db, dialect, clock, logger: opts.logger ?? false, ...(database.poolStats ? { poolStats: database.poolStats } : {}) });
  await app.ready();
  const services = createServices({ db, clock, config });
  return {
    app,
    database,
    services,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN_PASSWORD = 'correct-horse-battery';

/** First-run setup through the real pages; returns a signed-in client of the administrator. */
export async function setUpAgency(t: TestApp, overrides: Record<string, string> = {}): Promise<TestClient> {
  const token = await t.services.users.issueSetupToken();
  const client = new TestClient(t.app);
  await client.get('/setup');
  const res = await client.submit('/setup', {
    setupCode: token,
    'agency.nameTh': 'เทศบาลตำบลทดสอบ',
    'agency.slug': 'test-town',
    'agency.type': 'subdistrict_municipality',
    'agency.province': 'ศรีสะเกษ',
    'agency.digits': 'thai',
    units: 'สำนักปลัด\nกองคลัง\nกองช่าง',
    'admin.displayName': 'ผู้ดูแล ทดสอบ',
    'admin.username': 'admin',
    'admin.password': ADMIN_PASSWORD,
    'admin.passwordConfirm': ADMIN_PASSWORD,
    ...overrides,
  });
  if (res.statusCode !== 303) throw new Error(`setup failed: ${res.statusCode} ${res.body.slice(0, 2000)}`);
  return client;
}

/** A browser-like client: keeps cookies, remembers the last page's CSRF token. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      // light-my-request hands back decoded values; a browser sends them back encoded as received.
      else this.cookies.set(c.name, encodeURIComponent(c.value));
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }

  /** The same browser (cookies, CSRF token) talking to another app instance (two instances behind a proxy). */
  onApp(app: FastifyInstance): TestClient {
    const other = new TestClient(app);
    other.cookies = new Map(this.cookies);
    other.csrf = this.csrf;
    return other;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, ...headers } });
    this.remember(res);
    return res;
  }

  /** POSTs a urlencoded form with the current CSRF token (fetch a page with the form first). */
  async submit(url: string, fields: Record<string, string | string[]>, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (opts.csrf !== false) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(res);
    return res;
  }

  /** POSTs multipart/form-data (files and fields); the CSRF token is the first field, as our forms send it. */
  async upload(
    url: string,
    fields: Record<string, string>,
    files: { field: string; filename: string; content: Buffer; contentType?: string }[],
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    form.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.content)], { type: f.contentType ?? 'application/octet-stream' }), f.filename);
    const request = new Request('http://x/', { method: 'POST', body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader, 'content-type': request.headers.get('content-type')! },
      payload,
    });
    this.remember(res);
    return res;
  }
}

export const html = (body: string): HTMLElement => parse(body);
/** Visible text of the page's main element, whitespace folded. */
/** How many rows a table holds now (to show a refused request stored nothing). */
export async function rowCount(t: Pick<TestApp, 'database'>, table: string): Promise<number> {
  const r = await (t.database.db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export const mainText = (body: string): string => (parse(body).querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Signs in through the real login form; throws if it does not redirect. */
export async function signIn(t: TestApp, username: string, password: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  await client.get('/login');
  const res = await client.submit('/login', { username, password });
  if (res.statusCode !== 303) throw new Error(`sign-in of ${username} failed: ${res.statusCode}`);
  return client;
}

/** Creates a staff account of the agency with the given roles and returns it signed in. */
export async function staffClient(t: TestApp, agencyId: string, username: string, roles: Role[], unitId: string | null = null): Promise<TestClient> {
  const password = `${username}-password-1`;
  await t.services.users.createUser({ userId: null, label: 'test' }, agencyId, {
    username,
    displayName: `ผู้ทดสอบ ${username}`,
    email: null,
    password,
    passwordConfirm: password,
    roles,
    unitId,
  });
  return signIn(t, username, password);
}
