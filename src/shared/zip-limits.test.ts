import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { assertZipWithinLimits, zipSummary } from './zip-limits.js';

/** One deflated entry with the uncompressed size written as `declared` (a lie when it differs). */
function oneEntryZip(data: Buffer, declared = data.length): Buffer {
  const body = deflateRawSync(data);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = 30 + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

const refusal = async (p: Promise<void>) => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { fieldErrors?: { message: string }[] }).fieldErrors?.[0]?.message;
  }
};

describe('zip limits', () => {
  it('accepts an honest package as JSZip writes it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', '<row>'.repeat(50_000));
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(assertZipWithinLimits(buf)).resolves.toBeUndefined();
  });

  it('refuses a package whose central directory understates what an entry inflates to', async () => {
    const honest = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const lying = oneEntryZip(honest, 1000);
    // The directory alone looks harmless…
    expect(zipSummary(lying)!.inflatedBytes).toBe(1000);
    // …but the real inflation is counted, and stopped just past the declared size.
    expect(await refusal(assertZipWithinLimits(lying))).toContain('zip bomb');
    await expect(assertZipWithinLimits(oneEntryZip(Buffer.alloc(100_000, 0x20)))).resolves.toBeUndefined();
  });

  it('counts the real bytes against the total limit', async () => {
    const entry = oneEntryZip(Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(await refusal(assertZipWithinLimits(entry, 'file', { maxInflatedBytes: 2 * 1024 * 1024 }))).toContain('zip bomb');
    await expect(assertZipWithinLimits(entry, 'file', { maxInflatedBytes: 4 * 1024 * 1024, maxRatio: 1e9 })).resolves.toBeUndefined();
  });

  it('calls an entry whose deflate data is broken a broken file', async () => {
    const good = oneEntryZip(Buffer.alloc(4096, 0x41));
    const bad = Buffer.from(good);
    bad.fill(0xff, 30 + 24, 30 + 24 + 8); // scribble over the deflate stream
    expect(await refusal(assertZipWithinLimits(bad))).toContain('ไฟล์เสียหาย');
  });
});
