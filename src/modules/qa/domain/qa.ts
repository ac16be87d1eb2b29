/**
 * The question-and-answer channel, pure: categories, states, Thai word search that runs the same
 * on both databases, and response-time statistics.
 */
import { toArabicDigits } from '../../../shared/thai.js';

/**
 * The default categories every agency starts with (seeded on its first use of the channel), in
 * order. Staff then add, rename and retire their own; a question keeps a category's key.
 */
export const QA_CATEGORIES = ['general', 'service', 'budget', 'personnel', 'tax', 'other'] as const;
export type DefaultQaCategory = (typeof QA_CATEGORIES)[number];
export const QA_CATEGORY_LABELS: Record<DefaultQaCategory, string> = {
  general: 'เรื่องทั่วไป',
  service: 'การให้บริการและการขออนุญาต',
  budget: 'งบประมาณและการจัดซื้อจัดจ้าง',
  personnel: 'บุคลากรและการรับสมัครงาน',
  tax: 'ภาษีและค่าธรรมเนียม',
  other: 'เรื่องอื่น ๆ',
};

/** An agency's category: `key` is what questions store, `nameTh` what people read. */
export interface QaCategory {
  key: string;
  nameTh: string;
  retired: boolean;
}

/** The name of a category key among an agency's categories (the key itself if unknown). */
export const categoryName = (categories: readonly QaCategory[], key: string): string => categories.find((c) => c.key === key)?.nameTh ?? key;

/** Folds what makes two names look the same to a reader: spacing and Latin case. */
export const sameName = (a: string, b: string): boolean => a.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase() === b.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** pending: waits for moderation (never public); published: approved; rejected: not published. */
export const QA_STATES = ['pending', 'published', 'rejected'] as const;
export type QaState = (typeof QA_STATES)[number];
export const QA_STATE_LABELS: Record<QaState, string> = { pending: 'รอตรวจสอบ', published: 'เผยแพร่แล้ว', rejected: 'ไม่เผยแพร่' };

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Words of a text: Thai cut by the segmenter, everything lower-cased, punctuation dropped, digits
 * in one form (๒๕๖๙ and 2569 are the same year, whichever the asker or the searcher typed).
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(toArabicDigits(text.normalize('NFC')).toLowerCase())) {
    if (!s.isWordLike) continue;
    const w = s.segment.trim();
    if (w) out.push(w);
  }
  return out;
}

/**
 * What is stored in `search_text`: the words joined by single spaces, with a space at each end,
 * so a search word can be matched as a word start (`% word%`) on any database.
 */
export const searchText = (...parts: (string | null | undefined)[]): string => {
  const ws = parts.flatMap((p) => (p ? words(p) : []));
  return ws.length ? ` ${ws.join(' ')} ` : '';
};

/**
 * The search words of a query (at most 8, duplicates removed). Thai typed without spaces is cut
 * into words, so "ขอใบอนุญาตก่อสร้าง" finds a question that says "ใบอนุญาต … ก่อสร้าง … ขอ".
 * Each word must occur at a word start in the stored text (words beginning with it also match).
 */
export function searchTerms(query: string): string[] {
  return [...new Set(words(query.slice(0, 200)))].slice(0, 8);
}

/** A LIKE pattern for one term, with the wildcards of the term itself escaped (escape char `\`). */
export const likePattern = (term: string): string => `% ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ResponseTimeStats {
  asked: number;
  answered: number;
  pending: number;
  /** Median days from asking to answering (answered questions), one decimal. */
  medianDays?: number;
  meanDays?: number;
  /** Share (0…1) of answered questions answered within `withinDays`. */
  withinShare?: number;
  withinDays: number;
}

const DAY = 86_400_000;

/** Response-time figures over questions (rejected ones are left out: they were never to be answered). */
export function responseTimes(items: readonly { createdAt: string; answeredAt: string | null; state: QaState }[], withinDays = 7): ResponseTimeStats {
  const counted = items.filter((i) => i.state !== 'rejected');
  const days = counted
    .filter((i) => i.answeredAt)
    .map((i) => Math.max(0, (Date.parse(i.answeredAt!) - Date.parse(i.createdAt)) / DAY))
    .sort((a, b) => a - b);
  const stats: ResponseTimeStats = { asked: counted.length, answered: days.length, pending: counted.length - days.length, withinDays };
  if (days.length) {
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
    stats.medianDays = Math.round(median * 10) / 10;
    stats.meanDays = Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10;
    stats.withinShare = days.filter((d) => d <= withinDays).length / days.length;
  }
  return stats;
}

/** Follow-up codes: QA- and 10 characters without look-alikes (like the e-service tracking code). */
export const FOLLOW_CODE = /^QA-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;
export function normaliseFollowCode(raw: string): string | null {
  const c = raw.trim().toUpperCase().replace(/\s+/g, '');
  return FOLLOW_CODE.test(c) ? c : null;
}
