/**
 * Security headers (CSP, HSTS, Referrer-Policy, X-Content-Type-Options …) as @fastify/helmet
 * writes them, computed once at start-up and set on every response.
 *
 * Why not register @fastify/helmet on the app: the plugin rebuilds helmet's middleware from its
 * options on every request (parsing the CSP directives each time), which was about 8 % of the CPU
 * of a cached public page (profiled on the public OIT index, bench/oit-public.ts). Our options
 * are the same for every route and use no nonces, so the headers are the same for every response:
 * we let the plugin produce them once, on a throwaway instance, and copy them.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/** The headers @fastify/helmet adds to a response with these options (names lower-case). */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const headersOf = async (withHelmet: boolean): Promise<Record<string, string>> => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(fastifyHelmet, options);
    probe.get('/', async () => 'ok');
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  };
  const plain = await headersOf(false);
  const secured = await headersOf(true);
  const added = Object.entries(secured).filter(([name, value]) => plain[name] !== value && name !== 'date');
  if (!added.some(([name]) => name === 'content-security-policy')) throw new Error('helmet produced no Content-Security-Policy header');
  return Object.fromEntries(added);
}

/** Sets the precomputed security headers on every response of `app`. */
export async function installSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
