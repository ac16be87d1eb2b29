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

/**
 * Sign-in backoff, counted per (account, client address): the first FREE_FAILURES wrong
 * passwords cost nothing; each one after that pauses sign-in to that account from that client
 * for twice as long as the last (1, 2, 4, 8 minutes…, at most BACKOFF_MAX_MINUTES). An attacker
 * on another address cannot lock the owner out, and unknown names are counted the same way so
 * the answers never tell which names exist.
 */
export const FREE_FAILURES = 5;
export const BACKOFF_FIRST_MINUTES = 1;
export const BACKOFF_MAX_MINUTES = 15;
/** A session ends after this idle time, and at the latest after SESSION_MAX_HOURS. */
export const SESSION_IDLE_HOURS = 8;
export const SESSION_MAX_HOURS = 24 * 7;
export const MIN_PASSWORD_LENGTH = 10;

/** Whether sign-in is paused at `nowIso` for a key blocked until `blockedUntil`. */
export function isBlocked(blockedUntil: string | null, nowIso: string): boolean {
  return blockedUntil !== null && blockedUntil > nowIso;
}

/** The pause after the `failures`-th wrong password in a row from one client to one account, if any. */
export function backoffAfter(failures: number, now: Date): string | null {
  if (failures < FREE_FAILURES) return null;
  const minutes = Math.min(BACKOFF_MAX_MINUTES, BACKOFF_FIRST_MINUTES * 2 ** (failures - FREE_FAILURES));
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}
