import { describe, expect, it } from 'vitest';
import { noticeMessage, statusUrl, withoutAddresses } from './notice.js';

const url = statusUrl('https://ita.example.go.th', 'pruyai', 'ES-ABCDE-FGHJK');

describe('the notice a citizen gets', () => {
  it('links to the status page of the request', () => {
    expect(url).toBe('https://ita.example.go.th/a/pruyai/eservice/track/ES-ABCDE-FGHJK');
  });

  it('says the tracking code, the new state and the link — and nothing else', () => {
    const m = noticeMessage({ kind: 'state', trackingCode: 'ES-ABCDE-FGHJK', state: 'waiting_citizen', statusUrl: url });
    expect(m.subject).toBe('คำขอ ES-ABCDE-FGHJK: รอข้อมูลเพิ่มเติมจากผู้ยื่นคำขอ');
    expect(m.text.split('\n')).toEqual([
      'คำขอรหัสติดตาม ES-ABCDE-FGHJK',
      'สถานะใหม่: รอข้อมูลเพิ่มเติมจากผู้ยื่นคำขอ',
      `ดูรายละเอียดได้ที่ ${url}`,
      '',
      'ข้อความนี้ส่งอัตโนมัติเพราะท่านขอรับแจ้งความคืบหน้าของคำขอ กรุณาอย่าตอบกลับข้อความนี้',
    ]);
  });

  it('announces a staff reply without its text, with the current state', () => {
    const m = noticeMessage({ kind: 'reply', trackingCode: 'ES-ABCDE-FGHJK', state: 'in_progress', statusUrl: url });
    expect(m.subject).toBe('คำขอ ES-ABCDE-FGHJK: มีข้อความใหม่จากเจ้าหน้าที่');
    expect(m.text).toContain('มีข้อความใหม่จากเจ้าหน้าที่ (สถานะ: กำลังดำเนินการ)');
  });

  it('keeps no address or LINE user id in a kept error text', () => {
    expect(withoutAddresses('550 5.1.1 <somchai.k@example.co.th>: Recipient address rejected')).toBe('550 5.1.1 <[address]>: Recipient address rejected');
    expect(withoutAddresses(`LINE: invalid to U${'a1'.repeat(16)}`)).toBe('LINE: invalid to [line-user]');
  });
});
