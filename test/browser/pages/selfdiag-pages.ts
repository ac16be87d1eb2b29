/**
 * Page objects of the self-diagnosis journey: the coordinator's rounds, a round's results by unit,
 * the one-time link slips, the prediction; and the respondent's answer page (no account, works
 * without JavaScript: locators only).
 */
import type { Locator, Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { eitherDigits, normalized } from '../support/text.js';

export class SelfdiagIndexPage extends BasePage {
  static async open(page: Page, base: string): Promise<SelfdiagIndexPage> {
    await page.goto(`${base}/admin/self-diagnosis`);
    return new SelfdiagIndexPage(page).arrive(/^ประเมินตนเองก่อน ITA \(IIT\/EIT\)$/);
  }
  /** Starts a round with the form's defaults (this fiscal year, quarter 1) and `threshold`. */
  async startRound(input: { tool: 'IIT' | 'EIT'; threshold: number }): Promise<RoundPage> {
    await this.page.getByLabel('แบบวัด').selectOption(input.tool);
    await this.page.getByLabel(/^จำนวนผู้ตอบขั้นต่ำ/).fill(String(input.threshold));
    await this.page.getByRole('button', { name: 'เริ่มรอบการสำรวจ' }).click();
    return RoundPage.arrived(this.page);
  }
  async openPrediction(): Promise<PredictionPage> {
    await this.page.getByRole('link', { name: /^ดูผลคาดการณ์คะแนน ITA/ }).click();
    return PredictionPage.arrived(this.page);
  }
}

export class RoundPage extends BasePage {
  static async arrived(page: Page): Promise<RoundPage> {
    return new RoundPage(page).arrive(/^ประเมินตนเอง (IIT|EIT) ไตรมาส \d\/\d{4}$/, /^\/admin\/self-diagnosis\/rounds\/[0-9a-f-]{36}$/);
  }
  async issueLinks(unit: string, count: number): Promise<LinkSlipsPage> {
    await this.page.getByLabel('หน่วยงานย่อย', { exact: true }).selectOption(unit);
    await this.page.getByLabel('จำนวนลิงก์').fill(String(count));
    await this.page.getByRole('button', { name: 'ออกลิงก์และคิวอาร์โค้ด' }).click();
    return LinkSlipsPage.arrived(this.page, unit);
  }
  async close(): Promise<RoundPage> {
    await this.page.getByRole('button', { name: 'ปิดรอบการสำรวจ' }).click();
    return RoundPage.arrived(this.page);
  }
  /** The row of a unit in the by-unit table: its cells' text. */
  async unitRow(unit: string): Promise<string[]> {
    const row = this.page.getByRole('table', { name: 'ผลรายหน่วยงานย่อย' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: unit, exact: true }) });
    const cells = row.locator('th, td');
    const out: string[] = [];
    for (let i = 0; i < (await cells.count()); i++) out.push(normalized(await cells.nth(i).textContent()));
    return out;
  }
}

export class LinkSlipsPage extends BasePage {
  static async arrived(page: Page, unit: string): Promise<LinkSlipsPage> {
    return new LinkSlipsPage(page).arrive(new RegExp(`^ลิงก์ตอบแบบสำรวจ: ${unit}$`), /\/links$/);
  }
  get slips(): Locator {
    return this.page.locator('.slip');
  }
  /** The printed links (each slip shows a QR code and the same link as text). */
  async links(): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < (await this.slips.count()); i++) out.push(normalized(await this.slips.nth(i).locator('.mono').textContent()));
    return out;
  }
  async qrCodes(): Promise<number> {
    return this.page.locator('.slip [role="img"] svg').count();
  }
  async backToRound(): Promise<RoundPage> {
    await this.page.getByRole('link', { name: 'กลับไปหน้ารอบการสำรวจ' }).click();
    return RoundPage.arrived(this.page);
  }
}

export class PredictionPage extends BasePage {
  static async arrived(page: Page): Promise<PredictionPage> {
    return new PredictionPage(page).arrive(/^ผลคาดการณ์ ITA ปี \d{4}$/, /^\/admin\/self-diagnosis\/prediction/);
  }
}

/** The respondent's page at /a/{slug}/survey/{token}: scale questions and a free-text suggestion. */
export class SurveyAnswerPage extends BasePage {
  static async open(page: Page, url: string, title: RegExp): Promise<SurveyAnswerPage> {
    await page.goto(url);
    return new SurveyAnswerPage(page).arrive(title, /^\/a\/[^/]+\/survey\/[\w-]+$/);
  }
  get form(): Locator {
    return this.page.locator('main form[method="post"]');
  }
  /** Every question group (fieldset) answered with level `level` of 4 (yes/no: ใช่ when ≥ 3). */
  async answerAll(level: 1 | 2 | 3 | 4, suggestion?: string): Promise<SurveyAnswerPage> {
    const groups = this.form.locator('fieldset');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      const g = groups.nth(i);
      const scale = g.getByLabel(new RegExp(`^${eitherDigits(level)} `));
      if ((await scale.count()) > 0) await scale.check();
      else await g.getByLabel(level >= 3 ? 'ใช่' : 'ไม่ใช่', { exact: true }).check();
    }
    if (suggestion !== undefined) await this.page.getByLabel(/^ข้อเสนอแนะเพิ่มเติม/).fill(suggestion);
    await this.page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    return new SurveyAnswerPage(this.page).arrive(await this.titlePattern(), /^\/a\/[^/]+\/survey\/[\w-]+$/);
  }
  async questionCount(): Promise<number> {
    return this.form.locator('fieldset').count();
  }
  private async titlePattern(): Promise<RegExp> {
    return new RegExp(`^${normalized(await this.h1.textContent()).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  }
}
