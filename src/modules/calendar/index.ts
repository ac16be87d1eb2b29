/**
 * The calendar module as the app and other modules see it: the year's deadlines, reminders
 * (in-app, e-mail, LINE Messaging API) with the background scheduler, and its pages.
 */
import { defineModule } from '../../platform/module.js';
import { calendarRoutes } from './routes.js';
import type { CalendarService } from './service.js';

export { calendarService, startReminderScheduler, type CalendarService, type CalendarDeps, type ReminderRun } from './service.js';
export { buildExecutiveSummary, type ExecutiveInput } from './domain/executive.js';
export { computeDeadlines, NATIONAL_AVERAGES, type CalendarEntry, type EntryStatus } from './domain/deadlines.js';

export const calendarModule = (options: { calendar: CalendarService }) =>
  defineModule({
    name: 'calendar',
    routes: calendarRoutes,
    options,
    nav: [
      { href: '/admin/calendar', label: { th: 'ปฏิทินงาน', en: 'Calendar' }, permission: 'results.view' },
      { href: '/admin/executive', label: { th: 'สรุปผู้บริหาร', en: 'Executive summary' }, permission: 'results.view' },
    ],
  });
