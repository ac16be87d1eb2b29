/**
 * The one OpenAPI document: served by the real app, well-formed enough for ajv to compile every
 * response schema, and in step with the routes — every registered API route is described and
 * every described route exists. Module tests validate their real responses with
 * expectMatchesOpenApi (test/support/openapi.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { expectMatchesOpenApi, servedOpenApi } from '../../support/openapi.js';
import { HTTP_METHODS, registeredApiRoutes } from '../../../src/platform/openapi/index.js';

describe.each(DIALECTS)('OpenAPI document (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('is served as OpenAPI 3.1 JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it('describes exactly the API routes the app registers', async () => {
    const { doc } = await servedOpenApi(t.app);
    const described = Object.entries(doc.paths).flatMap(([path, ops]) => HTTP_METHODS.filter((m) => ops[m]).map((m) => `${m} ${path}`));
    const registered = registeredApiRoutes(t.app)
      .filter((r) => r.method !== 'head')
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(registered)].sort()).toEqual(described.sort());
  });

  it('compiles every response schema and every operation has a unique operationId', async () => {
    const { doc, ajv } = await servedOpenApi(t.app);
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const m of HTTP_METHODS) {
        const op = ops[m];
        if (!op) continue;
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        for (const [status, r] of Object.entries(op.responses)) {
          for (const type of Object.keys(r.content ?? {})) {
            const ptr = `openapi.json#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${m}/responses/${status}/content/${type.replace(/\//g, '~1')}/schema`;
            expect(ajv.getSchema(ptr), ptr).toBeTypeOf('function');
          }
        }
      }
    }
  });

  it('the validator rejects a body that does not match (it can fail)', async () => {
    const { doc } = await servedOpenApi(t.app);
    // Exercise the helper on the shared error shape through a real 404 of an API path when one exists.
    const anyPath = Object.keys(doc.paths)[0];
    if (!anyPath) {
      await expect(expectMatchesOpenApi(t.app, 'get', '/api/nothing-here', await t.app.inject({ method: 'GET', url: '/api/nothing-here' }))).rejects.toThrow(/no path/);
      return;
    }
    const fake = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '"not what the document says"', json: () => 'not what the document says' };
    const url = anyPath.replace(/\{[^}]+\}/g, 'x');
    const method = HTTP_METHODS.find((m) => doc.paths[anyPath]![m])!;
    const status = Object.keys(doc.paths[anyPath]![method]!.responses)[0]!;
    await expect(expectMatchesOpenApi(t.app, method, url, { ...fake, statusCode: Number(status) } as never)).rejects.toThrow(/OpenAPI/);
  });
});
