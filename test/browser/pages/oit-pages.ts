/** Users (new account) and OIT: the year's readiness view, an item's workspace, the public portal. */
import type { Download, Locator, Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { escapeRegExp, normalized } from '../support/text.js';

export interface NewUser {
  displayName: string;
  username: string;
  password: string;
  unit: string;
}

export class UsersListPage extends BasePage {
  static async arrived(page: Page): Promise<UsersListPage> {
    return new UsersListPage(page).arrive(/^ผู้ใช้งาน$/, /^\/admin\/users$/);
  }
}

export class NewUserPage extends BasePage {
  static async open(page: Page, baseUrl: string): Promise<NewUserPage> {
    await page.goto(`${baseUrl}/admin/users/new`);
    return new NewUserPage(page).arrive(/^เพิ่มผู้ใช้$/, /^\/admin\/users\/new$/);
  }

  async createUnitStaff(user: NewUser): Promise<UsersListPage> {
    const p = this.page;
    await p.getByLabel('ชื่อ-นามสกุล').fill(user.displayName);
    await p.getByLabel('ชื่อผู้ใช้').fill(user.username);
    await p.getByLabel('รหัสผ่านเริ่มต้น', { exact: true }).fill(user.password);
    await p.getByLabel('ยืนยันรหัสผ่านเริ่มต้น').fill(user.password);
    await p.getByRole('checkbox', { name: /^เจ้าหน้าที่หน่วยงานย่อย/ }).check();
    await p.getByLabel('หน่วยงานย่อย', { exact: true }).selectOption({ label: user.unit });
    await p.getByRole('button', { name: 'สร้างบัญชีผู้ใช้' }).click();
    return UsersListPage.arrived(p);
  }
}

export class OitYearPage extends BasePage {
  static async open(page: Page, baseUrl: string, year: number): Promise<OitYearPage> {
    await page.goto(`${baseUrl}/admin/oit/${year}`);
    return OitYearPage.arrived(page, year);
  }

  static async arrived(page: Page, year: number): Promise<OitYearPage> {
    return new OitYearPage(page).arrive(new RegExp(`^การเปิดเผยข้อมูลสาธารณะ \\(OIT\\) ปีงบประมาณ ${year}$`), new RegExp(`^/admin/oit/${year}$`));
  }

  /** The catalogue's provisional/unconfirmed-facts notice, whitespace folded ('' when there is none). */
  async caveats(): Promise<string> {
    const notice = this.page.locator('main .catalogue-caveats');
    return (await notice.count()) > 0 ? normalized(await notice.textContent()) : '';
  }

  /** The readiness percentage, e.g. 12 for "12%". */
  async readiness(): Promise<number> {
    const text = normalized(await this.page.locator('#readiness-score').textContent());
    const m = /^([\d.]+)%$/.exec(text);
    if (!m) throw new Error(`Unexpected readiness «${text}»`);
    return Number(m[1]);
  }

  /** What the "สิ่งที่ยังขาด" cell of an item lists (empty when complete). */
  async missing(code: string): Promise<string[]> {
    const items = this.page.locator(`#item-${code} ul.missing li`);
    const out: string[] = [];
    for (let i = 0; i < (await items.count()); i++) out.push(normalized(await items.nth(i).textContent()));
    return out;
  }

  async responsible(code: string): Promise<string> {
    return normalized(await this.page.locator(`#item-${code} td`).nth(3).textContent());
  }

  async openItem(year: number, code: string): Promise<OitItemPage> {
    await this.page.locator(`#item-${code}`).getByRole('link', { name: code, exact: true }).click();
    return OitItemPage.arrived(this.page, year, code);
  }

  async downloadCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: 'ส่งออกรายการลิงก์สำหรับ ITAS (CSV)' }).click()]);
    const failure = await download.failure();
    if (failure) throw new Error(`CSV download from ${download.url()} failed: ${failure}`);
    return download;
  }
}

export interface Executive {
  kind: 'political' | 'permanent';
  nameTh: string;
  positionTh: string;
  phone: string;
  photo?: { name: string; mimeType: string; buffer: Buffer };
}

export interface FileUpload {
  file: { name: string; mimeType: string; buffer: Buffer };
  title: string;
  periodFrom: string;
  periodTo: string;
}

export class OitItemPage extends BasePage {
  constructor(
    page: Page,
    readonly year: number,
    readonly code: string,
  ) {
    super(page);
  }

  static async arrived(page: Page, year: number, code: string): Promise<OitItemPage> {
    return new OitItemPage(page, year, code).arrive(new RegExp(`^${code} `), new RegExp(`^/admin/oit/${year}/${code}$`));
  }

  /** The item's form posting to `${base}/${path}` (multipart forms carry the CSRF token as their first field). */
  form(path: string): Locator {
    const action = `/admin/oit/${this.year}/${this.code}/${path}`;
    return this.page.locator(`form[action="${action}"], form[action^="${action}?"]`);
  }

  private async submitted(form: Locator, button: string): Promise<OitItemPage> {
    await form.getByRole('button', { name: button, exact: true }).click();
    return OitItemPage.arrived(this.page, this.year, this.code);
  }

  async assign(unit: string, staffName: string): Promise<OitItemPage> {
    const form = this.form('assign');
    await form.getByLabel('หน่วยงานย่อยที่รับผิดชอบ').selectOption({ label: unit });
    await form.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(staffName)}`) }).check();
    return this.submitted(form, 'บันทึก');
  }

  async addExecutive(x: Executive): Promise<OitItemPage> {
    await this.page.locator('summary', { hasText: 'เพิ่มผู้บริหาร' }).click();
    const form = this.form('executives');
    await form.getByLabel('ประเภท').selectOption(x.kind);
    await form.getByLabel('ชื่อ-นามสกุล').fill(x.nameTh);
    await form.getByLabel('ตำแหน่ง').fill(x.positionTh);
    await form.getByLabel('โทรศัพท์').fill(x.phone);
    if (x.photo) await form.getByLabel('รูปถ่าย (PNG, JPEG, GIF หรือ WEBP)').setInputFiles(x.photo);
    return this.submitted(form, 'เพิ่มผู้บริหาร');
  }

  async uploadFile(u: FileUpload): Promise<OitItemPage> {
    const form = this.form('evidence/file');
    await form.getByLabel('ไฟล์', { exact: true }).setInputFiles(u.file);
    await form.getByLabel('ชื่อหลักฐาน').fill(u.title);
    await form.getByLabel('ช่วงเวลาที่หลักฐานครอบคลุม: ตั้งแต่').fill(u.periodFrom);
    await form.getByLabel('ถึง', { exact: true }).fill(u.periodTo);
    return this.submitted(form, 'แนบไฟล์หลักฐาน');
  }

  async setStatus(label: string): Promise<OitItemPage> {
    const form = this.form('status');
    await form.getByLabel('สถานะ', { exact: true }).selectOption({ label });
    return this.submitted(form, 'เปลี่ยนสถานะ');
  }

  /** Element rows "ครบ|ยังขาด <text> (…)" of the item. */
  async elements(): Promise<{ ok: boolean; text: string }[]> {
    const rows = this.page.locator('#elements > li');
    const out: { ok: boolean; text: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const text = normalized(await rows.nth(i).textContent());
      out.push({ ok: (await rows.nth(i).locator('.tag-good').count()) > 0, text });
    }
    return out;
  }

  async backToYear(): Promise<OitYearPage> {
    await this.page.getByRole('link', { name: 'กลับไปหน้ารายการทั้งหมด' }).click();
    return OitYearPage.arrived(this.page, this.year);
  }
}

export class PublicOitYearPage extends BasePage {
  static async open(page: Page, baseUrl: string, slug: string, year: number): Promise<PublicOitYearPage> {
    const response = await page.goto(`${baseUrl}/a/${slug}/oit/${year}`);
    if (response?.status() !== 200) throw new Error(`GET /a/${slug}/oit/${year} answered ${response?.status()}`);
    return new PublicOitYearPage(page).arrive(new RegExp(`^การเปิดเผยข้อมูลสาธารณะ \\(OIT\\) ประจำปีงบประมาณ พ\\.ศ\\. ${year}$`), new RegExp(`^/a/${slug}/oit/${year}$`));
  }

  async openItem(slug: string, year: number, code: string): Promise<PublicOitItemPage> {
    await this.page.locator(`main a[href="/a/${slug}/oit/${year}/${code}"]`).click();
    return PublicOitItemPage.arrived(this.page, slug, year, code);
  }
}

export class PublicOitItemPage extends BasePage {
  static async open(page: Page, baseUrl: string, slug: string, year: number, code: string): Promise<PublicOitItemPage> {
    const response = await page.goto(`${baseUrl}/a/${slug}/oit/${year}/${code}`);
    if (response?.status() !== 200) throw new Error(`GET /a/${slug}/oit/${year}/${code} answered ${response?.status()}`);
    return PublicOitItemPage.arrived(page, slug, year, code);
  }

  static async arrived(page: Page, slug: string, year: number, code: string): Promise<PublicOitItemPage> {
    return new PublicOitItemPage(page).arrive(new RegExp(`^${code} `), new RegExp(`^/a/${slug}/oit/${year}/${code}$`));
  }

  /** Links to the item's evidence files. */
  evidenceLinks(): Locator {
    return this.page.locator('main a[href*="/evidence/"]');
  }
}
