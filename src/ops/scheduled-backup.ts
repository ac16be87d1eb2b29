/**
 * The daily backup an instance takes when BACKUP_DIR is set: one archive per interval, the newest
 * BACKUP_KEEP kept. Set BACKUP_DIR on ONE instance only when several run (docs/deployment.md):
 * each instance would otherwise take its own copy of the same data.
 */
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { migrationStatus } from '../db/index.js';
import type { Kysely } from 'kysely';
import { createBackup, pruneBackups, stampNow } from './backup.js';

export interface ScheduledBackupHandle {
  stop(): void;
  /** Takes one backup now (also what the timer calls). */
  runOnce(): Promise<string>;
}

export function scheduleBackups(
  db: Kysely<any>,
  config: Config,
  opts: { version: string; log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void } },
): ScheduledBackupHandle | null {
  const dir = config.backup?.dir;
  if (!dir) return null;
  const runOnce = async () => {
    const out = join(dir, `prongsai-${stampNow()}.tar.gz`);
    const { applied } = await migrationStatus(db);
    const manifest = await createBackup({ database: config.database, dataDir: config.dataDir }, { out, version: opts.version, migrations: applied });
    const removed = await pruneBackups(dir, 'prongsai-', config.backup!.keep);
    opts.log.info({ files: manifest.files.length, removed: removed.length }, 'scheduled backup written');
    return out;
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runOnce()
      .catch((error: unknown) => opts.log.error({ err: error }, 'scheduled backup failed'))
      .finally(() => (running = false));
  }, config.backup!.intervalHours * 3600_000);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
