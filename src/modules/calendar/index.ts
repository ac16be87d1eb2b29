/**
 * The calendar module (deadlines, reminders). So far only its tables exist, created by the
 * tracking migration; its routes and service plug in here through a manifest when they land.
 */
export type { CalendarTables } from './tables.js';
