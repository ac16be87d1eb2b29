/** Sign-in and sign-out. Sign-in is rate limited per IP on top of the per-account-and-client backoff. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import { pageContext, redirect, SESSION_COOKIE } from '../../platform/request-context.js';
import { sessionCookieOptions } from '../../platform/http.js';
import { sendPage } from '../../ui/render.js';
import { tr } from '../../ui/i18n.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { loginSchema } from './schemas.js';
import type { UsersService } from './service.js';
import { LoginPage, LOGIN_MESSAGES } from './views/LoginPage.js';

export interface UsersRoutesOptions extends Record<string, unknown> {
  config: Config;
  users: UsersService;
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/admin';

export const usersRoutes: FastifyPluginAsync<UsersRoutesOptions> = async (app, { config, users }) => {
  app.get('/login', async (request, reply) => {
    if (request.user) return redirect(reply, '/admin');
    const next = z.object({ next: z.string().optional() }).parse(request.query).next;
    return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} next={next ? safeNext(next) : undefined} />);
  });

  app.post(
    '/login',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = loginSchema.safeParse(body);
      const next = safeNext(body.next);
      const ctx = () => pageContext(request, reply);
      if (!parsed.success) {
        return sendPage(reply, <LoginPage ctx={ctx()} agency={String(body.agency ?? '')} username={String(body.username ?? '')} next={next} errors={zodToFieldErrors(parsed.error)} />, 400);
      }
      const { agency, username, password } = parsed.data;
      const result = await users.login({ agency, identifier: username, password, client: request.ip });
      if (!result.ok) {
        // One message for a wrong password and an unknown account; the pause names the client, not the account.
        const message = tr(request.locale, result.reason === 'locked' ? LOGIN_MESSAGES.locked : LOGIN_MESSAGES.invalid);
        return sendPage(reply, <LoginPage ctx={ctx()} agency={agency} username={username} next={next} errors={[{ field: 'username', message }]} />, result.reason === 'locked' ? 429 : 400);
      }
      reply.setCookie(SESSION_COOKIE, result.sessionToken, sessionCookieOptions(config));
      return redirect(reply, next);
    },
  );

  // "Sign out everywhere": ends every session of this user (other browsers, a lost phone).
  app.post('/logout/everywhere', async (request, reply) => {
    if (request.user) await users.signOutEverywhere(request.user);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirect(reply, '/login', request.locale === 'en' ? 'Signed out on every device' : 'ออกจากระบบทุกอุปกรณ์แล้ว');
  });

  app.post('/logout', async (request, reply) => {
    const raw = request.cookies[SESSION_COOKIE];
    if (raw) {
      const unsigned = request.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) await users.logout(unsigned.value);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirect(reply, '/login', request.locale === 'en' ? 'Signed out' : 'ออกจากระบบแล้ว');
  });
};
