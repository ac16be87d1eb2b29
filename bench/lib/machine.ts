/** The machine's load: on a shared 2-core box, wall times and tails follow the neighbours. */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function loadNote(): string {
  const [one, five] = os.loadavg();
  return `load average ${one!.toFixed(2)} / ${five!.toFixed(2)} (1 / 5 min) on ${os.cpus().length} CPUs at the end of the bench`;
}

/** Total and idle jiffies of all CPUs (Linux /proc/stat); undefined elsewhere. */
function cpuTimes(): { total: number; idle: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3]! + (v[4] ?? 0);
    return { total: v.reduce((a, b) => a + b, 0), idle };
  } catch {
    return undefined;
  }
}

/** Share of CPU time that was idle over the next `ms` milliseconds (0–1), or undefined. */
export async function idleShare(ms = 1000): Promise<number | undefined> {
  const a = cpuTimes();
  await sleep(ms);
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return undefined;
  return (b.idle - a.idle) / (b.total - a.total);
}

/**
 * Waits (at most `maxSeconds`) until the machine is mostly idle for two seconds in a row, so a
 * bench does not measure someone else's type check. Returns the idle share last seen.
 */
export async function waitForIdle(maxSeconds: number, threshold = 0.8): Promise<{ idle: number | undefined; waitedS: number }> {
  const start = Date.now();
  let calm = 0;
  let idle: number | undefined;
  while ((Date.now() - start) / 1000 < maxSeconds) {
    idle = await idleShare(1000);
    if (idle === undefined) break;
    calm = idle >= threshold ? calm + 1 : 0;
    if (calm >= 2) break;
  }
  return { idle, waitedS: (Date.now() - start) / 1000 };
}
