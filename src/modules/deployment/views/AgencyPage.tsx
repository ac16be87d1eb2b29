/** /deployment/agencies/:id: one agency's status (active, suspended, archived) and a fresh invitation link. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, Select } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { AGENCY_STATUS_LABELS, AGENCY_STATUSES, type Agency } from '../../agencies/index.js';
import { InvitationLink } from './InvitationLink.js';

const M = messages({
  back: { th: 'กลับไปหน้ารายชื่อหน่วยงาน', en: 'Back to agencies' },
  facts: { th: 'ข้อมูลหน่วยงาน', en: 'Agency' },
  type: { th: 'ประเภท', en: 'Type' },
  province: { th: 'จังหวัด', en: 'Province' },
  publicPage: { th: 'หน้าเว็บสาธารณะ', en: 'Public page' },
  host: { th: 'ชื่อโดเมน', en: 'Host name' },
  statusHeading: { th: 'สถานะของหน่วยงาน', en: 'Agency status' },
  statusHint: {
    th: 'ระงับชั่วคราว: หน้าเว็บสาธารณะแจ้งว่าระงับ และเจ้าหน้าที่เข้าสู่ระบบไม่ได้ ข้อมูลยังอยู่ครบ — เก็บถาวร: ซ่อนจากหน้าเว็บสาธารณะทั้งหมด',
    en: 'Suspended: public pages say so and staff cannot sign in; data is kept. Archived: hidden from the public.',
  },
  status: { th: 'สถานะ', en: 'Status' },
  save: { th: 'บันทึกสถานะ', en: 'Save status' },
  inviteHeading: { th: 'ลิงก์เชิญผู้ดูแลระบบ', en: 'Administrator invitation' },
  inviteHint: { th: 'ออกลิงก์ใหม่เมื่อผู้รับทำลิงก์หายหรือลิงก์หมดอายุ ลิงก์เดิมที่ยังไม่ได้ใช้จะใช้ไม่ได้อีก', en: 'Issue a new link if the old one was lost or expired; unused older links stop working.' },
  reissue: { th: 'ออกลิงก์เชิญใหม่', en: 'Issue a new invitation link' },
  none: { th: '—', en: '—' },
});

export function AgencyPage({ ctx, agency, inviteUrl }: { ctx: PageContext; agency: Agency; inviteUrl?: string }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={agency.nameTh}>
      <p>
        <a href="/deployment/agencies">{tr(L, M.back)}</a>
      </p>
      <h1>{agency.nameTh}</h1>
      {inviteUrl && <InvitationLink ctx={ctx} agency={agency} inviteUrl={inviteUrl} />}
      <dl class="summary-list">
        <dt>{tr(L, M.type)}</dt>
        <dd>{agency.typeLabelTh}</dd>
        <dt>{tr(L, M.province)}</dt>
        <dd>{agency.province}</dd>
        <dt>{tr(L, M.publicPage)}</dt>
        <dd>
          <a href={`/a/${agency.slug}`}>/a/{agency.slug}</a>
        </dd>
        <dt>{tr(L, M.host)}</dt>
        <dd>{agency.hostName ?? tr(L, M.none)}</dd>
      </dl>
      <form method="post" action={`/deployment/agencies/${agency.id}/status`}>
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend>{tr(L, M.statusHeading)}</legend>
          <Select name="status" label={tr(L, M.status)} hint={tr(L, M.statusHint)} value={agency.status} options={AGENCY_STATUSES.map((s) => ({ value: s, label: AGENCY_STATUS_LABELS[s] }))} />
        </fieldset>
        <Button>{tr(L, M.save)}</Button>
      </form>
      {agency.status === 'active' && (
        <form method="post" action={`/deployment/agencies/${agency.id}/invitation`}>
          <CsrfField token={ctx.csrfToken} />
          <h2>{tr(L, M.inviteHeading)}</h2>
          <p>{tr(L, M.inviteHint)}</p>
          <Button variant="secondary">{tr(L, M.reissue)}</Button>
        </form>
      )}
    </Layout>
  );
}
