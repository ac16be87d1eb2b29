/**
 * Staff accounts: argon2id hashes, sign-in with per-account lockout, server-side sessions whose
 * cookie token is stored only as a SHA-256, and the one-time first-run setup link.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { UsersDb } from './tables.js';
import { narrowDb, type SharedTransaction } from '../../db/narrow.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { withDeploymentScope } from '../../platform/tenant.js';
import type { Role } from '../../shared/permissions.js';
import { usersRepository } from './repository.js';
import type { UserRow } from './tables.js';
import {
  backoffAfter,
  isBlocked,
  parseRoles,
  SESSION_IDLE_HOURS,
  SESSION_MAX_HOURS,
  type User,
} from './domain/user.js';
import type { NewUserInput } from './schemas.js';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~8 ms a hash here.
const ARGON2 = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verifying against this when the user does not exist keeps the timing of unknown and known names alike.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0GBBGQ0vZ3X9f6k6S5pWmQKqz2b8lS3x8s0kq9vJ1yE';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    agencyId: row.agency_id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: parseRoles(row.roles),
    unitId: row.unit_id,
    disabled: Number(row.disabled) === 1,
  };
}

export { actorOf } from '../../platform/audit.js';
import { actorOf } from '../../platform/audit.js';

export interface UsersDeps {
  db: Kysely<UsersDb>;
  clock: Clock;
  /** The agency id of a slug typed on the sign-in page (agencies belong to their own module). */
  agencyIdBySlug?: (slug: string) => Promise<string | undefined>;
}

export interface LoginInput {
  /** The agency's slug, as typed; empty when signing in by e-mail or on a single-agency install. */
  agency?: string;
  /** A user name (within the agency) or an e-mail address. */
  identifier: string;
  password: string;
  /** The client address (already taken from the trusted proxy hop only). */
  client: string;
}

export type LoginResult = { ok: true; user: User; sessionToken: string } | { ok: false; reason: 'invalid' | 'locked' };

export function usersService({ db, clock, agencyIdBySlug }: UsersDeps) {
  const repo = usersRepository(db);
  const now = () => clock.now();

  async function createSession(agencyId: string, userId: string): Promise<string> {
    const token = newToken();
    const t = now();
    await repo.insertSession({
      id: sha256(token),
      agency_id: agencyId,
      user_id: userId,
      created_at: t.toISOString(),
      last_seen_at: t.toISOString(),
      expires_at: new Date(t.getTime() + SESSION_IDLE_HOURS * 3600_000).toISOString(),
    });
    return token;
  }

  async function insertUser(tx: Kysely<UsersDb>, agencyId: string, input: Omit<NewUserInput, 'passwordConfirm'>): Promise<User> {
    const r = usersRepository(tx);
    if (await r.findByUsername(agencyId, input.username)) {
      throw validationError('ชื่อผู้ใช้นี้ถูกใช้แล้ว', [{ field: 'username', message: `ชื่อผู้ใช้ "${input.username}" ถูกใช้แล้ว` }]);
    }
    const ts = now().toISOString();
    const row: UserRow = {
      id: randomUUID(),
      agency_id: agencyId,
      username: input.username,
      login_key: `${agencyId}/${input.username}`,
      display_name: input.displayName,
      email: input.email,
      password_hash: await hash(input.password, ARGON2),
      roles: JSON.stringify(input.roles),
      unit_id: input.unitId,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      last_login_at: null,
      created_at: ts,
      updated_at: ts,
    };
    await r.insert(row);
    return toUser(row);
  }

  /** The one account a sign-in names, or undefined (unknown, or ambiguous without an agency). */
  async function findSignInAccount(input: LoginInput): Promise<UserRow | undefined> {
    const identifier = input.identifier.trim().toLowerCase();
    const slug = (input.agency ?? '').trim().toLowerCase();
    let agencyId: string | undefined;
    if (slug) {
      agencyId = agencyIdBySlug ? await agencyIdBySlug(slug) : undefined;
      if (!agencyId) return undefined;
    }
    const one = (rows: UserRow[]) => (rows.length === 1 ? rows[0] : undefined);
    if (identifier.includes('@')) return one(await repo.findSignInCandidatesByEmail(identifier, agencyId));
    if (agencyId) return repo.findByUsername(agencyId, identifier);
    return one(await repo.findSignInCandidatesByName(identifier));
  }

  return {
    /** Accounts over the whole deployment (is this install set up?). */
    countUsers: () => withDeploymentScope('setup', () => repo.count()),
    createSession,

    async getUser(agencyId: string, id: string): Promise<User> {
      const row = await repo.findById(agencyId, id);
      if (!row) throw notFound('ไม่พบผู้ใช้');
      return toUser(row);
    },
    listUsers: async (agencyId: string): Promise<User[]> => (await repo.listByAgency(agencyId)).map(toUser),

    async createUser(actor: Actor, agencyId: string, input: NewUserInput, tx?: SharedTransaction): Promise<User> {
      const run = async (t: Kysely<UsersDb>) => {
        const user = await insertUser(t, agencyId, input);
        await writeAudit(t, clock, actor, { agencyId, action: 'user.create', entityType: 'user', entityId: user.id, details: { username: user.username, roles: user.roles } });
        return user;
      };
      return tx ? run(narrowDb<UsersDb>(tx)) : db.transaction().execute(run);
    },

    async setRoles(actor: Actor, agencyId: string, userId: string, roles: Role[], disabled: boolean): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const r = usersRepository(tx);
        const row = await r.findById(agencyId, userId);
        if (!row) throw notFound('ไม่พบผู้ใช้');
        if (actor.userId === userId && (!roles.includes('admin') || disabled)) {
          throw validationError('ท่านไม่สามารถถอดสิทธิ์ผู้ดูแลระบบหรือปิดบัญชีของตนเองได้', [{ field: 'roles', message: 'ไม่สามารถลดสิทธิ์ของบัญชีที่กำลังใช้งานอยู่' }]);
        }
        await r.update(agencyId, userId, { roles: JSON.stringify(roles), disabled: disabled ? 1 : 0, updated_at: now().toISOString() });
        if (disabled) await r.deleteSessionsOfUser(agencyId, userId);
        await writeAudit(tx, clock, actor, { agencyId, action: 'user.update', entityType: 'user', entityId: userId, details: { username: row.username, roles, disabled } });
      });
    },

    /**
     * Moves a user to another unit (or none). The caller passes a unit of the same agency: units
     * belong to the agencies module, so the route checks the id against that module's list.
     */
    async setUnit(actor: Actor, agencyId: string, userId: string, unitId: string | null): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const r = usersRepository(tx);
        const row = await r.findById(agencyId, userId);
        if (!row) throw notFound('ไม่พบผู้ใช้');
        if (row.unit_id === unitId) return;
        await r.update(agencyId, userId, { unit_id: unitId, updated_at: now().toISOString() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'user.unit_change', entityType: 'user', entityId: userId, details: { username: row.username, unitId } });
      });
    },

    /**
     * Changes the password and returns a NEW session token for the caller: every session of the
     * user — including the one the change was made from — is ended, so a session a thief holds
     * does not survive the owner changing the password.
     */
    async changePassword(user: User, currentPassword: string, newPassword: string): Promise<string> {
      const row = await repo.findById(user.agencyId, user.id);
      if (!row || !(await verify(row.password_hash, currentPassword))) {
        throw validationError('รหัสผ่านปัจจุบันไม่ถูกต้อง', [{ field: 'currentPassword', message: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' }]);
      }
      const passwordHash = await hash(newPassword, ARGON2);
      await db.transaction().execute(async (tx) => {
        const r = usersRepository(tx);
        await r.update(user.agencyId, user.id, { password_hash: passwordHash, updated_at: now().toISOString() });
        await r.deleteSessionsOfUser(user.agencyId, user.id);
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: 'user.password_change', entityType: 'user', entityId: user.id, details: { otherSessionsEnded: true } });
      });
      return createSession(user.agencyId, user.id);
    },

    /** "Sign out everywhere": ends every session of the user, this one included. */
    async signOutEverywhere(user: User): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await usersRepository(tx).deleteSessionsOfUser(user.agencyId, user.id);
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: 'auth.logout_all', entityType: 'user', entityId: user.id });
      });
    },

    /**
     * Checks a password. The account is named by agency slug + user name, by e-mail, or by a user
     * name alone when exactly one account in the deployment has it. Wrong passwords count per
     * (account, client address) and pause that client only (domain/user.ts); unknown accounts go
     * through the same counting, the same argon2 verification and the same answers, so neither
     * the message, the status nor the time tells whether a name exists.
     */
    login(input: LoginInput): Promise<LoginResult> {
      // Before the account is known the sign-in looks over the deployment (docs/adr/0008).
      return withDeploymentScope('sign-in', async (): Promise<LoginResult> => {
      const t = now();
      const row = await findSignInAccount(input);
      const account = row ? `user:${row.id}` : `unknown:${(input.agency ?? '').trim().toLowerCase()}\n${input.identifier.trim().toLowerCase()}`;
      const key = sha256(`${account}\n${input.client}`);
      const throttle = await repo.findThrottle(key);
      if (throttle && isBlocked(throttle.blocked_until, t.toISOString())) {
        // The password is still verified: a paused answer must not come back faster than a checked one.
        await verify(row?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
        return { ok: false, reason: 'locked' };
      }
      const usable = !!row && Number(row.disabled) !== 1;
      const good = (await verify(usable ? row.password_hash : DUMMY_HASH, input.password).catch(() => false)) && usable;
      if (!good) {
        const failures = (throttle?.failures ?? 0) + 1;
        const blockedUntil = backoffAfter(failures, t);
        await db.transaction().execute(async (tx) => {
          const r = usersRepository(tx);
          await r.saveThrottle({ key, failures, blocked_until: blockedUntil, updated_at: t.toISOString() });
          if (row) {
            await writeAudit(tx, clock, { userId: null, label: row.username }, {
              agencyId: row.agency_id,
              action: blockedUntil ? 'auth.lockout' : 'auth.login_failed',
              entityType: 'user',
              entityId: row.id,
            });
          }
        });
        // Old counters of clients that gave up are of no use after a day.
        if (failures === 1) await repo.pruneThrottle(new Date(t.getTime() - 24 * 3600_000).toISOString());
        return { ok: false, reason: blockedUntil ? 'locked' : 'invalid' };
      }
      if (throttle) await repo.deleteThrottle(key);
      await repo.update(row.agency_id, row.id, { failed_logins: 0, locked_until: null, last_login_at: t.toISOString() });
      await writeAudit(db, clock, { userId: row.id, label: row.display_name }, { agencyId: row.agency_id, action: 'auth.login', entityType: 'user', entityId: row.id });
      return { ok: true, user: toUser(row), sessionToken: await createSession(row.agency_id, row.id) };
      });
    },

    /** The signed-in user for a session cookie token, sliding the idle expiry; undefined if none. */
    async userForSession(token: string): Promise<User | undefined> {
      const id = sha256(token);
      const session = await repo.findSession(id);
      const t = now();
      if (!session) return undefined;
      const hardLimit = new Date(new Date(session.created_at).getTime() + SESSION_MAX_HOURS * 3600_000);
      if (session.expires_at < t.toISOString() || hardLimit < t) {
        await repo.deleteSession(id);
        return undefined;
      }
      const row = await repo.findById(session.agency_id, session.user_id);
      if (!row || Number(row.disabled) === 1) return undefined;
      // Touch at most once a minute: a page with many requests need not write each time.
      if (t.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
        const idle = new Date(t.getTime() + SESSION_IDLE_HOURS * 3600_000);
        await repo.touchSession(id, t.toISOString(), (idle < hardLimit ? idle : hardLimit).toISOString());
      }
      return toUser(row);
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(sha256(token));
    },

    /** A one-time first-run link token (printed in the console); valid 24 hours. */
    async issueSetupToken(): Promise<string> {
      const token = newToken();
      const t = now();
      await repo.insertSetupToken({ id: sha256(token), created_at: t.toISOString(), expires_at: new Date(t.getTime() + 24 * 3600_000).toISOString(), used_at: null });
      return token;
    },

    async isSetupTokenValid(token: string): Promise<boolean> {
      // "Any account at all" is a question over the whole deployment.
      if (!token || (await withDeploymentScope('setup', () => repo.count())) > 0) return false;
      const row = await repo.findSetupToken(sha256(token));
      return !!row && row.used_at === null && row.expires_at > now().toISOString();
    },

    /**
     * Consumes a setup link inside `tx` and creates the first administrator. Refused once any
     * user exists, so a leaked old link cannot create a second administrator.
     */
    async completeSetup(sharedTx: SharedTransaction, token: string, agencyId: string, admin: Omit<NewUserInput, 'passwordConfirm' | 'roles' | 'unitId'>): Promise<User> {
      const tx = narrowDb<UsersDb>(sharedTx);
      const r = usersRepository(tx);
      const invalid = new DomainError('FORBIDDEN', 'ลิงก์ตั้งค่าครั้งแรกไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาเริ่มโปรแกรมใหม่เพื่อรับลิงก์ใหม่');
      if ((await r.count()) > 0) throw invalid;
      const row = await r.findSetupToken(sha256(token));
      if (!row || row.expires_at <= now().toISOString()) throw invalid;
      if ((await r.markSetupTokenUsed(row.id, now().toISOString())) !== 1) throw invalid;
      const user = await insertUser(tx, agencyId, { ...admin, roles: ['admin'], unitId: null });
      await writeAudit(tx, clock, { userId: user.id, label: user.displayName }, { agencyId, action: 'setup.complete', entityType: 'user', entityId: user.id });
      return user;
    },
  };
}
export type UsersService = ReturnType<typeof usersService>;

