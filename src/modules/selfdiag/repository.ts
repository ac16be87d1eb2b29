/** All SQL of the self-diagnosis rounds. Every query filters by agency. */
import type { Kysely } from 'kysely';
import type { SelfdiagDb, SelfdiagRoundsTable } from './tables.js';

export function selfdiagRepository(db: Kysely<SelfdiagDb>) {
  return {
    insertRound: (row: SelfdiagRoundsTable) => db.insertInto('selfdiag_rounds').values(row).execute(),
    findRound: (agencyId: string, id: string) => db.selectFrom('selfdiag_rounds').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    findRoundByPeriod: (agencyId: string, tool: string, year: number, quarter: number) =>
      db.selectFrom('selfdiag_rounds').selectAll().where('agency_id', '=', agencyId).where('tool', '=', tool).where('fiscal_year', '=', year).where('quarter', '=', quarter).executeTakeFirst(),
    listRounds: (agencyId: string) =>
      db.selectFrom('selfdiag_rounds').selectAll().where('agency_id', '=', agencyId).orderBy('fiscal_year', 'desc').orderBy('quarter', 'desc').orderBy('tool').execute(),
    closeRound: (agencyId: string, id: string, at: string) => db.updateTable('selfdiag_rounds').set({ closed: 1, updated_at: at }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    listUnits: (agencyId: string, roundId: string) =>
      db.selectFrom('selfdiag_round_units').selectAll().where('agency_id', '=', agencyId).where('round_id', '=', roundId).orderBy('unit').execute(),
    findUnit: (agencyId: string, roundId: string, unit: string) =>
      db.selectFrom('selfdiag_round_units').selectAll().where('agency_id', '=', agencyId).where('round_id', '=', roundId).where('unit', '=', unit).executeTakeFirst(),
    insertUnit: (row: { id: string; agency_id: string; round_id: string; unit: string; issued: number }) => db.insertInto('selfdiag_round_units').values(row).execute(),
    setIssued: (agencyId: string, id: string, issued: number) => db.updateTable('selfdiag_round_units').set({ issued }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
  };
}
