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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  // Reports are for complaint handlers only: an administrator sets the channel up but reads nothing.
  admin: PERMISSIONS.filter((p) => p !== 'complaints.handle' && p !== 'complaints.disclose'),
  coordinator: ['audit.view', 'results.view', 'results.edit', 'plan.edit', 'documents.generate', 'oit.manage', 'oit.edit', 'measures.update'],
  // Unit staff change only the OIT items assigned to them; the OIT service checks the assignment.
  // and only the tracked measures of their own unit; the tracking service checks the unit.
  unit_staff: ['results.view', 'oit.edit', 'measures.update'],
  viewer: ['results.view'],
  complaint_handler: ['complaints.handle'],
  // The custodian also handles reports and is the one who may open a reporter's identity (audited).
  complaint_custodian: ['complaints.handle', 'complaints.disclose'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRole(r) && GRANTS[r].includes(permission));
}
