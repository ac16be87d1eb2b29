/** preHandlers that guard staff routes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/errors.js';
import { canWith, DEPLOYMENT_PERMISSIONS, type Permission } from '../shared/permissions.js';
import { setScope } from '../db/tenant-scope.js';
import type { SessionUser, TenantAgency } from './identity.js';

export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.user) return;
  if (request.method === 'GET') {
    await reply.code(303).header('location', `/login?next=${encodeURIComponent(request.url)}`).send();
    return;
  }
  throw new DomainError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบก่อน');
}

export function requirePermission(permission: Permission) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await requireUser(request, reply);
    if (reply.sent) return;
    if (!canWith({ roles: request.user!.roles, deploymentAdmin: request.deploymentAdmin }, permission)) throw new DomainError('FORBIDDEN', 'ท่านไม่มีสิทธิ์เข้าถึงหน้านี้');
    // The deployment administrator's pages work over every agency: the one place a request
    // leaves its agency's scope, and only after the deployment grant was checked.
    if ((DEPLOYMENT_PERMISSIONS as readonly string[]).includes(permission)) setScope({ kind: 'deployment', reason: 'deployment-admin' });
  };
}

/** The signed-in staff member and their agency; call only behind requireUser. */
export function staff(request: FastifyRequest): { user: SessionUser; agency: TenantAgency } {
  if (!request.user || !request.agency) throw new DomainError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบก่อน');
  return { user: request.user, agency: request.agency };
}
