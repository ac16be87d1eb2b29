/** A staff account as the rest of the product sees it (never with its password hash). */
import { isRole, type Role } from '../../../shared/permissions.js';

export interface User {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  unitId: string | null;
  disabled: boolean;
}

export function parseRoles(json: string): Role[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  } catch {
    return [];
  }
}

/** Failed sign-ins before an account is locked, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** A session ends after this idle time, and at the latest after SESSION_MAX_HOURS. */
export const SESSION_IDLE_HOURS = 8;
export const SESSION_MAX_HOURS = 24 * 7;
export const MIN_PASSWORD_LENGTH = 10;

/** Whether an account is locked at `nowIso`. */
export function isLocked(lockedUntil: string | null, nowIso: string): boolean {
  return lockedUntil !== null && lockedUntil > nowIso;
}

/** The lock to apply after one more failed sign-in: the new count and the lock end, if any. */
export function afterFailedLogin(failedSoFar: number, now: Date): { failed: number; lockedUntil: string | null } {
  const failed = failedSoFar + 1;
  if (failed >= LOCKOUT_THRESHOLD) {
    return { failed: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() };
  }
  return { failed, lockedUntil: null };
}
