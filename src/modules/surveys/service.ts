/**
 * The survey engine's use cases. One engine serves the e-service satisfaction survey and the
 * self-diagnosis surveys: a form (by a stable key per agency) has versions of questions; a
 * one-response token is issued per respondent or per subject (an e-service request); answering
 * spends the token and stores the answers without the token, the person or the time of day.
 *
 * Tokens are never stored: the row keeps SHA-256(token), and the token is HMAC(secret, row id),
 * so the owning module can show the same link again (a status page, a printed slip) without a
 * copy of it in the database.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../shared/lazy-libraries.js';
import type { SurveysDb } from './tables.js';
import { narrowDb, type SharedTransaction } from '../../db/narrow.js';
import { type Clock, todayInThailand } from '../../shared/clock.js';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { toCsv } from '../../shared/csv.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { surveysRepository } from './repository.js';
import type { SurveyFormRow } from './tables.js';
import {
  questionListSchema,
  scaleScore,
  summarise,
  validateAnswers,
  type Answers,
  type Question,
  type QuestionSummary,
} from './domain/questions.js';

export interface SurveyForm {
  id: string;
  key: string;
  title: string;
  purpose: string;
  versionId: string;
  versionNo: number;
  questions: Question[];
  /** Results only through the owning module (k-anonymous there): no engine results page or raw export. */
  ownerResultsOnly: boolean;
  /** When the form stopped accepting answers (ISO), or null while open. */
  closedAt: string | null;
}

export interface SurveyResponse {
  versionId: string;
  groups: Record<string, string>;
  answers: Answers;
  submittedOn: string;
}

export interface GroupResult {
  group: string;
  responses: number;
  /** True when fewer than `minGroupSize` answered: nothing of the group is shown. */
  hidden: boolean;
  score?: number;
  questions?: QuestionSummary[];
}

export interface SurveyResults {
  form: SurveyForm;
  responses: number;
  /** 0…100 over every scale answer (domain/questions.ts `scaleScore`). */
  score?: number;
  questions: QuestionSummary[];
  groups: GroupResult[];
}

export interface SurveysDeps {
  db: Kysely<SurveysDb>;
  clock: Clock;
  /** Secret the tokens are derived from (the session secret). */
  secret: string;
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
/** What a respondent reads on a closed form's link (page and refusal alike). */
export const FORM_CLOSED = 'แบบสำรวจนี้ปิดรับคำตอบแล้ว ขอบคุณที่สนใจร่วมตอบ';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

export function surveysService({ db, clock, secret }: SurveysDeps) {
  const repo = surveysRepository(db);
  const tokenOf = (tokenRowId: string) => createHmac('sha256', secret).update(`survey-token:${tokenRowId}`).digest('base64url').slice(0, 32);

  const parseQuestions = (raw: unknown): Question[] => {
    const parsed = questionListSchema.safeParse(raw);
    if (!parsed.success) throw validationError('คำถามของแบบสำรวจไม่ถูกต้อง', zodToFieldErrors(parsed.error));
    return parsed.data;
  };

  async function toForm(r: Kysely<SurveysDb>, row: SurveyFormRow): Promise<SurveyForm> {
    const version = row.current_version_id ? await surveysRepository(r).findVersion(row.agency_id, row.current_version_id) : undefined;
    if (!version) throw new Error(`survey form ${row.id} has no version`);
    return {
      id: row.id,
      key: row.key,
      title: row.title,
      purpose: row.purpose,
      versionId: version.id,
      versionNo: Number(version.version_no),
      questions: parseJson<Question[]>(version.questions, []),
      ownerResultsOnly: Number(row.owner_results_only) === 1,
      closedAt: row.closed_at ?? null,
    };
  }

  async function addVersion(tx: Kysely<SurveysDb>, agencyId: string, formId: string, questions: Question[], actor: Actor | null): Promise<string> {
    const r = surveysRepository(tx);
    const id = randomUUID();
    const at = clock.now().toISOString();
    await r.insertVersion({ id, agency_id: agencyId, form_id: formId, version_no: await r.nextVersionNo(agencyId, formId), questions: JSON.stringify(questions), created_by: actor?.userId ?? null, created_at: at });
    await r.setCurrentVersion(agencyId, formId, id, at);
    return id;
  }

  const service = {
    /**
     * The agency's form with this key, created with `questions` as version 1 when missing.
     * Pass the caller's transaction so a form is never half-made.
     */
    async ensureForm(sharedTx: SharedTransaction, agencyId: string, def: { key: string; title: string; purpose?: string; questions: Question[]; ownerResultsOnly?: boolean }): Promise<SurveyForm> {
      const tx = narrowDb<SurveysDb>(sharedTx);
      const r = surveysRepository(tx);
      const existing = await r.findFormByKey(agencyId, def.key);
      if (existing) return toForm(tx, existing);
      const questions = parseQuestions(def.questions);
      const id = randomUUID();
      const at = clock.now().toISOString();
      await r.insertForm({ id, agency_id: agencyId, key: def.key, title: def.title, purpose: def.purpose ?? '', current_version_id: null, owner_results_only: def.ownerResultsOnly ? 1 : 0, closed_at: null, created_at: at, updated_at: at });
      await addVersion(tx, agencyId, id, questions, null);
      return toForm(tx, (await r.findForm(agencyId, id))!);
    },

    async findForm(agencyId: string, key: string): Promise<SurveyForm | undefined> {
      const row = await repo.findFormByKey(agencyId, key);
      return row ? toForm(db, row) : undefined;
    },

    async getForm(agencyId: string, formId: string): Promise<SurveyForm> {
      const row = await repo.findForm(agencyId, formId);
      if (!row) throw notFound('ไม่พบแบบสำรวจ');
      return toForm(db, row);
    },

    /**
     * The form for the engine's own staff pages (results, raw export, adding a question). A form
     * whose results only its owner may show is refused: its raw rows carry each answer's unit and
     * an overall figure would give a hidden unit away by subtraction (docs/adr/0010).
     */
    async getFormForEngineView(agencyId: string, formId: string): Promise<SurveyForm> {
      const form = await service.getForm(agencyId, formId);
      if (form.ownerResultsOnly) throw new DomainError('FORBIDDEN', 'ผลของแบบสำรวจนี้ดูได้ที่หน้าประเมินตนเองก่อน ITA เท่านั้น ซึ่งแสดงผลรายหน่วยเฉพาะที่มีผู้ตอบถึงเกณฑ์ เพื่อไม่ให้ระบุตัวผู้ตอบได้');
      return form;
    },

    async listForms(agencyId: string): Promise<(SurveyForm & { responses: number })[]> {
      const rows = await repo.listForms(agencyId);
      return Promise.all(rows.map(async (row) => ({ ...(await toForm(db, row)), responses: await repo.countResponses(agencyId, row.id) })));
    },

    /** Publishes a new version of the questions; earlier responses keep the version they answered. */
    async publishVersion(actor: Actor, agencyId: string, formId: string, questions: unknown): Promise<SurveyForm> {
      const clean = parseQuestions(questions);
      return db.transaction().execute(async (tx) => {
        const row = await surveysRepository(tx).findForm(agencyId, formId);
        if (!row) throw notFound('ไม่พบแบบสำรวจ');
        const versionId = await addVersion(tx, agencyId, formId, clean, actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'survey.version.publish', entityType: 'survey_form', entityId: formId, details: { versionId, questions: clean.length } });
        return toForm(tx, (await surveysRepository(tx).findForm(agencyId, formId))!);
      });
    },

    /** Closes a form (inside the owner's transaction): its links accept no more answers. Idempotent. */
    async closeForm(sharedTx: SharedTransaction, agencyId: string, formId: string): Promise<void> {
      await surveysRepository(narrowDb<SurveysDb>(sharedTx)).closeForm(agencyId, formId, clock.now().toISOString());
    },

    /**
     * Issues a one-response token (inside the caller's transaction). With a `subjectRef` the
     * call is idempotent: the subject's existing token comes back. `groups` (e.g. service, unit)
     * are copied onto the response; they must not identify a person.
     */
    async issueToken(sharedTx: SharedTransaction, agencyId: string, formId: string, opts: { subjectRef?: string; groups?: Record<string, string> } = {}): Promise<string> {
      const tx = narrowDb<SurveysDb>(sharedTx);
      const r = surveysRepository(tx);
      if (opts.subjectRef) {
        const existing = await r.findTokenBySubject(agencyId, formId, opts.subjectRef);
        if (existing) return tokenOf(existing.id);
      }
      const id = randomUUID();
      const token = tokenOf(id);
      await r.insertToken({ id, agency_id: agencyId, form_id: formId, token_hash: sha256(token), subject_ref: opts.subjectRef ?? null, groups: JSON.stringify(opts.groups ?? {}), spent: 0, created_at: clock.now().toISOString() });
      return token;
    },

    /** The token issued for a subject and whether it was used, without issuing one. */
    async tokenForSubject(agencyId: string, formId: string, subjectRef: string): Promise<{ token: string; spent: boolean } | undefined> {
      const row = await repo.findTokenBySubject(agencyId, formId, subjectRef);
      return row ? { token: tokenOf(row.id), spent: Number(row.spent) === 1 } : undefined;
    },

    /** Which of these subjects have answered (for lists: "ตอบแบบสำรวจแล้ว"). */
    async spentSubjects(agencyId: string, formId: string, subjectRefs: string[]): Promise<Set<string>> {
      const rows = await repo.listTokensBySubjects(agencyId, formId, subjectRefs);
      return new Set(rows.filter((r) => Number(r.spent) === 1).map((r) => r.subject_ref!));
    },

    /** The form a token opens, and whether it was already used. 404 for an unknown token. */
    async openToken(agencyId: string, token: string): Promise<{ form: SurveyForm; spent: boolean }> {
      if (!TOKEN_SHAPE.test(token)) throw notFound('ไม่พบแบบสำรวจ ลิงก์อาจไม่ถูกต้อง');
      const row = await repo.findTokenByHash(agencyId, sha256(token));
      if (!row) throw notFound('ไม่พบแบบสำรวจ ลิงก์อาจไม่ถูกต้อง');
      const form = await service.getForm(agencyId, row.form_id);
      return { form, spent: Number(row.spent) === 1 };
    },

    /**
     * Answers with a token: validates against the form's current version, spends the token and
     * stores the answers in one transaction. A spent token → CONFLICT; bad answers → VALIDATION
     * (field = question key) and nothing changes.
     */
    async respond(agencyId: string, token: string, raw: Record<string, unknown>): Promise<void> {
      const { form, spent } = await service.openToken(agencyId, token);
      if (spent) throw new DomainError('CONFLICT', 'ลิงก์นี้ใช้ตอบแบบสำรวจไปแล้ว ตอบได้ครั้งเดียว');
      if (form.closedAt) throw new DomainError('CONFLICT', FORM_CLOSED);
      const checked = validateAnswers(form.questions, raw);
      if ('errors' in checked) throw validationError('คำตอบไม่ครบหรือไม่ถูกต้อง', checked.errors);
      await db.transaction().execute(async (tx) => {
        const r = surveysRepository(tx);
        // The write comes first. On SQLite a transaction that read before writing cannot wait for
        // another process's write (its snapshot is stale: "database is locked" at once, a 500);
        // one that writes first waits its turn (busy_timeout) and then finds the token spent.
        if ((await r.spendToken(agencyId, sha256(token))) !== 1) throw new DomainError('CONFLICT', 'ลิงก์นี้ใช้ตอบแบบสำรวจไปแล้ว ตอบได้ครั้งเดียว');
        const row = (await r.findTokenByHash(agencyId, sha256(token)))!;
        // Closed while this answer was being checked: the close wins, the rollback keeps the link unspent.
        if ((await r.findForm(agencyId, form.id))?.closed_at) throw new DomainError('CONFLICT', FORM_CLOSED);
        await r.insertResponse({
          id: randomUUID(),
          agency_id: agencyId,
          form_id: form.id,
          version_id: form.versionId,
          groups: row.groups,
          answers: JSON.stringify(checked.answers),
          submitted_on: todayInThailand(clock),
        });
      });
    },

    async responses(agencyId: string, formId: string, range: { from?: string; to?: string } = {}): Promise<SurveyResponse[]> {
      return (await repo.listResponses(agencyId, formId, range)).map((r) => ({
        versionId: r.version_id,
        groups: parseJson<Record<string, string>>(r.groups, {}),
        answers: parseJson<Answers>(r.answers, {}),
        submittedOn: r.submitted_on,
      }));
    },

    /**
     * Results of a form over a date range, overall and per value of one group label. A group
     * with fewer than `minGroupSize` responses (default 1) is marked hidden and carries no
     * figures — self-diagnosis rounds pass 5 (k-anonymity).
     */
    async results(agencyId: string, formId: string, opts: { from?: string; to?: string; groupBy?: string; minGroupSize?: number } = {}): Promise<SurveyResults> {
      const form = await service.getForm(agencyId, formId);
      const all = await service.responses(agencyId, formId, opts);
      const sets = all.map((r) => r.answers);
      const min = opts.minGroupSize ?? 1;
      const groups: GroupResult[] = [];
      if (opts.groupBy) {
        const by = new Map<string, Answers[]>();
        for (const r of all) {
          const g = r.groups[opts.groupBy];
          if (g !== undefined) by.set(g, [...(by.get(g) ?? []), r.answers]);
        }
        for (const [group, gs] of by) {
          if (gs.length < min) groups.push({ group, responses: gs.length, hidden: true });
          else {
            const score = scaleScore(form.questions, gs);
            groups.push({ group, responses: gs.length, hidden: false, ...(score !== undefined ? { score } : {}), questions: summarise(form.questions, gs) });
          }
        }
      }
      const score = scaleScore(form.questions, sets);
      return { form, responses: all.length, ...(score !== undefined ? { score } : {}), questions: summarise(form.questions, sets), groups };
    },

    /** Every response as rows (one column per question of the current version), for CSV/XLSX. */
    async exportRows(agencyId: string, formId: string, range: { from?: string; to?: string } = {}): Promise<{ header: string[]; rows: string[][] }> {
      const form = await service.getForm(agencyId, formId);
      const groupKeys = [...new Set((await service.responses(agencyId, formId, range)).flatMap((r) => Object.keys(r.groups)))].sort();
      const header = ['วันที่ตอบ', ...groupKeys, ...form.questions.map((q) => q.text)];
      const rows = (await service.responses(agencyId, formId, range)).map((r) => [
        r.submittedOn,
        ...groupKeys.map((g) => r.groups[g] ?? ''),
        ...form.questions.map((q) => {
          const v = r.answers[q.key];
          return v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ใช่' : 'ไม่ใช่') : String(v);
        }),
      ]);
      return { header, rows };
    },

    async exportCsv(agencyId: string, formId: string, range: { from?: string; to?: string } = {}): Promise<string> {
      const { header, rows } = await service.exportRows(agencyId, formId, range);
      return toCsv([header, ...rows].map((r) => r.map(spreadsheetSafe)));
    },

    async exportXlsx(agencyId: string, formId: string, range: { from?: string; to?: string } = {}): Promise<Buffer> {
      const { header, rows } = await service.exportRows(agencyId, formId, range);
      const wb = await newWorkbook();
      const ws = wb.addWorksheet('คำตอบ');
      ws.addRow(header).font = { bold: true };
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
  return service;
}
export type SurveysService = ReturnType<typeof surveysService>;

/** CSV cells that would start a spreadsheet formula get a leading apostrophe (CSV injection). */
export const spreadsheetSafe = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
