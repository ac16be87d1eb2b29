/**
 * page-digits: `localizeHtmlDigits`, which every page of a Thai-digit agency passes through in
 * `sendPage`, on a province-view-like table of 50 and of 900 agency rows (each row a link, a
 * province, a score, a count and an amount), 200 timed runs after 20 warm-ups. No target in an
 * issue; it shows what the whole-page pass adds to the largest staff page.
 */
import { localizeHtmlDigits } from '../src/shared/thai.js';
import { maxRssMb, summarize } from './lib/stats.js';
import { statRow, valueRow, type BenchDefinition } from './lib/report.js';
import { loadNote } from './lib/machine.js';

const RUNS = 200;
const WARMUP = 20;
const ROW = '<tr><td><a href="/a/town-12/oit/2569">เทศบาลตำบลตัวอย่าง 12</a></td><td>ศรีสะเกษ</td><td class="num">65.67</td><td>12/43</td><td class="num">1,234</td></tr>';

export const bench: BenchDefinition = {
  name: 'page-digits',
  title: 'a page in Thai digits (localizeHtmlDigits)',
  async run() {
    const rows = [];
    let sink = 0;
    for (const n of [50, 900]) {
      const html = `<main><table><tbody>${ROW.repeat(n)}</tbody></table><pre>PORT=3000</pre></main>`;
      for (let i = 0; i < WARMUP; i++) sink += localizeHtmlDigits(html, 'thai').length;
      const samples = new Float64Array(RUNS);
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        sink += localizeHtmlDigits(html, 'thai').length;
        samples[i] = Number(process.hrtime.bigint() - t) / 1e6;
      }
      rows.push(statRow(`${n} rows (${Math.round(html.length / 1024)} KB)`, 'ms', summarize(samples)));
    }
    rows.push(valueRow('peak RSS (bench process)', 'MB', maxRssMb()));
    return { name: 'page-digits', status: 'ok', rows, notes: [`checksum ${sink}; ${loadNote()}`] };
  },
};
