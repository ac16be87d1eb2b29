/**
 * `npm run cli -- calendar --year N [--agency SLUG] --json`
 *
 * Prints the agency's deadlines of fiscal year N. The JSON is a contract for scripts:
 * `[{ "due": "YYYY-MM-DD", "what": "…Thai…", "item": "O…|null", "status": "done|due|overdue" }]`,
 * in date order. Without --json, one line per deadline.
 */
import { createServices, type Services } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { formatThaiDate } from '../../shared/thai.js';
import { parseArgs } from '../args.js';
import type { CliCommand, CliIO } from '../main.js';
import { withDatabase } from '../open-db.js';
import { pickAgency, yearFlag } from './oit.js';

const STATUS_TH = { done: 'เสร็จแล้ว', due: 'รอดำเนินการ', overdue: 'เลยกำหนด' } as const;

export async function runCalendar(args: string[], io: CliIO, services: Pick<Services, 'agencies' | 'calendar'>): Promise<number> {
  const { flags } = parseArgs(args, ['year', 'agency']);
  const year = yearFlag(flags);
  const agency = await pickAgency(services, typeof flags.agency === 'string' ? flags.agency : undefined);
  const entries = await services.calendar.deadlines(agency.id, year);
  if (flags.json) {
    io.out(JSON.stringify(entries.map((e) => ({ due: e.due, what: e.what, item: e.item, status: e.status })), null, 2));
    return 0;
  }
  io.out(`${agency.nameTh} — ปฏิทินกำหนดส่งงาน ปีงบประมาณ ${year} (${entries.length} รายการ)`);
  for (const e of entries) io.out(`${formatThaiDate(e.due, { style: 'short' }).padEnd(14)} ${STATUS_TH[e.status].padEnd(12)} ${e.what}`);
  return 0;
}

export const run: CliCommand = (args, io) => withDatabase(async (database, config) => runCalendar(args, io, createServices({ db: database.db, clock: systemClock, config })));
