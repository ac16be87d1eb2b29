/**
 * Start-up upgrade: a database that needs migrations is backed up first (unless switched off),
 * then migrated all or nothing (see `migrateToLatest`). A brand-new database is not backed up:
 * there is nothing to lose.
 */
import { join } from 'node:path';
import type { Kysely, Migration } from 'kysely';
import type { Config } from '../config/index.js';
import { ensureRowLevelSecurity, migrateToLatest, migrationStatus } from '../db/index.js';
import { migrations as shippedMigrations } from '../db/migrations/index.js';
import { createBackup, stampNow } from './backup.js';

export interface UpgradeResult {
  applied: string[];
  /** The archive taken before migrating, if one was taken. */
  backup?: string;
}

export const backupDirOf = (config: Pick<Config, 'dataDir' | 'backup'>) => config.backup?.dir ?? join(config.dataDir, 'backups');

export async function upgradeDatabase(
  db: Kysely<any>,
  config: Pick<Config, 'database' | 'dataDir' | 'backup'>,
  opts: { version: string; migrations?: Record<string, Migration>; pgSchema?: string; log?: (message: string) => void },
): Promise<UpgradeResult> {
  const list = opts.migrations ?? shippedMigrations;
  const status = await migrationStatus(db, list);
  if (status.pending.length === 0) {
    // Nothing to migrate, but a table may still lack its row-level security (idempotent).
    await ensureRowLevelSecurity(db);
    return { applied: [] };
  }
  let backup: string | undefined;
  if (status.applied.length > 0 && (config.backup?.beforeMigrate ?? true)) {
    backup = join(backupDirOf(config), `pre-upgrade-${opts.version}-${stampNow()}.tar.gz`);
    opts.log?.(`สำรองข้อมูลก่อนปรับโครงสร้างฐานข้อมูล: ${backup}`);
    await createBackup(
      { database: config.database, dataDir: config.dataDir, ...(opts.pgSchema ? { pgSchema: opts.pgSchema } : {}) },
      { out: backup, version: opts.version, migrations: status.applied },
    );
  }
  await migrateToLatest(db, list);
  opts.log?.(`ปรับโครงสร้างฐานข้อมูลแล้ว ${status.pending.length} ขั้น: ${status.pending.join(', ')}`);
  return { applied: status.pending, ...(backup ? { backup } : {}) };
}
