import { describe, expect, it } from 'vitest';
import { GPS_TEXT, photoWithGps, plainPhoto } from '../../../../test/support/gps-photo.js';
import { ImageFormatError, stripImageMetadata } from './image-metadata.js';

describe('image metadata stripping', () => {
  it('removes the EXIF/GPS segment from a JPEG and leaves the picture bytes as they were', () => {
    const photo = photoWithGps();
    expect(photo.includes(Buffer.from(GPS_TEXT))).toBe(true);
    const out = stripImageMetadata(photo);
    expect(out.kind).toBe('jpeg');
    expect(out.removed).toEqual(['APP1 (EXIF)']);
    const bytes = Buffer.from(out.bytes);
    expect(bytes.includes(Buffer.from(GPS_TEXT))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    // Without the EXIF block the file is byte for byte the image Chromium encoded.
    expect(bytes.equals(plainPhoto())).toBe(true);
  });

  it('drops PNG text chunks', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', Buffer.alloc(13)),
      chunk('tEXt', Buffer.from('Author\0Somchai')),
      chunk('IDAT', Buffer.alloc(3)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const out = stripImageMetadata(png);
    expect(out.removed).toEqual(['tEXt']);
    expect(Buffer.from(out.bytes).includes(Buffer.from('Somchai'))).toBe(false);
  });

  it('refuses what is not a JPEG or PNG, and a truncated JPEG', () => {
    expect(() => stripImageMetadata(Buffer.from('%PDF-1.7'))).toThrow(ImageFormatError);
    expect(() => stripImageMetadata(photoWithGps().subarray(0, 30))).toThrow(ImageFormatError);
  });
});
