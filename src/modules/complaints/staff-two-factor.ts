/**
 * "Every staff member signs in with two factors": an agency option kept with the channel's other
 * options, because the TOTP factors (and their wrapping key) live in this sealed module. When the
 * option is on, a signed-in session reaches staff pages only after its holder passed the second
 * factor in that session; someone without a factor is sent to enrol first. Which sessions passed
 * is kept by SHA-256 of the session token (never the token), so a restart does not ask again.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintsDb, OptionsRow } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { expiringCache } from '../../platform/expiring-cache.js';
import { complaintsRepository } from './repository.js';
import type { ComplaintAccess, HandlerUser } from './access.js';

export interface ComplaintOptions {
  requireStaff2fa: boolean;
  notifyEmail: boolean;
  /** LINE user or group id of the handlers (pushed through the deployment's LINE channel). */
  notifyLineTo: string | null;
}
export const DEFAULT_OPTIONS: ComplaintOptions = { requireStaff2fa: false, notifyEmail: false, notifyLineTo: null };
const toOptions = (row: OptionsRow | undefined): ComplaintOptions =>
  row ? { requireStaff2fa: Number(row.require_staff_2fa) === 1, notifyEmail: Number(row.notify_email) === 1, notifyLineTo: row.notify_line_to } : DEFAULT_OPTIONS;

/** How long a verified mark is worth keeping: no session lives longer (users module: 7 days). */
const MARK_MAX_AGE_MS = 8 * 24 * 3600_000;

/**
 * Whether each agency requires the second factor, kept a few seconds per process: the gate asks on
 * every staff request, and the answer changes only when an administrator saves the options (which
 * empties this process's cache at once; another instance follows within POLICY_CACHE_MS).
 */
const POLICY_CACHE_MS = 10_000;
const POLICY_CACHE_MAX = 5_000;

export function staffTwoFactor(deps: { db: Kysely<ComplaintsDb>; clock: Clock; access: ComplaintAccess }) {
  const { db, clock, access } = deps;
  const repo = complaintsRepository(db);
  const required = expiringCache<boolean>({ ttlMs: POLICY_CACHE_MS, max: POLICY_CACHE_MAX, now: () => clock.now().getTime() });
  const requiresSecondFactor = (agencyId: string): Promise<boolean> => required.get(agencyId, async () => toOptions(await repo.options(agencyId)).requireStaff2fa);

  async function markVerified(user: HandlerUser, sessionToken: string): Promise<void> {
    await repo.insertStaffSession({ id: randomUUID(), agency_id: user.agencyId, user_id: user.id, session_ref: access.sessionRef(sessionToken), verified_at: clock.now().toISOString() });
  }

  return {
    options: async (agencyId: string): Promise<ComplaintOptions> => toOptions(await repo.options(agencyId)),

    /** Saves the agency's options (administrator), audited with the values (no secret in them). */
    async saveOptions(actor: Actor, agencyId: string, o: ComplaintOptions): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const before = toOptions(await complaintsRepository(tx).options(agencyId));
        await complaintsRepository(tx).saveOptions({ agency_id: agencyId, require_staff_2fa: o.requireStaff2fa ? 1 : 0, notify_email: o.notifyEmail ? 1 : 0, notify_line_to: o.notifyLineTo, updated_at: clock.now().toISOString() });
        if (before.requireStaff2fa !== o.requireStaff2fa) {
          await writeAudit(tx, clock, actor, { agencyId, action: 'complaints.staff-2fa.policy', entityType: 'complaint_settings', entityId: agencyId, details: { required: o.requireStaff2fa } });
        }
        if (before.notifyEmail !== o.notifyEmail || before.notifyLineTo !== o.notifyLineTo) {
          await writeAudit(tx, clock, actor, { agencyId, action: 'complaints.notify.settings', entityType: 'complaint_settings', entityId: agencyId, details: { email: o.notifyEmail, line: o.notifyLineTo !== null } });
        }
      });
      required.delete(agencyId); // this process asks afresh on its next staff request
    },

    /**
     * What a staff session still has to do before any staff page: nothing, enrol a factor, or
     * pass the factor in this session. Nothing when the agency does not require it.
     */
    async pending(user: { id: string; agencyId: string }, sessionToken: string): Promise<'enrol' | 'verify' | undefined> {
      if (!(await requiresSecondFactor(user.agencyId))) return undefined;
      if ((await access.factorState(user.agencyId, user.id)) !== 'confirmed') return 'enrol';
      return (await repo.staffSession(user.agencyId, user.id, access.sessionRef(sessionToken))) ? undefined : 'verify';
    },

    /** Passes the second factor for this session (the code is consumed; audited). */
    async verify(user: HandlerUser, sessionToken: string, code: string): Promise<void> {
      await access.verifySecondFactor(user, code, 'sign-in');
      await markVerified(user, sessionToken);
    },

    /** A first code at enrolment also passes the factor for the session it was typed in. */
    markVerified,

    /** Scheduled, deployment-wide: forgets marks older than any session can be. */
    sweepMarks: async (): Promise<number> =>
      Number((await repo.deleteStaffSessionsBefore(new Date(clock.now().getTime() - MARK_MAX_AGE_MS).toISOString())).numDeletedRows),
  };
}
export type StaffTwoFactor = ReturnType<typeof staffTwoFactor>;
