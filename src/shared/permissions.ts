/**
 * Roles and what they may do. Roles are data on the user (a JSON list), so a deployment can grow
 * new roles by adding them here; routes and services check permissions, never role names.
 */
export const ROLES = ['admin', 'coordinator', 'unit_staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_TH: Record<Role, string> = {
  admin: 'ผู้ดูแลระบบ',
  coordinator: 'ผู้ประสานงาน ITA',
  unit_staff: 'เจ้าหน้าที่หน่วยงานย่อย',
  viewer: 'ผู้ดูข้อมูล',
};

export const PERMISSIONS = [
  'agency.manage',
  'users.manage',
  'audit.view',
  'catalogue.import',
  'results.view',
  'results.edit',
  'plan.edit',
  'documents.generate',
  'oit.manage',
  'oit.edit',
  // E-services: manage the catalogue, reports and surveys / handle requests of one's unit.
  'eservice.manage',
  'eservice.handle',
  'survey.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  coordinator: ['audit.view', 'results.view', 'results.edit', 'plan.edit', 'documents.generate', 'oit.manage', 'oit.edit', 'eservice.manage', 'eservice.handle', 'survey.manage'],
  // Unit staff change only the OIT items assigned to them; the OIT service checks the assignment.
  unit_staff: ['results.view', 'oit.edit', 'eservice.handle'],
  viewer: ['results.view'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRole(r) && GRANTS[r].includes(permission));
}
