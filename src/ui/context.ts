/** What every page needs from the request to render its frame. */
import type { Locale } from './i18n.js';
import type { Permission } from '../shared/permissions.js';
import type { DigitStyle } from '../shared/thai.js';

export interface NavEntry {
  href: string;
  label: { th: string; en: string };
  permission?: Permission;
}

export interface PageUser {
  displayName: string;
  roles: string[];
}

export interface PageAgency {
  nameTh: string;
  slug: string;
  digits: DigitStyle;
}

export interface PageContext {
  locale: Locale;
  path: string;
  csrfToken: string;
  user: PageUser | null;
  agency: PageAgency | null;
  nav: NavEntry[];
  /** One-off confirmation after a redirect ("บันทึกแล้ว"). */
  flash: string | null;
  can: (permission: Permission) => boolean;
}
