/**
 * The audit trail: every state change in a use case writes one entry (who, what, when), inside
 * the same transaction as the change so one never lands without the other.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../shared/clock.js';

export interface Actor {
  userId: string | null;
  /** Shown in the log: the user's display name, "ระบบ" or "ผู้ติดตั้ง". */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'ระบบ' };

/** The actor for a signed-in staff member. */
export const actorOf = (user: { id: string; displayName: string }): Actor => ({ userId: user.id, label: user.displayName });

export interface AuditEntry {
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Kysely<Database>, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      agency_id: entry.agencyId,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      created_at: clock.now().toISOString(),
    })
    .execute();
}

/** Many entries by one actor in one go (bulk imports): batched multi-row inserts, same transaction as the change. */
export async function writeAuditMany(db: Kysely<Database>, clock: Clock, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  const at = clock.now().toISOString();
  const rows = entries.map((entry) => ({
    id: randomUUID(),
    agency_id: entry.agencyId,
    actor_user_id: actor.userId,
    actor_label: actor.label,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    created_at: at,
  }));
  // 9 columns × 500 rows keeps each statement far below SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}

export interface AuditView {
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

export async function listAudit(db: Kysely<Database>, agencyId: string, limit = 200): Promise<AuditView[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.created_at,
    actor: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  }));
}
