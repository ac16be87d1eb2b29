/** All SQL of the calendar: officers' overrides, in-app notifications and reminder deliveries (claims). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CalendarOverrideRow, NotificationRow, ReminderDeliveryRow } from './tables.js';

export function calendarRepository(db: Kysely<Database>) {
  return {
    listOverrides: (agencyId: string, year: number): Promise<CalendarOverrideRow[]> =>
      db.selectFrom('calendar_overrides').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).execute(),
    findOverride: (agencyId: string, year: number, key: string): Promise<CalendarOverrideRow | undefined> =>
      db.selectFrom('calendar_overrides').selectAll().where('agency_id', '=', agencyId).where('fiscal_year', '=', year).where('entry_key', '=', key).executeTakeFirst(),
    insertOverride: async (row: CalendarOverrideRow): Promise<void> => {
      await db.insertInto('calendar_overrides').values(row).execute();
    },
    updateOverride: async (agencyId: string, id: string, patch: Partial<CalendarOverrideRow>): Promise<void> => {
      await db.updateTable('calendar_overrides').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },

    /**
     * Claims a reminder: inserts its delivery row unless one exists. Of two instances racing, the
     * unique key lets exactly one insert succeed; returns whether this caller won.
     */
    claim: async (row: ReminderDeliveryRow): Promise<boolean> => {
      const r = await db
        .insertInto('reminder_deliveries')
        .values(row)
        .onConflict((oc) => oc.columns(['agency_id', 'fiscal_year', 'entry_key', 'due', 'stage']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    /** Takes over a failed delivery for a retry; only one instance's UPDATE matches. */
    reclaimFailed: async (agencyId: string, olderThan: string, claimedBy: string, now: string): Promise<ReminderDeliveryRow[]> => {
      const failed = await db.selectFrom('reminder_deliveries').selectAll().where('agency_id', '=', agencyId).where('state', '=', 'failed').where('updated_at', '<', olderThan).execute();
      const won: ReminderDeliveryRow[] = [];
      for (const f of failed) {
        const r = await db
          .updateTable('reminder_deliveries')
          .set({ state: 'claimed', claimed_by: claimedBy, updated_at: now })
          .where('agency_id', '=', agencyId)
          .where('id', '=', f.id)
          .where('state', '=', 'failed')
          .where('updated_at', '=', f.updated_at)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) won.push(f);
      }
      return won;
    },
    finishDelivery: async (agencyId: string, id: string, patch: Pick<ReminderDeliveryRow, 'state' | 'channels' | 'error' | 'updated_at'>): Promise<void> => {
      await db.updateTable('reminder_deliveries').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    listDeliveries: (agencyId: string): Promise<ReminderDeliveryRow[]> =>
      db.selectFrom('reminder_deliveries').selectAll().where('agency_id', '=', agencyId).orderBy('created_at').execute(),

    insertNotification: async (row: NotificationRow): Promise<void> => {
      await db.insertInto('notifications').values(row).execute();
    },
    /** A user's notifications: their own and those for every coordinator (user_id null) when they coordinate. */
    listNotifications: (agencyId: string, userId: string, includeShared: boolean, limit = 50): Promise<NotificationRow[]> =>
      db
        .selectFrom('notifications')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where((eb) => (includeShared ? eb.or([eb('user_id', '=', userId), eb('user_id', 'is', null)]) : eb('user_id', '=', userId)))
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),
  };
}
