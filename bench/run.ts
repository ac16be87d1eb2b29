/**
 * Prongsai benchmarks: prints numbers, never asserts (a MISS is information, not a failure).
 *
 *   npm run bench                        # every bench, in order
 *   npm run bench -- --only pdf          # one bench (repeat --only, or give a comma list)
 *   npm run bench -- --list              # names and what each measures
 *   npm run bench -- --json              # also print the results as JSON
 *   npm run bench -- --wait-idle [S]     # before each bench wait (≤ S s, default 120) for an idle CPU
 *
 * Bench-specific options are passed through, e.g. `--only oit-public --duration 10 --connections 50
 * --path /a/demo/ita/2565/measures`. Each bench runs in a child process of its own (fresh heap,
 * its own peak RSS); see bench/README.md.
 */
import os from 'node:os';
import { BENCHES } from './lib/registry.js';
import { benchFile, forkTs, nextMessage, waitExit } from './lib/child.js';
import { renderNotes, renderTable, type BenchResult } from './lib/report.js';
import { waitForIdle } from './lib/machine.js';

const argv = process.argv.slice(2);
const only: string[] = [];
const passThrough: string[] = [];
let json = false;
let list = false;
let waitIdle = 0;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--only') only.push(...(argv[++i] ?? '').split(',').filter(Boolean));
  else if (a.startsWith('--only=')) only.push(...a.slice(7).split(',').filter(Boolean));
  else if (a === '--json') json = true;
  else if (a === '--list') list = true;
  else if (a === '--wait-idle') waitIdle = Number(argv[i + 1] && /^\d+$/.test(argv[i + 1]!) ? argv[++i] : 120);
  else passThrough.push(a);
}

if (list) {
  for (const b of BENCHES) process.stdout.write(`${b.name.padEnd(14)} ${b.summary}\n`);
  process.exit(0);
}
const unknown = only.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})\n`);
  process.exit(2);
}
const selected = BENCHES.filter((b) => only.length === 0 || only.includes(b.name));

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stderr.write(
  `Prongsai benchmarks — node ${process.version}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}\n`,
);

const results: BenchResult[] = [];
for (const b of selected) {
  process.stderr.write(`\n▶ ${b.name}: ${b.summary}\n`);
  if (waitIdle > 0) {
    const { idle, waitedS } = await waitForIdle(waitIdle);
    process.stderr.write(`  waited ${waitedS.toFixed(0)} s for an idle machine (CPU idle ${idle === undefined ? '?' : `${Math.round(idle * 100)} %`})\n`);
  }
  const started = Date.now();
  const child = forkTs(benchFile('lib/entry.ts'), [b.name, ...passThrough], { inheritStderr: true });
  let result: BenchResult;
  try {
    result = await nextMessage(child, (m): m is BenchResult => typeof m === 'object' && m !== null && 'status' in m, 30 * 60_000);
  } catch (error) {
    result = { name: b.name, status: 'error', reason: error instanceof Error ? error.message : String(error), rows: [] };
  }
  await waitExit(child);
  process.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s (${result.status})\n`);
  results.push(result);
}

process.stdout.write(`\n${renderTable(results)}\n`);
const notes = renderNotes(results);
if (notes) process.stdout.write(`\n${notes}\n`);
if (json) process.stdout.write(`\n${JSON.stringify(results, null, 2)}\n`);
