/**
 * Enforces an agency's lifecycle on every request, for every module at once: a suspended agency's
 * public pages (/a/:slug/…) say so and its staff cannot use the product; an archived agency's
 * public pages do not exist. Registered by the composition root right after the platform.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError, notFound } from '../../shared/errors.js';
import { pageContext } from '../../platform/request-context.js';
import { sendPage } from '../../ui/render.js';
import type { Agency } from '../agencies/index.js';
import { AgencyUnavailablePage } from './views/AgencyUnavailablePage.js';

const PUBLIC_AGENCY_PATH = /^\/a\/([^/?#]+)/;

export function registerAgencyStatusGate(app: FastifyInstance, deps: { findBySlug(slug: string): Promise<Agency | undefined> }): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const own = request.agency;
    if (own && own.status !== 'active') {
      // Signing out must still work; everything else is refused with the reason.
      if (request.method === 'POST' && request.url.split('?')[0] === '/logout') return;
      request.user = null;
      request.agency = null;
      request.deploymentAdmin = false;
      throw new DomainError(
        'FORBIDDEN',
        own.status === 'suspended'
          ? `${own.nameTh} ถูกระงับการใช้งานชั่วคราว เจ้าหน้าที่จึงเข้าสู่ระบบไม่ได้ กรุณาติดต่อผู้ดูแลระบบระดับจังหวัด/ผู้ให้บริการ`
          : `${own.nameTh} ถูกเก็บถาวรแล้ว เจ้าหน้าที่จึงเข้าสู่ระบบไม่ได้`,
      );
    }
    const slug = PUBLIC_AGENCY_PATH.exec(request.url)?.[1];
    if (!slug) return;
    const agency = await deps.findBySlug(decodeURIComponent(slug).toLowerCase()).catch(() => undefined);
    if (!agency || agency.status === 'active') return;
    if (agency.status === 'archived') throw notFound('ไม่พบหน่วยงานนี้');
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <AgencyUnavailablePage ctx={pageContext(request, reply, null)} agencyName={agency.nameTh} />, 503);
  });
}
