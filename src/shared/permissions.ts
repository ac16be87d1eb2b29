/**
 * Roles and what they may do. Roles are data on the user (a JSON list), so a deployment can grow
 * new roles by adding them here; routes and services check permissions, never role names.
 */
export const ROLES = ['admin', 'coordinator', 'unit_staff', 'viewer', 'complaint_handler', 'complaint_custodian'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_TH: Record<Role, string> = {
  admin: 'ผู้ดูแลระบบ',
  coordinator: 'ผู้ประสานงาน ITA',
  unit_staff: 'เจ้าหน้าที่หน่วยงานย่อย',
  viewer: 'ผู้ดูข้อมูล',
  complaint_handler: 'ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต',
  complaint_custodian: 'ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต (เปิดเผยตัวตนผู้แจ้งได้)',
};

export const PERMISSIONS = [
  'agency.manage',
  'users.manage',
  'audit.view',
  'catalogue.import',
  'deployment.agencies',
  'deployment.overview',
  'results.view',
  'results.edit',
  'plan.edit',
  'documents.generate',
  'oit.manage',
  'oit.edit',
  'measures.update',
  'complaints.handle',
  'complaints.disclose',
  'complaints.settings',
  // E-services: manage the catalogue, reports and surveys / handle requests of one's unit.
  'eservice.manage',
  'eservice.handle',
  'survey.manage',
  // Q&A: moderate and answer citizens' questions.
  'qa.answer',
  // Procurement register, monthly summaries (สขร.๑) and the annual procurement report.
  'procurement.manage',
  // Self-diagnosis (IIT/EIT before NACC's own) and the predicted result.
  'selfdiag.manage',
  // Participation: activities, opinions received, the participation report.
  'participation.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions over what every agency of the deployment shares (the ITA catalogue, the list of
 * agencies, the province-level views). No agency role holds them, however high: they belong to
 * the deployment administrator (docs/adr/0006-deployment-administrator.md), a grant kept apart
 * from the agency roles so an agency's own administrator can never give it out.
 */
export const DEPLOYMENT_PERMISSIONS = ['catalogue.import', 'deployment.agencies', 'deployment.overview'] as const;
export type DeploymentPermission = (typeof DEPLOYMENT_PERMISSIONS)[number];
const isDeploymentPermission = (p: string): p is DeploymentPermission => (DEPLOYMENT_PERMISSIONS as readonly string[]).includes(p);

/**
 * Complaint content is sealed from the deployment level: a provincial office or hosting company
 * running the platform must never read what a citizen reported about an agency. Any permission
 * in this namespace is refused to the deployment role whatever a future module declares.
 */
export const SEALED_FROM_DEPLOYMENT = /^complaints?[._:]/;

/** What the deployment administrator may do: exactly the deployment permissions, never complaint content. */
export function canAsDeployment(permission: string): boolean {
  if (SEALED_FROM_DEPLOYMENT.test(permission)) return false;
  return isDeploymentPermission(permission);
}

const AGENCY_ADMIN_GRANTS: readonly Permission[] = PERMISSIONS.filter((p) => !isDeploymentPermission(p));

const GRANTS: Record<Role, readonly Permission[]> = {
  // Reports are for complaint handlers only: an administrator sets the channel up but reads nothing.
  admin: AGENCY_ADMIN_GRANTS.filter((p) => p !== 'complaints.handle' && p !== 'complaints.disclose'),
  coordinator: ['audit.view', 'results.view', 'results.edit', 'plan.edit', 'documents.generate', 'oit.manage', 'oit.edit', 'measures.update', 'eservice.manage', 'eservice.handle', 'survey.manage', 'qa.answer', 'procurement.manage', 'selfdiag.manage', 'participation.manage'],
  // Unit staff change only the OIT items assigned to them; the OIT service checks the assignment.
  // and only the tracked measures of their own unit; the tracking service checks the unit.
  unit_staff: ['results.view', 'oit.edit', 'measures.update', 'eservice.handle'],
  viewer: ['results.view'],
  complaint_handler: ['complaints.handle'],
  // The custodian also handles reports and is the one who may open a reporter's identity (audited).
  complaint_custodian: ['complaints.handle', 'complaints.disclose'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether agency roles grant `permission` (deployment permissions never come from them). */
export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRole(r) && GRANTS[r].includes(permission));
}

/** A signed-in person's permission: their agency roles, plus the deployment grant if they hold it. */
export function canWith(who: { roles: readonly string[]; deploymentAdmin: boolean }, permission: Permission): boolean {
  return can(who.roles, permission) || (who.deploymentAdmin && canAsDeployment(permission));
}
