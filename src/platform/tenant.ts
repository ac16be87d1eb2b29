/**
 * The tenant resolver (docs/adr/0008-tenancy-and-row-level-security.md): every request learns
 * once which agency it acts for, as `request.tenant`, and runs its database work in that
 * agency's scope (row-level security on PostgreSQL).
 *
 * - Public pages by slug: `/a/{slug}/…` → the agency with that slug.
 * - Public pages by host name: a request whose Host is an agency's own `host_name`
 *   (e.g. `ita.pruyai.go.th`) is that agency's: `/a/{its-slug}/…` works as everywhere, and every
 *   other path not reserved below is that agency's public page at `/a/{its-slug}{path}`
 *   (`/` → its home, `/oit/2569/O12` → its OIT item…); `/a/{another-slug}/…` is 404 there.
 *   Reserved on every host: `/assets/`, staff and account pages, health, metrics and OpenAPI.
 * - Staff pages: the signed-in member's agency, from the session (set by the platform).
 * Lifecycle, the same whichever way an agency is reached: an archived agency's public pages do
 * not exist (404); a suspended agency's answer 503 with the reason (`unavailable`).
 */
import { AsyncResource } from 'node:async_hooks';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyDirectory, TenantAgency } from './identity.js';
import { enterScopeCell, setScope } from '../db/tenant-scope.js';
import { notFound } from '../shared/errors.js';
import { expiringCache } from './expiring-cache.js';

export { withDeploymentScope, withTenant, currentScope, type DeploymentReason } from '../db/tenant-scope.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The agency this request acts for: the public page's agency (by slug or host name), else
     * the signed-in member's. Null on pages of no agency (sign-in, the deployment's home).
     */
    tenant: TenantAgency | null;
    /** Set when the request came in on an agency's own host name. */
    agencyHost: TenantAgency | null;
  }
}

/** Paths that are never an agency's public page on its own host name. */
export const RESERVED_PATHS = /^\/(a|assets|admin|deployment|login|logout|setup|invite|account|healthz|readyz|metrics|openapi\.json|favicon\.ico)(\/|$|\?|\.)/;
const PUBLIC_AGENCY_PATH = /^\/a\/([^/?#]+)/;

export interface TenantResolverOptions {
  agencies: Pick<AgencyDirectory, 'findBySlug' | 'findByHost' | 'onChange'>;
  /** The deployment's own host name (PUBLIC_BASE_URL's): never an agency's, so not looked up. */
  deploymentHost?: string;
  /** Answers a suspended agency's public address (a page naming the agency and the reason). */
  unavailable(request: FastifyRequest, reply: FastifyReply, agency: TenantAgency): Promise<unknown>;
}

const resource = Symbol('tenant-scope-resource');
type WithResource = FastifyRequest & { [resource]?: AsyncResource };

/**
 * First hook of the app: every request runs in its own, empty tenant scope (AsyncLocalStorage),
 * filled in once the tenant is known. Body parsing resumes in the socket's async context, so the
 * scope is re-entered before validation (as @fastify/request-context does).
 */
export function installTenantScope(app: FastifyInstance): void {
  app.decorateRequest('tenant', null);
  app.decorateRequest('agencyHost', null);
  app.addHook('onRequest', (request, _reply, done) => {
    enterScopeCell(() => {
      (request as WithResource)[resource] = new AsyncResource('prongsai-tenant');
      done();
    });
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const r = (request as WithResource)[resource];
    if (r) r.runInAsyncScope(done, undefined);
    else done();
  });
}

/** The host name of a request, lower-case, without port (X-Forwarded-Host only behind a trusted proxy). */
const hostOf = (request: FastifyRequest): string => (request.hostname ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');

/**
 * The agency of a public page (`/a/{slug}/…` or its own host name), resolved once per request by
 * the platform; 404 when there is none (unknown slug). Archived and suspended agencies never get
 * this far (404 / 503 from the resolver).
 */
export function publicTenant(request: FastifyRequest): TenantAgency {
  if (!request.tenant || !PUBLIC_AGENCY_PATH.test(request.url)) throw notFound('ไม่พบหน่วยงาน');
  return request.tenant;
}

/** The staff session's agency becomes the request's tenant (called by the platform after sign-in is resolved). */
export function setSessionTenant(request: FastifyRequest, agency: TenantAgency): void {
  request.tenant = agency;
  setScope({ kind: 'agency', agencyId: agency.id });
}

/** How long a slug or host name → agency answer is reused by this process. */
const LOOKUP_CACHE_MS = 10_000;
const LOOKUP_CACHE_MAX = 2_000;

/**
 * Slugs and host names rarely change, but every public request would otherwise ask the database
 * which agency it is for (on the public OIT index that query was the largest single cost of a
 * request). Answers are kept a few seconds per process:
 * - a change made through this process (suspension, new agency, profile) empties the cache at
 *   once (`AgencyDirectory.onChange`); another instance's change shows within LOOKUP_CACHE_MS;
 * - host misses are kept too (health checks, addresses by IP or the deployment's other names
 *   would otherwise query on every request); slug misses are not, so a new agency created in
 *   another instance or a shared transaction is never hidden;
 * - the agency is the value, so a stale entry can only be stale, never another agency's;
 * - bounded: a client cannot grow it with made-up Host headers or slugs.
 */
export function tenantLookupCache(now: () => number = Date.now) {
  const cache = expiringCache<TenantAgency | undefined>({ ttlMs: LOOKUP_CACHE_MS, max: LOOKUP_CACHE_MAX, now });
  return {
    get: (key: string, find: () => Promise<TenantAgency | undefined>, keepMiss: boolean): Promise<TenantAgency | undefined> =>
      cache.get(key, find, (agency) => agency !== undefined || keepMiss),
    clear: (): void => cache.clear(),
  };
}

/**
 * Resolves public pages' tenant. Registered after the session hook, so a signed-in member on
 * another agency's public page acts there as a visitor of that agency.
 */
export function registerTenantResolver(app: FastifyInstance, opts: TenantResolverOptions): void {
  const deploymentHost = opts.deploymentHost?.toLowerCase();
  const cache = tenantLookupCache();
  opts.agencies.onChange?.(cache.clear);
  const findByHost = (host: string) => cache.get(`host:${host}`, () => opts.agencies.findByHost(host), true);
  const findBySlug = (slug: string) => cache.get(`slug:${slug}`, () => opts.agencies.findBySlug(slug), false);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const path = request.url;
    const host = hostOf(request);
    // An agency's own address is a DNS name: an IP literal (health checks, direct access) never is.
    const byHost = host && host !== deploymentHost && isIP(host.replace(/^\[|\]$/g, '')) === 0 ? await findByHost(host) : undefined;
    if (byHost && byHost.status !== 'archived') {
      request.agencyHost = byHost;
      if (!RESERVED_PATHS.test(path)) return serveOnAgencyHost(app, request, reply, byHost);
    }
    const slug = PUBLIC_AGENCY_PATH.exec(path)?.[1];
    if (!slug) return;
    let agency: TenantAgency | undefined;
    try {
      agency = await findBySlug(decodeURIComponent(slug).toLowerCase());
    } catch {
      agency = undefined;
    }
    // On an agency's own host only its own pages exist.
    if (request.agencyHost && agency?.id !== request.agencyHost.id) throw notFound('ไม่พบหน่วยงานนี้');
    if (!agency) {
      // No such agency: nothing of any agency is visible to this request.
      request.tenant = null;
      setScope({ kind: 'none' });
      return;
    }
    if (agency.status === 'archived') throw notFound('ไม่พบหน่วยงานนี้');
    if (agency.status === 'suspended') return opts.unavailable(request, reply, agency);
    request.tenant = agency;
    setScope({ kind: 'agency', agencyId: agency.id });
  });
}

/**
 * A path on an agency's own host is its public page under /a/{slug}: answered by the same routes
 * (in process, headers and body passed through), so every public page exists at both addresses
 * with nothing to register twice.
 */
async function serveOnAgencyHost(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, agency: TenantAgency): Promise<unknown> {
  const target = request.url === '/' || request.url.startsWith('/?') ? `/a/${agency.slug}${request.url.slice(1)}` : `/a/${agency.slug}${request.url}`;
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
  const res = await app.inject({
    method: request.method as 'GET',
    url: target,
    headers: request.headers as Record<string, string>,
    remoteAddress: request.ip,
    ...(hasBody ? { payload: request.raw } : {}),
  });
  reply.hijack();
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined || k === 'transfer-encoding' || k === 'connection') continue;
    headers[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  reply.raw.writeHead(res.statusCode, headers);
  reply.raw.end(request.method === 'HEAD' ? undefined : res.rawPayload);
  return reply;
}
