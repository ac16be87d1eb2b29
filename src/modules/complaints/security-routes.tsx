/**
 * Staff-wide second factor at sign-in (the agency option and the page every staff member passes
 * when it is on) and the handlers' notification options. The gate itself is an app-wide hook the
 * composition root installs (`registerStaffTwoFactorGate` in index.ts).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, validationError } from '../../shared/errors.js';
import { requirePermission, requireUser, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { sendPage } from '../../ui/render.js';
import { actorOf } from '../../platform/audit.js';
import type { ComplaintAccess, HandlerUser } from './access.js';
import type { StaffTwoFactor } from './staff-two-factor.js';
import { NotificationOptionsPage, SignInFactorPage, SignInRecoveryCodesPage, StaffSecurityPage } from './views/SecurityPages.js';

export interface SecurityRoutesOptions {
  access: ComplaintAccess;
  staff2fa: StaffTwoFactor;
  /** Whether the deployment configured SMTP / the LINE Messaging API (calendar's channels). */
  channels: { mail: boolean; line: boolean };
  [key: string]: unknown;
}

export const TWO_FACTOR_PATH = '/admin/two-factor';
/** Only same-site relative paths are followed afterwards (no open redirect). */
const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith(TWO_FACTOR_PATH) ? next : '/admin');
type Body = Record<string, string | undefined>;

// LINE ids are U/C/R followed by 32 hex digits (user, group, room).
const lineId = z.union([z.literal(''), z.string().regex(/^[UCR][0-9a-f]{32}$/, 'LINE id ต้องขึ้นต้นด้วย U, C หรือ R ตามด้วยตัวอักษรฐานสิบหก 32 ตัว')]);

export const complaintSecurityRoutes: FastifyPluginAsync<SecurityRoutesOptions> = async (app: FastifyInstance, opts) => {
  const { access, staff2fa } = opts;
  const signedIn = { preHandler: requireUser };

  const handlerOf = (request: FastifyRequest): HandlerUser => {
    const { user } = staff(request);
    return { id: user.id, agencyId: user.agencyId, displayName: user.displayName, username: user.username };
  };

  async function factorPage(request: FastifyRequest, next: string, errors?: DomainError['fieldErrors']) {
    const user = handlerOf(request);
    const enrol = (await access.factorState(user.agencyId, user.id)) === 'confirmed' ? undefined : await access.beginEnrolment(user);
    return { user, next, enrol, errors };
  }

  app.get(TWO_FACTOR_PATH, signedIn, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (!(await staff2fa.pending(request.user!, request.sessionToken ?? ''))) return redirect(reply, next);
    const p = await factorPage(request, next);
    return sendPage(reply, <SignInFactorPage ctx={pageContext(request, reply)} next={p.next} enrol={p.enrol} />);
  });

  app.post(TWO_FACTOR_PATH, signedIn, async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    const next = safeNext(b.next);
    const user = handlerOf(request);
    const token = request.sessionToken ?? '';
    try {
      if ((await access.factorState(user.agencyId, user.id)) === 'confirmed') {
        await staff2fa.verify(user, token, b.code ?? '');
        return redirect(reply, next);
      }
      const codes = await access.confirmEnrolment(user, b.code ?? '');
      await staff2fa.markVerified(user, token);
      return sendPage(reply, <SignInRecoveryCodesPage ctx={pageContext(request, reply)} codes={codes} next={next} />);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      const p = await factorPage(request, next, error.fieldErrors);
      return sendPage(reply, <SignInFactorPage ctx={pageContext(request, reply)} next={p.next} enrol={p.enrol} errors={p.errors} />, 400);
    }
  });

  // ----- the administrator's option (agency admin area: account administration)
  const admin = { preHandler: requirePermission('users.manage') };
  app.get('/admin/security', admin, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <StaffSecurityPage ctx={pageContext(request, reply)} required={(await staff2fa.options(agency.id)).requireStaff2fa} />);
  });
  app.post('/admin/security', admin, async (request, reply) => {
    const { agency, user } = staff(request);
    const required = ((request.body ?? {}) as Body).requireStaff2fa === 'yes';
    await staff2fa.saveOptions(actorOf(user), agency.id, { ...(await staff2fa.options(agency.id)), requireStaff2fa: required });
    // The administrator's own session counts as passed only if it really did pass (the gate checks next request).
    return redirect(reply, '/admin/security', required ? 'บังคับการยืนยันตัวตนสองขั้นตอนสำหรับเจ้าหน้าที่ทุกคนแล้ว' : 'ยกเลิกการบังคับการยืนยันตัวตนสองขั้นตอนแล้ว');
  });

  // ----- "something is waiting" notifications to handlers (channel settings)
  const settings = { preHandler: requirePermission('complaints.settings') };
  const page = async (request: FastifyRequest) => staff2fa.options(staff(request).agency.id);
  app.get('/admin/complaints/notifications', settings, async (request, reply) =>
    sendPage(reply, <NotificationOptionsPage ctx={pageContext(request, reply)} o={await page(request)} mailAvailable={opts.channels.mail} lineAvailable={opts.channels.line} />),
  );
  app.post('/admin/complaints/notifications', settings, async (request, reply) => {
    const { agency, user } = staff(request);
    const b = (request.body ?? {}) as Body;
    const line = lineId.safeParse((b.notifyLineTo ?? '').trim());
    const current = await staff2fa.options(agency.id);
    if (!line.success) {
      const e = validationError('ข้อมูลไม่ถูกต้อง', [{ field: 'notifyLineTo', message: line.error.issues[0]!.message }]);
      return sendPage(reply, <NotificationOptionsPage ctx={pageContext(request, reply)} o={{ ...current, notifyEmail: b.notifyEmail === 'yes', notifyLineTo: b.notifyLineTo ?? null }} mailAvailable={opts.channels.mail} lineAvailable={opts.channels.line} errors={e.fieldErrors} />, 400);
    }
    await staff2fa.saveOptions(actorOf(user), agency.id, { ...current, notifyEmail: b.notifyEmail === 'yes', notifyLineTo: line.data || null });
    return redirect(reply, '/admin/complaints/notifications', 'บันทึกการแจ้งเตือนแล้ว');
  });
};

/**
 * The app-wide gate: with the agency option on, a staff session reaches /admin pages only after
 * its second factor (or enrolment) in this session; everything else under /admin answers 303 to
 * the factor page. Public pages, sign-in and sign-out are not gated.
 */
export function staffTwoFactorGate(staff2fa: StaffTwoFactor) {
  return async function gate(request: FastifyRequest, reply: import('fastify').FastifyReply): Promise<void> {
    if (!request.user || !request.sessionToken) return;
    const path = request.url.split('?')[0]!;
    if (!(path === '/admin' || path.startsWith('/admin/')) || path === TWO_FACTOR_PATH) return;
    if (!(await staff2fa.pending(request.user, request.sessionToken))) return;
    const next = request.method === 'GET' ? request.url : '/admin';
    await reply.code(303).header('location', `${TWO_FACTOR_PATH}?next=${encodeURIComponent(next)}`).send();
  };
}
