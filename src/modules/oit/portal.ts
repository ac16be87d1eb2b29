/**
 * The public OIT portal: the year's index (every item of the year, so the URLs given to ITAS
 * exist from the start and never change), published evidence files and the photos and chart a
 * published item shows — plus the self-audit that reads those pages as an evaluator would.
 */
import { notFound, validationError } from '../../shared/errors.js';
import type { StoredFile } from '../../platform/file-store.js';
import { outboundFetch } from '../../platform/outbound-fetch.js';
import { isHttpUrl } from '../../shared/url.js';
import type { Agency } from '../agencies/index.js';
import type { OitContext } from './context.js';
import { parseStructure, type YearView } from './model.js';
import { structuredChecksOf } from './domain/checks.js';
import { runSelfAudit, type AuditReport, type FetchLike } from './self-audit.js';

export function portalUseCases(ctx: OitContext) {
  const { files, agencies, config, repo, findAgencyBySlug } = ctx;
  return {
    /**
     * Whether the coordinator has published the item (status "เผยแพร่แล้ว"): what another module's
     * public page of a generated report asks before showing it.
     */
    async isPublished(agencyId: string, year: number, code: string): Promise<boolean> {
      return (await repo.findItem(agencyId, year, code))?.status === 'published';
    },

    async publicYear(slug: string, year: number): Promise<{ agency: Agency; view: YearView }> {
      const agency = await findAgencyBySlug(slug);
      return { agency, view: await ctx.loadYear(agency.id, year, { withPeople: false }) };
    },

    /** The current file of a published item's evidence, by the entry's stable id. */
    async publicEvidenceFile(slug: string, year: number, code: string, evidenceId: string): Promise<StoredFile> {
      const agency = await findAgencyBySlug(slug);
      const ev = await repo.findEvidence(agency.id, evidenceId);
      if (!ev || ev.code !== code || Number(ev.fiscal_year) !== year || !ev.file_id) throw notFound('ไม่พบไฟล์');
      const item = await repo.findItem(agency.id, year, code);
      if (item?.status !== 'published') throw notFound('ไม่พบไฟล์');
      const file = await files.get(agency.id, ev.file_id);
      if (!file) throw notFound('ไม่พบไฟล์');
      return file;
    },

    /** A photo or structure chart shown on a published item's page. */
    async publicFile(slug: string, fileId: string): Promise<StoredFile> {
      const agency = await findAgencyBySlug(slug);
      const file = await files.get(agency.id, fileId);
      if (!file) throw notFound('ไม่พบไฟล์');
      for (const year of await repo.listYears(agency.id)) {
        const catalogue = await ctx.catalogueOf(year);
        if (!catalogue) continue;
        const published = new Set((await repo.listItems(agency.id, year)).filter((i) => i.status === 'published').map((i) => i.code));
        const shows = (check: string) => catalogue.oitItems.some((i) => published.has(i.code) && structuredChecksOf(i).includes(check as never));
        if (shows('structured-executives') && (await agencies.listExecutives(agency.id)).some((e) => e.photoFileId === fileId)) return file;
        if (shows('structured-structure') && parseStructure((await repo.findContent(agency.id, year, 'structure'))?.content)?.chartFileId === fileId) return file;
      }
      throw notFound('ไม่พบไฟล์');
    },

    // ----- self-audit

    /** Sites the web form offers to audit: the built-in portal and the agency's own website. */
    async auditBases(agencyId: string): Promise<string[]> {
      const agency = await agencies.getAgency(agencyId);
      const own = agency.websiteUrl && URL.canParse(agency.websiteUrl) ? new URL(agency.websiteUrl).origin : null;
      return [...new Set([config.publicBaseUrl.replace(/\/$/, ''), ...(own ? [own] : [])])];
    },

    /**
     * Fetches the year's public pages and files as an evaluator would (see self-audit.ts), from
     * `baseUrl` — the built-in portal by default. Reads only; bounded requests. The product's own
     * portal is read in process (`ownSite`, given by the route or CLI that has the app): the server
     * never fetches itself over HTTP. Any other site goes through the platform's outbound fetch,
     * which reaches public internet addresses only.
     */
    async selfAudit(agencyId: string, year: number, opts: { baseUrl?: string; fetchImpl?: FetchLike; ownSite?: FetchLike; slowMs?: number } = {}): Promise<AuditReport> {
      const catalogue = await ctx.requireCatalogue(year);
      const agency = await agencies.getAgency(agencyId);
      const baseUrl = opts.baseUrl ?? config.publicBaseUrl;
      if (!isHttpUrl(baseUrl)) throw validationError('ที่อยู่เว็บไซต์ไม่ถูกต้อง', [{ field: 'baseUrl', message: 'ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย https:// หรือ http://' }]);
      const own = new URL(baseUrl).origin === new URL(config.publicBaseUrl).origin;
      if (own && !opts.fetchImpl && !opts.ownSite) throw validationError('ตรวจเว็บไซต์ของระบบนี้ได้จากหน้าเว็บหรือคำสั่ง CLI เท่านั้น');
      const policy = { selfOrigins: [config.publicBaseUrl], allowPrivate: config.outboundAllowPrivate };
      const fetchImpl: FetchLike = opts.fetchImpl ?? (own ? opts.ownSite! : (url, init) => outboundFetch(url, policy, { ...init, maxRedirects: 0 }));
      return runSelfAudit({ baseUrl, slug: agency.slug, year, codes: catalogue.oitItems.map((i) => i.code), fetchImpl, ...(opts.slowMs ? { slowMs: opts.slowMs } : {}) });
    },
  };
}
