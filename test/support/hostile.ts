/**
 * Hostile inputs made in the test: a zip bomb shaped like an XLSX (a sheet of zeros that inflates
 * far beyond its size), broken archives, and strings that have broken forms before.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** `declared` overrides the uncompressed size written in both headers (a package that lies about it). */
export function zip(entries: { name: string; data: Buffer; store?: boolean; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.declared ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.declared ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
);

/** An "XLSX" whose sheet inflates to `inflatedMb` megabytes of spaces (a few hundred KB on disk). */
export function xlsxBomb(inflatedMb = 300): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(inflatedMb * 1024 * 1024, 0x20) },
  ]);
}

/**
 * The same bomb with a central directory that lies: every entry declares 1 KB, so a check that
 * trusts the declared sizes lets it through to a reader that inflates all of it.
 */
export function xlsxLyingBomb(inflatedMb = 300): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(inflatedMb * 1024 * 1024, 0x20), declared: 1024 },
  ]);
}

/** A zip cut in half: the local headers are there, the central directory is not. */
export const truncatedZip = (): Buffer => {
  const whole = zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: Buffer.alloc(4096, 0x41) }]);
  return whole.subarray(0, Math.floor(whole.length / 2));
};

/** Values that have broken forms elsewhere: each must be refused or stored as typed, never a 500. */
export const HOSTILE_STRINGS: readonly string[] = [
  'x'.repeat(100_000),
  'ก\u0e49\u0e49\u0e49\u0e49\u0e49\u0e49\u0e49\u0e49\u0e49\u0e49'.repeat(200), // stacked Thai tone marks
  '\u200b\u200c\u200d\u2060\ufeff',
  'a\u0000b',
  '\u0007\u001b[2J',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '<script>alert(1)</script>"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'javascript:alert(1)',
  '%00%2e%2e%2f',
  '\ud800',
  '๑๒๓๔๕๖๗๘๙๐',
  '-1',
  '99999999999999999999999',
  'NaN',
  ' ',
  '',
];
