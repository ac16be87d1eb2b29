/**
 * Evidence of an item: files (type from content, SHA-256, every version kept), links, pointers to
 * where the agency's own site shows an element, and evidence other modules generate — attached by
 * catalogue role, never by code or title ("the item with role X in year N").
 *
 * Each change is ONE transaction (entry, stored file, version, item status, audit entry); if any
 * step fails, nothing is kept, the uploaded bytes included.
 */
import { randomUUID } from 'node:crypto';
import { forbidden, notFound, validationError } from '../../shared/errors.js';
import { writeAudit, SYSTEM_ACTOR } from '../../platform/audit.js';
import { can } from '../../shared/permissions.js';
import type { StagedFile, StoredFile } from '../../platform/file-store.js';
import type { Catalogue, OitItem } from '../catalogue/index.js';
import { findOitItemByRole, isOitRole } from '../catalogue/index.js';
import type { User } from '../users/index.js';
import { oitRepository } from './repository.js';
import { actorOf, parse, type OitContext } from './context.js';
import { evidenceRow, toEvidence, type EvidenceVersion, type GeneratedEvidence, type GeneratedEvidenceByRole } from './model.js';
import { editEvidenceSchema, fileEvidenceSchema, linkEvidenceSchema } from './schemas.js';

/**
 * The item that plays `role` in this year's catalogue (roles are stable; codes change year to
 * year). An unknown role finds nothing rather than failing: a module may name a role a year lacks.
 */
export function itemWithRole(catalogue: Catalogue, role: string): OitItem | undefined {
  return isOitRole(role) ? findOitItemByRole(catalogue, role) : undefined;
}

export function evidenceUseCases(ctx: OitContext) {
  const { db, clock, files, now } = ctx;

  /** An entry of this item (year and code must match: an id from another item is not found). */
  async function findOwnEvidence(agencyId: string, year: number, code: string, evidenceId: string) {
    const row = await ctx.repo.findEvidence(agencyId, evidenceId);
    if (!row || row.code !== code || Number(row.fiscal_year) !== year) throw notFound('ไม่พบหลักฐานนี้');
    return toEvidence(row);
  }

  /**
   * Attaches (or refreshes) generated evidence on `item`: one entry per (item, source,
   * sourceRef); calling again updates it, adding a file version when a staged file is given.
   */
  async function attachToItem(agencyId: string, year: number, item: OitItem, input: GeneratedEvidence, staged?: StagedFile): Promise<string> {
    const elements = ctx.checkElements(item, input.elements ?? []);
    // A generated file is read like an upload; a generated page without a file is judged by its stated period.
    const read = staged ? await ctx.readFacts(staged) : undefined;
    const actor = SYSTEM_ACTOR;
    return ctx.withStaged([staged], async (tx) => {
      const row = await ctx.ensureRow(tx, agencyId, year, item.code, actor);
      const r = oitRepository(tx);
      const existing = await r.findEvidenceBySource(agencyId, row.id, input.source, input.sourceRef ?? null);
      const id = existing?.id ?? randomUUID();
      const ts = now();
      if (existing) {
        await r.updateEvidence(agencyId, id, { title: input.title, url: input.url ?? null, period_from: input.periodFrom ?? null, period_to: input.periodTo ?? null, elements: JSON.stringify(elements), updated_at: ts });
      } else {
        await r.insertEvidence(evidenceRow({ id, agencyId, itemId: row.id, kind: 'generated', ...input, elements, sortOrder: await r.nextSortOrder(agencyId, row.id), createdBy: null, at: ts }));
      }
      if (staged && read) await ctx.addVersion(tx, actor, agencyId, id, staged, read);
      await ctx.touch(tx, row, actor);
      await writeAudit(tx, clock, actor, { agencyId, action: existing ? 'oit.evidence.refresh' : 'oit.evidence.generate', entityType: 'oit_evidence', entityId: id, details: { year, code: item.code, source: input.source, title: input.title } });
      return id;
    });
  }

  return {
    async itemVersions(agencyId: string, evidenceIds: string[]): Promise<Map<string, EvidenceVersion[]>> {
      const rows = await ctx.repo.listVersions(agencyId, evidenceIds);
      const map = new Map<string, EvidenceVersion[]>();
      for (const r of rows) {
        const list = map.get(r.evidence_id) ?? [];
        list.push({ versionNo: r.version_no, fileId: r.file_id, name: r.original_name, sizeBytes: Number(r.size_bytes), createdAt: r.created_at });
        map.set(r.evidence_id, list);
      }
      return map;
    },

    async addFileEvidence(user: User, year: number, code: string, raw: unknown, staged: StagedFile | undefined): Promise<string> {
      try {
        const { item } = await ctx.editable(user, year, code);
        if (!staged) throw validationError('กรุณาเลือกไฟล์', [{ field: 'upload', message: 'กรุณาเลือกไฟล์ที่จะแนบ' }]);
        const input = parse(fileEvidenceSchema, raw);
        const elements = ctx.checkElements(item, input.elements);
        const read = await ctx.readFacts(staged);
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        return await ctx.withStaged([staged], async (tx) => {
          const row = await ctx.ensureRow(tx, agencyId, year, code, actor);
          const r = oitRepository(tx);
          const id = randomUUID();
          const title = input.title || staged.originalName.replace(/\.[a-z0-9]+$/i, '');
          await r.insertEvidence(evidenceRow({ id, agencyId, itemId: row.id, kind: 'file', title, periodFrom: input.periodFrom, periodTo: input.periodTo, elements, source: 'upload', sortOrder: await r.nextSortOrder(agencyId, row.id), createdBy: actor.userId, at: now() }));
          const { file } = await ctx.addVersion(tx, actor, agencyId, id, staged, read);
          await ctx.touch(tx, row, actor);
          await writeAudit(tx, clock, actor, { agencyId, action: 'oit.evidence.add', entityType: 'oit_evidence', entityId: id, details: { year, code, title, fileId: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType, periodFrom: input.periodFrom, periodTo: input.periodTo, elements } });
          return id;
        });
      } catch (error) {
        await files.discard(staged);
        throw error;
      }
    },

    async addLinkEvidence(user: User, year: number, code: string, raw: unknown): Promise<string> {
      const { item } = await ctx.editable(user, year, code);
      const input = parse(linkEvidenceSchema, raw);
      const elements = ctx.checkElements(item, input.elements);
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      return db.transaction().execute(async (tx) => {
        const row = await ctx.ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        const id = randomUUID();
        await r.insertEvidence(evidenceRow({ id, agencyId, itemId: row.id, kind: 'link', title: input.title, url: input.url, periodFrom: input.periodFrom, periodTo: input.periodTo, elements, source: 'link', sortOrder: await r.nextSortOrder(agencyId, row.id), createdBy: actor.userId, at: now() }));
        await ctx.touch(tx, row, actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.evidence.add', entityType: 'oit_evidence', entityId: id, details: { year, code, title: input.title, url: input.url, periodFrom: input.periodFrom, periodTo: input.periodTo, elements } });
        return id;
      });
    },

    /**
     * Changes an entry's title, period, claimed elements or link; with a file, adds a new version
     * (the old ones are kept) and the entry's public URL keeps serving the newest.
     */
    async editEvidence(user: User, year: number, code: string, evidenceId: string, raw: unknown, staged?: StagedFile): Promise<void> {
      try {
        const { item, row } = await ctx.editable(user, year, code);
        const input = parse(editEvidenceSchema, raw);
        const ev = await findOwnEvidence(user.agencyId, year, code, evidenceId);
        const elements = ctx.checkElements(item, input.elements);
        if (staged && ev.kind !== 'file') throw validationError('หลักฐานนี้เป็นลิงก์ แนบไฟล์แทนไม่ได้', [{ field: 'upload', message: 'หลักฐานประเภทลิงก์แนบไฟล์ไม่ได้ กรุณาเพิ่มเป็นหลักฐานใหม่' }]);
        if (ev.kind === 'link' && !(/^https?:\/\//i.test(input.url) && URL.canParse(input.url))) {
          throw validationError('ลิงก์ไม่ถูกต้อง', [{ field: 'url', message: 'ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://' }]);
        }
        const read = staged ? await ctx.readFacts(staged) : undefined;
        const agencyId = user.agencyId;
        const actor = actorOf(user);
        await ctx.withStaged([staged], async (tx) => {
          const r = oitRepository(tx);
          await r.updateEvidence(agencyId, ev.id, {
            title: input.title,
            url: ev.kind === 'link' ? input.url : ev.url,
            period_from: input.periodFrom,
            period_to: input.periodTo,
            elements: JSON.stringify(elements),
            // Replacing or re-dating carried-over evidence is the officer's review of it.
            outdated: 0,
            updated_at: now(),
          });
          let version: { file: StoredFile; versionNo: number } | undefined;
          if (staged && read) version = await ctx.addVersion(tx, actor, agencyId, ev.id, staged, read);
          // The entry exists, so its item's row does.
          await ctx.touch(tx, row!, actor);
          await writeAudit(tx, clock, actor, {
            agencyId,
            action: version ? 'oit.evidence.replace' : 'oit.evidence.update',
            entityType: 'oit_evidence',
            entityId: ev.id,
            details: { year, code, title: input.title, periodFrom: input.periodFrom, periodTo: input.periodTo, elements, ...(version ? { fileId: version.file.id, versionNo: version.versionNo, sha256: version.file.sha256 } : {}) },
          });
        });
      } catch (error) {
        await files.discard(staged);
        throw error;
      }
    },

    async removeEvidence(user: User, year: number, code: string, evidenceId: string): Promise<void> {
      await ctx.editable(user, year, code);
      const ev = await findOwnEvidence(user.agencyId, year, code, evidenceId);
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        // Stored files stay (the audit trail names them); only the entry and its versions go.
        await oitRepository(tx).deleteEvidence(agencyId, ev.id);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.evidence.remove', entityType: 'oit_evidence', entityId: ev.id, details: { year, code, title: ev.title, fileId: ev.file?.id ?? null, url: ev.url } });
      });
    },

    /** Sets the pointer of each element (an empty pointer withdraws the declaration). */
    async saveDeclarations(user: User, year: number, code: string, pointers: Record<string, string>): Promise<void> {
      const { item, row: existingRow } = await ctx.editable(user, year, code);
      const keys = item.elements.length ? item.elements.map((e) => e.key) : ['evidence'];
      const errors = Object.entries(pointers)
        .filter(([k, v]) => keys.includes(k) && v.trim().length > 500)
        .map(([k]) => ({ field: `pointer.${k}`, message: 'ตำแหน่งที่แสดงยาวเกิน 500 ตัวอักษร' }));
      if (errors.length) throw validationError('กรุณาตรวจสอบข้อมูลที่กรอก', errors);
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      const current = existingRow ? Object.fromEntries((await ctx.repo.listItemDeclarations(agencyId, existingRow.id)).map((d) => [d.element_key, d.pointer])) : {};
      await db.transaction().execute(async (tx) => {
        const row = await ctx.ensureRow(tx, agencyId, year, code, actor);
        const r = oitRepository(tx);
        const changed: Record<string, string | null> = {};
        for (const key of keys) {
          if (!(key in pointers)) continue;
          const pointer = pointers[key]!.trim();
          if ((current[key] ?? '') === pointer) continue;
          await r.deleteDeclaration(agencyId, row.id, key);
          if (pointer) await r.insertDeclaration({ id: randomUUID(), agency_id: agencyId, item_id: row.id, element_key: key, pointer, declared_by: actor.userId, created_at: now(), updated_at: now() });
          changed[key] = pointer || null;
        }
        if (Object.keys(changed).length === 0) return;
        await ctx.touch(tx, row, actor);
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.declare', entityType: 'oit_item', entityId: row.id, details: { year, code, declarations: changed } });
      });
    },

    /** Any stored file of the signed-in user's agency that OIT refers to (evidence versions, photos, chart). */
    async staffFile(user: User, fileId: string): Promise<StoredFile> {
      if (!can(user.roles, 'oit.edit') && !ctx.canManage(user)) throw forbidden();
      const file = await files.get(user.agencyId, fileId);
      if (!file) throw notFound('ไม่พบไฟล์');
      return file;
    },

    /**
     * Attaches generated evidence — the measures document, complaint statistics, e-service
     * reports, periodic reports — to "the item with role `role` in year `year`", whatever its code
     * that year. No such item (a year whose catalogue lacks it) → nothing is stored, the staged
     * file is removed, and null comes back. Otherwise the entry's id.
     */
    async attachGeneratedByRole(agencyId: string, year: number, role: string, evidence: GeneratedEvidenceByRole, staged?: StagedFile): Promise<string | null> {
      const catalogue = Number.isInteger(year) ? await ctx.catalogueOf(year) : undefined;
      const item = catalogue ? itemWithRole(catalogue, role) : undefined;
      if (!item) {
        await files.discard(staged);
        return null;
      }
      const { claimElements, ...rest } = evidence;
      return attachToItem(agencyId, year, item, { ...rest, ...(claimElements ? { elements: claimElements(item.elements) } : {}) }, staged);
    },
  };
}
