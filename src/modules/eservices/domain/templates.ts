/**
 * Templates of the common services of a Thai municipality. An agency switches one on (a copy
 * becomes its own service) and edits it; the template itself never changes under it.
 * Time limits follow the usual published service manuals (คู่มือสำหรับประชาชน) and are a
 * starting point the agency corrects; retention is how long personal data is kept after the
 * request closes.
 */
import type { Category } from './states.js';
import type { FormField } from './fields.js';

export interface ServiceTemplate {
  key: string;
  category: Category;
  nameTh: string;
  descriptionTh: string;
  documentsTh: string;
  feeTh: string;
  timeLimitDays: number;
  retentionDays: number;
  purposeTh: string;
  fields: FormField[];
}

const NAME: FormField = { key: 'full_name', label: 'ชื่อ-นามสกุล', type: 'text', required: true };
const ID: FormField = { key: 'national_id', label: 'เลขประจำตัวประชาชน', type: 'national-id', required: true };
const PHONE: FormField = { key: 'phone', label: 'หมายเลขโทรศัพท์ที่ติดต่อได้', type: 'phone', required: true };
const ADDRESS: FormField = { key: 'address', label: 'ที่อยู่', type: 'address', required: true };
const PURPOSE = (what: string) => `ใช้ข้อมูลส่วนบุคคลเพื่อพิจารณาและดำเนินการ${what} และติดต่อกลับผู้ยื่นคำขอเท่านั้น (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562)`;

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  {
    key: 'water-supply',
    category: 'service',
    nameTh: 'ขอใช้น้ำประปา',
    descriptionTh: 'ยื่นคำขอติดตั้งมาตรวัดน้ำประปาสำหรับบ้านเรือนหรือสถานประกอบการ',
    documentsTh: 'สำเนาทะเบียนบ้าน, สำเนาบัตรประจำตัวประชาชน, หนังสือยินยอมของเจ้าของบ้าน (กรณีผู้เช่า)',
    feeTh: 'ค่าธรรมเนียมและค่ามาตรวัดตามประกาศของหน่วยงาน',
    timeLimitDays: 15,
    retentionDays: 365 * 2,
    purposeTh: PURPOSE('คำขอใช้น้ำประปา'),
    fields: [NAME, ID, PHONE, { key: 'install_location', label: 'สถานที่ติดตั้ง', type: 'location', required: true }, { key: 'house_registration', label: 'สำเนาทะเบียนบ้าน', type: 'file', required: false }],
  },
  {
    key: 'general-petition',
    category: 'service',
    nameTh: 'คำร้องทั่วไป',
    descriptionTh: 'ยื่นคำร้องเรื่องอื่น ๆ ที่ไม่มีแบบคำขอเฉพาะ',
    documentsTh: 'เอกสารประกอบตามเรื่องที่ร้อง (ถ้ามี)',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 15,
    retentionDays: 365,
    purposeTh: PURPOSE('ตามคำร้อง'),
    fields: [NAME, PHONE, ADDRESS, { key: 'subject', label: 'เรื่อง', type: 'text', required: true }, { key: 'details', label: 'รายละเอียด', type: 'text', required: true }, { key: 'attachment', label: 'เอกสารหรือรูปภาพประกอบ', type: 'file', required: false }],
  },
  {
    key: 'assistance',
    category: 'service',
    nameTh: 'ขอความช่วยเหลือ (ผู้ประสบภัย/ผู้ยากไร้)',
    descriptionTh: 'ขอรับความช่วยเหลือกรณีประสบสาธารณภัยหรือความเดือดร้อน',
    documentsTh: 'สำเนาบัตรประจำตัวประชาชน, รูปถ่ายความเสียหาย (ถ้ามี)',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 7,
    retentionDays: 365 * 2,
    purposeTh: PURPOSE('การให้ความช่วยเหลือ'),
    fields: [
      NAME,
      ID,
      PHONE,
      { key: 'location', label: 'สถานที่เกิดเหตุ', type: 'location', required: true },
      { key: 'need', label: 'ประเภทความช่วยเหลือ', type: 'choice', required: true, options: ['ที่พักอาศัยเสียหาย', 'อาหารและน้ำดื่ม', 'ค่ารักษาพยาบาล', 'อื่น ๆ'] },
      { key: 'details', label: 'รายละเอียด', type: 'text', required: true },
      { key: 'photo', label: 'รูปถ่าย', type: 'file', required: false },
    ],
  },
  {
    key: 'elderly-allowance',
    category: 'service',
    nameTh: 'ขอรับเบี้ยยังชีพผู้สูงอายุ',
    descriptionTh: 'ลงทะเบียนขอรับเบี้ยยังชีพผู้สูงอายุ สำหรับผู้ที่จะอายุครบ 60 ปีในปีงบประมาณถัดไป',
    documentsTh: 'สำเนาบัตรประจำตัวประชาชน, สำเนาทะเบียนบ้าน, สำเนาสมุดบัญชีเงินฝาก',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 30,
    retentionDays: 365 * 5,
    purposeTh: PURPOSE('การลงทะเบียนรับเบี้ยยังชีพ'),
    fields: [NAME, ID, { key: 'birth_date', label: 'วันเดือนปีเกิด', type: 'date', required: true }, PHONE, ADDRESS, { key: 'bank_book', label: 'สำเนาสมุดบัญชีเงินฝาก', type: 'file', required: false }],
  },
  {
    key: 'street-light-repair',
    category: 'service',
    nameTh: 'แจ้งซ่อมไฟฟ้าสาธารณะ',
    descriptionTh: 'แจ้งไฟฟ้าส่องสว่างสาธารณะชำรุด ดับ หรือกะพริบ',
    documentsTh: 'ไม่ต้องใช้เอกสาร (แนบรูปถ่ายได้)',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 7,
    retentionDays: 180,
    purposeTh: PURPOSE('การซ่อมไฟฟ้าสาธารณะ'),
    fields: [
      { key: 'location', label: 'ตำแหน่งเสาไฟหรือจุดที่ชำรุด', type: 'location', required: true },
      { key: 'problem', label: 'อาการ', type: 'choice', required: true, options: ['ไฟดับ', 'ไฟกะพริบ', 'เสาหรือโคมชำรุด', 'อื่น ๆ'] },
      { key: 'photo', label: 'รูปถ่าย', type: 'file', required: false },
      { key: 'name', label: 'ชื่อผู้แจ้ง', type: 'text', required: false },
      { key: 'phone', label: 'หมายเลขโทรศัพท์', type: 'phone', required: false },
    ],
  },
  {
    key: 'building-permit',
    category: 'service',
    nameTh: 'ขออนุญาตก่อสร้างอาคาร',
    descriptionTh: 'ยื่นคำขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร (ข.1)',
    documentsTh: 'แบบแปลน, สำเนาโฉนดที่ดิน, สำเนาบัตรประจำตัวประชาชน, หนังสือยินยอมเจ้าของที่ดิน (ถ้ามี)',
    feeTh: 'ค่าธรรมเนียมตามกฎกระทรวงที่ออกตาม พ.ร.บ.ควบคุมอาคาร',
    timeLimitDays: 45,
    retentionDays: 365 * 10,
    purposeTh: PURPOSE('การพิจารณาอนุญาตก่อสร้าง'),
    fields: [NAME, ID, PHONE, { key: 'site', label: 'ที่ตั้งอาคาร', type: 'location', required: true }, { key: 'area', label: 'พื้นที่อาคาร (ตารางเมตร)', type: 'number', required: true }, { key: 'plans', label: 'แบบแปลน (PDF)', type: 'file', required: true }],
  },
  {
    key: 'tax-inquiry',
    category: 'service',
    nameTh: 'สอบถามภาษีป้าย/ภาษีที่ดินและสิ่งปลูกสร้าง',
    descriptionTh: 'สอบถามยอดภาษีป้าย หรือภาษีที่ดินและสิ่งปลูกสร้างที่ต้องชำระ',
    documentsTh: 'เลขที่โฉนดหรือรายละเอียดป้าย',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 7,
    retentionDays: 365,
    purposeTh: PURPOSE('การตอบคำถามเรื่องภาษี'),
    fields: [NAME, PHONE, { key: 'tax', label: 'ประเภทภาษี', type: 'choice', required: true, options: ['ภาษีป้าย', 'ภาษีที่ดินและสิ่งปลูกสร้าง'] }, { key: 'question', label: 'คำถาม', type: 'text', required: true }],
  },
  {
    key: 'general-complaint',
    category: 'complaint',
    nameTh: 'ร้องเรียน/ร้องทุกข์ทั่วไป',
    descriptionTh: 'ร้องเรียนความเดือดร้อนทั่วไป เช่น เสียงดัง กลิ่น ขยะ ถนนชำรุด (ไม่ใช่เรื่องทุจริตของเจ้าหน้าที่)',
    documentsTh: 'รูปถ่ายหรือเอกสารประกอบ (ถ้ามี)',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 15,
    retentionDays: 365,
    purposeTh: PURPOSE('การแก้ไขเรื่องร้องเรียน'),
    fields: [
      { key: 'subject', label: 'เรื่องที่ร้องเรียน', type: 'text', required: true },
      { key: 'location', label: 'สถานที่', type: 'location', required: false },
      { key: 'details', label: 'รายละเอียด', type: 'text', required: true },
      { key: 'photo', label: 'รูปถ่ายประกอบ', type: 'file', required: false },
      { key: 'name', label: 'ชื่อผู้ร้อง (ไม่บังคับ)', type: 'text', required: false },
    ],
  },
  {
    key: 'suggestion',
    category: 'suggestion',
    nameTh: 'ข้อเสนอแนะ/ติชม',
    descriptionTh: 'เสนอแนะหรือติชมการให้บริการของหน่วยงาน',
    documentsTh: '–',
    feeTh: 'ไม่มีค่าธรรมเนียม',
    timeLimitDays: 15,
    retentionDays: 365,
    purposeTh: PURPOSE('การปรับปรุงบริการ'),
    fields: [{ key: 'topic', label: 'เรื่อง', type: 'text', required: true }, { key: 'details', label: 'ข้อเสนอแนะ', type: 'text', required: true }],
  },
];

export const templateByKey = (key: string): ServiceTemplate | undefined => SERVICE_TEMPLATES.find((t) => t.key === key);
