/**
 * `npm run cli -- report measures --year N --round 6|12 [--agency SLUG] --out FILE.docx|FILE.pdf|FILE.html`
 *
 * Writes the measures-implementation report of fiscal year N (6- or 12-month round) from the
 * tracked measures as they are now and the report's saved problems and suggestions. Refuses, with
 * a Thai message, a report whose "ปัญหา อุปสรรค" or "ข้อเสนอแนะ" has not been filled in.
 */
import { writeFileSync } from 'node:fs';
import { createServices, type Services } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { validationError } from '../../shared/errors.js';
import { parseArgs } from '../args.js';
import type { CliCommand, CliIO } from '../main.js';
import { withDatabase } from '../open-db.js';
import { pickAgency, yearFlag } from './oit.js';

const USAGE = 'วิธีใช้: npm run cli -- report measures --year N --round 6|12 [--agency SLUG] --out FILE.docx|FILE.pdf|FILE.html\n       npm run cli -- report procurement --year N --month M --agency SLUG --out FILE.docx|FILE.pdf|FILE.html (ไม่ระบุ --month = รายงานประจำปี)';

export async function runReport(args: string[], io: CliIO, services: Pick<Services, 'agencies' | 'reports' | 'procurement'>): Promise<number> {
  const { positional, flags } = parseArgs(args, ['year', 'round', 'agency', 'out', 'month']);
  if (positional[0] === 'procurement') return procurementReport(flags, io, services);
  if (positional[0] !== 'measures') {
    io.err(USAGE);
    return 2;
  }
  const year = yearFlag(flags);
  const round = Number(flags.round);
  if (round !== 6 && round !== 12) throw validationError('กรุณาระบุรอบรายงาน --round 6 หรือ --round 12');
  const out = typeof flags.out === 'string' ? flags.out : '';
  const format = /\.(docx|pdf|html)$/i.exec(out)?.[1]?.toLowerCase() as 'docx' | 'pdf' | 'html' | undefined;
  if (!format) throw validationError('กรุณาระบุไฟล์ปลายทางที่ลงท้ายด้วย .docx .pdf หรือ .html เช่น --out รายงาน.pdf');
  const agency = await pickAgency(services, typeof flags.agency === 'string' ? flags.agency : undefined);
  const spec = { kind: 'measures' as const, year, round: round as 6 | 12, role: 'measures-report' as const };
  const doc = await services.reports.render(agency.id, spec, format, { live: true });
  writeFileSync(out, doc.buffer);
  io.err(`เขียน${doc.fileName.replace(/\.\w+$/, '')} ของ ${agency.nameTh} ลงไฟล์ ${out} แล้ว`);
  return 0;
}

export const run: CliCommand = (args, io) => withDatabase(async (database, config) => runReport(args, io, createServices({ db: database.db, clock: systemClock, config })));

/**
 * `report procurement --year N --month M --agency SLUG --out FILE`: the monthly summary (แบบ สขร.๑)
 * of month M (1–12) of fiscal year N; without --month, the year's annual procurement report.
 */
async function procurementReport(flags: Record<string, string | true>, io: CliIO, services: Pick<Services, 'agencies' | 'procurement'>): Promise<number> {
  const year = yearFlag(flags);
  const out = typeof flags.out === 'string' ? flags.out : '';
  const format = /\.(docx|pdf|html)$/i.exec(out)?.[1]?.toLowerCase() as 'docx' | 'pdf' | 'html' | undefined;
  if (!format) throw validationError('กรุณาระบุไฟล์ปลายทางที่ลงท้ายด้วย .docx .pdf หรือ .html เช่น --out สขร1.pdf');
  const agency = await pickAgency(services, typeof flags.agency === 'string' ? flags.agency : undefined);
  const doc =
    flags.month === undefined
      ? await services.procurement.annualDocument(agency.id, year, format)
      : await services.procurement.monthlyDocument(agency.id, year, services.procurement.monthKey(year, Number(flags.month)), format);
  writeFileSync(out, doc.buffer);
  io.err(`เขียน${doc.fileName.replace(/\.\w+$/, '')} ของ ${agency.nameTh} ลงไฟล์ ${out} แล้ว`);
  return 0;
}
