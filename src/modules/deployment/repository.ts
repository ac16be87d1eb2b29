/** All SQL of deployment administration: the grant, invitations and the deployment-wide audit. */
import type { Kysely } from 'kysely';
import type { DeploymentDb, InvitationRow } from './tables.js';

export function deploymentRepository(db: Kysely<DeploymentDb>) {
  return {
    isAdmin: async (userId: string): Promise<boolean> =>
      !!(await db.selectFrom('deployment_admins').select('user_id').where('user_id', '=', userId).executeTakeFirst()),
    countAdmins: async (): Promise<number> => {
      const r = await db.selectFrom('deployment_admins').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    grant: async (userId: string, grantedBy: string, at: string): Promise<void> => {
      await db.insertInto('deployment_admins').values({ user_id: userId, granted_by: grantedBy, created_at: at }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    },

    insertInvitation: async (row: InvitationRow): Promise<void> => {
      await db.insertInto('agency_invitations').values(row).execute();
    },
    findInvitation: (id: string): Promise<InvitationRow | undefined> =>
      db.selectFrom('agency_invitations').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Conditional update: two concurrent submissions cannot both use one link. */
    markInvitationUsed: async (id: string, usedAt: string, userId: string): Promise<number> => {
      const r = await db
        .updateTable('agency_invitations')
        .set({ used_at: usedAt, used_by: userId })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', usedAt)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    /** Ends the agency's open invitations (a new link replaces them). */
    expireOpenInvitations: async (agencyId: string, at: string): Promise<void> => {
      await db.updateTable('agency_invitations').set({ expires_at: at }).where('agency_id', '=', agencyId).where('used_at', 'is', null).where('expires_at', '>', at).execute();
    },
    /** Per agency: whether an invitation is open or was used (for the agency list). */
    invitationStates: async (): Promise<{ agency_id: string; open: number; used: number }[]> => {
      const rows = await db
        .selectFrom('agency_invitations')
        .select((eb) => [
          'agency_id',
          eb.fn.count<number>(eb.case().when('used_at', 'is', null).then(1).end()).as('open'),
          eb.fn.count<number>(eb.case().when('used_at', 'is not', null).then(1).end()).as('used'),
        ])
        .groupBy('agency_id')
        .execute();
      return rows.map((r) => ({ agency_id: r.agency_id, open: Number(r.open), used: Number(r.used) }));
    },

    /** Entries about the deployment itself (catalogue imports, agencies created): agency_id is null. */
    deploymentAudit: (limit: number) =>
      db.selectFrom('audit_log').selectAll().where('agency_id', 'is', null).orderBy('created_at', 'desc').limit(limit).execute(),
  };
}
export type DeploymentRepository = ReturnType<typeof deploymentRepository>;
