/**
 * import-8317: one file with 8,317 agencies' FY2565 results (CSV and XLSX, 134 columns, see
 * lib/generate-results.ts), parsed with the importer the upload uses and every row analysed, in
 * a child process of its own so its wall time and peak memory are the import's alone.
 * Targets (issue 2 §9): < 5 s and < 500 MB peak.
 *
 * Reported per format: the parse + analyse time measured inside the child (the target), the
 * child's whole life as the parent saw it (node + tsx start-up and module loading included), and
 * peak RSS (GNU time's "Maximum resident set size" when /usr/bin/time exists, else the child's own
 * getrusage peak). A third child also stores every agency and its results into a fresh SQLite
 * file — direct multi-row Kysely inserts into `agencies` and `ita_results` in one transaction,
 * without audit entries: the results service imports into one agency at a time (a file with
 * several agencies is rejected by `importFile` on purpose), so there is no nation-wide service path.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getShippedCatalogue } from '../src/modules/catalogue/shipped.js';
import { generateNationwideResults, NATIONWIDE_AGENCIES, toResultsCsv, writeResultsXlsx } from './lib/generate-results.js';
import { benchFile, hasGnuTime, runMeasured } from './lib/child.js';
import { valueRow, type BenchDefinition, type ResultRow } from './lib/report.js';
import { loadNote } from './lib/machine.js';
import { msSince } from './lib/stats.js';

interface WorkerResult {
  rows: number;
  bytes: number;
  flagged: number;
  passed: number;
  levels: Record<string, number>;
  phases: Record<string, number>;
  parseAndAnalyseMs: number;
  parseAndAnalyseCpuMs: number;
  rssBeforeMb: number;
  maxRssAfterAnalyseMb: number;
  maxRssMb: number;
  store?: { migrateMs: number; insertMs: number; agencies: number; results: number; dbBytes?: number };
}

const TIME_TARGET = { on: 'value' as const, op: '<' as const, value: 5000 };
const MEMORY_TARGET = { on: 'value' as const, op: '<' as const, value: 500 };

export const bench: BenchDefinition = {
  name: 'import-8317',
  title: 'nation-wide results file: parse + analyse (+ SQLite)',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-import-'));
    try {
      const catalogue = getShippedCatalogue(2565)!;
      let t = process.hrtime.bigint();
      const file = generateNationwideResults(catalogue, NATIONWIDE_AGENCIES);
      const csvPath = join(dir, 'results-fy2565-8317.csv');
      writeFileSync(csvPath, toResultsCsv(file));
      const xlsxPath = join(dir, 'results-fy2565-8317.xlsx');
      await writeResultsXlsx(file, xlsxPath);
      ctx.log(
        `generated ${file.rows.length} rows × ${file.header.length} columns in ${(msSince(t) / 1000).toFixed(1)} s: ` +
          `CSV ${(statSync(csvPath).size / 2 ** 20).toFixed(1)} MB, XLSX ${(statSync(xlsxPath).size / 2 ** 20).toFixed(1)} MB`,
      );

      const worker = benchFile('workers/import-worker.ts');
      const rows: ResultRow[] = [];
      const notes: string[] = [
        `${file.rows.length} rows × ${file.header.length} columns; ${file.stats.failedOitOutcomes} failed OIT outcomes with reasons, ` +
          `${file.stats.fullOitRows} rows with every OIT item, ${file.stats.wrongOfficial} rows with a wrong official total`,
        `peak RSS: ${hasGnuTime ? 'GNU time "Maximum resident set size" of the child (node + tsx, whole life)' : "the child's getrusage peak"}; ` +
          "'growth' = that peak minus the child's RSS after start-up and catalogue loading",
      ];
      for (const format of ['csv', 'xlsx'] as const) {
        t = process.hrtime.bigint();
        const run = await runMeasured<WorkerResult>(worker, [format === 'csv' ? csvPath : xlsxPath, format]);
        const r = run.result;
        const peak = run.timeMaxRssMb ?? r.maxRssMb;
        ctx.log(`${format}: ${r.rows} rows, parse ${r.phases.parse!.toFixed(0)} ms, analyse ${r.phases.analyse!.toFixed(0)} ms, peak ${peak.toFixed(0)} MB`);
        rows.push(
          valueRow(`${format}: read + parse + analyse (in child)`, 'ms', r.parseAndAnalyseMs, TIME_TARGET),
          valueRow(`${format}: same, CPU time of the child`, 'ms', r.parseAndAnalyseCpuMs, undefined, format === 'csv' ? 'all threads (GC included); less sensitive than wall time to other processes' : undefined),
          valueRow(`${format}:   of which parse`, 'ms', r.phases.parse!),
          valueRow(`${format}:   of which analyse ${r.rows} rows`, 'ms', r.phases.analyse!),
          valueRow(`${format}: child process wall time (with start-up)`, 'ms', run.wallMs),
          valueRow(`${format}: peak RSS of the child`, 'MB', peak, MEMORY_TARGET),
          valueRow(`${format}: RSS growth over start-up`, 'MB', peak - r.rssBeforeMb),
        );
        notes.push(`${format}: ${r.rows} rows analysed, ${r.passed} pass, ${r.flagged} flagged, levels ${JSON.stringify(r.levels)}`);
      }

      const dbPath = join(dir, 'bench.sqlite');
      const run = await runMeasured<WorkerResult>(worker, [csvPath, 'csv', '--store', dbPath]);
      const s = run.result.store!;
      rows.push(
        valueRow(`sqlite: insert ${s.agencies} agencies + ${s.results} results`, 'ms', s.insertMs),
        valueRow('sqlite: migrations on a fresh file', 'ms', s.migrateMs),
        valueRow('sqlite: parse + analyse + migrate + insert', 'ms', run.result.parseAndAnalyseMs + s.migrateMs + s.insertMs),
        valueRow('sqlite: peak RSS of the child', 'MB', run.timeMaxRssMb ?? run.result.maxRssMb, MEMORY_TARGET),
      );
      notes.push(
        `sqlite: one transaction, multi-row inserts of 500; database file ${((s.dbBytes ?? 0) / 2 ** 20).toFixed(1)} MB; ` +
          'no audit rows (importFile is per agency and rejects other agencies\' rows)',
        loadNote(),
      );
      return { name: 'import-8317', status: 'ok', rows, notes };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
