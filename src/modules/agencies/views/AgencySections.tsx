/** Pieces shared by the agency pages: the section links and the labels of agency types and executive groups. */
import type { PageContext } from '../../../ui/context.js';
import { messages, tr, type Locale, type Msg } from '../../../ui/i18n.js';
import { AGENCY_TYPES } from '../domain/agency.js';
import type { Executive } from '../domain/agency.js';

const M = messages({
  sections: { th: 'ส่วนของข้อมูลหน่วยงาน', en: 'Agency sections' },
  profile: { th: 'ข้อมูลทั่วไป', en: 'Profile' },
  units: { th: 'หน่วยงานย่อย', en: 'Units' },
  executives: { th: 'ผู้บริหาร', en: 'Executives' },
});

export const AGENCY_SECTIONS: { href: string; label: Msg }[] = [
  { href: '/admin/agency', label: M.profile },
  { href: '/admin/agency/units', label: M.units },
  { href: '/admin/agency/executives', label: M.executives },
];

/** Links between the three agency pages; the main navigation has one entry for all of them. */
export function AgencySections({ ctx }: { ctx: PageContext }) {
  return (
    <nav aria-label={tr(ctx.locale, M.sections)}>
      <ul class="list-plain">
        {AGENCY_SECTIONS.map((s) => (
          <li>
            {ctx.path === s.href ? (
              <strong aria-current="page">{tr(ctx.locale, s.label)}</strong>
            ) : (
              <a href={s.href}>{tr(ctx.locale, s.label)}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

const TYPE_EN: Record<string, string> = {
  city_municipality: 'City municipality',
  town_municipality: 'Town municipality',
  subdistrict_municipality: 'Subdistrict municipality',
  sao: 'Subdistrict administrative organisation',
  pao: 'Provincial administrative organisation',
  other: 'Other agency',
};

export const agencyTypeOptions = (locale: Locale) =>
  AGENCY_TYPES.map((t) => ({ value: t.code, label: locale === 'en' ? TYPE_EN[t.code] ?? t.labelTh : t.labelTh }));

export const agencyTypeName = (locale: Locale, code: string): string =>
  agencyTypeOptions(locale).find((o) => o.value === code)?.label ?? code;

export const EXECUTIVE_KINDS: { kind: Executive['kind']; label: Msg; missing: Msg }[] = [
  {
    kind: 'political',
    label: { th: 'ฝ่ายการเมือง', en: 'Political executives' },
    missing: {
      th: 'ยังไม่มีข้อมูลผู้บริหารฝ่ายการเมือง — ITA ข้อ O2 ต้องแสดงทั้งสองฝ่าย',
      en: 'No political executives yet — ITA item O2 must show both groups',
    },
  },
  {
    kind: 'permanent',
    label: { th: 'ฝ่ายข้าราชการประจำ', en: 'Permanent officials' },
    missing: {
      th: 'ยังไม่มีข้อมูลผู้บริหารฝ่ายข้าราชการประจำ — ITA ข้อ O2 ต้องแสดงทั้งสองฝ่าย',
      en: 'No permanent officials yet — ITA item O2 must show both groups',
    },
  },
];

export const kindOptions = (locale: Locale) => EXECUTIVE_KINDS.map((k) => ({ value: k.kind, label: tr(locale, k.label) }));
