/**
 * Attaching the monthly summaries (แบบ สขร.๑, PDF) to the year's monthly-procurement OIT item:
 * by hand (the button and `procurement publish`: every month that has begun, refreshed), and on
 * its own after every import or sync (the complete months the new data settles, see
 * `monthsToPublish`). Each month's published content is remembered by digest, so publishing
 * again attaches only the months whose form changed and a repeated run changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { FileStore } from '../../platform/file-store.js';
import type { Agency } from '../agencies/index.js';
import type { OitItem } from '../catalogue/index.js';
import type { GeneratedEvidenceByRole } from '../oit/index.js';
import type { RenderedDocument } from '../documents/index.js';
import { procurementRepository } from './repository.js';
import type { ProcurementDb } from './tables.js';
import { fiscalMonths } from './domain/types.js';
import { monthLabel, type MonthlySummary } from './domain/summaries.js';
import { monthsToPublish, publishedContent } from './domain/publishing.js';

export const MONTHLY_ROLE = 'procurement-monthly';

export interface PublishingDeps {
  db: Kysely<ProcurementDb>;
  clock: Clock;
  files: FileStore;
  publicBaseUrl: string;
  getAgency: (agencyId: string) => Promise<Agency>;
  attachByRole: (agencyId: string, year: number, role: string, evidence: GeneratedEvidenceByRole, staged?: Parameters<FileStore['discard']>[0]) => Promise<string | null>;
  /** The OIT item the monthly summaries of fiscal year `year` belong to. */
  target: (year: number) => Promise<{ year: number; item: OitItem } | undefined>;
  summary: (agencyId: string, year: number, month: string) => Promise<MonthlySummary>;
  pdf: (agencyId: string, year: number, month: string) => Promise<RenderedDocument>;
  contractDates: (agencyId: string, year: number) => Promise<string[]>;
  today: () => string;
}

export interface PublishOutcome {
  /** Months attached (new or changed). */
  months: string[];
  /** Months looked at whose published form was already current. */
  unchanged: string[];
  /** 'YEAR:CODE' of the item, or null when the year's catalogue has none. */
  attachedTo: string | null;
}

export type PublishTrigger = 'manual' | 'import' | 'sync';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function monthlyPublishing(deps: PublishingDeps) {
  const { db, clock } = deps;
  const repo = procurementRepository(db);

  async function publish(actor: Actor, agencyId: string, year: number, months: string[], opts: { force: boolean; trigger: PublishTrigger }): Promise<PublishOutcome> {
    const target = await deps.target(year);
    if (!target) return { months: [], unchanged: [], attachedTo: null };
    const attachedTo = `${target.year}:${target.item.code}`;
    const agency = await deps.getAgency(agencyId);
    const name = agency.nameTh.startsWith(agency.typeLabelTh) ? agency.nameTh : `${agency.typeLabelTh}${agency.nameTh}`;
    const before = new Map((await repo.listPublishedMonths(agencyId, year)).map((r) => [r.month, r]));
    const out: PublishOutcome = { months: [], unchanged: [], attachedTo };
    for (const m of months) {
      const digest = sha256(publishedContent(await deps.summary(agencyId, year, m), name, agency.digits));
      const prev = before.get(m);
      if (!opts.force && prev && prev.digest === digest && prev.attached_to === attachedTo) {
        out.unchanged.push(m);
        continue;
      }
      const pdf = await deps.pdf(agencyId, year, m);
      const staged = await deps.files.stage(agencyId, pdf.buffer, pdf.fileName, { allow: ['pdf'] });
      const [y, mo] = m.split('-').map(Number);
      const id = await deps.attachByRole(
        agencyId,
        target.year,
        MONTHLY_ROLE,
        {
          source: 'procurement:monthly',
          sourceRef: m,
          title: `สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.๑) เดือน${monthLabel(m, agency.digits)}`,
          url: `${deps.publicBaseUrl}/a/${agency.slug}/procurement/${year}/${m}`,
          periodFrom: `${m}-01`,
          periodTo: new Date(Date.UTC(y!, mo!, 0)).toISOString().slice(0, 10),
          claimElements: (els) => els.map((e) => e.key),
        },
        staged,
      );
      if (id === null) break; // the item went away between the look-up and the attach
      const ts = clock.now().toISOString();
      await repo.savePublishedMonth({ id: prev?.id ?? randomUUID(), agency_id: agencyId, fiscal_year: year, month: m, digest, attached_to: attachedTo, published_at: ts, created_at: prev?.created_at ?? ts, updated_at: ts });
      out.months.push(m);
    }
    if (out.months.length > 0 || opts.trigger === 'manual') {
      await db.transaction().execute(async (tx) => {
        const ts = clock.now().toISOString();
        await procurementRepository(tx).upsertReport({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, period: 'monthly', problems: '', suggestions: '', produced_at: ts, attached_to: JSON.stringify([attachedTo]), created_at: ts, updated_at: ts });
        await writeAudit(tx, clock, actor, {
          agencyId,
          action: 'procurement.publish',
          entityType: 'procurement_summary',
          entityId: String(year),
          details: { year, trigger: opts.trigger, months: out.months, unchanged: out.unchanged.length, item: target.item.code },
        });
      });
    }
    return out;
  }

  return {
    /** The button and the CLI: every month of the year that has begun, attached again. */
    publishMonths: (actor: Actor, agencyId: string, year: number): Promise<PublishOutcome> => {
      const begun = deps.today().slice(0, 7);
      return publish(actor, agencyId, year, fiscalMonths(year).filter((m) => m <= begun), { force: true, trigger: 'manual' });
    },

    /** After an import or a sync: the complete months the register now settles, those that changed. */
    async publishSettled(actor: Actor, agencyId: string, year: number, trigger: 'import' | 'sync', sourceComplete: boolean): Promise<PublishOutcome> {
      const months = monthsToPublish({ fiscalYear: year, today: deps.today(), contractDates: await deps.contractDates(agencyId, year), sourceComplete });
      return publish(actor, agencyId, year, months, { force: false, trigger });
    },

    publishedMonths: async (agencyId: string, year: number) => (await repo.listPublishedMonths(agencyId, year)).map((r) => ({ month: r.month, publishedAt: r.published_at, attachedTo: r.attached_to })),
  };
}
