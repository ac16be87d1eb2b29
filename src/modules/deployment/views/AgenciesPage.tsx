/** /deployment/agencies: every agency of the deployment, the form that creates one, and the link of a just-created one. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select, Tag, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { PROVINCES_TH } from '../../../shared/provinces.js';
import { AGENCY_STATUS_LABELS, AGENCY_TYPES, type Agency } from '../../agencies/index.js';
import { InvitationLink } from './InvitationLink.js';

export const M = messages({
  title: { th: 'หน่วยงานในระบบ', en: 'Agencies' },
  lead: {
    th: 'ผู้ดูแลระบบระดับจังหวัด/ผู้ให้บริการสร้างหน่วยงานและส่งลิงก์เชิญให้ผู้ดูแลระบบคนแรกของหน่วยงานตั้งรหัสผ่านเอง ลิงก์ใช้ได้ครั้งเดียว',
    en: 'The deployment administrator creates agencies and sends each first administrator a one-time link to set their own password.',
  },
  create: { th: 'สร้างหน่วยงานใหม่', en: 'Create an agency' },
  name: { th: 'ชื่อหน่วยงาน', en: 'Agency name (Thai)' },
  nameHint: { th: 'เช่น เทศบาลตำบลปรุใหญ่', en: 'e.g. เทศบาลตำบลปรุใหญ่' },
  slug: { th: 'ชื่อย่อสำหรับลิงก์ (ภาษาอังกฤษ)', en: 'Short name for links' },
  slugHint: { th: 'ใช้ในที่อยู่หน้าเว็บสาธารณะ เช่น pru-yai → /a/pru-yai', en: 'Used in public URLs, e.g. pru-yai → /a/pru-yai' },
  type: { th: 'ประเภทหน่วยงาน', en: 'Agency type' },
  province: { th: 'จังหวัด', en: 'Province' },
  host: { th: 'ชื่อโดเมนของหน่วยงาน (ไม่บังคับ)', en: 'Agency host name (optional)' },
  hostHint: { th: 'เช่น ita.pruyai.go.th ถ้าหน่วยงานชี้โดเมนของตนมาที่ระบบนี้', en: 'e.g. ita.pruyai.go.th if the agency points its own domain here' },
  submit: { th: 'สร้างหน่วยงานและลิงก์เชิญ', en: 'Create agency and invitation' },
  caption: { th: 'หน่วยงานทั้งหมด', en: 'All agencies' },
  status: { th: 'สถานะ', en: 'Status' },
  manage: { th: 'จัดการ', en: 'Manage' },
  open: { th: 'จัดการ', en: 'Manage' },
  overview: { th: 'ภาพรวมระดับจังหวัด', en: 'Province view' },
  importLink: { th: 'นำเข้าหน่วยงานและผลการประเมินจากไฟล์', en: 'Import agencies and results from a file' },
  audit: { th: 'ประวัติการเปลี่ยนแปลงระดับระบบ', en: 'Deployment change log' },
});

export function AgenciesPage(props: {
  ctx: PageContext;
  agencies: Agency[];
  values?: Record<string, string>;
  errors?: FieldError[];
  created?: { agency: Agency; inviteUrl: string };
}) {
  const { ctx, agencies, values = {}, errors, created } = props;
  const L = ctx.locale;
  const e = (k: string) => errorFor(errors, k);
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <p>
        <a href="/deployment/overview">{tr(L, M.overview)}</a> · <a href="/deployment/import">{tr(L, M.importLink)}</a> ·{' '}
        <a href="/deployment/audit">{tr(L, M.audit)}</a>
      </p>
      {created && <InvitationLink ctx={ctx} agency={created.agency} inviteUrl={created.inviteUrl} />}
      <form method="post" action="/deployment/agencies" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend>{tr(L, M.create)}</legend>
          <TextField name="name" label={tr(L, M.name)} hint={tr(L, M.nameHint)} value={values.name} error={e('name')} />
          <TextField name="slug" label={tr(L, M.slug)} hint={tr(L, M.slugHint)} value={values.slug} error={e('slug')} />
          <Select name="type" label={tr(L, M.type)} value={values.type || 'subdistrict_municipality'} error={e('type')} options={AGENCY_TYPES.map((t) => ({ value: t.code, label: t.labelTh }))} />
          <Select name="province" label={tr(L, M.province)} value={values.province} error={e('province')} includeEmpty="" options={PROVINCES_TH.map((p) => ({ value: p, label: p }))} />
          <TextField name="host" label={tr(L, M.host)} hint={tr(L, M.hostHint)} value={values.host} error={e('host')} />
        </fieldset>
        <Button>{tr(L, M.submit)}</Button>
      </form>
      <DataTable caption={tr(L, M.caption)} head={[tr(L, M.name), tr(L, M.type), tr(L, M.province), tr(L, M.status), tr(L, M.manage)]}>
        {agencies.map((a) => (
          <tr>
            <td>
              {a.nameTh} <span class="hint">/a/{a.slug}</span>
            </td>
            <td>{a.typeLabelTh}</td>
            <td>{a.province}</td>
            <td>
              <Tag tone={a.status === 'active' ? 'good' : a.status === 'suspended' ? 'warn' : 'neutral'}>{AGENCY_STATUS_LABELS[a.status]}</Tag>
            </td>
            <td>
              <a href={`/deployment/agencies/${a.id}`}>
                {tr(L, M.open)}
                <span class="visually-hidden"> {a.nameTh}</span>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}
