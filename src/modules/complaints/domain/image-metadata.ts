/**
 * Removes metadata from the working copy of a reporter's image: a phone photo carries GPS
 * coordinates, the camera's serial number and the time, any of which can name the reporter.
 * This is marker/chunk parsing only (no decoding, no re-encoding), so the picture is unchanged.
 *
 * JPEG: every APPn segment except APP0 (JFIF), APP2 ICC_PROFILE (colours) and APP14 (Adobe
 * colour transform) is dropped — that removes APP1 (EXIF, XMP, GPS), APP13 (IPTC/Photoshop) and
 * the rest — and so are COM comments. From SOS on, the entropy-coded data is copied as it is.
 * PNG: text chunks (tEXt, zTXt, iTXt), eXIf and tIME are dropped.
 */
export type ImageKind = 'jpeg' | 'png';

export class ImageFormatError extends Error {}

export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return undefined;
}

export function stripImageMetadata(bytes: Uint8Array): { kind: ImageKind; bytes: Uint8Array; removed: string[] } {
  const kind = sniffImage(bytes);
  if (kind === 'jpeg') return { kind, ...stripJpeg(bytes) };
  if (kind === 'png') return { kind, ...stripPng(bytes) };
  throw new ImageFormatError('not a JPEG or PNG image');
}

const ascii = (b: Uint8Array, from: number, len: number) => String.fromCharCode(...b.subarray(from, Math.min(b.length, from + len)));

function stripJpeg(b: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const keep: Uint8Array[] = [b.subarray(0, 2)];
  const removed: string[] = [];
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new ImageFormatError(`JPEG: expected a marker at byte ${i}`);
    // Fill bytes (0xFF repeated) may precede a marker.
    let j = i;
    while (j < b.length && b[j] === 0xff) j++;
    const marker = b[j]!;
    const start = j - 1;
    if (marker === 0xd9) {
      keep.push(b.subarray(start, j + 1));
      break;
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      keep.push(b.subarray(start, j + 1));
      i = j + 1;
      continue;
    }
    if (j + 2 >= b.length) throw new ImageFormatError('JPEG: truncated segment header');
    const len = (b[j + 1]! << 8) | b[j + 2]!;
    const end = j + 1 + len;
    if (len < 2 || end > b.length) throw new ImageFormatError('JPEG: segment runs past the end');
    if (marker === 0xda) {
      // Start of scan: the rest is image data (and possibly more scans/markers we keep as they are).
      keep.push(b.subarray(start));
      return { bytes: concat(keep), removed };
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const payloadId = ascii(b, j + 3, 12);
    const dropApp = isApp && !(marker === 0xe0 || (marker === 0xe2 && payloadId.startsWith('ICC_PROFILE')) || marker === 0xee);
    if (dropApp || marker === 0xfe) removed.push(marker === 0xfe ? 'COM' : `APP${marker - 0xe0}${payloadId.startsWith('Exif') ? ' (EXIF)' : payloadId.startsWith('http') ? ' (XMP)' : ''}`);
    else keep.push(b.subarray(start, end));
    i = end;
  }
  return { bytes: concat(keep), removed };
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(b: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const keep: Uint8Array[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
    const type = ascii(b, i + 4, 4);
    const end = i + 12 + len;
    if (end > b.length) throw new ImageFormatError('PNG: chunk runs past the end');
    if (PNG_DROP.has(type)) removed.push(type);
    else keep.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return { bytes: concat(keep), removed };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
