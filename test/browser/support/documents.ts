/**
 * Reading the downloaded measures documents back: the DOCX through its XML (jszip), the PDF
 * through its text layer (poppler's pdftotext), which is what search, screen readers and
 * copy-paste see. A missing pdftotext fails with the fix, like a missing Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';

export interface DocxText {
  /** word/document.xml as stored. */
  xml: string;
  /** Text of each paragraph (<w:p>), runs joined, entities decoded. */
  paragraphs: string[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

export async function readDocx(file: string): Promise<DocxText> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error(`${file} has no word/document.xml: not a Word document`);
  const xml = await entry.async('string');
  // A paragraph's text is split over runs (<w:t>); tabs and breaks inside it count as spaces.
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decode(
      p[0]
        .replace(/<w:(tab|br)\b[^>]*\/>/g, ' ')
        .match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/g)
        ?.map((t) => t.replace(/<[^>]+>/g, ''))
        .join('') ?? '',
    ),
  );
  return { xml, paragraphs };
}

export const PDFTOTEXT = '/usr/bin/pdftotext';

/** The PDF's text layer in reading order, UTF-8. */
export function pdfText(file: string): string {
  if (!existsSync(PDFTOTEXT)) {
    throw new Error(`pdftotext is required to check the PDF's text and was not found at ${PDFTOTEXT}: sudo apt-get install -y poppler-utils`);
  }
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/**
 * Whether `phrase` occurs in `text` exactly, allowing only a line break (with the spaces
 * around it) where the layout wrapped the line. Any other inserted character — a space inside
 * a word, a doubled vowel — makes it fail.
 */
export function containsAcrossLines(text: string, phrase: string): boolean {
  const chars = [...phrase].map((c) => (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Between two characters of the phrase: nothing, or one wrapped-line break.
  const pattern = chars.reduce((acc, c, i) => (i === 0 ? c : `${acc}(?:[ \\t]*\\r?\\n[\\f\\s]*)?${c}`), '');
  return new RegExp(pattern, 'u').test(text);
}
