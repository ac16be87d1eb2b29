/**
 * Tracked FY2566 measures of the demo agency in mixed states, as a municipality has them at the
 * 6-month round: two done with evidence (a photo of the activity and a link), two late, one under
 * way, the rest not started; and the 6-month report's problems and suggestions filled in, the
 * report produced and attached to its OIT item. The demo's dates are FY2566 (Oct 2565 – Sep 2566).
 */
import { deflateSync } from 'node:zlib';
import type { User } from '../users/domain/user.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import type { FileStore } from '../../platform/file-store.js';
import type { TrackingService } from './service.js';
import type { ReportService } from './report-service.js';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small real PNG (a coloured square): the demo's and the tests' "photo of the activity". */
export function samplePhoto(size = 32, rgb: [number, number, number] = [40, 120, 200]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = y * (size * 3 + 1) + 1 + x * 3;
      const shade = (x + y) % 8 < 4 ? 1 : 0.8;
      raw[o] = Math.round(rgb[0] * shade);
      raw[o + 1] = Math.round(rgb[1] * shade);
      raw[o + 2] = Math.round(rgb[2] * shade);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const DEMO_TRACKING_YEAR = 2566;

export const DEMO_PROBLEMS =
  'บุคลากรผู้รับผิดชอบมีภารกิจประจำหลายด้าน ทำให้การจัดทำแนวทางการเฝ้าระวังการทุจริตล่าช้ากว่าแผน และประชาชนบางส่วนยังไม่ทราบช่องทางการร้องเรียนการทุจริตทางเว็บไซต์';
export const DEMO_SUGGESTIONS =
  'ควรกำหนดผู้รับผิดชอบสำรองของแต่ละมาตรการ ติดตามความก้าวหน้าทุกเดือนในที่ประชุมประจำเดือน และประชาสัมพันธ์ช่องทางร้องเรียนผ่านหอกระจายข่าวและสื่อสังคมออนไลน์เพิ่มเติม';

export async function seedDemoTracking(deps: { tracking: TrackingService; reports: ReportService; files: FileStore }, agencyId: string): Promise<void> {
  const { tracking, reports, files } = deps;
  const system: User = { id: '', agencyId, username: 'system', displayName: 'ระบบ (ข้อมูลสาธิต)', email: null, roles: ['coordinator'], unitId: null, disabled: false };
  const measures = await tracking.listMeasures(agencyId, DEMO_TRACKING_YEAR);
  const base = (m: (typeof measures)[number]) => ({
    activities: m.activities,
    responsiblePerson: 'นางสาวใจดี มีสุข (สมมุติ) นักจัดการงานทั่วไป',
    plannedFrom: m.plannedFrom,
    plannedTo: m.plannedTo,
    doneOn: '',
    outputsTh: '',
    indicatorsTh: '',
    note: '',
  });
  const [m1, m2, m3, m4, m5] = measures;
  if (m1) {
    await tracking.updateMeasure(system, m1.id, { ...base(m1), status: 'done', doneOn: '2023-01-16', outputsTh: 'แนวทางการเฝ้าระวังการทุจริต ๑ ฉบับ เผยแพร่บนเว็บไซต์', indicatorsTh: 'บุคลากรร้อยละ ๑๐๐ ได้รับทราบแนวทาง', note: 'จัดประชุมชี้แจงแนวทางแก่บุคลากร ๔๒ คน เมื่อวันที่ ๑๖ มกราคม ๒๕๖๖' });
    const photo = await files.stage(agencyId, samplePhoto(48, [30, 110, 190]), 'ประชุมชี้แจงแนวทาง.png', { allow: ['png'] });
    await tracking.addEvidence(system, m1.id, { title: 'ภาพการประชุมชี้แจงแนวทางการเฝ้าระวังการทุจริต' }, photo, { photo: true });
    await tracking.addEvidence(system, m1.id, { title: 'แนวทางการเฝ้าระวังการทุจริตบนเว็บไซต์', url: 'https://www.example.go.th/anti-corruption' });
  }
  if (m2) {
    await tracking.updateMeasure(system, m2.id, { ...base(m2), status: 'done', doneOn: '2023-02-20', outputsTh: 'นโยบายต่อต้านการทุจริต ๑ ฉบับ', indicatorsTh: 'ประกาศนโยบายภายในเดือนกุมภาพันธ์', note: 'นายกเทศมนตรีลงนามประกาศนโยบายต่อต้านการทุจริตแล้ว' });
    await tracking.addEvidence(system, m2.id, { title: 'ประกาศนโยบายต่อต้านการทุจริต', url: 'https://www.example.go.th/policy' });
  }
  if (m3) await tracking.updateMeasure(system, m3.id, { ...base(m3), status: 'in_progress', plannedTo: '2023-02-28', note: 'อยู่ระหว่างจัดทำแผนผังขั้นตอนการร้องเรียน ล่าช้าเนื่องจากผู้รับผิดชอบติดภารกิจเลือกตั้ง' });
  if (m4) await tracking.updateMeasure(system, m4.id, { ...base(m4), status: 'not_started', plannedTo: '2023-03-15' });
  if (m5) await tracking.updateMeasure(system, m5.id, { ...base(m5), status: 'in_progress', note: 'ร่างมาตรการส่งเสริมคุณธรรมแล้ว รอเสนอผู้บริหาร' });

  await reports.produce(SYSTEM_ACTOR, agencyId, { kind: 'measures', year: DEMO_TRACKING_YEAR, round: 6, role: 'measures-report' }, { problems: DEMO_PROBLEMS, suggestions: DEMO_SUGGESTIONS, summary: '' });
}
