/**
 * The real app for browser journeys: `buildApp` on a fresh, migrated SQLite file, listening on an
 * ephemeral port of 127.0.0.1. The dialect matrix is the integration tests' job; here one
 * database is enough, because what the journeys prove is the pages, forms and files end to end.
 * A one-time setup link is issued the way src/main.ts prints it on an empty database.
 *
 * With PRONGSAI_BROWSER_SERVER=compiled (what `npm test` and CI set, after `npm run build`) the
 * journeys run against the production build instead: `node dist/main.js` as its own process on the
 * same migrated SQLite file, started as an operator starts it, with no TypeScript at run time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices } from '../../../src/app.js';
import type { Config } from '../../../src/config/index.js';
import { systemClock } from '../../../src/shared/clock.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:43127 (no trailing slash). */
  baseUrl: string;
  /** The one-time first-run link, as the console prints it. */
  /** The first-run page, and the one-time code the console prints (typed into the page, never in a URL). */
  setupUrl: string;
  setupCode: string;
  app: FastifyInstance;
  /** The server's database and config, to seed data (the demo agency) the way the CLI does. */
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  if (process.env.PRONGSAI_BROWSER_SERVER === 'compiled') return startCompiledServer();
  const database = await openTestDatabase('sqlite');
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-browser-data-'));
  const config = browserConfig(database, dataDir);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ config, db: database.db, dialect: database.dialect, clock: systemClock, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const { users } = createServices({ db: database.db, clock: systemClock, config });
    const token = await users.issueSetupToken();
    const running = app;
    return {
      baseUrl,
      setupUrl: `${baseUrl}/setup`,
      setupCode: token,
      app: running,
      database,
      config,
      close: async () => {
        await running.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function browserConfig(database: TestDatabase, dataDir: string): Config {
  return Object.freeze({
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    database: database.configDatabase,
    dataDir,
    sessionSecret: 'browser-test-secret-browser-test-secret-0123',
    // Only printed links use it; http keeps the session cookie non-Secure, as on a plain local run.
    publicBaseUrl: 'http://127.0.0.1',
    trustProxy: false,
    maxUploadBytes: 10 * 1024 * 1024,
    logLevel: 'silent',
  });
}

const ROOT = join(import.meta.dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startCompiledServer(): Promise<RunningServer> {
  const entry = join(ROOT, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`PRONGSAI_BROWSER_SERVER=compiled needs the production build: run \`npm run build\` first (${entry} is missing)`);
  const database = await openTestDatabase('sqlite');
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-browser-data-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.configDatabase.kind === 'sqlite' ? database.configDatabase.file : '',
      DATA_DIR: dataDir,
      SESSION_SECRET: 'browser-test-secret-browser-test-secret-0123',
      PUBLIC_BASE_URL: 'http://127.0.0.1',
      MAX_UPLOAD_MB: '10',
      LOG_LEVEL: 'warn',
      REMINDER_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the compiled server exited with ${child.exitCode}:\n${output.join('')}`);
      try {
        if ((await fetch(`${baseUrl}/readyz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the compiled server did not become ready in 30 s:\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const config = browserConfig(database, dataDir);
    const { users } = createServices({ db: database.db, clock: systemClock, config });
    const token = await users.issueSetupToken();
    return {
      baseUrl,
      setupUrl: `${baseUrl}/setup`,
      setupCode: token,
      get app(): FastifyInstance {
        throw new Error('server.app is not available against the compiled server: drive the journey through pages, or seed through the database');
      },
      database,
      config,
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
