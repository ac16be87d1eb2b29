/** The one-time invitation link, shown once right after it is made (it is stored only as a hash). */
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { Agency } from '../../agencies/index.js';

const M = messages({
  heading: { th: 'ลิงก์เชิญผู้ดูแลระบบของหน่วยงาน', en: 'Invitation link for the agency administrator' },
  body: {
    th: 'ส่งลิงก์นี้ให้ผู้ดูแลระบบคนแรกของหน่วยงานทางช่องทางที่ปลอดภัย ผู้รับจะตั้งชื่อผู้ใช้และรหัสผ่านเอง ลิงก์ใช้ได้ครั้งเดียวภายใน 14 วัน และจะแสดงเพียงครั้งนี้ครั้งเดียว',
    en: 'Send this link to the agency first administrator over a safe channel. They choose their own user name and password. It works once within 14 days and is shown only now.',
  },
  label: { th: 'ลิงก์เชิญ', en: 'Invitation link' },
});

export function InvitationLink({ ctx, agency, inviteUrl }: { ctx: PageContext; agency: Agency; inviteUrl: string }) {
  const L = ctx.locale;
  return (
    <section class="notice notice-success" aria-labelledby="invite-heading">
      <h2 id="invite-heading">
        {tr(L, M.heading)}: {agency.nameTh}
      </h2>
      <p>{tr(L, M.body)}</p>
      <p>
        <label for="invite-url">{tr(L, M.label)}</label>
        <input id="invite-url" class="input" type="text" readOnly value={inviteUrl} data-testid="invite-url" />
      </p>
    </section>
  );
}
