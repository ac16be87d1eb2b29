/**
 * Who may open reports, and how: the agency's complaint key, each handler's wrapped copy of its
 * secret half, TOTP second factor with recovery codes, and the in-memory vault that holds an
 * unlocked key for one signed-in session for a short time. Nothing here stores a secret in the
 * clear: the box secret key exists unwrapped only in this process's memory.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, forbidden, validationError } from '../../shared/errors.js';
import { writeAudit, actorOf } from '../../platform/audit.js';
import { complaintsRepository } from './repository.js';
import {
  b64,
  decrypt,
  encrypt,
  generateAgencyKeys,
  PASSPHRASE_KDF,
  serverKey,
  sha256Hex,
  sodium,
  unb64,
  unwrapWithSecret,
  wrapWithSecret,
  type Wrapped,
} from './domain/crypto.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './domain/totp.js';
import type { KeyRow } from './tables.js';

export const MIN_PASSPHRASE = 12;
/** An unlocked key is forgotten after this idle time. */
const VAULT_IDLE_MS = 30 * 60_000;

export interface HandlerUser {
  id: string;
  agencyId: string;
  displayName: string;
  username: string;
}

/** An unlocked handler session: the agency's box key pair, for this user, for a while. */
export interface Unlocked {
  agencyId: string;
  userId: string;
  keyId: string;
  boxPublic: Uint8Array;
  boxSecret: Uint8Array;
}

interface VaultEntry extends Unlocked {
  touched: number;
}

type PendingGrant = Wrapped & { pending: true };

export interface AccessDeps {
  db: Kysely<ComplaintsDb>;
  clock: Clock;
  serverSecret: string;
}

export function complaintAccess({ db, clock, serverSecret }: AccessDeps) {
  const repo = complaintsRepository(db);
  const totpKey = serverKey(serverSecret, 'totp');
  const signingKeyKey = serverKey(serverSecret, 'signing-key');
  const vault = new Map<string, VaultEntry>();
  const signCache = new Map<string, Uint8Array>();

  const passphraseError = (p: string) =>
    p.length < MIN_PASSPHRASE ? [{ field: 'passphrase', message: `รหัสผ่านสำหรับกุญแจต้องยาวอย่างน้อย ${MIN_PASSPHRASE} ตัวอักษร` }] : [];

  async function unwrapTotp(wrapped: string): Promise<string> {
    await sodium();
    return new TextDecoder().decode(decrypt(totpKey, unb64(wrapped)));
  }

  /** A TOTP code of a later step than the last accepted, or an unused recovery code; undefined otherwise. */
  async function checkCode(f: { totp_secret_wrapped: string; last_step: number | null; recovery_hashes: string }, code: string, now: Date): Promise<{ step?: number; recoveryLeft?: string[] } | undefined> {
    const step = totpStep(await unwrapTotp(f.totp_secret_wrapped), code, now);
    if (step !== undefined && (f.last_step === null || step > Number(f.last_step))) return { step };
    const hashes = JSON.parse(f.recovery_hashes) as string[];
    const h = hashRecoveryCode(code);
    return hashes.includes(h) ? { recoveryLeft: hashes.filter((x) => x !== h) } : undefined;
  }

  return {
    /**
     * The second factor alone (sign-in when the agency requires it for all staff, step-up before
     * a key rotation): the code is consumed and the check audited either way.
     */
    async verifySecondFactor(user: HandlerUser, code: string, purpose: 'sign-in' | 'rotate'): Promise<void> {
      const f = await repo.factorFor(user.agencyId, user.id);
      if (!f?.confirmed_at) throw forbidden('ต้องตั้งค่าการยืนยันตัวตนสองขั้นตอนก่อน');
      const checked = await checkCode(f, code, clock.now());
      if (!checked) {
        await writeAudit(db, clock, actorOf(user), { agencyId: user.agencyId, action: 'complaints.2fa.refused', entityType: 'user', entityId: user.id, details: { purpose } });
        throw validationError('รหัสไม่ถูกต้อง', [{ field: 'code', message: 'รหัสยืนยันตัวตนไม่ถูกต้อง ใช้แล้ว หรือหมดเวลา' }]);
      }
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).updateFactor(user.agencyId, user.id, checked.recoveryLeft ? { recovery_hashes: JSON.stringify(checked.recoveryLeft) } : { last_step: checked.step! });
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: checked.recoveryLeft ? 'complaints.2fa.recovery-code' : 'complaints.2fa.verify', entityType: 'user', entityId: user.id, details: { purpose } });
      });
    },

    /** The Ed25519 secret key of a complaint key, unwrapped with the server's key (cached). */
    async signingSecret(key: KeyRow): Promise<Uint8Array> {
      const hit = signCache.get(key.id);
      if (hit) return hit;
      await sodium();
      const s = decrypt(signingKeyKey, unb64(key.sign_secret_wrapped));
      signCache.set(key.id, s);
      return s;
    },

    activeKey: (agencyId: string) => repo.activeKey(agencyId),
    keyById: (agencyId: string, id: string) => repo.keyById(agencyId, id),

    /**
     * Creates the agency's first complaint key (or a new one on rotation), wrapped for `user`
     * under their passphrase. On rotation the caller must be unlocked: reports stay readable
     * because the old key stays in the table, its secret re-wrapped… by handlers who unlock it.
     */
    async createKey(user: HandlerUser, passphrase: string): Promise<void> {
      const errors = passphraseError(passphrase);
      if (errors.length) throw validationError('ข้อมูลไม่ถูกต้อง', errors);
      await sodium();
      if (await repo.activeKey(user.agencyId)) throw new DomainError('CONFLICT', 'หน่วยงานมีกุญแจสำหรับเรื่องร้องเรียนแล้ว');
      const keys = generateAgencyKeys();
      const wrapped = await wrapWithSecret(passphrase, keys.boxSecret, PASSPHRASE_KDF);
      const id = randomUUID();
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        const version = (await r.listKeys(user.agencyId)).length + 1;
        await r.insertKey({ id, agency_id: user.agencyId, version, box_public: b64(keys.boxPublic), sign_public: b64(keys.signPublic), sign_secret_wrapped: b64(encrypt(signingKeyKey, keys.signSecret)), active: 1, created_at: ts });
        await r.upsertGrant({ id: randomUUID(), agency_id: user.agencyId, key_id: id, user_id: user.id, wrapped: JSON.stringify(wrapped), created_at: ts });
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: 'complaints.key.create', entityType: 'complaint_key', entityId: id, details: { version } });
      });
    },

    /** Whether the user has a usable grant, a pending one (transfer code) or none. */
    async grantState(agencyId: string, userId: string): Promise<'none-key' | 'none' | 'pending' | 'ready'> {
      const key = await repo.activeKey(agencyId);
      if (!key) return 'none-key';
      const g = await repo.grantFor(agencyId, key.id, userId);
      if (!g) return 'none';
      return (JSON.parse(g.wrapped) as Partial<PendingGrant>).pending ? 'pending' : 'ready';
    },

    /**
     * An unlocked handler gives another handler access: the key's secret half is wrapped under a
     * one-time transfer code (shown once, handed over in person); the new handler replaces it with
     * their own passphrase on first unlock.
     */
    async grant(by: Unlocked, actor: HandlerUser, target: HandlerUser): Promise<string> {
      if (target.agencyId !== by.agencyId) throw forbidden();
      const code = newRecoveryCodes()[0]! + '-' + newRecoveryCodes()[0]!;
      const wrapped: PendingGrant = { ...(await wrapWithSecret(code, by.boxSecret, PASSPHRASE_KDF)), pending: true };
      const ts = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).upsertGrant({ id: randomUUID(), agency_id: by.agencyId, key_id: by.keyId, user_id: target.id, wrapped: JSON.stringify(wrapped), created_at: ts });
        await writeAudit(tx, clock, actorOf(actor), { agencyId: by.agencyId, action: 'complaints.key.grant', entityType: 'user', entityId: target.id });
      });
      return code;
    },

    /** A handler leaving: their wrapped copy is deleted (see the ADR on rotation). */
    async revoke(actor: HandlerUser, agencyId: string, userId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).deleteGrant(agencyId, userId);
        await writeAudit(tx, clock, actorOf(actor), { agencyId, action: 'complaints.key.revoke', entityType: 'user', entityId: userId });
      });
      for (const [k, v] of vault) if (v.userId === userId) vault.delete(k);
    },

    // ----- second factor

    async factorState(agencyId: string, userId: string): Promise<'none' | 'pending' | 'confirmed'> {
      const f = await repo.factorFor(agencyId, userId);
      return !f ? 'none' : f.confirmed_at ? 'confirmed' : 'pending';
    },

    /** Starts (or restarts, while unconfirmed) TOTP enrolment; returns the secret to type or scan. */
    async beginEnrolment(user: HandlerUser): Promise<{ secret: string; uri: string }> {
      const existing = await repo.factorFor(user.agencyId, user.id);
      if (existing?.confirmed_at) throw new DomainError('CONFLICT', 'ตั้งค่าการยืนยันตัวตนสองขั้นตอนไว้แล้ว');
      await sodium();
      const secret = existing ? await unwrapTotp(existing.totp_secret_wrapped) : newTotpSecret();
      if (!existing) {
        await repo.upsertFactor({ id: randomUUID(), agency_id: user.agencyId, user_id: user.id, totp_secret_wrapped: b64(encrypt(totpKey, secret)), recovery_hashes: '[]', confirmed_at: null, last_step: null, created_at: clock.now().toISOString() });
      }
      return { secret, uri: totpUri(secret, `${user.username}`) };
    },

    /** Confirms enrolment with a first code; returns the recovery codes (shown once). */
    async confirmEnrolment(user: HandlerUser, code: string): Promise<string[]> {
      const f = await repo.factorFor(user.agencyId, user.id);
      if (!f || f.confirmed_at) throw new DomainError('CONFLICT', 'ไม่มีการตั้งค่าที่รอยืนยัน');
      const step = totpStep(await unwrapTotp(f.totp_secret_wrapped), code, clock.now());
      if (step === undefined) throw validationError('รหัสไม่ถูกต้อง', [{ field: 'code', message: 'รหัส 6 หลักไม่ถูกต้องหรือหมดเวลา กรุณาดูรหัสใหม่จากแอปแล้วลองอีกครั้ง' }]);
      const codes = newRecoveryCodes();
      await db.transaction().execute(async (tx) => {
        await complaintsRepository(tx).updateFactor(user.agencyId, user.id, { confirmed_at: clock.now().toISOString(), last_step: step, recovery_hashes: JSON.stringify(codes.map(hashRecoveryCode)) });
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: 'complaints.2fa.enrol', entityType: 'user', entityId: user.id });
      });
      return codes;
    },

    /**
     * Second factor and passphrase together open the key for this session. A pending grant is
     * opened with its transfer code and re-wrapped under the new passphrase.
     */
    async unlock(user: HandlerUser, sessionRef: string, input: { code: string; passphrase: string; transferCode?: string }): Promise<void> {
      const f = await repo.factorFor(user.agencyId, user.id);
      if (!f?.confirmed_at) throw forbidden('ต้องตั้งค่าการยืนยันตัวตนสองขั้นตอนก่อน');
      const now = clock.now();
      const checked = await checkCode(f, input.code, now);
      if (!checked) {
        await writeAudit(db, clock, actorOf(user), { agencyId: user.agencyId, action: 'complaints.unlock.refused', entityType: 'user', entityId: user.id });
        throw validationError('รหัสไม่ถูกต้อง', [{ field: 'code', message: 'รหัสยืนยันตัวตนไม่ถูกต้อง ใช้แล้ว หรือหมดเวลา' }]);
      }
      const { step, recoveryLeft } = checked;
      const key = await repo.activeKey(user.agencyId);
      if (!key) throw new DomainError('NOT_FOUND', 'หน่วยงานยังไม่ได้สร้างกุญแจสำหรับเรื่องร้องเรียน');
      const grant = await repo.grantFor(user.agencyId, key.id, user.id);
      if (!grant) throw forbidden('ท่านยังไม่ได้รับสิทธิ์เปิดกุญแจ กรุณาขอให้ผู้รับผิดชอบที่มีสิทธิ์แล้วมอบสิทธิ์ให้');
      const wrapped = JSON.parse(grant.wrapped) as Wrapped & { pending?: boolean };
      await sodium();
      let secret: Uint8Array | undefined;
      if (wrapped.pending) {
        const errors = [...passphraseError(input.passphrase), ...(input.transferCode ? [] : [{ field: 'transferCode', message: 'กรุณากรอกรหัสมอบสิทธิ์ที่ได้รับ' }])];
        if (errors.length) throw validationError('ข้อมูลไม่ถูกต้อง', errors);
        secret = await unwrapWithSecret(input.transferCode!.trim(), wrapped);
        if (!secret) throw validationError('รหัสไม่ถูกต้อง', [{ field: 'transferCode', message: 'รหัสมอบสิทธิ์ไม่ถูกต้อง' }]);
        const own = await wrapWithSecret(input.passphrase, secret, PASSPHRASE_KDF);
        await repo.upsertGrant({ ...grant, wrapped: JSON.stringify(own) });
      } else {
        secret = await unwrapWithSecret(input.passphrase, wrapped);
        if (!secret) {
          await writeAudit(db, clock, actorOf(user), { agencyId: user.agencyId, action: 'complaints.unlock.refused', entityType: 'user', entityId: user.id });
          throw validationError('รหัสผ่านไม่ถูกต้อง', [{ field: 'passphrase', message: 'รหัสผ่านสำหรับกุญแจไม่ถูกต้อง' }]);
        }
      }
      await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        await r.updateFactor(user.agencyId, user.id, recoveryLeft ? { recovery_hashes: JSON.stringify(recoveryLeft) } : { last_step: step! });
        await writeAudit(tx, clock, actorOf(user), { agencyId: user.agencyId, action: recoveryLeft ? 'complaints.unlock.recovery-code' : 'complaints.unlock', entityType: 'user', entityId: user.id });
      });
      vault.set(sessionRef, { agencyId: user.agencyId, userId: user.id, keyId: key.id, boxPublic: unb64(key.box_public), boxSecret: secret, touched: now.getTime() });
    },

    /** The unlocked key of this session, if still fresh and still this user's. */
    unlocked(sessionRef: string, user: { id: string; agencyId: string }): Unlocked | undefined {
      const v = vault.get(sessionRef);
      const now = clock.now().getTime();
      if (!v || v.userId !== user.id || v.agencyId !== user.agencyId || now - v.touched > VAULT_IDLE_MS) {
        if (v) vault.delete(sessionRef);
        return undefined;
      }
      v.touched = now;
      return v;
    },

    lock(sessionRef: string): void {
      vault.delete(sessionRef);
    },

    /** After a key rotation: every session of the agency holds a retired key; only `keep` is re-opened with the new one. */
    replaceUnlocked(agencyId: string, keep: { sessionRef: string; unlocked: Unlocked }): void {
      for (const [k, v] of vault) if (v.agencyId === agencyId) vault.delete(k);
      vault.set(keep.sessionRef, { ...keep.unlocked, touched: clock.now().getTime() });
    },

    /** A stable reference to a session without keeping its cookie: SHA-256 of the token. */
    sessionRef: (token: string): string => sha256Hex(token),
  };
}
export type ComplaintAccess = ReturnType<typeof complaintAccess>;
