/**
 * Use cases of deployment administration: who holds the deployment administrator grant, creating
 * agencies with a one-time invitation of their first administrator, suspending and archiving
 * agencies. The province views and the bulk import live in overview.ts and bulk-import.ts.
 *
 * Every use case takes the actor. A signed-in actor must hold the grant; an actor without a user
 * id is the server console (the CLI), whose operator already has the database in hand.
 */
import { withDeploymentScope, withTenant } from '../../platform/tenant.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { DomainError, forbidden, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { Role } from '../../shared/permissions.js';
import { DEFAULT_UNITS, type Agency, type AgenciesService, type AgencyStatus } from '../agencies/index.js';
import { deploymentRepository } from './repository.js';
import type { DeploymentDb } from './tables.js';
import { acceptInvitationSchema, newDeploymentAgencySchema, type NewDeploymentAgencyInput } from './schemas.js';

/** How long an invitation link stays valid. */
export const INVITATION_DAYS = 14;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What this module needs from the users module (wired by the composition root). */
export interface DeploymentUsers {
  createUser(
    actor: Actor,
    agencyId: string,
    input: { username: string; displayName: string; email: string | null; password: string; passwordConfirm: string; roles: Role[]; unitId: string | null },
    tx?: Kysely<any>,
  ): Promise<{ id: string; displayName: string }>;
  createSession(agencyId: string, userId: string): Promise<string>;
}

export type DeploymentAgencies = Pick<AgenciesService, 'createAgency' | 'getAgency' | 'findBySlug' | 'listAgenciesWhere' | 'setStatus' | 'findByHost'>;

export interface DeploymentDeps {
  db: Kysely<any>;
  clock: Clock;
  publicBaseUrl: string;
  agencies: DeploymentAgencies;
  users: DeploymentUsers;
}

export interface CreatedAgency {
  agency: Agency;
  inviteUrl: string;
}

const INVITATION_INVALID = 'ลิงก์เชิญนี้ไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบระดับจังหวัด';

export function deploymentService(deps: DeploymentDeps) {
  const db = deps.db as Kysely<DeploymentDb>;
  const repo = deploymentRepository(db);
  const now = () => deps.clock.now().toISOString();

  async function requireGrant(actor: Actor): Promise<void> {
    if (actor.userId === null) return; // the server console
    if (!(await repo.isAdmin(actor.userId))) throw forbidden('เฉพาะผู้ดูแลระบบระดับจังหวัด/ผู้ให้บริการเท่านั้นที่ทำรายการนี้ได้');
  }

  async function issueInvitation(tx: Kysely<DeploymentDb>, actor: Actor, agencyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const t = deps.clock.now();
    const r = deploymentRepository(tx);
    await r.expireOpenInvitations(agencyId, t.toISOString());
    await r.insertInvitation({
      id: sha256(token),
      agency_id: agencyId,
      created_by: actor.userId,
      created_at: t.toISOString(),
      expires_at: new Date(t.getTime() + INVITATION_DAYS * 24 * 3600_000).toISOString(),
      used_at: null,
      used_by: null,
    });
    await writeAudit(tx as Kysely<any>, deps.clock, actor, { agencyId, action: 'agency.invite', entityType: 'agency', entityId: agencyId, details: { expiresInDays: INVITATION_DAYS } });
    return `${deps.publicBaseUrl}/invite/${token}`;
  }

  /** The open invitation of a token with its agency, or undefined (unknown, used, expired, agency not active). */
  async function openInvitation(token: string): Promise<{ id: string; agency: Agency } | undefined> {
    if (!token || token.length > 200) return undefined;
    // The invited person has no account yet: the token alone names the agency (deployment-wide lookup).
    const row = await withDeploymentScope('invitation', () => repo.findInvitation(sha256(token)));
    if (!row || row.used_at !== null || row.expires_at <= now()) return undefined;
    const agency = await deps.agencies.getAgency(row.agency_id);
    return agency.status === 'active' ? { id: row.id, agency } : undefined;
  }

  return {
    isDeploymentAdmin: (userId: string): Promise<boolean> => repo.isAdmin(userId),

    /**
     * Gives the grant to the first administrator of a single-agency install (first-run setup, the
     * demo on an empty install). Runs inside the caller's transaction; a no-op once anyone holds it.
     */
    async grantFirstAdministrator(userId: string, how: 'setup' | 'demo', tx: Kysely<any> = deps.db): Promise<boolean> {
      const r = deploymentRepository(tx as Kysely<DeploymentDb>);
      if ((await r.countAdmins()) > 0) return false;
      await r.grant(userId, how, now());
      await writeAudit(tx, deps.clock, { userId: null, label: 'ระบบ' }, { agencyId: null, action: 'deployment.grant', entityType: 'user', entityId: userId, details: { how } });
      return true;
    },

    /** Validates the input (Thai messages naming slug/name/type/province/host), creates the agency and its invitation. */
    async createAgency(actor: Actor, raw: unknown): Promise<CreatedAgency> {
      await requireGrant(actor);
      const parsed = newDeploymentAgencySchema.safeParse(raw);
      if (!parsed.success) throw validationError('กรุณาตรวจสอบข้อมูลหน่วยงาน', zodToFieldErrors(parsed.error));
      return createValidated(actor, parsed.data);
    },

    /** A fresh invitation link for an agency whose first administrator has not signed up; older links stop working. */
    async reissueInvitation(actor: Actor, agencyId: string): Promise<string> {
      await requireGrant(actor);
      const agency = await deps.agencies.getAgency(agencyId);
      if (agency.status !== 'active') throw validationError('หน่วยงานนี้ไม่ได้อยู่ในสถานะใช้งาน จึงออกลิงก์เชิญไม่ได้');
      return db.transaction().execute(async (tx) => {
        const url = await issueInvitation(tx, actor, agencyId);
        await writeAudit(tx as Kysely<any>, deps.clock, actor, { agencyId: null, action: 'deployment.invite', entityType: 'agency', entityId: agencyId, details: { slug: agency.slug } });
        return url;
      });
    },

    /** The agency an invitation link is for, if the link can still be used. */
    async invitationAgency(token: string): Promise<Agency | undefined> {
      return (await openInvitation(token))?.agency;
    },

    /**
     * The invited person creates their own administrator account: the link is consumed and the
     * account created in one transaction, so a link is used once and never half.
     */
    async acceptInvitation(token: string, raw: unknown): Promise<{ sessionToken: string; agency: Agency }> {
      const open = await openInvitation(token);
      if (!open) throw new DomainError('FORBIDDEN', INVITATION_INVALID);
      const parsed = acceptInvitationSchema.safeParse(raw);
      if (!parsed.success) throw validationError('กรุณาตรวจสอบข้อมูลที่กรอก', zodToFieldErrors(parsed.error));
      const input = parsed.data;
      // The rest happens inside the invitation's agency.
      const user = await withTenant(open.agency.id, () => db.transaction().execute(async (tx) => {
        const invitee = { userId: null, label: input.displayName };
        const created = await deps.users.createUser(invitee, open.agency.id, { ...input, roles: ['admin'], unitId: null }, tx as Kysely<any>);
        if ((await deploymentRepository(tx).markInvitationUsed(open.id, now(), created.id)) !== 1) throw new DomainError('FORBIDDEN', INVITATION_INVALID);
        await writeAudit(tx as Kysely<any>, deps.clock, { userId: created.id, label: created.displayName }, {
          agencyId: open.agency.id,
          action: 'agency.invite_accepted',
          entityType: 'user',
          entityId: created.id,
        });
        return created;
      }));
      return { sessionToken: await withTenant(open.agency.id, () => deps.users.createSession(open.agency.id, user.id)), agency: open.agency };
    },

    /** Suspends, archives or reactivates an agency (audited in its log and the deployment's). */
    async setAgencyStatus(actor: Actor, agencyId: string, status: AgencyStatus): Promise<Agency> {
      await requireGrant(actor);
      const agency = await deps.agencies.setStatus(actor, agencyId, status);
      await writeAudit(deps.db, deps.clock, actor, { agencyId: null, action: 'deployment.agency_status', entityType: 'agency', entityId: agencyId, details: { slug: agency.slug, status } });
      return agency;
    },

    async getAgency(actor: Actor, agencyId: string): Promise<Agency> {
      await requireGrant(actor);
      return deps.agencies.getAgency(agencyId);
    },

    async listAgencies(actor: Actor, filter: { province?: string; type?: string } = {}): Promise<Agency[]> {
      await requireGrant(actor);
      return deps.agencies.listAgenciesWhere(filter);
    },

    /** Deployment-wide audit entries (catalogue imports, agencies created, statuses changed), newest first. */
    async deploymentAudit(actor: Actor, limit = 200) {
      await requireGrant(actor);
      return (await repo.deploymentAudit(limit)).map((r) => ({
        at: r.created_at,
        actor: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
      }));
    },

    requireGrant,
  };

  async function createValidated(actor: Actor, input: NewDeploymentAgencyInput): Promise<CreatedAgency> {
    if (input.host && (await deps.agencies.findByHost(input.host))) {
      throw validationError('กรุณาตรวจสอบข้อมูลหน่วยงาน', [{ field: 'host', message: `ชื่อโฮสต์ "${input.host}" ถูกใช้โดยหน่วยงานอื่นแล้ว` }]);
    }
    return db.transaction().execute(async (tx) => {
      const agency = await deps.agencies.createAgency(
        actor,
        { slug: input.slug, nameTh: input.name, nameEn: null, type: input.type, province: input.province, address: null, phone: null, email: null, websiteUrl: null, digits: 'thai' },
        // The usual units of a local government; the new administrator edits them on the agency page.
        DEFAULT_UNITS,
        { hostName: input.host, db: tx as Kysely<any> },
      );
      const inviteUrl = await issueInvitation(tx, actor, agency.id);
      await writeAudit(tx as Kysely<any>, deps.clock, actor, {
        agencyId: null,
        action: 'deployment.agency_create',
        entityType: 'agency',
        entityId: agency.id,
        details: { slug: agency.slug, name: agency.nameTh, type: agency.type, province: agency.province, host: agency.hostName },
      });
      return { agency, inviteUrl };
    });
  }
}
export type DeploymentService = ReturnType<typeof deploymentService>;
