/**
 * Shared body of the docx and pdf benches: the seed-size measures document (seed → analysis →
 * drafted plan → model) rendered 20 times after 2 warm-ups. Two timings per run:
 * - render: `renderDocument(model, format)` alone (the model built once);
 * - end to end: analysis + plan + model + render, what a download costs minus the database.
 * The target applies to the end-to-end median (the stricter of the two).
 */
import { renderDocument, type DocumentFormat } from '../../src/modules/documents/service.js';
import { loadSeed, seedDocumentModel } from './seed.js';
import { cpuMs, maxRssMb, msSince, summarize } from './stats.js';
import { statRow, valueRow, type BenchContext, type BenchResult } from './report.js';
import { loadNote } from './machine.js';

const RUNS = 20;
const WARMUP = 2;

export async function renderBench(name: string, format: DocumentFormat, targetMs: number, ctx: BenchContext): Promise<BenchResult> {
  const seed = loadSeed();
  const model = seedDocumentModel(seed);
  const firstStart = process.hrtime.bigint();
  const first = await renderDocument(model, format);
  const firstMs = msSince(firstStart);
  for (let i = 1; i < WARMUP; i++) await renderDocument(model, format);

  const render: number[] = [];
  const endToEnd: number[] = [];
  const cpu: number[] = [];
  let bytes = first.buffer.length;
  for (let i = 0; i < RUNS; i++) {
    let t = process.hrtime.bigint();
    const out = await renderDocument(model, format);
    render.push(msSince(t));
    t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const again = await renderDocument(seedDocumentModel(seed), format);
    endToEnd.push(msSince(t));
    cpu.push(cpuMs(process.cpuUsage(c)));
    bytes = Math.max(bytes, out.buffer.length, again.buffer.length);
  }
  ctx.log(`${format}: ${bytes.toLocaleString('en-US')} bytes`);
  const target = { on: 'median' as const, op: '<' as const, value: targetMs };
  return {
    name,
    status: 'ok',
    rows: [
      statRow(`${format} end to end (analyse→plan→model→render)`, 'ms', summarize(endToEnd), target),
      statRow(`${format} end to end, CPU time (all threads)`, 'ms', summarize(cpu), undefined, 'less sensitive than wall time to other processes on the machine'),
      statRow(`${format} render only`, 'ms', summarize(render)),
      valueRow('first render (cold: fonts, code)', 'ms', firstMs),
      valueRow('output size', 'KB', bytes / 1024),
      valueRow('peak RSS (bench process)', 'MB', maxRssMb()),
    ],
    notes: [`${RUNS} timed runs after ${WARMUP} warm-ups (the first of which is the cold render above); ${loadNote()}`],
  };
}
