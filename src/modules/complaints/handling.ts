/**
 * The handler's side: list, read, act, write to the reporter, keep internal notes, assign,
 * recuse, open the identity (custodian only), take in complaints received on paper or by phone.
 * Every call needs an unlocked key (access.ts) and writes an audit entry — ids and actions only,
 * never any content.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';
import { DomainError, forbidden, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, actorOf } from '../../platform/audit.js';
import { complaintsRepository } from './repository.js';
import { b64, decrypt, decryptText, encrypt, newContentKey, openSealed, sealTo, sha256Hex, sodium, unb64 } from './domain/crypto.js';
import { allowedActions, dueDates, eligibleHandlers, isClosed, nextState, overdue, type Action } from './domain/workflow.js';
import type { Category, Channel, Identity, Outcome, OutsideBody, ReportContent, State } from './domain/types.js';
import { actionInput, intakeInput } from './schemas.js';
import type { ComplaintAccess, HandlerUser, Unlocked } from './access.js';
import type { ComplaintBlobStore } from './blob-store.js';
import type { ComplaintChannel } from './service.js';
import type { ReportRow } from './tables.js';

export interface ReportSummary {
  id: string;
  category: Category;
  channel: Channel;
  state: State;
  receivedDate: string;
  acknowledgeBy: string;
  concludeBy: string;
  overdue: 'acknowledge' | 'conclude' | null;
  assignedToMe: boolean;
  assigned: boolean;
  involvesExecutive: boolean;
  hasIdentity: boolean;
  unread: boolean;
}

export interface ReportDetail extends ReportSummary {
  content: ReportContent;
  outcome: Outcome | null;
  forwardedTo: OutsideBody | null;
  assignedUserId: string | null;
  messages: { id: string; author: 'reporter' | 'handler' | 'note'; authorName: string | null; body: string; at: string }[];
  attachments: { id: string; name: string; mediaType: string; sizeBytes: number; originalSha256: string; removed: string[]; originalKept: boolean }[];
  actions: Action[];
  eligibleAssignees: { id: string; displayName: string }[];
  receiptHolder: boolean;
}

export interface HandlingDeps {
  db: Kysely<ComplaintsDb>;
  clock: Clock;
  access: ComplaintAccess;
  blobs: ComplaintBlobStore;
  channel: ComplaintChannel;
  handlers: (agencyId: string) => Promise<{ id: string; displayName: string }[]>;
}

export function complaintHandling(deps: HandlingDeps) {
  const { db, clock, blobs } = deps;
  const repo = complaintsRepository(db);
  const today = () => todayInThailand(clock);

  const excludedOf = (row: ReportRow) => JSON.parse(row.excluded_user_ids) as string[];

  /** The report, if this handler may see it; otherwise the same 404 as a report that does not exist. */
  async function visible(u: Unlocked, reportId: string): Promise<ReportRow> {
    const row = await repo.reportById(u.agencyId, reportId);
    if (!row || excludedOf(row).includes(u.userId)) throw notFound('ไม่พบเรื่องที่ต้องการ');
    return row;
  }

  /**
   * Inside a transaction that seals to the unlocked key: the key must still be the active one (a
   * rotation in another process would otherwise miss what this commits after its re-sealing).
   */
  async function claimKey(r: ReturnType<typeof complaintsRepository>, u: Unlocked): Promise<void> {
    if ((await r.claimActiveKey(u.agencyId, u.keyId)) === 0) throw new DomainError('CONFLICT', 'กุญแจเรื่องร้องเรียนถูกเปลี่ยนแล้ว กรุณาเปิดกุญแจใหม่อีกครั้ง');
  }

  async function contentKeyOf(u: Unlocked, row: ReportRow): Promise<Uint8Array> {
    await sodium();
    if (row.key_id !== u.keyId) throw new DomainError('CONFLICT', 'เรื่องนี้เข้ารหัสด้วยกุญแจรุ่นก่อน กรุณาเปิดด้วยกุญแจรุ่นนั้น');
    return openSealed(unb64(row.agency_key_sealed), u.boxPublic, u.boxSecret);
  }

  function summary(row: ReportRow, userId: string, unread: Set<string>): ReportSummary {
    const state = row.state as State;
    return {
      id: row.id,
      category: row.category as Category,
      channel: row.channel as Channel,
      state,
      receivedDate: row.received_date,
      acknowledgeBy: row.acknowledge_by,
      concludeBy: row.conclude_by,
      overdue: overdue(state, { acknowledgeBy: row.acknowledge_by, concludeBy: row.conclude_by }, today()),
      assignedToMe: row.assigned_user_id === userId,
      assigned: row.assigned_user_id !== null,
      involvesExecutive: Number(row.involves_executive) === 1,
      hasIdentity: Number(row.has_identity) === 1,
      unread: unread.has(row.id),
    };
  }

  const audit = (tx: Kysely<ComplaintsDb>, user: HandlerUser, action: string, reportId: string | null) =>
    writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action, entityType: 'complaint', entityId: reportId });

  return {
    async list(u: Unlocked, user: HandlerUser): Promise<ReportSummary[]> {
      const unread = new Set((await repo.unreadNotifications(u.agencyId, user.id)).map((n) => n.report_id ?? ''));
      const rows = (await repo.listReports(u.agencyId)).filter((r) => !excludedOf(r).includes(user.id));
      await audit(db, user, 'complaints.list.view', null);
      return rows.map((r) => summary(r, user.id, unread));
    },

    /** How many reports wait for this handler — the only thing a notification says. */
    async waitingCount(agencyId: string, userId: string): Promise<number> {
      return new Set((await repo.unreadNotifications(agencyId, userId)).map((n) => n.report_id)).size;
    },

    async view(u: Unlocked, user: HandlerUser, reportId: string): Promise<ReportDetail> {
      const row = await visible(u, reportId);
      const key = await contentKeyOf(u, row);
      const handlers = await deps.handlers(u.agencyId);
      const names = new Map(handlers.map((h) => [h.id, h.displayName]));
      const messages = (await repo.messagesFor(u.agencyId, row.id)).map((m) => ({
        id: m.id,
        author: m.author as 'reporter' | 'handler' | 'note',
        authorName: m.author_user_id ? (names.get(m.author_user_id) ?? null) : null,
        // Internal notes are sealed to the agency key alone, so the receipt cannot open them.
        body: m.author === 'note' ? new TextDecoder().decode(openSealed(unb64(m.body), u.boxPublic, u.boxSecret)) : decryptText(key, unb64(m.body)),
        at: m.created_at,
      }));
      const attachments = (await repo.attachmentsFor(u.agencyId, row.id)).map((a) => ({ id: a.id, sizeBytes: Number(a.size_bytes), ...(JSON.parse(decryptText(key, unb64(a.meta))) as { name: string; mediaType: string; originalSha256: string; removed: string[]; originalKept: boolean }) }));
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).markNotificationsRead(u.agencyId, user.id, row.id, ts);
        await audit(tx, user, 'complaints.report.view', row.id);
      });
      return {
        ...summary(row, user.id, new Set()),
        content: JSON.parse(decryptText(key, unb64(row.content))) as ReportContent,
        outcome: (row.outcome as Outcome | null) ?? null,
        forwardedTo: (row.forwarded_to as OutsideBody | null) ?? null,
        assignedUserId: row.assigned_user_id,
        messages,
        attachments,
        actions: allowedActions(row.state as State),
        eligibleAssignees: handlers.filter((h) => eligibleHandlers([h.id], excludedOf(row)).length > 0),
        receiptHolder: row.reporter_key !== null,
      };
    },

    async act(u: Unlocked, user: HandlerUser, reportId: string, input: unknown): Promise<void> {
      const parsed = actionInput.safeParse(input);
      if (!parsed.success) throw validationError('ข้อมูลไม่ถูกต้อง', zodToFieldErrors(parsed.error));
      const a = parsed.data;
      const row = await visible(u, reportId);
      const to = nextState(row.state as State, a.action);
      if (!to) throw new DomainError('CONFLICT', 'ขั้นตอนนี้ใช้กับสถานะปัจจุบันของเรื่องไม่ได้');
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).updateReport(u.agencyId, row.id, {
          state: to,
          outcome: a.action === 'conclude' ? a.outcome : row.outcome,
          forwarded_to: a.action === 'forward' ? a.body : row.forwarded_to,
          closed_date: isClosed(to) ? today() : null,
          assigned_user_id: row.assigned_user_id ?? user.id,
          updated_at: ts,
        });
        await audit(tx, user, `complaints.report.${a.action}`, row.id);
      });
    },

    /** A message the reporter will read (encrypted with the report's key) or an internal note. */
    async write(u: Unlocked, user: HandlerUser, reportId: string, text: string, kind: 'handler' | 'note'): Promise<void> {
      const body = text.trim();
      if (!body) throw validationError('กรุณาพิมพ์ข้อความ', [{ field: kind === 'note' ? 'note' : 'message', message: 'กรุณาพิมพ์ข้อความ' }]);
      if (body.length > 20_000) throw validationError('ข้อความยาวเกินไป', [{ field: kind === 'note' ? 'note' : 'message', message: 'ข้อความยาวเกิน 20000 ตัวอักษร' }]);
      const row = await visible(u, reportId);
      if (kind === 'handler' && row.reporter_key === null) throw new DomainError('CONFLICT', 'เรื่องนี้รับทางช่องทางอื่น ผู้แจ้งไม่มีรหัสติดตาม จึงส่งข้อความถึงผู้แจ้งในระบบไม่ได้');
      const key = await contentKeyOf(u, row);
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        await claimKey(r, u);
        const sealed = kind === 'note' ? sealTo(u.boxPublic, body) : encrypt(key, body);
        await r.insertMessage({ id: randomUUID(), agency_id: u.agencyId, report_id: row.id, author: kind, author_user_id: user.id, body: b64(sealed), created_at: ts });
        if (kind === 'handler') await r.updateReport(u.agencyId, row.id, { reporter_waiting: 1, updated_at: ts });
        await audit(tx, user, kind === 'note' ? 'complaints.report.note' : 'complaints.report.message', row.id);
      });
    },

    async assign(u: Unlocked, user: HandlerUser, reportId: string, assigneeId: string): Promise<void> {
      const row = await visible(u, reportId);
      const handlers = await deps.handlers(u.agencyId);
      if (!handlers.some((h) => h.id === assigneeId) || excludedOf(row).includes(assigneeId)) {
        throw validationError('มอบหมายไม่ได้', [{ field: 'assignee', message: 'ผู้รับมอบหมายต้องเป็นผู้รับผิดชอบเรื่องร้องเรียนที่ไม่ถูกกันออกจากเรื่องนี้' }]);
      }
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        await r.updateReport(u.agencyId, row.id, { assigned_user_id: assigneeId, updated_at: ts });
        await r.insertNotification({ id: randomUUID(), agency_id: u.agencyId, user_id: assigneeId, report_id: row.id, kind: 'waiting', created_at: ts, read_at: null });
        await audit(tx, user, 'complaints.report.assign', row.id);
      });
    },

    /** The handler steps aside: excluded from the report from now on, and unassigned. */
    async recuse(u: Unlocked, user: HandlerUser, reportId: string): Promise<void> {
      const row = await visible(u, reportId);
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).updateReport(u.agencyId, row.id, {
          excluded_user_ids: JSON.stringify([...excludedOf(row), user.id]),
          assigned_user_id: row.assigned_user_id === user.id ? null : row.assigned_user_id,
          updated_at: ts,
        });
        await audit(tx, user, 'complaints.report.recuse', row.id);
      });
    },

    /** The explicit, audited disclosure step: only a custodian, only with a stated reason (kept out of the log). */
    async disclose(u: Unlocked, user: HandlerUser & { canDisclose: boolean }, reportId: string, reason: string): Promise<Identity | null> {
      if (!user.canDisclose) throw forbidden('เฉพาะผู้ได้รับมอบหมายให้เปิดเผยตัวตนผู้แจ้งเท่านั้น');
      if (reason.trim().length < 10) throw validationError('กรุณาระบุเหตุผล', [{ field: 'reason', message: 'กรุณาระบุเหตุผลที่ต้องเปิดดูตัวตนผู้แจ้ง อย่างน้อย 10 ตัวอักษร' }]);
      const row = await visible(u, reportId);
      const ident = await repo.identityFor(u.agencyId, row.id);
      await sodium();
      // The reason is kept, sealed, as an internal note: the audit log holds only that it happened.
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).insertMessage({ id: randomUUID(), agency_id: u.agencyId, report_id: row.id, author: 'note', author_user_id: user.id, body: b64(sealTo(u.boxPublic, `เปิดดูตัวตนผู้แจ้ง เหตุผล: ${reason.trim()}`)), created_at: ts });
        await audit(tx, user, 'complaints.identity.disclose', row.id);
      });
      return ident ? (JSON.parse(new TextDecoder().decode(openSealed(unb64(ident.sealed), u.boxPublic, u.boxSecret))) as Identity) : null;
    },

    async attachment(u: Unlocked, user: HandlerUser, reportId: string, attachmentId: string, original = false): Promise<{ name: string; mediaType: string; bytes: Uint8Array }> {
      const row = await visible(u, reportId);
      const a = await repo.attachmentById(u.agencyId, row.id, attachmentId);
      if (!a || (original && !a.original_storage_key)) throw notFound('ไม่พบไฟล์');
      const key = await contentKeyOf(u, row);
      const meta = JSON.parse(decryptText(key, unb64(a.meta))) as { name: string; mediaType: string };
      const bytes = decrypt(key, await blobs.get(u.agencyId, original ? a.original_storage_key! : a.storage_key));
      await audit(db, user, original ? 'complaints.attachment.original' : 'complaints.attachment.view', row.id);
      return { name: meta.name, mediaType: meta.mediaType, bytes };
    },

    /** A complaint received by letter, phone or in person, so it counts like any other. */
    async intake(u: Unlocked, user: HandlerUser, input: unknown): Promise<string> {
      const parsed = intakeInput.safeParse(input);
      if (!parsed.success) throw validationError('ข้อมูลไม่ถูกต้อง', zodToFieldErrors(parsed.error));
      const d = parsed.data;
      if (d.receivedDate > today()) throw validationError('ข้อมูลไม่ถูกต้อง', [{ field: 'receivedDate', message: 'วันที่รับเรื่องต้องไม่เป็นวันในอนาคต' }]);
      await sodium();
      const contentKey = newContentKey();
      const content: ReportContent = { description: d.description, nonce: randomBytes(16).toString('hex') };
      const due = dueDates(d.receivedDate, await deps.channel.guideline(u.agencyId));
      const id = randomUUID();
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await claimKey(complaintsRepository(tx), u);
        await complaintsRepository(tx).insertReport({
          id, agency_id: u.agencyId, key_id: u.keyId, receipt_lookup: null, reporter_key: null,
          agency_key_sealed: b64(sealTo(u.boxPublic, contentKey)), content: b64(encrypt(contentKey, JSON.stringify(content))),
          category: d.category, channel: d.channel, involves_executive: d.involvesExecutive ? 1 : 0, excluded_user_ids: '[]',
          state: 'received', outcome: null, forwarded_to: null, assigned_user_id: user.id,
          received_date: d.receivedDate, acknowledge_by: due.acknowledgeBy, conclude_by: due.concludeBy, closed_date: null,
          has_identity: 0, reporter_waiting: 0, created_at: ts, updated_at: ts,
        });
        await audit(tx, user, 'complaints.report.intake', id);
      });
      return id;
    },

    hashOf: sha256Hex,
  };
}
export type ComplaintHandling = ReturnType<typeof complaintHandling>;
