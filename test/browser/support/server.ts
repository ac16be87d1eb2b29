/**
 * The real app for browser journeys: `buildApp` on a fresh, migrated SQLite file, listening on an
 * ephemeral port of 127.0.0.1. The dialect matrix is the integration tests' job; here one
 * database is enough, because what the journeys prove is the pages, forms and files end to end.
 * A one-time setup link is issued the way src/main.ts prints it on an empty database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices } from '../../../src/app.js';
import type { Config } from '../../../src/config/index.js';
import { systemClock } from '../../../src/shared/clock.js';
import { openTestDatabase } from '../../support/database.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:43127 (no trailing slash). */
  baseUrl: string;
  /** The one-time first-run link, as the console prints it. */
  setupUrl: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const database = await openTestDatabase('sqlite');
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-browser-data-'));
  const config: Config = Object.freeze({
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
      setupUrl: `${baseUrl}/setup?token=${token}`,
      app: running,
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
