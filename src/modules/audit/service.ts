/** Reading the audit trail. Writing stays with each use case (writeAudit in src/platform/audit.ts). */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';
import { listAudit, type AuditView } from '../../platform/audit.js';

export const AUDIT_PAGE_SIZE = 200;

export function auditService({ db }: { db: Kysely<PlatformTables> }) {
  return {
    /** The agency's latest entries, newest first. */
    latest: (agencyId: string, limit = AUDIT_PAGE_SIZE): Promise<AuditView[]> => listAudit(db, agencyId, limit),
  };
}
export type AuditService = ReturnType<typeof auditService>;
