/**
 * All SQL of the complaint channel; the only code that touches complaint tables. Every query
 * filters by agency, child rows included. Rows in, rows out; no rules.
 */
import type { Kysely } from 'kysely';
import type { ComplaintsDb } from './tables.js';
import type { ComplaintTables } from './tables.js';

type Insert<T extends keyof ComplaintTables> = ComplaintTables[T];

export function complaintsRepository(db: Kysely<ComplaintsDb>) {
  return {
    activeKey: (agencyId: string) =>
      db.selectFrom('complaint_keys').selectAll().where('agency_id', '=', agencyId).where('active', '=', 1).orderBy('version', 'desc').executeTakeFirst(),
    keyById: (agencyId: string, id: string) => db.selectFrom('complaint_keys').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    listKeys: (agencyId: string) => db.selectFrom('complaint_keys').selectAll().where('agency_id', '=', agencyId).orderBy('version').execute(),
    insertKey: (row: Insert<'complaint_keys'>) => db.insertInto('complaint_keys').values(row).execute(),
    deactivateKeys: (agencyId: string) => db.updateTable('complaint_keys').set({ active: 0 }).where('agency_id', '=', agencyId).execute(),
    /**
     * A submission's claim on the key it sealed to, inside its transaction: 0 rows when a rotation
     * retired the key meanwhile (on PostgreSQL the update waits for the rotation's row lock).
     */
    claimActiveKey: async (agencyId: string, keyId: string) =>
      Number((await db.updateTable('complaint_keys').set({ active: 1 }).where('agency_id', '=', agencyId).where('id', '=', keyId).where('active', '=', 1).executeTakeFirst()).numUpdatedRows),
    deleteGrantsOfKey: (agencyId: string, keyId: string) => db.deleteFrom('complaint_key_grants').where('agency_id', '=', agencyId).where('key_id', '=', keyId).execute(),

    // ----- what a rotation re-seals: every copy sealed straight to the box key of a version
    sealedReports: (agencyId: string, keyId: string) =>
      db.selectFrom('complaint_reports').select(['id', 'agency_key_sealed']).where('agency_id', '=', agencyId).where('key_id', '=', keyId).execute(),
    resealReport: (agencyId: string, id: string, keyId: string, sealed: string) =>
      db.updateTable('complaint_reports').set({ key_id: keyId, agency_key_sealed: sealed }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    sealedIdentities: (agencyId: string, keyId: string) =>
      db
        .selectFrom('complaint_identities as i')
        .innerJoin('complaint_reports as r', (j) => j.onRef('r.id', '=', 'i.report_id').onRef('r.agency_id', '=', 'i.agency_id'))
        .select(['i.id', 'i.sealed'])
        .where('i.agency_id', '=', agencyId)
        .where('r.key_id', '=', keyId)
        .execute(),
    resealIdentity: (agencyId: string, id: string, sealed: string) =>
      db.updateTable('complaint_identities').set({ sealed }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    sealedNotes: (agencyId: string, keyId: string) =>
      db
        .selectFrom('complaint_messages as m')
        .innerJoin('complaint_reports as r', (j) => j.onRef('r.id', '=', 'm.report_id').onRef('r.agency_id', '=', 'm.agency_id'))
        .select(['m.id', 'm.body'])
        .where('m.agency_id', '=', agencyId)
        .where('m.author', '=', 'note')
        .where('r.key_id', '=', keyId)
        .execute(),
    resealNote: (agencyId: string, id: string, body: string) =>
      db.updateTable('complaint_messages').set({ body }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),

    grantFor: (agencyId: string, keyId: string, userId: string) =>
      db.selectFrom('complaint_key_grants').selectAll().where('agency_id', '=', agencyId).where('key_id', '=', keyId).where('user_id', '=', userId).executeTakeFirst(),
    listGrants: (agencyId: string, keyId: string) =>
      db.selectFrom('complaint_key_grants').selectAll().where('agency_id', '=', agencyId).where('key_id', '=', keyId).execute(),
    upsertGrant: async (row: Insert<'complaint_key_grants'>) => {
      await db.deleteFrom('complaint_key_grants').where('agency_id', '=', row.agency_id).where('key_id', '=', row.key_id).where('user_id', '=', row.user_id).execute();
      await db.insertInto('complaint_key_grants').values(row).execute();
    },
    deleteGrant: (agencyId: string, userId: string) => db.deleteFrom('complaint_key_grants').where('agency_id', '=', agencyId).where('user_id', '=', userId).execute(),

    factorFor: (agencyId: string, userId: string) =>
      db.selectFrom('complaint_factors').selectAll().where('agency_id', '=', agencyId).where('user_id', '=', userId).executeTakeFirst(),
    upsertFactor: async (row: Insert<'complaint_factors'>) => {
      await db.deleteFrom('complaint_factors').where('agency_id', '=', row.agency_id).where('user_id', '=', row.user_id).execute();
      await db.insertInto('complaint_factors').values(row).execute();
    },
    updateFactor: (agencyId: string, userId: string, set: Partial<Insert<'complaint_factors'>>) =>
      db.updateTable('complaint_factors').set(set).where('agency_id', '=', agencyId).where('user_id', '=', userId).execute(),

    /** Deployment-wide counts for /metrics: numbers by state, no agency, no content. */
    countReportsByStateAcrossAgencies: () =>
      db.selectFrom('complaint_reports').select(['state', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('state').execute(),
    insertReport: (row: Insert<'complaint_reports'>) => db.insertInto('complaint_reports').values(row).execute(),
    reportById: (agencyId: string, id: string) => db.selectFrom('complaint_reports').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    reportByReceipt: (agencyId: string, lookup: string) =>
      db.selectFrom('complaint_reports').selectAll().where('agency_id', '=', agencyId).where('receipt_lookup', '=', lookup).executeTakeFirst(),
    listReports: (agencyId: string) => db.selectFrom('complaint_reports').selectAll().where('agency_id', '=', agencyId).orderBy('created_at', 'desc').execute(),
    updateReport: (agencyId: string, id: string, set: Partial<Insert<'complaint_reports'>>) =>
      db.updateTable('complaint_reports').set(set).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    statRows: (agencyId: string, from: string, to: string) =>
      db
        .selectFrom('complaint_reports')
        .select(['category', 'channel', 'state', 'received_date', 'closed_date'])
        .where('agency_id', '=', agencyId)
        .where('received_date', '>=', from)
        .where('received_date', '<=', to)
        .execute(),
    countReports: async (agencyId: string) =>
      Number((await db.selectFrom('complaint_reports').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow()).n),

    insertIdentity: (row: Insert<'complaint_identities'>) => db.insertInto('complaint_identities').values(row).execute(),
    identityFor: (agencyId: string, reportId: string) =>
      db.selectFrom('complaint_identities').selectAll().where('agency_id', '=', agencyId).where('report_id', '=', reportId).executeTakeFirst(),

    insertMessage: (row: Insert<'complaint_messages'>) => db.insertInto('complaint_messages').values(row).execute(),
    messagesFor: (agencyId: string, reportId: string) =>
      db.selectFrom('complaint_messages').selectAll().where('agency_id', '=', agencyId).where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute(),

    insertAttachment: (row: Insert<'complaint_attachments'>) => db.insertInto('complaint_attachments').values(row).execute(),
    attachmentsFor: (agencyId: string, reportId: string) =>
      db.selectFrom('complaint_attachments').selectAll().where('agency_id', '=', agencyId).where('report_id', '=', reportId).orderBy('created_at').execute(),
    attachmentById: (agencyId: string, reportId: string, id: string) =>
      db.selectFrom('complaint_attachments').selectAll().where('agency_id', '=', agencyId).where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst(),

    /** Which of these file names (storage keys) an attachment row holds, as working copy or original. */
    knownBlobKeys: async (agencyId: string, keys: string[]): Promise<Set<string>> => {
      if (keys.length === 0) return new Set();
      const rows = await db
        .selectFrom('complaint_attachments')
        .select(['storage_key', 'original_storage_key'])
        .where('agency_id', '=', agencyId)
        .where((eb) => eb.or([eb('storage_key', 'in', keys), eb('original_storage_key', 'in', keys)]))
        .execute();
      return new Set(rows.flatMap((r) => [r.storage_key, ...(r.original_storage_key ? [r.original_storage_key] : [])]));
    },

    settings: (agencyId: string) => db.selectFrom('complaint_settings').selectAll().where('agency_id', '=', agencyId).executeTakeFirst(),
    saveSettings: async (row: Insert<'complaint_settings'>) => {
      await db.deleteFrom('complaint_settings').where('agency_id', '=', row.agency_id).execute();
      await db.insertInto('complaint_settings').values(row).execute();
    },

    options: (agencyId: string) => db.selectFrom('complaint_options').selectAll().where('agency_id', '=', agencyId).executeTakeFirst(),
    saveOptions: async (row: Insert<'complaint_options'>) => {
      await db.deleteFrom('complaint_options').where('agency_id', '=', row.agency_id).execute();
      await db.insertInto('complaint_options').values(row).execute();
    },
    staffSession: (agencyId: string, userId: string, ref: string) =>
      db.selectFrom('complaint_staff_sessions').select('id').where('agency_id', '=', agencyId).where('user_id', '=', userId).where('session_ref', '=', ref).executeTakeFirst(),
    insertStaffSession: async (row: Insert<'complaint_staff_sessions'>) => {
      await db.deleteFrom('complaint_staff_sessions').where('agency_id', '=', row.agency_id).where('session_ref', '=', row.session_ref).execute();
      await db.insertInto('complaint_staff_sessions').values(row).execute();
    },
    /** Deployment-wide (scheduled job): verified-session marks older than any session can live. */
    deleteStaffSessionsBefore: (ts: string) => db.deleteFrom('complaint_staff_sessions').where('verified_at', '<', ts).executeTakeFirst(),

    insertNotification: (row: Insert<'complaint_notifications'>) => db.insertInto('complaint_notifications').values(row).execute(),
    unreadNotifications: (agencyId: string, userId: string) =>
      db.selectFrom('complaint_notifications').selectAll().where('agency_id', '=', agencyId).where('user_id', '=', userId).where('read_at', 'is', null).orderBy('created_at', 'desc').execute(),
    markNotificationsRead: (agencyId: string, userId: string, reportId: string, at: string) =>
      db.updateTable('complaint_notifications').set({ read_at: at }).where('agency_id', '=', agencyId).where('user_id', '=', userId).where('report_id', '=', reportId).where('read_at', 'is', null).execute(),
  };
}
export type ComplaintsRepository = ReturnType<typeof complaintsRepository>;
