/**
 * What the dashboard tells an officer to do next, from the overview's facts only (pure).
 *
 * The ITA cycle links three years: the results of assessment year N are analysed into the
 * measures (improvement plan) for year N+1, whose OIT evidence is collected in year N+1. The
 * OIT year that matters *now* is the assessment year whose evidence collection is open, or the
 * next one: a dashboard showing last year's OIT at 0 % sends people to the wrong work.
 */
import { toGregorianYear } from '../../../shared/thai.js';

export interface CatalogueYearFacts {
  year: number;
  status: 'complete' | 'partial' | 'provisional';
  /** Last day (ISO) of the year's OIT collection or assessment window, from the catalogue's calendar. */
  collectionEnds: string | null;
}

/**
 * When a catalogue gives no window, NACC has closed collection by the end of June of the
 * fiscal year (January–June in FY2565, FY2567 and as expected since).
 */
export function collectionEndOf(facts: Pick<CatalogueYearFacts, 'year' | 'collectionEnds'>): string {
  return facts.collectionEnds ?? `${toGregorianYear(facts.year)}-06-30`;
}

/**
 * The OIT year that matters on `today`: the earliest catalogue year whose collection has not
 * ended yet; after the last known year's collection, that last year. Null without catalogues.
 * @example oitYearNow([{ year: 2569, … ends 2026-06-30 }, { year: 2570, … }], '2026-12-01') // 2570
 */
export function oitYearNow(years: readonly CatalogueYearFacts[], today: string): number | null {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const open = sorted.find((y) => collectionEndOf(y) >= today);
  return open?.year ?? sorted.at(-1)?.year ?? null;
}

export interface NextStepFacts {
  today: string;
  /** Newest results year entered, with whether it still has inconsistencies. */
  latestResults: { year: number; flagCount: number } | null;
  /** Rows of the plan drafted from the latest results (null: no plan saved). */
  planRows: number | null;
  /** The OIT year that matters now, its readiness and its catalogue status. */
  oit: { year: number; readiness: number; provisional: boolean } | null;
}

export interface NextStep {
  key: 'enter-results' | 'check-flags' | 'draft-plan' | 'download-measures' | 'oit-evidence' | 'provisional-catalogue' | 'enter-next-results';
  /** Plain Thai, numbers in Arabic digits (the view applies the agency's digit choice). */
  textTh: string;
  href: string;
}

/** A short, ordered list (at most five) of what to do next. */
export function nextSteps(f: NextStepFacts): NextStep[] {
  const steps: NextStep[] = [];
  const r = f.latestResults;
  if (!r) {
    steps.push({ key: 'enter-results', textTh: 'บันทึกหรือนำเข้าผลการประเมิน ITA ปีล่าสุดที่ ป.ป.ช. ประกาศ', href: '/admin/results' });
  } else {
    if (r.flagCount > 0) {
      steps.push({ key: 'check-flags', textTh: `ตรวจสอบข้อสังเกต ${r.flagCount} รายการในผลการประเมินปี ${r.year}`, href: `/admin/results/${r.year}` });
    }
    if (f.planRows === null) {
      steps.push({ key: 'draft-plan', textTh: `จัดทำแผนปรับปรุงปี ${r.year + 1} จากผลการประเมินปี ${r.year}`, href: `/admin/plan/${r.year}` });
    } else {
      steps.push({
        key: 'download-measures',
        textTh: `ตรวจทาน ลงนาม และเผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี ${r.year + 1}`,
        href: `/admin/plan/${r.year}`,
      });
    }
  }
  if (f.oit) {
    if (f.oit.provisional) {
      steps.push({
        key: 'provisional-catalogue',
        textTh: `รายการ OIT ปี ${f.oit.year} เป็นฉบับชั่วคราว เมื่อ ป.ป.ช. ประกาศรายการทางการ ให้ผู้ดูแลระบบนำเข้าแคตตาล็อกปี ${f.oit.year}`,
        href: '/admin/catalogue',
      });
    }
    if (f.oit.readiness < 100) {
      steps.push({
        key: 'oit-evidence',
        textTh: `เตรียมหลักฐาน OIT ปี ${f.oit.year} ให้ครบ (พร้อมแล้วร้อยละ ${Math.round(f.oit.readiness)})`,
        href: `/admin/oit/${f.oit.year}`,
      });
    }
  }
  // Results of the OIT year come out after its assessment: the next thing to enter.
  if (r && f.oit && f.oit.year > r.year + 1) {
    steps.push({ key: 'enter-next-results', textTh: `เมื่อ ป.ป.ช. ประกาศผลปี ${f.oit.year - 1} ให้บันทึกผลการประเมินปีนั้น`, href: '/admin/results' });
  }
  return steps.slice(0, 5);
}
