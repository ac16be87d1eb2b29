/**
 * `npm run cli -- oit readiness --year N [--agency SLUG] [--json]`
 * `npm run cli -- oit export --year N --out FILE.csv|FILE.xlsx [--agency SLUG]`
 * `npm run cli -- oit audit --year N [--agency SLUG] [--base URL] [--json]` (self-audit of the
 *   public pages; --base defaults to PUBLIC_BASE_URL, the running server)
 *
 * Opens the database of the server's configuration (DATABASE_URL, DATA_DIR), migrated, and uses
 * the OIT service, so the numbers are the ones the readiness page shows. With one agency in the
 * database --agency may be left out.
 *
 * The JSON of `readiness` is a contract for scripts: `{ "year", "readiness" (0–100), "items":
 * [{ "code", "status", "missing": [Thai element names] }] }`, every item of the year's catalogue.
 */
import { writeFileSync } from 'node:fs';
import type { Config } from '../../config/index.js';
import { buildApp, createServices, type Services } from '../../app.js';
import { inProcessFetch } from '../../platform/in-process-fetch.js';
import { systemClock } from '../../shared/clock.js';
import { DomainError, validationError } from '../../shared/errors.js';
import { STATUS_LABELS, itasCsv, itasXlsx, type FetchLike } from '../../modules/oit/index.js';
import type { Agency } from '../../modules/agencies/domain/agency.js';
import { parseArgs } from '../args.js';
import type { CliCommand, CliIO } from '../main.js';
import { withDatabase } from '../open-db.js';

const USAGE = [
  'วิธีใช้:',
  '  npm run cli -- oit readiness --year N [--agency SLUG] [--json]',
  '  npm run cli -- oit export --year N --out FILE.csv|FILE.xlsx [--agency SLUG]',
  '  npm run cli -- oit audit --year N [--agency SLUG] [--base URL] [--json]',
].join('\n');

export async function pickAgency(services: Pick<Services, 'agencies'>, slug: string | undefined): Promise<Agency> {
  if (slug) {
    const agency = await services.agencies.findBySlug(slug);
    if (!agency) throw new DomainError('NOT_FOUND', `ไม่พบหน่วยงานที่มีชื่อย่อ "${slug}"`);
    return agency;
  }
  const all = await services.agencies.listAgencies();
  if (all.length === 0) throw new DomainError('NOT_FOUND', 'ยังไม่มีหน่วยงานในฐานข้อมูล กรุณาตั้งค่าระบบครั้งแรกหรือโหลดข้อมูลสาธิตก่อน');
  if (all.length > 1) {
    throw validationError(`มีหน่วยงานในระบบ ${all.length} แห่ง กรุณาระบุ --agency ชื่อย่อ เช่น --agency ${all[0]!.slug}`, all.map((a) => ({ field: 'agency', message: `${a.slug} — ${a.nameTh}` })));
  }
  return all[0]!;
}

export function yearFlag(flags: Record<string, string | true>): number {
  const y = typeof flags.year === 'string' ? Number(flags.year) : NaN;
  if (!Number.isInteger(y) || y < 2500 || y > 2700) throw validationError('กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น --year 2569');
  return y;
}

/** The command on open services (the tests call this with their app's services). */
export async function runOit(args: string[], io: CliIO, env: {
    services: Pick<Services, 'agencies' | 'oit'>;
    config: Pick<Config, 'publicBaseUrl'>;
    /** The app in process, for auditing the built-in portal without HTTP to ourselves. */
    ownSite?: () => Promise<{ fetch: FetchLike; close: () => Promise<unknown> }>;
  }): Promise<number> {
  const { positional, flags } = parseArgs(args, ['year', 'agency', 'out', 'base']);
  const sub = positional[0];
  if (sub !== 'readiness' && sub !== 'export' && sub !== 'audit') {
    io.err(USAGE);
    return 2;
  }
  const year = yearFlag(flags);
  const agency = await pickAgency(env.services, typeof flags.agency === 'string' ? flags.agency : undefined);

  if (sub === 'readiness') {
    const report = await env.services.oit.readinessReport(agency.id, year);
    if (flags.json) {
      io.out(JSON.stringify({ year: report.year, readiness: report.readiness, items: report.items.map((i) => ({ code: i.code, status: i.status, missing: i.missing })) }, null, 2));
      return 0;
    }
    io.out(`${agency.nameTh} — ความพร้อม OIT ปีงบประมาณ ${year}: ${report.readiness}%`);
    for (const i of report.items) {
      io.out(`${i.code.padEnd(4)} ${STATUS_LABELS[i.status].th.padEnd(14)} ${i.missing.length === 0 ? 'ครบ' : `ยังขาด: ${i.missing.join(' | ')}`}`);
    }
    return 0;
  }

  if (sub === 'audit') {
    const own = env.ownSite ? await env.ownSite() : undefined;
    const report = await env.services.oit
      .selfAudit(agency.id, year, { baseUrl: typeof flags.base === 'string' ? flags.base : undefined, ownSite: own?.fetch })
      .finally(() => own?.close());
    if (flags.json) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    io.out(`ตรวจหน้าเว็บ OIT ปี ${year} ที่ ${report.baseUrl}: ${report.requests} คำขอ พบปัญหา ${report.problems.length} รายการ`);
    for (const f of report.problems) io.out(`${(f.code || '-').padEnd(4)} ${f.problem} — ${f.url}`);
    return 0;
  }

  const out = typeof flags.out === 'string' ? flags.out : '';
  if (!/\.(csv|xlsx)$/i.test(out)) throw validationError('กรุณาระบุไฟล์ปลายทางที่ลงท้ายด้วย .csv หรือ .xlsx เช่น --out oit-2569.csv');
  const { rows } = await env.services.oit.exportRows(agency.id, year);
  writeFileSync(out, /\.xlsx$/i.test(out) ? await itasXlsx(rows, `OIT ${year}`) : itasCsv(rows));
  io.err(`เขียนรายการ OIT ${rows.length} ข้อของ ${agency.nameTh} ปี ${year} ลงไฟล์ ${out} แล้ว (ลิงก์ขึ้นต้นด้วย ${env.config.publicBaseUrl})`);
  return 0;
}

export const run: CliCommand = (args, io) =>
  withDatabase(async (database, config) =>
    runOit(args, io, {
      services: createServices({ db: database.db, clock: systemClock, config }),
      config,
      // The built-in portal is audited through the app in process, not over HTTP.
      ownSite: async () => {
        const app = await buildApp({ config, db: database.db, dialect: database.dialect, logger: false });
        await app.ready();
        return { fetch: inProcessFetch(app), close: () => app.close() };
      },
    }),
  );
