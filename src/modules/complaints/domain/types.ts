/** The channel's vocabulary: categories, intake channels, states and outside bodies. */
export const CATEGORIES = ['bribery', 'procurement', 'abuse_of_power', 'misuse_of_assets', 'conflict_of_interest', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  bribery: 'การเรียกรับสินบน',
  procurement: 'การจัดซื้อจัดจ้าง',
  abuse_of_power: 'การใช้อำนาจหน้าที่โดยมิชอบ',
  misuse_of_assets: 'การใช้ทรัพย์สินของราชการโดยมิชอบ',
  conflict_of_interest: 'การมีผลประโยชน์ทับซ้อน',
  other: 'อื่น ๆ',
};

export const CHANNELS = ['online', 'api', 'letter', 'phone', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: 'เว็บไซต์',
  api: 'แอปพลิเคชัน / LINE',
  letter: 'หนังสือ / จดหมาย',
  phone: 'โทรศัพท์',
  in_person: 'ด้วยตนเอง',
};
export const STAFF_CHANNELS = ['letter', 'phone', 'in_person'] as const;

export const STATES = ['received', 'acknowledged', 'under_investigation', 'concluded', 'forwarded', 'moved_to_general'] as const;
export type State = (typeof STATES)[number];
export const STATE_LABELS: Record<State, string> = {
  received: 'ได้รับเรื่องแล้ว',
  acknowledged: 'รับเรื่องไว้พิจารณาแล้ว',
  under_investigation: 'อยู่ระหว่างตรวจสอบข้อเท็จจริง',
  concluded: 'ดำเนินการแล้วเสร็จ',
  forwarded: 'ส่งต่อหน่วยงานที่มีอำนาจ',
  moved_to_general: 'โอนเป็นเรื่องร้องเรียนทั่วไป (ตามความยินยอม)',
};
export const CLOSED_STATES: readonly State[] = ['concluded', 'forwarded', 'moved_to_general'];

export const OUTCOMES = ['substantiated', 'not_substantiated'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { substantiated: 'มีมูล', not_substantiated: 'ไม่มีมูล' };

export const OUTSIDE_BODIES = ['nacc', 'pacc', 'ombudsman', 'damrongdhama'] as const;
export type OutsideBody = (typeof OUTSIDE_BODIES)[number];
export const OUTSIDE_BODY_LABELS: Record<OutsideBody, string> = {
  nacc: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (ป.ป.ช.)',
  pacc: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ (ป.ป.ท.)',
  ombudsman: 'สำนักงานผู้ตรวจการแผ่นดิน',
  damrongdhama: 'ศูนย์ดำรงธรรมจังหวัด',
};

/** What the reporter wrote; encrypted as one JSON blob. */
export interface ReportContent {
  description: string;
  who?: string;
  when?: string;
  where?: string;
  /** Random bytes (hex) so the acknowledged hash cannot be confirmed by guessing short content. */
  nonce: string;
}

export interface Identity {
  name?: string;
  phone?: string;
  email?: string;
  nationalId?: string;
}
