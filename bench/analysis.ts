/**
 * analysis: `analyze()` on the FY2565 seed (10 indicators, 10 failed OIT items, two years of
 * history), 1,000 timed calls after 200 warm-up calls. Each call is timed on its own with the
 * nanosecond clock. No target in the issue; the number shows the analysis is never the
 * bottleneck of a page or an import.
 */
import { analyze } from '../src/modules/ita-results/domain/analysis.js';
import { loadSeed, SEED_HISTORY } from './lib/seed.js';
import { cpuMs, maxRssMb, summarize } from './lib/stats.js';
import { statRow, valueRow, type BenchDefinition } from './lib/report.js';
import { loadNote } from './lib/machine.js';

const RUNS = 1000;
const WARMUP = 200;

export const bench: BenchDefinition = {
  name: 'analysis',
  title: 'analyze() on the seed',
  async run() {
    const seed = loadSeed();
    let sink = 0;
    for (let i = 0; i < WARMUP; i++) sink += analyze(seed.catalogue, seed.input, SEED_HISTORY).total.computed;
    const samples = new Float64Array(RUNS);
    const cpuStart = process.cpuUsage();
    const all = process.hrtime.bigint();
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      sink += analyze(seed.catalogue, seed.input, SEED_HISTORY).total.computed;
      samples[i] = Number(process.hrtime.bigint() - t) / 1e3;
    }
    const totalMs = Number(process.hrtime.bigint() - all) / 1e6;
    const cpuTotal = cpuMs(process.cpuUsage(cpuStart));
    const check = analyze(seed.catalogue, seed.input, SEED_HISTORY);
    return {
      name: 'analysis',
      status: 'ok',
      rows: [
        statRow('analyze(seed) per call', 'µs', summarize(samples)),
        valueRow(`${RUNS} calls, total wall time`, 'ms', totalMs),
        valueRow(`${RUNS} calls, CPU time per call`, 'µs', (cpuTotal * 1000) / RUNS, undefined, 'process CPU time / calls: includes GC, less sensitive to other processes'),
        valueRow('peak RSS (bench process)', 'MB', maxRssMb()),
      ],
      notes: [
        `sanity: computed total ${check.total.computed}, level ${check.level.computed} (checksum ${sink.toFixed(2)})`,
        `${RUNS} timed calls after ${WARMUP} warm-ups; tails (p99, max) on a shared machine are mostly scheduling and GC, the median is the number; ${loadNote()}`,
      ],
    };
  },
};
