/** Headers for a file download with a Thai file name (RFC 6266 / RFC 5987). */
import type { FastifyReply } from 'fastify';

/** ASCII fallback for old clients: Thai letters become "_", the extension is kept. */
export function asciiFileName(name: string): string {
  const safe = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\/]/g, '_');
  return /[A-Za-z0-9]/.test(safe.replace(/\.[A-Za-z0-9]+$/, '')) ? safe : `document${/\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? ''}`;
}

export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function sendDownload(reply: FastifyReply, buffer: Buffer, contentType: string, fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): FastifyReply {
  return reply
    .type(contentType)
    .header('content-disposition', contentDisposition(fileName, disposition))
    .header('x-content-type-options', 'nosniff')
    .send(buffer);
}
