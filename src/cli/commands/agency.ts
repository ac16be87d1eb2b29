/**
 * `npm run cli -- agency create --slug SLUG --name NAME --type TYPE --province PROVINCE [--host HOST] [--json]`
 *   creates an agency and prints its one-time invitation link ({ "id", "slug", "inviteUrl" } with --json);
 *   TYPE is the Thai name (เทศบาลตำบล, อบต. …) or its code (subdistrict_municipality …).
 * `npm run cli -- agency list [--json]` lists every agency ([{ "id", "slug", "name", … }] with --json).
 * `npm run cli -- agency import FILE.csv|FILE.xlsx --province PROVINCE [--json]` imports many agencies'
 *   results from one file and creates the agencies it does not know (all or nothing).
 *
 * The CLI runs as the server console: the same validation and audit as the web pages, with the
 * operator as the actor (see docs/adr/0006-deployment-administrator.md).
 */
import { readFileSync } from 'node:fs';
import type { CliCommand } from '../main.js';
import { withDatabase } from '../open-db.js';
import { parseArgs } from '../args.js';
import { createServices } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { validationError } from '../../shared/errors.js';
import { AGENCY_STATUS_LABELS } from '../../modules/agencies/index.js';

const CONSOLE = { userId: null, label: 'ผู้ดูแลระบบ (คอนโซล)' };

const USAGE = [
  'วิธีใช้:',
  '  npm run cli -- agency create --slug SLUG --name NAME --type TYPE --province PROVINCE [--host HOST] [--json]',
  '  npm run cli -- agency list [--json]',
  '  npm run cli -- agency import FILE.csv|FILE.xlsx --province PROVINCE [--json]',
].join('\n');

const VALUE_FLAGS = ['slug', 'name', 'type', 'province', 'host'];

export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, VALUE_FLAGS);
  const [sub, file] = positional;
  const text = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);

  if (sub === 'create') {
    // A flag given without a value is reported like a missing one, naming the field.
    const input = Object.fromEntries(VALUE_FLAGS.map((k) => [k === 'name' ? 'name' : k, text(k)]).filter(([, v]) => v !== undefined));
    return withDatabase(async (database, config) => {
      const services = createServices({ db: database.db, clock: systemClock, config });
      const { agency, inviteUrl } = await services.deployment.createAgency(CONSOLE, input);
      if (flags.json) io.out(JSON.stringify({ id: agency.id, slug: agency.slug, inviteUrl }, null, 2));
      else {
        io.out(`สร้างหน่วยงาน "${agency.nameTh}" (${agency.typeLabelTh} จังหวัด${agency.province}) แล้ว: ${config.publicBaseUrl}/a/${agency.slug}`);
        io.out(`ลิงก์เชิญผู้ดูแลระบบของหน่วยงาน (ใช้ได้ครั้งเดียว แสดงครั้งนี้ครั้งเดียว): ${inviteUrl}`);
      }
      return 0;
    });
  }

  if (sub === 'list') {
    return withDatabase(async (database, config) => {
      const services = createServices({ db: database.db, clock: systemClock, config });
      const agencies = await services.deployment.listAgencies(CONSOLE);
      if (flags.json) {
        io.out(
          JSON.stringify(
            agencies.map((a) => ({ id: a.id, slug: a.slug, name: a.nameTh, type: a.type, typeTh: a.typeLabelTh, province: a.province, status: a.status, host: a.hostName })),
            null,
            2,
          ),
        );
      } else {
        for (const a of agencies) io.out(`${a.slug.padEnd(24)} ${a.nameTh} · ${a.typeLabelTh} · ${a.province} · ${AGENCY_STATUS_LABELS[a.status]}`);
        io.out(`รวม ${agencies.length} หน่วยงาน`);
      }
      return 0;
    });
  }

  if (sub === 'import') {
    if (!file) throw validationError('กรุณาระบุไฟล์ที่จะนำเข้า', [{ field: 'FILE', message: 'กรุณาระบุไฟล์ CSV หรือ XLSX' }]);
    let buffer: Buffer;
    try {
      buffer = readFileSync(file);
    } catch {
      throw validationError(`เปิดไฟล์ ${file} ไม่ได้`, [{ field: 'FILE', message: `ไม่พบหรือเปิดไฟล์ ${file} ไม่ได้` }]);
    }
    return withDatabase(async (database, config) => {
      const services = createServices({ db: database.db, clock: systemClock, config });
      const outcome = await services.bulkImport.importFile(CONSOLE, buffer, file, { province: text('province') ?? '' });
      if (flags.json) io.out(JSON.stringify(outcome, null, 2));
      else io.out(`นำเข้าแล้ว ${outcome.rows} แถว: สร้างหน่วยงานใหม่ ${outcome.createdAgencies} แห่ง บันทึกผลการประเมิน ${outcome.savedResults} รายการ`);
      return 0;
    });
  }

  io.err(USAGE);
  return 2;
};
