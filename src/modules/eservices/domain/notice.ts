/**
 * The message a citizen gets when their request changes state or staff reply (issue 12). It
 * carries only the tracking code, the new state and the link to the status page: never a name,
 * an address, a form value or the reply itself — e-mail and LINE pass through third parties, and
 * the status page (behind the tracking code) is where the content is shown.
 */
import { STATE_LABELS, type RequestState } from './states.js';

export type NoticeKind = 'state' | 'reply';

export interface Notice {
  kind: NoticeKind;
  trackingCode: string;
  /** The request's state: the new one of a state change, the current one of a reply. */
  state: RequestState;
  statusUrl: string;
}

export function noticeMessage(n: Notice): { subject: string; text: string } {
  const label = STATE_LABELS[n.state];
  const headline = n.kind === 'reply' ? `มีข้อความใหม่จากเจ้าหน้าที่ (สถานะ: ${label})` : `สถานะใหม่: ${label}`;
  return {
    subject: `คำขอ ${n.trackingCode}: ${n.kind === 'reply' ? 'มีข้อความใหม่จากเจ้าหน้าที่' : label}`,
    text: [
      `คำขอรหัสติดตาม ${n.trackingCode}`,
      headline,
      `ดูรายละเอียดได้ที่ ${n.statusUrl}`,
      '',
      'ข้อความนี้ส่งอัตโนมัติเพราะท่านขอรับแจ้งความคืบหน้าของคำขอ กรุณาอย่าตอบกลับข้อความนี้',
    ].join('\n'),
  };
}

/** An SMTP server's refusal may quote the recipient: kept errors never hold an address or a LINE user id. */
export const withoutAddresses = (text: string): string => text.replace(/[^\s<>"'@]+@[^\s<>"']+/g, '[address]').replace(/U[0-9a-f]{32}/g, '[line-user]');

/** The status page of a request (the public route in public-routes.tsx). */
export const statusUrl = (publicBaseUrl: string, slug: string, trackingCode: string): string =>
  `${publicBaseUrl}/a/${slug}/eservice/track/${trackingCode}`;
