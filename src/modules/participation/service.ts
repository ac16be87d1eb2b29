/**
 * Participation use cases: publish a consultation or activity (dates, place), take citizens'
 * registrations and opinions online (personal data stays with staff), record who took part
 * (counts by group), what came out and how it was used, and produce the participation report —
 * page, DOCX, PDF — attached by role (`participation`) to the year's OIT item.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ActivityRow, ParticipationDb } from './tables.js';
import { participationRepository } from './repository.js';
import type { Clock } from '../../shared/clock.js';
import { fiscalYearOf, fiscalYearRange } from '../../shared/fiscal.js';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { beDate, beDateMessage } from '../../shared/date-input.js';
import { formatInteger, formatThaiDate } from '../../shared/thai.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { findOitItemByRole, type Catalogue } from '../catalogue/index.js';
import { cell, renderDocument, type DocModel, type DocumentFormat, type RenderedDocument } from '../documents/index.js';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, missingElements, parseGroups, totalParticipants, type ActivityKind, type ParticipantGroup } from './domain/report.js';

export interface Activity {
  id: string;
  fiscalYear: number;
  kind: ActivityKind;
  title: string;
  issue: string;
  place: string;
  startsOn: string;
  endsOn: string;
  acceptsOnline: boolean;
  published: boolean;
  groups: ParticipantGroup[];
  outcome: string;
  useOfResult: string;
  reportProducedAt: string | null;
}

export interface ActivityCounts {
  registrations: number;
  opinions: number;
}

export interface ParticipationDeps {
  db: Kysely<ParticipationDb>;
  clock: Clock;
  publicBaseUrl: string;
  getAgency: (agencyId: string) => Promise<{ slug: string; nameTh: string; digits: 'thai' | 'arabic' }>;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
  attachByRole: (agencyId: string, year: number, role: string, evidence: { source: string; sourceRef: string; title: string; url: string; periodFrom: string | null; periodTo: string | null; claimElements?: (els: { key: string }[]) => string[] }) => Promise<string | null>;
}

// Buddhist-era dates as officers type them (31/03/2569, Thai digits, month names); ISO is stored.
const isoDate = (label: string) => beDate(beDateMessage(label));
const activitySchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS, 'กรุณาเลือกรูปแบบการมีส่วนร่วม'),
    title: z.string().trim().min(3, 'กรุณาระบุชื่อกิจกรรม').max(300, 'ชื่อกิจกรรมยาวเกิน 300 ตัวอักษร'),
    issue: z.string().trim().max(3000, 'ประเด็นยาวเกิน 3,000 ตัวอักษร').default(''),
    place: z.string().trim().min(2, 'กรุณาระบุสถานที่').max(300, 'สถานที่ยาวเกิน 300 ตัวอักษร'),
    startsOn: isoDate('วันเริ่ม'),
    endsOn: isoDate('วันสิ้นสุด'),
    acceptsOnline: z.enum(['0', '1']).default('1'),
    published: z.enum(['0', '1']).default('0'),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม' });
  });

/** The columns an activity's form sets, for its insert and its update alike. */
const activityColumns = (v: z.output<typeof activitySchema>) => ({
  fiscal_year: fiscalYearOf(v.startsOn),
  kind: v.kind,
  title: v.title,
  issue: v.issue,
  place: v.place,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  accepts_online: v.acceptsOnline === '1' ? 1 : 0,
  published: v.published === '1' ? 1 : 0,
});

const resultsSchema = z.object({
  issue: z.string().trim().max(3000, 'ประเด็นยาวเกิน 3,000 ตัวอักษร').default(''),
  groups: z.string().max(10_000, 'รายการกลุ่มยาวเกินไป').default(''),
  outcome: z.string().trim().max(5000, 'ผลที่ได้ยาวเกิน 5,000 ตัวอักษร').default(''),
  useOfResult: z.string().trim().max(5000, 'การนำผลไปใช้ยาวเกิน 5,000 ตัวอักษร').default(''),
});

const submissionSchema = z.object({
  kind: z.enum(['register', 'opinion'], 'กรุณาเลือกว่าจะลงทะเบียนหรือแสดงความคิดเห็น'),
  name: z.string().trim().max(200, 'ชื่อยาวเกิน 200 ตัวอักษร').default(''),
  contact: z.string().trim().max(200, 'ช่องทางติดต่อยาวเกิน 200 ตัวอักษร').default(''),
  groupLabel: z.string().trim().max(200).default(''),
  opinion: z.string().trim().max(5000, 'ความคิดเห็นยาวเกิน 5,000 ตัวอักษร').default(''),
});

const parse = <T extends z.ZodType>(schema: T, raw: unknown, message: string): z.output<T> => {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError(message, zodToFieldErrors(r.error));
  return r.data;
};

function toActivity(r: ActivityRow): Activity {
  let groups: ParticipantGroup[] = [];
  try {
    groups = JSON.parse(r.participant_groups) as ParticipantGroup[];
  } catch {
    groups = [];
  }
  return {
    id: r.id,
    fiscalYear: Number(r.fiscal_year),
    kind: r.kind as ActivityKind,
    title: r.title,
    issue: r.issue,
    place: r.place,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    acceptsOnline: Number(r.accepts_online) === 1,
    published: Number(r.published) === 1,
    groups,
    outcome: r.outcome,
    useOfResult: r.use_of_result,
    reportProducedAt: r.report_produced_at,
  };
}

/** The participation report with the four elements OIT asks for (renderer-neutral model). */
export function participationReportModel(agency: { nameTh: string; digits: 'thai' | 'arabic' }, a: Activity): DocModel {
  const d = agency.digits;
  const date = (iso: string) => formatThaiDate(iso, { digits: d });
  return {
    title: `รายงานผลการเปิดโอกาสให้มีส่วนร่วม: ${a.title}`,
    fileName: `รายงานการมีส่วนร่วม-${a.fiscalYear}`,
    lang: 'th',
    digits: d,
    author: agency.nameTh,
    blocks: [
      { kind: 'title', lines: ['รายงานผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน', agency.nameTh, `ประจำปีงบประมาณ พ.ศ. ${formatInteger(a.fiscalYear, d)}`] },
      { kind: 'paragraph', runs: [{ text: 'กิจกรรม: ', bold: true }, `${a.title} (${ACTIVITY_KIND_LABELS[a.kind]})`] },
      { kind: 'paragraph', runs: [{ text: 'วันและสถานที่: ', bold: true }, `${date(a.startsOn)}${a.endsOn !== a.startsOn ? ` ถึง ${date(a.endsOn)}` : ''} ณ ${a.place}`] },
      { kind: 'heading', level: 2, text: '๑. ประเด็นที่เปิดให้มีส่วนร่วม' },
      { kind: 'paragraph', runs: [a.issue], indent: true },
      { kind: 'heading', level: 2, text: '๒. ผู้มีส่วนร่วม' },
      {
        kind: 'table',
        caption: `ผู้เข้าร่วมรวม ${formatInteger(totalParticipants(a.groups), d)} คน (ไม่เปิดเผยรายชื่อ)`,
        columns: [
          { header: 'กลุ่มผู้เข้าร่วม', width: 3 },
          { header: 'จำนวน (คน)', width: 1, align: 'right' },
        ],
        rows: a.groups.map((g) => [cell(g.group), cell(formatInteger(g.count, d), { align: 'right' })]),
      },
      { kind: 'heading', level: 2, text: '๓. ผลที่ได้จากการมีส่วนร่วม' },
      { kind: 'paragraph', runs: [a.outcome], indent: true },
      { kind: 'heading', level: 2, text: '๔. การนำผลไปใช้' },
      { kind: 'paragraph', runs: [a.useOfResult], indent: true },
    ],
  };
}

export function participationService({ db, clock, publicBaseUrl, getAgency, getCatalogue, attachByRole }: ParticipationDeps) {
  const repo = participationRepository(db);
  const now = () => clock.now().toISOString();

  async function requireActivity(agencyId: string, id: string): Promise<Activity> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findActivity(agencyId, id) : undefined;
    if (!row) throw notFound('ไม่พบกิจกรรม');
    return toActivity(row);
  }

  const service = {
    list: async (agencyId: string) => (await repo.listActivities(agencyId)).map(toActivity),
    publicList: async (agencyId: string) => (await repo.listActivities(agencyId, { publishedOnly: true })).map(toActivity),
    get: requireActivity,
    async publicGet(agencyId: string, id: string): Promise<Activity> {
      const a = await requireActivity(agencyId, id);
      if (!a.published) throw notFound('ไม่พบกิจกรรม');
      return a;
    },

    async counts(agencyId: string, id: string): Promise<ActivityCounts> {
      const rows = await repo.listSubmissions(agencyId, id);
      return { registrations: rows.filter((r) => r.kind === 'register').length, opinions: rows.filter((r) => r.kind === 'opinion').length };
    },

    /** Registrations and opinions for staff only (names and contacts are never published). */
    async submissions(agencyId: string, id: string) {
      await requireActivity(agencyId, id);
      return (await repo.listSubmissions(agencyId, id)).map((r) => ({ kind: r.kind as 'register' | 'opinion', name: r.name, contact: r.contact, groupLabel: r.group_label, opinion: r.opinion, createdAt: r.created_at }));
    },

    async create(actor: Actor, agencyId: string, raw: Record<string, unknown>): Promise<Activity> {
      const v = parse(activitySchema, raw, 'ข้อมูลกิจกรรมไม่ครบหรือไม่ถูกต้อง');
      const id = randomUUID();
      const at = now();
      await db.transaction().execute(async (tx) => {
        await participationRepository(tx).insertActivity({
          id,
          agency_id: agencyId,
          ...activityColumns(v),
          participant_groups: '[]',
          outcome: '',
          use_of_result: '',
          report_produced_at: null,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(tx, clock, actor, { agencyId, action: 'participation.create', entityType: 'participation_activity', entityId: id, details: { title: v.title } });
      });
      return requireActivity(agencyId, id);
    },

    async update(actor: Actor, agencyId: string, id: string, raw: Record<string, unknown>): Promise<Activity> {
      await requireActivity(agencyId, id);
      const v = parse(activitySchema, raw, 'ข้อมูลกิจกรรมไม่ครบหรือไม่ถูกต้อง');
      await db.transaction().execute(async (tx) => {
        await participationRepository(tx).updateActivity(agencyId, id, { ...activityColumns(v), updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'participation.update', entityType: 'participation_activity', entityId: id, details: { title: v.title, published: v.published === '1' } });
      });
      return requireActivity(agencyId, id);
    },

    /** Records the issue, who took part (counts by group), what came out and how it was used. */
    async recordResults(actor: Actor, agencyId: string, id: string, raw: Record<string, unknown>): Promise<Activity> {
      await requireActivity(agencyId, id);
      const v = parse(resultsSchema, raw, 'ข้อมูลผลการมีส่วนร่วมไม่ถูกต้อง');
      const { groups, errors } = parseGroups(v.groups);
      if (errors.length) throw validationError('รายการผู้เข้าร่วมไม่ถูกต้อง', errors);
      await db.transaction().execute(async (tx) => {
        await participationRepository(tx).updateActivity(agencyId, id, { issue: v.issue, participant_groups: JSON.stringify(groups), outcome: v.outcome, use_of_result: v.useOfResult, updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'participation.results', entityType: 'participation_activity', entityId: id, details: { participants: totalParticipants(groups) } });
      });
      return requireActivity(agencyId, id);
    },

    /** A citizen registers or sends an opinion (no account). Refused when the activity is closed to it. */
    async submit(agencyId: string, id: string, raw: Record<string, unknown>): Promise<void> {
      const a = await service.publicGet(agencyId, id);
      if (!a.acceptsOnline) throw new DomainError('CONFLICT', 'กิจกรรมนี้ไม่รับลงทะเบียนหรือความคิดเห็นทางออนไลน์');
      const v = parse(submissionSchema, raw, 'ข้อมูลไม่ครบหรือไม่ถูกต้อง');
      if (v.kind === 'register' && !v.name) throw validationError('กรุณาระบุชื่อผู้ลงทะเบียน', [{ field: 'name', message: 'กรุณาระบุชื่อผู้ลงทะเบียน' }]);
      if (v.kind === 'opinion' && v.opinion.length < 5) throw validationError('กรุณาพิมพ์ความคิดเห็น', [{ field: 'opinion', message: 'กรุณาพิมพ์ความคิดเห็นอย่างน้อย 5 ตัวอักษร' }]);
      await repo.insertSubmission({
        id: randomUUID(),
        agency_id: agencyId,
        activity_id: id,
        kind: v.kind,
        name: v.name || null,
        contact: v.contact || null,
        group_label: v.groupLabel || null,
        opinion: v.kind === 'opinion' ? v.opinion : null,
        created_at: now(),
      });
    },

    /**
     * Produces the report: refused (Thai message per missing element, nothing changes) until all
     * four elements are there; publishes the report page and attaches it by role to the year's
     * participation item (and to the next year's when that item asks for the previous year).
     */
    async produceReport(actor: Actor, agencyId: string, id: string): Promise<{ attached: number[] }> {
      const a = await requireActivity(agencyId, id);
      const missing = missingElements(a);
      if (missing.length) throw validationError('รายงานยังขาดองค์ประกอบ', missing);
      if (!a.published) throw validationError('ต้องเผยแพร่กิจกรรมก่อน', [{ field: 'published', message: 'กรุณาเผยแพร่กิจกรรมก่อนจัดทำรายงาน' }]);
      const at = now();
      await db.transaction().execute(async (tx) => {
        await participationRepository(tx).updateActivity(agencyId, id, { report_produced_at: at, updated_at: at });
        await writeAudit(tx, clock, actor, { agencyId, action: 'participation.report', entityType: 'participation_activity', entityId: id, details: { year: a.fiscalYear } });
      });
      const agency = await getAgency(agencyId);
      const range = fiscalYearRange(a.fiscalYear);
      const attached: number[] = [];
      for (const year of [a.fiscalYear, a.fiscalYear + 1]) {
        const item = (await getCatalogue(year)) && findOitItemByRole((await getCatalogue(year))!, 'participation');
        if (!item) continue;
        const wantsPrevious = item.period === 'previous-fy';
        if ((year === a.fiscalYear) === wantsPrevious) continue;
        const ok = await attachByRole(agencyId, year, 'participation', {
          source: 'participation',
          sourceRef: id,
          title: `รายงานผลการมีส่วนร่วม: ${a.title}`,
          url: `${publicBaseUrl}/a/${agency.slug}/participation/${id}/report`,
          periodFrom: range.from,
          periodTo: range.to,
          claimElements: (els) => els.map((e) => e.key),
        });
        if (ok) attached.push(year);
      }
      return { attached };
    },

    async renderReport(agencyId: string, id: string, format: DocumentFormat, opts: { public?: boolean } = {}): Promise<RenderedDocument> {
      const a = opts.public ? await service.publicGet(agencyId, id) : await requireActivity(agencyId, id);
      if (opts.public && !a.reportProducedAt) throw notFound('ยังไม่มีรายงานของกิจกรรมนี้');
      return renderDocument(participationReportModel(await getAgency(agencyId), a), format);
    },
  };
  return service;
}
export type ParticipationService = ReturnType<typeof participationService>;
