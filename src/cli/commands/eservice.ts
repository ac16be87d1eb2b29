/**
 * `npm run cli -- eservice report --year N --round 6|12 [--agency SLUG] --out FILE.docx|FILE.pdf|FILE.csv`
 *   writes the usage statistics and satisfaction report of a round (the same figures as the
 *   statistics page);
 * `npm run cli -- eservice purge [--agency SLUG]` runs the retention job (PDPA): closed requests
 *   past their service's retention lose their personal data. The app runs the same job daily
 *   (ESERVICE_PURGE_INTERVAL_HOURS); this is for a run at once, or with the schedule off.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createServices, type Services } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { validationError } from '../../shared/errors.js';
import { parseRound, type ReportFormat } from '../../modules/eservices/index.js';
import { parseArgs } from '../args.js';
import type { CliCommand, CliIO } from '../main.js';
import { withDatabase } from '../open-db.js';
import { pickAgency } from './oit.js';

const USAGE = [
  'วิธีใช้:',
  '  npm run cli -- eservice report --year N --round 6|12 [--agency SLUG] --out FILE.docx|FILE.pdf|FILE.csv',
  '  npm run cli -- eservice purge [--agency SLUG]',
].join('\n');

/** The command on open services (tests call this with their app's services). */
export async function runEservice(args: string[], io: CliIO, services: Pick<Services, 'agencies' | 'eserviceReports'>): Promise<number> {
  const { positional, flags } = parseArgs(args, ['year', 'round', 'agency', 'out']);
  const sub = positional[0];
  if (sub === 'purge') {
    const agency = typeof flags.agency === 'string' ? await pickAgency(services, flags.agency) : undefined;
    const n = await services.eserviceReports.anonymiseExpired(agency?.id ?? null);
    io.out(`ลบข้อมูลส่วนบุคคลของคำขอที่พ้นระยะเวลาเก็บรักษาแล้ว ${n} เรื่อง`);
    return 0;
  }
  if (sub !== 'report') {
    io.err(USAGE);
    return 2;
  }
  const year = typeof flags.year === 'string' ? Number(flags.year) : NaN;
  if (!Number.isInteger(year) || year < 2500 || year > 2700) throw validationError('กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น --year 2569');
  const round = parseRound(flags.round);
  const out = typeof flags.out === 'string' ? flags.out : '';
  const format = extname(out).slice(1).toLowerCase();
  if (!['docx', 'pdf', 'csv'].includes(format)) throw validationError('กรุณาระบุไฟล์ผลลัพธ์ที่ลงท้ายด้วย .docx, .pdf หรือ .csv เช่น --out รายงาน.pdf');
  const agency = await pickAgency(services, typeof flags.agency === 'string' ? flags.agency : undefined);
  const doc = await services.eserviceReports.render(agency.id, year, round, format as ReportFormat);
  writeFileSync(out, doc.buffer);
  io.out(`บันทึกรายงานสถิติ E-Service ปี ${year} รอบ ${round} เดือน ของ${agency.nameTh} ที่ ${out}`);
  return 0;
}

export const run: CliCommand = (args, io) =>
  withDatabase((database, config) => runEservice(args, io, createServices({ db: database.db, clock: systemClock, config })));
