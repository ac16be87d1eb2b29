/** /admin/agency: the agency profile, a form for agency.manage and a read-only summary for everyone else. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, Select, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr, type Msg } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import type { Agency } from '../domain/agency.js';
import { AgencySections, agencyTypeName, agencyTypeOptions } from './AgencySections.js';

export const PROFILE_MESSAGES = messages({
  title: { th: 'ข้อมูลหน่วยงาน', en: 'Agency profile' },
  lead: {
    th: 'ข้อมูลนี้ใช้ในหน้าเว็บสาธารณะและในเอกสาร ITA ของหน่วยงาน',
    en: 'Used on the public pages and in the agency’s ITA documents.',
  },
  readOnly: { th: 'ท่านดูข้อมูลได้อย่างเดียว การแก้ไขต้องใช้สิทธิ์ผู้ดูแลระบบ', en: 'You can view this information; editing needs an administrator.' },
  nameTh: { th: 'ชื่อหน่วยงาน', en: 'Agency name (Thai)' },
  nameEn: { th: 'ชื่อภาษาอังกฤษ', en: 'English name' },
  type: { th: 'ประเภทหน่วยงาน', en: 'Agency type' },
  province: { th: 'จังหวัด', en: 'Province' },
  address: { th: 'ที่อยู่', en: 'Address' },
  phone: { th: 'โทรศัพท์', en: 'Telephone' },
  email: { th: 'อีเมล', en: 'E-mail' },
  websiteUrl: { th: 'เว็บไซต์ของหน่วยงาน', en: 'Agency website' },
  websiteHint: { th: 'เช่น https://www.example.go.th', en: 'e.g. https://www.example.go.th' },
  digits: { th: 'รูปแบบตัวเลขในเอกสาร', en: 'Digits in documents' },
  thaiDigits: { th: 'เลขไทย (๑ ๒ ๓)', en: 'Thai digits (๑ ๒ ๓)' },
  arabicDigits: { th: 'เลขอารบิก (1 2 3)', en: 'Arabic digits (1 2 3)' },
  submit: { th: 'บันทึกข้อมูลหน่วยงาน', en: 'Save agency profile' },
  saved: { th: 'บันทึกข้อมูลหน่วยงานแล้ว', en: 'Agency profile saved' },
  none: { th: '—', en: '—' },
  optional: { th: '(ไม่บังคับ)', en: '(optional)' },
  summary: { th: 'ข้อมูลหน่วยงาน', en: 'Agency profile' },
});
const M = PROFILE_MESSAGES;

/** The form's fields as entered (strings), from the agency or from a refused submission. */
export type ProfileValues = Record<string, string>;

export const profileValues = (a: Agency): ProfileValues => ({
  nameTh: a.nameTh,
  nameEn: a.nameEn ?? '',
  type: a.type,
  province: a.province,
  address: a.address ?? '',
  phone: a.phone ?? '',
  email: a.email ?? '',
  websiteUrl: a.websiteUrl ?? '',
  digits: a.digits,
});

export function AgencyProfilePage({ ctx, agency, values, errors }: { ctx: PageContext; agency: Agency; values: ProfileValues; errors?: FieldError[] }) {
  const L = ctx.locale;
  const v = (k: string) => values[k] ?? '';
  const e = (k: string) => errorFor(errors, k);
  const opt = (m: Msg) => `${tr(L, m)} ${tr(L, M.optional)}`;
  const digitOptions = [
    { value: 'thai', label: tr(L, M.thaiDigits) },
    { value: 'arabic', label: tr(L, M.arabicDigits) },
  ];
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <AgencySections ctx={ctx} />
      <p class="lead">{tr(L, M.lead)}</p>
      {ctx.can('agency.manage') ? (
        <form method="post" action="/admin/agency" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="nameTh" label={tr(L, M.nameTh)} value={v('nameTh')} error={e('nameTh')} />
          <TextField name="nameEn" label={opt(M.nameEn)} value={v('nameEn')} error={e('nameEn')} />
          <Select name="type" label={tr(L, M.type)} value={v('type')} error={e('type')} options={agencyTypeOptions(L)} />
          <TextField name="province" label={tr(L, M.province)} value={v('province')} error={e('province')} />
          <TextArea name="address" label={opt(M.address)} value={v('address')} error={e('address')} rows={3} />
          <TextField name="phone" type="tel" label={opt(M.phone)} value={v('phone')} error={e('phone')} autocomplete="tel" />
          <TextField name="email" type="email" label={opt(M.email)} value={v('email')} error={e('email')} autocomplete="email" />
          <TextField name="websiteUrl" type="url" label={opt(M.websiteUrl)} hint={tr(L, M.websiteHint)} value={v('websiteUrl')} error={e('websiteUrl')} />
          <Select name="digits" label={tr(L, M.digits)} value={v('digits') || 'thai'} error={e('digits')} options={digitOptions} />
          <div class="actions">
            <Button>{tr(L, M.submit)}</Button>
          </div>
        </form>
      ) : (
        <>
          <div class="notice notice-info">{tr(L, M.readOnly)}</div>
          <div class="table-wrap">
            <table class="table">
              <caption class="table-caption visually-hidden">{tr(L, M.summary)}</caption>
              <tbody>
                {(
                  [
                    [M.nameTh, agency.nameTh],
                    [M.nameEn, agency.nameEn],
                    [M.type, agencyTypeName(L, agency.type)],
                    [M.province, agency.province],
                    [M.address, agency.address],
                    [M.phone, agency.phone],
                    [M.email, agency.email],
                    [M.websiteUrl, agency.websiteUrl],
                    [M.digits, agency.digits === 'thai' ? tr(L, M.thaiDigits) : tr(L, M.arabicDigits)],
                  ] as const
                ).map(([label, value]) => (
                  <tr>
                    <th scope="row">{tr(L, label)}</th>
                    <td>{value || tr(L, M.none)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
