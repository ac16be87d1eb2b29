/** /invite/:token — the invited first administrator creates their own account. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import type { Agency } from '../../agencies/index.js';

const M = messages({
  title: { th: 'ตั้งบัญชีผู้ดูแลระบบของหน่วยงาน', en: 'Set up the agency administrator account' },
  lead: {
    th: 'ท่านได้รับเชิญเป็นผู้ดูแลระบบของ {agency} กรุณาตั้งชื่อผู้ใช้และรหัสผ่านของท่านเอง ลิงก์นี้ใช้ได้ครั้งเดียว',
    en: 'You are invited to administer {agency}. Choose your own user name and password. This link works once.',
  },
  displayName: { th: 'ชื่อ-นามสกุล', en: 'Full name' },
  username: { th: 'ชื่อผู้ใช้', en: 'Username' },
  email: { th: 'อีเมล (ไม่บังคับ)', en: 'E-mail (optional)' },
  password: { th: 'รหัสผ่าน', en: 'Password' },
  passwordHint: { th: 'อย่างน้อย 10 ตัวอักษร', en: 'At least 10 characters' },
  passwordConfirm: { th: 'ยืนยันรหัสผ่าน', en: 'Confirm password' },
  submit: { th: 'สร้างบัญชีและเข้าสู่ระบบ', en: 'Create account and sign in' },
});

export function InvitationPage({ ctx, token, agency, values, errors }: { ctx: PageContext; token: string; agency: Agency; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  const e = (k: string) => errorFor(errors, k);
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead).replace('{agency}', agency.nameTh)}</p>
      <form method="post" action={`/invite/${encodeURIComponent(token)}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="displayName" label={tr(L, M.displayName)} value={values.displayName} error={e('displayName')} autocomplete="name" />
        <TextField name="username" label={tr(L, M.username)} value={values.username} error={e('username')} autocomplete="username" />
        <TextField name="email" type="email" label={tr(L, M.email)} value={values.email} error={e('email')} autocomplete="email" />
        <TextField name="password" type="password" label={tr(L, M.password)} hint={tr(L, M.passwordHint)} error={e('password')} autocomplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={tr(L, M.passwordConfirm)} error={e('passwordConfirm')} autocomplete="new-password" />
        <Button>{tr(L, M.submit)}</Button>
      </form>
    </Layout>
  );
}
