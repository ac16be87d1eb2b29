/**
 * Serves the OpenAPI document and keeps a list of the API routes actually registered, so a test
 * can prove that every public JSON route is described (and every described route exists).
 */
import type { FastifyInstance } from 'fastify';
import { HTTP_METHODS, isApiRoute, openApiPath, type OpenApiDocument } from './document.js';

const registered = new WeakMap<FastifyInstance, { method: string; path: string }[]>();

/** Call before any module registers routes. */
export function trackApiRoutes(app: FastifyInstance): void {
  const list: { method: string; path: string }[] = [];
  registered.set(app, list);
  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    for (const m of [route.method].flat()) {
      const method = m.toLowerCase();
      if ((HTTP_METHODS as readonly string[]).includes(method)) list.push({ method, path: openApiPath(route.url) });
    }
  });
}

/** API routes of this app instance, in OpenAPI path form (`/a/{slug}/api/…`). */
export const registeredApiRoutes = (app: FastifyInstance) => registered.get(app) ?? [];

export function serveOpenApi(app: FastifyInstance, document: OpenApiDocument): void {
  const body = JSON.stringify(document);
  app.get('/openapi.json', (_request, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(body),
  );
}
