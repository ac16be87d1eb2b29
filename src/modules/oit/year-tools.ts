/**
 * Year tools: start a new OIT year from last year's (carry-over, following the catalogue's
 * year-to-year map) and import what a vendor's site already lists (CSV/XLSX of year, item,
 * title, link). Coordinators only.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, forbidden, validationError } from '../../shared/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { yieldToOthers } from '../../platform/jobs.js';
import type { OitItem } from '../catalogue/index.js';
import type { User } from '../users/index.js';
import type { OitItemRow } from './tables.js';
import { oitRepository } from './repository.js';
import { actorOf, type OitContext } from './context.js';
import { evidenceRow, hasWork, parseList, type CarryOverView, type ImportReport } from './model.js';
import { isOutdated, planCarryOver } from './domain/carry-over.js';
import { MAX_IMPORT_ROWS, MAX_LINKS_PER_ITEM, matchVendorRows, parseCsv, parseYear, toVendorRows, type ImportMatch } from './domain/vendor-import.js';
import { xlsxTable } from './itas-xlsx.js';

/** Links written per transaction by the vendor import: each batch holds the database for milliseconds. */
const IMPORT_BATCH = 100;

/** Text of an uploaded CSV: UTF-8, or Windows-874 (TIS-620) as older Thai systems write it. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

export function yearToolsUseCases(ctx: OitContext) {
  const { db, clock, now, repo } = ctx;
  const { loadYear, ensureRow, canManage, touch, catalogueOf } = ctx;
  return {
    // ----- new year from last year

    /** What starting `toYear` from `fromYear` would carry over, for review before doing it. */
    async carryOverPlan(agencyId: string, toYear: number, fromYear = toYear - 1): Promise<CarryOverView> {
      const [from, to] = await Promise.all([loadYear(agencyId, fromYear, { withPeople: false }), loadYear(agencyId, toYear, { withPeople: false })]);
      const plan = planCarryOver(from.catalogue.oitItems, to.catalogue.oitItems);
      const rows = plan.mappings.map((m) => {
        const evidence = from.items.find((i) => i.code === m.fromCode)!.evidence;
        return {
          mapping: m,
          evidenceCount: evidence.length,
          outdatedCount: evidence.filter((e) => isOutdated(m.toPeriod, toYear, { from: e.periodFrom, to: e.periodTo })).length,
          targetHasEvidence: hasWork(to.items.find((i) => i.code === m.toCode)!),
        };
      });
      return { fromYear, toYear, rows, dropped: plan.dropped, added: plan.added, structure: !!from.structure && !to.structure, contact: !!from.contact && !to.contact };
    },

    /**
     * Carries the chosen items' evidence (by last year's codes) into the new year: same files (a
     * new entry whose first version is the old file), links, periods and responsible unit.
     * Dated evidence that does not cover the new year is flagged outdated, never passed as new.
     * Items that already have evidence this year are left alone. Structure and contact are copied
     * when the new year has none.
     */
    async carryOver(user: User, toYear: number, fromYear: number, fromCodes: string[]): Promise<{ items: number; evidence: number; outdated: number }> {
      if (!canManage(user)) throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่เริ่มปีใหม่จากปีก่อนได้');
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      const [from, to] = await Promise.all([loadYear(agencyId, fromYear, { withPeople: false }), loadYear(agencyId, toYear, { withPeople: false })]);
      const plan = planCarryOver(from.catalogue.oitItems, to.catalogue.oitItems);
      const chosen = plan.mappings.filter((m) => fromCodes.includes(m.fromCode));
      if (chosen.length === 0) throw validationError('กรุณาเลือกรายการที่จะยกมาอย่างน้อยหนึ่งรายการ', [{ field: 'codes', message: 'กรุณาเลือกรายการที่จะยกมาอย่างน้อยหนึ่งรายการ' }]);
      const fromRows = await repo.listEvidence(agencyId, fromYear);
      return db.transaction().execute(async (tx) => {
        const r = oitRepository(tx);
        const totals = { items: 0, evidence: 0, outdated: 0 };
        // Items NACC merged bring several old items into one new item: the first fills it in this
        // run, the others add to it rather than being skipped as "already worked on".
        const filledNow = new Set<string>();
        const declaredNow = new Set<string>();
        for (const m of chosen) {
          const target = to.items.find((i) => i.code === m.toCode)!;
          if (hasWork(target) && !filledNow.has(m.toCode)) continue;
          filledNow.add(m.toCode);
          const source = from.items.find((i) => i.code === m.fromCode)!;
          const row = await ensureRow(tx, agencyId, toYear, m.toCode, actor);
          const keys = new Set(target.item.elements.map((e) => e.key));
          let order = 0;
          for (const ev of fromRows.filter((e) => e.code === m.fromCode)) {
            const outdated = isOutdated(m.toPeriod, toYear, { from: ev.period_from, to: ev.period_to });
            const id = randomUUID();
            const ts = now();
            await r.insertEvidence(
              evidenceRow({ id, agencyId, itemId: row.id, kind: ev.kind, title: ev.title, url: ev.url, periodFrom: ev.period_from, periodTo: ev.period_to, elements: parseList(ev.elements).filter((k) => keys.has(k)), source: 'carry-over', sourceRef: ev.id, outdated, sortOrder: order++, createdBy: actor.userId, at: ts }),
            );
            if (ev.file_id) {
              const versionId = randomUUID();
              await r.insertVersion({ id: versionId, agency_id: agencyId, evidence_id: id, version_no: 1, file_id: ev.file_id, text_layer: ev.text_layer, facts: ev.facts, created_by: actor.userId, created_at: ts });
              await r.updateEvidence(agencyId, id, { current_version_id: versionId });
            }
            totals.evidence++;
            if (outdated) totals.outdated++;
          }
          // Pointers of undated items still hold; dated items must be looked at again.
          if (m.toPeriod === 'none') {
            for (const [key, pointer] of Object.entries(source.declarations)) {
              if (!keys.has(key) || declaredNow.has(`${m.toCode}:${key}`)) continue;
              declaredNow.add(`${m.toCode}:${key}`);
              await r.insertDeclaration({ id: randomUUID(), agency_id: agencyId, item_id: row.id, element_key: key, pointer, declared_by: actor.userId, created_at: now(), updated_at: now() });
            }
          }
          await r.updateItem(agencyId, row.id, { status: 'in_progress', unit_id: source.unit?.id ?? null, updated_by: actor.userId, updated_at: now() });
          totals.items++;
        }
        for (const kind of ['structure', 'contact'] as const) {
          const old = await r.findContent(agencyId, fromYear, kind);
          if (old && !(await r.findContent(agencyId, toYear, kind))) {
            await r.insertContent({ id: randomUUID(), agency_id: agencyId, fiscal_year: toYear, kind, content: old.content, updated_by: actor.userId, created_at: now(), updated_at: now() });
          }
        }
        await writeAudit(tx, clock, actor, { agencyId, action: 'oit.carry_over', entityType: 'oit_year', entityId: String(toYear), details: { fromYear, toYear, codes: chosen.map((m) => `${m.fromCode}→${m.toCode}`), ...totals } });
        return totals;
      });
    },

    // ----- import from an existing site

    /**
     * Imports a vendor site's list (CSV or XLSX of year, item, title, link) as link evidence into
     * the matching items of each year; rows that match nothing come back with the reason, links an
     * item already has are skipped. Coordinators only; one audit entry for the import.
     *
     * Bounded and gentle on the database: at most MAX_IMPORT_ROWS rows; matching is linear
     * (indexes per year, a Set of existing links); new links are written in batches of
     * IMPORT_BATCH rows, each its own short transaction, yielding to other requests between
     * batches and reporting progress. A failure stops the import after the batches already
     * committed; links are independent and importing the same file again skips them.
     */
    async importVendor(user: User, bytes: Buffer, fileName: string, progress: (done: number, total: number) => void = () => {}): Promise<ImportReport> {
      if (!canManage(user)) throw forbidden('เฉพาะผู้ประสานงาน ITA เท่านั้นที่นำเข้าข้อมูลได้');
      const isXlsx = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      let table: string[][];
      try {
        table = isXlsx ? await xlsxTable(bytes) : parseCsv(decodeCsv(bytes));
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw validationError('อ่านไฟล์ไม่ได้', [{ field: 'upload', message: 'อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ CSV หรือ Excel (XLSX) ที่มีคอลัมน์ ปี ข้อ ชื่อ และลิงก์' }]);
      }
      if (table.length > MAX_IMPORT_ROWS + 1) {
        throw validationError('ไฟล์มีจำนวนแถวเกินกำหนด', [{ field: 'upload', message: `ไฟล์มี ${table.length.toLocaleString('th-TH')} แถว เกินกว่า ${MAX_IMPORT_ROWS.toLocaleString('th-TH')} แถวที่นำเข้าได้ต่อครั้ง กรุณาแบ่งเป็นหลายไฟล์` }]);
      }
      const rows = toVendorRows(table);
      if (rows.length === 0) throw validationError('ไม่พบข้อมูลในไฟล์', [{ field: 'upload', message: 'ไม่พบแถวข้อมูลในไฟล์' }]);
      const catalogues = new Map<number, OitItem[] | undefined>();
      for (const be of new Set(rows.map((r) => parseYear(r.year)))) if (be) catalogues.set(be, (await catalogueOf(be))?.oitItems);
      const { matched, unmatched } = matchVendorRows(rows, (y) => catalogues.get(y));
      const agencyId = user.agencyId;
      const actor = actorOf(user);
      const report: ImportReport = { imported: [], duplicates: [], unmatched: [...unmatched] };

      // What each year already holds, in one query per year: links (for duplicates) and order.
      const seen = new Set<string>();
      const perItem = new Map<string, { count: number; next: number }>();
      const key = (year: number, code: string) => `${year}\n${code}`;
      for (const year of new Set(matched.map((m) => m.year))) {
        for (const e of await repo.listEvidenceKeys(agencyId, year)) {
          if (e.url) seen.add(`${key(year, e.code)}\n${e.url}`);
          const slot = perItem.get(key(year, e.code)) ?? { count: 0, next: 0 };
          perItem.set(key(year, e.code), { count: slot.count + 1, next: Math.max(slot.next, Number(e.sort_order) + 1) });
        }
      }
      const toInsert: ImportMatch[] = [];
      for (const m of matched) {
        const linkKey = `${key(m.year, m.code)}\n${m.url}`;
        if (seen.has(linkKey)) {
          report.duplicates.push(m);
          continue;
        }
        const slot = perItem.get(key(m.year, m.code)) ?? { count: 0, next: 0 };
        if (slot.count >= MAX_LINKS_PER_ITEM) {
          report.unmatched.push({ row: m.row, message: `ข้อ ${m.code} ปี ${m.year} มีหลักฐานครบ ${MAX_LINKS_PER_ITEM} รายการแล้ว (ไม่นำเข้าเพิ่ม)` });
          continue;
        }
        seen.add(linkKey);
        perItem.set(key(m.year, m.code), { count: slot.count + 1, next: slot.next });
        toInsert.push(m);
      }
      report.unmatched.sort((a, b) => a.row - b.row);

      progress(0, toInsert.length);
      const itemRows = new Map<string, OitItemRow>();
      for (let i = 0; i < toInsert.length; i += IMPORT_BATCH) {
        const batch = toInsert.slice(i, i + IMPORT_BATCH);
        await db.transaction().execute(async (tx) => {
          const r = oitRepository(tx);
          const touched = new Map<string, OitItemRow>();
          const values = [];
          for (const m of batch) {
            const k = key(m.year, m.code);
            const row = itemRows.get(k) ?? (await ensureRow(tx, agencyId, m.year, m.code, actor));
            itemRows.set(k, row);
            touched.set(row.id, row);
            const slot = perItem.get(k)!;
            values.push(evidenceRow({ id: randomUUID(), agencyId, itemId: row.id, kind: 'link', title: m.title, url: m.url, elements: [], source: 'import', sourceRef: `${fileName.slice(0, 100)}#${m.row}`, sortOrder: slot.next, createdBy: actor.userId, at: now() }));
            slot.next++;
          }
          await r.insertEvidenceMany(values);
          for (const row of touched.values()) {
            await touch(tx, row, actor);
            row.status = row.status === 'not_started' ? 'in_progress' : row.status;
          }
        });
        report.imported.push(...batch);
        progress(Math.min(i + IMPORT_BATCH, toInsert.length), toInsert.length);
        await yieldToOthers();
      }
      await writeAudit(db, clock, actor, { agencyId, action: 'oit.import', entityType: 'oit_import', entityId: null, details: { fileName: fileName.slice(0, 200), imported: report.imported.length, duplicates: report.duplicates.length, unmatched: report.unmatched.length } });
      return report;
    },
  };
}
