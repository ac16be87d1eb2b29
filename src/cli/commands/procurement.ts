/**
 * `npm run cli -- procurement import FILE --agency SLUG --year N [--map "field=หัวคอลัมน์;…"]`
 *   imports a procurement spreadsheet or e-GP export (CSV/XLSX) into the contract register of
 *   fiscal year N: all or nothing, with Thai row/field errors. Columns are recognised by their
 *   headers or by the mapping remembered from an earlier import of the same layout; when a
 *   required column is unknown the command lists the file's headers and asks for `--map`.
 * `npm run cli -- procurement sync --agency SLUG --year N --dept CODE` fetches the year's
 *   contracts from the government spending API (needs GOVSPENDING_API_KEY).
 * `npm run cli -- procurement publish --agency SLUG --year N` attaches the monthly summaries to OIT.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createServices, type Services } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { validationError } from '../../shared/errors.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { mappingFrom } from '../../modules/procurement/index.js';
import { parseArgs } from '../args.js';
import type { CliCommand, CliIO } from '../main.js';
import { withDatabase } from '../open-db.js';
import { pickAgency, yearFlag } from './oit.js';

const USAGE = 'วิธีใช้: npm run cli -- procurement import FILE --agency SLUG --year N [--map "projectNo=เลขที่โครงการ;…"] | procurement sync --agency SLUG --year N --dept CODE | procurement publish --agency SLUG --year N';

/** The monthly summaries an import or sync attached to OIT on its own (or why it could not). */
function publishedLine(io: CliIO, r: { published?: { months: string[]; attachedTo: string | null }; publishError?: string }): void {
  if (r.publishError) io.err(`นำเข้าแล้ว แต่แนบสรุปผลรายเดือนไม่สำเร็จ: ${r.publishError} (สั่ง procurement publish อีกครั้งได้)`);
  else if (r.published?.months.length) io.out(`แนบสรุปผลรายเดือน ${r.published.months.join(', ')} ที่ ${r.published.attachedTo}`);
}

export async function runProcurement(args: string[], io: CliIO, services: Pick<Services, 'agencies' | 'procurement'>): Promise<number> {
  const { positional, flags } = parseArgs(args, ['agency', 'year', 'map', 'dept']);
  const [sub, file] = positional;
  const slug = typeof flags.agency === 'string' ? flags.agency : undefined;
  if (sub === 'import') {
    if (!file) {
      io.err(USAGE);
      return 2;
    }
    const year = yearFlag(flags);
    const agency = await pickAgency(services, slug);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw validationError(`อ่านไฟล์ ${file} ไม่ได้`);
    }
    let mapping;
    if (typeof flags.map === 'string') {
      const { readGrid } = await import('../../modules/procurement/index.js');
      const grid = await readGrid(bytes, basename(file));
      const headers = (grid.find((r) => r.cells.some((c) => String(c ?? '').trim())) ?.cells ?? []).map((c) => String(c ?? '').trim());
      const raw = Object.fromEntries(flags.map.split(';').map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]));
      mapping = mappingFrom(headers, raw);
    }
    const r = await services.procurement.importFile(SYSTEM_ACTOR, agency.id, year, bytes, basename(file), mapping);
    if (r.state === 'needs-mapping') {
      io.err(`ไม่พบคอลัมน์ที่จำเป็น: ${r.missing.map((f) => `${f} (${services.procurement.labels[f]})`).join(', ')}`);
      io.err(`หัวคอลัมน์ของไฟล์: ${r.headers.map((h, i) => `${i + 1}. ${h}`).join(' | ')}`);
      io.err('ระบุคอลัมน์ด้วย --map เช่น --map "projectNo=เลขที่โครงการ;winner=ผู้ชนะ" (ระบบจะจำไว้สำหรับไฟล์รูปแบบเดียวกัน)');
      return 1;
    }
    io.out(`นำเข้าทะเบียนการจัดซื้อจัดจ้างปี ${year} ของ ${agency.nameTh}: ใหม่ ${r.created} ปรับปรุง ${r.updated} ไม่เปลี่ยน ${r.unchanged} รายการ`);
    publishedLine(io, r);
    return 0;
  }
  if (sub === 'sync') {
    const year = yearFlag(flags);
    const agency = await pickAgency(services, slug);
    const r = await services.procurement.syncFromApi(SYSTEM_ACTOR, agency.id, year, typeof flags.dept === 'string' ? flags.dept : '');
    io.out(`ดึงข้อมูล ${r.fetched} รายการ: ใหม่ ${r.created} ปรับปรุง ${r.updated} ไม่เปลี่ยน ${r.unchanged} ข้าม ${r.skipped}${r.done ? '' : ' (ยังไม่ครบ)'}`);
    publishedLine(io, r);
    return 0;
  }
  if (sub === 'publish') {
    const year = yearFlag(flags);
    const agency = await pickAgency(services, slug);
    const r = await services.procurement.publishMonths(agency.id, year);
    io.out(r.attachedTo ? `แนบสรุปผลรายเดือน ${r.months.length} เดือนที่ ${r.attachedTo}` : `แคตตาล็อกปี ${year} ไม่มีรายการสรุปผลการจัดซื้อจัดจ้างรายเดือน`);
    return 0;
  }
  io.err(USAGE);
  return 2;
}

export const run: CliCommand = (args, io) => withDatabase(async (database, config) => runProcurement(args, io, createServices({ db: database.db, clock: systemClock, config })));
