/**
 * Runs one bench in this (child) process and sends its result to the runner over IPC, so each
 * bench has a fresh heap and its own peak RSS. Usage (normally through bench/run.ts):
 *   node --import tsx bench/lib/entry.ts NAME [bench args…]
 */
import { loadBench } from './registry.js';
import type { BenchResult } from './report.js';
import { renderNotes, renderTable } from './report.js';
import { endChildren } from './child.js';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  process.stderr.write('usage: node --import tsx bench/lib/entry.ts NAME [args]\n');
  process.exit(2);
}

let result: BenchResult;
try {
  const bench = await loadBench(name);
  result = await bench.run({ args, log: (line) => process.stderr.write(`  [${name}] ${line}\n`) });
} catch (error) {
  result = { name, status: 'error', reason: error instanceof Error ? (error.stack ?? error.message) : String(error), rows: [] };
}
endChildren();

if (process.send) {
  process.send(result, () => process.exit(0));
} else {
  process.stdout.write(`${renderTable([result])}\n\n${renderNotes([result])}\n`);
  process.exit(0);
}
