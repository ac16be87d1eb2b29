/**
 * Bulk import of many agencies' ITA results from one file (the nation-wide CSV/XLSX format of
 * docs/results-import.md, read by the results module's own parser), creating the agencies the
 * deployment does not know yet. All or nothing: every problem of every row is collected, with the
 * row and column named in Thai, and any problem rejects the whole file before anything is written;
 * the agencies and results are then written in one transaction.
 *
 * Matching a row to an agency: `agency_code` is the agency's slug (NACC's numeric codes are valid
 * slugs); a row without a code matches an agency of the province by its exact Thai name. A new
 * agency takes its type from the start of its name (องค์การบริหารส่วนตำบล… → อบต.) and the
 * province chosen for the file.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import { validationError, type FieldError } from '../../shared/errors.js';
import { findProvince } from '../../shared/provinces.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import { AGENCY_TYPES, DEFAULT_UNITS, SLUG_PATTERN, type Agency, type AgenciesService } from '../agencies/index.js';
import { IMPORT_REJECTED, type ItaResultsService } from '../ita-results/index.js';
import { typeFromName } from './domain/agency-types.js';

type ResultsRow = Awaited<ReturnType<ItaResultsService['parseFile']>>['rows'][number];

export interface BulkImportDeps {
  db: Kysely<any>;
  clock: Clock;
  agencies: Pick<AgenciesService, 'listAgenciesWhere' | 'createAgenciesBulk'>;
  results: Pick<ItaResultsService, 'parseFile' | 'saveMany'>;
  requireGrant: (actor: Actor) => Promise<void>;
}

export interface BulkImportOutcome {
  rows: number;
  createdAgencies: number;
  savedResults: number;
  fiscalYears: number[];
}

const CODE = 'agency_code';
const NAME = 'agency_name';
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

export function bulkImport(deps: BulkImportDeps) {
  return {
    async importFile(actor: Actor, buffer: Uint8Array, filename: string, opts: { province: string }): Promise<BulkImportOutcome> {
      await deps.requireGrant(actor);
      const province = findProvince(opts.province ?? '');
      if (!province) {
        throw validationError(IMPORT_REJECTED, [
          { field: 'province', message: opts.province ? `ไม่รู้จักจังหวัด "${opts.province}"` : 'กรุณาเลือกจังหวัดของหน่วยงานที่จะสร้างจากไฟล์' },
        ]);
      }
      const { rows } = await deps.results.parseFile(buffer, filename);

      const all = await deps.agencies.listAgenciesWhere({});
      const bySlug = new Map(all.map((a) => [a.slug, a]));
      const byName = new Map<string, Agency[]>();
      for (const a of all.filter((x) => x.province === province)) byName.set(norm(a.nameTh), [...(byName.get(norm(a.nameTh)) ?? []), a]);

      const errors: FieldError[] = [];
      const toCreate = new Map<string, { slug: string; nameTh: string; type: string; province: string }>();
      const entries: { slug: string; row: ResultsRow }[] = [];
      for (const row of rows) {
        const code = row.agencyCode?.trim().toLowerCase();
        const name = row.agencyName ? norm(row.agencyName) : undefined;
        if (code) {
          if (!SLUG_PATTERN.test(code)) {
            errors.push({ row: row.sourceRow, field: CODE, message: `รหัสหน่วยงาน "${row.agencyCode}" ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) ไม่เกิน 50 ตัว` });
            continue;
          }
          const known = bySlug.get(code);
          if (known?.status === 'archived') {
            errors.push({ row: row.sourceRow, field: CODE, message: `หน่วยงาน "${known.nameTh}" (${code}) ถูกเก็บถาวรแล้ว จึงนำเข้าผลไม่ได้` });
            continue;
          }
          if (!known && !toCreate.has(code)) {
            if (!name) {
              errors.push({ row: row.sourceRow, field: NAME, message: `ไม่มีหน่วยงานรหัส "${code}" ในระบบ ต้องระบุชื่อหน่วยงานเพื่อสร้างหน่วยงานใหม่` });
              continue;
            }
            if (name.length > 200) {
              errors.push({ row: row.sourceRow, field: NAME, message: 'ชื่อหน่วยงานยาวเกิน 200 ตัวอักษร' });
              continue;
            }
            toCreate.set(code, { slug: code, nameTh: name, type: typeFromName(name, AGENCY_TYPES), province });
          }
          entries.push({ slug: code, row });
          continue;
        }
        const matches = name ? (byName.get(name) ?? []) : [];
        if (matches.length === 1 && matches[0]!.status !== 'archived') entries.push({ slug: matches[0]!.slug, row });
        else if (matches.length > 1) errors.push({ row: row.sourceRow, field: NAME, message: `มีหน่วยงานชื่อ "${name}" ในจังหวัด${province}มากกว่าหนึ่งแห่ง กรุณาระบุ agency_code` });
        else errors.push({ row: row.sourceRow, field: NAME, message: `ไม่พบหน่วยงาน "${name ?? ''}" ในจังหวัด${province} กรุณาระบุ agency_code เพื่อสร้างหน่วยงานใหม่` });
      }
      if (errors.length > 0) throw validationError(IMPORT_REJECTED, errors);

      return deps.db.transaction().execute(async (trx) => {
        const tx = trx as Kysely<any>;
        const created = toCreate.size > 0 ? await deps.agencies.createAgenciesBulk(actor, [...toCreate.values()], DEFAULT_UNITS, tx) : new Map<string, string>();
        const idOf = (slug: string) => bySlug.get(slug)?.id ?? created.get(slug)!;
        const saved = await deps.results.saveMany(tx, actor, entries.map((e) => ({ agencyId: idOf(e.slug), row: e.row })));
        const fiscalYears = [...new Set(rows.map((r) => r.fiscalYear))].sort();
        await writeAudit(tx, deps.clock, actor, {
          agencyId: null,
          action: 'deployment.bulk_import',
          entityType: 'ita_results',
          details: { file: filename.slice(0, 200), province, rows: rows.length, createdAgencies: toCreate.size, fiscalYears },
        });
        return { rows: rows.length, createdAgencies: toCreate.size, savedResults: saved, fiscalYears };
      });
    },
  };
}
export type BulkImport = ReturnType<typeof bulkImport>;
