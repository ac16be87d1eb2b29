/** All SQL of staff accounts, sessions and one-time setup links. */
import type { Kysely } from 'kysely';
import type { UsersDb } from './tables.js';
import type { NewUserRow, UserRow } from './tables.js';

export function usersRepository(db: Kysely<UsersDb>) {
  return {
    count: async (): Promise<number> => {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    findById: (agencyId: string, id: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    /** The account with this sign-in name in the agency (names are unique per agency). */
    findByUsername: (agencyId: string, username: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').selectAll().where('agency_id', '=', agencyId).where('username', '=', username).executeTakeFirst(),
    /**
     * Sign-in without naming the agency: at most two accounts of any agency with this name (the
     * caller uses it only when there is exactly one). This is how the tenant of such a sign-in is
     * found, so it has no agency scope; it returns nothing to the visitor but a session or a refusal.
     */
    findSignInCandidatesByName: (username: string): Promise<UserRow[]> =>
      db.selectFrom('users').selectAll().where('username', '=', username).limit(2).execute(),
    /** Sign-in by e-mail (case-insensitive), optionally within one agency; at most two accounts. */
    findSignInCandidatesByEmail: (email: string, agencyId?: string): Promise<UserRow[]> => {
      let q = db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
      if (agencyId) q = q.where('agency_id', '=', agencyId);
      return q.limit(2).execute();
    },
    findThrottle: (key: string) => db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst(),
    saveThrottle: async (row: UsersDb['sign_in_throttle']): Promise<void> => {
      await db
        .insertInto('sign_in_throttle')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, blocked_until: row.blocked_until, updated_at: row.updated_at }))
        .execute();
    },
    deleteThrottle: async (key: string): Promise<void> => {
      await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
    },
    pruneThrottle: async (before: string): Promise<void> => {
      await db.deleteFrom('sign_in_throttle').where('updated_at', '<', before).execute();
    },
    listByAgency: (agencyId: string): Promise<UserRow[]> =>
      db.selectFrom('users').selectAll().where('agency_id', '=', agencyId).orderBy('display_name').execute(),
    insert: async (row: NewUserRow): Promise<void> => {
      await db.insertInto('users').values(row).execute();
    },
    update: async (agencyId: string, id: string, patch: Partial<UserRow>): Promise<void> => {
      await db.updateTable('users').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    insertSession: async (row: UsersDb['sessions']): Promise<void> => {
      await db.insertInto('sessions').values(row).execute();
    },
    /** A session by the hash of its cookie token: the session is how a staff request finds its tenant. */
    findSession: (id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
    touchSession: async (id: string, lastSeenAt: string, expiresAt: string): Promise<void> => {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
    },
    deleteSession: async (id: string): Promise<void> => {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    deleteSessionsOfUser: async (agencyId: string, userId: string): Promise<void> => {
      await db.deleteFrom('sessions').where('agency_id', '=', agencyId).where('user_id', '=', userId).execute();
    },
    deleteExpiredSessions: async (now: string): Promise<void> => {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },
    insertSetupToken: async (row: UsersDb['setup_tokens']): Promise<void> => {
      await db.insertInto('setup_tokens').values(row).execute();
    },
    findSetupToken: (id: string) => db.selectFrom('setup_tokens').selectAll().where('id', '=', id).executeTakeFirst(),
    markSetupTokenUsed: async (id: string, usedAt: string): Promise<number> => {
      // Conditional update: two concurrent submissions cannot both consume one link.
      const r = await db.updateTable('setup_tokens').set({ used_at: usedAt }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
