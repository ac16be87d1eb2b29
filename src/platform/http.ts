/**
 * Platform plugins every request passes through: security headers with a CSP that allows no
 * inline script, cookies, form bodies, multipart with streaming size limits, CSRF protection on
 * every state-changing request, rate limiting (opt-in per route, counted in the database), static assets, sessions and
 * locale. Registered before any module.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config/index.js';
import type { NavEntry } from '../ui/context.js';
import type { AgencyDirectory, SessionUsers } from './identity.js';
import { parseLocale } from '../ui/i18n.js';
import { csrfBinding, CSRF_COOKIE, FLASH_COOKIE, LOCALE_COOKIE, SESSION_COOKIE } from './request-context.js';
import { installInputGuard } from './input-guard.js';
import { installCachePolicy } from './cache-policy.js';
import { takeMultipartCsrf } from './multipart-csrf.js';
import { installSecurityHeaders } from './security-headers.js';
import { setSessionTenant, withDeploymentScope } from './tenant.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import type { PlatformTables } from './tables.js';
import type { Kysely } from 'kysely';

declare module 'fastify' {
  interface FastifyRequest {
    /** The `_csrf` field read from the front of a multipart body. */
    multipartCsrf: string | undefined;
  }
}

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const ASSETS_DIR = join(here, '..', 'ui', 'assets');
const CLIENT_DIR = join(here, '..', 'client');
const FONTS_DIR = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false on the few routes that must accept a POST without a CSRF token (none yet). */
    csrf?: boolean;
  }
}

/** Who holds the deployment administrator grant; implemented by the deployment module. */
export interface DeploymentRoleSource {
  isDeploymentAdmin(userId: string): Promise<boolean>;
}

export interface PlatformOptions {
  config: Config;
  users: SessionUsers;
  agencies: AgencyDirectory;
  /** Staff navigation of this app, built from the module manifests. */
  navigation: NavEntry[];
  deploymentRoles?: DeploymentRoleSource;
  /** Where rate-limit counters live, shared by every instance (the database). */
  rateLimitDb: Kysely<PlatformTables>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function registerPlatform(app: FastifyInstance, { config, users, agencies, navigation, deploymentRoles, rateLimitDb }: PlatformOptions): Promise<void> {
  const secureCookies = config.trustProxy || config.publicBaseUrl.startsWith('https://');
  await installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: secureCookies,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: 2 * 1024 * 1024 });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 200, fieldSize: 1024 * 1024 },
    // A too-large file must fail the request, not arrive silently truncated.
    throwFileSizeLimit: true,
  });
  // Counters in the database, not this process's memory: every instance counts against one limit.
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore({ db: rateLimitDb, secret: config.sessionSecret }) as never });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    // Never from the query: tokens in URLs reach logs and Referer headers. Multipart forms carry
    // the token as their first field (read by takeMultipartCsrf before this check).
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ?? req.multipartCsrf ?? (req.headers['csrf-token'] as string | undefined),
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: secureCookies },
    // Tokens are bound to the session (a hash of its cookie token), so a token seen before
    // sign-in, or taken from another session, is refused; the secret itself is renewed whenever
    // the session cookie is set or cleared (onSend hook below).
    getUserInfo: (req) => csrfBinding(req),
    csrfOpts: { hmacKey: `${config.sessionSecret}:csrf` },
  });
  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', maxAge: '1h', index: false });
  await app.register(fastifyStatic, { root: CLIENT_DIR, prefix: '/assets/js/', decorateReply: false, maxAge: '1h', index: false });
  await app.register(fastifyStatic, { root: FONTS_DIR, prefix: '/assets/fonts/', decorateReply: false, maxAge: '30d', immutable: true, index: false });
  // app.js is served from the client folder under a stable name used by the layout.
  app.get('/assets/app.js', (_req, reply) => reply.sendFile('app.js', CLIENT_DIR));

  app.decorateRequest('user', null);
  app.decorateRequest('agency', null);
  app.decorateRequest('deploymentAdmin', false);
  app.decorateRequest('locale', 'th');
  app.decorateRequest('flash', null);
  // Per app, not a module-global: two apps in one process (tests, two tenants' previews) keep their own.
  app.decorateRequest('navigation', null as unknown as NavEntry[]);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('multipartCsrf', undefined);

  app.addHook('onRequest', async (request, reply) => {
    request.navigation = navigation;
    if (request.url.startsWith('/assets/')) return;
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = parseLocale(query?.lang);
    if (fromQuery) {
      reply.setCookie(LOCALE_COOKIE, fromQuery, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    }
    request.locale = fromQuery ?? parseLocale(request.cookies[LOCALE_COOKIE]) ?? 'th';

    const flash = request.cookies[FLASH_COOKIE];
    if (flash) {
      const unsigned = request.unsignCookie(flash);
      if (unsigned.valid && unsigned.value) request.flash = decodeURIComponent(unsigned.value);
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }

    const raw = request.cookies[SESSION_COOKIE];
    if (raw) {
      const unsigned = request.unsignCookie(raw);
      // Before the tenant is known: the session lookup alone runs over the deployment.
      const user = unsigned.valid && unsigned.value ? await withDeploymentScope('session-lookup', () => users.userForSession(unsigned.value!)) : undefined;
      if (user) {
        request.sessionToken = unsigned.value;
        request.user = user;
        request.agency = await agencies.getAgency(user.agencyId);
        setSessionTenant(request, request.agency);
        request.deploymentAdmin = deploymentRoles ? await deploymentRoles.isDeploymentAdmin(user.id) : false;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  // Sign-in and sign-out renew the CSRF secret: when a response sets or clears the session
  // cookie, the CSRF cookie is cleared with it (the cookie plugin has already written Set-Cookie).
  app.addHook('onSend', async (_request, reply, payload) => {
    const cookies = [reply.getHeader('set-cookie') ?? []].flat().map(String);
    if (cookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`)) && !cookies.some((c) => c.startsWith(`${CSRF_COOKIE}=`))) {
      reply.header('set-cookie', [...cookies, `${CSRF_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secureCookies ? '; Secure' : ''}`]);
    }
    return payload;
  });
  installInputGuard(app);
  installCachePolicy(app);

  // CSRF on every state-changing request. As a preHandler, because the urlencoded body is parsed
  // by then (stack notes); multipart forms carry the token in the action URL's query.
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method) || request.routeOptions.config?.csrf === false) return done();
    if (!request.isMultipart()) return app.csrfProtection(request, reply, done);
    takeMultipartCsrf(request).then((token) => {
      request.multipartCsrf = token;
      app.csrfProtection(request, reply, done);
    }, done);
  });
}

export function sessionCookieOptions(config: Config) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    signed: true,
    secure: config.trustProxy || config.publicBaseUrl.startsWith('https://'),
  };
}

export const isStaffRequest = (request: FastifyRequest): boolean => request.user !== null;
