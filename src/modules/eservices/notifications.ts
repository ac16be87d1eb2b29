/**
 * Citizen notifications (issue 12): a citizen who gave an e-mail address (or, through a LINE OA
 * front end, a LINE user id) is told when their request changes state and when staff reply —
 * with only the tracking code, the state and the status page link (domain/notice.ts).
 *
 * The change writes an outbox row in its own transaction (`noticeRow`), so a notice is never lost
 * to a crash and never sent for a change that rolled back. Delivery claims each row with a
 * conditional UPDATE, so of several app instances (or the nudge after a change racing the
 * scheduled pass) exactly one sends it. A failed send is retried by one instance later, on the
 * channels that had not yet succeeded; a row left `sending` by a crash is not resent (at most once).
 * The channels are the calendar's (SMTP_URL, LINE Messaging API), composed in app.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { withDeploymentScope } from '../../platform/tenant.js';
import { startIntervalJob, type IntervalJob } from '../../platform/interval-job.js';
import { eservicesRepository } from './repository.js';
import type { EservicesDb, EserviceNotificationsTable, RequestRow } from './tables.js';
import { isRequestState } from './domain/states.js';
import { noticeMessage, statusUrl, withoutAddresses, type NoticeKind } from './domain/notice.js';

/** Where a notice can go; each is present only when configured. */
export interface CitizenChannels {
  email?: (to: string, subject: string, text: string) => Promise<void>;
  line?: (userId: string, text: string) => Promise<void>;
}

/** Which channels exist (what the request service needs to decide whether to queue a notice). */
export interface NoticeChannels {
  email: boolean;
  line: boolean;
}

/**
 * The outbox row for a change of `request`, or undefined when the citizen left no address that a
 * configured channel can reach (nothing is queued then).
 */
export function noticeRow(
  channels: NoticeChannels | undefined,
  request: Pick<RequestRow, 'id' | 'agency_id' | 'contact_email' | 'contact_line_id' | 'anonymised_at'>,
  kind: NoticeKind,
  toState: string | null,
  at: string,
): EserviceNotificationsTable | undefined {
  if (!channels || request.anonymised_at) return undefined;
  const reachable = (channels.email && !!request.contact_email) || (channels.line && !!request.contact_line_id);
  if (!reachable) return undefined;
  return { id: randomUUID(), agency_id: request.agency_id, request_id: request.id, kind, to_state: toState, state: 'pending', claimed_by: null, attempts: 0, channels: '[]', error: null, created_at: at, updated_at: at };
}

export interface NotifierDeps {
  db: Kysely<EservicesDb>;
  clock: Clock;
  channels: CitizenChannels;
  publicBaseUrl: string;
  agencySlug: (agencyId: string) => Promise<string>;
  /** Minutes before a failed notice is tried again (default 10), and how many tries in all (default 5). */
  retryAfterMinutes?: number;
  maxAttempts?: number;
  /** Names this process in the claims (default: random per notifier). */
  instanceId?: string;
  /** A nudge's failure (the notice stays due and the scheduled pass retries it). */
  onError?: (e: unknown) => void;
  /** Closes the channels (the SMTP connection). */
  close?: () => void;
}

export interface NoticeRun {
  claimed: number;
  sent: number;
  failed: number;
  skipped: number;
}

export function citizenNotifier(deps: NotifierDeps) {
  const { db, clock, channels } = deps;
  const repo = eservicesRepository(db);
  const now = () => clock.now().toISOString();
  const inFlight = new Set<Promise<unknown>>();
  const self = deps.instanceId ?? randomUUID();

  /**
   * Sends one claimed notice on every channel it has not yet gone out on. A channel's failure is
   * kept (its message names the SMTP or LINE error, never the address) and the others still go.
   */
  async function send(n: EserviceNotificationsTable, done: string[]): Promise<{ state: 'sent' | 'skipped' | 'failed'; channels: string[]; error: string | null }> {
    const request = await repo.findRequest(n.agency_id, n.request_id);
    // Purged (or deleted) meanwhile: there is no address any more, and nothing to tell.
    if (!request || request.anonymised_at || !isRequestState(request.state)) return { state: 'skipped', channels: done, error: null };
    const state = n.kind === 'state' && n.to_state && isRequestState(n.to_state) ? n.to_state : request.state;
    const url = statusUrl(deps.publicBaseUrl, await deps.agencySlug(n.agency_id), request.tracking_code);
    const msg = noticeMessage({ kind: n.kind === 'reply' ? 'reply' : 'state', trackingCode: request.tracking_code, state, statusUrl: url });
    const { email, line } = channels;
    const targets: [string, (() => Promise<void>) | undefined][] = [
      ['email', email && request.contact_email ? () => email(request.contact_email!, msg.subject, msg.text) : undefined],
      ['line', line && request.contact_line_id ? () => line(request.contact_line_id!, msg.text) : undefined],
    ];
    const sent = [...done];
    const errors: string[] = [];
    for (const [name, go] of targets) {
      if (!go || sent.includes(name)) continue;
      try {
        await go();
        sent.push(name);
      } catch (error) {
        errors.push(`${name}: ${withoutAddresses(error instanceof Error ? error.message : String(error))}`.slice(0, 300));
      }
    }
    if (errors.length) return { state: 'failed', channels: sent, error: errors.join('; ') };
    return { state: sent.length ? 'sent' : 'skipped', channels: sent, error: null };
  }

  async function pass(instanceId: string, agencyId: string | null): Promise<NoticeRun> {
    const run: NoticeRun = { claimed: 0, sent: 0, failed: 0, skipped: 0 };
    const retryBefore = new Date(clock.now().getTime() - (deps.retryAfterMinutes ?? 10) * 60_000).toISOString();
    for (const n of await repo.listDueNotifications(agencyId, retryBefore, deps.maxAttempts ?? 5)) {
      if (!(await repo.claimNotification(n.agency_id, n.id, { state: n.state, updatedAt: n.updated_at }, instanceId, now()))) continue;
      run.claimed++;
      const done = JSON.parse(n.channels ?? '[]') as string[];
      const r = await send(n, done).catch((error: unknown) => ({ state: 'failed' as const, channels: done, error: withoutAddresses(error instanceof Error ? error.message : 'send failed').slice(0, 300) }));
      await repo.finishNotification(n.agency_id, n.id, { state: r.state, channels: JSON.stringify(r.channels), error: r.error, updated_at: now() });
      run[r.state]++;
    }
    return run;
  }

  const notifier = {
    channels: { email: !!channels.email, line: !!channels.line } as NoticeChannels,

    /** One pass over every agency's due notices (the scheduled job: a deployment scope of its own). */
    deliverAll: (instanceId = self): Promise<NoticeRun> => withDeploymentScope('scheduled-job', () => pass(instanceId, null)),

    /** Starts a pass over the agency's due notices without waiting (after a change commits, in its scope). */
    nudge(agencyId: string): void {
      const p = pass(self, agencyId).catch((e: unknown) => deps.onError?.(e));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    },

    /** Resolves when every nudge started so far has finished (tests, graceful shutdown). */
    async settled(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },

    close: () => deps.close?.(),

    /** A request's notices for the staff page: when, what, how far they went — no address. */
    async forRequest(agencyId: string, requestId: string) {
      return (await repo.listNotifications(agencyId, requestId)).map((n) => ({
        kind: n.kind as NoticeKind,
        toState: n.to_state,
        state: n.state,
        channels: JSON.parse(n.channels ?? '[]') as string[],
        at: n.created_at,
      }));
    },
  };
  return notifier;
}
export type CitizenNotifier = ReturnType<typeof citizenNotifier>;

/**
 * Retries and catch-up of citizen notices every `intervalSeconds` (0 = only the nudge after each
 * change; nothing is retried then). Safe with several instances: each notice is claimed once.
 */
export function startCitizenNoticeScheduler(notifier: CitizenNotifier, opts: { intervalSeconds: number; onError?: (e: unknown) => void }): IntervalJob {
  if (opts.intervalSeconds <= 0) return { stop: () => undefined };
  return startIntervalJob({
    firstAfterMs: 5_000,
    everyMs: opts.intervalSeconds * 1000,
    run: () => notifier.deliverAll(),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
}
