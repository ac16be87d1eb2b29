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
    /**
     * Sign-in names are unique across the deployment (one sign-in page for every agency): finding
     * the account by its name is how the tenant of a sign-in is found, so this query has no scope.
     */
    findByUsername: (username: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
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
