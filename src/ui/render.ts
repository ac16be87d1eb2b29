/** Renders a Preact page to a complete HTML response. */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply } from 'fastify';
import { localizeHtmlDigits, showTypedNumbers } from '../shared/thai.js';

export function renderHtml(page: VNode<any>): string {
  return `<!doctype html>${renderToString(page)}`;
}

/**
 * Sends a page in the agency's digits as a whole (docs/adr/0011): numbers come from views,
 * services, the catalogue and what people typed, and no single helper can reach them all.
 * Attributes, form fields, scripts and `data-verbatim` codes stay as written; English pages and
 * Arabic-digit agencies are sent as rendered.
 */
export function sendPage(reply: FastifyReply, page: VNode<any>, status = 200): FastifyReply {
  const { locale, tenant, typedNumbers } = reply.request;
  const rendered = renderHtml(page);
  // Numbers typed in Thai digits were read in Arabic ones (platform/input-guard.ts); a form shown
  // back with errors gives the person what they typed.
  const html = typedNumbers ? showTypedNumbers(rendered, typedNumbers) : rendered;
  return reply.code(status).type('text/html; charset=utf-8').send(locale === 'th' ? localizeHtmlDigits(html, tenant?.digits ?? 'arabic') : html);
}
