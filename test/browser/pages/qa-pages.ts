/** Page objects of the Q&A channel: the public pages (no account, no JavaScript needed) and the staff's. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { normalized } from '../support/text.js';

export class QaIndexPage extends BasePage {
  static async open(page: Page, base: string, slug: string, query = ''): Promise<QaIndexPage> {
    await page.goto(`${base}/a/${slug}/qa${query}`);
    return QaIndexPage.arrived(page);
  }
  static async arrived(page: Page): Promise<QaIndexPage> {
    return new QaIndexPage(page).arrive(/^ถาม-ตอบ \(Q&A\)$/, /^\/a\/[^/]+\/qa(\?.*)?$/);
  }
  async ask(): Promise<QaAskPage> {
    await this.page.getByRole('link', { name: 'ส่งคำถาม', exact: true }).click();
    return QaAskPage.arrived(this.page);
  }
  async search(words: string): Promise<QaIndexPage> {
    await this.page.getByLabel('คำค้น').fill(words);
    await this.page.getByRole('button', { name: 'ค้นหา' }).click();
    return QaIndexPage.arrived(this.page);
  }
  /** The questions listed, as their visible titles. */
  async questions(): Promise<string[]> {
    const hs = this.page.locator('main article h3');
    const out: string[] = [];
    for (let i = 0; i < (await hs.count()); i++) out.push(normalized(await hs.nth(i).textContent()));
    return out;
  }
  async openQuestion(text: string): Promise<QaEntryPage> {
    await this.page.getByRole('link', { name: text }).click();
    return QaEntryPage.arrived(this.page);
  }
}

export class QaEntryPage extends BasePage {
  static async arrived(page: Page): Promise<QaEntryPage> {
    return new QaEntryPage(page).arrive(/^ถาม-ตอบ$/, /^\/a\/[^/]+\/qa\/[0-9a-f-]{36}$/);
  }
}

export class QaAskPage extends BasePage {
  static async arrived(page: Page): Promise<QaAskPage> {
    return new QaAskPage(page).arrive(/^ส่งคำถามถึงหน่วยงาน$/, /^\/a\/[^/]+\/qa\/ask$/);
  }
  async submitEmpty(): Promise<QaAskPage> {
    await this.page.getByRole('button', { name: 'ส่งคำถาม' }).click();
    await this.errorSummary.waitFor();
    return QaAskPage.arrived(this.page);
  }
  async ask(input: { category: string; question: string; name?: string; publish: boolean }): Promise<QaFollowPage> {
    const p = this.page;
    await p.getByLabel('หมวดของคำถาม').selectOption({ label: input.category });
    await p.getByLabel('คำถาม', { exact: true }).fill(input.question);
    if (input.name) await p.getByLabel('ชื่อผู้ถาม (ไม่บังคับ)').fill(input.name);
    await p.getByLabel(input.publish ? /^เผยแพร่คำถามและคำตอบ/ : /^ไม่เผยแพร่/).check();
    await p.getByRole('button', { name: 'ส่งคำถาม' }).click();
    return QaFollowPage.arrived(p);
  }
}

export class QaFollowPage extends BasePage {
  static async open(page: Page, base: string, slug: string): Promise<QaFollowPage> {
    await page.goto(`${base}/a/${slug}/qa/follow`);
    return QaFollowPage.arrived(page);
  }
  async find(code: string): Promise<QaFollowPage> {
    await this.page.getByLabel('รหัสติดตาม').fill(code);
    await this.page.getByRole('button', { name: 'ดูคำตอบ' }).click();
    return QaFollowPage.arrived(this.page);
  }
  static async arrived(page: Page): Promise<QaFollowPage> {
    return new QaFollowPage(page).arrive(/^ติดตามคำถาม$/, /^\/a\/[^/]+\/qa\/follow/);
  }
  async code(): Promise<string> {
    return normalized(await this.page.locator('.tracking-code').textContent());
  }
}

export class QaAdminListPage extends BasePage {
  static async open(page: Page, base: string): Promise<QaAdminListPage> {
    await page.goto(`${base}/admin/qa`);
    return new QaAdminListPage(page).arrive(/^ถาม-ตอบ \(Q&A\)$/, /^\/admin\/qa$/);
  }
  async openQuestion(text: string): Promise<QaAdminEntryPage> {
    await this.page.getByRole('table', { name: /^คำถามที่รอดำเนินการ/ }).getByRole('link', { name: text }).click();
    return QaAdminEntryPage.arrived(this.page);
  }
}

export class QaAdminEntryPage extends BasePage {
  static async arrived(page: Page): Promise<QaAdminEntryPage> {
    return new QaAdminEntryPage(page).arrive(/^คำถาม$/, /^\/admin\/qa\/[0-9a-f-]{36}$/);
  }
  async answerAndPublish(answer: string): Promise<QaAdminEntryPage> {
    await this.page.getByLabel('คำตอบ', { exact: true }).fill(answer);
    await this.page.getByRole('button', { name: 'ตอบและเผยแพร่' }).click();
    return QaAdminEntryPage.arrived(this.page);
  }
}
