/**
 * CSRF for multipart forms without putting the token in the URL (where it would reach logs,
 * history and Referer headers). Every multipart form starts with its hidden `_csrf` field
 * (`<CsrfField>` first inside the form — browsers send fields in document order), so the token is
 * the first part of the body: this hook reads that one part before the route runs, checks it,
 * and hands the route the rest of the same stream — `request.parts()`, `request.file()` and
 * readMultipart continue after the token as if nothing had been read.
 *
 * Per-route multipart limits (a 5 MB import) are given as route config `multipartLimits`,
 * because the stream is opened here, before the handler.
 */
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Busboy limits of this route's multipart body (default: the platform's). */
    multipartLimits?: { fileSize?: number; files?: number; fields?: number };
  }
}

type Pull = () => Promise<{ type?: string; fieldname?: string; value?: unknown; file?: NodeJS.ReadableStream } | null>;

/** @fastify/multipart keeps its parser behind this (unexported) symbol on the request. */
function handlerSymbol(request: FastifyRequest): symbol | undefined {
  for (let proto = Object.getPrototypeOf(request); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertySymbols(proto).find((s) => s.description === 'multipartHandler');
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads the first part of a multipart body; returns the CSRF token if that part is the `_csrf`
 * field ('' otherwise) and leaves the request reading the remaining parts. A part that is not the
 * token is put back in front, so the route still sees it (the CSRF check will refuse anyway).
 */
export async function takeMultipartCsrf(request: FastifyRequest): Promise<string> {
  const key = handlerSymbol(request);
  if (!key) throw new Error('@fastify/multipart internals changed: multipart CSRF cannot read the body');
  const open = (request as unknown as Record<symbol, (opts?: unknown) => Pull>)[key]!;
  const limits = request.routeOptions.config?.multipartLimits;
  const pull = open.call(request, limits ? { limits } : undefined);
  const first = await pull();
  let pending = first && !(first.type === 'field' && first.fieldname === '_csrf') ? first : null;
  const rest: Pull = async () => {
    if (pending) {
      const p = pending;
      pending = null;
      return p;
    }
    return pull();
  };
  // Later calls (parts(), file(), files()) get the same stream, positioned after the token.
  Object.defineProperty(request, key, { value: () => rest, configurable: true, writable: true });
  return first && first.type === 'field' && first.fieldname === '_csrf' ? String(first.value ?? '') : '';
}
