/**
 * Zip bombs: DOCX and XLSX are zip packages, and a 449 KB XLSX can inflate to 450 MB once a
 * reader (ExcelJS, JSZip) unpacks it in memory. Before any reader inflates a package:
 * 1. its central directory — read without inflating anything — must declare a total size, an
 *    entry count and a per-entry compression ratio within bounds;
 * 2. every entry is then really inflated as a stream whose output is counted and thrown away, and
 *    inflation stops the moment an entry yields more bytes than it declared. A package whose
 *    directory lies about its sizes is refused after at most (declared size + one chunk) of work,
 *    and the memory this check holds stays at one chunk whatever the package claims.
 * Readers afterwards inflate the very same bytes, so what they unpack is bounded by step 1.
 */
import { createInflateRaw } from 'node:zlib';
import { validationError } from './errors.js';

export interface ZipLimits {
  /** Sum of the uncompressed sizes, declared and actual (default 200 MB). */
  maxInflatedBytes?: number;
  /** Number of entries (default 5,000). */
  maxEntries?: number;
  /** Largest uncompressed/compressed ratio of one sizeable entry (default 200; XML compresses ~10–30×). */
  maxRatio?: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export interface ZipSummary {
  entries: number;
  inflatedBytes: number;
  worstRatio: number;
  list: ZipEntry[];
}

const TOO_BIG: Omit<ZipSummary, 'entries'> = { inflatedBytes: Infinity, worstRatio: Infinity, list: [] };

/** Reads the central directory of a zip in memory; undefined when it is not a readable zip. */
export function zipSummary(buf: Uint8Array): ZipSummary | undefined {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 22) return undefined;
  const min = Math.max(0, b.length - (22 + 0xffff));
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  // ZIP64 markers (0xFFFF / 0xFFFFFFFF) mean sizes we do not read here: treat as over any limit.
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { entries: Infinity, ...TOO_BIG };
  if (cdOffset + cdSize > b.length) return undefined;
  let p = cdOffset;
  let inflatedBytes = 0;
  let worstRatio = 0;
  const list: ZipEntry[] = [];
  for (let n = 0; n < entries; n++) {
    if (p + 46 > cdOffset + cdSize || b.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const localHeaderOffset = b.readUInt32LE(p + 42);
    if (size === 0xffffffff || compressed === 0xffffffff || localHeaderOffset === 0xffffffff) return { entries, ...TOO_BIG };
    inflatedBytes += size;
    // Tiny entries may compress absurdly well without harm; only sizeable ones count.
    if (size > 1024 * 1024) worstRatio = Math.max(worstRatio, size / Math.max(1, compressed));
    list.push({ name: b.toString('utf8', p + 46, Math.min(b.length, p + 46 + nameLength)), method, compressedSize: compressed, declaredSize: size, localHeaderOffset });
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return { entries, inflatedBytes, worstRatio, list };
}

type Inflated = { ok: true; bytes: number } | { ok: false; reason: 'broken' | 'lies' };

/** The compressed bytes of an entry, located through its local header; undefined when out of bounds. */
function entryData(b: Buffer, e: ZipEntry): Buffer | undefined {
  const h = e.localHeaderOffset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== 0x04034b50) return undefined;
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  return end > b.length ? undefined : b.subarray(start, end);
}

const CHUNK = 64 * 1024;

/**
 * Inflates one entry as a stream, counting the output and keeping none of it; stops as soon as
 * more than `cap` bytes came out.
 */
function inflatedSize(data: Buffer, cap: number): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let bytes = 0;
    let done = false;
    const finish = (r: Inflated) => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(r);
    };
    inflate.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) finish({ ok: false, reason: 'lies' });
    });
    inflate.on('error', () => finish({ ok: false, reason: 'broken' }));
    inflate.on('end', () => finish({ ok: true, bytes }));
    // Fed in slices so that a refusal stops the work early instead of after the whole entry.
    let offset = 0;
    const feed = () => {
      while (!done && offset < data.length) {
        const slice = data.subarray(offset, offset + CHUNK);
        offset += slice.length;
        if (!inflate.write(slice)) {
          inflate.once('drain', feed);
          return;
        }
      }
      if (!done && offset >= data.length) inflate.end();
    };
    feed();
  });
}

/**
 * What each entry really inflates to, checked against what it declares: 'lies' as soon as one
 * entry gives more than it declared (or the total passes `maxTotal`), 'broken' for an entry that
 * cannot be inflated or located.
 */
export async function verifyInflatedSizes(buf: Uint8Array, summary: ZipSummary, maxTotal: number): Promise<Inflated> {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let total = 0;
  for (const e of summary.list) {
    const data = entryData(b, e);
    if (!data) return { ok: false, reason: 'broken' };
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      const r = await inflatedSize(data, Math.min(e.declaredSize, maxTotal - total));
      if (!r.ok) return r;
      size = r.bytes;
    } else return { ok: false, reason: 'broken' }; // no Office package uses another method
    if (size > e.declaredSize) return { ok: false, reason: 'lies' };
    total += size;
    if (total > maxTotal) return { ok: false, reason: 'lies' };
  }
  return { ok: true, bytes: total };
}

/**
 * Throws a Thai validation error (field `field`) when the package would inflate beyond the limits
 * — by what it declares or by what it really yields — or is not a readable zip.
 */
export async function assertZipWithinLimits(buf: Uint8Array, field = 'upload', limits: ZipLimits = {}): Promise<void> {
  const maxInflated = limits.maxInflatedBytes ?? 200 * 1024 * 1024;
  const broken = () => validationError('ไฟล์เสียหาย', [{ field, message: 'ไฟล์เสียหายหรือไม่ใช่ไฟล์ Office (XLSX/DOCX) ที่อ่านได้' }]);
  const bomb = () =>
    validationError('ไฟล์ขยายตัวใหญ่เกินกำหนด', [
      { field, message: `ไฟล์นี้เมื่อแตกออกแล้วใหญ่เกิน ${Math.round(maxInflated / 1024 / 1024)} เมกะไบต์หรือมีลักษณะผิดปกติ (zip bomb) ระบบจึงไม่เปิดอ่าน` },
    ]);
  const summary = zipSummary(buf);
  if (!summary) throw broken();
  if (summary.entries > (limits.maxEntries ?? 5000) || summary.inflatedBytes > maxInflated || summary.worstRatio > (limits.maxRatio ?? 200)) throw bomb();
  const actual = await verifyInflatedSizes(buf, summary, maxInflated);
  if (!actual.ok) throw actual.reason === 'lies' ? bomb() : broken();
}
