/**
 * Two app instances on one PostgreSQL (docs/deployment.md §9): nothing a request relies on for
 * correctness lives in one process's memory. Each instance has its own pool and its own
 * in-memory state, as two processes behind a proxy would; only the database is shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { openDatabase, type Db } from '../../../src/db/index.js';
import { DIALECTS, TEST_APP_POSTGRES_URL } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';

describe.runIf(DIALECTS.includes('postgres'))('two app instances on one PostgreSQL', () => {
  let one: TestApp;
  let secondDb: Db;
  let two: FastifyInstance;

  beforeAll(async () => {
    one = await buildTestApp('postgres');
    secondDb = openDatabase({ kind: 'postgres', url: TEST_APP_POSTGRES_URL }, { schema: one.database.pgSchema!, max: 4 });
    two = await buildApp({ config: one.config, db: secondDb.db, dialect: 'postgres', logger: false });
    await two.ready();
  });
  afterAll(async () => {
    await two?.close();
    await secondDb?.close();
    await one?.close();
  });

  it('a session made on one instance works on the other, and signing out on one ends it on both', async () => {
    const onOne = await setUpAgency(one);
    expect((await onOne.get('/admin')).statusCode).toBe(200);
    const onTwo = onOne.onApp(two);
    const page = await onTwo.get('/admin');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('เทศบาลตำบลทดสอบ');
    // A form rendered by one instance is accepted by the other (CSRF is not per process either).
    await onOne.get('/admin/agency');
    const saved = await onOne.onApp(two).submit('/logout', {});
    expect(saved.statusCode).toBe(303);
    const after = await onOne.get('/admin');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
  });

  it('a rate limit counts requests to both instances together', async () => {
    // POST /setup allows 10 a minute per client address; alternating instances, each sees 5 when
    // the 10th is spent: with per-process counters neither would ever refuse.
    const post = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/setup?token=x', remoteAddress: '192.0.2.77', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(i % 2 ? two : one.app)).statusCode);
    const eleventh = (await post(two)).statusCode;
    const twelfth = (await post(one.app)).statusCode;
    console.log(`POST /setup from one address over two instances: ${statuses.join(',')} then ${eleventh}, ${twelfth}`);
    expect(statuses).not.toContain(429);
    expect([eleventh, twelfth]).toEqual([429, 429]);
    // Another address is not affected.
    expect((await one.app.inject({ method: 'POST', url: '/setup?token=x', remoteAddress: '192.0.2.78', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' })).statusCode).not.toBe(429);
  });
});
