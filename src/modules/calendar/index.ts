/**
 * The calendar module as the app and other modules see it: the year's deadlines, reminders
 * (in-app, e-mail, LINE Messaging API) with the background scheduler, and its pages.
 */
import { defineModule } from '../../platform/module.js';
import { calendarRoutes } from './routes.js';
import type { CalendarService } from './service.js';

// The channels themselves, for other modules' messages to people who are not staff (e-service citizens).
export { mailer, pushLine, type Mailer, type MailConfig, type LineConfig } from './notify.js';
export { calendarService, startReminderScheduler, type CalendarService, type CalendarDeps, type ReminderRun } from './service.js';
export type { CalendarTables, CalendarDb } from './tables.js';
export { buildExecutiveSummary, type ExecutiveInput, type ExecutiveEservices } from './domain/executive.js';
export { computeDeadlines, NATIONAL_AVERAGES, type CalendarEntry, type EntryStatus } from './domain/deadlines.js';

export const calendarModule = (options: { calendar: CalendarService }) =>
  defineModule({
    name: 'calendar',
    routes: calendarRoutes,
    options,
    auditLabels: {
      actions: { 'calendar.edit': { th: 'แก้ไขกำหนดการในปฏิทินงาน', en: 'Calendar entry changed' } },
      entities: { calendar_entry: { th: 'กำหนดการ', en: 'Calendar entry' } },
    },
    nav: [
      { href: '/admin/calendar', label: { th: 'ปฏิทินงาน', en: 'Calendar' }, permission: 'results.view' },
      { href: '/admin/executive', label: { th: 'สรุปผู้บริหาร', en: 'Executive summary' }, permission: 'results.view' },
    ],
  });
