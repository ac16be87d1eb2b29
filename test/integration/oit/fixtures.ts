/**
 * Real documents for the OIT checks, made in the test: text PDFs in Sarabun (pdfkit), a
 * "scanned" PDF holding only an image, DOCX files (docx package) and small PNG photos.
 */
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const require = createRequire(import.meta.url);
const SARABUN = require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf');

function pdfBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'test' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A PDF with a real text layer: each line drawn in Sarabun. */
export const textPdf = (lines: string[]): Promise<Buffer> =>
  pdfBuffer((doc) => {
    doc.font(SARABUN).fontSize(16);
    for (const line of lines) doc.text(line);
  });

/** A "scanned" PDF: one page holding only an embedded PNG, no text at all. */
export const scannedPdf = async (): Promise<Buffer> => {
  const image = png(200, 280, [90, 90, 90]);
  return pdfBuffer((doc) => doc.image(image, 50, 50, { width: 400 }));
};

export const docx = (lines: string[]): Promise<Buffer> =>
  Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, font: 'TH Sarabun New' })] })) }] }));

/** A minimal valid PNG of one colour (RGB, 8-bit). */
export function png(width = 8, height = 8, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const SIX_MONTH_REPORT = [
  'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน',
  'ปีงบประมาณ พ.ศ. ๒๕๖๕ (ต.ค. ๒๕๖๔ – มี.ค. ๒๕๖๕)',
  'ผลการดำเนินงานตามแผน โครงการที่ ๑ ถึง ๑๒',
];
export const PROBLEMS_PART = ['ปัญหา อุปสรรค: งบประมาณล่าช้า', 'ข้อเสนอแนะ: เร่งรัดการเบิกจ่าย'];
