import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/tables.js';

/** Holders of the deployment administrator grant (deployment-wide, so no agency_id). */
export interface DeploymentAdminsTable {
  user_id: string;
  /** "setup", "migration", "demo" or the granting user's id. */
  granted_by: string;
  created_at: string;
}

/** One-time invitations of an agency's first administrator; the id is the SHA-256 of the token. */
export interface AgencyInvitationsTable {
  id: string;
  agency_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface DeploymentTables {
  deployment_admins: DeploymentAdminsTable;
  agency_invitations: AgencyInvitationsTable;
}

/** What this module's repository may query: its own tables and the platform's audit log. */
export type DeploymentDb = DeploymentTables & PlatformTables;

export type InvitationRow = Selectable<AgencyInvitationsTable>;
