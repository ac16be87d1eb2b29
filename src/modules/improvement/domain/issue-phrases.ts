/**
 * How a plan row reads: the weakness in plain Thai (not the survey question), what the row
 * produces and reports, which kind of unit answers for it, and which rows belong together.
 * Written after the seed plan (เทศบาลตำบลปรุใหญ่, FY2565): "แนวทางปฏิบัติสำหรับร้องเรียนการทุจริต",
 * not "หากท่านพบเห็นแนวโน้มการทุจริต … อย่างไร".
 *
 * Kept beside the drafting rather than in the catalogue files: survey questions are matched by
 * their wording (stable across years while codes move), OIT items by their role.
 */
import type { OitRole } from '../../catalogue/domain/roles.js';

/** The kinds of work a responsible unit is chosen by; each agency maps a kind to one of its units. */
export type UnitKind = 'admin' | 'finance' | 'hr' | 'works' | 'education' | 'health';

export const UNIT_KINDS: UnitKind[] = ['admin', 'finance', 'hr', 'works', 'education', 'health'];

/** What each kind covers, for the form where an agency sets its own units. */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  admin: 'งานบริหารทั่วไป แผนและรายงานป้องกันการทุจริต เรื่องร้องเรียน มาตรการ และเว็บไซต์',
  finance: 'งบประมาณ การเงิน และการจัดซื้อจัดจ้าง',
  hr: 'การบริหารและพัฒนาทรัพยากรบุคคล',
  works: 'งานช่าง โยธา และทรัพย์สิน',
  education: 'การศึกษา',
  health: 'สาธารณสุขและสิ่งแวดล้อม',
};

/**
 * A unit of the agency for each kind, tried in order: the HR unit is "งานการเจ้าหน้าที่" where the
 * agency lists one, else the office of the permanent secretary, where that work sits in most LAOs.
 */
export const UNIT_KIND_PATTERNS: Record<UnitKind, RegExp[]> = {
  admin: [/สำนักปลัด|สำนักงานปลัด/, /บริหารทั่วไป|อำนวยการ/],
  finance: [/คลัง/, /การเงิน/, /พัสดุ/],
  hr: [/การเจ้าหน้าที่/, /บุคคล|บุคลากร/, /สำนักปลัด|สำนักงานปลัด/],
  works: [/ช่าง/, /โยธา/],
  education: [/การศึกษา/],
  health: [/สาธารณสุข/, /สิ่งแวดล้อม/],
};

export interface IssueTopic {
  /** Rows whose topics share a group are drafted as one row. */
  group: string;
  /** The weakness, as the plan states it. */
  issueTh: string;
  /** What the row produces and reports on ("แนวทางการเฝ้าระวังการทุจริต"). */
  deliverableTh: string;
  steps: string[];
  unit: UnitKind;
}

const PUBLISH_STAFF = 'แจ้งเวียนและเผยแพร่ให้บุคลากรทุกคนรับทราบ และเผยแพร่บนเว็บไซต์ของหน่วยงาน';
const PUBLISH_PUBLIC = 'ประชาสัมพันธ์บนเว็บไซต์ของหน่วยงานและช่องทางอื่นให้ประชาชนรับทราบ';

const topic = (group: string, unit: UnitKind, issueTh: string, deliverableTh: string, steps: string[]): IssueTopic => ({ group, unit, issueTh, deliverableTh, steps });

/** Survey questions (IIT, EIT) by their wording; the first match wins. */
export const QUESTION_TOPICS: { when: RegExp; topic: IssueTopic }[] = [
  // IIT 1 การปฏิบัติหน้าที่
  { when: /ตามประเด็นดังต่อไปนี้.*เป็นไปตามขั้นตอน|ขั้นตอนและระยะเวลาที่กำหนด/, topic: topic('duty-standards', 'admin', 'การปฏิบัติงานและให้บริการยังไม่เป็นไปตามขั้นตอนและระยะเวลาที่กำหนดอย่างสม่ำเสมอ', 'คู่มือการปฏิบัติงานและมาตรฐานระยะเวลาการให้บริการ', ['ทบทวนคู่มือการปฏิบัติงานและกำหนดระยะเวลาการให้บริการแต่ละงาน', 'ชี้แจงให้บุคลากรถือปฏิบัติ', PUBLISH_STAFF]) },
  { when: /ผู้มาติดต่อที่รู้จักเป็นการส่วนตัว|ผู้มาติดต่อทั่ว ?ๆ ?ไป/, topic: topic('duty-equal', 'admin', 'การให้บริการผู้มาติดต่อยังไม่เท่าเทียมกันทุกคน', 'แนวปฏิบัติการให้บริการอย่างเท่าเทียม', ['กำหนดแนวปฏิบัติการให้บริการตามลำดับคิวอย่างเท่าเทียม', 'ให้ผู้บังคับบัญชาตรวจสอบการให้บริการเป็นประจำ', PUBLISH_STAFF]) },
  { when: /มีพฤติกรรมในการปฏิบัติงาน/, topic: topic('duty-conduct', 'hr', 'บุคลากรยังขาดความรับผิดชอบและการมุ่งผลสำเร็จของงานในบางส่วน', 'การพัฒนาพฤติกรรมการปฏิบัติงานของบุคลากร', ['จัดอบรมหรือประชุมชี้แจงเรื่องความรับผิดชอบต่อผลงาน', 'ผู้บังคับบัญชาติดตามผลการปฏิบัติงานรายบุคคล']) },
  { when: /เรียกรับ|ให้สิ่งดังต่อไปนี้ แก่บุคคลภายนอก|นอกเหนือจากการรับจากญาติ/, topic: topic('no-gift', 'admin', 'ยังมีการรับหรือให้ทรัพย์สินและประโยชน์อื่นใดที่ไม่เหมาะสมจากการปฏิบัติหน้าที่', 'มาตรการไม่รับของขวัญและประโยชน์อื่นใด (No Gift Policy)', ['ผู้บริหารประกาศนโยบายไม่รับของขวัญและประโยชน์อื่นใด (No Gift Policy)', 'จัดกิจกรรมสร้างวัฒนธรรมไม่รับของขวัญแก่บุคลากร', PUBLISH_STAFF]) },
  // IIT 2 การใช้งบประมาณ
  { when: /แผนการใช้จ่ายงบประมาณ/, topic: topic('budget-awareness', 'finance', 'บุคลากรยังไม่รับรู้แผนการใช้จ่ายงบประมาณประจำปีของหน่วยงาน', 'แผนการใช้จ่ายงบประมาณประจำปี', ['ชี้แจงแผนการใช้จ่ายงบประมาณในการประชุมประจำเดือน', PUBLISH_STAFF]) },
  { when: /ใช้จ่ายงบประมาณ|เบิกจ่ายเงิน|จัดซื้อจัดจ้าง|ตรวจสอบการใช้จ่ายงบประมาณ/, topic: topic('budget-integrity', 'finance', 'การใช้จ่ายงบประมาณและการจัดซื้อจัดจ้างยังเปิดให้บุคลากรมีส่วนร่วมตรวจสอบได้น้อย', 'รายงานการใช้จ่ายงบประมาณและการจัดซื้อจัดจ้าง', ['สรุปการใช้จ่ายงบประมาณและการจัดซื้อจัดจ้างทุกไตรมาส', 'เปิดให้บุคลากรสอบถามและตรวจสอบการใช้จ่ายได้', PUBLISH_STAFF]) },
  // IIT 3 การใช้อำนาจ
  { when: /มอบหมายงาน|ประเมินผลการปฏิบัติงาน|คัดเลือกผู้เข้ารับการฝึกอบรม|สั่งการให้ทำ|บริหารงานบุคคล/, topic: topic('authority', 'hr', 'การมอบหมายงาน การประเมินผล และการบริหารงานบุคคลยังไม่เป็นธรรมในมุมมองของบุคลากร', 'หลักเกณฑ์การมอบหมายงาน การประเมินผล และการคัดเลือกบุคลากร', ['กำหนดหลักเกณฑ์การมอบหมายงานและการประเมินผลที่ชัดเจน', 'เปิดช่องทางให้บุคลากรสอบถามหรือโต้แย้งผลการประเมิน', PUBLISH_STAFF]) },
  // IIT 4 การใช้ทรัพย์สินของราชการ
  { when: /ทรัพย์สินของราชการ/, topic: topic('assets', 'works', 'การยืมและการใช้ทรัพย์สินของราชการยังไม่มีแนวปฏิบัติที่บุคลากรรับรู้และถือปฏิบัติ', 'แนวปฏิบัติการยืมและใช้ทรัพย์สินของราชการ', ['จัดทำแนวปฏิบัติและขั้นตอนการขออนุญาตยืมทรัพย์สินของราชการ', 'ตรวจสอบทะเบียนการยืมทรัพย์สินเป็นประจำ', PUBLISH_STAFF]) },
  // IIT 5 การแก้ไขปัญหาการทุจริต (the seed's rows 1–4)
  { when: /ให้ความสำคัญ ?กับการต่อต้านการทุจริต|ทบทวนนโยบายหรือมาตรการป้องกันการทุจริต|ปัญหาการทุจริตในหน่วยงาน.*ได้รับการแก้ไข|เฝ้าระวัง/, topic: topic('anti-corruption-drive', 'admin', 'แนวทางการขับเคลื่อนการเฝ้าระวังการทุจริต การตรวจสอบการทุจริต และการลงโทษทางวินัยเมื่อมีการทุจริต ยังไม่ชัดเจนและบุคลากรยังไม่รับรู้', 'แนวทางการเฝ้าระวังและตรวจสอบการทุจริต', ['ผู้บริหารประกาศเจตจำนงต่อต้านการทุจริตและทบทวนมาตรการป้องกันการทุจริต', 'จัดทำแนวทางการเฝ้าระวัง การตรวจสอบ และการลงโทษทางวินัยเมื่อมีการทุจริต', PUBLISH_STAFF]) },
  { when: /ผลการตรวจสอบของฝ่ายตรวจสอบ/, topic: topic('audit-findings', 'admin', 'ยังไม่นำผลการตรวจสอบของฝ่ายตรวจสอบทั้งภายในและภายนอกมาปรับปรุงการทำงานและแจ้งให้บุคลากรทราบ', 'ผลการตรวจสอบและการปรับปรุงการทำงาน', ['สรุปข้อสังเกตจากการตรวจสอบภายในและภายนอก', 'กำหนดการปรับปรุงการทำงานตามข้อสังเกตและผู้รับผิดชอบ', PUBLISH_STAFF]) },
  { when: /แนวโน้มการทุจริต|ร้องเรียน/, topic: topic('complaints', 'admin', 'แนวทางปฏิบัติและช่องทางการร้องเรียนการทุจริตยังไม่สะดวก และยังไม่สร้างความมั่นใจว่าผู้ร้องเรียนจะปลอดภัย', 'แนวทางและช่องทางการร้องเรียนการทุจริต', ['จัดทำแผนผังขั้นตอนการร้องเรียนการทุจริตและช่องทางร้องเรียนที่เข้าถึงง่าย', 'กำหนดวิธีคุ้มครองข้อมูลของผู้ร้องเรียน', PUBLISH_STAFF]) },
  // EIT
  { when: /ปรับปรุงคุณภาพ/, topic: topic('service-quality', 'admin', 'ยังไม่แสดงผลงานการปรับปรุงและพัฒนาคุณภาพการให้บริการให้ประชาชนเห็น', 'ผลงานการพัฒนาคุณภาพการให้บริการ', ['สรุปผลงานการพัฒนาคุณภาพการให้บริการเทียบกับปีก่อนหน้า', 'สรุปผลการสำรวจความพึงพอใจของผู้รับบริการ', PUBLISH_PUBLIC]) },
  { when: /ปรับปรุงวิธีการและขั้นตอน/, topic: topic('service-process', 'admin', 'ยังไม่แสดงผลการปรับปรุงวิธีการและขั้นตอนการให้บริการให้ประชาชนเห็น', 'ผลการปรับลดขั้นตอนและระยะเวลาการให้บริการ', ['สรุปขั้นตอนและระยะเวลาการให้บริการที่ปรับปรุงแล้วเทียบกับปีก่อนหน้า', 'แจ้งขั้นตอนใหม่ ณ จุดให้บริการ', PUBLISH_PUBLIC]) },
  { when: /เทคโนโลยี|ออนไลน์/, topic: topic('service-online', 'admin', 'การให้บริการยังนำเทคโนโลยีมาใช้น้อย ผู้รับบริการยังต้องเดินทางมาติดต่อ', 'บริการออนไลน์ของหน่วยงาน', ['สำรวจงานบริการที่ให้บริการออนไลน์ได้', 'เปิดบริการออนไลน์อย่างน้อยหนึ่งงาน', PUBLISH_PUBLIC]) },
  { when: /มีส่วนร่วม/, topic: topic('participation', 'admin', 'ยังเปิดโอกาสให้ประชาชนและผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานน้อย', 'กิจกรรมการมีส่วนร่วมและช่องทางรับฟังความคิดเห็น', ['เชิญชวนประชาชนเข้าร่วมโครงการหรือกิจกรรมของหน่วยงาน', 'จัดช่องทางสื่อสารสองทางและรับฟังความคิดเห็นของผู้รับบริการ', PUBLISH_PUBLIC]) },
  { when: /ข้อมูล|เผยแพร่|ช่องทาง/, topic: topic('communication', 'admin', 'การเผยแพร่ข้อมูลและช่องทางการสื่อสารกับประชาชนยังเข้าถึงยาก', 'ข้อมูลที่เผยแพร่และช่องทางการสื่อสาร', ['ทบทวนข้อมูลที่เผยแพร่ให้เป็นปัจจุบันและค้นหาง่าย', PUBLISH_PUBLIC]) },
];

/** OIT roles that are drafted as one row with another role: a plan and its progress report. */
const ROLE_GROUPS: Partial<Record<OitRole, string>> = {
  'anti-corruption-plan': 'anti-corruption-plan',
  'anti-corruption-progress-6m': 'anti-corruption-plan',
  'budget-plan': 'budget',
  'budget-progress-6m': 'budget',
  'procurement-plan': 'procurement',
  'procurement-monthly': 'procurement',
  'procurement-announcements': 'procurement',
  'complaint-guideline': 'complaints',
  'complaint-channel': 'complaints',
  'no-gift-policy': 'no-gift',
  'no-gift-culture': 'no-gift',
  'corruption-risk': 'corruption-risk',
  'corruption-risk-report': 'corruption-risk',
  'ethics-code': 'ethics',
  'ethics-driving': 'ethics',
  'hr-policy': 'hr-policy',
  'hr-policy-actions': 'hr-policy',
};

/** The kind of unit each OIT role falls to: anti-corruption, complaints and measures stay with the office. */
export const ROLE_UNITS: Partial<Record<OitRole, UnitKind>> = {
  'budget-plan': 'finance',
  'budget-progress-6m': 'finance',
  'budget-report': 'finance',
  'procurement-plan': 'finance',
  'procurement-announcements': 'finance',
  'procurement-monthly': 'finance',
  'procurement-annual': 'finance',
  'hr-policy': 'hr',
  'hr-policy-actions': 'hr',
  'hr-plan': 'hr',
  'hr-report': 'hr',
  'ethics-assessment': 'hr',
};

export const roleGroup = (role: OitRole): string => ROLE_GROUPS[role] ?? role;
export const roleUnit = (role: OitRole): UnitKind => ROLE_UNITS[role] ?? 'admin';

export function questionTopic(text: string): IssueTopic | undefined {
  const flat = text.replace(/\s+/g, ' ');
  return QUESTION_TOPICS.find((t) => t.when.test(flat))?.topic;
}
