/**
 * Statistics of a reporting round, the report files (DOCX, PDF, CSV), their attachment to the
 * year's OIT items by role, the public page's own attachment, and the retention job that
 * anonymises closed requests once their service's retention period has passed.
 */
import type { Kysely } from 'kysely';
import type { EservicesDb } from './tables.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';
import { validationError } from '../../shared/errors.js';
import { addDays, fiscalYearOf, fiscalYearRange } from '../../shared/fiscal.js';
import { toCsv } from '../../shared/csv.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { withDeploymentScope } from '../../platform/tenant.js';
import { startIntervalJob, type IntervalJob } from '../../platform/interval-job.js';
import type { FileStore } from '../../platform/file-store.js';
import type { Agency } from '../agencies/index.js';
import type { SurveysService } from '../surveys/index.js';
import { renderDocument } from '../documents/index.js';
import { eservicesRepository } from './repository.js';
import { computeStats, roundRange, type EserviceStats, type Round } from './domain/stats.js';
import { buildReport, reportCsvRows, reportFileName } from './domain/report.js';
import { SATISFACTION_KEY } from './satisfaction.js';
import { attachByRole, type Attached, type EvidenceDeps } from './evidence.js';
import { toService } from './service.js';
import type { Channel, RequestState } from './domain/states.js';

export type ReportFormat = 'docx' | 'pdf' | 'csv';
export const ANONYMISED_TEXT = '[ลบแล้วเมื่อพ้นระยะเวลาเก็บรักษาข้อมูล]';

export interface ReportsDeps {
  db: Kysely<EservicesDb>;
  clock: Clock;
  files: FileStore;
  surveys: SurveysService;
  getAgency: (id: string) => Promise<Agency>;
  evidence: EvidenceDeps;
  publicBaseUrl: string;
  /** The agency's units (id → Thai name), to name satisfaction results per unit. */
  unitNames?: (agencyId: string) => Promise<Map<string, string>>;
}

export const parseRound = (v: unknown): Round => {
  if (String(v) === '6') return 6;
  if (String(v) === '12') return 12;
  throw validationError('รอบรายงานไม่ถูกต้อง', [{ field: 'round', message: 'รอบรายงานต้องเป็น 6 หรือ 12 (เดือน)' }]);
};

export function eserviceReports(deps: ReportsDeps) {
  const { db, clock, files, surveys } = deps;
  const repo = eservicesRepository(db);
  const today = () => todayInThailand(clock);

  const reports = {
    async stats(agencyId: string, year: number, round: Round): Promise<EserviceStats> {
      const range = roundRange(year, round);
      const services = (await repo.listServices(agencyId)).map(toService);
      const requests = (await repo.listForStats(agencyId, range.from, range.to)).map((r) => ({
        serviceId: r.service_id,
        channel: r.channel as Channel,
        state: r.state as RequestState,
        submittedOn: r.submitted_on,
        dueDate: r.due_date,
        closedOn: r.closed_on,
      }));
      const satisfaction = new Map<string, { responses: number; score?: number }>();
      const units = new Map<string, { name: string; responses: number; score?: number }>();
      const form = await surveys.findForm(agencyId, SATISFACTION_KEY);
      if (form) {
        // Satisfaction counts by the day the survey was answered, within the same round.
        const results = await surveys.results(agencyId, form.id, { from: range.from, to: range.to, groupBy: 'service' });
        for (const g of results.groups) satisfaction.set(g.group, { responses: g.responses, ...(g.score !== undefined ? { score: g.score } : {}) });
        const names = (await deps.unitNames?.(agencyId)) ?? new Map<string, string>();
        const byUnit = await surveys.results(agencyId, form.id, { from: range.from, to: range.to, groupBy: 'unit' });
        for (const g of byUnit.groups) units.set(g.group, { name: names.get(g.group) ?? 'หน่วยงานย่อยที่ถูกลบ', responses: g.responses, ...(g.score !== undefined ? { score: g.score } : {}) });
      }
      return computeStats(year, round, services.map((s) => ({ id: s.id, name: s.nameTh, category: s.category })), requests, satisfaction, units);
    },

    async render(agencyId: string, year: number, round: Round, format: ReportFormat): Promise<{ buffer: Buffer; contentType: string; fileName: string }> {
      const stats = await reports.stats(agencyId, year, round);
      if (format === 'csv') {
        return { buffer: Buffer.from(toCsv(reportCsvRows(stats)), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${reportFileName(stats)}.csv` };
      }
      const agency = await deps.getAgency(agencyId);
      return renderDocument(buildReport({ name: agency.nameTh, digits: agency.digits }, stats, today()), format);
    },

    /**
     * Attaches the round's report (as PDF) to the year's service-statistics item, and the
     * 12-month report also to the satisfaction item (the following year's, when that item asks
     * for the previous year's report). Returns where it went; items missing from a year's
     * catalogue are skipped.
     */
    async attachReport(agencyId: string, year: number, round: Round): Promise<Attached[]> {
      const agency = await deps.getAgency(agencyId);
      const pdf = await reports.render(agencyId, year, round, 'pdf');
      const stats = await reports.stats(agencyId, year, round);
      const base = { source: 'eservices:report', sourceRef: `${year}-${round}`, title: reportFileName(stats), url: `${deps.publicBaseUrl}/a/${agency.slug}/eservice/stats/${year}/${round}` };
      const out: Attached[] = [];
      const roles = round === 12 ? (['service-statistics', 'satisfaction'] as const) : (['service-statistics'] as const);
      for (const role of roles) {
        const staged = await files.stage(agencyId, pdf.buffer, pdf.fileName, { allow: ['pdf'] });
        const shows = role === 'satisfaction' ? (['satisfaction'] as const) : (['statistics'] as const);
        const done = await attachByRole(deps.evidence, agencyId, role, year, { ...base, period: stats.range, shows }, staged).catch(async (e: unknown) => {
          await files.discard(staged);
          throw e;
        });
        if (done) out.push(done);
        else await files.discard(staged);
      }
      return out;
    },

    /** The public E-Service page is the E-Service item's evidence for the current fiscal year. */
    async attachPublicPage(agencyId: string): Promise<Attached | undefined> {
      if ((await repo.listServices(agencyId, { enabledOnly: true })).length === 0) return undefined;
      const agency = await deps.getAgency(agencyId);
      const year = fiscalYearOf(today());
      return attachByRole(deps.evidence, agencyId, 'e-service', year, {
        source: 'eservices:public-page',
        sourceRef: 'page',
        title: `บริการออนไลน์ (E-Service) ของ${agency.nameTh}`,
        url: `${deps.publicBaseUrl}/a/${agency.slug}/eservice`,
        period: fiscalYearRange(year),
        // The page lists the services and links its user manual (/eservice/manual).
        shows: ['online-channel', 'user-manual'],
      });
    },

    /**
     * The retention job (PDPA): closed requests whose service's retention ran out lose their
     * form values, contact, messages' text and files; the request, its service, dates and state
     * stay for statistics. Safe to run any time, from several instances at once (the daily job,
     * `npm run cli -- eservice purge`); returns how many requests this call purged.
     */
    async anonymiseExpired(agencyId: string | null = null): Promise<number> {
      const day = today();
      const expired = (await repo.listClosedNotAnonymised(agencyId)).filter((r) => addDays(r.closed_on!, Number(r.retention_days)) < day);
      let purged = 0;
      for (const r of expired) {
        const gone = await db.transaction().execute(async (tx) => {
          const t = eservicesRepository(tx);
          // First, so an instance purging the same request at the same time does nothing (and writes no second audit entry).
          if (!(await t.anonymiseRequest(r.agency_id, r.id, clock.now().toISOString()))) return undefined;
          const stored = await t.listRequestFiles(r.agency_id, r.id);
          await t.deleteRequestFiles(r.agency_id, r.id);
          await t.deleteStoredFiles(r.agency_id, stored.map((f) => f.file_id));
          await t.blankMessages(r.agency_id, r.id, ANONYMISED_TEXT);
          await writeAudit(tx, clock, SYSTEM_ACTOR, { agencyId: r.agency_id, action: 'eservice.request.anonymise', entityType: 'eservice_request', entityId: r.id, details: { closedOn: r.closed_on, retentionDays: Number(r.retention_days) } });
          return stored;
        });
        if (!gone) continue;
        purged++;
        // Bytes go after the rows: a crash in between leaves an orphan file, never a row pointing nowhere.
        for (const f of gone) await files.remove({ storageKey: f.storage_key });
      }
      return purged;
    },
  };
  return reports;
}
export type EserviceReports = ReturnType<typeof eserviceReports>;

/**
 * The retention purge inside the app: every `intervalHours` (ESERVICE_PURGE_INTERVAL_HOURS,
 * default daily; 0 = off, leaving it to `npm run cli -- eservice purge` from cron), over every
 * agency. Work outside a request has no tenant, so the run names its deployment scope — without
 * it row-level security would show it no request on PostgreSQL. Several instances may run it:
 * each request is purged by one of them (`anonymiseRequest`).
 */
export function startEservicePurgeScheduler(
  reports: Pick<EserviceReports, 'anonymiseExpired'>,
  opts: { intervalHours: number; firstAfterMs?: number; onRun?: (purged: number) => void; onError?: (e: unknown) => void },
): IntervalJob {
  if (opts.intervalHours <= 0) return { stop: () => undefined };
  return startIntervalJob({
    firstAfterMs: opts.firstAfterMs ?? 120_000,
    everyMs: opts.intervalHours * 3600_000,
    run: async () => {
      const purged = await withDeploymentScope('scheduled-job', () => reports.anonymiseExpired(null));
      opts.onRun?.(purged);
    },
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
}
