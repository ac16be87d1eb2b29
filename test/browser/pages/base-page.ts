/**
 * What every page of the app has: one h1, an optional flash notice, an optional error summary,
 * the staff header with sign-out. Each page object checks it is on the right page and runs axe
 * when it arrives (HMPPS `abstractPage.ts` pattern), so no visited page escapes the check.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { normalized } from '../support/text.js';

export abstract class BasePage {
  constructor(readonly page: Page) {}

  /** Waits for the page's h1 to match, fails on any server error page, then runs axe. */
  protected async arrive(heading: RegExp, path?: RegExp): Promise<this> {
    const h1 = this.page.locator('h1');
    try {
      await h1.first().waitFor();
      if (path) await this.page.waitForURL((u) => path.test(u.pathname + u.search));
      await expect.poll(async () => normalized(await h1.first().textContent()), { timeout: 10_000 }).toMatch(heading);
    } catch (error) {
      const text = normalized(await this.page.locator('main').textContent().catch(() => '')).slice(0, 600);
      throw new Error(`Expected the page with heading ${heading}${path ? ` at ${path}` : ''}, got ${this.page.url()} «${text}»\n${String(error)}`);
    }
    await expectAccessible(this.page);
    return this;
  }

  get h1(): Locator {
    return this.page.locator('h1').first();
  }

  async title(): Promise<string> {
    return this.page.title();
  }

  /** The success notice shown after a redirect (role=status), whitespace folded. */
  async flash(): Promise<string> {
    return normalized(await this.page.locator('main .notice-success[role="status"]').textContent());
  }

  get errorSummary(): Locator {
    return this.page.locator('.error-summary');
  }

  /** Error summary entries: text and link target (null for row errors, which are not links). */
  // Locator reads only (no evaluate): page scripts cannot run in the JavaScript-off journey.
  async errorSummaryItems(): Promise<{ text: string; href: string | null }[]> {
    const items = this.errorSummary.locator('li');
    const out: { text: string; href: string | null }[] = [];
    for (let i = 0; i < (await items.count()); i++) {
      const li = items.nth(i);
      const link = li.locator('a');
      out.push({ text: normalized(await li.textContent()), href: (await link.count()) > 0 ? await link.getAttribute('href') : null });
    }
    return out;
  }

  async mainText(): Promise<string> {
    return normalized(await this.page.locator('main').textContent());
  }

  /** The staff navigation link of that name. */
  async navigate(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: label, exact: true }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'ออกจากระบบ' }).click();
  }
}
