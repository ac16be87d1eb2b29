/**
 * Uploaded files waiting for their column mapping. Kept in the database, not in one process's
 * memory, so the mapping form can be answered by any instance behind the load balancer and
 * survives a restart; each file expires 30 minutes after upload and is removed when the
 * agency's next upload comes, or when its mapping is done.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/errors.js';
import type { Actor } from '../../platform/audit.js';
import { startIntervalJob } from '../../platform/interval-job.js';
import { withDeploymentScope } from '../../platform/tenant.js';
import { procurementRepository } from './repository.js';
import type { ProcurementDb } from './tables.js';

export const PENDING_IMPORT_TTL_MS = 30 * 60_000;
export const PENDING_IMPORT_GONE = 'ไม่พบไฟล์ที่รอเลือกคอลัมน์ (อาจหมดเวลา 30 นาที) กรุณานำเข้าไฟล์อีกครั้ง';

export interface PendingMapping {
  /** Names the kept file in the mapping form. */
  token: string;
}

export interface PendingFile {
  bytes: Buffer;
  name: string;
  headers: string[];
}

export function pendingImports({ db, clock }: { db: Kysely<ProcurementDb>; clock: Clock }) {
  const repo = procurementRepository(db);
  const now = () => clock.now();
  return {
    /** Keeps the file for its mapping; the token for the form. Expired files of the agency go first. */
    async keep(actor: Actor, agencyId: string, year: number, bytes: Uint8Array, name: string, headers: string[]): Promise<string> {
      const at = now();
      await repo.deleteExpiredPendingImports(agencyId, at.toISOString());
      const id = randomUUID();
      await repo.insertPendingImport({
        id,
        agency_id: agencyId,
        user_id: actor.userId ?? '',
        fiscal_year: year,
        file_name: name.slice(0, 255),
        content: Buffer.from(bytes),
        headers: JSON.stringify(headers),
        expires_at: new Date(at.getTime() + PENDING_IMPORT_TTL_MS).toISOString(),
        created_at: at.toISOString(),
      });
      return id;
    },

    /** The kept file of this officer, agency and year; gone, expired or someone else's → not found. */
    async take(actor: Actor, agencyId: string, year: number, token: string): Promise<PendingFile> {
      const row = /^[0-9a-f-]{36}$/.test(token) ? await repo.findPendingImport(agencyId, token) : undefined;
      if (!row || row.user_id !== (actor.userId ?? '') || Number(row.fiscal_year) !== year) throw notFound(PENDING_IMPORT_GONE);
      if (new Date(row.expires_at).getTime() <= now().getTime()) {
        await repo.deletePendingImport(agencyId, row.id);
        throw notFound(PENDING_IMPORT_GONE);
      }
      let headers: string[] = [];
      try {
        headers = JSON.parse(row.headers) as string[];
      } catch {
        headers = [];
      }
      return { bytes: Buffer.from(row.content), name: row.file_name, headers };
    },

    drop: (agencyId: string, token: string) => repo.deletePendingImport(agencyId, token),

    /** Removes every agency's expired files (files nobody came back for); the number removed. */
    sweep: (): Promise<number> => withDeploymentScope('scheduled-job', () => repo.deleteAllExpiredPendingImports(now().toISOString())),
  };
}

/** Sweeps expired files every 15 minutes (safe in every instance: a delete of what expired). */
export function startPendingImportSweeper(sweep: () => Promise<number>, opts: { onRun?: (n: number) => void; onError?: (e: unknown) => void } = {}): { stop(): void } {
  return startIntervalJob({
    firstAfterMs: 60_000,
    everyMs: 15 * 60_000,
    run: async () => opts.onRun?.(await sweep()),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
}
