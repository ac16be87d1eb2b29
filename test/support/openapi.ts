/**
 * Validates a real response (from inject) against the served OpenAPI document: the operation is
 * found by matching the request's path to the document's path templates, and the body is checked
 * with ajv (JSON Schema 2020-12, formats on) against the schema for that method and status.
 * A response whose status the document does not list fails too: an undocumented answer is a bug.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../src/platform/openapi/index.js';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const cache = new WeakMap<FastifyInstance, { doc: OpenApiDocument; ajv: Ajv2020 }>();

/** The document as the server serves it (GET /openapi.json), loaded into ajv once per app. */
export async function servedOpenApi(app: FastifyInstance): Promise<{ doc: OpenApiDocument; ajv: Ajv2020 }> {
  const hit = cache.get(app);
  if (hit) return hit;
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`);
  const doc = res.json() as OpenApiDocument;
  // strict off: the document's own keys (openapi, info, paths…) are not JSON Schema keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc as unknown as object, 'openapi.json');
  const entry = { doc, ajv };
  cache.set(app, entry);
  return entry;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The document's path template matching a concrete URL path, e.g. /a/demo/api/x → /a/{slug}/api/x. */
export function matchPath(doc: OpenApiDocument, urlPath: string): string | undefined {
  return Object.keys(doc.paths).find((template) => {
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return re.test(urlPath);
  });
}

/**
 * Throws with ajv's messages unless `res` matches the document for `method` `url`.
 * @example await expectMatchesOpenApi(t.app, 'post', '/a/test-town/api/corruption-reports', res);
 */
export async function expectMatchesOpenApi(app: FastifyInstance, method: string, url: string, res: LightMyRequestResponse): Promise<void> {
  const { doc, ajv } = await servedOpenApi(app);
  const urlPath = url.split('?')[0]!;
  const template = matchPath(doc, urlPath);
  if (!template) throw new Error(`OpenAPI: no path in the document matches ${urlPath}`);
  const m = method.toLowerCase();
  const op = doc.paths[template]?.[m as 'get'];
  if (!op) throw new Error(`OpenAPI: ${m.toUpperCase()} ${template} is not described`);
  const status = String(res.statusCode);
  const response = op.responses[status];
  if (!response) throw new Error(`OpenAPI: ${m.toUpperCase()} ${template} does not list status ${status} (body: ${res.body.slice(0, 300)})`);
  const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!response.content) {
    if (res.body.length > 0) throw new Error(`OpenAPI: ${status} of ${m.toUpperCase()} ${template} has no body in the document but the server sent one`);
    return;
  }
  if (!response.content[contentType]) throw new Error(`OpenAPI: ${status} of ${m.toUpperCase()} ${template} is not described as ${contentType}`);
  const pointer = `openapi.json#/paths/${escapePointer(template)}/${m}/responses/${status}/content/${escapePointer(contentType)}/schema`;
  const validate = ajv.getSchema(pointer);
  if (!validate) throw new Error(`OpenAPI: cannot compile ${pointer}`);
  const body: unknown = contentType === 'application/json' ? res.json() : res.body;
  if (!validate(body)) {
    throw new Error(`OpenAPI: ${m.toUpperCase()} ${urlPath} → ${status} does not match the document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\nbody: ${res.body.slice(0, 500)}`);
  }
}
