/**
 * The agency's calendar: every deadline of the year (domain/deadlines.ts) with the officers'
 * edits, in-app notifications, and the reminder run that the background scheduler calls.
 *
 * A reminder is sent once per deadline, date and stage ("due soon", then "overdue"), however many
 * app instances run: each instance first claims the reminder by inserting its delivery row under
 * a unique key, and only the instance whose insert succeeded sends. A failed send is marked and
 * reclaimed (by one instance) an hour later.
 */
import { withDeploymentScope } from '../../platform/tenant.js';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { beDateMessage, optionalBeDate } from '../../shared/date-input.js';
import type { CalendarDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { addDays, fiscalYearOf } from '../../shared/fiscal.js';
import { formatThaiDate } from '../../shared/thai.js';
import { notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { can } from '../../shared/permissions.js';
import { writeAudit, actorOf } from '../../platform/audit.js';
import type { Agency } from '../agencies/index.js';
import type { Catalogue } from '../catalogue/index.js';
import type { User } from '../users/index.js';
import { calendarRepository } from './repository.js';
import { computeDeadlines, type CalendarEntry, type ItemFacts, type MeasureFacts } from './domain/deadlines.js';
import { mailer, pushLine, type LineConfig, type MailConfig } from './notify.js';
import { buildExecutiveSummary, type ExecutiveInput } from './domain/executive.js';
import type { DocModel } from '../documents/index.js';
import { startIntervalJob } from '../../platform/interval-job.js';

export interface CalendarDeps {
  db: Kysely<CalendarDb>;
  clock: Clock;
  publicBaseUrl: string;
  mail?: MailConfig;
  line?: LineConfig;
  /** Days before a due date when the first reminder goes out. */
  leadDays?: number;
  listAgencies: () => Promise<Agency[]>;
  getAgency: (agencyId: string) => Promise<Agency>;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
  itemFacts: (agencyId: string, year: number) => Promise<ItemFacts[]>;
  measureFacts: (agencyId: string, year: number) => Promise<MeasureFacts[]>;
  listUsers: (agencyId: string) => Promise<User[]>;
  fetchImpl?: typeof fetch;
  /** For the executive summary (composed in app.ts from the results, OIT and tracking modules). */
  summary?: {
    scores: (agencyId: string) => Promise<{ year: number; score: number | null; level: string | null }[]>;
    passMark: (agencyId: string, year: number) => Promise<number | null>;
    readiness: (agencyId: string, year: number) => Promise<{ year: number; percent: number; complete: number; total: number } | null>;
    measures: (agencyId: string, year: number) => Promise<{ total: number; done: number; inProgress: number; late: number; notStarted: number } | null>;
    /** Complaint counts of the year (12-month round) from the complaints module, when it is in use. */
    complaints?: (agencyId: string, year: number) => Promise<ExecutiveInput['complaints']>;
    /** E-service requests and satisfaction of the fiscal year, from the e-services module. */
    eservices?: (agencyId: string, year: number) => Promise<ExecutiveInput['eservices']>;
    /** The year the dashboard shows by default: the newest with tracked measures, else the current one. */
    defaultYear: (agencyId: string) => Promise<number>;
  };
}

const editSchema = z.object({
  due: optionalBeDate(beDateMessage('วันที่ครบกำหนด')),
  done: z.enum(['0', '1', '']).default(''),
});

export interface ReminderRun {
  claimed: number;
  sent: number;
  failed: number;
}

export function calendarService(deps: CalendarDeps) {
  const { db, clock } = deps;
  const repo = calendarRepository(db);
  const now = () => clock.now().toISOString();
  const today = () => todayInThailand(clock);
  const send = deps.mail ? mailer(deps.mail) : undefined;

  async function deadlines(agencyId: string, year: number): Promise<CalendarEntry[]> {
    const [agency, catalogue, items, measures, overrides] = await Promise.all([
      deps.getAgency(agencyId),
      deps.getCatalogue(year),
      deps.itemFacts(agencyId, year),
      deps.measureFacts(agencyId, year),
      repo.listOverrides(agencyId, year),
    ]);
    return computeDeadlines({
      year,
      today: today(),
      digits: agency.digits,
      catalogue,
      items,
      measures,
      overrides: overrides.map((o) => ({ key: o.entry_key, due: o.due, done: Number(o.done) === 1 })),
    });
  }

  /** Everyone a reminder goes to: coordinators and administrators, and the unit's staff for its measures. */
  function recipients(users: User[], entry: CalendarEntry): User[] {
    return users.filter((u) => !u.disabled && (can(u.roles, 'plan.edit') || (!!entry.unitId && u.unitId === entry.unitId)));
  }

  async function deliver(agency: Agency, entry: CalendarEntry, stage: 'soon' | 'overdue', users: User[]): Promise<string[]> {
    const when = formatThaiDate(entry.due, { style: 'long', digits: agency.digits });
    const text = stage === 'overdue' ? `เลยกำหนดแล้ว (${when}): ${entry.what}` : `ใกล้ครบกำหนด ${when}: ${entry.what}`;
    const link = `${deps.publicBaseUrl}${entry.link}`;
    const channels: string[] = [];
    const to = recipients(users, entry);
    // In-app first: it cannot fail for network reasons and is what the officer sees on sign-in.
    for (const u of to) await repo.insertNotification({ id: randomUUID(), agency_id: agency.id, user_id: u.id, text_th: text, link: entry.link, read_at: null, created_at: now() });
    channels.push('in-app');
    const emails = to.map((u) => u.email).filter((e): e is string => !!e);
    if (send && emails.length) {
      await send.send({ to: emails, subject: `[Prongsai] ${text}`.slice(0, 200), text: `${agency.nameTh}\n\n${text}\n\nดำเนินการได้ที่: ${link}\n` });
      channels.push('email');
    }
    if (deps.line) {
      await pushLine(deps.line, `${agency.nameTh}\n${text}\n${link}`, deps.fetchImpl);
      channels.push('line');
    }
    return channels;
  }

  return {
    deadlines,
    today,

    async edit(user: User, year: number, key: string, raw: unknown): Promise<void> {
      const parsed = editSchema.safeParse(raw);
      if (!parsed.success) throw validationError('กรุณาตรวจสอบกำหนดส่ง', zodToFieldErrors(parsed.error));
      const entries = await deadlines(user.agencyId, year);
      if (!entries.some((e) => e.key === key)) throw notFound('ไม่พบกำหนดส่งนี้ในปฏิทิน');
      const v = parsed.data;
      await db.transaction().execute(async (tx) => {
        const r = calendarRepository(tx);
        const found = await r.findOverride(user.agencyId, year, key);
        const ts = now();
        const fields = { due: v.due || null, done: v.done === '1' ? 1 : 0, updated_by: user.id || null, updated_at: ts };
        if (found) await r.updateOverride(user.agencyId, found.id, fields);
        else await r.insertOverride({ id: randomUUID(), agency_id: user.agencyId, fiscal_year: year, entry_key: key, created_at: ts, ...fields });
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: 'calendar.edit', entityType: 'calendar_entry', entityId: key, details: { year, due: v.due || null, done: v.done === '1' } });
      });
    },

    async notifications(user: User) {
      return repo.listNotifications(user.agencyId, user.id, can(user.roles, 'plan.edit'));
    },

    deliveries: (agencyId: string) => repo.listDeliveries(agencyId),

    /** The executive summary of a year (default: the year being carried out) as a document model. */
    async executiveSummary(agencyId: string, requestedYear?: number): Promise<{ year: number; model: DocModel }> {
      const src = deps.summary;
      if (!src) throw notFound('ยังไม่ได้เปิดใช้สรุปสำหรับผู้บริหาร');
      const year = requestedYear ?? (await src.defaultYear(agencyId));
      const [agency, scores, readiness, measures, entries] = await Promise.all([deps.getAgency(agencyId), src.scores(agencyId), src.readiness(agencyId, year), src.measures(agencyId, year), deadlines(agencyId, year)]);
      const latest = [...scores].sort((a, b) => b.year - a.year)[0];
      const passMark = latest ? await src.passMark(agencyId, latest.year) : null;
      const complaints = src.complaints ? await src.complaints(agencyId, year) : null;
      const eservices = src.eservices ? await src.eservices(agencyId, year) : null;
      const model = buildExecutiveSummary({ agencyName: agency.nameTh, digits: agency.digits, today: today(), year, scores, passMark, readiness, measures, deadlines: entries, complaints, eservices });
      return { year, model };
    },

    /**
     * One scheduler run: for every agency, the deadlines of the current and the previous fiscal
     * year (12-month reports fall due after the year ends) that are overdue or due within the
     * lead time, each claimed and sent once.
     */
    /** A scheduled job over every agency (each reminder is claimed once, per agency, in the database). */
    runReminders(instanceId: string): Promise<ReminderRun> {
      return withDeploymentScope('scheduled-job', async () => {
      const run: ReminderRun = { claimed: 0, sent: 0, failed: 0 };
      const t = today();
      const horizon = addDays(t, deps.leadDays ?? 14);
      const current = fiscalYearOf(t);
      for (const agency of await deps.listAgencies()) {
        const users = await deps.listUsers(agency.id);
        const retry = new Set((await repo.reclaimFailed(agency.id, new Date(clock.now().getTime() - 3600_000).toISOString(), instanceId, now())).map((d) => `${d.fiscal_year}|${d.entry_key}|${d.due}|${d.stage}|${d.id}`));
        for (const year of [current - 1, current]) {
          for (const entry of await deadlines(agency.id, year)) {
            if (entry.status === 'done' || entry.due > horizon) continue;
            const stage = entry.status === 'overdue' ? 'overdue' : 'soon';
            const retryId = [...retry].find((k) => k.startsWith(`${year}|${entry.key}|${entry.due}|${stage}|`))?.split('|')[4];
            const id = retryId ?? randomUUID();
            if (!retryId) {
              const won = await repo.claim({ id, agency_id: agency.id, fiscal_year: year, entry_key: entry.key, due: entry.due, stage, claimed_by: instanceId, state: 'claimed', channels: '[]', error: null, created_at: now(), updated_at: now() });
              if (!won) continue;
            }
            run.claimed++;
            try {
              const channels = await deliver(agency, entry, stage, users);
              await repo.finishDelivery(agency.id, id, { state: 'sent', channels: JSON.stringify(channels), error: null, updated_at: now() });
              run.sent++;
            } catch (error) {
              await repo.finishDelivery(agency.id, id, { state: 'failed', channels: '[]', error: error instanceof Error ? error.message.slice(0, 500) : String(error), updated_at: now() });
              run.failed++;
            }
          }
        }
      }
      return run;
      });
    },

    /**
     * A reminder that is not a deadline (e.g. the OIT watch found a broken link): in-app to every
     * coordinator, plus e-mail and LINE when configured. Returns the channels used.
     */
    async notifyCoordinators(agencyId: string, text: string, link: string): Promise<string[]> {
      const agency = await deps.getAgency(agencyId);
      const to = (await deps.listUsers(agencyId)).filter((u) => !u.disabled && can(u.roles, 'plan.edit'));
      for (const u of to) await repo.insertNotification({ id: randomUUID(), agency_id: agencyId, user_id: u.id, text_th: text, link, read_at: null, created_at: now() });
      const channels = ['in-app'];
      const emails = to.map((u) => u.email).filter((e): e is string => !!e);
      if (send && emails.length) {
        await send.send({ to: emails, subject: `[Prongsai] ${text}`.slice(0, 200), text: `${agency.nameTh}\n\n${text}\n\nดูรายละเอียด: ${deps.publicBaseUrl}${link}\n` });
        channels.push('email');
      }
      if (deps.line) {
        await pushLine(deps.line, `${agency.nameTh}\n${text}\n${deps.publicBaseUrl}${link}`, deps.fetchImpl);
        channels.push('line');
      }
      return channels;
    },

    close: () => send?.close(),
  };
}
export type CalendarService = ReturnType<typeof calendarService>;

/**
 * The background scheduler: runs the reminders every `intervalMinutes` (first run shortly after
 * start), never two runs of one instance at once. Safe with several instances (see above).
 */
export function startReminderScheduler(calendar: CalendarService, opts: { intervalMinutes: number; instanceId?: string; onError?: (e: unknown) => void }): { stop(): void } {
  if (opts.intervalMinutes <= 0) return { stop: () => undefined };
  const instanceId = opts.instanceId ?? randomUUID();
  return startIntervalJob({
    firstAfterMs: 10_000,
    everyMs: opts.intervalMinutes * 60_000,
    run: () => calendar.runReminders(instanceId),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
}
