/**
 * A background job of this process: first run a little after start, then at a fixed interval,
 * never two runs at once (a slow run makes the next tick skip). Timers are unref'd so they never
 * keep a finishing process alive. Jobs that must run once across instances claim their work in
 * the database themselves (see the calendar's reminder claims).
 */
export interface IntervalJob {
  stop(): void;
}

export function startIntervalJob(opts: { firstAfterMs: number; everyMs: number; run: () => Promise<unknown>; onError?: (e: unknown) => void }): IntervalJob {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await opts.run();
    } catch (error) {
      opts.onError?.(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), opts.firstAfterMs);
  const timer = setInterval(() => void tick(), opts.everyMs);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
