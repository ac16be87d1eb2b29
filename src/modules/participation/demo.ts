/** The demo agency's participation: a plan hearing with online opinions, its results and report. */
import type { Actor } from '../../platform/audit.js';
import type { ParticipationService } from './service.js';
import { fiscalYearRange } from '../../shared/fiscal.js';

export async function seedDemoParticipation(participation: ParticipationService, agencyId: string, actor: Actor, year: number): Promise<{ activityId: string; attached: number[] }> {
  const day = fiscalYearRange(year).from.slice(0, 4) + '-11-15';
  const a = await participation.create(actor, agencyId, {
    kind: 'plan-hearing',
    title: 'ประชาคมรับฟังความคิดเห็นต่อแผนพัฒนาท้องถิ่น (ข้อมูลสาธิต)',
    issue: 'ความต้องการโครงการพัฒนาของแต่ละหมู่บ้านเพื่อบรรจุในแผนพัฒนาท้องถิ่น (ข้อมูลสาธิต)',
    place: 'หอประชุมหน่วยงาน',
    startsOn: day,
    endsOn: day,
    acceptsOnline: '1',
    published: '1',
  });
  await participation.submit(agencyId, a.id, { kind: 'opinion', name: '', groupLabel: 'ประชาชนหมู่ 2', opinion: 'ขอให้ซ่อมถนนเข้าหมู่บ้านช่วงฤดูฝน (ข้อมูลสาธิต)' });
  await participation.submit(agencyId, a.id, { kind: 'register', name: 'ผู้ลงทะเบียน (สมมุติ)', contact: '0800000000', groupLabel: 'ผู้นำชุมชน' });
  await participation.recordResults(actor, agencyId, a.id, {
    issue: a.issue,
    groups: 'ผู้นำชุมชน|18\nประชาชนทั่วไป|64\nเยาวชน|9\nผู้แทนส่วนราชการ|5',
    outcome: 'ได้ข้อเสนอโครงการ 23 โครงการ เรียงลำดับความสำคัญโดยที่ประชุม 3 อันดับแรก คือ ถนน ประปา และไฟฟ้าสาธารณะ (ข้อมูลสาธิต)',
    useOfResult: 'บรรจุโครงการ 15 โครงการในแผนพัฒนาท้องถิ่น และตั้งงบประมาณซ่อมถนนในปีงบประมาณถัดไป (ข้อมูลสาธิต)',
  });
  const { attached } = await participation.produceReport(actor, agencyId, a.id);
  return { activityId: a.id, attached };
}
