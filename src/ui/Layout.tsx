/**
 * The page frame: skip link, header with the agency and staff navigation, main content, footer.
 * Works without JavaScript; /assets/app.js only adds small enhancements (focus on the error summary).
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { messages, tr } from './i18n.js';
import type { FieldError } from '../shared/errors.js';
import { ErrorSummary } from './components.js';

const M = messages({
  skip: { th: 'ข้ามไปยังเนื้อหาหลัก', en: 'Skip to main content' },
  product: { th: 'โปร่งใส', en: 'Prongsai' },
  tagline: { th: 'ระบบคุณธรรมและความโปร่งใสของหน่วยงาน', en: 'Integrity and transparency for public agencies' },
  signOut: { th: 'ออกจากระบบ', en: 'Sign out' },
  signIn: { th: 'เข้าสู่ระบบเจ้าหน้าที่', en: 'Staff sign in' },
  errorPrefix: { th: 'ข้อผิดพลาด: ', en: 'Error: ' },
  nav: { th: 'เมนูหลัก', en: 'Main menu' },
  lang: { th: 'English', en: 'ภาษาไทย' },
  footer: { th: 'โปร่งใส — ซอฟต์แวร์โอเพนซอร์สเพื่อความโปร่งใสของหน่วยงานภาครัฐ', en: 'Prongsai — open-source software for public-sector transparency' },
});

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  errors?: FieldError[];
  children: ComponentChildren;
  /** Public pages of an agency show its name instead of the staff navigation. */
  variant?: 'staff' | 'public';
  /** Extra stylesheets of the page (e.g. the document styles), linked after app.css. */
  stylesheets?: string[];
  /** Reload the page after this many seconds (progress of a long job; works without JavaScript). */
  refreshSeconds?: number;
}

export function Layout({ ctx, title, errors, children, variant = 'staff', stylesheets = [], refreshSeconds }: LayoutProps) {
  const hasErrors = !!errors && errors.length > 0;
  const fullTitle = `${hasErrors ? tr(ctx.locale, M.errorPrefix) : ''}${title} — ${ctx.agency?.nameTh ?? tr(ctx.locale, M.product)}`;
  const otherLocale = ctx.locale === 'th' ? 'en' : 'th';
  const nav = ctx.user ? ctx.nav.filter((n) => !n.permission || ctx.can(n.permission)) : [];
  // The current entry is the longest one whose path starts this page's path: /admin/agency/units
  // marks "หน่วยงาน" (/admin/agency), not also "ภาพรวม" (/admin).
  const current = nav
    .filter((n) => ctx.path === n.href || ctx.path.startsWith(`${n.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(refreshSeconds)} />}
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/assets/fonts.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        {stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">{tr(ctx.locale, M.skip)}</a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={variant === 'public' && ctx.agency ? `/a/${ctx.agency.slug}` : '/'}>
              <span class="brand-name">{variant === 'public' && ctx.agency ? ctx.agency.nameTh : tr(ctx.locale, M.product)}</span>
              <span class="brand-tagline">{variant === 'public' ? tr(ctx.locale, M.product) : ctx.agency?.nameTh ?? tr(ctx.locale, M.tagline)}</span>
            </a>
            <div class="header-tools">
              <a href={`?lang=${otherLocale}`} hreflang={otherLocale} lang={otherLocale}>{tr(ctx.locale, M.lang)}</a>
              {ctx.user ? (
                <form method="post" action="/logout" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <span class="user-name">{ctx.user.displayName}</span>{' '}
                  <button type="submit" class="link-button">{tr(ctx.locale, M.signOut)}</button>
                </form>
              ) : variant === 'staff' ? null : (
                <a href="/login">{tr(ctx.locale, M.signIn)}</a>
              )}
            </div>
          </div>
          {nav.length > 0 && (
            <nav class="main-nav" aria-label={tr(ctx.locale, M.nav)}>
              <ul class="container">
                {nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.href === current ? 'page' : undefined}>
                      {tr(ctx.locale, n.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="container" tabindex={-1}>
          {ctx.flash && (
            <div class="notice notice-success" role="status">
              {ctx.flash}
            </div>
          )}
          {hasErrors && <ErrorSummary locale={ctx.locale} errors={errors!} />}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">{tr(ctx.locale, M.footer)}</div>
        </footer>
      </body>
    </html>
  );
}
