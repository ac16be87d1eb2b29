/**
 * Cross-cutting request data (the only things decorated onto Fastify): the signed-in user, their
 * agency, the locale and a one-off flash message. Also builds the PageContext views need.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../modules/users/domain/user.js';
import type { Agency } from '../modules/agencies/domain/agency.js';
import type { Locale } from '../ui/i18n.js';
import type { NavEntry, PageContext } from '../ui/context.js';
import { canWith, type Permission } from '../shared/permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    agency: Agency | null;
    /**
     * Whether the signed-in person holds the deployment administrator grant (set after the
     * session is resolved, through the `DeploymentRoleSource` the composition root passes in).
     */
    deploymentAdmin: boolean;
    locale: Locale;
    flash: string | null;
    /** The session cookie's token when it named a live session (never logged, never rendered). */
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'prongsai_session';
export const FLASH_COOKIE = 'prongsai_flash';
export const LOCALE_COOKIE = 'prongsai_lang';
/** The CSRF plugin's cookie holding the secret. */
export const CSRF_COOKIE = '_csrf';

/** What CSRF tokens are bound to: a hash of the session token, or 'anonymous' before sign-in. */
export function csrfBinding(request: FastifyRequest): string {
  return request.sessionToken && request.user ? createHash('sha256').update(`csrf:${request.sessionToken}`).digest('base64url') : 'anonymous';
}

let navEntries: NavEntry[] = [];
/** Set once by buildApp from the module manifests. */
export function setNavigation(entries: NavEntry[]): void {
  navEntries = entries;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply, agencyOverride?: Agency | null): PageContext {
  const user = request.user;
  const agency = agencyOverride !== undefined ? agencyOverride : request.agency;
  let token: string | undefined;
  return {
    locale: request.locale,
    path: request.url.split('?')[0]!,
    // Made on first use: a page without a form sets no CSRF cookie, so anonymous visitors of
    // public pages get no Set-Cookie at all.
    get csrfToken() {
      return (token ??= reply.generateCsrf({ userInfo: csrfBinding(request) } as Parameters<FastifyReply['generateCsrf']>[0]));
    },
    user: user ? { displayName: user.displayName, roles: user.roles } : null,
    agency: agency ? { nameTh: agency.nameTh, slug: agency.slug, digits: agency.digits } : null,
    nav: navEntries,
    flash: request.flash,
    can: (p: Permission) => !!user && canWith({ roles: user.roles, deploymentAdmin: request.deploymentAdmin }, p),
  };
}

/** Shows `message` once on the next page (after a 303 redirect). */
export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

export function redirect(reply: FastifyReply, location: string, flash?: string): FastifyReply {
  if (flash) setFlash(reply, flash);
  return reply.code(303).header('location', location).send();
}
