/**
 * Structured content edited on OIT item pages instead of uploaded: the organisation structure
 * (O1, with an optional chart), the contact details (O5) and the executives with their photos
 * (O2, kept by the agencies module). Each save is ONE transaction across the stored file, the
 * agencies module's executive row, the item's status and the audit entries: a failure anywhere
 * leaves nothing behind, the uploaded image included.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit } from '../../platform/audit.js';
import { IMAGE_KINDS, type StagedFile } from '../../platform/file-store.js';
import type { User } from '../users/index.js';
import { executiveSchema } from '../agencies/index.js';
import { oitRepository } from './repository.js';
import { actorOf, parse, type OitContext } from './context.js';
import { parseStructure } from './model.js';
import type { StructureContent } from './domain/checks.js';
import { contactSchema, structureSchema } from './schemas.js';

export function structuredContentUseCases(ctx: OitContext) {
  const { db, clock, files, agencies, now } = ctx;
  return {
    async saveStructure(user: User, year: number, code: string, raw: unknown, chart?: StagedFile, removeChart = false): Promise<void> {
      try {
        const { structured } = await ctx.editable(user, year, code);
        const input = parse(structureSchema, raw);
        if (!structured.includes('structured-structure')) throw notFound('รายการนี้ไม่มีข้อมูลโครงสร้าง');
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        await ctx.withStaged([chart], async (tx) => {
          const r = oitRepository(tx);
          const file = chart ? await files.record(tx, actor, chart) : undefined;
          const existing = await r.findContent(agencyId, year, 'structure');
          const keptChart = removeChart ? null : (parseStructure(existing?.content)?.chartFileId ?? null);
          const content: StructureContent = { political: input.political, permanent: input.permanent, chartFileId: file?.id ?? keptChart };
          if (existing) await r.updateContent(agencyId, existing.id, JSON.stringify(content), actor.userId, now());
          else await r.insertContent({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, kind: 'structure', content: JSON.stringify(content), updated_by: actor.userId, created_at: now(), updated_at: now() });
          await ctx.touch(tx, await ctx.ensureRow(tx, agencyId, year, code, actor), actor);
          await writeAudit(tx, clock, actor, { agencyId, action: 'oit.structure.update', entityType: 'oit_content', entityId: existing?.id ?? null, details: { year, code, ...content } });
        });
      } catch (error) {
        await files.discard(chart);
        throw error;
      }
    },

    async saveContact(user: User, year: number, code: string, raw: unknown): Promise<void> {
      const { structured } = await ctx.editable(user, year, code);
      const input = parse(contactSchema, raw);
      if (!structured.includes('structured-contact')) throw notFound('รายการนี้ไม่มีข้อมูลการติดต่อ');
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const r = oitRepository(tx);
        const existing = await r.findContent(agencyId, year, 'contact');
        if (existing) await r.updateContent(agencyId, existing.id, JSON.stringify(input), actor.userId, now());
        else await r.insertContent({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, kind: 'contact', content: JSON.stringify(input), updated_by: actor.userId, created_at: now(), updated_at: now() });
        await ctx.touch(tx, await ctx.ensureRow(tx, agencyId, year, code, actor), actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.contact.update', entityType: 'oit_content', entityId: existing?.id ?? null, details: { year, code, ...input } });
      });
    },

    /**
     * Adds or updates an executive from the O2 page, with an optional photo (images only): the
     * photo's stored file, the executive row (agencies module, in this transaction), the item's
     * status and the audit entries commit together or not at all.
     */
    async saveExecutive(user: User, year: number, code: string, executiveId: string | null, raw: unknown, photo?: StagedFile): Promise<void> {
      try {
        const { structured } = await ctx.editable(user, year, code);
        const parsed = executiveSchema.safeParse(raw);
        if (!parsed.success) throw validationError('กรุณาตรวจสอบข้อมูลผู้บริหาร', zodToFieldErrors(parsed.error));
        if (!structured.includes('structured-executives')) throw notFound('รายการนี้ไม่มีข้อมูลผู้บริหาร');
        if (photo && !IMAGE_KINDS.includes(photo.kind)) throw new DomainError('UNSUPPORTED_MEDIA', 'รูปถ่ายต้องเป็นไฟล์รูปภาพ (PNG, JPEG, GIF หรือ WEBP)');
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        if (executiveId) await agencies.getExecutive(agencyId, executiveId);
        await ctx.withStaged([photo], async (tx) => {
          // The photo is recorded first: the executive row refers to it.
          const file = photo ? await files.record(tx, actor, photo) : undefined;
          const savedId = executiveId
            ? (await agencies.updateExecutive(actor, agencyId, executiveId, parsed.data, file ? file.id : undefined, tx), executiveId)
            : (await agencies.addExecutive(actor, agencyId, parsed.data, file?.id ?? null, tx)).id;
          await ctx.touch(tx, await ctx.ensureRow(tx, agencyId, year, code, actor), actor);
          if (file) await writeAudit(tx, clock, actor, { agencyId, action: 'oit.executive.photo', entityType: 'executive', entityId: savedId, details: { year, code, fileId: file.id, sha256: file.sha256 } });
        });
      } catch (error) {
        await files.discard(photo);
        throw error;
      }
    },

    async removeExecutive(user: User, year: number, code: string, executiveId: string): Promise<void> {
      const { structured } = await ctx.editable(user, year, code);
      if (!structured.includes('structured-executives')) throw notFound('รายการนี้ไม่มีข้อมูลผู้บริหาร');
      await agencies.removeExecutive(actorOf(user), user.agencyId, executiveId);
    },
  };
}
