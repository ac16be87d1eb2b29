/** Creating a staff account and changing its roles, unit and status. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, Select, TextField, errorFor, fieldId } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr, type Locale } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { ROLES } from '../../../shared/permissions.js';
import { MIN_PASSWORD_LENGTH, type User } from '../domain/user.js';
import { roleDescription, roleLabel } from './roles.js';

export const USER_FORM_MESSAGES = messages({
  newTitle: { th: 'เพิ่มผู้ใช้', en: 'Add a user' },
  editTitle: { th: 'แก้ไขสิทธิ์ผู้ใช้', en: 'Edit user access' },
  displayName: { th: 'ชื่อ-นามสกุล', en: 'Full name' },
  username: { th: 'ชื่อผู้ใช้', en: 'Username' },
  usernameHint: { th: 'อักษรอังกฤษตัวเล็ก ตัวเลข จุด ขีด หรือขีดล่าง เช่น somchai.k', en: 'Lowercase letters, digits, dot, hyphen or underscore, e.g. somchai.k' },
  email: { th: 'อีเมล (ไม่บังคับ)', en: 'E-mail (optional)' },
  password: { th: 'รหัสผ่านเริ่มต้น', en: 'Initial password' },
  passwordHint: {
    th: `อย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร แจ้งผู้ใช้โดยตรงและให้เปลี่ยนเองหลังเข้าสู่ระบบ`,
    en: `At least ${MIN_PASSWORD_LENGTH} characters. Tell the user directly; they should change it after signing in.`,
  },
  passwordConfirm: { th: 'ยืนยันรหัสผ่านเริ่มต้น', en: 'Confirm initial password' },
  roles: { th: 'บทบาท', en: 'Roles' },
  unit: { th: 'หน่วยงานย่อย', en: 'Unit' },
  unitHint: { th: 'จำเป็นสำหรับเจ้าหน้าที่หน่วยงานย่อย', en: 'Needed for unit staff' },
  noUnit: { th: '— ไม่สังกัดหน่วยงานย่อย —', en: '— No unit —' },
  disabled: { th: 'ปิดการใช้งานบัญชีนี้ (เข้าสู่ระบบไม่ได้)', en: 'Disable this account (cannot sign in)' },
  create: { th: 'สร้างบัญชีผู้ใช้', en: 'Create account' },
  save: { th: 'บันทึก', en: 'Save' },
  back: { th: 'กลับไปรายชื่อผู้ใช้', en: 'Back to users' },
  created: { th: 'สร้างบัญชีผู้ใช้แล้ว', en: 'Account created' },
  saved: { th: 'บันทึกสิทธิ์ของผู้ใช้แล้ว', en: 'User access saved' },
  selfNote: {
    th: 'นี่คือบัญชีของท่าน ท่านไม่สามารถถอดบทบาทผู้ดูแลระบบหรือปิดบัญชีของตนเองได้',
    en: 'This is your own account: you cannot remove your administrator role or disable it.',
  },
  unitInvalid: { th: 'กรุณาเลือกหน่วยงานย่อยจากรายการ', en: 'Choose a unit from the list' },
});
const M = USER_FORM_MESSAGES;

export interface UserFormValues {
  username?: string;
  displayName?: string;
  email?: string;
  roles: string[];
  unitId: string;
  disabled?: boolean;
}

type UnitOption = { id: string; nameTh: string };

/** Role checkboxes in a fieldset; the first box carries the field id the error summary links to. */
function RoleCheckboxes({ locale, selected, error }: { locale: Locale; selected: string[]; error?: string }) {
  const base = fieldId('roles');
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <fieldset aria-describedby={error ? `${base}-error` : undefined}>
        <legend class="label">{tr(locale, M.roles)}</legend>
        {error && (
          <p id={`${base}-error`} class="error-message">
            {error}
          </p>
        )}
        {ROLES.map((role, i) => {
          const id = i === 0 ? base : `${base}-${role}`;
          return (
            <div class="checkbox">
              <input type="checkbox" id={id} name="roles" value={role} checked={selected.includes(role)} aria-describedby={`${id}-hint`} />
              <label for={id}>
                {roleLabel(locale, role)}{' '}
                <span id={`${id}-hint`} class="hint">
                  — {roleDescription(locale, role)}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

function UnitSelect({ locale, units, value, error }: { locale: Locale; units: UnitOption[]; value: string; error?: string }) {
  return (
    <Select
      name="unitId"
      label={tr(locale, M.unit)}
      hint={tr(locale, M.unitHint)}
      includeEmpty={tr(locale, M.noUnit)}
      options={units.map((u) => ({ value: u.id, label: u.nameTh }))}
      value={value}
      error={error}
    />
  );
}

export function NewUserPage({ ctx, units, values, errors }: { ctx: PageContext; units: UnitOption[]; values: UserFormValues; errors?: FieldError[] }) {
  const L = ctx.locale;
  const e = (k: string) => errorFor(errors, k);
  return (
    <Layout ctx={ctx} title={tr(L, M.newTitle)} errors={errors}>
      <h1>{tr(L, M.newTitle)}</h1>
      <form method="post" action="/admin/users" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="displayName" label={tr(L, M.displayName)} value={values.displayName} error={e('displayName')} autocomplete="off" />
        <TextField name="username" label={tr(L, M.username)} hint={tr(L, M.usernameHint)} value={values.username} error={e('username')} autocomplete="off" />
        <TextField name="email" type="email" label={tr(L, M.email)} value={values.email} error={e('email')} autocomplete="off" />
        {/* Passwords are never sent back to the browser, not even after a refused submission. */}
        <TextField name="password" type="password" label={tr(L, M.password)} hint={tr(L, M.passwordHint)} error={e('password')} autocomplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={tr(L, M.passwordConfirm)} error={e('passwordConfirm')} autocomplete="new-password" />
        <RoleCheckboxes locale={L} selected={values.roles} error={e('roles')} />
        <UnitSelect locale={L} units={units} value={values.unitId} error={e('unitId')} />
        <div class="actions">
          <Button>{tr(L, M.create)}</Button>
          <a href="/admin/users">{tr(L, M.back)}</a>
        </div>
      </form>
    </Layout>
  );
}

export function EditUserPage({
  ctx,
  user,
  isSelf,
  units,
  values,
  errors,
}: {
  ctx: PageContext;
  user: User;
  isSelf: boolean;
  units: UnitOption[];
  values: UserFormValues;
  errors?: FieldError[];
}) {
  const L = ctx.locale;
  const e = (k: string) => errorFor(errors, k);
  const disabledId = fieldId('disabled');
  return (
    <Layout ctx={ctx} title={`${tr(L, M.editTitle)}: ${user.displayName}`} errors={errors}>
      <h1>
        {tr(L, M.editTitle)}: {user.displayName}
      </h1>
      <p>
        {tr(L, M.username)}: <strong>{user.username}</strong>
        {user.email && ` · ${user.email}`}
      </p>
      {isSelf && <div class="notice notice-info">{tr(L, M.selfNote)}</div>}
      <form method="post" action={`/admin/users/${user.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RoleCheckboxes locale={L} selected={values.roles} error={e('roles')} />
        <UnitSelect locale={L} units={units} value={values.unitId} error={e('unitId')} />
        <div class={`field${e('disabled') ? ' field-error' : ''}`}>
          <div class="checkbox">
            <input type="checkbox" id={disabledId} name="disabled" value="1" checked={!!values.disabled} />
            <label for={disabledId}>{tr(L, M.disabled)}</label>
          </div>
        </div>
        <div class="actions">
          <Button>{tr(L, M.save)}</Button>
          <a href="/admin/users">{tr(L, M.back)}</a>
        </div>
      </form>
    </Layout>
  );
}
