/**
 * Key rotation as docs/adr/0007 designs it: version N+1 is created, every copy sealed straight to
 * version N's box key (each report's content key K, the reporter's identity, internal notes) is
 * opened with the custodian's unlocked N and sealed to N+1, and version N's grants are deleted —
 * all in one transaction, so a failure leaves version N in place. Content encrypted with K
 * (report text, messages, files) and the reporter's receipt-wrapped copy of K do not change.
 * Version N's row stays: its Ed25519 public key keeps verifying the acknowledgements it signed
 * (published with the others), and its box public key is no longer used to seal.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, forbidden, validationError } from '../../shared/errors.js';
import { writeAudit, actorOf } from '../../platform/audit.js';
import { complaintsRepository } from './repository.js';
import { b64, encrypt, generateAgencyKeys, openSealed, PASSPHRASE_KDF, sealTo, serverKey, sodium, unb64, unwrapWithSecret, wrapWithSecret, type Wrapped } from './domain/crypto.js';
import type { ComplaintAccess, HandlerUser, Unlocked } from './access.js';

/** A published key version: its Ed25519 public key and when it was the one signing. */
export interface KeyVersion {
  version: number;
  publicKey: string;
  createdAt: string;
  /** When the next version took over; null for the active one. */
  retiredAt: string | null;
  active: boolean;
}

export function complaintKeyRotation(deps: { db: Kysely<ComplaintsDb>; clock: Clock; serverSecret: string; access: ComplaintAccess }) {
  const { db, clock, access } = deps;
  const repo = complaintsRepository(db);
  const signingKeyKey = serverKey(deps.serverSecret, 'signing-key');

  return {
    /** Every version's public signing key, oldest first (for verifying old acknowledgements). */
    async history(agencyId: string): Promise<KeyVersion[]> {
      const keys = await repo.listKeys(agencyId);
      return keys.map((k, i) => ({
        version: Number(k.version),
        publicKey: k.sign_public,
        createdAt: k.created_at,
        retiredAt: keys[i + 1]?.created_at ?? null,
        active: Number(k.active) === 1,
      }));
    },

    /**
     * Rotates the agency's complaint key. The caller is a custodian whose session holds the
     * active version unlocked; a fresh second-factor code and their key passphrase are asked
     * again (the new secret is wrapped under that passphrase). Other handlers lose their grant
     * and are granted again by transfer code. Returns the new version and how many reports moved.
     */
    async rotate(u: Unlocked, user: HandlerUser & { custodian: boolean }, sessionRef: string, input: { code: string; passphrase: string }): Promise<{ version: number; resealed: number }> {
      if (!user.custodian || u.agencyId !== user.agencyId || u.userId !== user.id) throw forbidden('เฉพาะผู้รับผิดชอบที่เปิดเผยตัวตนผู้แจ้งได้ (ผู้ดูแลกุญแจ) เท่านั้นที่เปลี่ยนกุญแจได้');
      const active = await repo.activeKey(u.agencyId);
      if (!active || active.id !== u.keyId) throw new DomainError('CONFLICT', 'กุญแจถูกเปลี่ยนไปแล้ว กรุณาเปิดกุญแจใหม่อีกครั้ง');
      const grant = await repo.grantFor(u.agencyId, u.keyId, user.id);
      if (!grant) throw forbidden();
      await access.verifySecondFactor(user, input.code, 'rotate');
      await sodium();
      // The passphrase must open the caller's own grant: a typo here would lock the new key away.
      if (!(await unwrapWithSecret(input.passphrase, JSON.parse(grant.wrapped) as Wrapped))) {
        throw validationError('รหัสผ่านไม่ถูกต้อง', [{ field: 'passphrase', message: 'รหัสผ่านสำหรับกุญแจไม่ถูกต้อง' }]);
      }
      const next = generateAgencyKeys();
      const wrapped = await wrapWithSecret(input.passphrase, next.boxSecret, PASSPHRASE_KDF);
      const newId = randomUUID();
      const ts = clock.now().toISOString();
      const reseal = (sealed: string) => b64(sealTo(next.boxPublic, openSealed(unb64(sealed), u.boxPublic, u.boxSecret)));
      const result = await db.transaction().execute(async (tx) => {
        const r = complaintsRepository(tx);
        // First: retire N. On PostgreSQL this locks N's row, so a submission still sealing to N
        // waits at its claim and then retries with N+1 (service.ts); on SQLite writes are serial.
        await r.deactivateKeys(u.agencyId);
        const version = (await r.listKeys(u.agencyId)).length + 1;
        await r.insertKey({ id: newId, agency_id: u.agencyId, version, box_public: b64(next.boxPublic), sign_public: b64(next.signPublic), sign_secret_wrapped: b64(encrypt(signingKeyKey, next.signSecret)), active: 1, created_at: ts });
        // Identities and notes are found through their report's key, so before the reports move.
        const identities = await r.sealedIdentities(u.agencyId, u.keyId);
        const notes = await r.sealedNotes(u.agencyId, u.keyId);
        const reports = await r.sealedReports(u.agencyId, u.keyId);
        for (const i of identities) await r.resealIdentity(u.agencyId, i.id, reseal(i.sealed));
        for (const n of notes) await r.resealNote(u.agencyId, n.id, reseal(n.body));
        for (const rep of reports) await r.resealReport(u.agencyId, rep.id, newId, reseal(rep.agency_key_sealed));
        await r.deleteGrantsOfKey(u.agencyId, u.keyId);
        await r.upsertGrant({ id: randomUUID(), agency_id: u.agencyId, key_id: newId, user_id: user.id, wrapped: JSON.stringify(wrapped), created_at: ts });
        await writeAudit(tx, clock, actorOf(user), {
          agencyId: u.agencyId,
          action: 'complaints.key.rotate',
          entityType: 'complaint_key',
          entityId: newId,
          details: { version, from: Number(active.version), reports: reports.length },
        });
        return { version, resealed: reports.length };
      });
      access.replaceUnlocked(u.agencyId, { sessionRef, unlocked: { agencyId: u.agencyId, userId: user.id, keyId: newId, boxPublic: next.boxPublic, boxSecret: next.boxSecret } });
      return result;
    },
  };
}
export type ComplaintKeyRotation = ReturnType<typeof complaintKeyRotation>;
