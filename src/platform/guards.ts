/** preHandlers that guard staff routes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/errors.js';
import { canWith, type Permission } from '../shared/permissions.js';
import type { User } from '../modules/users/domain/user.js';
import type { Agency } from '../modules/agencies/domain/agency.js';

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
  };
}

/** The signed-in staff member and their agency; call only behind requireUser. */
export function staff(request: FastifyRequest): { user: User; agency: Agency } {
  if (!request.user || !request.agency) throw new DomainError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบก่อน');
  return { user: request.user, agency: request.agency };
}
