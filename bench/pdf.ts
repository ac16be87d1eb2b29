/** pdf: the seed-size measures document as PDF, made in-process (target: median < 1 s, issue 2 §9). */
import { renderBench } from './lib/render-bench.js';
import type { BenchDefinition } from './lib/report.js';

export const bench: BenchDefinition = {
  name: 'pdf',
  title: 'measures document → PDF',
  run: (ctx) => renderBench('pdf', 'pdf', 1000, ctx),
};
