/**
 * A real Prongsai server for the complaint benches: a temp DATA_DIR with the demo agency (which
 * has a complaint key), `node --import tsx src/main.ts` on a free port — node itself, so SIGKILL
 * hits the server and not a wrapper. TRUST_PROXY lets each simulated reporter carry its own
 * X-Forwarded-For, so the per-address abuse limit applies per reporter as it would in production.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

export function prepareDataDir(): { dataDir: string; env: NodeJS.ProcessEnv } {
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-complaints-bench-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', TRUST_PROXY: 'true', NODE_ENV: 'development' };
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo'], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  return { dataDir, env };
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/a/demo/api/complaint-key`)).ok) return { child, url };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

let n = 0;
/** One anonymous JSON submission from its own (documentation-range) address. */
export function submit(url: string, description: string): Promise<Response> {
  n++;
  const ip = `198.51.${(n >> 8) & 255}.${n & 255}`;
  return fetch(`${url}/a/demo/api/corruption-reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ category: 'procurement', description, involvesExecutive: false }),
  });
}
