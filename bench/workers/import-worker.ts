/**
 * Child process of the import-8317 bench: reads one results file, parses it with the importer
 * the web upload uses (parseResultsCsv / parseResultsXlsx on the raw bytes), analyses every row,
 * and optionally stores every agency and its results into a fresh SQLite database. Prints the
 * phase timings and memory on its result line.
 *
 *   node --import tsx bench/workers/import-worker.ts FILE csv|xlsx [--store DB_FILE]
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadShippedCatalogues } from '../../src/modules/catalogue/shipped.js';
import { parseResultsCsv, parseResultsXlsx, type ResultsRow } from '../../src/modules/ita-results/domain/results-table.js';
import { analyze } from '../../src/modules/ita-results/domain/analysis.js';
import { openDatabase, migrateToLatest } from '../../src/db/index.js';
import type { NewAgencyRow } from '../../src/modules/agencies/tables.js';
import type { ItaResultRow } from '../../src/modules/ita-results/tables.js';
import { printResult } from '../lib/child.js';
import { cpuMs, maxRssMb, msSince, rssMb } from '../lib/stats.js';

const [file, format, ...rest] = process.argv.slice(2);
const storeAt = rest[0] === '--store' ? rest[1] : undefined;
if (!file || (format !== 'csv' && format !== 'xlsx')) {
  process.stderr.write('usage: import-worker.ts FILE csv|xlsx [--store DB_FILE]\n');
  process.exit(2);
}

// RSS sampled every 10 ms where the event loop lets it (the parse is mostly synchronous, so the
// kernel's peak, resourceUsage().maxRSS, is the number that counts).
let sampledPeak = rssMb();
const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, rssMb())), 10);

const phases: Record<string, number> = {};
const rss: Record<string, number> = {};
const mark = (name: string, start: bigint) => {
  phases[name] = msSince(start);
  rss[name] = rssMb();
};

let t = process.hrtime.bigint();
const catalogues = loadShippedCatalogues();
mark('loadCatalogues', t);
const rssBefore = rssMb();
const maxRssBefore = maxRssMb();

const work = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
t = process.hrtime.bigint();
const bytes = await readFile(file);
mark('read', t);

t = process.hrtime.bigint();
const parsed = format === 'csv' ? parseResultsCsv(bytes, catalogues) : await parseResultsXlsx(bytes, catalogues);
mark('parse', t);
if (!parsed.ok) {
  process.stderr.write(`import rejected: ${JSON.stringify(parsed.errors.slice(0, 5))}\n`);
  process.exit(1);
}
const rows: ResultsRow[] = parsed.rows;

t = process.hrtime.bigint();
let flagged = 0;
let passed = 0;
const levels: Record<string, number> = {};
for (const r of rows) {
  const a = analyze(catalogues.get(r.fiscalYear)!, r);
  if (a.flags.length > 0) flagged++;
  if (a.passed) passed++;
  levels[a.level.computed] = (levels[a.level.computed] ?? 0) + 1;
}
mark('analyse', t);
const parseAndAnalyseMs = msSince(work);
const parseAndAnalyseCpuMs = cpuMs(process.cpuUsage(cpuStart));
const maxRssAfterAnalyse = maxRssMb();

let store: { migrateMs: number; insertMs: number; agencies: number; results: number; dbBytes?: number } | undefined;
if (storeAt) {
  t = process.hrtime.bigint();
  const database = openDatabase({ kind: 'sqlite', file: storeAt });
  await migrateToLatest(database.db);
  const migrateMs = msSince(t);
  t = process.hrtime.bigint();
  const ts = new Date().toISOString();
  const agencyRows: NewAgencyRow[] = [];
  const resultRows: ItaResultRow[] = [];
  for (const r of rows) {
    const id = randomUUID();
    const name = r.agencyName ?? r.agencyCode ?? '';
    agencyRows.push({
      id,
      slug: `a${r.agencyCode ?? resultRows.length}`,
      name_th: name,
      name_en: null,
      agency_type: agencyType(name),
      province: 'ไม่ระบุ',
      address: null,
      phone: null,
      email: null,
      website_url: null,
      digits: 'thai',
      is_demo: 0,
      created_at: ts,
      updated_at: ts,
    });
    // The same row shape the results service stores (src/modules/ita-results/service.ts toRow).
    resultRows.push({
      id: randomUUID(),
      agency_id: id,
      fiscal_year: r.fiscalYear,
      official_score: r.official.score ?? null,
      official_level: r.official.level ?? null,
      indicators: JSON.stringify(r.indicators),
      questions: JSON.stringify(r.questions ?? {}),
      oit: JSON.stringify(r.oit ?? {}),
      updated_by: null,
      created_at: ts,
      updated_at: ts,
    });
  }
  // One transaction, multi-row inserts of 500 (well under SQLite's 32,766 bound parameters).
  await database.db.transaction().execute(async (tx) => {
    for (let i = 0; i < agencyRows.length; i += 500) await tx.insertInto('agencies').values(agencyRows.slice(i, i + 500)).execute();
    for (let i = 0; i < resultRows.length; i += 500) await tx.insertInto('ita_results').values(resultRows.slice(i, i + 500)).execute();
  });
  const insertMs = msSince(t);
  const [a] = await database.db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).execute();
  const [b] = await database.db.selectFrom('ita_results').select((eb) => eb.fn.countAll().as('n')).execute();
  await database.close();
  const { statSync } = await import('node:fs');
  store = { migrateMs, insertMs, agencies: Number(a!.n), results: Number(b!.n), dbBytes: statSync(storeAt).size };
}

clearInterval(sampler);
printResult({
  rows: rows.length,
  bytes: bytes.length,
  flagged,
  passed,
  levels,
  phases,
  rss,
  parseAndAnalyseMs,
  parseAndAnalyseCpuMs,
  rssBeforeMb: rssBefore,
  maxRssBeforeMb: maxRssBefore,
  maxRssAfterAnalyseMb: maxRssAfterAnalyse,
  maxRssMb: maxRssMb(),
  sampledPeakMb: sampledPeak,
  store,
});

function agencyType(name: string): string {
  if (name.startsWith('องค์การบริหารส่วนตำบล')) return 'sao';
  if (name.startsWith('องค์การบริหารส่วนจังหวัด')) return 'pao';
  if (name.startsWith('เทศบาลตำบล')) return 'subdistrict_municipality';
  if (name.startsWith('เทศบาลเมือง')) return 'town_municipality';
  if (name.startsWith('เทศบาลนคร')) return 'city_municipality';
  return 'other';
}
