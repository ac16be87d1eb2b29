/** Page objects of the contract register: the staff register, the column-mapping step, a month's แบบ สขร.๑ (staff and public). */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { normalized } from '../support/text.js';

export class ProcurementRegisterPage extends BasePage {
  static async open(page: Page, base: string, year: number): Promise<ProcurementRegisterPage> {
    await page.goto(`${base}/admin/procurement/${year}`);
    return ProcurementRegisterPage.arrived(page);
  }
  static async arrived(page: Page): Promise<ProcurementRegisterPage> {
    return new ProcurementRegisterPage(page).arrive(/^ทะเบียนการจัดซื้อจัดจ้าง ปีงบประมาณ [๐-๙0-9]{4}$/, /^\/admin\/procurement\/\d{4}$/);
  }
  /** Uploads a file whose headers the system does not know: the mapping step follows. */
  async importNeedingMapping(file: { name: string; buffer: Buffer }): Promise<ColumnMappingPage> {
    await this.page.getByLabel('ไฟล์ทะเบียนคุมหรือไฟล์ที่ส่งออกจากระบบ e-GP').setInputFiles({ ...file, mimeType: 'text/csv' });
    await this.page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    return ColumnMappingPage.arrived(this.page);
  }
  /** The month list: label → its tag ("๒ รายการ", "ไม่มีการจัดซื้อจัดจ้าง"). */
  async months(): Promise<Record<string, string>> {
    const items = this.page.locator('#procurement-months li');
    const out: Record<string, string> = {};
    for (let i = 0; i < (await items.count()); i++) {
      const li = items.nth(i);
      out[normalized(await li.getByRole('link').textContent())] = normalized(await li.locator('.tag').textContent());
    }
    return out;
  }
  async openMonth(label: string): Promise<MonthSummaryPage> {
    await this.page.locator('#procurement-months').getByRole('link', { name: label, exact: true }).click();
    return MonthSummaryPage.arrived(this.page);
  }
}

export class ColumnMappingPage extends BasePage {
  static async arrived(page: Page): Promise<ColumnMappingPage> {
    return new ColumnMappingPage(page).arrive(/^เลือกคอลัมน์ของไฟล์$/, /^\/admin\/procurement\/\d{4}\/import$/);
  }
  /** Field label (as the form shows it, without "(จำเป็น)") → the file's column header. */
  async mapAndImport(columns: Record<string, string>): Promise<ProcurementRegisterPage> {
    for (const [field, header] of Object.entries(columns)) await this.page.getByLabel(field).selectOption({ label: header });
    await this.page.getByRole('button', { name: 'นำเข้าด้วยคอลัมน์นี้' }).click();
    return ProcurementRegisterPage.arrived(this.page);
  }
}

export class MonthSummaryPage extends BasePage {
  static async arrived(page: Page): Promise<MonthSummaryPage> {
    return new MonthSummaryPage(page).arrive(/^สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน/, /^(\/admin|\/a\/[^/]+)\/procurement\/\d{4}\/\d{4}-\d{2}$/);
  }
  static async openPublic(page: Page, base: string, slug: string, year: number, month: string): Promise<MonthSummaryPage> {
    const response = await page.goto(`${base}/a/${slug}/procurement/${year}/${month}`);
    if (!response || response.status() !== 200) throw new Error(`GET /a/${slug}/procurement/${year}/${month} answered ${response?.status()}`);
    return MonthSummaryPage.arrived(page);
  }
  /** Text of every body row of the form's table. */
  async rows(): Promise<string[]> {
    const trs = this.page.locator('main table tbody tr');
    const out: string[] = [];
    for (let i = 0; i < (await trs.count()); i++) out.push(normalized(await trs.nth(i).textContent()));
    return out;
  }
  async headers(): Promise<string[]> {
    return (await this.page.locator('main table thead th').allTextContents()).map(normalized);
  }
  async publicLink(): Promise<string | null> {
    return this.page.getByRole('link', { name: 'หน้าสาธารณะ' }).getAttribute('href');
  }
}
