/**
 * What the platform needs from the modules that own people and agencies, declared here so that
 * platform code never imports a module: the users module implements `SessionUsers`, the agencies
 * module implements `AgencyDirectory`, and the composition root (src/app.ts) wires them.
 * The shapes repeat the modules' own types on purpose (structural typing checks they agree where
 * the root wires them); they are the session user and the tenant every request carries.
 */
import type { Role } from '../shared/permissions.js';
import type { DigitStyle } from '../shared/thai.js';

/** The signed-in staff member, as every route sees it on `request.user`. */
export interface SessionUser {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  unitId: string | null;
  disabled: boolean;
}

/** An agency (the tenant), as every route sees it on `request.agency` / `request.tenant`. */
export interface TenantAgency {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
  typeLabelTh: string;
  province: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  websiteUrl: string | null;
  digits: DigitStyle;
  isDemo: boolean;
  /** Suspended agencies keep their data but are closed; archived ones are hidden (deployment module). */
  status: 'active' | 'suspended' | 'archived';
  /** The agency's own host name mapped to its public pages (e.g. `ita.pruyai.go.th`), if any. */
  hostName: string | null;
}

/** session token → user. Implemented by the users module. */
export interface SessionUsers {
  userForSession(token: string): Promise<SessionUser | undefined>;
}

/** id / slug → agency. Implemented by the agencies module. */
export interface AgencyDirectory {
  getAgency(id: string): Promise<TenantAgency>;
  findBySlug(slug: string): Promise<TenantAgency | undefined>;
  findByHost(hostName: string): Promise<TenantAgency | undefined>;
  /**
   * Calls `listener` after any agency is created or changed through this directory, so a
   * per-process cache of slug/host answers (the tenant resolver's) can drop what it holds.
   */
  onChange?(listener: () => void): void;
}
