import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, etagMatches, officeKindFromEntries, sniffHead } from './file-store.js';

describe('sniffHead', () => {
  it('knows the allowed kinds by their magic bytes, and zips as "look inside"', () => {
    expect(sniffHead(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffHead(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffHead(Buffer.from('GIF89a....'))).toBe('gif');
    expect(sniffHead(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffHead(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
    expect(sniffHead(Buffer.from('<html><script>'))).toBeUndefined();
    expect(sniffHead(Buffer.from('MZ\x90\0'))).toBeUndefined();
  });
});

describe('officeKindFromEntries', () => {
  it('tells DOCX from XLSX and refuses other zips', () => {
    expect(officeKindFromEntries(['[Content_Types].xml', 'word/document.xml'])).toBe('docx');
    expect(officeKindFromEntries(['[Content_Types].xml', 'xl/workbook.xml'])).toBe('xlsx');
    expect(officeKindFromEntries(['word/document.xml'])).toBeUndefined();
    expect(officeKindFromEntries(['[Content_Types].xml', 'ppt/presentation.xml'])).toBeUndefined();
  });
});

describe('cleanFileName', () => {
  it('drops paths and control characters and gives the detected extension', () => {
    expect(cleanFileName('C:\\fakepath\\รายงาน.pdf', 'pdf')).toBe('รายงาน.pdf');
    expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(cleanFileName('report.html', 'pdf')).toBe('report.html.pdf');
    expect(cleanFileName('a\u0000b"c.PNG', 'png')).toBe('abc.PNG');
    expect(cleanFileName('', 'jpeg')).toBe('file.jpg');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name per RFC 5987', () => {
    const h = contentDisposition('attachment', "รายงาน (ฉบับที่ 2)'.docx");
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(h).toContain('%28');
    expect(h).toContain('%27');
    expect(decodeURIComponent(h.split("UTF-8''")[1]!)).toBe("รายงาน (ฉบับที่ 2)'.docx");
  });
});

describe('etagMatches', () => {
  it('compares weakly and handles lists and *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"x"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});
