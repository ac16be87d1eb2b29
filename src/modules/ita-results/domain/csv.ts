/**
 * A small RFC 4180 CSV reader and writer, written here rather than added as a dependency: the
 * importer needs only commas, quoted fields (with "" for a quote, and line breaks inside), CRLF
 * or LF endings and a UTF-8 byte-order mark, which Excel puts in front of "CSV UTF-8" files.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/**
 * Parses CSV text into records. Lenient where Excel and LibreOffice never produce the input
 * (text after a closing quote is kept), strict where data would silently shift: an unclosed
 * quote is an error naming the line where it opened.
 * @example parseCsv('a,"b ""c"""\r\n1,2').records // [{ line: 1, fields: ['a', 'b "c"'] }, { line: 2, fields: ['1', '2'] }]
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const n = text.length;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let i = 0;

  while (i < n) {
    // Start of a field.
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openedAt = line;
      let out = '';
      let start = ++i;
      for (;;) {
        if (i >= n) return { ok: false, line: openedAt, message: `เครื่องหมายคำพูด (") ที่เปิดในบรรทัดที่ ${openedAt} ไม่มีการปิด` };
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            out += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          out += text.slice(start, i);
          i++;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept as text.
      const restStart = i;
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      value = out + text.slice(restStart, i);
    } else {
      const start = i;
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      value = text.slice(start, i);
    }
    fields.push(value);

    // After the field: a comma, a line break or the end.
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i >= n) fields.push(''); // "a," ends with an empty field
      continue;
    }
    // Line break: CRLF, LF or a lone CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push({ line: recordLine, fields });
    fields = [];
    line++;
    recordLine = line;
  }
  if (fields.length > 0) records.push({ line: recordLine, fields });
  return { ok: true, records };
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}

// Writing CSV lives in shared/ (e-service reports and survey exports use it too).
export { csvField, toCsv } from '../../../shared/csv.js';
