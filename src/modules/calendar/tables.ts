import type { Selectable } from 'kysely';

/** An officer's change to a computed deadline: another date, or marked done by hand. */
export interface CalendarOverridesTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  entry_key: string;
  due: string | null;
  done: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** In-app reminders; user_id null = every coordinator of the agency sees it. */
export interface NotificationsTable {
  id: string;
  agency_id: string;
  user_id: string | null;
  text_th: string;
  link: string;
  read_at: string | null;
  created_at: string;
}

export interface ReminderDeliveriesTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  entry_key: string;
  due: string;
  stage: string;
  claimed_by: string;
  state: string;
  channels: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarTables {
  calendar_overrides: CalendarOverridesTable;
  notifications: NotificationsTable;
  reminder_deliveries: ReminderDeliveriesTable;
}

export type CalendarOverrideRow = Selectable<CalendarOverridesTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ReminderDeliveryRow = Selectable<ReminderDeliveriesTable>;
