/**
 * The corruption-complaint channel as the app and other modules see it (STYLE.md convention 15).
 * A sealed module: only its repository reads complaint tables, and the one thing that leaves it
 * is `publishedComplaintStatistics` — counts with small-cell suppression applied.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { can } from '../../shared/permissions.js';
import { auditWords, defineModule } from '../../platform/module.js';
import { CHANNEL_LABELS } from './domain/types.js';
import type { AgenciesService } from '../agencies/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { complaintAccess } from './access.js';
import { complaintBlobStore } from './blob-store.js';
import { complaintChannel } from './service.js';
import { complaintHandling } from './handling.js';
import { complaintStatistics } from './statistics.js';
import { oitLink, type AttachFn } from './oit-link.js';
import { complaintChannelRoutes, CHANNEL_LOG_SERIALIZERS } from './routes.js';
import { complaintAdminRoutes } from './admin-routes.js';
import { complaintsOpenApi } from './openapi.js';
import { complaintsRepository } from './repository.js';
import { complaintKeyRotation } from './rotation.js';
import { staffTwoFactor } from './staff-two-factor.js';
import { waitingNotifier, type HandlerNotifyChannels } from './notify.js';
import { complaintOrphanSweep } from './orphan-sweep.js';
export { startComplaintOrphanSweeper } from './orphan-sweep.js';
import { complaintSecurityRoutes, staffTwoFactorGate } from './security-routes.js';
import type { AbuseLimiter } from './abuse.js';

export type { PublishedStatistics, Cell, Round } from './domain/statistics.js';
export { seedDemoComplaints, type DemoComplaintsOutcome } from './demo.js';

export interface ComplaintsDeps {
  db: Kysely<ComplaintsDb>;
  clock: Clock;
  /** The server secret the channel derives its own keys from (receipt lookup, signing-key wrap, TOTP wrap). */
  serverSecret: string;
  dataDir: string;
  publicBaseUrl: string;
  agencies: Pick<AgenciesService, 'listExecutives'>;
  listUsers: (agencyId: string) => Promise<{ id: string; displayName: string; email?: string | null; roles: readonly string[]; disabled: boolean }[]>;
  /** Optional e-mail / LINE channels for "something is waiting" (the calendar module's, wired in app.ts). */
  notifyChannels?: HandlerNotifyChannels;
  /** Where a failed e-mail / LINE notice is reported (the app log); never with content. */
  onNotifyError?: (error: unknown) => void;
  attach: AttachFn;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
}

export function complaintsServices(deps: ComplaintsDeps) {
  const handlers = async (agencyId: string) =>
    (await deps.listUsers(agencyId)).filter((u) => !u.disabled && can(u.roles, 'complaints.handle')).map((u) => ({ id: u.id, displayName: u.displayName }));
  const executiveName = async (agencyId: string, id: string) => (await deps.agencies.listExecutives(agencyId)).find((e) => e.id === id)?.nameTh;
  const access = complaintAccess(deps);
  const blobs = complaintBlobStore(deps.dataDir);
  const rotation = complaintKeyRotation({ ...deps, access });
  const staff2fa = staffTwoFactor({ ...deps, access });
  const notifyWaiting = waitingNotifier({
    ...(deps.notifyChannels ? { channels: deps.notifyChannels } : {}),
    ...(deps.onNotifyError ? { onError: deps.onNotifyError } : {}),
    options: staff2fa.options,
    users: deps.listUsers,
    publicBaseUrl: deps.publicBaseUrl,
  });
  const channel = complaintChannel({ ...deps, access, blobs, handlers, executiveName, keyHistory: rotation.history, notifyWaiting });
  const handling = complaintHandling({ ...deps, access, blobs, channel, handlers });
  return {
    access,
    rotation,
    staff2fa,
    channel,
    handling,
    handlers,
    /** Encrypted files with no attachment row, unchanged for an hour (a crash mid-submission): removed. */
    sweepOrphans: complaintOrphanSweep({ db: deps.db, clock: deps.clock, root: blobs.root }),
    /** Second-factor session marks older than any session. */
    sweepMarks: staff2fa.sweepMarks,
    /** The one exported statistics function: suppressed counts of a fiscal round. */
    publishedComplaintStatistics: complaintStatistics(deps.db),
    /** Attaches guideline, channel and statistics pages to the OIT items of a year, by role. */
    publishComplaintEvidence: oitLink(deps),
    /** For /metrics: how many reports are in each handling state, all agencies together — counts only. */
    reportsByState: async () =>
      (await complaintsRepository(deps.db).countReportsByStateAcrossAgencies()).map((r) => ({ labels: { state: r.state }, value: Number(r.n) })),
  };
}
export type ComplaintsServices = ReturnType<typeof complaintsServices>;

/**
 * The one statistics function other modules may call (STYLE.md import rules).
 * @example const s = await publishedComplaintStatistics(services.complaints, agency.id, 2568, '12-month');
 */
export const publishedComplaintStatistics = (c: ComplaintsServices, ...args: Parameters<ComplaintsServices['publishedComplaintStatistics']>) => c.publishedComplaintStatistics(...args);

interface RoutesOptions {
  complaints: ComplaintsServices;
  agencies: AgenciesService;
  clock: Clock;
  publicBaseUrl: string;
  limiter?: AbuseLimiter;
  /** Whether SMTP / LINE are configured (the notification options page says so). */
  notifyChannels?: { mail: boolean; line: boolean };
  [key: string]: unknown;
}

// Two encapsulated children: the public channel gets its own log serializers (no address, no
// host, no query) through Fastify's per-plugin `logSerializers`; the staff pages their own gate.
const routes: FastifyPluginAsync<RoutesOptions> = async (app, o) => {
  const c = o.complaints;
  await app.register(complaintChannelRoutes, {
    channel: c.channel,
    statistics: c.publishedComplaintStatistics,
    agencies: o.agencies,
    clock: o.clock,
    publicBaseUrl: o.publicBaseUrl,
    limiter: o.limiter,
    logSerializers: CHANNEL_LOG_SERIALIZERS,
  });
  await app.register(complaintAdminRoutes, { access: c.access, handling: c.handling, channel: c.channel, handlers: c.handlers, rotation: c.rotation, logSerializers: CHANNEL_LOG_SERIALIZERS });
  await app.register(complaintSecurityRoutes, { access: c.access, staff2fa: c.staff2fa, channels: o.notifyChannels ?? { mail: false, line: false } });
};

export const complaintsModule = (options: RoutesOptions) =>
  defineModule({
    name: 'complaints',
    routes,
    options,
    openapi: complaintsOpenApi,
    gauges: [{ name: 'prongsai_complaints', help: 'Corruption complaints by handling state, all agencies (counts only).', collect: options.complaints.reportsByState }],
    permissions: ['complaints.handle', 'complaints.disclose', 'complaints.settings'],
    // Codes only: an audit entry of this module never carries report content.
    auditLabels: {
      actions: {
        'complaints.report.receive': { th: 'รับเรื่องร้องเรียน', en: 'Complaint received' },
        'complaints.report.message': { th: 'ส่งข้อความถึงผู้แจ้ง', en: 'Message to reporter' },
        'complaints.report.note': { th: 'บันทึกการดำเนินการเรื่องร้องเรียน', en: 'Complaint handling note' },
        'complaints.attachment.view': { th: 'เปิดดูไฟล์แนบเรื่องร้องเรียน', en: 'Complaint attachment viewed' },
        'complaints.attachment.original': { th: 'เปิดไฟล์แนบต้นฉบับเรื่องร้องเรียน', en: 'Original complaint attachment opened' },
        'complaints.guideline.save': { th: 'บันทึกแนวปฏิบัติการจัดการเรื่องร้องเรียน', en: 'Complaint guideline saved' },
        'complaints.key.create': { th: 'สร้างกุญแจเข้ารหัสเรื่องร้องเรียน', en: 'Complaint key created' },
        'complaints.key.grant': { th: 'มอบสิทธิ์กุญแจเรื่องร้องเรียน', en: 'Complaint key granted' },
        'complaints.key.revoke': { th: 'เพิกถอนสิทธิ์กุญแจเรื่องร้องเรียน', en: 'Complaint key revoked' },
        'complaints.unlock': { th: 'ปลดล็อกกุญแจเรื่องร้องเรียน', en: 'Complaint key unlocked' },
        'complaints.key.rotate': { th: 'เปลี่ยนกุญแจเรื่องร้องเรียน', en: 'Complaint key rotated' },
        'complaints.2fa.enrol': { th: 'ตั้งค่าการยืนยันตัวตนสองขั้นตอน', en: 'Two-factor sign-in enrolled' },
        'complaints.2fa.verify': { th: 'ยืนยันตัวตนขั้นที่สอง', en: 'Second factor passed' },
        'complaints.2fa.recovery-code': { th: 'ยืนยันตัวตนขั้นที่สองด้วยรหัสกู้คืน', en: 'Second factor passed with a recovery code' },
        'complaints.2fa.refused': { th: 'ยืนยันตัวตนขั้นที่สองไม่สำเร็จ', en: 'Second factor refused' },
        'complaints.staff-2fa.policy': { th: 'เปลี่ยนการบังคับยืนยันตัวตนสองขั้นตอนของเจ้าหน้าที่', en: 'Staff two-factor requirement changed' },
        'complaints.notify.settings': { th: 'เปลี่ยนการแจ้งเตือนผู้รับผิดชอบเรื่องร้องเรียน', en: 'Complaint notification options changed' },
        'complaints.unlock.refused': { th: 'ปลดล็อกกุญแจเรื่องร้องเรียนไม่สำเร็จ', en: 'Complaint key unlock refused' },
        'complaints.list.view': { th: 'เปิดดูรายการเรื่องร้องเรียน', en: 'Complaint list viewed' },
        'complaints.report.view': { th: 'เปิดอ่านเรื่องร้องเรียน', en: 'Complaint opened' },
        'complaints.report.assign': { th: 'รับผิดชอบเรื่องร้องเรียน', en: 'Complaint assigned' },
        'complaints.report.recuse': { th: 'ขอถอนตัวจากเรื่องร้องเรียน', en: 'Recused from a complaint' },
        'complaints.report.intake': { th: 'บันทึกเรื่องร้องเรียนที่รับด้วยตนเอง', en: 'Complaint recorded at the counter' },
        'complaints.identity.disclose': { th: 'เปิดเผยตัวตนผู้แจ้ง', en: "Reporter's identity disclosed" },
        // complaints.report.<action>: the workflow steps (domain/workflow.ts).
        'complaints.report.acknowledge': { th: 'ตอบรับเรื่องร้องเรียน', en: 'Complaint acknowledged' },
        'complaints.report.investigate': { th: 'เริ่มตรวจสอบเรื่องร้องเรียน', en: 'Complaint under investigation' },
        'complaints.report.conclude': { th: 'สรุปผลเรื่องร้องเรียน', en: 'Complaint concluded' },
        'complaints.report.forward': { th: 'ส่งต่อเรื่องร้องเรียนให้หน่วยงานอื่น', en: 'Complaint forwarded' },
        'complaints.report.move_to_general': { th: 'ย้ายไปเป็นเรื่องร้องเรียนทั่วไป', en: 'Moved to general complaints' },
      },
      entities: {
        complaint: { th: 'เรื่องร้องเรียนการทุจริต', en: 'Corruption complaint' },
        complaint_key: { th: 'กุญแจเข้ารหัสเรื่องร้องเรียน', en: 'Complaint key' },
      },
      values: {
        complaint: auditWords(CHANNEL_LABELS),
        oit_evidence: auditWords({ 'complaints:channel': 'หน้าช่องทางร้องเรียนที่ระบบจัดทำ', 'complaints:guideline': 'แนวปฏิบัติที่ระบบจัดทำ', 'complaints:statistics': 'สถิติเรื่องร้องเรียนที่ระบบจัดทำ' }),
      },
    },
    nav: [
      { href: '/admin/complaints', label: { th: 'เรื่องร้องเรียนการทุจริต', en: 'Corruption complaints' }, permission: 'complaints.handle' },
      { href: '/admin/complaints/settings', label: { th: 'ตั้งค่าช่องทางร้องเรียน', en: 'Complaint channel settings' }, permission: 'complaints.settings' },
      { href: '/admin/complaints/notifications', label: { th: 'การแจ้งเตือนเรื่องร้องเรียน', en: 'Complaint notifications' }, permission: 'complaints.settings' },
      { href: '/admin/complaints/keys', label: { th: 'กุญแจเรื่องร้องเรียน', en: 'Complaint keys' }, permission: 'complaints.disclose' },
      { href: '/admin/security', label: { th: 'ความปลอดภัยในการเข้าระบบ', en: 'Sign-in security' }, permission: 'users.manage' },
    ],
  });
export type { ComplaintsDb, ComplaintTables } from './tables.js';

/**
 * Installs the staff-wide second-factor gate (an agency option of this module, because the
 * factors live here) on the whole app: call once, after the session is resolved.
 */
export function registerStaffTwoFactorGate(app: import('fastify').FastifyInstance, complaints: ComplaintsServices): void {
  app.addHook('onRequest', staffTwoFactorGate(complaints.staff2fa));
}
