/**
 * Long work started by a request (a large import) runs here, off the request: the request waits
 * a moment — small files finish within it and answer as before — and otherwise the user gets a
 * progress page that refreshes itself until the work is done. The work reports progress and
 * must itself yield between small batches so other requests keep being served.
 *
 * Jobs live in this process's memory (one server process per deployment, see README); a restart
 * loses the progress page, never data, since each batch is committed on its own. Finished jobs
 * are forgotten after an hour; one agency runs at most MAX_RUNNING_PER_AGENCY at a time.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../shared/errors.js';

export interface JobOwner {
  agencyId: string;
  userId: string;
}

export interface JobState<T> {
  id: string;
  kind: string;
  owner: JobOwner;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result?: T;
  error?: unknown;
  startedAt: number;
  finishedAt?: number;
}

export type Progress = (done: number, total: number) => void;

const KEEP_MS = 60 * 60 * 1000;
const MAX_RUNNING_PER_AGENCY = 2;

/** Every registry of this process, so /metrics can count the queue (it is per process too). */
// Weak: an app built and dropped (tests build many) must not keep its jobs alive here.
const registries = new Set<WeakRef<Map<string, JobState<unknown>>>>();

/** Jobs of this process by state, for /metrics (finished ones are kept for an hour). */
export function jobCountsByState(): Record<JobState<unknown>['state'], number> {
  const counts = { running: 0, done: 0, failed: 0 };
  for (const ref of registries) {
    const jobs = ref.deref();
    if (!jobs) registries.delete(ref);
    else for (const j of jobs.values()) counts[j.state] += 1;
  }
  return counts;
}

export function jobRegistry() {
  const jobs = new Map<string, JobState<unknown>>();
  registries.add(new WeakRef(jobs));

  const prune = (now: number) => {
    for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
  };

  return {
    /**
     * Starts `work` and waits up to `waitMs` for it; the job comes back finished (done/failed)
     * or still running. Refused with 429 when the agency already runs too many.
     */
    async start<T>(kind: string, owner: JobOwner, work: (progress: Progress) => Promise<T>, waitMs = 1500): Promise<JobState<T>> {
      const now = Date.now();
      prune(now);
      const running = [...jobs.values()].filter((j) => j.owner.agencyId === owner.agencyId && j.state === 'running').length;
      if (running >= MAX_RUNNING_PER_AGENCY) throw new DomainError('RATE_LIMITED', 'มีงานนำเข้าของหน่วยงานนี้กำลังทำงานอยู่ กรุณารอให้เสร็จก่อนแล้วลองใหม่');
      const job: JobState<T> = { id: randomUUID(), kind, owner, state: 'running', done: 0, total: 0, startedAt: now };
      jobs.set(job.id, job as JobState<unknown>);
      const finished = work((done, total) => {
        job.done = done;
        job.total = total;
      }).then(
        (result) => Object.assign(job, { state: 'done', result, finishedAt: Date.now() }),
        (error: unknown) => Object.assign(job, { state: 'failed', error, finishedAt: Date.now() }),
      );
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
      return job;
    },

    /** A job of this kind, only for the user who started it (others get undefined → 404). */
    get<T>(kind: string, owner: JobOwner, id: string): JobState<T> | undefined {
      const job = jobs.get(id);
      return job && job.kind === kind && job.owner.agencyId === owner.agencyId && job.owner.userId === owner.userId ? (job as JobState<T>) : undefined;
    },
  };
}
export type JobRegistry = ReturnType<typeof jobRegistry>;

/** Lets other requests run between two batches of a long job. */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
