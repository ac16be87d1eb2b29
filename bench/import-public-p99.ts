/**
 * Public pages while a large vendor import runs (issue 7): p50/p99 of an anonymous public OIT page
 * alone (baseline), then while a 20,000-row import runs in the same process. Goal: p99 during the
 * import ≤ 200 ms. Prints numbers, never asserts. Standalone:
 *
 *   npx tsx bench/import-public-p99.ts [--rows 20000] [--dialect sqlite|postgres]
 *
 * Uses the test support (real app, real database, in-process requests), so it needs no port.
 */
import { TestClient, buildTestApp, setUpAgency } from '../test/support/app.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '20000'));
const dialect = arg('dialect', 'sqlite') as 'sqlite' | 'postgres';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function timeGets(visitor: TestClient, url: string, until: () => boolean, max: number): Promise<number[]> {
  const out: number[] = [];
  while (!until() && out.length < max) {
    const t0 = performance.now();
    const res = await visitor.get(url);
    out.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`public page answered ${res.statusCode}`);
  }
  return out;
}

const t = await buildTestApp(dialect);
try {
  const admin = await setUpAgency(t);
  const visitor = new TestClient(t.app);
  const url = '/a/test-town/oit/2565/O1';
  await timeGets(visitor, url, () => false, 20); // warm up
  const baseline = await timeGets(visitor, url, () => false, 300);
  await admin.get('/admin/oit/import');
  const csv = Buffer.from(['ปี,ข้อ,ชื่อ,ลิงก์', ...Array.from({ length: rows }, (_, i) => `2565,O${(i % 43) + 1},ลิงก์ ${i},https://x.go.th/${i}`)].join('\r\n'));
  let done = false;
  const t0 = performance.now();
  const upload = admin.upload('/admin/oit/import', {}, [{ field: 'upload', filename: 'vendor.csv', content: csv }]).finally(() => (done = true));
  const during = await timeGets(visitor, url, () => done, 100_000);
  const res = await upload;
  const importMs = performance.now() - t0;
  const line = (name: string, xs: number[]) => `${name.padEnd(22)} n=${String(xs.length).padStart(5)}  p50=${pct(xs, 50).toFixed(1)} ms  p99=${pct(xs, 99).toFixed(1)} ms  max=${Math.max(...xs).toFixed(1)} ms`;
  process.stdout.write(`public page ${url} on ${dialect}, import of ${rows} rows (${(csv.length / 1024).toFixed(0)} KB)\n`);
  process.stdout.write(`${line('baseline', baseline)}\n`);
  process.stdout.write(`${line('during import', during)}\n`);
  process.stdout.write(`import request answered ${res.statusCode} after ${importMs.toFixed(0)} ms (303 = continues in the background)\n`);
  process.stdout.write(`goal p99 during import ≤ 200 ms: ${pct(during, 99) <= 200 ? 'MET' : 'MISS'}\n`);
} finally {
  await t.close();
}
