/** Page objects of e-services: the citizen's pages (work without JavaScript) and the staff's. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { eitherDigits, normalized } from '../support/text.js';

export class EserviceIndexPage extends BasePage {
  static async open(page: Page, base: string, slug: string): Promise<EserviceIndexPage> {
    await page.goto(`${base}/a/${slug}/eservice`);
    return new EserviceIndexPage(page).arrive(/^บริการออนไลน์ \(E-Service\)$/);
  }
  async openService(name: string): Promise<ServiceFormPage> {
    await this.page.getByRole('link', { name, exact: true }).click();
    return ServiceFormPage.arrived(this.page, name);
  }
}

export class ServiceFormPage extends BasePage {
  static async arrived(page: Page, name: string): Promise<ServiceFormPage> {
    return new ServiceFormPage(page).arrive(new RegExp(`^${name}$`), /\/eservice\/services\//);
  }
  async submitStreetLight(input: { location: string; problem: string; photo?: { name: string; mimeType: string; buffer: Buffer } }): Promise<StatusPage> {
    const p = this.page;
    await p.getByLabel('ตำแหน่งเสาไฟหรือจุดที่ชำรุด').fill(input.location);
    await p.getByLabel('อาการ').selectOption(input.problem);
    if (input.photo) await p.getByLabel('รูปถ่าย (ไม่บังคับ)').setInputFiles(input.photo);
    await p.getByRole('button', { name: 'ยื่นคำขอ' }).click();
    return StatusPage.arrived(p);
  }
}

export class StatusPage extends BasePage {
  static async arrived(page: Page): Promise<StatusPage> {
    return new StatusPage(page).arrive(/^สถานะคำขอ$/, /\/eservice\/track\/ES-/);
  }
  static async open(page: Page, base: string, slug: string, code: string): Promise<StatusPage> {
    await page.goto(`${base}/a/${slug}/eservice/track/${code}`);
    return StatusPage.arrived(page);
  }
  async trackingCode(): Promise<string> {
    return normalized(await this.page.locator('.tracking-code').first().textContent());
  }
  async state(): Promise<string> {
    return normalized(await this.page.locator('[data-state]').textContent());
  }
  async openSurvey(): Promise<SurveyPage> {
    await this.page.getByRole('link', { name: 'ตอบแบบสำรวจความพึงพอใจ' }).click();
    return SurveyPage.arrived(this.page);
  }
}

export class TrackPage extends BasePage {
  static async open(page: Page, base: string, slug: string): Promise<TrackPage> {
    await page.goto(`${base}/a/${slug}/eservice/track`);
    return new TrackPage(page).arrive(/^ติดตามสถานะคำขอ$/);
  }
  async find(code: string): Promise<StatusPage> {
    await this.page.getByLabel('รหัสติดตาม').fill(code);
    await this.page.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
    return StatusPage.arrived(this.page);
  }
}

export class SurveyPage extends BasePage {
  static async arrived(page: Page): Promise<SurveyPage> {
    return new SurveyPage(page).arrive(/^แบบสำรวจความพึงพอใจการให้บริการ$/, /\/survey\//);
  }
  /** Picks level `level` (1–5) on every scale question and writes a suggestion. */
  async answerAll(level: number, suggestion: string): Promise<SurveyPage> {
    const groups = this.page.locator('fieldset');
    for (let i = 0; i < (await groups.count()); i++) {
      await groups.nth(i).getByLabel(new RegExp(`^${eitherDigits(level)} `)).check();
    }
    await this.page.getByLabel(/ข้อเสนอแนะ/).fill(suggestion);
    await this.page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    return SurveyPage.arrived(this.page);
  }
}

export class EserviceServicesPage extends BasePage {
  static async open(page: Page, base: string): Promise<EserviceServicesPage> {
    await page.goto(`${base}/admin/eservices/services`);
    return new EserviceServicesPage(page).arrive(/^งานบริการและแบบฟอร์มคำขอ$/);
  }
  async enable(name: string): Promise<void> {
    const row = this.page.locator('form.template-row').filter({ hasText: name }).first();
    await row.getByRole('button', { name: 'เปิดใช้งาน' }).click();
    await ServiceEditPage.arrived(this.page, name);
  }
}

export class ServiceEditPage extends BasePage {
  static async arrived(page: Page, name: string): Promise<ServiceEditPage> {
    return new ServiceEditPage(page).arrive(new RegExp(`^${name}$`), /\/admin\/eservices\/services\/[0-9a-f-]{36}$/);
  }
}

export class QueuePage extends BasePage {
  static async open(page: Page, base: string): Promise<QueuePage> {
    await page.goto(`${base}/admin/eservices`);
    return new QueuePage(page).arrive(/^คิวคำขอบริการ \(E-Service\)$/);
  }
  async openRequest(code: string): Promise<RequestPage> {
    await this.page.getByRole('link', { name: code }).click();
    return RequestPage.arrived(this.page);
  }
}

export class RequestPage extends BasePage {
  static async arrived(page: Page): Promise<RequestPage> {
    return new RequestPage(page).arrive(/^คำขอ ES-/, /^\/admin\/eservices\/requests\//);
  }
  async changeState(label: string, note: string): Promise<RequestPage> {
    await this.page.getByLabel('สถานะใหม่').selectOption({ label });
    await this.page.getByLabel(/ข้อความถึงผู้ยื่นคำขอ/).fill(note);
    await this.page.getByRole('button', { name: 'บันทึกสถานะ' }).click();
    return RequestPage.arrived(this.page);
  }
  async photoLink(): Promise<string | null> {
    return this.page.locator('main a[href*="/files/"]').first().getAttribute('href');
  }
}

export class EserviceStatsPage extends BasePage {
  static async open(page: Page, base: string): Promise<EserviceStatsPage> {
    await page.goto(`${base}/admin/eservices/stats`);
    return new EserviceStatsPage(page).arrive(/^สถิติการให้บริการและความพึงพอใจ$/);
  }
  async total(): Promise<string> {
    return normalized(await this.page.locator('[data-stat="total"]').textContent());
  }
  async serviceRow(name: string): Promise<string> {
    return normalized(await this.page.locator('table tr').filter({ hasText: name }).first().textContent());
  }
}
