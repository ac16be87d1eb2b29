/**
 * OIT evidence for the demo agency, in mixed states, the way the seed's municipality lost points
 * in FY2565: some items complete and published, others with the very gaps NACC marked — O2 with
 * no permanent-staff executive and no photos, O11 without its "ปัญหา อุปสรรค / ข้อเสนอแนะ" part,
 * O12 the report of the wrong year, O17 an E-Service link without HTTPS, O39 a plan of the wrong
 * fiscal year, O40 a scanned PDF — so a newcomer sees the checks at work. Documents are made here
 * (pdfkit with Sarabun) and go through the same upload path as an officer's files.
 */
import { createRequire } from 'node:module';
import { loadPdfKit } from '../../shared/lazy-libraries.js';
import type { User } from '../users/index.js';
import type { OitService } from './service.js';
import type { FileStore } from '../../platform/file-store.js';
import { firstHalfRange, fiscalYearRange } from '../../shared/fiscal.js';

const require = createRequire(import.meta.url);

async function pdf(lines: string[]): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: lines[0] ?? 'demo', Producer: 'Prongsai demo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf')).fontSize(16);
  doc.text('ข้อมูลสาธิต — ไม่ใช่เอกสารจริง', { align: 'right' });
  for (const line of lines) doc.moveDown(0.3).text(line);
  doc.end();
  return done;
}

/** A page holding only a grey image: what a scanner produces, with no text layer. */
async function scannedPdf(): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.rect(56, 56, 480, 700).fill('#d0d0d0');
  doc.end();
  return done;
}

const th = (n: number) => String(n);

/** Seeds the demo agency's OIT year through the product's own use cases (the manifest's demo hook). */
export async function seedDemoOit(oit: OitService, files: FileStore, agencyId: string, year: number): Promise<void> {
  const system: User = { id: '', agencyId, username: 'system', displayName: 'ระบบ (ข้อมูลสาธิต)', email: null, roles: ['coordinator'], unitId: null, disabled: false };
  const fy = fiscalYearRange(year);
  const half = firstHalfRange(year);
  const prev = fiscalYearRange(year - 1);
  const upload = async (code: string, name: string, bytes: Buffer, fields: Record<string, unknown>) =>
    oit.addFileEvidence(system, year, code, fields, await files.stage(agencyId, bytes, name));
  const link = (code: string, title: string, url: string, fields: Record<string, unknown> = {}) => oit.addLinkEvidence(system, year, code, { title, url, ...fields });
  const declare = (code: string, pointers: Record<string, string>) => oit.saveDeclarations(system, year, code, pointers);
  const publish = (code: string) => oit.setStatus(system, year, code, { status: 'published' });
  const status = (code: string, s: string) => oit.setStatus(system, year, code, { status: s });
  const view = await oit.loadYear(agencyId, year, { withPeople: false });
  const has = (code: string) => view.items.some((i) => i.code === code);

  if (has('O1')) {
    await oit.saveStructure(system, year, 'O1', {
      political: 'นายกเทศมนตรี\nรองนายกเทศมนตรี (2 คน)\nเลขานุการนายกเทศมนตรี\nสภาเทศบาล (ประธานสภา รองประธานสภา สมาชิกสภา 12 คน)',
      permanent: 'ปลัดเทศบาล\nรองปลัดเทศบาล\nสำนักปลัดเทศบาล\nกองคลัง\nกองช่าง\nกองการศึกษา\nกองสาธารณสุขและสิ่งแวดล้อม',
    });
    await declare('O1', { chart: 'แผนผังในหน้านี้ (ฝ่ายการเมืองและฝ่ายประจำ)', 'key-positions': 'รายชื่อสำนักและกองในหน้านี้' });
    await publish('O1');
  }
  if (has('O2')) {
    // The demo seed adds two political executives without photos and no permanent-staff one.
    await declare('O2', { 'top-executives': 'นายกเทศมนตรีและรองนายกเทศมนตรีในหน้านี้', 'main-site': 'เมนู "ข้อมูลผู้บริหาร" บนหน้าแรกของเว็บไซต์' });
    await status('O2', 'in_progress');
  }
  if (has('O3')) {
    await upload('O3', 'อำนาจหน้าที่.pdf', await pdf(['อำนาจหน้าที่ของเทศบาลตำบลตัวอย่าง', 'ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 มาตรา 50 และมาตรา 53 โดยสรุป', '1. รักษาความสงบเรียบร้อยของประชาชน', '2. ให้มีและบำรุงทางบกและทางน้ำ']), { elements: ['duties'] });
    await publish('O3');
  }
  if (has('O4')) {
    await upload('O4', 'แผนพัฒนาท้องถิ่น.pdf', await pdf([`แผนพัฒนาท้องถิ่น (พ.ศ. ${th(year - 4)} - ${th(year)})`, 'ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน เป้าหมาย และตัวชี้วัด']), { elements: ['multi-year', 'contents', 'fiscal-year'], periodFrom: fiscalYearRange(year - 4).from, periodTo: fy.to });
    await publish('O4');
  }
  if (has('O5')) {
    await oit.saveContact(system, year, 'O5', { address: '99 หมู่ 1 ตำบลตัวอย่าง อำเภอเมือง จังหวัดศรีสะเกษ 33000', phone: '045-000-000', fax: '045-000-009', email: 'saraban@demo.example', mapUrl: 'https://www.openstreetmap.org/?mlat=15.12&mlon=104.32', hours: 'จันทร์–ศุกร์ 08:30–16:30 น.' });
    await publish('O5');
  }
  if (has('O6')) {
    await link('O6', 'กฎหมายที่เกี่ยวข้อง', 'https://www.krisdika.go.th/', { elements: ['laws'] });
    await publish('O6');
  }
  if (has('O10')) {
    await upload('O10', 'แผนดำเนินงานประจำปี.pdf', await pdf([`แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${th(year)}`, 'โครงการ งบประมาณ และระยะเวลาดำเนินการ']), { elements: ['details', 'fiscal-year'], periodFrom: fy.from, periodTo: fy.to });
    await status('O10', 'ready');
  }
  if (has('O11')) {
    // Covers the first half, but has no "ปัญหา อุปสรรค" nor "ข้อเสนอแนะ" part.
    await upload('O11', 'รายงานรอบ 6 เดือน.pdf', await pdf(['รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', `ปีงบประมาณ พ.ศ. ${th(year)} (ต.ค. ${th(year - 1)} – มี.ค. ${th(year)})`, 'ความก้าวหน้ารายโครงการและงบประมาณที่ใช้']), { elements: ['progress', 'first-half', 'problems', 'suggestions'], periodFrom: half.from, periodTo: half.to });
    await status('O11', 'in_progress');
  }
  if (has('O12')) {
    // The report of the assessed year instead of the previous one.
    await upload('O12', 'รายงานผลการดำเนินงานประจำปี.pdf', await pdf([`รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ${th(year)}`, 'ผลการดำเนินงานตามแผน ผลการใช้งบประมาณ', 'ปัญหา อุปสรรค: การเบิกจ่ายล่าช้า', 'ข้อเสนอแนะ: วางแผนการจัดซื้อจัดจ้างล่วงหน้า']), { elements: ['results', 'budget', 'problems', 'suggestions', 'previous-year'], periodFrom: fy.from, periodTo: fy.to });
    await status('O12', 'in_progress');
  }
  if (has('O17')) {
    await link('O17', 'ระบบยื่นคำร้องออนไลน์', 'http://eservice.demo.example/', { elements: ['online-service', 'main-site-https'] });
    await status('O17', 'in_progress');
  }
  if (has('O39')) {
    await upload('O39', 'แผนปฏิบัติการป้องกันการทุจริต.pdf', await pdf([`แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${th(year - 1)}`, 'โครงการ กิจกรรม งบประมาณ และระยะเวลาดำเนินการ']), { elements: ['details', 'fiscal-year'], periodFrom: prev.from, periodTo: prev.to });
    await status('O39', 'in_progress');
  }
  if (has('O40')) {
    await upload('O40', 'รายงานป้องกันการทุจริต 6 เดือน (สแกน).pdf', await scannedPdf(), { elements: ['progress', 'same-plan', 'first-half'], periodFrom: half.from, periodTo: half.to });
    await status('O40', 'in_progress');
  }
}
