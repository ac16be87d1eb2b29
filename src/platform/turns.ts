/**
 * Turns for a kind of heavy request (citizen submissions): at most `n` are handled at once, the
 * others wait before their body is parsed, and a waiting one starts on a later turn of the event
 * loop (setImmediate), never in the same microtask run as the one that finished.
 *
 * Why: on SQLite a whole submission (validation, transaction, commit, response) runs without
 * yielding — every query resolves at once — so a burst of 20 submissions used to be handled back
 * to back while a public page request that arrived meanwhile waited for all of them (OIT page p99
 * 85–377 ms in bench/eservice-submit.ts). With turns, the event loop reads and answers the
 * requests that came in between two submissions. Submissions lose no throughput: the same work,
 * in a fairer order.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function turns(n: number): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else active--;
  };
  return async function takeTurn(request, reply) {
    if (active < n) active++;
    else await new Promise<void>((start) => waiting.push(start));
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      release();
    };
    // 'close' comes for an answered and for an abandoned request alike; 'finish' for the answer.
    reply.raw.once('finish', end);
    reply.raw.once('close', end);
    // A client that hung up while waiting had its 'close' before we listened: give the turn back
    // now, or each such client would keep one turn forever and submissions would stop.
    if (reply.raw.destroyed || request.raw.destroyed) end();
  };
}
