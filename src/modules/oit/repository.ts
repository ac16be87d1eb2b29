/** All SQL of the OIT module. Every query filters by agency. Rows in, rows out; no rules. */
import type { Kysely } from 'kysely';
import type { OitDb } from './tables.js';
import { inChunks } from '../../db/portable.js';
import type {
  OitAssignmentRow,
  OitContentRow,
  OitDeclarationRow,
  OitEvidenceRow,
  OitEvidenceVersionRow,
  OitItemRow,
} from './tables.js';

/** An evidence entry with its item's code and its current file (if any). */
export interface EvidenceWithFileRow extends OitEvidenceRow {
  code: string;
  fiscal_year: number;
  version_no: number | null;
  file_id: string | null;
  text_layer: number | null;
  facts: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | string | null;
  sha256: string | null;
  version_created_at: string | null;
}

export interface VersionWithFileRow extends OitEvidenceVersionRow {
  original_name: string;
  media_type: string;
  size_bytes: number | string;
}

export function oitRepository(db: Kysely<OitDb>) {
  const evidenceWithFile = () =>
    db
      .selectFrom('oit_evidence as e')
      .innerJoin('oit_items as i', (j) => j.onRef('i.id', '=', 'e.item_id').onRef('i.agency_id', '=', 'e.agency_id'))
      .leftJoin('oit_evidence_versions as v', (j) => j.onRef('v.id', '=', 'e.current_version_id').onRef('v.agency_id', '=', 'e.agency_id'))
      .leftJoin('stored_files as f', (j) => j.onRef('f.id', '=', 'v.file_id').onRef('f.agency_id', '=', 'v.agency_id'))
      .selectAll('e')
      .select([
        'i.code as code',
        'i.fiscal_year as fiscal_year',
        'v.version_no as version_no',
        'v.file_id as file_id',
        'v.text_layer as text_layer',
        'v.facts as facts',
        'v.created_at as version_created_at',
        'f.original_name as file_name',
        'f.media_type as media_type',
        'f.size_bytes as size_bytes',
        'f.sha256 as sha256',
      ]);

  return {
    // ----- items
    listItems: (agencyId: string, year: number): Promise<OitItemRow[]> =>
      db.selectFrom('oit_items').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).execute(),
    findItem: (agencyId: string, year: number, code: string): Promise<OitItemRow | undefined> =>
      db.selectFrom('oit_items').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).where('code', '=', code).executeTakeFirst(),
    insertItem: async (row: OitItemRow): Promise<void> => {
      await db.insertInto('oit_items').values(row).execute();
    },
    updateItem: async (agencyId: string, id: string, patch: Partial<OitItemRow>): Promise<void> => {
      await db.updateTable('oit_items').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    /** Years in which the agency has any OIT item state. */
    listYears: async (agencyId: string): Promise<number[]> =>
      (await db.selectFrom('oit_items').select('fiscal_year').distinct().where('agency_id', '=', agencyId).execute()).map((r) => Number(r.fiscal_year)),

    // ----- assignments
    listAssignments: (agencyId: string, year: number): Promise<(OitAssignmentRow & { code: string })[]> =>
      db
        .selectFrom('oit_assignments as a')
        .innerJoin('oit_items as i', (j) => j.onRef('i.id', '=', 'a.item_id').onRef('i.agency_id', '=', 'a.agency_id'))
        .selectAll('a')
        .select('i.code as code')
        .where('a.agency_id', '=', agencyId)
        .where('i.fiscal_year', '=', year)
        .execute(),
    /** Who is assigned one item (an item's change is authorised without loading the year). */
    listItemAssignees: async (agencyId: string, itemId: string): Promise<string[]> =>
      (await db.selectFrom('oit_assignments').select('user_id').where('agency_id', '=', agencyId).where('item_id', '=', itemId).execute()).map((r) => r.user_id),
    replaceAssignments: async (agencyId: string, itemId: string, rows: OitAssignmentRow[]): Promise<void> => {
      await db.deleteFrom('oit_assignments').where('agency_id', '=', agencyId).where('item_id', '=', itemId).execute();
      if (rows.length) await db.insertInto('oit_assignments').values(rows).execute();
    },

    // ----- evidence
    listEvidence: (agencyId: string, year: number): Promise<EvidenceWithFileRow[]> =>
      evidenceWithFile().where('e.agency_id', '=', agencyId).where('i.fiscal_year', '=', year).orderBy('e.sort_order').orderBy('e.created_at').execute() as Promise<EvidenceWithFileRow[]>,
    findEvidence: (agencyId: string, id: string): Promise<EvidenceWithFileRow | undefined> =>
      evidenceWithFile().where('e.agency_id', '=', agencyId).where('e.id', '=', id).executeTakeFirst() as Promise<EvidenceWithFileRow | undefined>,
    findEvidenceBySource: (agencyId: string, itemId: string, source: string, sourceRef: string | null): Promise<OitEvidenceRow | undefined> => {
      let q = db.selectFrom('oit_evidence').selectAll().where('agency_id', '=', agencyId).where('item_id', '=', itemId).where('source', '=', source);
      q = sourceRef === null ? q.where('source_ref', 'is', null) : q.where('source_ref', '=', sourceRef);
      return q.executeTakeFirst();
    },
    nextSortOrder: async (agencyId: string, itemId: string): Promise<number> => {
      const r = await db
        .selectFrom('oit_evidence')
        .select((eb) => eb.fn.max('sort_order').as('m'))
        .where('agency_id', '=', agencyId)
        .where('item_id', '=', itemId)
        .executeTakeFirst();
      return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
    },
    insertEvidence: async (row: OitEvidenceRow): Promise<void> => {
      await db.insertInto('oit_evidence').values(row).execute();
    },
    /** Many rows in one statement; callers keep batches small (≤ 100 rows, well under any bind-variable limit). */
    insertEvidenceMany: async (rows: OitEvidenceRow[]): Promise<void> => {
      if (rows.length) await db.insertInto('oit_evidence').values(rows).execute();
    },
    /** Just what an import needs to skip duplicates and order new links: item code, link, order. */
    listEvidenceKeys: (agencyId: string, year: number): Promise<{ code: string; url: string | null; sort_order: number }[]> =>
      db
        .selectFrom('oit_evidence as e')
        .innerJoin('oit_items as i', (j) => j.onRef('i.id', '=', 'e.item_id').onRef('i.agency_id', '=', 'e.agency_id'))
        .select(['i.code as code', 'e.url as url', 'e.sort_order as sort_order'])
        .where('e.agency_id', '=', agencyId)
        .where('i.agency_id', '=', agencyId)
        .where('i.fiscal_year', '=', year)
        .execute(),
    updateEvidence: async (agencyId: string, id: string, patch: Partial<OitEvidenceRow>): Promise<void> => {
      await db.updateTable('oit_evidence').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    deleteEvidence: async (agencyId: string, id: string): Promise<void> => {
      await db.deleteFrom('oit_evidence_versions').where('agency_id', '=', agencyId).where('evidence_id', '=', id).execute();
      await db.deleteFrom('oit_evidence').where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },

    // ----- versions
    // In chunks: an item with tens of thousands of links must not exceed SQLite's or
    // PostgreSQL's bind-variable limit ("too many SQL variables").
    listVersions: async (agencyId: string, evidenceIds: string[]): Promise<VersionWithFileRow[]> =>
      (
        await inChunks(evidenceIds, (ids) =>
          db
            .selectFrom('oit_evidence_versions as v')
            .innerJoin('stored_files as f', (j) => j.onRef('f.id', '=', 'v.file_id').onRef('f.agency_id', '=', 'v.agency_id'))
            .selectAll('v')
            .select(['f.original_name as original_name', 'f.media_type as media_type', 'f.size_bytes as size_bytes'])
            .where('v.agency_id', '=', agencyId)
            .where('v.evidence_id', 'in', ids)
            .execute(),
        )
      ).sort((a, b) => Number(b.version_no) - Number(a.version_no)),
    maxVersionNo: async (agencyId: string, evidenceId: string): Promise<number> => {
      const r = await db
        .selectFrom('oit_evidence_versions')
        .select((eb) => eb.fn.max('version_no').as('m'))
        .where('agency_id', '=', agencyId)
        .where('evidence_id', '=', evidenceId)
        .executeTakeFirst();
      return r?.m === null || r?.m === undefined ? 0 : Number(r.m);
    },
    insertVersion: async (row: OitEvidenceVersionRow): Promise<void> => {
      await db.insertInto('oit_evidence_versions').values(row).execute();
    },
    findVersionByFile: (agencyId: string, fileId: string): Promise<(OitEvidenceVersionRow & { status: string; code: string; fiscal_year: number })[]> =>
      db
        .selectFrom('oit_evidence_versions as v')
        .innerJoin('oit_evidence as e', (j) => j.onRef('e.id', '=', 'v.evidence_id').onRef('e.agency_id', '=', 'v.agency_id'))
        .innerJoin('oit_items as i', (j) => j.onRef('i.id', '=', 'e.item_id').onRef('i.agency_id', '=', 'e.agency_id'))
        .selectAll('v')
        .select(['i.status as status', 'i.code as code', 'i.fiscal_year as fiscal_year'])
        .where('v.agency_id', '=', agencyId)
        .where('v.file_id', '=', fileId)
        .execute(),

    // ----- declarations
    listDeclarations: (agencyId: string, year: number): Promise<(OitDeclarationRow & { code: string })[]> =>
      db
        .selectFrom('oit_declarations as d')
        .innerJoin('oit_items as i', (j) => j.onRef('i.id', '=', 'd.item_id').onRef('i.agency_id', '=', 'd.agency_id'))
        .selectAll('d')
        .select('i.code as code')
        .where('d.agency_id', '=', agencyId)
        .where('i.fiscal_year', '=', year)
        .execute(),
    listItemDeclarations: (agencyId: string, itemId: string): Promise<OitDeclarationRow[]> =>
      db.selectFrom('oit_declarations').selectAll().where('agency_id', '=', agencyId).where('item_id', '=', itemId).execute(),
    deleteDeclaration: async (agencyId: string, itemId: string, elementKey: string): Promise<void> => {
      await db.deleteFrom('oit_declarations').where('agency_id', '=', agencyId).where('item_id', '=', itemId).where('element_key', '=', elementKey).execute();
    },
    insertDeclaration: async (row: OitDeclarationRow): Promise<void> => {
      await db.insertInto('oit_declarations').values(row).execute();
    },

    // ----- structured content
    listContent: (agencyId: string, year: number): Promise<OitContentRow[]> =>
      db.selectFrom('oit_content').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).execute(),
    findContent: (agencyId: string, year: number, kind: string): Promise<OitContentRow | undefined> =>
      db.selectFrom('oit_content').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).where('kind', '=', kind).executeTakeFirst(),
    insertContent: async (row: OitContentRow): Promise<void> => {
      await db.insertInto('oit_content').values(row).execute();
    },
    updateContent: async (agencyId: string, id: string, content: string, updatedBy: string | null, now: string): Promise<void> => {
      await db.updateTable('oit_content').set({ content, updated_by: updatedBy, updated_at: now }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
  };
}
export type OitRepository = ReturnType<typeof oitRepository>;
