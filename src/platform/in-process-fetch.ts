/**
 * A fetch that answers from the app itself through Fastify's inject — no socket, no network.
 * Checks of the product's own public pages (the self-audit of the built-in portal) use it, so
 * the server never makes HTTP requests to itself and outbound fetches can refuse its origin.
 */
import type { FastifyInstance } from 'fastify';

export type InProcessFetch = (url: string, init?: { method?: string; headers?: Record<string, string> }) => Promise<Response>;

export function inProcessFetch(app: FastifyInstance): InProcessFetch {
  return async (url, init = {}) => {
    const u = new URL(url);
    const method = init.method === 'HEAD' ? 'HEAD' : 'GET';
    const res = await app.inject({ method, url: u.pathname + u.search, headers: init.headers });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    const noBody = res.statusCode === 204 || res.statusCode === 304 || method === 'HEAD';
    return new Response(noBody ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}
