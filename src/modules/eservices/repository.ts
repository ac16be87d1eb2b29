/** All SQL of e-services. Every query filters by agency, child rows included. */
import type { Kysely } from 'kysely';
import type { EservicesDb } from './tables.js';
import type {
  EserviceEventsTable,
  EserviceMessagesTable,
  EserviceNotificationsTable,
  EserviceRequestFilesTable,
  EserviceRequestsTable,
  EserviceReplyTemplatesTable,
  EserviceServicesTable,
} from './tables.js';

export interface RequestFilter {
  unitId?: string | null;
  states?: string[];
  serviceId?: string;
}

export function eservicesRepository(db: Kysely<EservicesDb>) {
  return {
    // ----- services
    listServices: (agencyId: string, opts: { enabledOnly?: boolean } = {}) => {
      let q = db.selectFrom('eservice_services').selectAll().where('agency_id', '=', agencyId);
      if (opts.enabledOnly) q = q.where('enabled', '=', 1);
      return q.orderBy('sort_order').orderBy('name_th').execute();
    },
    findService: (agencyId: string, id: string) =>
      db.selectFrom('eservice_services').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    insertService: (row: EserviceServicesTable) => db.insertInto('eservice_services').values(row).execute(),
    updateService: (agencyId: string, id: string, fields: Partial<EserviceServicesTable>) =>
      db.updateTable('eservice_services').set(fields).where('agency_id', '=', agencyId).where('id', '=', id).execute(),

    // ----- requests
    /** Deployment-wide counts for /metrics: requests by state, no agency, no content. */
    countRequestsByStateAcrossAgencies: () =>
      db.selectFrom('eservice_requests').select(['state', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('state').execute(),
    insertRequest: (row: EserviceRequestsTable) => db.insertInto('eservice_requests').values(row).execute(),
    findRequest: (agencyId: string, id: string) =>
      db.selectFrom('eservice_requests').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    findByTrackingCode: (agencyId: string, code: string) =>
      db.selectFrom('eservice_requests').selectAll().where('agency_id', '=', agencyId).where('tracking_code', '=', code).executeTakeFirst(),
    trackingCodeTaken: async (agencyId: string, code: string) =>
      !!(await db.selectFrom('eservice_requests').select('id').where('agency_id', '=', agencyId).where('tracking_code', '=', code).executeTakeFirst()),
    listRequests(agencyId: string, f: RequestFilter = {}) {
      let q = db.selectFrom('eservice_requests').selectAll().where('agency_id', '=', agencyId);
      if (f.unitId !== undefined) q = f.unitId === null ? q.where('unit_id', 'is', null) : q.where('unit_id', '=', f.unitId);
      if (f.states?.length) q = q.where('state', 'in', f.states);
      if (f.serviceId) q = q.where('service_id', '=', f.serviceId);
      return q.orderBy('due_date').orderBy('created_at').limit(500).execute();
    },
    /** The columns statistics need, for requests submitted in a date range. */
    listForStats: (agencyId: string, from: string, to: string) =>
      db
        .selectFrom('eservice_requests')
        .select(['service_id', 'channel', 'state', 'submitted_on', 'due_date', 'closed_on'])
        .where('agency_id', '=', agencyId)
        .where('submitted_on', '>=', from)
        .where('submitted_on', '<=', to)
        .execute(),
    updateRequest: (agencyId: string, id: string, fields: Partial<EserviceRequestsTable>) =>
      db.updateTable('eservice_requests').set(fields).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    /**
     * Takes a request's personal data away, unless that was done already: of two instances purging
     * at once only one UPDATE matches (it waits for the other's commit on PostgreSQL); returns whether this one did.
     */
    anonymiseRequest: async (agencyId: string, id: string, at: string): Promise<boolean> => {
      const r = await db
        .updateTable('eservice_requests')
        .set({ fields: '{}', contact_phone: null, contact_email: null, contact_line_id: null, reject_reason: null, anonymised_at: at })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('anonymised_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Closed requests that still hold personal data, with their service's retention (the service decides which expired). */
    listClosedNotAnonymised: (agencyId: string | null) => {
      let q = db
        .selectFrom('eservice_requests as r')
        .innerJoin('eservice_services as s', (j) => j.onRef('s.id', '=', 'r.service_id').onRef('s.agency_id', '=', 'r.agency_id'))
        .select(['r.id', 'r.agency_id', 'r.closed_on', 's.retention_days'])
        .where('r.anonymised_at', 'is', null)
        .where('r.closed_on', 'is not', null);
      if (agencyId) q = q.where('r.agency_id', '=', agencyId);
      return q.execute();
    },

    // ----- files
    insertRequestFile: (row: EserviceRequestFilesTable) => db.insertInto('eservice_request_files').values(row).execute(),
    listRequestFiles: (agencyId: string, requestId: string) =>
      db
        .selectFrom('eservice_request_files as rf')
        .innerJoin('stored_files as f', (j) => j.onRef('f.id', '=', 'rf.file_id').onRef('f.agency_id', '=', 'rf.agency_id'))
        .select(['rf.id', 'rf.field_key', 'rf.file_id', 'f.original_name', 'f.media_type', 'f.size_bytes', 'f.storage_key'])
        .where('rf.agency_id', '=', agencyId)
        .where('rf.request_id', '=', requestId)
        .orderBy('rf.created_at')
        .execute(),
    deleteRequestFiles: (agencyId: string, requestId: string) =>
      db.deleteFrom('eservice_request_files').where('agency_id', '=', agencyId).where('request_id', '=', requestId).execute(),
    deleteStoredFiles: (agencyId: string, ids: string[]) =>
      ids.length ? db.deleteFrom('stored_files').where('agency_id', '=', agencyId).where('id', 'in', ids).execute() : Promise.resolve([]),

    // ----- messages and events
    insertMessage: (row: EserviceMessagesTable) => db.insertInto('eservice_messages').values(row).execute(),
    listMessages: (agencyId: string, requestId: string, opts: { includeInternal: boolean }) => {
      let q = db.selectFrom('eservice_messages').selectAll().where('agency_id', '=', agencyId).where('request_id', '=', requestId);
      if (!opts.includeInternal) q = q.where('internal', '=', 0);
      return q.orderBy('created_at').execute();
    },
    blankMessages: (agencyId: string, requestId: string, body: string) =>
      db.updateTable('eservice_messages').set({ body }).where('agency_id', '=', agencyId).where('request_id', '=', requestId).execute(),
    insertEvent: (row: EserviceEventsTable) => db.insertInto('eservice_events').values(row).execute(),
    listEvents: (agencyId: string, requestId: string) =>
      db.selectFrom('eservice_events').selectAll().where('agency_id', '=', agencyId).where('request_id', '=', requestId).orderBy('created_at').execute(),

    // ----- citizen notifications (outbox)
    insertNotification: (row: EserviceNotificationsTable) => db.insertInto('eservice_notifications').values(row).execute(),
    /** Pending notices, and failed ones due for a retry; one agency's or (scheduled job) every agency's. */
    listDueNotifications: (agencyId: string | null, retryBefore: string, maxAttempts: number) => {
      let q = db
        .selectFrom('eservice_notifications')
        .selectAll()
        .where((eb) => eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'failed'), eb('updated_at', '<', retryBefore), eb('attempts', '<', maxAttempts)])]));
      if (agencyId) q = q.where('agency_id', '=', agencyId);
      return q.orderBy('created_at').limit(200).execute();
    },
    /**
     * Claims a notice seen as `state` at `updatedAt`: of instances racing for it, only one UPDATE
     * still matches; returns whether this caller won.
     */
    claimNotification: async (agencyId: string, id: string, seen: { state: string; updatedAt: string }, claimedBy: string, now: string): Promise<boolean> => {
      const r = await db
        .updateTable('eservice_notifications')
        .set((eb) => ({ state: 'sending', claimed_by: claimedBy, attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('state', '=', seen.state)
        .where('updated_at', '=', seen.updatedAt)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    finishNotification: (agencyId: string, id: string, patch: Pick<EserviceNotificationsTable, 'state' | 'channels' | 'error' | 'updated_at'>) =>
      db.updateTable('eservice_notifications').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    listNotifications: (agencyId: string, requestId: string) =>
      db.selectFrom('eservice_notifications').selectAll().where('agency_id', '=', agencyId).where('request_id', '=', requestId).orderBy('created_at').execute(),

    // ----- reply templates
    listTemplates: (agencyId: string) => db.selectFrom('eservice_reply_templates').selectAll().where('agency_id', '=', agencyId).orderBy('title').execute(),
    findTemplate: (agencyId: string, id: string) =>
      db.selectFrom('eservice_reply_templates').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    insertTemplate: (row: EserviceReplyTemplatesTable) => db.insertInto('eservice_reply_templates').values(row).execute(),
    deleteTemplate: (agencyId: string, id: string) => db.deleteFrom('eservice_reply_templates').where('agency_id', '=', agencyId).where('id', '=', id).execute(),
  };
}
export type EservicesRepository = ReturnType<typeof eservicesRepository>;

