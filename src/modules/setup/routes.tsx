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

const INVALID = 'ระบบนี้ตั้งค่าครั้งแรกไปแล้ว กรุณาเข้าสู่ระบบ';
const WRONG_CODE = 'รหัสตั้งค่าครั้งแรกไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาคัดลอกรหัสจากหน้าจอคอนโซลอีกครั้ง (หรือเริ่มโปรแกรมใหม่เพื่อรับรหัสใหม่)';

/**
 * The one-time setup code travels in the form body only (issue 7: secrets never in URLs, where
 * logs, browser history and Referer headers keep them). An old `?token=` link is sent to the
 * clean page without using what it carried.
 */
export const setupRoutes: FastifyPluginAsync<SetupRoutesOptions> = async (app, { config, setup }) => {
  app.get('/setup', async (request, reply) => {
    if (await setup.isSetupDone()) throw new DomainError('FORBIDDEN', INVALID);
    if ((request.query as Record<string, unknown> | undefined)?.token !== undefined) return redirect(reply, '/setup');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(reply, <SetupPage ctx={pageContext(request, reply)} values={{}} />);
  });

  app.post('/setup', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    if (await setup.isSetupDone()) throw new DomainError('FORBIDDEN', INVALID);
    const body = (request.body ?? {}) as Record<string, string>;
    const code = typeof body.setupCode === 'string' ? body.setupCode.trim() : '';
    const { password: _p, setupCode: _c, ...kept } = body;
    delete kept['admin.password'];
    delete kept['admin.passwordConfirm'];
    reply.header('referrer-policy', 'no-referrer');
    if (!(await setup.isSetupTokenValid(code))) {
      return sendPage(reply, <SetupPage ctx={pageContext(request, reply)} values={kept} errors={[{ field: 'setupCode', message: WRONG_CODE }]} />, 400);
    }
    try {
      const { sessionToken } = await setup.completeSetup(code, setupFormToInput(body));
      reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookieOptions(config));
      return redirect(reply, '/admin', 'ตั้งค่าระบบเรียบร้อยแล้ว ยินดีต้อนรับสู่โปร่งใส');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        return sendPage(reply, <SetupPage ctx={pageContext(request, reply)} values={kept} errors={error.fieldErrors} />, 400);
      }
      throw error;
    }
  });
};
