/** All SQL of tracked measures, their notes and evidence, and periodic reports. Every query filters by agency. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MeasureEvidenceRow, MeasureNoteRow, PeriodicReportRow, TrackedMeasureRow } from './tables.js';

export function trackingRepository(db: Kysely<Database>) {
  return {
    listMeasures: (agencyId: string, year: number): Promise<TrackedMeasureRow[]> =>
      db.selectFrom('tracked_measures').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).orderBy('sort_order').execute(),
    findMeasure: (agencyId: string, id: string): Promise<TrackedMeasureRow | undefined> =>
      db.selectFrom('tracked_measures').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    insertMeasure: async (row: TrackedMeasureRow): Promise<void> => {
      await db.insertInto('tracked_measures').values(row).execute();
    },
    updateMeasure: async (agencyId: string, id: string, patch: Partial<TrackedMeasureRow>): Promise<void> => {
      await db.updateTable('tracked_measures').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    deleteMeasure: async (agencyId: string, id: string): Promise<void> => {
      await db.deleteFrom('tracked_measures').where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    /** Years with tracked measures, newest first. */
    listYears: async (agencyId: string): Promise<number[]> =>
      (await db.selectFrom('tracked_measures').select('fiscal_year').distinct().where('agency_id', '=', agencyId).execute()).map((r) => Number(r.fiscal_year)).sort((a, b) => b - a),

    listNotes: (agencyId: string, measureIds: string[]): Promise<MeasureNoteRow[]> =>
      measureIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('measure_notes').selectAll().where('agency_id', '=', agencyId).where('measure_id', 'in', measureIds).orderBy('created_at').orderBy('id').execute(),
    insertNote: async (row: MeasureNoteRow): Promise<void> => {
      await db.insertInto('measure_notes').values(row).execute();
    },
    listEvidence: (agencyId: string, measureIds: string[]): Promise<MeasureEvidenceRow[]> =>
      measureIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('measure_evidence').selectAll().where('agency_id', '=', agencyId).where('measure_id', 'in', measureIds).orderBy('created_at').orderBy('id').execute(),
    findEvidence: (agencyId: string, id: string): Promise<MeasureEvidenceRow | undefined> =>
      db.selectFrom('measure_evidence').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    insertEvidence: async (row: MeasureEvidenceRow): Promise<void> => {
      await db.insertInto('measure_evidence').values(row).execute();
    },
    countActivity: async (agencyId: string, measureId: string): Promise<number> => {
      const [n, e] = await Promise.all([
        db.selectFrom('measure_notes').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).where('measure_id', '=', measureId).executeTakeFirstOrThrow(),
        db.selectFrom('measure_evidence').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).where('measure_id', '=', measureId).executeTakeFirstOrThrow(),
      ]);
      return Number(n.n) + Number(e.n);
    },

    findReport: (agencyId: string, kind: string, year: number, round: number, role: string): Promise<PeriodicReportRow | undefined> =>
      db
        .selectFrom('periodic_reports')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('kind', '=', kind)
        .where('fiscal_year', '=', year)
        .where('round', '=', round)
        .where('role', '=', role)
        .executeTakeFirst(),
    listReports: (agencyId: string, year?: number): Promise<PeriodicReportRow[]> => {
      let q = db.selectFrom('periodic_reports').selectAll().where('agency_id', '=', agencyId);
      if (year !== undefined) q = q.where('fiscal_year', '=', year);
      return q.orderBy('fiscal_year', 'desc').orderBy('kind').orderBy('round').execute();
    },
    insertReport: async (row: PeriodicReportRow): Promise<void> => {
      await db.insertInto('periodic_reports').values(row).execute();
    },
    updateReport: async (agencyId: string, id: string, patch: Partial<PeriodicReportRow>): Promise<void> => {
      await db.updateTable('periodic_reports').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
  };
}
