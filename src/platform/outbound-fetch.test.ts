/**
 * The outbound fetch against real listeners on 127.0.0.1: refused by default, reachable only
 * with the test allowance, and redirects are checked hop by hop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundRefused, isPublicAddress, outboundFetch } from './outbound-fetch.js';

let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/to-mapped') return res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${port}/x` }).end();
    if (req.url === '/to-other-loopback') return res.writeHead(301, { location: `http://127.0.0.2:${port}/x` }).end();
    if (req.url === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/hop') return res.writeHead(302, { location: '/ok' }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.headers.host}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const none = { selfOrigins: ['https://prongsai.example.go.th'] };
const testOnly = { selfOrigins: ['https://prongsai.example.go.th'], allowPrivate: ['127.0.0.1/32'] };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:a00:1::', 'ff02::1', '::127.0.0.1',
  ])('refuses %s', (a) => expect(isPublicAddress(a)).toBe(false));
  it.each(['1.1.1.1', '203.150.1.1', '8.8.8.8', '2001:4860:4860::8888', '2606:4700::1111'])('allows %s', (a) => expect(isPublicAddress(a)).toBe(true));
  it('refuses what is not an address', () => expect(isPublicAddress('localhost')).toBe(false));
});

describe('outboundFetch', () => {
  it('refuses loopback, localhost names and IPv4-mapped IPv6 without making a request', async () => {
    const before = hits.length;
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`, `http://2130706433:${port}/`, `http://0x7f.1:${port}/`]) {
      await expect(outboundFetch(url, none), url).rejects.toBeInstanceOf(OutboundRefused);
    }
    expect(hits.length).toBe(before);
  });

  it('refuses other schemes, credentials in the URL and the product itself', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://x/', 'http://user:pw@example.com/', 'https://prongsai.example.go.th/a/x']) {
      await expect(outboundFetch(url, none), url).rejects.toBeInstanceOf(OutboundRefused);
    }
    await expect(outboundFetch('http://example.com/', none, { method: 'POST' })).rejects.toBeInstanceOf(OutboundRefused);
  });

  it('reaches an allowed test listener, pinned to the checked address, and follows a redirect within it', async () => {
    const res = await outboundFetch(`http://127.0.0.1:${port}/hop`, testOnly);
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`http://127.0.0.1:${port}/ok`);
    expect(await res.text()).toBe(`hello 127.0.0.1:${port}`);
  });

  it('checks every redirect: to another loopback address, to an IPv4-mapped address, to cloud metadata', async () => {
    for (const path of ['/to-other-loopback', '/to-mapped', '/to-metadata']) {
      const before = hits.length;
      await expect(outboundFetch(`http://127.0.0.1:${port}${path}`, testOnly), path).rejects.toBeInstanceOf(OutboundRefused);
      expect(hits.slice(before)).toEqual([path]);
    }
  });

  it('returns a redirect as is when no more redirects are allowed', async () => {
    const res = await outboundFetch(`http://127.0.0.1:${port}/hop`, testOnly, { maxRedirects: 0 });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/ok');
  });
});
