/** Page objects of tracked measures, periodic reports and the executive summary. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { normalized } from '../support/text.js';

export class MeasuresListPage extends BasePage {
  static async open(page: Page, baseUrl: string, year: number): Promise<MeasuresListPage> {
    await page.goto(`${baseUrl}/admin/measures/${year}`);
    return new MeasuresListPage(page).arrive(/^ติดตามมาตรการ ปีงบประมาณ /, new RegExp(`^/admin/measures/${year}$`));
  }

  async openMeasure(index: number): Promise<MeasurePage> {
    await this.page.locator('main table tbody tr').nth(index).locator('a').first().click();
    return MeasurePage.arrived(this.page);
  }
}

export class MeasurePage extends BasePage {
  static async arrived(page: Page): Promise<MeasurePage> {
    return new MeasurePage(page).arrive(/.+/, /^\/admin\/measures\/\d{4}\/[0-9a-f-]{36}$/);
  }

  async report(status: string, note: string): Promise<MeasurePage> {
    const form = this.page.locator('form[method="post"]').filter({ has: this.page.getByRole('button', { name: 'บันทึก', exact: true }) });
    await form.getByLabel('สถานะการดำเนินงาน').selectOption({ label: status });
    await form.getByLabel('ความก้าวหน้า / สิ่งที่ทำในรอบนี้').fill(note);
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    return MeasurePage.arrived(this.page);
  }

  async addPhoto(title: string, photo: { name: string; mimeType: string; buffer: Buffer }): Promise<MeasurePage> {
    const form = this.page.locator('form[enctype="multipart/form-data"]');
    await form.getByLabel('ชื่อหลักฐาน').fill(title);
    await form.getByLabel('ไฟล์หรือภาพถ่ายกิจกรรม').setInputFiles(photo);
    await form.getByRole('button', { name: 'เพิ่มหลักฐาน' }).click();
    return MeasurePage.arrived(this.page);
  }

  async photoAlts(): Promise<string[]> {
    const imgs = this.page.locator('#measure-evidence img');
    const out: string[] = [];
    for (let i = 0; i < (await imgs.count()); i++) out.push((await imgs.nth(i).getAttribute('alt')) ?? '');
    return out;
  }

  /** Whether the browser actually decoded the photo (a broken image has no natural width). */
  async photoLoaded(): Promise<boolean> {
    const img = this.page.locator('#measure-evidence img').first();
    await img.scrollIntoViewIfNeeded();
    return img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);
  }
}

export class ReportFormPage extends BasePage {
  static async open(page: Page, baseUrl: string, year: number, key: string): Promise<ReportFormPage> {
    await page.goto(`${baseUrl}/admin/reports/${year}/${key}`);
    return ReportFormPage.arrived(page, year, key);
  }

  static async arrived(page: Page, year: number, key: string): Promise<ReportFormPage> {
    return new ReportFormPage(page).arrive(/^รายงาน/, new RegExp(`^/admin/reports/${year}/${key}$`));
  }

  async produce(problems: string, suggestions: string): Promise<void> {
    await this.page.getByLabel('ปัญหา อุปสรรค (จำเป็น)').fill(problems);
    await this.page.getByLabel('ข้อเสนอแนะ (จำเป็น)').fill(suggestions);
    await this.page.getByRole('button', { name: 'จัดทำรายงานและแนบกับรายการ OIT' }).click();
  }

  async errorText(): Promise<string> {
    return normalized(await this.errorSummary.textContent());
  }
}

export class ExecutivePage extends BasePage {
  static async open(page: Page, baseUrl: string): Promise<ExecutivePage> {
    await page.goto(`${baseUrl}/admin/executive`);
    return new ExecutivePage(page).arrive(/^สรุปสำหรับผู้บริหาร/, /^\/admin\/executive$/);
  }

  /** Width of the page's content beyond the viewport (0 = nothing to scroll sideways). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
