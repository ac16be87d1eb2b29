/**
 * Audit codes in words. Modules write stable codes (`unit.create`); officers read Thai. Each
 * module brings the words for its own codes in its manifest (`auditLabels`); the app merges them
 * and hands them to this module. A code nobody labelled is shown as it is.
 */
import { ROLE_LABELS_TH, isRole } from '../../shared/permissions.js';
import { tr, type Locale, type Msg } from '../../ui/i18n.js';
import type { AuditLabels } from '../../platform/module.js';
import { agencyTypeLabel } from '../agencies/index.js';

const VALUE_WORDS: Record<string, Msg> = {
  political: { th: 'ฝ่ายการเมือง', en: 'political' },
  permanent: { th: 'ฝ่ายข้าราชการประจำ', en: 'permanent' },
  thai: { th: 'เลขไทย', en: 'Thai' },
  arabic: { th: 'เลขอารบิก', en: 'Arabic' },
};

const word = (table: Record<string, Msg>, locale: Locale, code: string): string => (table[code] ? tr(locale, table[code]) : code);

const MAX_ITEMS = 6;
const MAX_VALUE = 80;

function valueText(locale: Locale, key: string, value: unknown): string {
  if (typeof value === 'boolean') return locale === 'en' ? (value ? 'yes' : 'no') : value ? 'ใช่' : 'ไม่';
  if (Array.isArray(value)) {
    return value.map((v) => (key === 'roles' && typeof v === 'string' && isRole(v) && locale === 'th' ? ROLE_LABELS_TH[v] : String(v))).join(', ');
  }
  if (typeof value === 'string') {
    if (key === 'type' && locale === 'th') return agencyTypeLabel(value);
    if (VALUE_WORDS[value] && (key === 'kind' || key === 'digits')) return tr(locale, VALUE_WORDS[value]);
    return value;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * One line of an entry's details: known keys in words, empty values and internal ids left out,
 * long values cut. @example summariseDetails('th', { nameTh: 'กองคลัง' }) // 'ชื่อ: กองคลัง'
 */
function summarise(detailLabels: Record<string, Msg>, locale: Locale, details: Record<string, unknown> | null): string {
  if (!details) return '';
  const parts = Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !/Id$/.test(k))
    .map(([k, v]) => {
      const text = valueText(locale, k, v);
      const cut = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
      return `${word(detailLabels, locale, k)}: ${cut}`;
    });
  return parts.length > MAX_ITEMS ? `${parts.slice(0, MAX_ITEMS).join('; ')}; …` : parts.join('; ');
}

/** The words of every module's audit codes, as the audit page uses them. */
export function auditLabeller(labels: Required<AuditLabels>) {
  return {
    actionLabel: (locale: Locale, code: string): string => word(labels.actions, locale, code),
    entityLabel: (locale: Locale, code: string): string => word(labels.entities, locale, code),
    summariseDetails: (locale: Locale, details: Record<string, unknown> | null): string => summarise(labels.details, locale, details),
  };
}
export type AuditLabeller = ReturnType<typeof auditLabeller>;
