/** All SQL of the participation module. Every query filters by agency, child rows included. */
import type { Kysely } from 'kysely';
import type { ParticipationActivitiesTable, ParticipationDb, ParticipationSubmissionsTable } from './tables.js';

export function participationRepository(db: Kysely<ParticipationDb>) {
  return {
    insertActivity: (row: ParticipationActivitiesTable) => db.insertInto('participation_activities').values(row).execute(),
    updateActivity: (agencyId: string, id: string, fields: Partial<ParticipationActivitiesTable>) =>
      db.updateTable('participation_activities').set(fields).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    findActivity: (agencyId: string, id: string) =>
      db.selectFrom('participation_activities').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    listActivities: (agencyId: string, opts: { publishedOnly?: boolean } = {}) => {
      let q = db.selectFrom('participation_activities').selectAll().where('agency_id', '=', agencyId);
      if (opts.publishedOnly) q = q.where('published', '=', 1);
      return q.orderBy('starts_on', 'desc').orderBy('id').execute();
    },
    insertSubmission: (row: ParticipationSubmissionsTable) => db.insertInto('participation_submissions').values(row).execute(),
    listSubmissions: (agencyId: string, activityId: string) =>
      db.selectFrom('participation_submissions').selectAll().where('agency_id', '=', agencyId).where('activity_id', '=', activityId).orderBy('created_at').execute(),
  };
}
