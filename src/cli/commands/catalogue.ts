/**
 * `npm run cli -- catalogue list [--json]` — `--json` prints exactly
 *   `[{ "fiscalYear", "status": "complete|partial|provisional", "oitItems", "ratingRule": "bands|labels" }]`
 * `npm run cli -- catalogue map --from YEAR --to YEAR [--json]` — which OIT items persist, merged, dropped, added
 * `npm run cli -- catalogue import FILE.json|FILE.xlsx`
 * `npm run cli -- catalogue export YEAR --out FILE.json|FILE.xlsx`
 *
 * Opens the database named by the same configuration as the server (DATABASE_URL, DATA_DIR),
 * brings it to the latest migration, and uses the catalogue service, so an import here is
 * validated exactly as in the web form and takes effect in a running server at once.
 */
import { withDeploymentScope } from '../../db/tenant-scope.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../config/index.js';
import { migrateToLatest, openDatabase } from '../../db/index.js';
import { systemClock } from '../../shared/clock.js';
import { DomainError, validationError } from '../../shared/errors.js';
import { catalogueKindOf, catalogueService, YEAR_MAP_MATCH_LABELS, type CatalogueService } from '../../modules/catalogue/index.js';
import { parseArgs } from '../args.js';
import type { CliIO } from '../main.js';

const USAGE = [
  'วิธีใช้:',
  '  npm run cli -- catalogue list [--json]',
  '  npm run cli -- catalogue map --from YEAR --to YEAR [--json]',
  '  npm run cli -- catalogue import FILE.json|FILE.xlsx',
  '  npm run cli -- catalogue export YEAR --out FILE.json|FILE.xlsx',
].join('\n');

const STATUS_TH = { complete: 'ครบถ้วน', partial: 'บางส่วน', provisional: 'ชั่วคราว' } as const;

async function withCatalogues<T>(fn: (catalogues: CatalogueService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    return await withDeploymentScope('cli', () => fn(catalogueService({ db: database.db, clock: systemClock })));
  } finally {
    await database.close();
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, ['out', 'from', 'to']);
  const [sub, arg] = positional;

  if (sub === 'list') {
    const years = await withCatalogues((c) => c.listYears());
    if (flags.json) {
      io.out(JSON.stringify(years.map((y) => ({ fiscalYear: y.fiscalYear, status: y.status, oitItems: y.oitItemCount, ratingRule: y.ratingKind })), null, 2));
      return 0;
    }
    io.out('ปีงบประมาณ  รุ่น        สถานะ     ที่มา       ตัวชี้วัด  ข้อคำถาม  รายการ OIT  ยังไม่ยืนยัน');
    for (const y of years) {
      io.out(
        [
          String(y.fiscalYear).padEnd(11),
          y.version.padEnd(11),
          STATUS_TH[y.status].padEnd(9),
          (y.source === 'imported' ? 'นำเข้า' : 'มากับระบบ').padEnd(11),
          String(y.indicatorCount).padStart(8),
          String(y.questionCount).padStart(9),
          String(y.oitItemCount).padStart(11),
          String(y.unverifiedCount).padStart(12),
        ].join(' '),
      );
    }
    return 0;
  }

  if (sub === 'map') {
    const from = Number(flags.from);
    const to = Number(flags.to);
    if (!Number.isInteger(from) || !Number.isInteger(to) || typeof flags.from !== 'string' || typeof flags.to !== 'string') {
      io.err('กรุณาระบุปีงบประมาณ เช่น --from 2569 --to 2570');
      io.err(USAGE);
      return 2;
    }
    const map = await withCatalogues((c) => c.yearMap(from, to));
    if (flags.json) {
      const row = (r: (typeof map.persisting)[number]) => ({ from: r.fromCode, fromTitle: r.fromTitle, to: r.toCode, toTitle: r.toTitle, role: r.role, match: r.match });
      const item = (i: (typeof map.added)[number]) => ({ code: i.code, title: i.titleTh, role: i.role });
      io.out(JSON.stringify({ fromYear: map.fromYear, toYear: map.toYear, persisting: map.persisting.map(row), merged: map.merged.map(row), dropped: map.dropped.map(item), added: map.added.map(item) }, null, 2));
      return 0;
    }
    io.out(`รายการ OIT ปีงบประมาณ ${from} → ${to}`);
    io.out(`คงอยู่ ${map.persisting.length} รายการ:`);
    for (const r of map.persisting) io.out(`  ${r.fromCode} → ${r.toCode}  ${r.toTitle}  (${YEAR_MAP_MATCH_LABELS[r.match].th})`);
    io.out(`รวมเข้ากับรายการอื่น ${map.merged.length} รายการ:`);
    for (const r of map.merged) io.out(`  ${r.fromCode} ${r.fromTitle} → ${r.toCode} ${r.toTitle}`);
    io.out(`ตัดออก ${map.dropped.length} รายการ:`);
    for (const d of map.dropped) io.out(`  ${d.code} ${d.titleTh}`);
    io.out(`เพิ่มใหม่ ${map.added.length} รายการ:`);
    for (const a of map.added) io.out(`  ${a.code} ${a.titleTh}`);
    return 0;
  }

  if (sub === 'import') {
    if (!arg) {
      io.err(USAGE);
      return 2;
    }
    let buffer: Buffer;
    try {
      buffer = readFileSync(arg);
    } catch {
      throw validationError(`เปิดไฟล์ ${arg} ไม่ได้`);
    }
    try {
      const s = await withCatalogues((c) => c.importCatalogue({ userId: null, label: 'คำสั่ง CLI' }, buffer, catalogueKindOf(arg, buffer)));
      io.out(`นำเข้าแคตตาล็อกปีงบประมาณ ${s.fiscalYear} รุ่น ${s.version} แล้ว (ตัวชี้วัด ${s.indicatorCount}, ข้อคำถาม ${s.questionCount}, รายการ OIT ${s.oitItemCount}, ยังไม่ยืนยัน ${s.unverifiedCount})`);
      return 0;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') {
        io.err(`ข้อผิดพลาด: ${error.message}`);
        for (const e of error.fieldErrors) {
          const where = [e.row !== undefined ? `แถวที่ ${e.row}` : '', e.field].filter(Boolean).join(' ');
          io.err(`  - ${where ? `${where}: ` : ''}${e.message}`);
        }
        return 1;
      }
      throw error;
    }
  }

  if (sub === 'export') {
    const out = typeof flags.out === 'string' ? flags.out : undefined;
    const year = Number(arg);
    if (!arg || !Number.isInteger(year) || !out) {
      io.err(USAGE);
      return 2;
    }
    const xlsx = out.toLowerCase().endsWith('.xlsx');
    const body = await withCatalogues<string | Buffer>((c) => (xlsx ? c.exportXlsx(year) : c.exportJson(year)));
    writeFileSync(out, body);
    io.out(`บันทึกแคตตาล็อกปีงบประมาณ ${year} ไว้ที่ ${out}`);
    return 0;
  }

  io.err(sub ? `ไม่รู้จักคำสั่งย่อย "${sub}"` : USAGE);
  if (sub) io.err(USAGE);
  return 2;
}
