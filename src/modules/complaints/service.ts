/**
 * The reporter's side of the channel: submit (web form, JSON API or staff intake), follow up with
 * the receipt, answer the handler. Content is encrypted before it reaches the repository; the
 * receipt is returned once and never stored. Handling by staff is in handling.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';
import { DomainError, notFound, validationError, type FieldError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { complaintsRepository } from './repository.js';
import { b64, decryptText, encrypt, newContentKey, RECEIPT_KDF, receiptLookup, sealTo, serverKey, sha256Hex, signDetached, sodium, unb64, unwrapWithSecret, wrapWithSecret, decrypt } from './domain/crypto.js';
import { newReceipt, normalizeReceipt } from './domain/receipt.js';
import { stripImageMetadata, ImageFormatError, sniffImage } from './domain/image-metadata.js';
import { dueDates, eligibleHandlers } from './domain/workflow.js';
import { STATE_LABELS, OUTCOME_LABELS, OUTSIDE_BODY_LABELS, type Channel, type Identity, type ReportContent, type State, type Outcome, type OutsideBody } from './domain/types.js';
import { DEFAULT_GUIDELINE, guidelineInput, receiptInput, replyInput, reportInput, type Guideline, type ReportInput } from './schemas.js';
import type { ComplaintAccess } from './access.js';
import type { ComplaintBlobStore } from './blob-store.js';
import type { KeyVersion } from './rotation.js';
import type { WaitingNotifier } from './notify.js';
import type { ReportRow } from './tables.js';

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface Acknowledgement {
  /** base64 of the UTF-8 JSON that was signed. */
  payload: string;
  /** base64 Ed25519 detached signature over the decoded payload bytes. */
  signature: string;
}

export interface ReporterView {
  state: State;
  stateLabel: string;
  outcome: Outcome | null;
  forwardedTo: OutsideBody | null;
  forwardedToLabel: string | null;
  receivedDate: string;
  waitingForReporter: boolean;
  messages: { from: 'reporter' | 'agency'; body: string; at: string }[];
  attachments: number;
}

export interface AgencyRef {
  id: string;
  slug: string;
  nameTh: string;
}

export interface ChannelDeps {
  db: Kysely<ComplaintsDb>;
  clock: Clock;
  serverSecret: string;
  access: ComplaintAccess;
  blobs: ComplaintBlobStore;
  /** Ids and names of the agency's complaint handlers (from the users module). */
  handlers: (agencyId: string) => Promise<{ id: string; displayName: string }[]>;
  keyHistory: (agencyId: string) => Promise<KeyVersion[]>;
  /** E-mail / LINE "something is waiting" after a commit (notify.ts); in-app notices are written regardless. */
  notifyWaiting?: WaitingNotifier;
  /** Executive names (agencies module), to route a report away from the one it names. */
  executiveName: (agencyId: string, executiveId: string) => Promise<string | undefined>;
}

/** The key a submission sealed to was retired by a rotation before it committed. */
class KeyRetired extends Error {}

const REPORTER_ACTOR: Actor = { userId: null, label: 'ช่องทางแจ้งเบาะแสการทุจริต' };
const normName = (s: string) => s.replace(/^(นาย|นางสาว|นาง|ว่าที่ร้อยตรี|ดร\.)\s*/u, '').replace(/\s+/g, ' ').trim();

/**
 * At most `n` submissions encrypt and commit at once; the rest wait their turn. Encryption and
 * SQLite commits run on the event loop, so without a bound a burst of reports would queue ahead of
 * every public page request; with it, a page waits for at most `n` submissions' work.
 */
function semaphore(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((r) => waiting.push(r));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

export function complaintChannel(deps: ChannelDeps) {
  const { db, clock, access, blobs } = deps;
  const oneAtATime = semaphore(2);
  const repo = complaintsRepository(db);
  const lookupKey = serverKey(deps.serverSecret, 'receipt-lookup');

  async function guideline(agencyId: string): Promise<Guideline> {
    const row = await repo.settings(agencyId);
    return row ? { ...DEFAULT_GUIDELINE, ...(JSON.parse(row.guideline) as Partial<Guideline>) } : DEFAULT_GUIDELINE;
  }

  /** Who must never see this report: the named executive (by account name) and those the reporter excluded. */
  async function excludedFor(agencyId: string, handlers: { id: string; displayName: string }[], input: Pick<ReportInput, 'executiveId' | 'excludeHandlerIds'>): Promise<string[]> {
    const out = new Set((input.excludeHandlerIds ?? []).filter((id) => handlers.some((h) => h.id === id)));
    if (input.executiveId) {
      const name = await deps.executiveName(agencyId, input.executiveId);
      if (name) for (const h of handlers) if (normName(h.displayName) === normName(name)) out.add(h.id);
    }
    return [...out];
  }

  function prepareFiles(files: readonly IncomingFile[]): { name: string; kind: 'jpeg' | 'png'; working: Uint8Array; original: Uint8Array; removed: string[] }[] {
    const errors: FieldError[] = [];
    if (files.length > MAX_FILES) errors.push({ field: 'files', message: `แนบไฟล์ได้ไม่เกิน ${MAX_FILES} ไฟล์` });
    const out = files.slice(0, MAX_FILES).flatMap((f, i) => {
      if (f.bytes.length > MAX_FILE_BYTES) {
        errors.push({ field: `files.${i}`, message: `ไฟล์ "${f.name}" มีขนาดเกิน 10 MB` });
        return [];
      }
      if (!sniffImage(f.bytes)) {
        errors.push({ field: `files.${i}`, message: `ไฟล์ "${f.name}" ไม่ใช่รูปภาพ JPEG หรือ PNG (รับเฉพาะรูปภาพ เพื่อให้ลบข้อมูลแฝง เช่น พิกัด GPS ได้)` });
        return [];
      }
      try {
        const s = stripImageMetadata(f.bytes);
        return [{ name: f.name.slice(0, 200), kind: s.kind, working: s.bytes, original: f.bytes, removed: s.removed }];
      } catch (error) {
        if (!(error instanceof ImageFormatError)) throw error;
        errors.push({ field: `files.${i}`, message: `ไฟล์ "${f.name}" เสียหายหรืออ่านไม่ได้` });
        return [];
      }
    });
    if (errors.length) throw validationError('ไฟล์แนบไม่ถูกต้อง', errors);
    return out;
  }

  /** Encrypts and writes files; returns rows to insert (inside the caller's transaction). */
  async function storeFiles(agencyId: string, reportId: string, messageId: string | null, key: Uint8Array, files: ReturnType<typeof prepareFiles>, keepOriginals: boolean, ts: string) {
    const rows = [];
    for (const f of files) {
      const storageKey = await blobs.put(agencyId, encrypt(key, f.working));
      const originalKey = keepOriginals ? await blobs.put(agencyId, encrypt(key, f.original)) : null;
      const meta = { name: f.name, mediaType: f.kind === 'jpeg' ? 'image/jpeg' : 'image/png', originalSha256: sha256Hex(f.original), removed: f.removed, originalKept: keepOriginals };
      rows.push({ id: randomUUID(), agency_id: agencyId, report_id: reportId, message_id: messageId, meta: b64(encrypt(key, JSON.stringify(meta))), storage_key: storageKey, original_storage_key: originalKey, size_bytes: f.working.length, created_at: ts });
    }
    return rows;
  }

  // Handler ids are read before the transaction: on SQLite a query outside it would wait for it.
  async function notifyHandlers(tx: Kysely<ComplaintsDb>, agencyId: string, reportId: string, excluded: string[], handlerIds: string[], ts: string) {
    const r = complaintsRepository(tx);
    for (const id of eligibleHandlers(handlerIds, excluded)) {
      // Says only that something is waiting; never what.
      await r.insertNotification({ id: randomUUID(), agency_id: agencyId, user_id: id, report_id: reportId, kind: 'waiting', created_at: ts, read_at: null });
    }
  }

  function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: unknown): T {
    const r = schema.safeParse(value);
    if (!r.success) throw validationError('ข้อมูลที่ส่งมาไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ', zodToFieldErrors(r.error));
    return r.data;
  }

  async function findByReceipt(agencyId: string, rawReceipt: string): Promise<{ row: ReportRow; key: Uint8Array }> {
    const receipt = normalizeReceipt(rawReceipt);
    if (!receipt) throw validationError('รหัสติดตามเรื่องไม่ถูกต้อง', [{ field: 'receipt', message: 'รหัสติดตามเรื่องต้องเป็นตัวเลข 16 หลัก' }]);
    const row = await repo.reportByReceipt(agencyId, receiptLookup(lookupKey, agencyId, receipt));
    const wrapped = row?.reporter_key ? (JSON.parse(row.reporter_key) as Parameters<typeof unwrapWithSecret>[1]) : undefined;
    await sodium();
    const key = wrapped ? await unwrapWithSecret(receipt, wrapped) : undefined;
    // Same answer for an unknown receipt and a failed unwrap: nothing to learn by guessing.
    if (!row || !key) throw notFound('ไม่พบเรื่องตามรหัสติดตามนี้ กรุณาตรวจสอบตัวเลขอีกครั้ง');
    return { row, key };
  }

  async function reporterView(row: ReportRow, key: Uint8Array): Promise<ReporterView> {
    const messages = (await repo.messagesFor(row.agency_id, row.id))
      .filter((m) => m.author !== 'note')
      .map((m) => ({ from: m.author === 'reporter' ? ('reporter' as const) : ('agency' as const), body: decryptText(key, unb64(m.body)), at: m.created_at }));
    const forwardedTo = (row.forwarded_to as OutsideBody | null) ?? null;
    return {
      state: row.state as State,
      stateLabel: STATE_LABELS[row.state as State],
      outcome: (row.outcome as Outcome | null) ?? null,
      forwardedTo,
      forwardedToLabel: forwardedTo ? OUTSIDE_BODY_LABELS[forwardedTo] : null,
      receivedDate: row.received_date,
      waitingForReporter: messages.length > 0 && messages[messages.length - 1]!.from === 'agency',
      messages,
      attachments: (await repo.attachmentsFor(row.agency_id, row.id)).length,
    };
  }

  /** Encrypts and stores a validated report; returns the receipt and the signed acknowledgement. */
  async function store(agency: AgencyRef, data: ReportInput, files: ReturnType<typeof prepareFiles>, opts: { channel?: Channel; keepOriginals?: boolean; receivedDate?: string }): Promise<{ receipt: string; acknowledgement: Acknowledgement }> {
    const key = await access.activeKey(agency.id);
    if (!key) throw new DomainError('NOT_FOUND', 'หน่วยงานนี้ยังไม่เปิดช่องทางแจ้งเบาะแสการทุจริต');
    await sodium();
    const now = clock.now();
    const ts = now.toISOString();
    const receivedDate = opts.receivedDate ?? todayInThailand(clock);
    const contentKey = newContentKey();
    const content: ReportContent = { description: data.description, who: data.who, when: data.when, where: data.where, nonce: randomBytes(16).toString('hex') };
    const contentJson = JSON.stringify(content);
    const reportHash = sha256Hex(contentJson);
    const receipt = newReceipt();
    // Read once: who is excluded and who is told something is waiting.
    const handlers = await deps.handlers(agency.id);
    const excluded = await excludedFor(agency.id, handlers, data);
    const g = await guideline(agency.id);
    const due = dueDates(receivedDate, g);
    const id = randomUUID();
    const identity: Identity | undefined = data.identity && Object.values(data.identity).some(Boolean) ? data.identity : undefined;
    const boxPublic = unb64(key.box_public);
    const reporterKey = await wrapWithSecret(receipt, contentKey, RECEIPT_KDF);
    const handlerIds = handlers.map((h) => h.id);
    const attachmentRows = await storeFiles(agency.id, id, null, contentKey, files, opts.keepOriginals ?? false, ts);
    try {
      await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        if ((await r.claimActiveKey(agency.id, key.id)) === 0) throw new KeyRetired();
        await r.insertReport({
          id, agency_id: agency.id, key_id: key.id,
          receipt_lookup: receiptLookup(lookupKey, agency.id, receipt),
          reporter_key: JSON.stringify(reporterKey),
          agency_key_sealed: b64(sealTo(boxPublic, contentKey)),
          content: b64(encrypt(contentKey, contentJson)),
          category: data.category, channel: opts.channel ?? 'online',
          involves_executive: data.involvesExecutive ? 1 : 0,
          excluded_user_ids: JSON.stringify(excluded),
          state: 'received', outcome: null, forwarded_to: null, assigned_user_id: null,
          received_date: receivedDate, acknowledge_by: due.acknowledgeBy, conclude_by: due.concludeBy, closed_date: null,
          has_identity: identity ? 1 : 0, reporter_waiting: 0, created_at: ts, updated_at: ts,
        });
        // Identity: its own row, sealed straight to the agency key (the reporter never reads it back).
        if (identity) await r.insertIdentity({ id: randomUUID(), agency_id: agency.id, report_id: id, sealed: b64(sealTo(boxPublic, JSON.stringify(identity))), created_at: ts });
        for (const a of attachmentRows) await r.insertAttachment(a);
        await notifyHandlers(tx, agency.id, id, excluded, handlerIds, ts);
        await writeAudit(tx, clock, REPORTER_ACTOR, { agencyId: agency.id, action: 'complaints.report.receive', entityType: 'complaint', entityId: id, details: { channel: opts.channel ?? 'online' } });
      });
    } catch (error) {
      for (const a of attachmentRows) {
        await blobs.remove(agency.id, a.storage_key);
        if (a.original_storage_key) await blobs.remove(agency.id, a.original_storage_key);
      }
      throw error;
    }
    deps.notifyWaiting?.(agency.id, handlerIds, excluded);
    const payload = new TextEncoder().encode(JSON.stringify({ type: 'prongsai-corruption-report-acknowledgement', v: 1, agency: agency.slug, agencyId: agency.id, keyVersion: Number(key.version), reportHash, receivedAt: ts }));
    const signature = signDetached(payload, await access.signingSecret(key));
    return { receipt, acknowledgement: { payload: b64(payload), signature: b64(signature) } };
  }

  return {
    guideline,
    async saveGuideline(actor: Actor, agencyId: string, input: unknown): Promise<Guideline> {
      const g = parse(guidelineInput, input);
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).saveSettings({ agency_id: agencyId, guideline: JSON.stringify(g), updated_at: clock.now().toISOString() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'complaints.guideline.save', entityType: 'complaint_settings', entityId: agencyId });
      });
      return g;
    },

    /** The agency's published Ed25519 public key (base64), or undefined before a key exists. */
    async publicKey(agencyId: string): Promise<string | undefined> {
      return (await access.activeKey(agencyId))?.sign_public;
    },

    /** Every key version's public signing key (the history that keeps old acknowledgements verifiable). */
    keyHistory: (agencyId: string) => deps.keyHistory(agencyId),

    channelOpen: async (agencyId: string): Promise<boolean> => (await access.activeKey(agencyId)) !== undefined,

    /**
     * Validates, encrypts and stores a report; returns the receipt (once) and the signed
     * acknowledgement. Nothing is stored when anything is invalid.
     */
    async submit(agency: AgencyRef, input: unknown, opts: { channel?: Channel; files?: IncomingFile[]; keepOriginals?: boolean; receivedDate?: string } = {}): Promise<{ receipt: string; acknowledgement: Acknowledgement }> {
      const data = parse(reportInput, input);
      const files = prepareFiles(opts.files ?? []);
      // A rotation between reading the key and committing retires it: seal again to the new one.
      for (let attempt = 1; ; attempt++) {
        try {
          return await oneAtATime(() => store(agency, data, files, opts));
        } catch (error) {
          if (!(error instanceof KeyRetired) || attempt >= 3) throw error;
        }
      }
    },

    /** What the reporter sees with the receipt. */
    async status(agencyId: string, input: unknown): Promise<ReporterView> {
      const { receipt } = parse(receiptInput, input);
      const { row, key } = await findByReceipt(agencyId, receipt);
      return reporterView(row, key);
    },

    /** The reporter answers (text and optional images), using the receipt only. */
    async reply(agencyId: string, input: unknown, files: IncomingFile[] = []): Promise<ReporterView> {
      const data = parse(replyInput, input);
      const prepared = prepareFiles(files);
      const { row, key } = await findByReceipt(agencyId, data.receipt);
      await sodium();
      const ts = clock.now().toISOString();
      const messageId = randomUUID();
      const attachmentRows = await storeFiles(agencyId, row.id, messageId, key, prepared, false, ts);
      const handlerIds = (await deps.handlers(agencyId)).map((h) => h.id);
      await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        await r.insertMessage({ id: messageId, agency_id: agencyId, report_id: row.id, author: 'reporter', author_user_id: null, body: b64(encrypt(key, data.message)), created_at: ts });
        for (const a of attachmentRows) await r.insertAttachment(a);
        await r.updateReport(agencyId, row.id, { reporter_waiting: 0, updated_at: ts });
        await notifyHandlers(tx, agencyId, row.id, JSON.parse(row.excluded_user_ids) as string[], handlerIds, ts);
        await writeAudit(tx, clock, REPORTER_ACTOR, { agencyId, action: 'complaints.report.reporter-reply', entityType: 'complaint', entityId: row.id });
      });
      deps.notifyWaiting?.(agencyId, handlerIds, JSON.parse(row.excluded_user_ids) as string[]);
      return reporterView((await repo.reportById(agencyId, row.id))!, key);
    },

    /** For the durability script: opens a report with its receipt and returns its description. */
    async readWithReceipt(agencyId: string, receipt: string): Promise<string> {
      const { row, key } = await findByReceipt(agencyId, receipt);
      return (JSON.parse(new TextDecoder().decode(decrypt(key, unb64(row.content)))) as ReportContent).description;
    },

    labels: { STATE_LABELS, OUTCOME_LABELS },
  };
}
export type ComplaintChannel = ReturnType<typeof complaintChannel>;
