/** docx: the seed-size measures document as DOCX (target: median < 200 ms, issue 2 §9). */
import { renderBench } from './lib/render-bench.js';
import type { BenchDefinition } from './lib/report.js';

export const bench: BenchDefinition = {
  name: 'docx',
  title: 'measures document → DOCX',
  run: (ctx) => renderBench('docx', 'docx', 200, ctx),
};
