/**
 * Staff pages of the channel under /admin/complaints. Every page passes the same gate: the
 * complaints.handle permission, a confirmed TOTP factor, a key grant and a key unlocked in this
 * session (second factor + passphrase). Responses carry the channel's headers: these pages show
 * decrypted reports, which must not be cached or leak through a Referer.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.js';
import { can } from '../../shared/permissions.js';
import { requirePermission, staff } from '../../platform/guards.js';
import { pageContext, redirect, SESSION_COOKIE } from '../../platform/request-context.js';
import { sendPage } from '../../ui/render.js';
import { sendDownload } from '../../platform/download.js';
import { actorOf } from '../../platform/audit.js';
import type { ComplaintAccess, HandlerUser, Unlocked } from './access.js';
import type { ComplaintHandling } from './handling.js';
import type { ComplaintChannel } from './service.js';
import { channelHeaders } from './routes.js';
import type { ComplaintKeyRotation } from './rotation.js';
import { RotationPage } from './views/SecurityPages.js';
import { DetailPage, EnrolPage, HandlersPage, IntakePage, ListPage, NoAccessPage, RecoveryCodesPage, SettingsPage, SetupKeyPage, UnlockPage } from './views/StaffPages.js';

export interface AdminRoutesOptions {
  access: ComplaintAccess;
  handling: ComplaintHandling;
  channel: ComplaintChannel;
  handlers: (agencyId: string) => Promise<{ id: string; displayName: string }[]>;
  rotation: ComplaintKeyRotation;
  [key: string]: unknown;
}

const BASE = '/admin/complaints';
type Body = Record<string, string | undefined>;

export const complaintAdminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app: FastifyInstance, opts) => {
  const { access, handling, channel } = opts;
  const handle = { preHandler: requirePermission('complaints.handle') };

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(BASE)) channelHeaders(reply);
  });

  const handlerOf = (request: FastifyRequest): HandlerUser => {
    const { user } = staff(request);
    return { id: user.id, agencyId: user.agencyId, displayName: user.displayName, username: user.username };
  };
  const sessionRef = (request: FastifyRequest) => access.sessionRef(request.cookies[SESSION_COOKIE] ?? '');

  /** The gate: redirects to the step still missing, or returns the unlocked key. */
  async function gate(request: FastifyRequest, reply: FastifyReply): Promise<{ user: HandlerUser; u: Unlocked } | undefined> {
    const user = handlerOf(request);
    if ((await access.factorState(user.agencyId, user.id)) !== 'confirmed') {
      redirect(reply, `${BASE}/2fa`);
      return undefined;
    }
    const grant = await access.grantState(user.agencyId, user.id);
    if (grant === 'none-key') {
      redirect(reply, `${BASE}/setup`);
      return undefined;
    }
    if (grant === 'none') {
      sendPage(reply, <NoAccessPage ctx={pageContext(request, reply)} />, 403);
      return undefined;
    }
    const u = access.unlocked(sessionRef(request), user);
    if (!u) {
      redirect(reply, `${BASE}/unlock`);
      return undefined;
    }
    return { user, u };
  }

  const validation = (error: unknown) => (error instanceof DomainError && error.code === 'VALIDATION' ? error : undefined);

  app.get(BASE, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    const reports = await handling.list(g.u, g.user);
    return sendPage(reply, <ListPage ctx={pageContext(request, reply)} reports={reports} waiting={await handling.waitingCount(g.user.agencyId, g.user.id)} />);
  });

  // ----- second factor, key setup, unlock

  app.get(`${BASE}/2fa`, handle, async (request, reply) => {
    const user = handlerOf(request);
    if ((await access.factorState(user.agencyId, user.id)) === 'confirmed') return redirect(reply, BASE);
    const e = await access.beginEnrolment(user);
    return sendPage(reply, <EnrolPage ctx={pageContext(request, reply)} secret={e.secret} uri={e.uri} />);
  });
  app.post(`${BASE}/2fa`, handle, async (request, reply) => {
    const user = handlerOf(request);
    try {
      const codes = await access.confirmEnrolment(user, (request.body as Body).code ?? '');
      return sendPage(reply, <RecoveryCodesPage ctx={pageContext(request, reply)} codes={codes} />);
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      const e = await access.beginEnrolment(user);
      return sendPage(reply, <EnrolPage ctx={pageContext(request, reply)} secret={e.secret} uri={e.uri} errors={v.fieldErrors} />, 400);
    }
  });

  app.get(`${BASE}/setup`, handle, async (request, reply) => sendPage(reply, <SetupKeyPage ctx={pageContext(request, reply)} />));
  app.post(`${BASE}/setup`, handle, async (request, reply) => {
    const user = handlerOf(request);
    if ((await access.factorState(user.agencyId, user.id)) !== 'confirmed') return redirect(reply, `${BASE}/2fa`);
    try {
      await access.createKey(user, (request.body as Body).passphrase ?? '');
      return redirect(reply, `${BASE}/unlock`, 'สร้างกุญแจแล้ว ช่องทางแจ้งเบาะแสเปิดรับเรื่องแล้ว');
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      return sendPage(reply, <SetupKeyPage ctx={pageContext(request, reply)} errors={v.fieldErrors} />, 400);
    }
  });

  app.get(`${BASE}/unlock`, handle, async (request, reply) => {
    const user = handlerOf(request);
    return sendPage(reply, <UnlockPage ctx={pageContext(request, reply)} pending={(await access.grantState(user.agencyId, user.id)) === 'pending'} />);
  });
  app.post(`${BASE}/unlock`, handle, async (request, reply) => {
    const user = handlerOf(request);
    const b = request.body as Body;
    try {
      await access.unlock(user, sessionRef(request), { code: b.code ?? '', passphrase: b.passphrase ?? '', transferCode: b.transferCode });
      return redirect(reply, BASE);
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      return sendPage(reply, <UnlockPage ctx={pageContext(request, reply)} pending={(await access.grantState(user.agencyId, user.id)) === 'pending'} errors={v.fieldErrors} />, 400);
    }
  });
  app.post(`${BASE}/lock`, handle, async (request, reply) => {
    access.lock(sessionRef(request));
    return redirect(reply, '/admin', 'ปิดกุญแจแล้ว');
  });

  // ----- reports

  async function detail(request: FastifyRequest, reply: FastifyReply, g: { user: HandlerUser; u: Unlocked }, id: string, extra: { errors?: DomainError['fieldErrors']; identity?: Parameters<typeof DetailPage>[0]['identity'] } = {}, status = 200) {
    const r = await handling.view(g.u, g.user, id);
    const canDisclose = can(staff(request).user.roles, 'complaints.disclose');
    return sendPage(reply, <DetailPage ctx={pageContext(request, reply)} r={r} errors={extra.errors} identity={extra.identity} canDisclose={canDisclose} />, status);
  }
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get(`${BASE}/r/:id`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    return detail(request, reply, g, idOf(request));
  });

  /** A POST on a report: run `work`, then 303 back; a validation error re-renders the page with 400. */
  function post(path: string, work: (g: { user: HandlerUser; u: Unlocked }, id: string, body: Body, request: FastifyRequest) => Promise<string | void>, flash: string) {
    app.post(`${BASE}/r/:id/${path}`, handle, async (request, reply) => {
      const g = await gate(request, reply);
      if (!g) return reply;
      const id = idOf(request);
      try {
        const to = await work(g, id, (request.body ?? {}) as Body, request);
        return redirect(reply, to ?? `${BASE}/r/${id}`, flash);
      } catch (error) {
        const v = validation(error);
        if (!v) throw error;
        return detail(request, reply, g, id, { errors: v.fieldErrors }, 400);
      }
    });
  }
  post('action', (g, id, b) => handling.act(g.u, g.user, id, b), 'บันทึกขั้นตอนแล้ว');
  post('message', (g, id, b) => handling.write(g.u, g.user, id, b.message ?? '', 'handler'), 'ส่งข้อความถึงผู้แจ้งแล้ว');
  post('note', (g, id, b) => handling.write(g.u, g.user, id, b.note ?? '', 'note'), 'บันทึกแล้ว');
  post('assign', (g, id, b) => handling.assign(g.u, g.user, id, b.assignee ?? ''), 'มอบหมายแล้ว');
  post('recuse', async (g, id) => {
    await handling.recuse(g.u, g.user, id);
    return BASE;
  }, 'ถอนตัวจากเรื่องแล้ว');

  app.post(`${BASE}/r/:id/disclose`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    const id = idOf(request);
    const canDisclose = can(staff(request).user.roles, 'complaints.disclose');
    try {
      const identity = await handling.disclose(g.u, { ...g.user, canDisclose }, id, (request.body as Body).reason ?? '');
      // Shown in this response only; nothing makes it visible on later views.
      return detail(request, reply, g, id, { identity });
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      return detail(request, reply, g, id, { errors: v.fieldErrors }, 400);
    }
  });

  app.get(`${BASE}/r/:id/files/:fid`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    const { id, fid } = request.params as { id: string; fid: string };
    const original = (request.query as Record<string, string>).original === '1';
    const f = await handling.attachment(g.u, g.user, id, fid, original);
    return sendDownload(reply, Buffer.from(f.bytes), f.mediaType, f.name, 'attachment');
  });

  // ----- intake, handlers, settings

  app.get(`${BASE}/intake`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    return sendPage(reply, <IntakePage ctx={pageContext(request, reply)} />);
  });
  app.post(`${BASE}/intake`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    const b = (request.body ?? {}) as Body;
    try {
      const id = await handling.intake(g.u, g.user, { ...b, category: b.category || undefined, channel: b.channel || undefined, involvesExecutive: b.involvesExecutive === 'yes' });
      return redirect(reply, `${BASE}/r/${id}`, 'บันทึกเรื่องแล้ว');
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      return sendPage(reply, <IntakePage ctx={pageContext(request, reply)} values={b as Record<string, string>} errors={v.fieldErrors} />, 400);
    }
  });

  async function handlersView(agencyId: string) {
    return Promise.all((await opts.handlers(agencyId)).map(async (h) => ({ ...h, state: await access.grantState(agencyId, h.id) })));
  }
  app.get(`${BASE}/handlers`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    return sendPage(reply, <HandlersPage ctx={pageContext(request, reply)} handlers={await handlersView(g.user.agencyId)} />);
  });
  app.post(`${BASE}/handlers/:uid/grant`, handle, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    const target = (await opts.handlers(g.user.agencyId)).find((h) => h.id === (request.params as { uid: string }).uid);
    if (!target) throw new DomainError('NOT_FOUND', 'ไม่พบผู้รับผิดชอบ');
    const code = await access.grant(g.u, g.user, { id: target.id, agencyId: g.user.agencyId, displayName: target.displayName, username: '' });
    return sendPage(reply, <HandlersPage ctx={pageContext(request, reply)} handlers={await handlersView(g.user.agencyId)} code={{ name: target.displayName, code }} />);
  });

  // ----- key rotation (custodian: complaints.disclose; unlocked session; fresh second factor)
  const custodian = { preHandler: requirePermission('complaints.disclose') };
  app.get(`${BASE}/keys`, custodian, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    return sendPage(reply, <RotationPage ctx={pageContext(request, reply)} versions={await opts.rotation.history(g.user.agencyId)} />);
  });
  app.post(`${BASE}/keys/rotate`, custodian, async (request, reply) => {
    const g = await gate(request, reply);
    if (!g) return reply;
    const b = (request.body ?? {}) as Body;
    const custodianRole = can(staff(request).user.roles, 'complaints.disclose');
    try {
      const done = await opts.rotation.rotate(g.u, { ...g.user, custodian: custodianRole }, sessionRef(request), { code: b.code ?? '', passphrase: b.passphrase ?? '' });
      return sendPage(reply, <RotationPage ctx={pageContext(request, reply)} versions={await opts.rotation.history(g.user.agencyId)} done={done} />);
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      return sendPage(reply, <RotationPage ctx={pageContext(request, reply)} versions={await opts.rotation.history(g.user.agencyId)} errors={v.fieldErrors} />, 400);
    }
  });

  const settings = { preHandler: requirePermission('complaints.settings') };
  app.get(`${BASE}/settings`, settings, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <SettingsPage ctx={pageContext(request, reply)} g={await channel.guideline(agency.id)} />);
  });
  app.post(`${BASE}/settings`, settings, async (request, reply) => {
    const { agency, user } = staff(request);
    try {
      await channel.saveGuideline(actorOf(user), agency.id, request.body);
      return redirect(reply, `${BASE}/settings`, 'บันทึกแนวปฏิบัติแล้ว');
    } catch (error) {
      const v = validation(error);
      if (!v) throw error;
      return sendPage(reply, <SettingsPage ctx={pageContext(request, reply)} g={request.body as Body} errors={v.fieldErrors} />, 400);
    }
  });
};
