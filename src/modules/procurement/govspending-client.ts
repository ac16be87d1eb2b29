/**
 * Client of the government spending API (`cgdcontract`, behind govspending.data.go.th, fed by
 * e-GP). The key comes from GOVSPENDING_API_KEY only: it is sent in the `api-key` request header
 * (never in the URL, so it cannot reach an access log through a query string) and no message,
 * error or log line built here contains it. Requests go through the platform's outbound fetch
 * (public addresses only), one at a time with a minimum gap between them (rate limit), and a
 * 429 or 5xx answer is retried a few times with back-off before the sync stops resumably.
 */
import { outboundFetch, OutboundRefused, type OutboundPolicy } from '../../platform/outbound-fetch.js';
import type { CgdContractRecord } from './domain/govspending.js';

export const GOVSPENDING_DEFAULT_BASE = 'https://opend.data.go.th/govspending';

export interface GovspendingOptions {
  apiKey: string;
  /** Default GOVSPENDING_DEFAULT_BASE; tests point it at a local server. */
  baseUrl?: string;
  policy: OutboundPolicy;
  /** Minimum gap between two requests (default 1,000 ms). */
  minIntervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type GovspendingFailure = 'auth' | 'rate' | 'server' | 'network' | 'format';

export class GovspendingError extends Error {
  constructor(
    message: string,
    readonly kind: GovspendingFailure,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'GovspendingError';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function govspendingClient(opts: GovspendingOptions) {
  const base = (opts.baseUrl ?? GOVSPENDING_DEFAULT_BASE).replace(/\/$/, '');
  const gap = opts.minIntervalMs ?? 1000;
  const sleep = opts.sleep ?? defaultSleep;
  const retries = opts.retries ?? 3;
  let last = 0;
  // Whatever a server or the network says, the key never survives into a message.
  const scrub = (s: string) => (opts.apiKey ? s.split(opts.apiKey).join('***') : s);

  async function once(url: string): Promise<Response> {
    const wait = last + gap - Date.now();
    if (wait > 0) await sleep(wait);
    last = Date.now();
    return outboundFetch(url, opts.policy, { headers: { 'api-key': opts.apiKey, accept: 'application/json', 'user-agent': 'Prongsai/1 (procurement summary)' }, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000), maxRedirects: 2 });
  }

  return {
    /** One page of contracts of an agency (dept_code) and budget year. */
    async page(q: { year: number; deptCode: string; offset: number; limit: number }): Promise<CgdContractRecord[]> {
      const params = new URLSearchParams({ year: String(q.year), dept_code: q.deptCode, offset: String(q.offset), limit: String(q.limit) });
      const url = `${base}/cgdcontract?${params}`;
      for (let attempt = 0; ; attempt++) {
        let res: Response;
        try {
          res = await once(url);
        } catch (error) {
          if (error instanceof OutboundRefused) throw new GovspendingError(scrub(error.message), 'network', null);
          if (attempt < retries) {
            await sleep(1000 * 2 ** attempt);
            continue;
          }
          throw new GovspendingError(scrub(`เชื่อมต่อระบบข้อมูลการใช้จ่ายภาครัฐไม่ได้ (${(error as Error).message})`), 'network', null);
        }
        if (res.status === 401 || res.status === 403) {
          await res.body?.cancel().catch(() => undefined);
          throw new GovspendingError('กุญแจ API (GOVSPENDING_API_KEY) ไม่ถูกต้อง หมดอายุ หรือถูกยกเลิก กรุณาขอกุญแจใหม่แล้วตั้งค่าอีกครั้ง', 'auth', res.status);
        }
        if (res.status === 429 || res.status >= 500) {
          await res.body?.cancel().catch(() => undefined);
          if (attempt < retries) {
            const after = Number(res.headers.get('retry-after'));
            await sleep(Math.min(60_000, Number.isFinite(after) && after > 0 ? after * 1000 : 1000 * 2 ** attempt));
            continue;
          }
          throw new GovspendingError(
            res.status === 429 ? 'ระบบข้อมูลการใช้จ่ายภาครัฐจำกัดจำนวนคำขอ (HTTP 429) กรุณาลองใหม่ภายหลัง ระบบจะทำต่อจากหน้าที่ค้างไว้' : `ระบบข้อมูลการใช้จ่ายภาครัฐขัดข้อง (HTTP ${res.status}) กรุณาลองใหม่ภายหลัง ระบบจะทำต่อจากหน้าที่ค้างไว้`,
            res.status === 429 ? 'rate' : 'server',
            res.status,
          );
        }
        if (res.status !== 200) {
          await res.body?.cancel().catch(() => undefined);
          throw new GovspendingError(`ระบบข้อมูลการใช้จ่ายภาครัฐตอบกลับ HTTP ${res.status}`, 'server', res.status);
        }
        let body: unknown;
        try {
          body = JSON.parse(await res.text());
        } catch {
          throw new GovspendingError('ระบบข้อมูลการใช้จ่ายภาครัฐตอบกลับข้อมูลที่ไม่ใช่ JSON', 'format', 200);
        }
        const result = (body as { result?: unknown } | null)?.result;
        if (!Array.isArray(result)) throw new GovspendingError('ข้อมูลจากระบบข้อมูลการใช้จ่ายภาครัฐไม่มีรายการ result', 'format', 200);
        return result as CgdContractRecord[];
      }
    },
  };
}
export type GovspendingClient = ReturnType<typeof govspendingClient>;
