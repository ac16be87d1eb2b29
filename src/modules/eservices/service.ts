/**
 * E-service use cases: the catalogue (catalogue.ts, spread in here), citizens' requests
 * without an account, the staff queue, messages and reply templates. Statistics, reports and the
 * retention job are in reports.ts; citizens' notices in notifications.ts. Every call takes the agency id; personal data is shown
 * unmasked only to the staff who handle a request (its assignee or its unit).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EservicesDb } from './tables.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';
import { DomainError, notFound, validationError, type FieldError } from '../../shared/errors.js';
import { addDays } from '../../shared/fiscal.js';
import { can } from '../../shared/permissions.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { FileStore, StagedFile } from '../../platform/file-store.js';
import type { User } from '../users/index.js';
import type { SurveysService } from '../surveys/index.js';
import { eservicesRepository } from './repository.js';
import type { RequestRow, ServiceRow } from './tables.js';
import { validateValues, normalisePhone, type FieldValues } from './domain/fields.js';
import { NEXT_STATES, isFinal, isOverdue, isRequestState, normaliseTrackingCode, trackingCodeFrom, type Channel, type RequestState } from './domain/states.js';
import { contactSchema } from './schemas.js';
import { SATISFACTION_FORM, SATISFACTION_KEY } from './satisfaction.js';
import { noticeRow, type NoticeChannels } from './notifications.js';
import { eserviceCatalogue, parse, requireService as requireServiceOf, toService } from './catalogue.js';

export { toService, type Service } from './catalogue.js';


export interface RequestSummary {
  id: string;
  trackingCode: string;
  serviceId: string;
  serviceName: string;
  channel: Channel;
  state: RequestState;
  unitId: string | null;
  assignedTo: string | null;
  submittedOn: string;
  dueDate: string;
  closedOn: string | null;
  overdue: boolean;
  updatedAt: string;
}


export const CITIZEN: Actor = { userId: null, label: 'ผู้ยื่นคำขอ (ประชาชน)' };

export interface EservicesDeps {
  db: Kysely<EservicesDb>;
  clock: Clock;
  files: FileStore;
  surveys: SurveysService;
  /** Called after the set of public services changes (the public page attaches itself as evidence). */
  onPublicPageChanged?: (agencyId: string) => Promise<void>;
  /** Citizen notifications (notifications.ts): the channels that exist, and the nudge after a change commits. */
  notices?: { channels: NoticeChannels; afterCommit?: (agencyId: string) => void };
}

export interface NewRequest {
  fields: Record<string, unknown>;
  contact?: { phone?: string; email?: string; lineUserId?: string };
  channel: Channel;
  files?: Record<string, StagedFile>;
  /** Staff who recorded it at the counter (walk-in): they handle it. */
  assignedTo?: string;
}

export function eservicesService(deps: EservicesDeps) {
  const { db, clock, files, surveys } = deps;
  const repo = eservicesRepository(db);
  const now = () => clock.now().toISOString();
  const today = () => todayInThailand(clock);

  const toSummary = (r: RequestRow, names: Map<string, string>): RequestSummary => {
    const state = isRequestState(r.state) ? r.state : 'received';
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      serviceId: r.service_id,
      serviceName: names.get(r.service_id) ?? '',
      channel: r.channel as Channel,
      state,
      unitId: r.unit_id,
      assignedTo: r.assigned_to,
      submittedOn: r.submitted_on,
      dueDate: r.due_date,
      closedOn: r.closed_on,
      overdue: isOverdue({ state, dueDate: r.due_date, closedOn: r.closed_on }, today()),
      updatedAt: r.updated_at,
    };
  };

  /** Staff who handle a request see its personal data; managers see the queue, masked. */
  const handles = (user: User, r: Pick<RequestRow, 'assigned_to' | 'unit_id'>) => r.assigned_to === user.id || (r.unit_id !== null && r.unit_id === user.unitId);
  const mayOpen = (user: User, r: Pick<RequestRow, 'assigned_to' | 'unit_id'>) => can(user.roles, 'eservice.manage') || handles(user, r);

  const catalogue = eserviceCatalogue(deps);
  const requireService = (agencyId: string, id: string): Promise<ServiceRow> => requireServiceOf(db, agencyId, id);

  async function requireRequest(user: User, agencyId: string, id: string): Promise<RequestRow> {
    const row = await repo.findRequest(agencyId, id);
    // A request of another unit is "not found", not "forbidden": its existence is not theirs to know.
    if (!row || !mayOpen(user, row)) throw notFound('ไม่พบคำขอ');
    return row;
  }

  async function newTrackingCode(agencyId: string): Promise<string> {
    for (;;) {
      const code = trackingCodeFrom(randomBytes(10));
      if (!(await repo.trackingCodeTaken(agencyId, code))) return code;
    }
  }

  async function satisfactionForm(tx: Kysely<EservicesDb>, agencyId: string) {
    return surveys.ensureForm(tx, agencyId, SATISFACTION_FORM);
  }

  const service = {
    ...catalogue,

    /**
     * A citizen's request (web form, JSON API or recorded at the counter). Invalid input → one
     * VALIDATION error with a Thai message per field, staged files removed, nothing stored.
     */
    async submitRequest(agencyId: string, serviceId: string, input: NewRequest): Promise<{ trackingCode: string; id: string }> {
      const staged = Object.values(input.files ?? {});
      try {
        const svc = await service.publicService(agencyId, serviceId);
        const checked = validateValues(svc.fields, input.fields, new Set(Object.keys(input.files ?? {})));
        const errors: FieldError[] = 'errors' in checked ? [...checked.errors] : [];
        for (const key of Object.keys(input.files ?? {})) {
          if (!svc.fields.some((f) => f.key === key && f.type === 'file')) errors.push({ field: key, message: `ไม่มีช่องไฟล์ "${key}" ในแบบฟอร์มนี้` });
        }
        const contact = contactSchema.safeParse(input.contact ?? {});
        let phone: string | null = null;
        if (!contact.success) errors.push(...zodToFieldErrors(contact.error).map((e) => ({ ...e, field: `contact.${e.field}` })));
        else if (contact.data.phone) {
          phone = normalisePhone(contact.data.phone) ?? null;
          if (!phone) errors.push({ field: 'contact.phone', message: 'หมายเลขโทรศัพท์สำหรับติดต่อไม่ถูกต้อง (ตัวเลข 9–10 หลัก ขึ้นต้นด้วย 0)' });
        }
        if (errors.length || 'errors' in checked) throw validationError('ข้อมูลคำขอไม่ครบหรือไม่ถูกต้อง', errors);
        const values: FieldValues = checked.values;
        const id = randomUUID();
        const code = await newTrackingCode(agencyId);
        const at = now();
        const submittedOn = today();
        await db.transaction().execute(async (tx) => {
          const r = eservicesRepository(tx);
          await r.insertRequest({
            id,
            agency_id: agencyId,
            service_id: svc.id,
            tracking_code: code,
            channel: input.channel,
            state: 'received',
            fields: JSON.stringify(values),
            contact_phone: phone,
            contact_email: contact.success && contact.data.email ? contact.data.email : null,
            contact_line_id: contact.success && contact.data.lineUserId ? contact.data.lineUserId : null,
            unit_id: svc.unitId,
            assigned_to: input.assignedTo ?? null,
            submitted_on: submittedOn,
            due_date: addDays(submittedOn, svc.timeLimitDays),
            closed_on: null,
            reject_reason: null,
            anonymised_at: null,
            created_at: at,
            updated_at: at,
          });
          for (const [key, file] of Object.entries(input.files ?? {})) {
            const stored = await files.record(tx, CITIZEN, file);
            await r.insertRequestFile({ id: randomUUID(), agency_id: agencyId, request_id: id, field_key: key, file_id: stored.id, created_at: at });
          }
          await r.insertEvent({ id: randomUUID(), agency_id: agencyId, request_id: id, from_state: null, to_state: 'received', note: null, actor_user_id: null, created_at: at });
          await writeAudit(tx, clock, CITIZEN, { agencyId, action: 'eservice.request.submit', entityType: 'eservice_request', entityId: id, details: { service: svc.nameTh, channel: input.channel } });
        });
        return { trackingCode: code, id };
      } catch (error) {
        await Promise.all(staged.map((f) => files.discard(f)));
        throw error;
      }
    },

    /** What the citizen sees with the tracking code: state, history, replies, the survey link once done. */
    async status(agencyId: string, rawCode: string) {
      const code = normaliseTrackingCode(rawCode);
      const row = code ? await repo.findByTrackingCode(agencyId, code) : undefined;
      if (!row) throw notFound('ไม่พบคำขอตามรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง');
      const svc = toService(await requireService(agencyId, row.service_id));
      const form = await surveys.findForm(agencyId, SATISFACTION_KEY);
      const survey = form && row.state === 'done' ? await surveys.tokenForSubject(agencyId, form.id, row.id) : undefined;
      return {
        trackingCode: row.tracking_code,
        state: (isRequestState(row.state) ? row.state : 'received') as RequestState,
        service: svc.nameTh,
        serviceId: svc.id,
        updatedAt: row.updated_at,
        submittedOn: row.submitted_on,
        dueDate: row.due_date,
        rejectReason: row.reject_reason,
        events: (await repo.listEvents(agencyId, row.id)).map((e) => ({ toState: e.to_state as RequestState, note: e.note, at: e.created_at })),
        messages: (await repo.listMessages(agencyId, row.id, { includeInternal: false })).map((m) => ({ author: m.author as 'citizen' | 'staff', body: m.body, at: m.created_at })),
        survey,
      };
    },

    /** A citizen's message on their request; a request waiting for them goes back to the staff. */
    async citizenMessage(agencyId: string, rawCode: string, body: string): Promise<void> {
      const code = normaliseTrackingCode(rawCode);
      const row = code ? await repo.findByTrackingCode(agencyId, code) : undefined;
      if (!row) throw notFound('ไม่พบคำขอตามรหัสติดตามนี้');
      if (isRequestState(row.state) && isFinal(row.state)) throw new DomainError('CONFLICT', 'คำขอนี้ปิดแล้ว ไม่สามารถส่งข้อความเพิ่มได้');
      const text = body.trim();
      if (!text || text.length > 4000) throw validationError('ข้อความไม่ถูกต้อง', [{ field: 'body', message: text ? 'ข้อความยาวเกิน 4,000 ตัวอักษร' : 'กรุณาพิมพ์ข้อความ' }]);
      const at = now();
      await db.transaction().execute(async (tx) => {
        const r = eservicesRepository(tx);
        await r.insertMessage({ id: randomUUID(), agency_id: agencyId, request_id: row.id, author: 'citizen', author_user_id: null, internal: 0, body: text, created_at: at });
        if (row.state === 'waiting_citizen') {
          await r.updateRequest(agencyId, row.id, { state: 'in_progress', updated_at: at });
          await r.insertEvent({ id: randomUUID(), agency_id: agencyId, request_id: row.id, from_state: row.state, to_state: 'in_progress', note: 'ผู้ยื่นคำขอส่งข้อมูลเพิ่มเติมแล้ว', actor_user_id: null, created_at: at });
        } else await r.updateRequest(agencyId, row.id, { updated_at: at });
        await writeAudit(tx, clock, CITIZEN, { agencyId, action: 'eservice.request.message', entityType: 'eservice_request', entityId: row.id });
      });
    },

    // ----- staff

    /** The queue: all requests for managers, their unit's and their own for handling staff. */
    async queue(user: User, agencyId: string, filter: { unitId?: string | null; states?: RequestState[] } = {}): Promise<RequestSummary[]> {
      const names = new Map((await repo.listServices(agencyId)).map((s) => [s.id, s.name_th]));
      const rows = await repo.listRequests(agencyId, { ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}), ...(filter.states ? { states: filter.states } : {}) });
      return rows.filter((r) => mayOpen(user, r)).map((r) => toSummary(r, names));
    },

    async requestDetail(user: User, agencyId: string, id: string) {
      const row = await requireRequest(user, agencyId, id);
      const svc = toService(await requireService(agencyId, row.service_id));
      const names = new Map([[svc.id, svc.nameTh]]);
      const unmasked = handles(user, row);
      const form = await surveys.findForm(agencyId, SATISFACTION_KEY);
      return {
        request: toSummary(row, names),
        service: svc,
        unmasked,
        values: parse<FieldValues>(row.fields, {}),
        contactPhone: row.contact_phone,
        contactEmail: row.contact_email,
        rejectReason: row.reject_reason,
        anonymised: row.anonymised_at !== null,
        files: await repo.listRequestFiles(agencyId, id),
        messages: (await repo.listMessages(agencyId, id, { includeInternal: true })).map((m) => ({ author: m.author, internal: Number(m.internal) === 1, body: m.body, at: m.created_at, userId: m.author_user_id })),
        events: (await repo.listEvents(agencyId, id)).map((e) => ({ from: e.from_state, to: e.to_state as RequestState, note: e.note, at: e.created_at, userId: e.actor_user_id })),
        survey: form && row.state === 'done' ? await surveys.tokenForSubject(agencyId, form.id, id) : undefined,
      };
    },

    /** A request's file, for the staff who may open the request. */
    async requestFile(user: User, agencyId: string, requestId: string, fileId: string) {
      await requireRequest(user, agencyId, requestId);
      const f = (await repo.listRequestFiles(agencyId, requestId)).find((x) => x.file_id === fileId);
      const file = f ? await files.get(agencyId, f.file_id) : undefined;
      if (!file) throw notFound('ไม่พบไฟล์');
      return file;
    },

    /**
     * Moves a request to another state. Rejecting needs a reason (the citizen sees it); `done`
     * issues the one-time satisfaction survey link for this request.
     */
    async changeState(user: User, actor: Actor, agencyId: string, id: string, to: string, note: string): Promise<void> {
      const row = await requireRequest(user, agencyId, id);
      const from = row.state as RequestState;
      if (!isRequestState(to) || !NEXT_STATES[from].includes(to)) throw validationError('เปลี่ยนสถานะไม่ได้', [{ field: 'state', message: 'สถานะที่เลือกไม่สามารถเปลี่ยนจากสถานะปัจจุบันได้' }]);
      const text = note.trim();
      if (to === 'rejected' && !text) throw validationError('กรุณาระบุเหตุผล', [{ field: 'note', message: 'กรุณาระบุเหตุผลที่ไม่อนุมัติหรือยุติเรื่อง (ผู้ยื่นคำขอจะเห็นเหตุผลนี้)' }]);
      if (to === 'waiting_citizen' && !text) throw validationError('กรุณาระบุสิ่งที่ต้องการ', [{ field: 'note', message: 'กรุณาระบุข้อมูลหรือเอกสารที่ต้องการจากผู้ยื่นคำขอ' }]);
      if (text.length > 4000) throw validationError('ข้อความยาวเกินไป', [{ field: 'note', message: 'ข้อความยาวเกิน 4,000 ตัวอักษร' }]);
      const at = now();
      await db.transaction().execute(async (tx) => {
        const r = eservicesRepository(tx);
        await r.updateRequest(agencyId, id, {
          state: to,
          updated_at: at,
          ...(isFinal(to) ? { closed_on: today() } : {}),
          ...(to === 'rejected' ? { reject_reason: text } : {}),
        });
        await r.insertEvent({ id: randomUUID(), agency_id: agencyId, request_id: id, from_state: from, to_state: to, note: text || null, actor_user_id: user.id, created_at: at });
        if (to === 'done') {
          const form = await satisfactionForm(tx, agencyId);
          await surveys.issueToken(tx, agencyId, form.id, { subjectRef: id, groups: { service: row.service_id, ...(row.unit_id ? { unit: row.unit_id } : {}) } });
        }
        const notice = noticeRow(deps.notices?.channels, row, 'state', to, at);
        if (notice) await r.insertNotification(notice);
        await writeAudit(tx, clock, actor, { agencyId, action: 'eservice.request.state', entityType: 'eservice_request', entityId: id, details: { from, to } });
      });
      deps.notices?.afterCommit?.(agencyId);
    },

    async assign(user: User, actor: Actor, agencyId: string, id: string, assignee: User | null): Promise<void> {
      await requireRequest(user, agencyId, id);
      if (assignee && assignee.agencyId !== agencyId) throw validationError('ผู้รับผิดชอบไม่ถูกต้อง', [{ field: 'assignee', message: 'ผู้รับผิดชอบต้องเป็นเจ้าหน้าที่ของหน่วยงาน' }]);
      await db.transaction().execute(async (tx) => {
        await eservicesRepository(tx).updateRequest(agencyId, id, { assigned_to: assignee?.id ?? null, updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'eservice.request.assign', entityType: 'eservice_request', entityId: id, details: { assignee: assignee?.displayName ?? null } });
      });
    },

    /** An internal note (staff only) or a reply the citizen sees on the status page. */
    async addMessage(user: User, actor: Actor, agencyId: string, id: string, body: string, internal: boolean): Promise<void> {
      const row = await requireRequest(user, agencyId, id);
      const text = body.trim();
      if (!text || text.length > 4000) throw validationError('ข้อความไม่ถูกต้อง', [{ field: 'body', message: text ? 'ข้อความยาวเกิน 4,000 ตัวอักษร' : 'กรุณาพิมพ์ข้อความ' }]);
      await db.transaction().execute(async (tx) => {
        const r = eservicesRepository(tx);
        await r.insertMessage({ id: randomUUID(), agency_id: agencyId, request_id: id, author: 'staff', author_user_id: user.id, internal: internal ? 1 : 0, body: text, created_at: now() });
        if (!internal) await r.updateRequest(agencyId, id, { updated_at: now() });
        // An internal note is never announced; a reply is (its text stays on the status page).
        const notice = internal ? undefined : noticeRow(deps.notices?.channels, row, 'reply', null, now());
        if (notice) await r.insertNotification(notice);
        await writeAudit(tx, clock, actor, { agencyId, action: internal ? 'eservice.request.note' : 'eservice.request.reply', entityType: 'eservice_request', entityId: id });
      });
      if (!internal) deps.notices?.afterCommit?.(agencyId);
    },

    listReplyTemplates: async (agencyId: string) => (await repo.listTemplates(agencyId)).map((t) => ({ id: t.id, title: t.title, body: t.body })),
    async replyTemplate(agencyId: string, id: string) {
      const t = await repo.findTemplate(agencyId, id);
      if (!t) throw notFound('ไม่พบแม่แบบข้อความ');
      return { id: t.id, title: t.title, body: t.body };
    },
    async addReplyTemplate(actor: Actor, agencyId: string, title: string, body: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const id = randomUUID();
        await eservicesRepository(tx).insertTemplate({ id, agency_id: agencyId, title, body, created_at: now(), updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'eservice.template.add', entityType: 'eservice_reply_template', entityId: id, details: { title } });
      });
    },
    async removeReplyTemplate(actor: Actor, agencyId: string, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await eservicesRepository(tx).deleteTemplate(agencyId, id);
        await writeAudit(tx, clock, actor, { agencyId, action: 'eservice.template.remove', entityType: 'eservice_reply_template', entityId: id });
      });
    },

    /** The survey link of a done request (for the printed slip), issued if it was not yet. */
    async surveyTokenFor(user: User, agencyId: string, id: string): Promise<{ token: string; spent: boolean }> {
      const row = await requireRequest(user, agencyId, id);
      if (row.state !== 'done') throw new DomainError('CONFLICT', 'ใบแบบสำรวจพิมพ์ได้เมื่อคำขอดำเนินการเสร็จสิ้นแล้ว');
      const token = await db.transaction().execute(async (tx) => {
        const form = await satisfactionForm(tx, agencyId);
        return surveys.issueToken(tx, agencyId, form.id, { subjectRef: id, groups: { service: row.service_id, ...(row.unit_id ? { unit: row.unit_id } : {}) } });
      });
      const form = (await surveys.findForm(agencyId, SATISFACTION_KEY))!;
      return { token, spent: (await surveys.tokenForSubject(agencyId, form.id, id))?.spent ?? false };
    },

    /** For /metrics: requests in each state, all agencies together — counts only. */
    async requestsByState(): Promise<{ labels: { state: string }; value: number }[]> {
      return (await repo.countRequestsByStateAcrossAgencies()).map((r) => ({ labels: { state: r.state }, value: Number(r.n) }));
    },
  };
  return service;
}
export type EservicesService = ReturnType<typeof eservicesService>;
