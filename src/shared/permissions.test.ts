import { describe, expect, it } from 'vitest';
import { can, canAsDeployment, canWith, DEPLOYMENT_PERMISSIONS, PERMISSIONS, ROLES, type Permission } from './permissions.js';

describe('deployment administrator permissions', () => {
  it('gives no agency role a deployment permission, however high', () => {
    for (const role of ROLES) for (const p of DEPLOYMENT_PERMISSIONS) expect(can([role], p)).toBe(false);
  });
  it('gives the deployment grant exactly the deployment permissions, no agency data', () => {
    for (const p of PERMISSIONS) expect(canAsDeployment(p)).toBe((DEPLOYMENT_PERMISSIONS as readonly string[]).includes(p));
    expect(canWith({ roles: [], deploymentAdmin: true }, 'catalogue.import')).toBe(true);
    expect(canWith({ roles: [], deploymentAdmin: true }, 'results.edit')).toBe(false);
    expect(canWith({ roles: ['admin'], deploymentAdmin: false }, 'catalogue.import')).toBe(false);
    expect(canWith({ roles: ['admin'], deploymentAdmin: false }, 'results.edit')).toBe(true);
  });
  it('never lets the deployment grant reach complaint content, whatever a module declares', () => {
    for (const p of ['complaints.view', 'complaints.read', 'complaint.content', 'complaints:export']) {
      expect(canAsDeployment(p)).toBe(false);
      expect(canWith({ roles: [], deploymentAdmin: true }, p as Permission)).toBe(false);
    }
    expect(DEPLOYMENT_PERMISSIONS.some((p) => /^complaints?[._:]/.test(p))).toBe(false);
  });
});
