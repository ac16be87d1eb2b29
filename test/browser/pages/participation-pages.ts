/** Page objects of participation: the staff's activity form and the public list and activity page. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';

export interface ActivityInput {
  kind: string;
  title: string;
  issue: string;
  place: string;
  /** As typed: day/month/BE year. */
  startsOn: string;
  endsOn: string;
}

export class StaffParticipationPage extends BasePage {
  static async open(page: Page, base: string): Promise<StaffParticipationPage> {
    await page.goto(`${base}/admin/participation`);
    return new StaffParticipationPage(page).arrive(/^การมีส่วนร่วมและการรับฟังความคิดเห็น$/, /^\/admin\/participation$/);
  }
  /** Adds a published activity that takes registrations and opinions online. */
  async addPublished(a: ActivityInput): Promise<BasePage> {
    const p = this.page;
    await p.getByLabel('รูปแบบการมีส่วนร่วม').selectOption({ label: a.kind });
    await p.getByLabel('ชื่อกิจกรรม').fill(a.title);
    await p.getByLabel('ประเด็นที่เปิดให้มีส่วนร่วม').fill(a.issue);
    await p.getByLabel('สถานที่').fill(a.place);
    await p.getByLabel('วันเริ่ม').fill(a.startsOn);
    await p.getByLabel('วันสิ้นสุด').fill(a.endsOn);
    await p.getByLabel('รับลงทะเบียน/ความคิดเห็นออนไลน์').selectOption('1');
    await p.getByLabel('การเผยแพร่').selectOption('1');
    await p.getByRole('button', { name: 'บันทึกกิจกรรม' }).click();
    return ActivityStaffPage.arrived(p, a.title);
  }
}

export class ActivityStaffPage extends BasePage {
  static async arrived(page: Page, title: string): Promise<ActivityStaffPage> {
    return new ActivityStaffPage(page).arrive(new RegExp(`^${title}$`), /^\/admin\/participation\/[0-9a-f-]{36}$/);
  }
}

export class PublicParticipationPage extends BasePage {
  static async open(page: Page, base: string, slug: string): Promise<PublicParticipationPage> {
    await page.goto(`${base}/a/${slug}/participation`);
    return new PublicParticipationPage(page).arrive(/^การมีส่วนร่วมและการรับฟังความคิดเห็น$/, /^\/a\/[^/]+\/participation$/);
  }
  async openActivity(title: string): Promise<PublicActivityPage> {
    await this.page.getByRole('link', { name: title }).click();
    return PublicActivityPage.arrived(this.page, title);
  }
}

export class PublicActivityPage extends BasePage {
  static async arrived(page: Page, title: string): Promise<PublicActivityPage> {
    return new PublicActivityPage(page).arrive(new RegExp(`^${title}$`), /^\/a\/[^/]+\/participation\/[0-9a-f-]{36}$/);
  }
  async send(input: { kind: 'register' | 'opinion'; name?: string; group?: string; opinion?: string }, title: string): Promise<PublicActivityPage> {
    const p = this.page;
    await p.getByLabel(input.kind === 'register' ? 'ลงทะเบียนเข้าร่วม' : 'ส่งความคิดเห็น', { exact: true }).check();
    if (input.name) await p.getByLabel(/^ชื่อ/).fill(input.name);
    if (input.group) await p.getByLabel(/^ท่านเข้าร่วมในฐานะ/).fill(input.group);
    if (input.opinion) await p.getByLabel('ความคิดเห็น', { exact: true }).fill(input.opinion);
    await p.getByRole('button', { name: 'ส่ง', exact: true }).click();
    return PublicActivityPage.arrived(p, title);
  }
  async submitEmpty(title: string): Promise<PublicActivityPage> {
    await this.page.getByRole('button', { name: 'ส่ง', exact: true }).click();
    await this.errorSummary.waitFor();
    return PublicActivityPage.arrived(this.page, title);
  }
}
