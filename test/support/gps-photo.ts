/**
 * A real JPEG (16×12, drawn and encoded by Chromium) with an EXIF APP1 segment added holding GPS
 * coordinates, as a phone would write them. GPS_MARKER is a byte run unique to that EXIF block:
 * finding it anywhere (database, file store, logs, a download) means the location leaked.
 */
const BASE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAQF/8QAGhAAAgMBAQAAAAAAAAAAAAAAAhEBBBIAMf/EABUBAQEAAAAAAAAAAAAAAAAAAAUG/8QAIBEAAAUDBQAAAAAAAAAAAAAAABESFCECBBMVI1KCsf/aAAwDAQACEQMRAD8Azb1g6+MQM6bfKNg7G9wMZSXUGAGtiJLxw+AAA8CIv1QuPTUozgSz+w0xrg3ufY/IH//Z',
  'base64',
);

/** An ASCII tag inside the GPS block, so a leak is findable as text as well as bytes. */
export const GPS_TEXT = 'GPS-15.120381N-104.322112E';

function exifWithGps(): Buffer {
  // TIFF little-endian: header, IFD0 with one entry (GPSInfo → GPS IFD), GPS IFD with 5 entries.
  const le = (n: number, bytes: number) => {
    const b = Buffer.alloc(bytes);
    if (bytes === 2) b.writeUInt16LE(n);
    else b.writeUInt32LE(n);
    return b;
  };
  const entry = (tag: number, type: number, count: number, value: Buffer) => Buffer.concat([le(tag, 2), le(type, 2), le(count, 4), value]);
  const ifd0 = Buffer.concat([le(1, 2), entry(0x8825, 4, 1, le(26, 4)), le(0, 4)]); // 8 + 18 = 26
  const gpsStart = 26;
  const gpsEntries = 5;
  const dataStart = gpsStart + 2 + gpsEntries * 12 + 4;
  const lat = Buffer.concat([le(15, 4), le(1, 4), le(7, 4), le(1, 4), le(1337, 4), le(100, 4)]);
  const lon = Buffer.concat([le(104, 4), le(1, 4), le(19, 4), le(1, 4), le(2003, 4), le(100, 4)]);
  const text = Buffer.from(`ASCII\0\0\0${GPS_TEXT}\0`);
  const gps = Buffer.concat([
    le(gpsEntries, 2),
    entry(1, 2, 2, Buffer.from('N\0\0\0')),
    entry(2, 5, 3, le(dataStart, 4)),
    entry(3, 2, 2, Buffer.from('E\0\0\0')),
    entry(4, 5, 3, le(dataStart + 24, 4)),
    entry(0x1c, 7, text.length, le(dataStart + 48, 4)), // GPSAreaInformation
    le(0, 4),
  ]);
  const tiff = Buffer.concat([Buffer.from('II*\0'), le(8, 4), ifd0, gps, lat, lon, text]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** The photo with GPS EXIF right after SOI, where cameras put it. */
export function photoWithGps(): Buffer {
  return Buffer.concat([BASE_JPEG.subarray(0, 2), exifWithGps(), BASE_JPEG.subarray(2)]);
}
export const plainPhoto = (): Buffer => Buffer.from(BASE_JPEG);
