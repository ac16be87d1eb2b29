/**
 * The daily watch on the public OIT pages: on a schedule (default daily), for every active
 * agency, the OIT year being prepared is fetched from the outside as an evaluator would — the
 * built-in portal (read in process) and the agency's own website (through the platform's
 * outbound fetch: public addresses only) — with the OIT self-audit, and every external file or
 * page the items link to is fetched once too. Each check is kept (the history per item); a newly
 * broken link, HTTPS error, slow page or missing file opens an alert and one reminder on the
 * calendar's channels the same day. Several instances may run it: each run is claimed once.
 */
import { withDeploymentScope, withTenant } from '../../platform/tenant.js';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { outboundFetch, type OutboundPolicy } from '../../platform/outbound-fetch.js';
import { tlsProblem, type AuditReport, type FetchLike } from '../oit/index.js';
import type { Agency } from '../agencies/index.js';
import { oitWatchRepository } from './repository.js';
import type { OitWatchDb, WatchAlertRow, WatchCheckRow, WatchRunRow } from './tables.js';
import { planAlerts, reminderText, slotOf, type Finding } from './domain/alerts.js';
import { startIntervalJob } from '../../platform/interval-job.js';

export interface OitWatchDeps {
  db: Kysely<OitWatchDb>;
  clock: Clock;
  listAgencies: () => Promise<Agency[]>;
  /** Catalogue years that have an OIT list. */
  oitYears: () => Promise<number[]>;
  /** Sites to check for an agency: the built-in portal and its own website (oit.auditBases). */
  bases: (agencyId: string) => Promise<string[]>;
  /** The OIT self-audit of one site. */
  audit: (agencyId: string, year: number, baseUrl: string, ownSite?: FetchLike) => Promise<AuditReport>;
  /** The calendar's channels (in-app to coordinators, e-mail, LINE); returns the channels used. */
  notify: (agencyId: string, text: string, link: string) => Promise<string[]>;
  publicBaseUrl: string;
  policy: OutboundPolicy;
  intervalHours: number;
  /** External links fetched per run at most (default 60). */
  maxExternal?: number;
  timeoutMs?: number;
  slowMs?: number;
}

export interface WatchRunSummary {
  runs: number;
  skipped: number;
  problems: number;
  opened: number;
  resolved: number;
  reminders: number;
}

export interface WatchStatus {
  year: number | null;
  lastRunAt: string | null;
  openAlerts: number;
}

export function oitWatchService(deps: OitWatchDeps) {
  const { db, clock } = deps;
  const repo = oitWatchRepository(db);
  const now = () => clock.now().toISOString();

  /** The OIT year being prepared: the newest catalogue year not after the current fiscal year. */
  async function watchedYear(): Promise<number | null> {
    const current = fiscalYearOf(todayInThailand(clock));
    return (await deps.oitYears()).filter((y) => y <= current).sort((a, b) => b - a)[0] ?? null;
  }

  /** Fetches links to other sites once each (the self-audit only lists them). */
  async function checkExternal(report: AuditReport): Promise<void> {
    const max = deps.maxExternal ?? 60;
    const seen = new Set<string>();
    for (const f of report.findings) {
      if (f.kind !== 'external' || !f.ok || seen.has(f.url)) continue;
      if (seen.size >= max) break;
      seen.add(f.url);
      const t0 = Date.now();
      try {
        const res = await outboundFetch(f.url, deps.policy, { method: 'GET', signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000), headers: { 'user-agent': 'Prongsai-OIT-watch/1' } });
        await res.body?.cancel().catch(() => undefined);
        f.status = res.status;
        f.ms = Date.now() - t0;
        if (res.status >= 400) [f.ok, f.problem] = [false, `ลิงก์เปิดไม่ได้ (HTTP ${res.status})`];
        else if (f.ms > (deps.slowMs ?? 3000)) [f.ok, f.problem] = [false, `ช้า (${(f.ms / 1000).toFixed(1)} วินาที)`];
      } catch (error) {
        f.ms = Date.now() - t0;
        const e = error as Error;
        f.ok = false;
        f.problem = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'ลิงก์ไม่ตอบสนองภายในเวลา' : (tlsProblem(error) ?? `ลิงก์เปิดไม่ได้ (${e.message.slice(0, 120)})`);
      }
    }
  }

  /** One site of one agency in one slot; false when another instance has it. */
  async function runOne(agency: Agency, year: number, baseUrl: string, slot: string, instanceId: string, ownSite: FetchLike | undefined, sum: WatchRunSummary): Promise<boolean> {
    const run: WatchRunRow = { id: randomUUID(), agency_id: agency.id, fiscal_year: year, base_url: baseUrl, slot, claimed_by: instanceId, state: 'claimed', requests: 0, problems: 0, error: null, started_at: now(), finished_at: null };
    if (!(await repo.claimRun(run))) return false;
    sum.runs++;
    let report: AuditReport;
    try {
      report = await deps.audit(agency.id, year, baseUrl, ownSite);
      await checkExternal(report);
    } catch (error) {
      await repo.finishRun(agency.id, run.id, { state: 'failed', requests: 0, problems: 0, error: error instanceof Error ? error.message.slice(0, 500) : String(error), finished_at: now() });
      return true;
    }
    const ts = now();
    const checks: WatchCheckRow[] = report.findings.map((f) => ({ id: randomUUID(), agency_id: agency.id, run_id: run.id, fiscal_year: year, code: f.code, kind: f.kind, url: f.url, status: f.status, ms: f.ms === null ? null : Math.round(f.ms), ok: f.ok ? 1 : 0, problem: f.problem, checked_at: ts }));
    const findings: Finding[] = report.findings.map((f) => ({ code: f.code, url: f.url, ok: f.ok, problem: f.problem }));
    const problems = findings.filter((f) => !f.ok).length;
    const opened: WatchAlertRow[] = [];
    await db.transaction().execute(async (tx) => {
      const r = oitWatchRepository(tx);
      await r.insertChecks(checks);
      // Alerts of this site only: a URL of the other site is judged by its own run.
      const origin = new URL(baseUrl).origin;
      const open = (await r.openAlerts(agency.id, year)).filter((a) => URL.canParse(a.url) && (new URL(a.url).origin === origin || report.findings.some((f) => f.url === a.url)));
      const plan = planAlerts(findings, open.map((a) => ({ id: a.id, url: a.url })));
      for (const f of plan.open) {
        const row: WatchAlertRow = { id: randomUUID(), agency_id: agency.id, fiscal_year: year, code: f.code, url: f.url, problem: f.problem ?? '', first_run_id: run.id, first_seen: ts, last_seen: ts, resolved_at: null, notified: null };
        await r.insertAlert(row);
        opened.push(row);
      }
      for (const k of plan.keep) await r.updateAlert(agency.id, k.id, { last_seen: ts, problem: k.finding.problem ?? '' });
      for (const id of plan.resolve) await r.updateAlert(agency.id, id, { resolved_at: ts });
      await r.finishRun(agency.id, run.id, { state: 'done', requests: report.requests, problems, error: null, finished_at: ts });
      sum.resolved += plan.resolve.length;
    });
    sum.problems += problems;
    sum.opened += opened.length;
    if (opened.length) {
      try {
        const channels = await deps.notify(agency.id, reminderText(agency.nameTh, year, opened.map((a) => ({ code: a.code, url: a.url, ok: false, problem: a.problem }))), '/admin/oit/watch');
        for (const a of opened) await repo.updateAlert(agency.id, a.id, { notified: JSON.stringify(channels) });
        sum.reminders++;
      } catch (error) {
        // The alert stays open and visible on the dashboard; the failure is recorded on it.
        for (const a of opened) await repo.updateAlert(agency.id, a.id, { notified: JSON.stringify({ failed: error instanceof Error ? error.message.slice(0, 200) : String(error) }) });
      }
    }
    return true;
  }

  const service = {
    watchedYear,

    /**
     * One scheduler run over every active agency. `ownSite` reads the built-in portal in process
     * (the server never fetches itself); without it only agencies' own websites are checked.
     */
    async runWatch(instanceId: string, opts: { ownSite?: FetchLike; agencyId?: string; manual?: boolean } = {}): Promise<WatchRunSummary> {
      const pass = async (): Promise<WatchRunSummary> => {
        const sum: WatchRunSummary = { runs: 0, skipped: 0, problems: 0, opened: 0, resolved: 0, reminders: 0 };
        const year = await watchedYear();
        if (year === null) return sum;
        // A check asked for by hand is its own slot: it never takes the scheduled run's place.
        const slot = opts.manual ? `manual ${now()}` : slotOf(clock.now(), deps.intervalHours);
        const own = new URL(deps.publicBaseUrl).origin;
        for (const agency of await deps.listAgencies()) {
          if (agency.status !== 'active' || (opts.agencyId && agency.id !== opts.agencyId)) continue;
          for (const base of await deps.bases(agency.id)) {
            const isOwn = new URL(base).origin === own;
            if (isOwn && !opts.ownSite) continue;
            if (!(await runOne(agency, year, base, slot, instanceId, isOwn ? opts.ownSite : undefined, sum))) sum.skipped++;
          }
        }
        return sum;
      };
      // It sets its own database scope whoever calls it (scheduler, staff request, CLI, test): the
      // agency's own for a check asked for by hand, otherwise the deployment-wide one (docs/adr/0008).
      return opts.agencyId ? withTenant(opts.agencyId, pass) : withDeploymentScope('scheduled-job', pass);
    },

    async status(agencyId: string): Promise<WatchStatus> {
      const year = await watchedYear();
      const [runs, open] = await Promise.all([repo.listRuns(agencyId, 1), repo.openAlerts(agencyId)]);
      return { year, lastRunAt: runs[0]?.finished_at ?? runs[0]?.started_at ?? null, openAlerts: open.length };
    },

    async dashboard(agencyId: string) {
      const [runs, open, recent] = await Promise.all([repo.listRuns(agencyId, 30), repo.openAlerts(agencyId), repo.recentAlerts(agencyId, 50)]);
      return { year: await watchedYear(), runs, open, recent };
    },

    itemHistory: (agencyId: string, year: number, code: string) => repo.itemHistory(agencyId, year, code),
  };
  return service;
}
export type OitWatchService = ReturnType<typeof oitWatchService>;

/** The background schedule: a tick every few minutes claims the slot's runs (once across instances). */
export function startOitWatchScheduler(watch: OitWatchService, opts: { intervalHours: number; ownSite?: FetchLike; instanceId?: string; onError?: (e: unknown) => void }): { stop(): void } {
  if (opts.intervalHours <= 0) return { stop: () => undefined };
  const instanceId = opts.instanceId ?? randomUUID();
  return startIntervalJob({
    firstAfterMs: 60_000,
    // Checking every 15 minutes is cheap: a slot already claimed costs one INSERT … ON CONFLICT per site.
    everyMs: Math.min(15 * 60_000, opts.intervalHours * 3600_000),
    run: () => watch.runWatch(instanceId, opts.ownSite ? { ownSite: opts.ownSite } : {}),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
}
