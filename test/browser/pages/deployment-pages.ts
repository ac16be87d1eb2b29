/** Deployment administration pages: the agency list with its create form, the invitation and the province view. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { DashboardPage } from './account-pages.js';
import { normalized } from '../support/text.js';

export class DeploymentAgenciesPage extends BasePage {
  static async arrived(page: Page): Promise<DeploymentAgenciesPage> {
    return new DeploymentAgenciesPage(page).arrive(/^หน่วยงานในระบบ$/, /^\/deployment\/agencies/);
  }

  /** Fills the create form; returns the one-time invitation link shown on the answer. */
  async createAgency(agency: { name: string; slug: string; typeLabel: string; province: string }): Promise<string> {
    const p = this.page;
    await p.getByLabel('ชื่อหน่วยงาน', { exact: true }).fill(agency.name);
    await p.getByLabel('ชื่อย่อสำหรับลิงก์ (ภาษาอังกฤษ)').fill(agency.slug);
    await p.getByLabel('ประเภทหน่วยงาน').selectOption({ label: agency.typeLabel });
    await p.getByLabel('จังหวัด', { exact: true }).selectOption(agency.province);
    await p.getByRole('button', { name: 'สร้างหน่วยงานและลิงก์เชิญ' }).click();
    await DeploymentAgenciesPage.arrived(p);
    return p.getByLabel('ลิงก์เชิญ', { exact: true }).inputValue();
  }

  async listedAgencies(): Promise<string[]> {
    return (await this.page.locator('main table tbody tr').allTextContents()).map(normalized);
  }
}

export class InvitationPage extends BasePage {
  static async open(page: Page, url: string): Promise<InvitationPage> {
    await page.goto(url);
    return new InvitationPage(page).arrive(/^ตั้งบัญชีผู้ดูแลระบบของหน่วยงาน$/, /^\/invite\//);
  }

  async createAccount(admin: { displayName: string; username: string; password: string }): Promise<DashboardPage> {
    const p = this.page;
    await p.getByLabel('ชื่อ-นามสกุล').fill(admin.displayName);
    await p.getByLabel('ชื่อผู้ใช้').fill(admin.username);
    await p.getByLabel('รหัสผ่าน', { exact: true }).fill(admin.password);
    await p.getByLabel('ยืนยันรหัสผ่าน').fill(admin.password);
    await p.getByRole('button', { name: 'สร้างบัญชีและเข้าสู่ระบบ' }).click();
    return DashboardPage.arrived(p);
  }
}

export class OverviewPage extends BasePage {
  static async arrived(page: Page): Promise<OverviewPage> {
    return new OverviewPage(page).arrive(/^(ภาพรวมระดับจังหวัด|สรุประดับประเทศ)/, /^\/deployment\/overview/);
  }

  async filterProvince(province: string): Promise<OverviewPage> {
    await this.page.getByLabel('จังหวัด', { exact: true }).selectOption(province);
    await this.page.getByRole('button', { name: 'แสดง' }).click();
    await this.page.waitForURL(/province=/);
    return OverviewPage.arrived(this.page);
  }

  /** Table rows, whitespace folded, Thai digits as written. */
  async rows(): Promise<string[]> {
    return (await this.page.locator('main table tbody tr').allTextContents()).map(normalized);
  }

  async sortBy(label: string): Promise<OverviewPage> {
    await this.page.locator('main table thead').getByRole('link', { name: label }).click();
    return OverviewPage.arrived(this.page);
  }
}
