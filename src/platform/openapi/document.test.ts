import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, isApiRoute, jsonResponse, jsonSchemaOf, openApiPath, OpenApiConflictError } from './document.js';

const op = (id: string) => ({ operationId: id, summary: id, responses: { '200': jsonResponse('ok', { type: 'object' }) } });

describe('OpenAPI document', () => {
  it('merges module contributions and always carries the shared error schema', () => {
    const doc = buildOpenApiDocument([
      { paths: { '/a/{slug}/api/x': { get: op('getX') } }, schemas: { XThing: { type: 'string' } } },
      { paths: { '/a/{slug}/api/x': { post: op('postX') }, '/api/y': { get: op('getY') } } },
    ]);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/a/{slug}/api/x', '/api/y']);
    expect(Object.keys(doc.paths['/a/{slug}/api/x']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Error', 'XThing']);
  });

  it('refuses two modules describing the same operation or schema name', () => {
    expect(() => buildOpenApiDocument([{ paths: { '/api/x': { get: op('a') } } }, { paths: { '/api/x': { get: op('b') } } }])).toThrow(OpenApiConflictError);
    expect(() => buildOpenApiDocument([{ paths: {}, schemas: { Error: {} } }])).toThrow(/Error is defined twice/);
  });

  it('converts Fastify paths and recognises API routes by their api segment', () => {
    expect(openApiPath('/a/:slug/api/corruption-reports')).toBe('/a/{slug}/api/corruption-reports');
    expect(isApiRoute('/a/:slug/api/complaint-key')).toBe(true);
    expect(isApiRoute('/api/x')).toBe(true);
    expect(isApiRoute('/a/:slug/apiary')).toBe(false);
    expect(isApiRoute('/admin/oit')).toBe(false);
  });

  it('describes zod schemas as JSON Schema 2020-12 without a $schema per fragment', () => {
    const s = jsonSchemaOf(z.object({ a: z.string().min(1), b: z.boolean().default(false) }), 'input');
    expect(s.$schema).toBeUndefined();
    expect(s).toMatchObject({ type: 'object', properties: { a: { type: 'string', minLength: 1 }, b: { type: 'boolean' } }, required: ['a'] });
  });
});
