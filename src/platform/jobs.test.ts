import { describe, expect, it } from 'vitest';
import { jobCountsByState, jobRegistry } from './jobs.js';

describe('job counts for /metrics', () => {
  it('counts this process’s jobs by state as they run, finish and fail', async () => {
    const before = jobCountsByState();
    const jobs = jobRegistry();
    let finish!: () => void;
    const running = await jobs.start('t', { agencyId: 'a', userId: 'u' }, () => new Promise<void>((resolve) => (finish = resolve)), 0);
    expect(running.state).toBe('running');
    expect(jobCountsByState().running).toBe(before.running + 1);
    await jobs.start('t', { agencyId: 'a', userId: 'u' }, async () => {
      throw new Error('boom');
    });
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobCountsByState()).toEqual({ running: before.running, done: before.done + 1, failed: before.failed + 1 });
  });
});
