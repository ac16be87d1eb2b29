/**
 * Which items of the year's procurement plan were procured: by e-GP project number where the plan
 * carries one, otherwise by the similarity of the names after normalising the Thai text. Plans
 * and registers are typed by different people: "โครงการก่อสร้างถนน คสล. ม.5" in the plan is
 * "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5" in e-GP, with other spaces, digits and abbreviations.
 */
import { toArabicDigits } from '../../../shared/thai.js';

export interface PlanEntry {
  titleTh: string;
  /** e-GP project number when the plan lists one. */
  projectNo?: string | null;
}

export interface ContractEntry {
  projectNo: string;
  titleTh: string;
}

export interface PlanMatch {
  /** Index into the plan. */
  plan: number;
  /** Project numbers of the contracts matched to it. */
  contracts: string[];
  by: 'project-no' | 'name';
  /** 1 for a project number; the name similarity otherwise. */
  score: number;
}

/** Names at least this similar (Dice coefficient of character bigrams) are the same project. */
export const NAME_THRESHOLD = 0.6;

/** Words that say nothing about which project it is (leading "โครงการ", "งาน", "จัด-"). */
const LEADING = /^(โครงการ|งาน|รายการ)+/;
/** Common abbreviations in plans, written out as e-GP writes them. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/คสล\.?/g, 'คอนกรีตเสริมเหล็ก'],
  [/ม\.(?=\s*\d)/g, 'หมู่ที่'],
  [/ต\.(?=\s*[ก-ฮ])/g, 'ตำบล'],
  [/อ\.(?=\s*[ก-ฮ])/g, 'อำเภอ'],
  [/จ\.(?=\s*[ก-ฮ])/g, 'จังหวัด'],
  [/ร\.ร\.|รร\./g, 'โรงเรียน'],
];

/**
 * Thai text as compared: Unicode NFC, SARA AM typed as NIKHAHIT + SARA AA (PDF copies) made one
 * character, Thai digits as Arabic, abbreviations written out, "จัดซื้อ/จัดจ้าง" as "ซื้อ/จ้าง",
 * no leading "โครงการ", and no spaces, punctuation or zero-width characters.
 */
export function normaliseThai(text: string): string {
  let s = toArabicDigits(text.normalize('NFC')).replace(/\u0E4D\u0E32/g, '\u0E33').replace(/[\u200B-\u200D\uFEFF]/g, '');
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  s = s
    .toLowerCase()
    .replace(/[\s.,;:()[\]{}"'“”‘’\-–—/\\_*]+/g, '')
    .replace(/จัด(ซื้อ|จ้าง)/g, '$1')
    .replace(LEADING, '');
  return s;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Similarity of two names in [0, 1]: the Dice coefficient of their character bigrams after
 * normalising (Thai is written without spaces between words, so words are not a unit). One name
 * wholly inside the other, when the shorter has at least 6 characters, counts as 0.9: "ก่อสร้างถนน"
 * in the plan is "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5" in the register.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseThai(a);
  const y = normaliseThai(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const contained = [...short].length >= 6 && long.includes(short) ? 0.9 : 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const total = [...gx.values()].reduce((s, n) => s + n, 0) + [...gy.values()].reduce((s, n) => s + n, 0);
  const dice = total ? (2 * common) / total : 0;
  return Math.max(dice, contained);
}

const normNo = (s: string | null | undefined) => toArabicDigits(String(s ?? '')).replace(/\D/g, '');

/**
 * Matches contracts to plan items: first every contract whose project number a plan item
 * carries; then the remaining contracts to the remaining plan items by name, best pairs first,
 * each contract to one plan item (a plan item may be procured in several contracts, e.g. lots).
 */
export function matchPlan(plan: readonly PlanEntry[], contracts: readonly ContractEntry[], threshold = NAME_THRESHOLD): { matches: PlanMatch[]; unmatched: number[] } {
  const byPlan = new Map<number, PlanMatch>();
  const used = new Set<number>();
  const planNo = new Map<string, number>();
  plan.forEach((p, i) => {
    const no = normNo(p.projectNo);
    if (no && !planNo.has(no)) planNo.set(no, i);
  });
  contracts.forEach((c, j) => {
    const i = planNo.get(normNo(c.projectNo));
    if (i === undefined) return;
    used.add(j);
    const m = byPlan.get(i) ?? { plan: i, contracts: [], by: 'project-no' as const, score: 1 };
    m.contracts.push(c.projectNo);
    byPlan.set(i, m);
  });
  const pairs: { i: number; j: number; score: number }[] = [];
  plan.forEach((p, i) => {
    if (byPlan.has(i)) return;
    contracts.forEach((c, j) => {
      if (used.has(j)) return;
      const score = nameSimilarity(p.titleTh, c.titleTh);
      if (score >= threshold) pairs.push({ i, j, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const { i, j, score } of pairs) {
    if (used.has(j)) continue;
    used.add(j);
    const m = byPlan.get(i) ?? { plan: i, contracts: [], by: 'name' as const, score };
    m.contracts.push(contracts[j]!.projectNo);
    m.score = Math.max(m.score, score);
    byPlan.set(i, m);
  }
  const matches = [...byPlan.values()].sort((a, b) => a.plan - b.plan);
  return { matches, unmatched: plan.map((_, i) => i).filter((i) => !byPlan.has(i)) };
}
