/**
 * Submissions per second with encryption (argon2id receipt wrap, sealed box, secretbox, Ed25519,
 * SQLite commit) on this machine, while a second client keeps loading the public OIT page and
 * records its latency. Target: ≥ 100 submissions/s on 2 cores with OIT p99 < 50 ms.
 *   npx tsx bench/complaints/throughput.ts [--n 2000] [--concurrency 16] [--oit-rps 20]
 */
import { rmSync } from 'node:fs';
import { prepareDataDir, startServer, submit } from './server.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 2000);
const C = arg('concurrency', 16);
const OIT_RPS = arg('oit-rps', 20);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

const { dataDir, env } = prepareDataDir();
const { child, url } = await startServer(env);
// Warm up both paths.
for (let i = 0; i < 20; i++) await submit(url, `อุ่นเครื่อง ${i} รายงานทดสอบ`);
for (let i = 0; i < 20; i++) await (await fetch(`${url}/a/demo/oit/2565`)).arrayBuffer();

async function oitAlone(seconds: number): Promise<number[]> {
  const lat: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const t0 = performance.now();
    await (await fetch(`${url}/a/demo/oit/2565`)).arrayBuffer();
    lat.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 1000 / OIT_RPS));
  }
  return lat;
}
const baseline = await oitAlone(3);

let done = false;
const oitLat: number[] = [];
const oitLoop = (async () => {
  while (!done) {
    const t0 = performance.now();
    await (await fetch(`${url}/a/demo/oit/2565`)).arrayBuffer();
    oitLat.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 1000 / OIT_RPS));
  }
})();
// The server's own CPU time (all threads, argon2's pool included) from /proc: on a shared machine
// the wall-clock rate depends on the neighbours; CPU per submission does not.
const { readFileSync } = await import('node:fs');
const cpuSeconds = () => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const cpu0 = cpuSeconds();
let next = 0;
let ok = 0;
const subLat: number[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: C }, async () => {
    while (next < N) {
      const i = next++;
      const s = performance.now();
      const res = await submit(url, `รายงานทดสอบปริมาณงานหมายเลข ${i} มีการเรียกรับเงิน`);
      await res.arrayBuffer();
      if (res.status === 201) ok++;
      subLat.push(performance.now() - s);
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const serverCpu = cpuSeconds() - cpu0;
done = true;
await oitLoop;
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
const r = (x: number) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify(
    {
      submissions: N,
      accepted: ok,
      concurrency: C,
      seconds: r(seconds),
      submissionsPerSecond: r(ok / seconds),
      submissionLatencyMs: { p50: r(pct(subLat, 50)), p95: r(pct(subLat, 95)), p99: r(pct(subLat, 99)) },
      oitPageAloneMs: { n: baseline.length, p50: r(pct(baseline, 50)), p99: r(pct(baseline, 99)) },
      oitPageDuringSubmissionsMs: { n: oitLat.length, p50: r(pct(oitLat, 50)), p95: r(pct(oitLat, 95)), p99: r(pct(oitLat, 99)) },
      serverCpuMsPerSubmission: r((serverCpu * 1000) / Math.max(1, ok)),
      // What two idle cores would sustain at that CPU cost (OIT reads take their share too).
      impliedSubmissionsPerSecondOn2IdleCores: r(2 / (serverCpu / Math.max(1, ok))),
      loadAverageAtEnd: (await import('node:os')).loadavg()[0],
      cpus: (await import('node:os')).cpus().length,
    },
    null,
    2,
  ),
);
