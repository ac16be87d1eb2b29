/**
 * The Q&A channel's use cases: ask (no account), moderate, answer publicly or privately, search,
 * response-time statistics, and the public page as OIT evidence of the year's Q&A item by role.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { QaCategoryRow, QaDb, QaQuestionRow } from './tables.js';
import { qaRepository } from './repository.js';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { thaiDay } from '../../shared/thai.js';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { QA_CATEGORIES, QA_CATEGORY_LABELS, categoryName, likePattern, normaliseFollowCode, responseTimes, sameName, searchTerms, searchText, type QaCategory, type QaState, type ResponseTimeStats } from './domain/qa.js';

export interface QaEntry {
  id: string;
  /** The category's key; `categoryName` is what people read. */
  category: string;
  categoryName: string;
  askerName: string | null;
  question: string;
  isPrivate: boolean;
  state: QaState;
  rejectReason: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

/** What the public sees of a published entry: no asker's name unless given, nothing private. */
export interface PublicQaEntry {
  id: string;
  category: string;
  categoryName: string;
  askerName: string | null;
  question: string;
  answer: string | null;
  askedOn: string;
  answeredOn: string | null;
}

export interface QaDeps {
  db: Kysely<QaDb>;
  clock: Clock;
  publicBaseUrl: string;
  getAgency: (agencyId: string) => Promise<{ slug: string }>;
  /** oit's attachGeneratedByRole; null when the year has no item with that role. */
  attachByRole?: (agencyId: string, year: number, role: string, evidence: { source: string; sourceRef: string; title: string; url: string; claimElements?: (elements: { key: string }[]) => string[] }) => Promise<string | null>;
}

export const askSchema = z.object({
  // Checked against the agency's categories in use by `ask`.
  category: z.string('กรุณาเลือกหมวดของคำถาม').trim().min(1, 'กรุณาเลือกหมวดของคำถาม').max(40, 'กรุณาเลือกหมวดของคำถาม'),
  askerName: z.string().trim().max(100, 'ชื่อยาวเกิน 100 ตัวอักษร').optional().transform((v) => (v ? v : null)),
  question: z.string().trim().min(10, 'กรุณาพิมพ์คำถามอย่างน้อย 10 ตัวอักษร').max(2000, 'คำถามยาวเกิน 2,000 ตัวอักษร'),
  isPrivate: z.enum(['0', '1'], 'กรุณาเลือกว่าจะให้เผยแพร่คำถามหรือไม่').transform((v) => v === '1'),
});
const answerSchema = z.object({ answer: z.string().trim().min(5, 'กรุณาพิมพ์คำตอบอย่างน้อย 5 ตัวอักษร').max(5000, 'คำตอบยาวเกิน 5,000 ตัวอักษร') });
const rejectSchema = z.object({ reason: z.string().trim().min(3, 'กรุณาระบุเหตุผลที่ไม่เผยแพร่').max(500, 'เหตุผลยาวเกิน 500 ตัวอักษร') });

const categorySchema = z.object({
  nameTh: z.string('กรุณาพิมพ์ชื่อหมวด').trim().min(2, 'ชื่อหมวดต้องมีอย่างน้อย 2 ตัวอักษร').max(100, 'ชื่อหมวดยาวเกิน 100 ตัวอักษร'),
});
/** More would make the ask form's list unreadable on a phone. */
const MAX_CATEGORIES = 30;

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const toCategory = (r: QaCategoryRow): QaCategory => ({ key: r.key, nameTh: r.name_th, retired: Number(r.retired) === 1 });

function toEntry(r: QaQuestionRow, categories: readonly QaCategory[]): QaEntry {
  return {
    id: r.id,
    category: r.category,
    categoryName: categoryName(categories, r.category),
    askerName: r.asker_name,
    question: r.question,
    isPrivate: Number(r.is_private) === 1,
    state: r.status as QaState,
    rejectReason: r.reject_reason,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
  };
}
const toPublic = (e: QaEntry): PublicQaEntry => ({
  id: e.id,
  category: e.category,
  categoryName: e.categoryName,
  askerName: e.askerName,
  question: e.question,
  answer: e.answer,
  // Dates as the asker lived them: the Thai day, not the UTC day of the stored timestamp.
  askedOn: thaiDay(e.createdAt),
  answeredOn: e.answeredAt ? thaiDay(e.answeredAt) : null,
});

function parse<T extends z.ZodType>(schema: T, input: unknown, message: string): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(message, zodToFieldErrors(r.error));
  return r.data;
}

export function qaService({ db, clock, publicBaseUrl, getAgency, attachByRole }: QaDeps) {
  const repo = qaRepository(db);
  const now = () => clock.now().toISOString();

  /**
   * The agency's categories, in order. An agency that has none yet (its first use of the channel)
   * gets the default list first; a concurrent first use inserts nothing twice (unique key).
   */
  async function categories(agencyId: string): Promise<QaCategory[]> {
    const rows = await repo.listCategories(agencyId);
    if (rows.length) return rows.map(toCategory);
    const at = now();
    await repo.insertCategories(QA_CATEGORIES.map((key, i) => ({ id: randomUUID(), agency_id: agencyId, key, name_th: QA_CATEGORY_LABELS[key], retired: 0, position: i + 1, created_at: at, updated_at: at })));
    return (await repo.listCategories(agencyId)).map(toCategory);
  }

  async function requireCategory(agencyId: string, key: string): Promise<QaCategory> {
    const c = (await categories(agencyId)).find((x) => x.key === key);
    if (!c) throw notFound('ไม่พบหมวดนี้');
    return c;
  }

  /** A name must differ from every other category's, retired ones included (they still label questions). */
  async function checkName(agencyId: string, raw: Record<string, unknown>, exceptKey?: string): Promise<string> {
    const { nameTh } = parse(categorySchema, raw, 'ชื่อหมวดไม่ถูกต้อง');
    if ((await categories(agencyId)).some((c) => c.key !== exceptKey && sameName(c.nameTh, nameTh))) {
      throw validationError('ชื่อหมวดซ้ำ', [{ field: 'nameTh', message: `มีหมวด "${nameTh}" แล้ว กรุณาใช้ชื่ออื่น` }]);
    }
    return nameTh;
  }

  async function requireEntry(agencyId: string, id: string): Promise<QaQuestionRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.find(agencyId, id) : undefined;
    if (!row) throw notFound('ไม่พบคำถาม');
    return row;
  }

  const service = {
    /** A citizen asks (no account). Returns the follow-up code, shown once to the asker. */
    async ask(agencyId: string, raw: Record<string, unknown>): Promise<{ id: string; followCode: string }> {
      const parsed = askSchema.safeParse(raw);
      const errors = parsed.success ? [] : zodToFieldErrors(parsed.error);
      // A retired or unknown category is refused like a missing one, in the same summary.
      const active = (await categories(agencyId)).filter((c) => !c.retired);
      const chosen = parsed.success ? active.find((c) => c.key === parsed.data.category) : undefined;
      if (parsed.success && !chosen) errors.push({ field: 'category', message: 'กรุณาเลือกหมวดของคำถาม' });
      if (!parsed.success || !chosen || errors.length) throw validationError('ข้อมูลคำถามไม่ครบหรือไม่ถูกต้อง', errors);
      const input = parsed.data;
      const id = randomUUID();
      const followCode = `QA-${part()}-${part()}`;
      const at = now();
      await db.transaction().execute(async (tx) => {
        await qaRepository(tx).insert({
          id,
          agency_id: agencyId,
          category: input.category,
          asker_name: input.askerName,
          question: input.question,
          is_private: input.isPrivate ? 1 : 0,
          status: 'pending',
          reject_reason: null,
          answer: null,
          answered_by: null,
          answered_at: null,
          moderated_at: null,
          follow_hash: sha256(followCode),
          search_text: searchText(input.question),
          created_at: at,
          updated_at: at,
        });
        // The audit keeps no question text and no name: only that a question arrived, and in which
        // category by its Thai name (an agency's own category has a random key that reads as a code).
        await writeAudit(tx, clock, { userId: null, label: 'ประชาชน' }, { agencyId, action: 'qa.ask', entityType: 'qa_question', entityId: id, details: { category: chosen.nameTh, private: input.isPrivate } });
      });
      return { id, followCode };
    },

    /** The asker's view by follow-up code: the state and, once answered, the answer (public or private). */
    async follow(agencyId: string, rawCode: string): Promise<QaEntry & { code: string }> {
      const code = normaliseFollowCode(rawCode);
      const row = code ? await repo.findByFollowHash(agencyId, sha256(code)) : undefined;
      if (!row || !code) throw notFound('ไม่พบคำถามตามรหัสนี้ กรุณาตรวจสอบรหัสติดตาม');
      return { ...toEntry(row, await categories(agencyId)), code };
    },

    async list(agencyId: string): Promise<QaEntry[]> {
      const cats = await categories(agencyId);
      return (await repo.listAll(agencyId)).map((r) => toEntry(r, cats));
    },

    async get(agencyId: string, id: string): Promise<QaEntry> {
      return toEntry(await requireEntry(agencyId, id), await categories(agencyId));
    },

    /** Published public entries, newest first, matching every word of `query` (Thai cut into words). */
    async publicList(agencyId: string, opts: { query?: string; category?: string } = {}): Promise<PublicQaEntry[]> {
      const cats = await categories(agencyId);
      const category = opts.category && cats.some((c) => c.key === opts.category) ? opts.category : undefined;
      const rows = await repo.listPublic(agencyId, { likePatterns: searchTerms(opts.query ?? '').map(likePattern), ...(category ? { category } : {}) });
      return rows.map((r) => toPublic(toEntry(r, cats)));
    },

    async publicEntry(agencyId: string, id: string): Promise<PublicQaEntry> {
      const e = toEntry(await requireEntry(agencyId, id), await categories(agencyId));
      if (e.state !== 'published' || e.isPrivate) throw notFound('ไม่พบคำถาม');
      return toPublic(e);
    },

    /** Response times of the questions asked in a fiscal year (all years when omitted). */
    async stats(agencyId: string, fiscalYear?: number): Promise<ResponseTimeStats> {
      const rows = (await repo.listAll(agencyId)).filter((r) => fiscalYear === undefined || fiscalYearOf(thaiDay(r.created_at)) === fiscalYear);
      return responseTimes(rows.map((r) => ({ createdAt: r.created_at, answeredAt: r.answered_at, state: r.status as QaState })));
    },

    /** The agency's categories (the defaults on first use), retired ones included, in order. */
    categories,

    /** Staff add a category; it is offered to askers at once. */
    async addCategory(actor: Actor, agencyId: string, raw: Record<string, unknown>): Promise<QaCategory> {
      const nameTh = await checkName(agencyId, raw);
      const existing = await categories(agencyId);
      if (existing.length >= MAX_CATEGORIES) throw validationError('หมวดมากเกินไป', [{ field: 'nameTh', message: `มีหมวดได้ไม่เกิน ${MAX_CATEGORIES} หมวด เลิกใช้หรือเปลี่ยนชื่อหมวดเดิมแทน` }]);
      const key = `c-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('').toLowerCase()}`;
      const at = now();
      await db.transaction().execute(async (tx) => {
        await qaRepository(tx).insertCategories([{ id: randomUUID(), agency_id: agencyId, key, name_th: nameTh, retired: 0, position: existing.length + 1, created_at: at, updated_at: at }]);
        await writeAudit(tx, clock, actor, { agencyId, action: 'qa.category.add', entityType: 'qa_category', entityId: key, details: { nameTh } });
      });
      return { key, nameTh, retired: false };
    },

    /** Renames a category; its questions keep it and show the new name everywhere. */
    async renameCategory(actor: Actor, agencyId: string, key: string, raw: Record<string, unknown>): Promise<void> {
      const before = await requireCategory(agencyId, key);
      const nameTh = await checkName(agencyId, raw, key);
      await db.transaction().execute(async (tx) => {
        await qaRepository(tx).updateCategory(agencyId, key, { name_th: nameTh, updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'qa.category.rename', entityType: 'qa_category', entityId: key, details: { from: before.nameTh, to: nameTh } });
      });
    },

    /**
     * Retires a category (no longer offered to askers; its questions keep it) or brings it back.
     * The last category in use cannot be retired: askers must have one to choose.
     */
    async setCategoryRetired(actor: Actor, agencyId: string, key: string, retired: boolean): Promise<void> {
      const c = await requireCategory(agencyId, key);
      if (c.retired === retired) return;
      if (retired && (await categories(agencyId)).filter((x) => !x.retired).length <= 1) {
        throw new DomainError('CONFLICT', 'ต้องมีหมวดที่ใช้งานอยู่อย่างน้อย 1 หมวด ผู้ถามจึงจะเลือกหมวดได้');
      }
      await db.transaction().execute(async (tx) => {
        await qaRepository(tx).updateCategory(agencyId, key, { retired: retired ? 1 : 0, updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: retired ? 'qa.category.retire' : 'qa.category.restore', entityType: 'qa_category', entityId: key, details: { nameTh: c.nameTh } });
      });
    },

    /**
     * Moderation: `publish` makes a public question visible (with or without its answer yet);
     * `reject` keeps it off the public pages with a reason the asker sees. A private question is
     * never published; it is answered on the asker's follow-up page only.
     */
    async moderate(actor: Actor, agencyId: string, id: string, decision: 'publish' | 'reject', raw: Record<string, unknown> = {}): Promise<void> {
      const row = await requireEntry(agencyId, id);
      if (decision === 'publish' && Number(row.is_private) === 1) throw new DomainError('CONFLICT', 'คำถามนี้ผู้ถามขอไม่ให้เผยแพร่ ตอบได้เป็นการส่วนตัวเท่านั้น');
      const reason = decision === 'reject' ? parse(rejectSchema, raw, 'กรุณาระบุเหตุผล').reason : null;
      const at = now();
      await db.transaction().execute(async (tx) => {
        await qaRepository(tx).update(agencyId, id, { status: decision === 'publish' ? 'published' : 'rejected', reject_reason: reason, moderated_at: at, updated_at: at });
        await writeAudit(tx, clock, actor, { agencyId, action: decision === 'publish' ? 'qa.publish' : 'qa.reject', entityType: 'qa_question', entityId: id, details: reason ? { reason } : {} });
      });
      if (decision === 'publish') await service.attachEvidence(agencyId);
    },

    /**
     * Answers a question. A public question is published with its answer (answering is the
     * moderation decision); a private one stays private and the asker reads it by code.
     */
    async answer(actor: Actor, agencyId: string, id: string, raw: Record<string, unknown>): Promise<void> {
      const row = await requireEntry(agencyId, id);
      const { answer } = parse(answerSchema, raw, 'กรุณาพิมพ์คำตอบ');
      const isPrivate = Number(row.is_private) === 1;
      const at = now();
      await db.transaction().execute(async (tx) => {
        await qaRepository(tx).update(agencyId, id, {
          answer,
          answered_by: actor.label,
          answered_at: row.answered_at ?? at,
          status: isPrivate ? row.status : 'published',
          reject_reason: isPrivate ? row.reject_reason : null,
          moderated_at: row.moderated_at ?? at,
          search_text: searchText(row.question, answer),
          updated_at: at,
        });
        await writeAudit(tx, clock, actor, { agencyId, action: row.answer ? 'qa.answer.edit' : 'qa.answer', entityType: 'qa_question', entityId: id, details: { private: isPrivate } });
      });
      if (!isPrivate) await service.attachEvidence(agencyId);
    },

    /**
     * The public Q&A page is the evidence of the year's two-way channel: FY2565's Q&A item
     * (role `qa-channel`) and, from FY2569, the inquiry element of the contact item (`contact`).
     * Idempotent (same source ref each time); a year without such an item is skipped.
     */
    async attachEvidence(agencyId: string, year = fiscalYearOf(todayInThailand(clock))): Promise<string[]> {
      if (!attachByRole) return [];
      const url = `${publicBaseUrl}/a/${(await getAgency(agencyId)).slug}/qa`;
      const attached: string[] = [];
      const two = (want: string[]) => (els: { key: string }[]) => els.map((e) => e.key).filter((k) => want.includes(k));
      for (const [role, claim] of [
        ['qa-channel', two(['two-way', 'main-site'])],
        ['contact', two(['inquiry'])],
      ] as const) {
        const id = await attachByRole(agencyId, year, role, { source: 'qa', sourceRef: 'public-page', title: 'ช่องทางถาม-ตอบ (Q&A) ของหน่วยงาน', url, claimElements: claim });
        if (id) attached.push(role);
      }
      return attached;
    },
  };
  return service;
}
export type QaService = ReturnType<typeof qaService>;
