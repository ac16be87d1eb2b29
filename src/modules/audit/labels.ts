/**
 * Audit codes in words. Modules write stable codes (`unit.create`); officers read Thai. Each
 * module brings the words for its own codes in its manifest (`auditLabels`); the app merges them
 * and hands them to this module. A code nobody labelled is shown as it is.
 */
import { ROLE_LABELS_TH, isRole } from '../../shared/permissions.js';
import { tr, type Locale, type Msg } from '../../ui/i18n.js';
import type { AuditLabels } from '../../platform/module.js';
import { agencyTypeLabel } from '../agencies/index.js';
import { formatThaiDate, localizeDigits, type DigitStyle } from '../../shared/thai.js';

const VALUE_WORDS: Record<string, Msg> = {
  political: { th: 'ฝ่ายการเมือง', en: 'political' },
  permanent: { th: 'ฝ่ายข้าราชการประจำ', en: 'permanent' },
  thai: { th: 'เลขไทย', en: 'Thai' },
  arabic: { th: 'เลขอารบิก', en: 'Arabic' },
};

/**
 * Detail keys several modules write with the same meaning. A module's own words for a key win
 * (they are merged over these); keys that mean one module's thing belong in that module's manifest.
 */
export const COMMON_DETAIL_WORDS: Record<string, Msg> = {
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  code: { th: 'ข้อ', en: 'Item' },
  item: { th: 'ข้อ', en: 'Item' },
  count: { th: 'จำนวน', en: 'Count' },
  status: { th: 'สถานะ', en: 'Status' },
  note: { th: 'บันทึก', en: 'Note' },
  title: { th: 'ชื่อเรื่อง', en: 'Title' },
  url: { th: 'ลิงก์', en: 'Link' },
  fileName: { th: 'ชื่อไฟล์', en: 'File name' },
  sizeBytes: { th: 'ขนาดไฟล์ (ไบต์)', en: 'Size (bytes)' },
  mediaType: { th: 'ชนิดไฟล์', en: 'File type' },
  sha256: { th: 'ลายนิ้วมือไฟล์ (SHA-256)', en: 'File fingerprint (SHA-256)' },
  rows: { th: 'จำนวนแถว', en: 'Rows' },
  created: { th: 'เพิ่มใหม่', en: 'Added' },
  updated: { th: 'ปรับปรุง', en: 'Updated' },
  unchanged: { th: 'ไม่เปลี่ยนแปลง', en: 'Unchanged' },
  removed: { th: 'ลบออก', en: 'Removed' },
  months: { th: 'จำนวนเดือน', en: 'Months' },
  round: { th: 'รอบ (เดือน)', en: 'Round (months)' },
  quarter: { th: 'ไตรมาส', en: 'Quarter' },
  unit: { th: 'หน่วยงานย่อย', en: 'Unit' },
  source: { th: 'แหล่งที่มา', en: 'Source' },
  category: { th: 'หมวด', en: 'Category' },
  private: { th: 'ไม่เปิดเผย', en: 'Private' },
};

const word = (table: Record<string, Msg>, locale: Locale, code: string): string => (table[code] ? tr(locale, table[code]) : code);

const MAX_ITEMS = 6;
const MAX_VALUE = 80;
/** Values shown exactly as stored, whatever the agency's digits: they are looked up or typed elsewhere. */
const VERBATIM_KEYS = new Set(['sha256', 'url', 'mapUrl', 'websiteUrl', 'fileName', 'email', 'slug', 'username']);

/** One part of an entry's details, in words; `verbatim` values keep their characters as stored. */
export interface DetailPart {
  label: string;
  value: string;
  verbatim: boolean;
}

/** `application/pdf` → `PDF`: what an officer calls the file. */
function fileKind(mediaType: string): string {
  const sub = mediaType.split('/')[1] ?? mediaType;
  if (sub.includes('wordprocessingml')) return 'DOCX';
  if (sub.includes('spreadsheetml')) return 'XLSX';
  return sub.replace(/^x-/, '').toUpperCase();
}

function valueText(locale: Locale, key: string, value: unknown, states: Record<string, Msg>, digits: DigitStyle): string {
  if (typeof value === 'boolean') return locale === 'en' ? (value ? 'yes' : 'no') : value ? 'ใช่' : 'ไม่';
  if (typeof value === 'number') return localizeDigits(String(value), digits);
  // Lists of internal keys (OIT element keys) and nested objects (declarations) are counted, not
  // dumped: the item page shows them in words, and a code list would read as English.
  const count = (n: number) => `${localizeDigits(String(n), digits)} ${locale === 'th' ? 'รายการ' : 'entries'}`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && /^[a-z][a-z0-9_:-]*$/.test(v)) && key !== 'roles') return count(value.length);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return count(Object.keys(value).length);
  if (key === 'mediaType' && typeof value === 'string') return fileKind(value);
  if (Array.isArray(value)) {
    return value.map((v) => (key === 'roles' && typeof v === 'string' && isRole(v) && locale === 'th' ? ROLE_LABELS_TH[v] : valueText(locale, key, v, states, digits))).join(', ');
  }
  if (typeof value === 'string') {
    if (key === 'type' && locale === 'th') return agencyTypeLabel(value);
    if (VALUE_WORDS[value] && (key === 'kind' || key === 'digits')) return tr(locale, VALUE_WORDS[value]);
    if (states[value]) return tr(locale, states[value]);
    // A stored date (ISO, Gregorian) reads as officers write it: a Buddhist-era date.
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatThaiDate(value, { style: 'short', digits, locale });
    return VERBATIM_KEYS.has(key) ? value : localizeDigits(value, digits);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * An entry's details in words: known keys and state codes in words, empty values and internal
 * ids left out, long values cut, digits in the agency's style (identifiers as stored).
 * @example summarise(words, 'th', 'unit', { nameTh: 'กองคลัง' }, 'thai') // [{ label: 'ชื่อ', value: 'กองคลัง', verbatim: false }]
 */
function summarise(labels: Required<AuditLabels>, locale: Locale, entityType: string, details: Record<string, unknown> | null, digits: DigitStyle): DetailPart[] {
  if (!details) return [];
  const states = labels.values[entityType] ?? {};
  const parts = Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !/Id$/.test(k))
    .map(([k, v]) => {
      const text = valueText(locale, k, v, states, locale === 'th' ? digits : 'arabic');
      const cut = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
      return { label: word({ ...COMMON_DETAIL_WORDS, ...labels.details }, locale, k), value: cut, verbatim: VERBATIM_KEYS.has(k) };
    });
  return parts.length > MAX_ITEMS ? [...parts.slice(0, MAX_ITEMS), { label: '…', value: '', verbatim: false }] : parts;
}

/** The words of every module's audit codes, as the pages that show the audit trail use them. */
export function auditLabeller(labels: Required<AuditLabels>) {
  return {
    actionLabel: (locale: Locale, code: string): string => word(labels.actions, locale, code),
    entityLabel: (locale: Locale, code: string): string => word(labels.entities, locale, code),
    details: (locale: Locale, entityType: string, details: Record<string, unknown> | null, digits: DigitStyle): DetailPart[] => summarise(labels, locale, entityType, details, digits),
  };
}
export type AuditLabeller = ReturnType<typeof auditLabeller>;
