/**
 * The one OpenAPI 3.1 document that describes every public JSON API (served at GET /openapi.json).
 * Modules contribute their paths through their manifest (`openapi` in ModuleManifest); the
 * platform merges them, adds the shared error shape and refuses two modules claiming the same
 * operation or schema name — a silent overwrite would describe one module's API with another's.
 *
 * Schemas are JSON Schema 2020-12 (the dialect OpenAPI 3.1 uses). Modules usually write them
 * once in zod and convert with `jsonSchemaOf`, so the validator and the description cannot drift.
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description?: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
}

export type OpenApiPaths = Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;

/** What one module adds to the document. */
export interface OpenApiContribution {
  /** Paths in OpenAPI form (`/a/{slug}/api/…`), as the module's routes register them (`/a/:slug/api/…`). */
  paths: OpenApiPaths;
  /** Named schemas, referenced as `#/components/schemas/<Name>`. Names should carry the module's prefix. */
  schemas?: Record<string, JsonSchema>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  paths: OpenApiPaths;
  components: { schemas: Record<string, JsonSchema> };
}

/** The error body every JSON API answers with on 4xx/5xx (see platform/error-handler.ts). */
export const ERROR_SCHEMA_NAME = 'Error';
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['status', 'message'],
      additionalProperties: false,
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        message: { type: 'string', description: 'ข้อความภาษาไทยสำหรับผู้ใช้' },
        fields: {
          type: 'array',
          description: 'ข้อผิดพลาดรายช่อง (เมื่อข้อมูลที่ส่งมาไม่ถูกต้อง)',
          items: {
            type: 'object',
            required: ['field', 'message'],
            additionalProperties: false,
            properties: { field: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** A response described by the shared error schema, for a module's `responses` map. */
export const errorResponse = (description: string): OpenApiResponse => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } } },
});

/** A JSON response body with the given schema. */
export const jsonResponse = (description: string, schema: JsonSchema): OpenApiResponse => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * JSON Schema 2020-12 of a zod schema. `io: 'input'` describes what a client may send (defaults
 * optional), `'output'` what the server answers.
 * @example jsonSchemaOf(reportInput, 'input')
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

export class OpenApiConflictError extends Error {}

export function buildOpenApiDocument(contributions: readonly OpenApiContribution[], version = '1'): OpenApiDocument {
  const paths: OpenApiPaths = {};
  const schemas: Record<string, JsonSchema> = { [ERROR_SCHEMA_NAME]: ERROR_SCHEMA };
  for (const c of contributions) {
    for (const [path, ops] of Object.entries(c.paths)) {
      const target = (paths[path] ??= {});
      for (const method of HTTP_METHODS) {
        const op = ops[method];
        if (!op) continue;
        if (target[method]) throw new OpenApiConflictError(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
        target[method] = op;
      }
    }
    for (const [name, schema] of Object.entries(c.schemas ?? {})) {
      if (schemas[name]) throw new OpenApiConflictError(`OpenAPI: schema ${name} is defined twice`);
      schemas[name] = schema;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Prongsai (โปร่งใส) public JSON API',
      version,
      description: 'API สาธารณะของระบบโปร่งใส ทุกเส้นทางที่ตอบเป็น JSON อธิบายไว้ในเอกสารนี้ฉบับเดียว',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas },
  };
}

/** `/a/:slug/api/x` (Fastify) → `/a/{slug}/api/x` (OpenAPI). */
export const openApiPath = (fastifyUrl: string): string => fastifyUrl.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Whether a route is a public JSON API that must be in the document: any path with an `api` segment. */
export const isApiRoute = (url: string): boolean => /(^|\/)api(\/|$)/.test(url);
