import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';

export const LOGIN_MESSAGES = messages({
  title: { th: 'เข้าสู่ระบบเจ้าหน้าที่', en: 'Staff sign in' },
  username: { th: 'ชื่อผู้ใช้', en: 'Username' },
  password: { th: 'รหัสผ่าน', en: 'Password' },
  submit: { th: 'เข้าสู่ระบบ', en: 'Sign in' },
  invalid: { th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Username or password is incorrect' },
  locked: {
    th: 'บัญชีนี้ถูกระงับชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง กรุณารอ 15 นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ',
    en: 'This account is locked for 15 minutes after repeated failed sign-ins',
  },
});

export function LoginPage({ ctx, username, next, errors }: { ctx: PageContext; username?: string; next?: string; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, LOGIN_MESSAGES.title)} errors={errors}>
      <h1>{tr(L, LOGIN_MESSAGES.title)}</h1>
      <form method="post" action="/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField name="username" label={tr(L, LOGIN_MESSAGES.username)} value={username} autocomplete="username" error={errorFor(errors, 'username')} />
        <TextField name="password" type="password" label={tr(L, LOGIN_MESSAGES.password)} autocomplete="current-password" error={errorFor(errors, 'password')} />
        <Button>{tr(L, LOGIN_MESSAGES.submit)}</Button>
      </form>
    </Layout>
  );
}
