/**
 * startup: cold start to the first served page and idle memory, `tsx src/main.ts` (the former
 * `npm start`) against `node dist/main.js` (the production build), 5 starts each on a migrated
 * SQLite database with the demo agency. "First page" is the first 200 of `/a/demo` after spawn;
 * idle RSS is read from /proc after the page and 5 s of rest. Targets: < 1 s, < 120 MB (issue 14).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { summarize } from './lib/stats.js';
import { statRow, type BenchDefinition, type ResultRow } from './lib/report.js';
import { loadNote } from './lib/machine.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 5;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

async function startOnce(command: string[], env: NodeJS.ProcessEnv): Promise<{ firstPageMs: number; idleMb: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/a/demo`);
        if (res.status === 200) {
          await res.arrayBuffer();
          break;
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 60_000) throw new Error('no page within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const firstPageMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5000));
    return { firstPageMs, idleMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** The node flags of package.json's `start` script, so the bench measures what production runs. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /^node\s+(.*?)\s*dist\/main\.js$/.exec(start);
  if (!m) throw new Error(`package.json start script is not "node [flags] dist/main.js": ${start}`);
  return m[1] ? m[1].split(/\s+/) : [];
}

export const bench: BenchDefinition = {
  name: 'startup',
  title: 'cold start to first page and idle RSS: tsx vs compiled',
  async run(ctx) {
    if (!existsSync(join(ROOT, 'dist', 'main.js'))) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-start-'));
    try {
      const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', REMINDER_INTERVAL_MINUTES: '0' };
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo'], { cwd: ROOT, env, stdio: 'ignore' });
      const rows: ResultRow[] = [];
      const variants: [string, string[]][] = [
        ['tsx src/main.ts', [process.execPath, '--import', 'tsx', 'src/main.ts']],
        // As `npm start` runs it (package.json), flags included.
        ['npm start (node dist/main.js)', [process.execPath, ...startFlags(), 'dist/main.js']],
      ];
      for (const [label, command] of variants) {
        const first: number[] = [];
        const idle: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await startOnce(command, env);
          first.push(r.firstPageMs);
          idle.push(r.idleMb);
          ctx.log(`${label}: run ${i + 1} first page ${r.firstPageMs.toFixed(0)} ms, idle ${r.idleMb.toFixed(1)} MB`);
        }
        const compiled = label.startsWith('npm start');
        rows.push(statRow(`${label}: spawn → first page /a/demo`, 'ms', summarize(Float64Array.from(first)), compiled ? { on: 'median', op: '<', value: 1000 } : undefined));
        rows.push(statRow(`${label}: idle RSS after 5 s`, 'MB', summarize(Float64Array.from(idle)), compiled ? { on: 'median', op: '<', value: 120 } : undefined));
      }
      return { name: 'startup', status: 'ok', rows, notes: [`${RUNS} cold starts each on one migrated SQLite file with the demo agency; ${loadNote()}`] };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
