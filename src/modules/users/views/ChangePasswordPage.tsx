/** /admin/account/password: any signed-in member of staff changes their own password. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { MIN_PASSWORD_LENGTH } from '../domain/user.js';

export const PASSWORD_MESSAGES = messages({
  title: { th: 'เปลี่ยนรหัสผ่าน', en: 'Change password' },
  current: { th: 'รหัสผ่านปัจจุบัน', en: 'Current password' },
  password: { th: 'รหัสผ่านใหม่', en: 'New password' },
  hint: {
    th: `อย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร ใช้วลียาว ๆ ที่จำง่ายแต่เดายาก`,
    en: `At least ${MIN_PASSWORD_LENGTH} characters; a long phrase is easy to remember and hard to guess`,
  },
  confirm: { th: 'ยืนยันรหัสผ่านใหม่', en: 'Confirm new password' },
  submit: { th: 'เปลี่ยนรหัสผ่าน', en: 'Change password' },
  changed: { th: 'เปลี่ยนรหัสผ่านแล้ว', en: 'Password changed' },
  everywhere: { th: 'ออกจากระบบทุกอุปกรณ์', en: 'Sign out everywhere' },
  everywhereHint: {
    th: 'หากลืมออกจากระบบที่เครื่องอื่น หรือสงสัยว่ามีผู้อื่นใช้บัญชีนี้ ให้ออกจากระบบทุกอุปกรณ์ (รวมถึงเครื่องนี้)',
    en: 'If you left a session open elsewhere or suspect someone else uses this account, sign out on every device (this one too).',
  },
});
const M = PASSWORD_MESSAGES;

export function ChangePasswordPage({ ctx, errors }: { ctx: PageContext; errors?: FieldError[] }) {
  const L = ctx.locale;
  const e = (k: string) => errorFor(errors, k);
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <form method="post" action="/admin/account/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="currentPassword" type="password" label={tr(L, M.current)} error={e('currentPassword')} autocomplete="current-password" />
        <TextField name="password" type="password" label={tr(L, M.password)} hint={tr(L, M.hint)} error={e('password')} autocomplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={tr(L, M.confirm)} error={e('passwordConfirm')} autocomplete="new-password" />
        <Button>{tr(L, M.submit)}</Button>
      </form>
      <h2>{tr(L, M.everywhere)}</h2>
      <p>{tr(L, M.everywhereHint)}</p>
      <form method="post" action="/logout/everywhere">
        <CsrfField token={ctx.csrfToken} />
        <Button>{tr(L, M.everywhere)}</Button>
      </form>
    </Layout>
  );
}
