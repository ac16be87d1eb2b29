/**
 * The demo agency's e-services: two services switched on (street-light repair and the general
 * petition) plus the general complaints channel, requests in every state, and satisfaction
 * answers for three services so the report shows what the OIT element asks for.
 */
import type { User } from '../users/index.js';
import type { SurveysService } from '../surveys/index.js';
import type { EservicesService } from './service.js';
import { actorOf } from '../../platform/audit.js';

export async function seedDemoEservices(deps: { eservices: EservicesService; surveys: SurveysService }, agencyId: string, staffUser: User, unitId: string | null): Promise<void> {
  const { eservices, surveys } = deps;
  const actor = actorOf(staffUser);
  const light = await eservices.enableTemplate(actor, agencyId, 'street-light-repair', { unitId });
  const petition = await eservices.enableTemplate(actor, agencyId, 'general-petition', { unitId });
  const complaint = await eservices.enableTemplate(actor, agencyId, 'general-complaint', { unitId });
  await eservices.addReplyTemplate(actor, agencyId, 'รับเรื่องแล้ว', 'หน่วยงานได้รับเรื่องของท่านแล้ว และจะดำเนินการภายในระยะเวลาที่กำหนด');
  await eservices.addReplyTemplate(actor, agencyId, 'ขอเอกสารเพิ่มเติม', 'กรุณาส่งสำเนาบัตรประจำตัวประชาชนเพิ่มเติมทางหน้าติดตามสถานะ');

  // One report carries the coordinates a phone adds, so the staff page shows its OpenStreetMap link.
  const lightReq = (address: string, problem: string, point?: { lat: number; lng: number }) => ({
    fields: { location: point ? { address, ...point } : address, problem, name: 'ผู้แจ้ง (สมมุติ)', phone: '0812345678' },
    channel: 'online' as const,
  });
  const petitionReq = (subject: string) => ({
    fields: { full_name: 'นายตัวอย่าง ทดสอบ (สมมุติ)', phone: '0898765432', address: '12 หมู่ 3 ตำบลตัวอย่าง', subject, details: `รายละเอียดคำร้องเรื่อง${subject} (ข้อมูลสาธิต)` },
    channel: 'online' as const,
  });
  const complaintReq = (subject: string) => ({ fields: { subject, details: `${subject} บริเวณหมู่ 2 (ข้อมูลสาธิต)` }, channel: 'online' as const });

  const plan: { service: string; input: Parameters<EservicesService['submitRequest']>[2]; to: ('in_progress' | 'waiting_citizen' | 'done' | 'rejected')[]; answers?: Record<string, string> }[] = [
    { service: light.id, input: lightReq('หน้าวัดตัวอย่าง หมู่ 1', 'ไฟดับ'), to: ['in_progress', 'done'], answers: { process: '5', time: '4', staff: '5', channel: '5', overall: '5' } },
    { service: light.id, input: lightReq('ซอย 3 หมู่ 4', 'ไฟกะพริบ'), to: ['done'], answers: { process: '4', time: '4', staff: '4', channel: '5', overall: '4' } },
    { service: light.id, input: lightReq('สะพานข้ามลำห้วย', 'เสาหรือโคมชำรุด', { lat: 14.9799, lng: 102.0978 }), to: ['in_progress'] },
    { service: light.id, input: lightReq('ตลาดสด', 'ไฟดับ'), to: [] },
    { service: petition.id, input: petitionReq('ขอสำเนาเอกสาร'), to: ['in_progress', 'done'], answers: { process: '4', time: '3', staff: '5', channel: '4', overall: '4', suggestion: 'อยากให้แจ้งผลทางโทรศัพท์ด้วย' } },
    { service: petition.id, input: petitionReq('ขอใช้สถานที่'), to: ['waiting_citizen'] },
    { service: petition.id, input: petitionReq('ขอติดตั้งกระจกโค้ง'), to: ['rejected'] },
    { service: complaint.id, input: complaintReq('เสียงดังจากร้านค้ายามวิกาล'), to: ['in_progress', 'done'], answers: { process: '3', time: '3', staff: '4', channel: '4', overall: '3' } },
    { service: complaint.id, input: complaintReq('ขยะตกค้าง'), to: [] },
  ];
  for (const p of plan) {
    const { id, trackingCode } = await eservices.submitRequest(agencyId, p.service, p.input);
    for (const to of p.to) {
      const note = to === 'rejected' ? 'พื้นที่ดังกล่าวอยู่ในความรับผิดชอบของแขวงทางหลวง หน่วยงานได้ประสานส่งต่อแล้ว' : to === 'waiting_citizen' ? 'กรุณาระบุวันและเวลาที่ต้องการใช้สถานที่' : '';
      await eservices.changeState(staffUser, actor, agencyId, id, to, note);
    }
    if (p.answers) {
      const status = await eservices.status(agencyId, trackingCode);
      if (status.survey) await surveys.respond(agencyId, status.survey.token, p.answers);
    }
  }
}
