/**
 * Coordination of an OIT year: the years on offer, the readiness report, who answers for an item
 * (unit, staff, due date) and its status. Publishing is for coordinators. Only items whose
 * status is "published" show their evidence on the public portal.
 */
import { randomUUID } from 'node:crypto';
import { forbidden, validationError } from '../../shared/errors.js';
import { writeAudit } from '../../platform/audit.js';
import type { User } from '../users/index.js';
import { loadShippedCatalogues } from '../catalogue/index.js';
import { oitRepository } from './repository.js';
import { actorOf, parse, type OitContext } from './context.js';
import type { ReadinessReport } from './model.js';
import { assignSchema, statusSchema } from './schemas.js';

export function coordinationUseCases(ctx: OitContext) {
  const { db, clock, now } = ctx;
  return {
    /** Fiscal years that have OIT items in the catalogue, newest first. */
    async catalogueYears(): Promise<number[]> {
      const years = new Set<number>(ctx.deps.catalogueYears ? await ctx.deps.catalogueYears() : loadShippedCatalogues().keys());
      const out: number[] = [];
      for (const y of years) if (((await ctx.catalogueOf(y))?.oitItems.length ?? 0) > 0) out.push(y);
      return out.sort((a, b) => b - a);
    },

    async readinessReport(agencyId: string, year: number): Promise<ReadinessReport> {
      const view = await ctx.loadYear(agencyId, year, { withPeople: false });
      return { year, readiness: view.readiness, items: view.items.map((i) => ({ code: i.code, status: i.status, missing: i.result.missing })) };
    },

    async assign(user: User, year: number, code: string, raw: unknown): Promise<void> {
      if (!ctx.canManage(user)) throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่มอบหมายงานได้');
      const input = parse(assignSchema, raw);
      ctx.requireItem(await ctx.requireCatalogue(year), code);
      const agencyId = user.agencyId;
      if (input.unitId && !(await ctx.agencies.listUnits(agencyId)).some((u) => u.id === input.unitId)) {
        throw validationError('หน่วยงานย่อยไม่ถูกต้อง', [{ field: 'unitId', message: 'ไม่พบหน่วยงานย่อยที่เลือก' }]);
      }
      const staff = await ctx.users.listUsers(agencyId);
      const unknown = input.userIds.filter((id) => !staff.some((u) => u.id === id));
      if (unknown.length) throw validationError('ผู้รับผิดชอบไม่ถูกต้อง', [{ field: 'userIds', message: 'ไม่พบเจ้าหน้าที่ที่เลือก' }]);
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const row = await ctx.ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        await r.updateItem(agencyId, row.id, { unit_id: input.unitId, due_date: input.dueDate, updated_by: actor.userId, updated_at: now() });
        const ts = now();
        await r.replaceAssignments(agencyId, row.id, [...new Set(input.userIds)].map((uid) => ({ id: randomUUID(), agency_id: agencyId, item_id: row.id, user_id: uid, created_by: actor.userId, created_at: ts })));
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.assign', entityType: 'oit_item', entityId: row.id, details: { year, code, unitId: input.unitId, userIds: input.userIds, dueDate: input.dueDate } });
      });
    },

    async setStatus(user: User, year: number, code: string, raw: unknown): Promise<void> {
      // Authorisation before validation: a user who may not edit the item learns nothing about the form.
      const state = await ctx.editable(user, year, code);
      const { status } = parse(statusSchema, raw);
      if ((status === 'published' || state.status === 'published') && !ctx.canManage(user)) {
        throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่เผยแพร่หรือยกเลิกการเผยแพร่ได้');
      }
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const row = await ctx.ensureRow(tx, agencyId, year, code, actor);
        await oitRepository(tx).updateItem(agencyId, row.id, {
          status,
          published_at: status === 'published' ? (row.published_at ?? now()) : null,
          updated_by: actor.userId,
          updated_at: now(),
        });
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.status', entityType: 'oit_item', entityId: row.id, details: { year, code, from: state.status, to: status } });
      });
    },
  };
}
