/**
 * What the request log may show. Secrets must never reach logs: the one-time setup token, CSRF
 * tokens and anything password-like are cut out of logged URLs (query values), and cookies and
 * authorization headers are redacted by pino.
 */
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = /^(token|_csrf|csrf|password|pass|secret|code|otp|key|api_key|access_token)$/i;

/** Paths whose segment after the prefix is a one-time secret (an invitation link's token). */
const SECRET_PATHS = /^(\/invite\/)[^/?#]+/;

/**
 * `/setup?token=abc&lang=th` → `/setup?token=[redacted]&lang=th`;
 * `/invite/abc` → `/invite/[redacted]`.
 */
export function redactUrl(raw: string): string {
  const url = raw.replace(SECRET_PATHS, '$1[redacted]');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** Pino options every server logger gets (merged into what the caller passes). */
export function loggerOptions(base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
    },
  };
}
