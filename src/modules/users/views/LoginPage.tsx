import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';

export const LOGIN_MESSAGES = messages({
  title: { th: 'เข้าสู่ระบบเจ้าหน้าที่', en: 'Staff sign in' },
  agency: { th: 'รหัสหน่วยงาน', en: 'Agency code' },
  agencyHint: {
    th: 'ชื่อย่อภาษาอังกฤษของหน่วยงานในที่อยู่เว็บ เช่น /a/รหัสหน่วยงาน ไม่ต้องกรอกหากเข้าสู่ระบบด้วยอีเมล',
    en: 'The short name in your agency’s web address (/a/code); not needed when signing in with an e-mail address',
  },
  username: { th: 'ชื่อผู้ใช้หรืออีเมล', en: 'Username or e-mail' },
  password: { th: 'รหัสผ่าน', en: 'Password' },
  submit: { th: 'เข้าสู่ระบบ', en: 'Sign in' },
  invalid: {
    th: 'รหัสหน่วยงาน ชื่อผู้ใช้ หรือรหัสผ่านไม่ถูกต้อง',
    en: 'Agency code, username or password is incorrect',
  },
  locked: {
    th: 'ใส่รหัสผ่านผิดหลายครั้งจากเครื่องนี้ ระบบจึงพักการเข้าสู่ระบบชั่วคราว กรุณารอสักครู่ (ไม่เกิน 15 นาที) แล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ',
    en: 'Too many failed sign-ins from this device: please wait a few minutes (at most 15) and try again',
  },
});

export function LoginPage({ ctx, agency, username, next, errors }: { ctx: PageContext; agency?: string; username?: string; next?: string; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, LOGIN_MESSAGES.title)} errors={errors}>
      <h1>{tr(L, LOGIN_MESSAGES.title)}</h1>
      <form method="post" action="/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField name="agency" label={tr(L, LOGIN_MESSAGES.agency)} hint={tr(L, LOGIN_MESSAGES.agencyHint)} value={agency} autocomplete="organization" error={errorFor(errors, 'agency')} />
        <TextField name="username" label={tr(L, LOGIN_MESSAGES.username)} value={username} autocomplete="username" error={errorFor(errors, 'username')} />
        <TextField name="password" type="password" label={tr(L, LOGIN_MESSAGES.password)} autocomplete="current-password" error={errorFor(errors, 'password')} />
        <Button>{tr(L, LOGIN_MESSAGES.submit)}</Button>
      </form>
    </Layout>
  );
}
