/**
 * Self-audit: fetches the agency's public OIT pages and the files they link, the way an
 * evaluator would — index, then each item's page, then each linked file — and reports what is
 * broken, slow, not HTTPS, of the wrong type or does not open.
 *
 * It only ever requests the one origin it is given (the built-in portal, read in process, or
 * the agency's own website through the platform's outbound fetch, which refuses every
 * non-public address), follows redirects only within it, and is bounded: a request
 * budget, a few requests at a time, a timeout each, and at most a few kilobytes read of any
 * file. Links to other sites are listed (with their HTTPS status) but not fetched, so the job
 * cannot be turned against third parties or the server's network.
 */
export interface AuditFinding {
  code: string;
  kind: 'index' | 'page' | 'file' | 'external';
  url: string;
  status: number | null;
  ms: number | null;
  ok: boolean;
  problem: string | null;
}

export interface AuditReport {
  baseUrl: string;
  year: number;
  requests: number;
  findings: AuditFinding[];
  /** Findings with a problem. */
  problems: AuditFinding[];
}

export type FetchLike = (url: string, init: { method: string; redirect: 'manual'; signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

export interface AuditOptions {
  baseUrl: string;
  slug: string;
  year: number;
  /** Every item code of the year's catalogue, in order. */
  codes: string[];
  /** How pages are fetched (in process for the built-in portal, the platform's outbound fetch otherwise). */
  fetchImpl: FetchLike;
  maxRequests?: number;
  concurrency?: number;
  timeoutMs?: number;
  slowMs?: number;
}

const FILE_TYPES: Record<string, (head: Uint8Array) => boolean> = {
  'application/pdf': (h) => Buffer.from(h.subarray(0, 5)).toString('latin1') === '%PDF-',
  'image/png': (h) => h[0] === 0x89 && h[1] === 0x50,
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8,
  'image/gif': (h) => Buffer.from(h.subarray(0, 4)).toString('latin1') === 'GIF8',
  'image/webp': (h) => Buffer.from(h.subarray(8, 12)).toString('latin1') === 'WEBP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (h) => h[0] === 0x50 && h[1] === 0x4b,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (h) => h[0] === 0x50 && h[1] === 0x4b,
};

/**
 * An HTTPS failure in words an officer can act on: the certificate is self-signed, expired, for
 * another name or from an unknown issuer (Node's TLS error codes), or the TLS handshake failed.
 * Null for any other error.
 */
export function tlsProblem(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code = String(e?.code ?? e?.cause?.code ?? '');
  const message = String(e?.message ?? '');
  if (!/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/.test(code) && !/certificate|SSL routines|TLS/i.test(message)) return null;
  return `HTTPS ผิดพลาด: ใบรับรองความปลอดภัยของเว็บไซต์ใช้ไม่ได้ (${(code || message).slice(0, 80)})`;
}

/** Reads at most `max` bytes of a body, then stops the download. */
async function readHead(res: Response, max: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  try {
    while (n < max) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      n += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, max);
}

export async function runSelfAudit(opts: AuditOptions): Promise<AuditReport> {
  const base = new URL(opts.baseUrl);
  const origin = base.origin;
  const fetchImpl = opts.fetchImpl;
  const budget = opts.maxRequests ?? 400;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const slowMs = opts.slowMs ?? 3_000;
  let requests = 0;
  const findings: AuditFinding[] = [];

  /** GET within the origin, following same-origin redirects (at most 5). */
  async function get(url: string, maxBytes: number): Promise<{ res: Response | null; body: Uint8Array; ms: number; problem: string | null }> {
    let current = url;
    const t0 = Date.now();
    for (let hop = 0; hop <= 5; hop++) {
      if (new URL(current).origin !== origin) return { res: null, body: new Uint8Array(), ms: Date.now() - t0, problem: `เปลี่ยนเส้นทางไปเว็บไซต์อื่น (${new URL(current).origin})` };
      if (requests >= budget) return { res: null, body: new Uint8Array(), ms: 0, problem: 'เกินจำนวนคำขอสูงสุดของการตรวจครั้งนี้ (ไม่ได้ตรวจ)' };
      requests++;
      try {
        const res = await fetchImpl(current, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Prongsai-OIT-self-audit/1' } });
        const location = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && location) {
          await res.body?.cancel().catch(() => undefined);
          current = new URL(location, current).toString();
          continue;
        }
        const body = await readHead(res, maxBytes);
        return { res, body, ms: Date.now() - t0, problem: null };
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
        const tls = tlsProblem(error);
        return { res: null, body: new Uint8Array(), ms: Date.now() - t0, problem: timedOut ? `ไม่ตอบสนองภายใน ${timeoutMs / 1000} วินาที` : (tls ?? `เชื่อมต่อไม่ได้ (${(error as Error).message})`) };
      }
    }
    return { res: null, body: new Uint8Array(), ms: Date.now() - t0, problem: 'เปลี่ยนเส้นทางซ้ำหลายครั้งเกินไป' };
  }

  function record(code: string, kind: AuditFinding['kind'], url: string, r: { res: Response | null; ms: number; problem: string | null }, extra: string | null = null): AuditFinding {
    const status = r.res?.status ?? null;
    let problem = r.problem ?? (status !== null && status >= 400 ? `เปิดไม่ได้ (HTTP ${status})` : extra);
    if (!problem && r.ms > slowMs) problem = `ช้า (${(r.ms / 1000).toFixed(1)} วินาที)`;
    const f: AuditFinding = { code, kind, url, status, ms: r.ms, ok: !problem, problem };
    findings.push(f);
    return f;
  }

  // Links and images: a photo that does not load is as broken as a link.
  const hrefs = (html: string) => [...html.matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const indexUrl = new URL(`/a/${opts.slug}/oit/${opts.year}`, base).toString();
  const index = await get(indexUrl, 2 * 1024 * 1024);
  const indexHtml = Buffer.from(index.body).toString('utf8');
  // The built-in portal on loopback is plain HTTP by nature; any other site must be HTTPS.
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname);
  const httpsNote = base.protocol !== 'https:' && !loopback ? 'เว็บไซต์ไม่ได้ใช้ HTTPS' : null;
  record('', 'index', indexUrl, index, httpsNote);
  const linked = new Set(hrefs(indexHtml).map((h) => new URL(h, indexUrl).pathname));

  // Item pages, a few at a time.
  const queue = [...opts.codes];
  const workers = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, 8)) }, async () => {
    for (let code = queue.shift(); code; code = queue.shift()) {
      const pageUrl = new URL(`/a/${opts.slug}/oit/${opts.year}/${code}`, base).toString();
      const page = await get(pageUrl, 2 * 1024 * 1024);
      const html = Buffer.from(page.body).toString('utf8');
      const notLinked = linked.has(new URL(pageUrl).pathname) ? null : 'หน้ารวมของปีไม่มีลิงก์มายังรายการนี้';
      const notPublished = /ยังไม่ได้เผยแพร่ข้อมูล|has not published/.test(html) ? 'ยังไม่เผยแพร่ข้อมูล' : null;
      record(code, 'page', pageUrl, page, notLinked ?? notPublished ?? httpsNote);
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>') + 1 || undefined);
      for (const href of new Set(hrefs(main))) {
        const target = new URL(href, pageUrl);
        if (target.protocol === 'tel:' || target.protocol === 'mailto:') continue;
        if (target.origin !== origin) {
          const https = target.protocol === 'https:';
          findings.push({ code, kind: 'external', url: target.toString(), status: null, ms: null, ok: https, problem: https ? null : 'ลิงก์ไม่ใช้ HTTPS' });
          continue;
        }
        if (!/\/(evidence|files)\//.test(target.pathname)) continue;
        const file = await get(target.toString(), 4096);
        const type = (file.res?.headers.get('content-type') ?? '').split(';')[0]!.trim();
        let problem: string | null = null;
        if (file.res && file.res.status < 400) {
          const opens = FILE_TYPES[type];
          if (!opens) problem = `ชนิดไฟล์ไม่ถูกต้อง (${type || 'ไม่ระบุ'})`;
          else if (!opens(file.body)) problem = 'ไฟล์เปิดไม่ได้ (เนื้อหาไม่ตรงกับชนิดไฟล์)';
        }
        record(code, 'file', target.toString(), file, problem);
      }
    }
  });
  await Promise.all(workers);
  const order = new Map(opts.codes.map((c, i) => [c, i]));
  findings.sort((a, b) => (order.get(a.code) ?? -1) - (order.get(b.code) ?? -1));
  return { baseUrl: origin, year: opts.year, requests, findings, problems: findings.filter((f) => !f.ok) };
}
