/**
 * Encrypted attachment files a crash left without their row (issue 7, finding 9, for the
 * channel's own store under DATA_DIR/complaints): a submission writes and fsyncs its files before
 * the transaction that records them, so a kill in between leaves ciphertext nobody points at.
 * Like the platform's `files.sweepOrphans()`: only names this store makes (a UUID, or a UUID.tmp
 * it was writing), only files unchanged for an hour (one being written now is never touched),
 * looked up in batches of 500. Run over every agency, so in the deployment scope (docs/adr/0008).
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { withDeploymentScope } from '../../platform/tenant.js';
import { complaintsRepository } from './repository.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BLOB_NAME = new RegExp(`^${UUID}(\\.tmp)?$`, 'i');
const AGENCY_DIR = /^[A-Za-z0-9-]+$/;

export function complaintOrphanSweep(deps: { db: Kysely<ComplaintsDb>; clock: Clock; root: string }) {
  const repo = complaintsRepository(deps.db);
  return async function sweepOrphans(opts: { graceMs?: number } = {}): Promise<{ removed: number; kept: number }> {
    const cutoff = deps.clock.now().getTime() - (opts.graceMs ?? 3600_000);
    let removed = 0;
    let kept = 0;
    for (const agencyId of (await readdir(deps.root).catch(() => [] as string[])).filter((n) => AGENCY_DIR.test(n))) {
      const dir = join(deps.root, agencyId);
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => BLOB_NAME.test(n));
      for (let i = 0; i < names.length; i += 500) {
        const old: string[] = [];
        for (const name of names.slice(i, i + 500)) {
          const info = await stat(join(dir, name)).catch(() => undefined);
          if (info?.isFile() && info.mtimeMs < cutoff) old.push(name);
        }
        if (old.length === 0) continue;
        // A .tmp file is never recorded: an hour old, its write died with the process.
        const known = await repo.knownBlobKeys(agencyId, old.filter((n) => !n.endsWith('.tmp')));
        for (const name of old) {
          if (known.has(name)) kept++;
          else if (await unlink(join(dir, name)).then(() => true, () => false)) removed++;
        }
      }
    }
    return { removed, kept };
  };
}

/**
 * Sweeps once at start, then every `intervalMs` (default hourly), in the deployment scope; also
 * forgets second-factor session marks older than any session. Returns the first run and a stopper.
 */
export function startComplaintOrphanSweeper(
  jobs: { sweepOrphans: (o?: { graceMs?: number }) => Promise<{ removed: number; kept: number }>; sweepMarks: () => Promise<number> },
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
  opts: { intervalMs?: number; graceMs?: number } = {},
): { first: Promise<void>; stop(): void } {
  const run = () =>
    withDeploymentScope('scheduled-job', async () => {
      const r = await jobs.sweepOrphans(opts.graceMs !== undefined ? { graceMs: opts.graceMs } : {});
      await jobs.sweepMarks();
      return r;
    }).then(
      (r) => {
        // Counts only: a file name says nothing, but there is no reason to log it either.
        if (r.removed > 0) log.info({ removed: r.removed, kept: r.kept }, 'orphan complaint files removed');
      },
      (error: unknown) => log.warn({ err: error }, 'complaint orphan file sweep failed'),
    );
  const first = run();
  const timer = setInterval(() => void run(), opts.intervalMs ?? 3600_000);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
