/**
 * upload-100mb: peak memory of the server while a 100 MB file streams through the real OIT
 * evidence upload (issue 3 "Tests and numbers"). The server (real app, temp SQLite, demo agency)
 * runs in a child process that samples its own RSS every 5 ms; this process signs in through the
 * login form, reads the upload form from the OIT item page (its action, hidden and default
 * fields, the file field's name), and streams a generated file from disk as multipart/form-data
 * with a Content-Length, so neither side buffers the whole body.
 *
 * The file is a PDF by its magic bytes ("%PDF-1.7" header, random body, "%%EOF" trailer): the
 * store detects the type from content, and files above the text-extraction bound are stored
 * without being parsed. Size: 100,000,000 bytes (under MAX_UPLOAD_MB's 100 MiB); --mb N changes
 * it, --item CODE picks another OIT item (default O11).
 */
import { randomFillSync } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, closeSync, rmSync, statSync, writeSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startServer } from './lib/server.js';
import { WebClient, html } from './lib/web-client.js';
import { valueRow, type BenchDefinition } from './lib/report.js';
import { loadNote } from './lib/machine.js';
import { msSince } from './lib/stats.js';
import { option } from './lib/args.js';

/** Writes a PDF-looking file of exactly `size` bytes in 1 MiB chunks. */
function writeBigPdf(path: string, size: number): void {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    let left = size - head.length - tail.length;
    const chunk = Buffer.alloc(1024 * 1024);
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      randomFillSync(chunk, 0, n);
      writeSync(fd, chunk, 0, n);
      left -= n;
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

interface UploadForm {
  action: string;
  fileField: string;
  fields: [string, string][];
}

/** The multipart form with a file input whose action posts file evidence, as the page renders it. */
function findUploadForm(page: string): UploadForm | undefined {
  const root = html(page);
  const forms = root.querySelectorAll('form').filter((f) => (f.getAttribute('enctype') ?? '').toLowerCase() === 'multipart/form-data');
  const form = forms.find((f) => /evidence\/file/.test(f.getAttribute('action') ?? '')) ?? forms.find((f) => /evidence/.test(f.getAttribute('action') ?? ''));
  if (!form) return undefined;
  const file = form.querySelector('input[type=file]');
  if (!file?.getAttribute('name')) return undefined;
  const fields: [string, string][] = [];
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (!name || type === 'file' || type === 'submit' || type === 'button') continue;
    if ((type === 'checkbox' || type === 'radio') && !input.hasAttribute('checked')) continue;
    fields.push([name, input.getAttribute('value') ?? (type === 'checkbox' ? 'on' : '')]);
  }
  for (const select of form.querySelectorAll('select')) {
    const name = select.getAttribute('name');
    const chosen = select.querySelector('option[selected]') ?? select.querySelector('option');
    if (name && chosen) fields.push([name, chosen.getAttribute('value') ?? chosen.text]);
  }
  for (const area of form.querySelectorAll('textarea')) {
    const name = area.getAttribute('name');
    if (name) fields.push([name, area.text]);
  }
  return { action: form.getAttribute('action')!.replace(/&amp;/g, '&'), fileField: file.getAttribute('name')!, fields };
}

/** Streams fields + one file as multipart/form-data; resolves with status and Location. */
function postMultipart(
  url: URL,
  cookie: string,
  form: UploadForm,
  filePath: string,
  fileName: string,
): Promise<{ status: number; location: string | undefined; body: string }> {
  const boundary = `----prongsai-bench-${Date.now().toString(16)}`;
  const parts = form.fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const head = Buffer.from(
    `${parts}--${boundary}\r\nContent-Disposition: form-data; name="${form.fileField}"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const length = head.length + statSync(filePath).size + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body.length < 200_000 ? (body += c) : undefined));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      },
    );
    req.on('error', reject);
    async function* body() {
      yield head;
      yield* createReadStream(filePath, { highWaterMark: 256 * 1024 });
      yield tail;
    }
    Readable.from(body()).pipe(req);
  });
}

export const bench: BenchDefinition = {
  name: 'upload-100mb',
  title: '100 MB evidence upload: server peak RSS',
  async run(ctx) {
    const size = Math.round(Number(option(ctx.args, 'mb') ?? 100) * 1_000_000);
    const item = option(ctx.args, 'item') ?? 'O11';
    const server = await startServer();
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-upload-'));
    try {
      const client = new WebClient(server.appUrl);
      await client.signIn(server.demo.username, server.demo.password);
      const itemPath = `/admin/oit/${server.demo.year}/${item}`;
      const page = await client.get(itemPath);
      const form = page.status === 200 ? findUploadForm(page.body) : undefined;
      if (!form) {
        return {
          name: 'upload-100mb',
          status: page.status === 404 ? 'unavailable' : 'error',
          reason:
            page.status === 200
              ? `${itemPath} has no multipart form posting to …/evidence/file`
              : `GET ${itemPath} as the demo administrator answers HTTP ${page.status} (OIT workspace not registered?)`,
          rows: [],
        };
      }
      const filePath = join(dir, 'big-report.pdf');
      writeBigPdf(filePath, size);
      ctx.log(`uploading ${(size / 1e6).toFixed(0)} MB to ${form.action.split('?')[0]} (fields: ${form.fields.map(([k]) => k).join(', ')})`);

      const baseline = await server.rssStart();
      const t = process.hrtime.bigint();
      const res = await postMultipart(new URL(form.action, server.appUrl), client.cookieHeader, form, filePath, 'รายงานความก้าวหน้า 6 เดือน.pdf');
      const uploadMs = msSince(t);
      const peak = await server.rssStop();
      if (res.status !== 303 && res.status !== 302) {
        const summary = html(res.body).querySelector('.error-summary, [role=alert]')?.text.replace(/\s+/g, ' ').trim();
        return {
          name: 'upload-100mb',
          status: 'error',
          reason: `upload answered HTTP ${res.status}${summary ? `: ${summary}` : ''}`,
          rows: [valueRow('server RSS growth during the failed upload', 'MB', peak.peakMb - baseline.rssMb)],
        };
      }
      // The evidence should now be listed on the item page.
      const after = await client.get(itemPath);
      const listed = /big-report|รายงานความก้าวหน้า 6 เดือน/.test(after.body);
      return {
        name: 'upload-100mb',
        status: 'ok',
        rows: [
          valueRow(`upload ${(size / 1e6).toFixed(0)} MB (request → 303)`, 'ms', uploadMs),
          valueRow('throughput', 'MB/s', size / 1e6 / (uploadMs / 1000)),
          valueRow('server RSS before (after GC)', 'MB', baseline.rssMb),
          valueRow('server peak RSS during upload (5 ms samples)', 'MB', peak.peakMb),
          valueRow('server peak RSS growth', 'MB', peak.peakMb - baseline.rssMb, undefined, 'should stay a small constant, not grow with the file'),
          valueRow('growth as a share of the file size', '%', (100 * (peak.peakMb - baseline.rssMb) * 2 ** 20) / size),
          valueRow('server kernel peak RSS, whole life', 'MB', peak.maxRssMb),
        ],
        notes: [
          `response ${res.status} → ${res.location ?? '?'}; evidence ${listed ? 'listed' : 'NOT found'} on ${itemPath} afterwards`,
          `server heap before ${baseline.heapUsedMb.toFixed(1)} MB (GC ${baseline.gc ? 'forced' : 'not available'} before the baseline); ${loadNote()}`,
        ],
      };
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
