import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { turns } from './turns.js';

describe('turns', () => {
  it('lets at most n requests run at once, and a failed one gives its turn back', async () => {
    const app = Fastify();
    let running = 0;
    let most = 0;
    app.post<{ Body: { fail?: boolean } }>('/submit', { onRequest: turns(2) }, async (request) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (request.body?.fail) throw new Error('boom');
      return { ok: true };
    });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => app.inject({ method: 'POST', url: '/submit', payload: { fail: i % 3 === 0 } })));
    expect(answers.map((a) => a.statusCode)).toEqual([500, 200, 200, 500, 200, 200, 500, 200]);
    expect(most).toBe(2);
    // Every turn came back: another burst still gets through.
    const again = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'POST', url: '/submit', payload: {} })));
    expect(again.every((a) => a.statusCode === 200)).toBe(true);
    await app.close();
  });
});
