/** The agency's public measures page: /a/{slug}/ita/{year}/measures. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { normalized } from '../support/text.js';

export class PublicMeasuresPage extends BasePage {
  static async open(page: Page, baseUrl: string, slug: string, year: number): Promise<PublicMeasuresPage> {
    const response = await page.goto(`${baseUrl}/a/${slug}/ita/${year}/measures`);
    if (!response || response.status() !== 200) {
      const text = normalized(await page.locator('main').textContent().catch(() => '')).slice(0, 400);
      throw new Error(`GET /a/${slug}/ita/${year}/measures answered ${response?.status()}: «${text}»`);
    }
    return new PublicMeasuresPage(page).arrive(/^มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน/, new RegExp(`^/a/${slug}/ita/${year}/measures$`));
  }

  async documentText(): Promise<string> {
    return normalized(await this.page.locator('article.doc').textContent());
  }
}
