/** /admin/users: the agency's staff accounts with their roles, unit and status. */
import { Layout } from '../../../ui/Layout.js';
import { DataTable, Tag } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { User } from '../domain/user.js';
import { roleLabel } from './roles.js';

export const USERS_MESSAGES = messages({
  title: { th: 'ผู้ใช้งาน', en: 'Users' },
  lead: {
    th: 'บัญชีเจ้าหน้าที่ของหน่วยงาน ผู้ดูแลระบบกำหนดรหัสผ่านเริ่มต้นให้ และผู้ใช้ควรเปลี่ยนรหัสผ่านเองหลังเข้าสู่ระบบครั้งแรก',
    en: 'Staff accounts of the agency. Give each person an initial password; they should change it after first sign-in.',
  },
  add: { th: 'เพิ่มผู้ใช้', en: 'Add a user' },
  caption: { th: 'บัญชีผู้ใช้ของหน่วยงาน', en: 'User accounts' },
  name: { th: 'ชื่อ-นามสกุล', en: 'Full name' },
  username: { th: 'ชื่อผู้ใช้', en: 'Username' },
  roles: { th: 'บทบาท', en: 'Roles' },
  unit: { th: 'หน่วยงานย่อย', en: 'Unit' },
  status: { th: 'สถานะ', en: 'Status' },
  active: { th: 'ใช้งาน', en: 'Active' },
  disabled: { th: 'ปิดใช้งาน', en: 'Disabled' },
  manage: { th: 'จัดการ', en: 'Actions' },
  edit: { th: 'แก้ไขสิทธิ์', en: 'Edit access' },
  you: { th: '(ท่าน)', en: '(you)' },
  none: { th: '—', en: '—' },
});
const M = USERS_MESSAGES;

export function UsersListPage({ ctx, users, unitNames, currentUserId }: { ctx: PageContext; users: User[]; unitNames: Map<string, string>; currentUserId: string }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <p>
        <a href="/admin/users/new" class="button button-primary">
          {tr(L, M.add)}
        </a>
      </p>
      <DataTable caption={tr(L, M.caption)} head={[tr(L, M.name), tr(L, M.username), tr(L, M.roles), tr(L, M.unit), tr(L, M.status), tr(L, M.manage)]}>
        {users.map((u) => (
          <tr>
            <td>
              {u.displayName}
              {u.id === currentUserId && ` ${tr(L, M.you)}`}
            </td>
            <td>{u.username}</td>
            <td>{u.roles.map((r) => roleLabel(L, r)).join(', ') || tr(L, M.none)}</td>
            <td>{(u.unitId && unitNames.get(u.unitId)) || tr(L, M.none)}</td>
            <td>{u.disabled ? <Tag tone="bad">{tr(L, M.disabled)}</Tag> : <Tag tone="good">{tr(L, M.active)}</Tag>}</td>
            <td>
              <a href={`/admin/users/${u.id}`}>
                {tr(L, M.edit)}
                <span class="visually-hidden"> {u.displayName}</span>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}
