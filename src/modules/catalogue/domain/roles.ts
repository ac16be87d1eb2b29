/**
 * Stable roles of OIT items. NACC renumbers and renames items from year to year (the measures
 * item was O42 in FY2565 and O25 in FY2569; complaint statistics moved from O31 to O18), so a
 * module that generates evidence ("the measures document", "complaint statistics") attaches it to
 * "the item with role X in year N", never to a code or a title.
 *
 * Every item of every shipped year carries exactly one role, unique within its year. An item that
 * NACC made by merging two older ones (FY2569 O1 "โครงสร้าง หน้าที่และอำนาจ") keeps the main role and
 * lists the others in `mergedRoles`, so a search for the absorbed role still finds it.
 */
import type { Catalogue, OitItem, OitPeriod, ElementCheck } from './schema.js';
import { normalizeTitle, titleSimilarity } from './year-map.js';

/** The role vocabulary with a plain Thai name for pages (year-to-year map, catalogue page). */
export const OIT_ROLE_LABELS = {
  // ข้อมูลพื้นฐาน
  structure: 'โครงสร้างหน่วยงาน',
  executives: 'ข้อมูลผู้บริหาร',
  powers: 'อำนาจหน้าที่',
  'strategic-plan': 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน',
  contact: 'ข้อมูลการติดต่อ',
  laws: 'กฎหมายที่เกี่ยวข้อง',
  news: 'ข่าวประชาสัมพันธ์',
  'qa-channel': 'ช่องทางถาม-ตอบ (Q&A)',
  'social-network': 'สื่อสังคมออนไลน์',
  'privacy-policy': 'นโยบายคุ้มครองข้อมูลส่วนบุคคล',
  // การบริหารงาน
  'operation-plan': 'แผนดำเนินงานประจำปี',
  'progress-6m': 'รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน',
  'annual-report': 'รายงานผลการดำเนินงานประจำปี',
  'work-manual': 'คู่มือหรือมาตรฐานการปฏิบัติงาน',
  'service-manual': 'คู่มือหรือมาตรฐานการให้บริการ',
  'service-statistics': 'ข้อมูลเชิงสถิติการให้บริการ',
  satisfaction: 'ผลการสำรวจความพึงพอใจการให้บริการ',
  'e-service': 'การให้บริการออนไลน์ (E-Service)',
  // งบประมาณและการจัดซื้อจัดจ้าง
  'budget-plan': 'แผนการใช้จ่ายงบประมาณประจำปี',
  'budget-progress-6m': 'รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน',
  'budget-report': 'รายงานผลการใช้จ่ายงบประมาณประจำปี',
  'procurement-plan': 'แผนการจัดซื้อจัดจ้าง',
  'procurement-announcements': 'ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง',
  'procurement-monthly': 'สรุปผลการจัดซื้อจัดจ้างรายเดือน',
  'procurement-annual': 'รายงานผลการจัดซื้อจัดจ้างประจำปี',
  // ทรัพยากรบุคคล
  'hr-policy': 'นโยบายการบริหารทรัพยากรบุคคล',
  'hr-policy-actions': 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล',
  'hr-plan': 'หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล',
  'hr-report': 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
  // การร้องเรียนและการมีส่วนร่วม
  'complaint-guideline': 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต',
  'complaint-channel': 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริต',
  'complaint-statistics': 'สถิติเรื่องร้องเรียนการทุจริต',
  'feedback-channel': 'ช่องทางการรับฟังความคิดเห็น',
  participation: 'การเปิดโอกาสให้เกิดการมีส่วนร่วม',
  // การป้องกันการทุจริต
  'no-gift-policy': 'นโยบายไม่รับของขวัญ (No Gift Policy)',
  'no-gift-culture': 'การสร้างวัฒนธรรม No Gift Policy',
  'no-gift-report': 'รายงานผลตามนโยบาย No Gift Policy',
  'executive-commitment': 'การมีส่วนร่วมของผู้บริหาร',
  'corruption-risk': 'การประเมินความเสี่ยงการทุจริต',
  'corruption-risk-report': 'การดำเนินการหรือรายงานผลการจัดการความเสี่ยงการทุจริต',
  'integrity-culture': 'การเสริมสร้างวัฒนธรรมองค์กร',
  'anti-corruption-plan': 'แผนปฏิบัติการป้องกันการทุจริต',
  'anti-corruption-progress-6m': 'รายงานการกำกับติดตามการป้องกันการทุจริต รอบ 6 เดือน',
  'anti-corruption-report': 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี',
  'ethics-code': 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ',
  'ethics-driving': 'การขับเคลื่อนจริยธรรม',
  'ethics-assessment': 'การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ',
  measures: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'measures-report': 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
} as const satisfies Record<string, string>;

export type OitRole = keyof typeof OIT_ROLE_LABELS;
export const OIT_ROLES = Object.keys(OIT_ROLE_LABELS) as [OitRole, ...OitRole[]];

export const isOitRole = (s: string): s is OitRole => Object.hasOwn(OIT_ROLE_LABELS, s);

/**
 * The item that plays `role` in this year's catalogue: the item whose own role it is, else an
 * item that absorbed it (`mergedRoles`), else undefined (the year has no such item, or — a history
 * year — no OIT list at all).
 */
export function findOitItemByRole(catalogue: Pick<Catalogue, 'oitItems'>, role: OitRole): OitItem | undefined {
  return catalogue.oitItems.find((i) => i.role === role) ?? catalogue.oitItems.find((i) => i.mergedRoles?.includes(role));
}

/**
 * The period check an element's evidence is held to, given the item's `period` in the data.
 * The item's period decides which fiscal year the evidence must cover — a FY2569 complaint-
 * statistics item covers FY2568 even if an imported file gave its element a current-year check.
 * A "first six months" item still lets an element ask for the whole year (the FY2565 O40 report
 * names the year and covers its first half). Items without a period keep the element's own check.
 */
export function periodCheckFor(check: ElementCheck, period: OitPeriod): ElementCheck {
  if (check !== 'covers-fiscal-year' && check !== 'covers-first-half' && check !== 'covers-previous-year') return check;
  switch (period) {
    case 'none':
      return check;
    case 'previous-fy':
      return 'covers-previous-year';
    case 'current-fy':
      return 'covers-fiscal-year';
    case 'first-half':
      return check === 'covers-fiscal-year' ? 'covers-fiscal-year' : 'covers-first-half';
  }
}

/** The element check that states an item's period ('none' has none). */
export const PERIOD_CHECK: Record<Exclude<OitPeriod, 'none'>, ElementCheck> = {
  'current-fy': 'covers-fiscal-year',
  'first-half': 'covers-first-half',
  'previous-fy': 'covers-previous-year',
};

/**
 * Fills the role of imported items that have none, from reference catalogues (the shipped file of
 * the same year, then the year before): the reference item with the same normalised title, else
 * the most similar title (Dice ≥ 0.75), whose role the year does not use yet. An administrator
 * importing NACC's official list rarely knows our role keys, and without them the modules that
 * attach evidence by role would find nothing. Items still unmatched keep no role.
 */
export function inferMissingRoles(c: Catalogue, references: Pick<Catalogue, 'oitItems'>[]): Catalogue {
  if (c.oitItems.every((i) => i.role)) return c;
  const used = new Set(c.oitItems.flatMap((i) => (i.role ? [i.role] : [])));
  const oitItems = c.oitItems.map((item) => {
    if (item.role) return item;
    for (const ref of references) {
      let best: { role: OitRole; sim: number } | undefined;
      for (const r of ref.oitItems) {
        if (!r.role || used.has(r.role)) continue;
        const sim = normalizeTitle(r.titleTh) === normalizeTitle(item.titleTh) ? 1 : titleSimilarity(r.titleTh, item.titleTh);
        if (sim >= 0.75 && (!best || sim > best.sim)) best = { role: r.role, sim };
      }
      if (best) {
        used.add(best.role);
        const why = `บทบาท ${best.role} อนุมานจากชื่อรายการ`;
        return { ...item, role: best.role, note: item.note ? `${item.note}; ${why}` : why };
      }
    }
    return item;
  });
  return { ...c, oitItems };
}
