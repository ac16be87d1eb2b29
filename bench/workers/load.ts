/**
 * Load generator child (autocannon-like, written here): `connections` keep-alive connections,
 * each sending the next GET as soon as the previous response has been read, for a warm-up
 * (discarded) and then `duration` seconds; loopback only. Latency is per request, from write to
 * the end of the body. Sends {type:'load-result', …} over IPC.
 *
 *   node --import tsx bench/workers/load.ts URL CONNECTIONS DURATION_S [WARMUP_S] [JSON_BODY]
 *
 * With JSON_BODY every request is a POST of that body (application/json) instead of a GET.
 */
import http from 'node:http';
import { summarize } from '../lib/stats.js';

const [url, connArg, durArg, warmArg, jsonBody] = process.argv.slice(2);
const target = new URL(url!);
if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error('load generator is for loopback only');
const connections = Number(connArg ?? 50);
const durationMs = Number(durArg ?? 5) * 1000;
const warmupMs = Number(warmArg ?? 1) * 1000;

const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
const latencies: number[] = [];
const status: Record<string, number> = {};
let errors = 0;
let bytes = 0;
let measuring = false;
let stopping = false;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const body = jsonBody === undefined ? undefined : Buffer.from(jsonBody);
    const headers = body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {};
    const req = http.request({ method: body ? 'POST' : 'GET', hostname: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => {
        if (measuring) {
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          status[res.statusCode ?? 0] = (status[res.statusCode ?? 0] ?? 0) + 1;
          bytes += n;
        }
        resolve();
      });
      res.on('error', () => {
        if (measuring) errors++;
        resolve();
      });
    });
    req.on('error', () => {
      if (measuring) errors++;
      resolve();
    });
    req.end(body);
  });
}

async function loop(): Promise<void> {
  while (!stopping) await once();
}

const loops = Array.from({ length: connections }, loop);
await new Promise((r) => setTimeout(r, warmupMs));
measuring = true;
const t0 = process.hrtime.bigint();
await new Promise((r) => setTimeout(r, durationMs));
measuring = false;
const elapsedS = Number(process.hrtime.bigint() - t0) / 1e9;
stopping = true;
await Promise.all(loops);
agent.destroy();

const s = summarize(latencies);
const result = {
  type: 'load-result',
  url: target.pathname,
  connections,
  seconds: elapsedS,
  requests: latencies.length,
  rps: latencies.length / elapsedS,
  latency: { p50: s.median, p95: s.p95, p99: s.p99, min: s.min, max: s.max, mean: s.mean },
  status,
  errors,
  bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
};
process.send!(result, () => process.exit(0));
