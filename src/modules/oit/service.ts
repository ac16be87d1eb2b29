/**
 * The OIT workspace and portal as one service, composed from a file per use case:
 * - coordination.ts — years, readiness, assignments, status;
 * - evidence.ts — files, links, pointers, versions, evidence other modules generate (by role);
 * - structured-content.ts — structure (O1), contact (O5), executives with photos (O2);
 * - year-tools.ts — carry-over from last year, import from a vendor's site;
 * - portal.ts — public pages' data and files, self-audit;
 * - export.ts — the ITAS export.
 * context.ts holds what they share (catalogue, authorisation of one item, item rows, file facts);
 * model.ts the view types and the one evidence-row builder. Every change checks who may make
 * it, runs in one transaction and writes an audit entry. The demo's OIT year is seeded by
 * demo.ts through the manifest's demo hook, not by this service.
 */
import type { User } from '../users/index.js';
import { oitContext, publicItemUrl, type OitDeps } from './context.js';
import { coordinationUseCases } from './coordination.js';
import { evidenceUseCases } from './evidence.js';
import { structuredContentUseCases } from './structured-content.js';
import { yearToolsUseCases } from './year-tools.js';
import { portalUseCases } from './portal.js';
import { exportUseCases } from './export.js';

export type { OitDeps } from './context.js';
export type {
  EvidenceFile,
  Evidence,
  EvidenceVersion,
  ItemState,
  YearView,
  ReadinessReport,
  CarryRow,
  CarryOverView,
  ImportReport,
  GeneratedEvidence,
  GeneratedEvidenceByRole,
} from './model.js';
export { EMPTY_CONTACT } from './model.js';
export { itemWithRole } from './evidence.js';
export { evidenceSummary } from './export.js';

export function oitService(deps: OitDeps) {
  const ctx = oitContext(deps);
  return {
    canEdit: ctx.canEdit,
    canManage: ctx.canManage,
    /**
     * Refuses (403) a user who may not change the item, before a route reads an upload: who may
     * act is decided before what they sent is looked at, so a forbidden user learns nothing of
     * the form's rules and no file of theirs is staged.
     */
    async assertEditable(user: User, year: number, code: string): Promise<void> {
      await ctx.editable(user, year, code);
    },
    loadYear: ctx.loadYear,
    findAgencyBySlug: ctx.findAgencyBySlug,
    publicItemUrl,
    ...coordinationUseCases(ctx),
    ...evidenceUseCases(ctx),
    ...structuredContentUseCases(ctx),
    ...yearToolsUseCases(ctx),
    ...portalUseCases(ctx),
    ...exportUseCases(ctx),
  };
}
export type OitService = ReturnType<typeof oitService>;
