import type { Insertable, Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

export interface UsersTable {
  id: string;
  agency_id: string;
  /** The sign-in name, unique within the agency. */
  username: string;
  /**
   * `<agency id>/<username>`: the first release's deployment-wide UNIQUE column, kept under this
   * name because SQLite cannot drop it (migration 202612011701). Never shown.
   */
  login_key: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  /** JSON array of role names. */
  roles: string;
  unit_id: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  /** The user's agency, so a session's child queries are scoped like every other agency row. */
  agency_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SetupTokensTable {
  id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Failed sign-ins per (account or unknown name, client address); the key is a hash of both. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  blocked_until: string | null;
  updated_at: string;
}

export interface UserTables {
  users: UsersTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  sign_in_throttle: SignInThrottleTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;

/**
 * What this module's repositories and services may query: its own tables plus the platform's
 * (audit log, stored files). Another module's table is a type error; reach it through that
 * module's index.ts instead.
 */
export type UsersDb = UserTables & PlatformTables;
