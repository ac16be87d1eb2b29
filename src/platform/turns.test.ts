import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { request as httpRequest } from 'node:http';
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

  it('gives the turn back when a waiting client hangs up before its turn comes', async () => {
    const app = Fastify();
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    let calls = 0;
    app.post('/submit', { onRequest: turns(1) }, async () => {
      calls++;
      if (calls === 1) await firstHeld;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const post = () => fetch(`http://127.0.0.1:${port}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(5000) });
    const first = post();
    await new Promise((r) => setTimeout(r, 50));
    // A second client waits for the turn, then hangs up.
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/submit', headers: { 'content-type': 'application/json' } });
      req.on('error', () => resolve());
      req.end('{}');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    await new Promise((r) => setTimeout(r, 50));
    releaseFirst();
    expect((await first).status).toBe(200);
    // The hung-up request's turn must not be lost: a third client is still served.
    expect((await post()).status).toBe(200);
    await app.close();
  });
});
