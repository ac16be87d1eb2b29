import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config/index.js';
import { DomainError } from '../../shared/errors.js';
import { pageContext, redirect, SESSION_COOKIE } from '../../platform/request-context.js';
import { sessionCookieOptions } from '../../platform/http.js';
import { sendPage } from '../../ui/render.js';
import type { SetupService } from './service.js';
import { setupFormToInput } from './service.js';
import { SetupPage } from './views/SetupPage.js';

export interface SetupRoutesOptions extends Record<string, unknown> {
  config: Config;
  setup: SetupService;
}

const tokenOf = (query: unknown): string => {
  const t = (query as Record<string, unknown> | undefined)?.token;
  return typeof t === 'string' ? t : '';
};

const INVALID = 'ลิงก์ตั้งค่าครั้งแรกไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาเริ่มโปรแกรมใหม่เพื่อรับลิงก์ใหม่จากหน้าจอคอนโซล';

export const setupRoutes: FastifyPluginAsync<SetupRoutesOptions> = async (app, { config, setup }) => {
  app.get('/setup', async (request, reply) => {
    const token = tokenOf(request.query);
    if (!(await setup.isSetupTokenValid(token))) throw new DomainError('FORBIDDEN', INVALID);
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(reply, <SetupPage ctx={pageContext(request, reply)} token={token} values={{}} />);
  });

  app.post('/setup', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const token = tokenOf(request.query);
    const body = (request.body ?? {}) as Record<string, string>;
    if (!(await setup.isSetupTokenValid(token))) throw new DomainError('FORBIDDEN', INVALID);
    try {
      const { sessionToken } = await setup.completeSetup(token, setupFormToInput(body));
      reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookieOptions(config));
      return redirect(reply, '/admin', 'ตั้งค่าระบบเรียบร้อยแล้ว ยินดีต้อนรับสู่โปร่งใส');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        const { password: _p, ...kept } = body;
        delete kept['admin.password'];
        delete kept['admin.passwordConfirm'];
        return sendPage(reply, <SetupPage ctx={pageContext(request, reply)} token={token} values={kept} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });
};
