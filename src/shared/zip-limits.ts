/**
 * Zip bombs: DOCX and XLSX are zip packages, and a 449 KB XLSX can inflate to 450 MB once a
 * reader (ExcelJS, JSZip) unpacks it in memory. Before any reader inflates a package, its
 * central directory — read from the buffer without inflating anything — must declare a total
 * size, an entry count and a per-entry compression ratio within bounds.
 */
import { validationError } from './errors.js';

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes (default 200 MB). */
  maxInflatedBytes?: number;
  /** Number of entries (default 5,000). */
  maxEntries?: number;
  /** Largest uncompressed/compressed ratio of one sizeable entry (default 200; XML compresses ~10–30×). */
  maxRatio?: number;
}

export interface ZipSummary {
  entries: number;
  inflatedBytes: number;
  worstRatio: number;
}

/** Reads the central directory of a zip in memory; undefined when it is not a readable zip. */
export function zipSummary(buf: Uint8Array): ZipSummary | undefined {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
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
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { entries: Infinity, inflatedBytes: Infinity, worstRatio: Infinity };
  if (cdOffset + cdSize > b.length) return undefined;
  let p = cdOffset;
  let inflatedBytes = 0;
  let worstRatio = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > cdOffset + cdSize || b.readUInt32LE(p) !== 0x02014b50) return undefined;
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    if (size === 0xffffffff || compressed === 0xffffffff) return { entries, inflatedBytes: Infinity, worstRatio: Infinity };
    inflatedBytes += size;
    // Tiny entries may compress absurdly well without harm; only sizeable ones count.
    if (size > 1024 * 1024) worstRatio = Math.max(worstRatio, size / Math.max(1, compressed));
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return { entries, inflatedBytes, worstRatio };
}

/**
 * Throws a Thai validation error (field `field`) when the package would inflate beyond the limits
 * or is not a readable zip.
 */
export function assertZipWithinLimits(buf: Uint8Array, field = 'upload', limits: ZipLimits = {}): void {
  const maxInflated = limits.maxInflatedBytes ?? 200 * 1024 * 1024;
  const summary = zipSummary(buf);
  if (!summary) throw validationError('ไฟล์เสียหาย', [{ field, message: 'ไฟล์เสียหายหรือไม่ใช่ไฟล์ Office (XLSX/DOCX) ที่อ่านได้' }]);
  if (summary.entries > (limits.maxEntries ?? 5000) || summary.inflatedBytes > maxInflated || summary.worstRatio > (limits.maxRatio ?? 200)) {
    throw validationError('ไฟล์ขยายตัวใหญ่เกินกำหนด', [
      { field, message: `ไฟล์นี้เมื่อแตกออกแล้วใหญ่เกิน ${Math.round(maxInflated / 1024 / 1024)} เมกะไบต์หรือมีลักษณะผิดปกติ (zip bomb) ระบบจึงไม่เปิดอ่าน` },
    ]);
  }
}
