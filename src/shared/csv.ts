/** CSV writing (RFC 4180) shared by every export. */

/** Quotes a field when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes records with CRLF line ends (RFC 4180) and a BOM so Excel opens Thai text as UTF-8. */
export function toCsv(rows: (string | number | boolean | null | undefined)[][], bom = true): string {
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
