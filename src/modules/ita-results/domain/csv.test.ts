import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from './csv.js';

const fields = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r.records.map((rec) => rec.fields);
};

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and records on LF, CRLF and lone CR', () => {
    expect(fields('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(fields('\uFEFFfiscal_year,agency_name\r\n2565,เทศบาล')).toEqual([['fiscal_year', 'agency_name'], ['2565', 'เทศบาล']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('"a,b","say ""hi""","line1\r\nline2",x')).toEqual([['a,b', 'say "hi"', 'line1\r\nline2', 'x']]);
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(fields('a,,c\n,"",\n')).toEqual([['a', '', 'c'], ['', '', '']]);
    expect(fields('a,')).toEqual([['a', '']]);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    const r = parseCsv('h1,h2\n"multi\nline",1\n\nlast,2');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 4, 5]);
  });

  it('returns a blank line as a record with one empty field (callers skip it)', () => {
    expect(fields('a\n\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps text after a closing quote (lenient, as spreadsheet programs never write it)', () => {
    expect(fields('"ab"c,d')).toEqual([['abc', 'd']]);
  });

  it('reports an unclosed quote with the line where it opened, in Thai', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3')).toEqual({ ok: false, line: 2, message: 'เครื่องหมายคำพูด (") ที่เปิดในบรรทัดที่ 2 ไม่มีการปิด' });
  });

  it('reads an empty text as no records', () => {
    expect(fields('')).toEqual([]);
    expect(fields('\uFEFF')).toEqual([]);
  });
});

describe('toCsv', () => {
  it('quotes only where needed and ends lines with CRLF after a BOM', () => {
    expect(toCsv([['a', 'b,c', 'd"e', 1, null], ['line\nbreak', ' edge', true, undefined, '']])).toBe(
      '\uFEFFa,"b,c","d""e",1,\r\n"line\nbreak"," edge",true,,\r\n',
    );
    expect(csvField('ผ่าน')).toBe('ผ่าน');
  });

  it('round-trips through parseCsv', () => {
    const rows = [['ชื่อ', 'คำอธิบาย'], ['เทศบาล "ก"', 'บรรทัด 1\r\nบรรทัด 2, ต่อ']];
    expect(fields(toCsv(rows))).toEqual(rows);
  });
});
