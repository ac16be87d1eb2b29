/**
 * Enforces an agency's lifecycle on every request, for every module at once: a suspended or
 * archived agency's staff cannot use the product. Its public pages — by slug or host name — are
 * handled by the platform's tenant resolver, which answers a suspended agency's with
 * `agencyUnavailable` (503) and an archived agency's with 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.js';
import { pageContext } from '../../platform/request-context.js';
import { sendPage } from '../../ui/render.js';
import type { Agency } from '../agencies/index.js';
import { AgencyUnavailablePage } from './views/AgencyUnavailablePage.js';

/** A suspended agency's public address (the platform's tenant resolver calls it, by slug or host). */
export async function agencyUnavailable(request: FastifyRequest, reply: FastifyReply, agency: Pick<Agency, 'nameTh'>): Promise<unknown> {
  reply.header('cache-control', 'no-store');
  return sendPage(reply, <AgencyUnavailablePage ctx={pageContext(request, reply, null)} agencyName={agency.nameTh} />, 503);
}

/** A suspended or archived agency's staff cannot use the product (their public pages: the tenant resolver). */
export function registerAgencyStatusGate(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    const own = request.agency;
    if (own && own.status !== 'active') {
      // Signing out must still work; everything else is refused with the reason.
      if (request.method === 'POST' && request.url.split('?')[0] === '/logout') return;
      request.user = null;
      request.agency = null;
      request.tenant = null;
      request.deploymentAdmin = false;
      throw new DomainError(
        'FORBIDDEN',
        own.status === 'suspended'
          ? `${own.nameTh} ถูกระงับการใช้งานชั่วคราว เจ้าหน้าที่จึงเข้าสู่ระบบไม่ได้ กรุณาติดต่อผู้ดูแลระบบระดับจังหวัด/ผู้ให้บริการ`
          : `${own.nameTh} ถูกเก็บถาวรแล้ว เจ้าหน้าที่จึงเข้าสู่ระบบไม่ได้`,
      );
    }
  });
}
