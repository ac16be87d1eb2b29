/**
 * Child processes for benches: TypeScript scripts run as `node --import tsx`, so each measured
 * piece of work gets a process of its own (its own heap, event loop and peak RSS). Every child
 * started here is remembered and ended by its pid when the bench process exits.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const benchFile = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

const TSX = ['--import', 'tsx'];
const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Ends the children this process started (by pid), e.g. on exit or after an error. */
export function endChildren(): void {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null && c.pid !== undefined) {
      try {
        process.kill(c.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}
process.once('exit', endChildren);

/** Forks a TypeScript script with an IPC channel. */
export function forkTs(
  file: string,
  args: string[] = [],
  opts: { execArgv?: string[]; env?: NodeJS.ProcessEnv; inheritStderr?: boolean } = {},
): ChildProcess {
  return track(
    fork(file, args, {
      cwd: REPO_DIR,
      execArgv: [...TSX, ...(opts.execArgv ?? [])],
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'inherit', opts.inheritStderr ? 'inherit' : 'pipe', 'ipc'],
    }),
  );
}

/** The next IPC message of a child that matches, or a rejection on exit/timeout. */
export function nextMessage<T>(child: ChildProcess, match: (m: unknown) => m is T, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onErr = (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000));
    child.stderr?.on('data', onErr);
    const timer = setTimeout(() => done(new Error(`child did not answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: unknown) => {
      if (match(m)) done(undefined, m);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`child exited (code ${code}, signal ${signal}) before answering${stderr ? `:\n${stderr.trim()}` : ''}`));
    function done(error?: Error, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.stderr?.off('data', onErr);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export function waitExit(child: ChildProcess, timeoutMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export const TIME_BIN = '/usr/bin/time';
export const hasGnuTime = existsSync(TIME_BIN);

export interface MeasuredRun<T> {
  /** The object the script printed after RESULT_MARKER. */
  result: T;
  /** Spawn to exit, as the parent saw it (includes node and tsx start-up). */
  wallMs: number;
  /** Peak RSS of the child from GNU time (kernel accounting), if /usr/bin/time exists. */
  timeMaxRssMb?: number;
}

export const RESULT_MARKER = '@@BENCH_RESULT ';

/**
 * Runs a TypeScript script to completion under /usr/bin/time -v (when present) and returns what
 * it printed on its RESULT_MARKER line. Throws with the tail of stderr if it fails.
 */
export async function runMeasured<T>(file: string, args: string[], execArgv: string[] = []): Promise<MeasuredRun<T>> {
  const nodeArgs = [...TSX, ...execArgv, file, ...args];
  const [cmd, cmdArgs] = hasGnuTime ? [TIME_BIN, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const start = process.hrtime.bigint();
  const child = track(spawn(cmd, cmdArgs, { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (code !== 0 || !line) {
    throw new Error(`${file} exited with code ${code}${stderr ? `:\n${stderr.trim().split('\n').slice(-15).join('\n')}` : ''}`);
  }
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return {
    result: JSON.parse(line.slice(RESULT_MARKER.length)) as T,
    wallMs,
    ...(m ? { timeMaxRssMb: Number(m[1]) / 1024 } : {}),
  };
}

/** For scripts run by runMeasured: prints the result line. */
export function printResult(value: unknown): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(value)}\n`);
}
