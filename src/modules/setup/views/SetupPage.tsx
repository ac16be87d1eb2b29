import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, Select, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { AGENCY_TYPES, DEFAULT_UNITS } from '../../agencies/index.js';

const M = messages({
  title: { th: 'ตั้งค่าระบบครั้งแรก', en: 'First-run setup' },
  lead: {
    th: 'สร้างข้อมูลหน่วยงานและบัญชีผู้ดูแลระบบคนแรก ด้วยรหัสตั้งค่าครั้งแรกที่แสดงบนหน้าจอคอนโซลเมื่อเริ่มโปรแกรม (ใช้ได้ครั้งเดียว)',
    en: 'Create the agency and its first administrator with the one-time setup code the console printed at start.',
  },
  code: { th: 'รหัสตั้งค่าครั้งแรก', en: 'Setup code' },
  codeHint: {
    th: 'คัดลอกจากหน้าจอคอนโซลของเซิร์ฟเวอร์ รหัสนี้ไม่อยู่ในลิงก์ จึงไม่ถูกบันทึกในประวัติเว็บหรือบันทึกของระบบ',
    en: 'Copy it from the server console. It is never part of a link, so no browser history or log holds it.',
  },
  agency: { th: 'ข้อมูลหน่วยงาน', en: 'Agency' },
  nameTh: { th: 'ชื่อหน่วยงาน', en: 'Agency name (Thai)' },
  nameHint: { th: 'เช่น เทศบาลตำบลปรุใหญ่', en: 'e.g. เทศบาลตำบลปรุใหญ่' },
  slug: { th: 'ชื่อย่อสำหรับลิงก์ (ภาษาอังกฤษ)', en: 'Short name for links' },
  slugHint: { th: 'ใช้ในที่อยู่หน้าเว็บสาธารณะ เช่น pru-yai → /a/pru-yai', en: 'Used in public URLs, e.g. pru-yai → /a/pru-yai' },
  type: { th: 'ประเภทหน่วยงาน', en: 'Agency type' },
  province: { th: 'จังหวัด', en: 'Province' },
  digits: { th: 'รูปแบบตัวเลขในเอกสาร', en: 'Digits in documents' },
  thaiDigits: { th: 'เลขไทย (๑ ๒ ๓)', en: 'Thai digits (๑ ๒ ๓)' },
  arabicDigits: { th: 'เลขอารบิก (1 2 3)', en: 'Arabic digits (1 2 3)' },
  units: { th: 'หน่วยงานย่อย (บรรทัดละหนึ่งหน่วย)', en: 'Units (one per line)' },
  admin: { th: 'ผู้ดูแลระบบคนแรก', en: 'First administrator' },
  displayName: { th: 'ชื่อ-นามสกุล', en: 'Full name' },
  username: { th: 'ชื่อผู้ใช้', en: 'Username' },
  email: { th: 'อีเมล (ไม่บังคับ)', en: 'E-mail (optional)' },
  password: { th: 'รหัสผ่าน', en: 'Password' },
  passwordHint: { th: 'อย่างน้อย 10 ตัวอักษร', en: 'At least 10 characters' },
  passwordConfirm: { th: 'ยืนยันรหัสผ่าน', en: 'Confirm password' },
  submit: { th: 'สร้างหน่วยงานและบัญชีผู้ดูแล', en: 'Create agency and administrator' },
});

export function SetupPage({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  const v = (k: string) => values[k] ?? '';
  const e = (k: string) => errorFor(errors, k);
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <form method="post" action="/setup" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {/* Never echoed back: a wrong code is typed again, a right one is not shown on a re-rendered page. */}
        <TextField name="setupCode" label={tr(L, M.code)} hint={tr(L, M.codeHint)} autocomplete="off" error={e('setupCode')} />
        <fieldset>
          <legend>{tr(L, M.agency)}</legend>
          <TextField name="agency.nameTh" label={tr(L, M.nameTh)} hint={tr(L, M.nameHint)} value={v('agency.nameTh')} error={e('agency.nameTh')} />
          <TextField name="agency.slug" label={tr(L, M.slug)} hint={tr(L, M.slugHint)} value={v('agency.slug')} error={e('agency.slug')} />
          <Select name="agency.type" label={tr(L, M.type)} value={v('agency.type') || 'subdistrict_municipality'} error={e('agency.type')} options={AGENCY_TYPES.map((t) => ({ value: t.code, label: t.labelTh }))} />
          <TextField name="agency.province" label={tr(L, M.province)} value={v('agency.province')} error={e('agency.province')} />
          <Select name="agency.digits" label={tr(L, M.digits)} value={v('agency.digits') || 'thai'} error={e('agency.digits')} options={[{ value: 'thai', label: tr(L, M.thaiDigits) }, { value: 'arabic', label: tr(L, M.arabicDigits) }]} />
          <TextArea name="units" label={tr(L, M.units)} value={values.units ?? DEFAULT_UNITS.join('\n')} error={e('units')} rows={6} />
        </fieldset>
        <fieldset>
          <legend>{tr(L, M.admin)}</legend>
          <TextField name="admin.displayName" label={tr(L, M.displayName)} value={v('admin.displayName')} error={e('admin.displayName')} autocomplete="name" />
          <TextField name="admin.username" label={tr(L, M.username)} value={v('admin.username')} error={e('admin.username')} autocomplete="username" />
          <TextField name="admin.email" type="email" label={tr(L, M.email)} value={v('admin.email')} error={e('admin.email')} autocomplete="email" />
          <TextField name="admin.password" type="password" label={tr(L, M.password)} hint={tr(L, M.passwordHint)} error={e('admin.password')} autocomplete="new-password" />
          <TextField name="admin.passwordConfirm" type="password" label={tr(L, M.passwordConfirm)} error={e('admin.passwordConfirm')} autocomplete="new-password" />
        </fieldset>
        <Button>{tr(L, M.submit)}</Button>
      </form>
    </Layout>
  );
}
