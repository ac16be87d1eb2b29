/**
 * The demo agency's Q&A: answered public questions, one waiting for moderation, a private one,
 * and a category of the agency's own next to the defaults.
 */
import type { Actor } from '../../platform/audit.js';
import type { QaService } from './service.js';

export async function seedDemoQa(qa: QaService, agencyId: string, actor: Actor): Promise<void> {
  const welfare = await qa.addCategory(actor, agencyId, { nameTh: 'เบี้ยยังชีพผู้สูงอายุและผู้พิการ' });
  const plan: { category: string; question: string; askerName?: string; isPrivate?: boolean; answer?: string; publishOnly?: boolean }[] = [
    {
      category: 'service',
      question: 'ขอใบอนุญาตก่อสร้างบ้านพักอาศัยต้องใช้เอกสารอะไรบ้าง และใช้เวลากี่วัน (ข้อมูลสาธิต)',
      askerName: 'ชาวบ้านหมู่ 3',
      answer: 'ใช้แบบคำขอ ข.1 สำเนาบัตรประชาชน สำเนาโฉนดที่ดิน และแบบแปลน 5 ชุด ยื่นที่กองช่าง ระยะเวลาพิจารณาไม่เกิน 45 วันตามกฎหมาย (ข้อมูลสาธิต)',
    },
    {
      category: 'tax',
      question: 'ชำระภาษีที่ดินและสิ่งปลูกสร้างทางออนไลน์ได้หรือไม่ (ข้อมูลสาธิต)',
      answer: 'ชำระได้ผ่านพร้อมเพย์ตามใบแจ้งการประเมินภาษี หรือที่กองคลังในวันและเวลาราชการ (ข้อมูลสาธิต)',
    },
    {
      category: 'budget',
      question: 'ประกาศผลการจัดซื้อจัดจ้างโครงการซ่อมถนนหมู่ 2 ดูได้ที่ไหน (ข้อมูลสาธิต)',
      answer: 'ดูได้ที่หน้าข้อมูลสาธารณะ (OIT) หัวข้อการจัดซื้อจัดจ้าง และระบบ e-GP ของกรมบัญชีกลาง (ข้อมูลสาธิต)',
    },
    { category: 'general', question: 'ศูนย์พัฒนาเด็กเล็กเปิดรับสมัครเด็กเมื่อไร (ข้อมูลสาธิต)', publishOnly: true },
    {
      category: welfare.key,
      question: 'ย้ายมาอยู่ตำบลนี้ต้องลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุใหม่หรือไม่ (ข้อมูลสาธิต)',
      answer: 'ต้องลงทะเบียนใหม่ที่สำนักปลัดภายในเดือนพฤศจิกายน เพื่อรับเบี้ยตั้งแต่ปีงบประมาณถัดไป (ข้อมูลสาธิต)',
    },
    { category: 'personnel', question: 'มีตำแหน่งพนักงานจ้างว่างหรือไม่ ขอทราบรายละเอียดการรับสมัคร (ข้อมูลสาธิต)' },
    { category: 'other', question: 'ขอทราบความคืบหน้าเรื่องที่ดินของข้าพเจ้าที่ยื่นไว้เดือนก่อน (ข้อมูลสาธิต)', isPrivate: true, answer: 'เรื่องของท่านอยู่ระหว่างการรังวัด คาดว่าแล้วเสร็จภายในเดือนนี้ (ข้อมูลสาธิต)' },
  ];
  for (const p of plan) {
    const { id } = await qa.ask(agencyId, { category: p.category, question: p.question, askerName: p.askerName ?? '', isPrivate: p.isPrivate ? '1' : '0' });
    if (p.answer) await qa.answer(actor, agencyId, id, { answer: p.answer });
    else if (p.publishOnly) await qa.moderate(actor, agencyId, id, 'publish');
  }
}
