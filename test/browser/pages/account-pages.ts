/** First-run setup, sign-in and the staff overview (/admin). */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';

export interface AgencyDetails {
  nameTh: string;
  slug: string;
  /** Value of the agency type option, e.g. "subdistrict_municipality". */
  type: string;
  province: string;
  digits: 'thai' | 'arabic';
  units: string[];
}

export interface AdminDetails {
  displayName: string;
  username: string;
  password: string;
}

export class SetupPage extends BasePage {
  private code = '';

  /** Opens the first-run page; the console's one-time code is typed into it by `createAgency`. */
  static async open(page: Page, server: { setupUrl: string; setupCode: string }): Promise<SetupPage> {
    await page.goto(server.setupUrl);
    const setup = await new SetupPage(page).arrive(/^ตั้งค่าระบบครั้งแรก$/, /^\/setup$/);
    setup.code = server.setupCode;
    return setup;
  }

  async createAgency(agency: AgencyDetails, admin: AdminDetails): Promise<DashboardPage> {
    const p = this.page;
    await p.getByLabel('รหัสตั้งค่าครั้งแรก').fill(this.code);
    await p.getByLabel('ชื่อหน่วยงาน', { exact: true }).fill(agency.nameTh);
    await p.getByLabel('ชื่อย่อสำหรับลิงก์ (ภาษาอังกฤษ)').fill(agency.slug);
    await p.getByLabel('ประเภทหน่วยงาน').selectOption(agency.type);
    await p.getByLabel('จังหวัด').fill(agency.province);
    await p.getByLabel('รูปแบบตัวเลขในเอกสาร').selectOption(agency.digits);
    await p.getByLabel('หน่วยงานย่อย (บรรทัดละหนึ่งหน่วย)').fill(agency.units.join('\n'));
    await p.getByLabel('ชื่อ-นามสกุล').fill(admin.displayName);
    await p.getByLabel('ชื่อผู้ใช้').fill(admin.username);
    await p.getByLabel('รหัสผ่าน', { exact: true }).fill(admin.password);
    await p.getByLabel('ยืนยันรหัสผ่าน').fill(admin.password);
    await p.getByRole('button', { name: 'สร้างหน่วยงานและบัญชีผู้ดูแล' }).click();
    return DashboardPage.arrived(p);
  }
}

export class LoginPage extends BasePage {
  static async arrived(page: Page): Promise<LoginPage> {
    return new LoginPage(page).arrive(/^เข้าสู่ระบบเจ้าหน้าที่$/, /^\/login/);
  }

  static async open(page: Page, baseUrl: string): Promise<LoginPage> {
    await page.goto(`${baseUrl}/login`);
    return LoginPage.arrived(page);
  }

  private async submit(username: string, password: string): Promise<void> {
    await this.page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill(username);
    await this.page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  }

  async signIn(username: string, password: string): Promise<DashboardPage> {
    await this.submit(username, password);
    return DashboardPage.arrived(this.page);
  }

  /** A refused sign-in re-renders this page with the error summary. */
  async signInRefused(username: string, password: string): Promise<LoginPage> {
    await this.submit(username, password);
    await this.errorSummary.waitFor();
    return LoginPage.arrived(this.page);
  }
}

export class DashboardPage extends BasePage {
  static async arrived(page: Page): Promise<DashboardPage> {
    return new DashboardPage(page).arrive(/^ภาพรวม: /, /^\/admin$/);
  }

  async signOutToLogin(): Promise<LoginPage> {
    await this.signOut();
    return LoginPage.arrived(this.page);
  }
}
