import { describe, expect, it } from 'vitest';
import { marginOfError, uncertaintyLines } from './predict.js';

describe('uncertaintyLines', () => {
  const iit = { tool: 'IIT' as const, round: 'ประเมินตนเอง IIT ไตรมาส 1/2570', responses: 25, margin: marginOfError(25)!, provisional: true };

  it('states the sample, its margin and provisional texts, a tool not measured, a provisional catalogue and the OIT assumption', () => {
    expect(uncertaintyLines({ samples: [iit], catalogueComplete: false })).toEqual([
      'IIT: ประเมินตนเอง IIT ไตรมาส 1/2570 ผู้ตอบที่นำมาคิด 25 คน ความคลาดเคลื่อนโดยประมาณ ±20 คะแนนต่อตัวชี้วัด (ข้อความคำถาม/วิธีให้คะแนนยังเป็นข้อมูลชั่วคราว)',
      'เครื่องมือที่ยังไม่มีรอบประเมินตนเองในปีนี้ ใช้ผลทางการปีก่อนแทน (ถ้ามี)',
      'เกณฑ์ของปีนี้ในแคตตาล็อกยังเป็นข้อมูลชั่วคราว (ยังไม่ยืนยันครบ)',
      'คะแนน OIT คิดจากรายการที่ครบถ้วนในระบบ (ครบ = 100, ไม่ครบ = 0) ผู้ตรวจของ ป.ป.ช. อาจให้ผลต่างออกไป',
    ]);
  });

  it('says a round without shown results has none yet, and drops the notes that do not apply', () => {
    const eit = { tool: 'EIT' as const, round: 'ประเมินตนเอง EIT ไตรมาส 1/2570', responses: 0, provisional: false };
    const lines = uncertaintyLines({ samples: [{ ...iit, provisional: false }, eit], catalogueComplete: true });
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('EIT: ประเมินตนเอง EIT ไตรมาส 1/2570 ผู้ตอบที่นำมาคิด 0 คน ยังไม่มีผลที่แสดงได้');
  });
});
