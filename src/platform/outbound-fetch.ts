/**
 * The only way the server fetches a URL from outside (self-audit of an agency's own website,
 * link checks, a daily watch, API clients): a fetch that reaches public internet addresses only.
 *
 * For every hop (the first request and each redirect, which are followed here by hand):
 * - http and https only, no credentials in the URL, never the product's own public origin;
 * - the host is resolved once and EVERY address it resolves to must be public — loopback,
 *   private, link-local (cloud metadata 169.254.169.254 / fd00:ec2::254), CGNAT, multicast,
 *   reserved and documentation ranges are refused, for IPv4 and IPv6, as are IPv4-mapped,
 *   IPv4-compatible, NAT64 and 6to4 IPv6 forms that could smuggle an internal IPv4 address;
 * - the connection is pinned to the address that was checked (a custom `lookup`), so a second
 *   DNS answer cannot swap in an internal address between check and connect (DNS rebinding);
 *   TLS still verifies the certificate against the host name.
 *
 * Tests reach a listener on 127.0.0.1 only through `allowPrivate`, a list of CIDR ranges the
 * caller passes in code (buildTestApp sets it on its Config); no environment variable can set
 * it, so a production deployment cannot open it by accident.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

export interface OutboundPolicy {
  /** Origins of the product itself (its public base URL): never fetched over HTTP. */
  selfOrigins: readonly string[];
  /** Test-only: CIDR ranges ("127.0.0.1/32") allowed although not public. Never from the environment. */
  allowPrivate?: readonly string[];
}

export interface OutboundInit {
  /** GET or HEAD only: the server never sends data out this way. */
  method?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Redirects followed (each one checked like the first request); default 5. */
  maxRedirects?: number;
}

/** Why a fetch was not made; `message` is Thai, for officers' reports. */
export class OutboundRefused extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const V6_BLOCKED: [string, number][] = [
  ['::', 96], // unspecified, loopback (::1), IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64 (embeds an IPv4 address)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds an IPv4 address)
  ['fc00::', 7], // unique local (includes fd00:ec2::254, cloud metadata)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

// Two lists: a BlockList compares an IPv4 address with its IPv6 rules as ::ffff:a.b.c.d, so the
// ::ffff:0:0/96 rule would otherwise catch every IPv4 address.
const blockedV4 = new BlockList();
for (const [net, prefix] of V4_BLOCKED) blockedV4.addSubnet(net, prefix, 'ipv4');
const blockedV6 = new BlockList();
for (const [net, prefix] of V6_BLOCKED) blockedV6.addSubnet(net, prefix, 'ipv6');

/** The test allowance as a predicate; each family only against its own rules (see above). */
function allowList(ranges: readonly string[] | undefined): (address: string) => boolean {
  if (!ranges?.length) return () => false;
  const lists = { 4: new BlockList(), 6: new BlockList() };
  for (const r of ranges) {
    const [net, prefix] = r.split('/');
    const family = isIP(net ?? '') === 6 ? 6 : 4;
    lists[family].addSubnet(net!, Number(prefix ?? (family === 6 ? 128 : 32)), family === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => {
    const family = isIP(address);
    return family === 4 ? lists[4].check(address, 'ipv4') : family === 6 ? lists[6].check(address, 'ipv6') : false;
  };
}

/** Whether an IP address (v4 or v6 literal) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !blockedV4.check(address, 'ipv4') : !blockedV6.check(address, 'ipv6');
}

/** A URL host as an address literal: "[::1]" → "::1". */
const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

async function resolvePublic(url: URL, policy: OutboundPolicy): Promise<{ address: string; family: 4 | 6 }> {
  const host = bareHost(url.hostname);
  const allowed = allowList(policy.allowPrivate);
  const ok = (a: string) => isPublicAddress(a) || allowed(a);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch {
      throw new OutboundRefused(`ไม่พบชื่อโดเมน ${host.slice(0, 100)}`, url.toString());
    }
  }
  if (addresses.length === 0) throw new OutboundRefused(`ไม่พบชื่อโดเมน ${host.slice(0, 100)}`, url.toString());
  // Every answer must be public: a name that also resolves inside the network is refused whole.
  const inner = addresses.find((a) => !ok(a.address));
  if (inner) throw new OutboundRefused(`ไม่อนุญาตให้เชื่อมต่อไปยังที่อยู่ภายในเครือข่าย (${host.slice(0, 100)})`, url.toString());
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function checkUrl(raw: string, policy: OutboundPolicy): URL {
  if (!URL.canParse(raw)) throw new OutboundRefused('ที่อยู่เว็บไซต์ไม่ถูกต้อง', raw);
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused('รับเฉพาะลิงก์ http:// หรือ https://', raw);
  if (url.username || url.password) throw new OutboundRefused('ลิงก์ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่าน', raw);
  const self = policy.selfOrigins.map((o) => (URL.canParse(o) ? new URL(o).origin : o));
  if (self.includes(url.origin)) throw new OutboundRefused('ไม่เรียกระบบนี้เองผ่านเครือข่าย', raw);
  return url;
}

/** One request to an already checked address; the response body is a web stream. */
function request(url: URL, pinned: { address: string; family: 4 | 6 }, init: OutboundInit): Promise<Response> {
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, lookup, signal: init.signal, agent: false, servername: isIP(bareHost(url.hostname)) ? undefined : url.hostname },
      (res) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        const status = res.statusCode ?? 502;
        const noBody = status === 204 || status === 304 || init.method === 'HEAD';
        if (noBody) res.resume();
        resolve(new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status: status < 200 || status > 599 ? 502 : status, headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET (or HEAD) `url` under the policy. Redirects are followed by hand, each target checked and
 * pinned like the first; a 3xx is returned as is once `maxRedirects` is reached. Refusals throw
 * OutboundRefused (Thai message); network errors and timeouts throw as `fetch` would.
 */
export async function outboundFetch(url: string, policy: OutboundPolicy, init: OutboundInit = {}): Promise<Response & { finalUrl: string }> {
  if (init.method && init.method !== 'GET' && init.method !== 'HEAD') throw new OutboundRefused('ส่งได้เฉพาะคำขอ GET หรือ HEAD', url);
  let current = checkUrl(url, policy);
  const maxRedirects = init.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const pinned = await resolvePublic(current, policy);
    const res = await request(current, pinned, init);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location && hop < maxRedirects) {
      await res.body?.cancel().catch(() => undefined);
      current = checkUrl(new URL(location, current).toString(), policy);
      continue;
    }
    return Object.assign(res, { finalUrl: current.toString() });
  }
}

/** A `fetch`-shaped function bound to a policy, for code written against fetch (redirects stay manual). */
export function outboundFetcher(policy: OutboundPolicy) {
  return (url: string, init: OutboundInit = {}) => outboundFetch(url, policy, { ...init, maxRedirects: init.maxRedirects ?? 0 });
}
