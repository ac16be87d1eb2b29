/**
 * One Cache-Control policy for every response, so no route can forget it:
 * - anything answered to a signed-in staff member, every staff path (/admin, /setup, /login,
 *   /account…) and any response that sets a cookie: `private, no-store` — personal content and
 *   CSRF tokens must never land in a shared cache or the browser's disk cache;
 * - anonymous public pages keep what the route chose (default `no-cache`) and always carry
 *   `Vary: Cookie`, so a cache never serves one visitor's page to a signed-in one or back.
 * Static assets are left alone.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

// /deployment: the deployment administrator's pages; /invite: a one-time invitation link's form.
const PRIVATE_PATHS = /^\/(admin|setup|login|logout|account|api\/admin|deployment|invite)(\/|$|\?|\.)/;

export const isPrivatePath = (url: string): boolean => PRIVATE_PATHS.test(url);

function setsCookie(header: unknown): boolean {
  return Array.isArray(header) ? header.length > 0 : typeof header === 'string' && header.length > 0;
}

export function installCachePolicy(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
    if (request.url.startsWith('/assets/')) return payload;
    if (request.user || isPrivatePath(request.url) || setsCookie(reply.getHeader('set-cookie'))) {
      reply.header('cache-control', 'private, no-store');
    } else if (!reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-cache');
    }
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/\bcookie\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Cookie` : 'Cookie');
    return payload;
  });
}
