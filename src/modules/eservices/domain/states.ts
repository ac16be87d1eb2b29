/**
 * Request states and the moves staff may make. A request starts `received`; `done` and
 * `rejected` are final (a rejection needs a reason the citizen sees).
 */
export const REQUEST_STATES = ['received', 'in_progress', 'waiting_citizen', 'done', 'rejected'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const STATE_LABELS: Record<RequestState, string> = {
  received: 'รับเรื่องแล้ว',
  in_progress: 'กำลังดำเนินการ',
  waiting_citizen: 'รอข้อมูลเพิ่มเติมจากผู้ยื่นคำขอ',
  done: 'ดำเนินการเสร็จสิ้น',
  rejected: 'ไม่อนุมัติ/ยุติเรื่อง',
};

export const NEXT_STATES: Record<RequestState, readonly RequestState[]> = {
  received: ['in_progress', 'waiting_citizen', 'done', 'rejected'],
  in_progress: ['waiting_citizen', 'done', 'rejected'],
  waiting_citizen: ['in_progress', 'done', 'rejected'],
  done: [],
  rejected: [],
};

export const isFinal = (s: RequestState): boolean => s === 'done' || s === 'rejected';
export const isRequestState = (s: string): s is RequestState => (REQUEST_STATES as readonly string[]).includes(s);

export const CHANNELS = ['online', 'api', 'walk-in'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { online: 'เว็บไซต์', api: 'แอป/LINE (API)', 'walk-in': 'ยื่นที่สำนักงาน' };

export const CATEGORIES = ['service', 'complaint', 'suggestion'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  service: 'งานบริการ',
  complaint: 'ร้องเรียน/ร้องทุกข์ทั่วไป',
  suggestion: 'ข้อเสนอแนะ/ติชม',
};

/** Overdue: still open after its due date, or closed after it. Dates are ISO (Thailand's day). */
export function isOverdue(r: { state: RequestState; dueDate: string; closedOn: string | null }, today: string): boolean {
  return isFinal(r.state) ? r.closedOn !== null && r.closedOn > r.dueDate : today > r.dueDate;
}

/**
 * Tracking codes: 10 random characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown as `ES-XXXXX-XXXXX`. ~49 bits: never sequential, not guessable by counting.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function trackingCodeFrom(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += TRACKING_ALPHABET[bytes[i]! % TRACKING_ALPHABET.length];
  return `ES-${s.slice(0, 5)}-${s.slice(5)}`;
}
/** What a citizen may type: any case, spaces or missing dashes. */
export function normaliseTrackingCode(raw: string): string | undefined {
  const s = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = s.startsWith('ES') ? s.slice(2) : s;
  if (body.length !== 10 || [...body].some((c) => !TRACKING_ALPHABET.includes(c))) return undefined;
  return `ES-${body.slice(0, 5)}-${body.slice(5)}`;
}
