/**
 * What staff must know about a year's catalogue before relying on it: which facts are
 * provisional or unconfirmed, in plain Thai, and how an administrator corrects them. Shown on
 * every page where those facts are used (OIT workspace and readiness, results analysis,
 * catalogue pages), not only on the catalogue page, because an officer preparing FY2570
 * evidence never opens the catalogue page.
 */
import type { Catalogue } from './schema.js';

export type CaveatFocus = 'oit' | 'results' | 'all';

export interface CatalogueCaveats {
  fiscalYear: number;
  provisional: boolean;
  /** One sentence per kind of unconfirmed fact. */
  facts: string[];
  /** How an administrator replaces them with the official list. */
  correctionTh: string;
}

/** The caveats of a year for a page that uses its OIT list, its scoring, or both; null when there is nothing to say. */
export function catalogueCaveats(c: Catalogue, focus: CaveatFocus = 'all'): CatalogueCaveats | null {
  const facts: string[] = [];
  const y = c.fiscalYear;
  const oit = focus !== 'results';
  const results = focus !== 'oit';
  if (c.status === 'provisional') {
    facts.push(`แคตตาล็อกปีงบประมาณ พ.ศ. ${y} เป็นฉบับชั่วคราว ยังไม่ใช่รายการทางการของ ป.ป.ช.`);
  }
  if (oit) {
    if (c.oitItems.length === 0) {
      facts.push(`ปีงบประมาณ พ.ศ. ${y} ยังไม่มีรายการ OIT ในระบบ`);
    } else {
      const items = c.oitItems.filter((i) => !i.verified);
      const elements = c.oitItems.flatMap((i) => i.elements).filter((e) => !e.verified).length;
      if (items.length > 0) {
        const low = c.oitItems.filter((i) => i.confidence === 'low').map((i) => i.code);
        facts.push(
          `รายการ OIT ${items.length} จาก ${c.oitItems.length} ข้อ (ชื่อ ลำดับ และช่วงเวลาที่หลักฐานต้องครอบคลุม) ยังไม่ยืนยัน` +
            // Name the guessed items only when they are few enough to read.
          (low.length > 0 && low.length <= 6 ? ` โดยเฉพาะ ${low.join(', ')} ซึ่งเป็นการสันนิษฐาน` : ''),
        );
      }
      if (elements > 0) facts.push(`องค์ประกอบที่ใช้ตรวจความครบถ้วน ${elements} รายการยังไม่ยืนยัน ผลการตรวจความพร้อมจึงเป็นการประมาณ`);
    }
  }
  if (results) {
    const tools = c.tools.filter((t) => !t.verified);
    if (tools.length > 0) facts.push(`น้ำหนักของเครื่องมือ ${tools.map((t) => `${t.code} ${t.weight}`).join(' ')} ยังไม่ยืนยัน คะแนนรวมที่ระบบคำนวณจึงอาจต่างจากของ ป.ป.ช.`);
    const rules = c.rating.kind === 'bands' ? c.rating.bands : c.rating.rules;
    const unverifiedRules = rules.filter((r) => !r.verified);
    if (unverifiedRules.length > 0) facts.push(`เกณฑ์ระดับผลการประเมิน ${unverifiedRules.map((r) => r.labelTh || r.code).join(', ')} ยังไม่ยืนยัน`);
  }
  if (facts.length === 0) return null;
  return {
    fiscalYear: y,
    provisional: c.status === 'provisional',
    facts,
    correctionTh: `เมื่อได้รายการทางการของ ป.ป.ช. ผู้ดูแลระบบแก้ไขได้โดยนำเข้าแคตตาล็อกปี ${y} (ไฟล์ JSON หรือ Excel) ที่หน้า "แคตตาล็อก ITA" ระบบจะใช้ฉบับที่นำเข้าแทนทันทีในทุกหน้า`,
  };
}
