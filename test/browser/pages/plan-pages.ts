/** The improvement plan: index, the plan of a year with its rows and downloads, a row's form. */
import type { Download, Locator, Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { eitherDigits, normalized } from '../support/text.js';

export interface PlanRow {
  order: string;
  weakness: string;
  steps: string[];
  unit: string;
}

export class PlanIndexPage extends BasePage {
  static async arrived(page: Page): Promise<PlanIndexPage> {
    return new PlanIndexPage(page).arrive(/^แผนการนำผลการประเมินไปปรับปรุง$/, /^\/admin\/plan$/);
  }

  async openYear(year: number): Promise<PlanPage> {
    await this.page.getByRole('link', { name: new RegExp(`^ผลการประเมินปี ${eitherDigits(year)}$`) }).click();
    return PlanPage.arrived(this.page, year);
  }
}

export class PlanPage extends BasePage {
  static async arrived(page: Page, year: number): Promise<PlanPage> {
    // The h1 is the title, a <br> and the years: textContent has no space at the break.
    return new PlanPage(page).arrive(
      new RegExp(`^แผนการนำผลการประเมินไปปรับปรุง ?จากผลการประเมิน ITA ปีงบประมาณ พ\\.ศ\\. ${year} · ดำเนินการในปีงบประมาณ พ\\.ศ\\. ${year + 1}$`),
      new RegExp(`^/admin/plan/${year}$`),
    );
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'แผนการนำผลการประเมินไปปรับปรุง' });
  }

  async hasPlan(): Promise<boolean> {
    return (await this.table.count()) > 0;
  }

  async draft(year: number): Promise<PlanPage> {
    await this.page.getByRole('button', { name: 'ร่างแผนจากผลการวิเคราะห์' }).click();
    return PlanPage.arrived(this.page, year);
  }

  async rows(): Promise<PlanRow[]> {
    const trs = this.table.locator('tbody tr');
    const out: PlanRow[] = [];
    for (let i = 0; i < (await trs.count()); i++) {
      const cells = trs.nth(i).locator('td');
      const steps = cells.nth(2).locator('li');
      const stepTexts: string[] = [];
      for (let j = 0; j < (await steps.count()); j++) stepTexts.push(normalized(await steps.nth(j).textContent()));
      out.push({
        order: normalized(await cells.nth(0).textContent()),
        weakness: normalized(await cells.nth(1).textContent()),
        steps: stepTexts,
        unit: normalized(await cells.nth(3).textContent()),
      });
    }
    return out;
  }

  /** Opens the edit form of the row numbered `order` (link "แก้ไข N", N in the agency's digits). */
  async editRow(order: number): Promise<PlanRowPage> {
    await this.table.locator('tbody tr').nth(order - 1).getByRole('link', { name: /^แก้ไข / }).click();
    return PlanRowPage.arrived(this.page);
  }

  /** Clicks a download link and waits for the browser's download of it. */
  async download(name: 'ดาวน์โหลด DOCX' | 'ดาวน์โหลด PDF'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name, exact: true }).click()]);
    const failure = await download.failure();
    if (failure) throw new Error(`Download "${name}" from ${download.url()} failed: ${failure}`);
    return download;
  }

  publicPageLink(): Locator {
    return this.page.getByRole('link', { name: 'หน้าเว็บสาธารณะ' });
  }
}

export class PlanRowPage extends BasePage {
  static async arrived(page: Page): Promise<PlanRowPage> {
    return new PlanRowPage(page).arrive(/^(แก้ไข|เพิ่ม)แถว(ของ|ใน)แผนปรับปรุง$/, /^\/admin\/plan\/\d{4}\/rows\/[^/]+$/);
  }

  get unit(): Locator {
    return this.page.getByLabel('ผู้รับผิดชอบ');
  }

  get steps(): Locator {
    return this.page.getByLabel('ขั้นตอนหรือวิธีการ/มาตรการ');
  }

  /** The chosen responsible unit (the option's label). */
  async currentUnit(): Promise<string> {
    return normalized(await this.unit.locator('option:checked').textContent());
  }

  async unitChoices(): Promise<string[]> {
    const options = this.unit.locator('option');
    const out: string[] = [];
    for (let i = 0; i < (await options.count()); i++) {
      const value = await options.nth(i).getAttribute('value');
      if (value) out.push(value);
    }
    return out;
  }

  async save(year: number): Promise<PlanPage> {
    await this.page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    return PlanPage.arrived(this.page, year);
  }
}
