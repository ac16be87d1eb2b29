/** Small pieces shared by the catalogue pages. */
import type { PageContext } from '../../../ui/context.js';
import { Tag } from '../../../ui/components.js';
import { messages, tr, type Locale } from '../../../ui/i18n.js';
import { withDigits, type DigitStyle } from '../../../shared/thai.js';
import type { Catalogue } from '../domain/schema.js';

export const CM = messages({
  unverified: { th: 'ยังไม่ยืนยัน', en: 'Unverified' },
  complete: { th: 'ครบถ้วน', en: 'Complete' },
  partial: { th: 'บางส่วน', en: 'Partial' },
  provisional: { th: 'ชั่วคราว', en: 'Provisional' },
  shipped: { th: 'ไฟล์ที่มากับระบบ', en: 'Shipped with Prongsai' },
  imported: { th: 'นำเข้าโดยผู้ดูแลระบบ', en: 'Imported by an administrator' },
});

/** The agency's digit choice in Thai pages; Arabic digits in the English locale. */
export const digitsOf = (ctx: PageContext): DigitStyle => (ctx.locale === 'en' ? 'arabic' : ctx.agency?.digits ?? 'arabic');

/** A number or year as text in the page's digits. */
export const numIn = (ctx: PageContext) => (n: number | string): string => withDigits(String(n), digitsOf(ctx));

export function statusLabel(locale: Locale, status: Catalogue['status']): string {
  return tr(locale, CM[status]);
}

export function StatusTag({ locale, status }: { locale: Locale; status: Catalogue['status'] }) {
  return <Tag tone={status === 'complete' ? 'good' : status === 'partial' ? 'warn' : 'neutral'}>{statusLabel(locale, status)}</Tag>;
}

/** The "ยังไม่ยืนยัน" marker on a fact with `verified: false`, with its note when there is one. */
export function Unverified({ locale, fact }: { locale: Locale; fact: { verified: boolean; note?: string | undefined } }) {
  if (fact.verified) return null;
  return (
    <span class="unverified">
      {' '}
      <Tag tone="warn">{tr(locale, CM.unverified)}</Tag>
      {fact.note ? <span class="hint"> {fact.note}</span> : null}
    </span>
  );
}
