/**
 * The users module as the app and other modules see it (STYLE.md convention 15): staff
 * accounts, sign-in and sessions (it implements the platform's `SessionUsers`), the first-run
 * setup token, and the account administration pages.
 */
import { defineModule } from '../../platform/module.js';
import { usersRoutes, type UsersRoutesOptions } from './routes.js';
import { usersAdminRoutes, type UsersAdminRoutesOptions } from './admin-routes.js';

export { usersService, type UsersService } from './service.js';
export type { User } from './domain/user.js';
export type { UsersDb, UserTables } from './tables.js';
export { firstAdminSchema } from './schemas.js';

const AUDIT_LABELS = {
  actions: {
    'user.create': { th: 'สร้างบัญชีผู้ใช้', en: 'User account created' },
    'user.update': { th: 'เปลี่ยนบทบาทหรือสถานะของผู้ใช้', en: 'User roles or status changed' },
    'user.unit_change': { th: 'เปลี่ยนหน่วยงานย่อยของผู้ใช้', en: 'User unit changed' },
    'user.password_change': { th: 'เปลี่ยนรหัสผ่าน', en: 'Password changed' },
    'auth.login': { th: 'เข้าสู่ระบบ', en: 'Signed in' },
    'auth.logout_all': { th: 'ออกจากระบบทุกอุปกรณ์', en: 'Signed out everywhere' },
    'auth.login_failed': { th: 'เข้าสู่ระบบไม่สำเร็จ', en: 'Failed sign-in' },
    'auth.lockout': { th: 'ระงับบัญชีชั่วคราว (ใส่รหัสผ่านผิดหลายครั้ง)', en: 'Account locked after failed sign-ins' },
  },
  entities: { user: { th: 'ผู้ใช้', en: 'User' } },
  details: {
    username: { th: 'ชื่อผู้ใช้', en: 'Username' },
    roles: { th: 'บทบาท', en: 'Roles' },
    disabled: { th: 'ปิดใช้งาน', en: 'Disabled' },
  },
};

/** Sign-in, sign-out and the session cookie (public). */
export const usersModule = (options: UsersRoutesOptions) => defineModule({ name: 'users', routes: usersRoutes, options, auditLabels: AUDIT_LABELS });

/** Account administration (users.manage) and changing one's own password. */
export const usersAdminModule = (options: UsersAdminRoutesOptions) =>
  defineModule({
    name: 'users-admin',
    routes: usersAdminRoutes,
    options,
    permissions: ['users.manage'],
    nav: [
      { href: '/admin/users', label: { th: 'ผู้ใช้งาน', en: 'Users' }, permission: 'users.manage' },
      { href: '/admin/account/password', label: { th: 'เปลี่ยนรหัสผ่าน', en: 'Change password' } },
    ],
  });
