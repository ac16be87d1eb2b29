import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIntervalJob } from './interval-job.js';

describe('startIntervalJob', () => {
  afterEach(() => vi.useRealTimers());

  it('runs first after the delay, then at the interval, skips a tick while a run is slow, reports errors, stops', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    let release: (() => void) | undefined;
    const job = startIntervalJob({
      firstAfterMs: 100,
      everyMs: 1000,
      run: async () => {
        runs += 1;
        if (runs === 2) await new Promise<void>((resolve) => (release = resolve)); // the slow one
        if (runs === 3) throw new Error('boom');
      },
      onError: (e) => errors.push(e),
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(900); // t = 1000: second run starts and hangs
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(2000); // ticks at 2000 and 3000 are skipped
    expect(runs).toBe(2);
    release!();
    await vi.advanceTimersByTimeAsync(1000); // t = 4000: third run fails
    expect(runs).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
    job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
  });
});
