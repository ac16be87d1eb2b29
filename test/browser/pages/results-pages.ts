/** ITA results: the list, choosing a year, the entry form, the file import and the analysis. */
import type { Page } from 'playwright-core';
import { BasePage } from './base-page.js';
import { PlanPage } from './plan-pages.js';
import { eitherDigits, escapeRegExp, normalized } from '../support/text.js';

export interface ResultsEntry {
  indicators: Record<number, string>;
  official?: { score: string; level: string };
  failedOit?: Record<string, string>;
}

export class ResultsListPage extends BasePage {
  static async arrived(page: Page): Promise<ResultsListPage> {
    return new ResultsListPage(page).arrive(/^ผลการประเมิน ITA$/, /^\/admin\/results$/);
  }

  async enterNewYear(): Promise<ChooseYearPage> {
    await this.page.getByRole('link', { name: 'บันทึกผลการประเมินปีใหม่' }).click();
    return ChooseYearPage.arrived(this.page);
  }

  async importFile(): Promise<ResultsImportPage> {
    await this.page.getByRole('link', { name: 'นำเข้าจากไฟล์ (CSV, XLSX, JSON)' }).click();
    return ResultsImportPage.arrived(this.page);
  }

  /** Fiscal years in the recorded-results table, as Arabic-digit numbers. */
  async recordedYears(): Promise<number[]> {
    const table = this.page.getByRole('table', { name: 'ผลการประเมินที่บันทึกไว้' });
    if ((await table.count()) === 0) return [];
    const cells = table.locator('tbody tr td:first-child');
    const years: number[] = [];
    for (let i = 0; i < (await cells.count()); i++) years.push(Number(normalized(await cells.nth(i).textContent())));
    return years;
  }
}

export class ChooseYearPage extends BasePage {
  static async arrived(page: Page): Promise<ChooseYearPage> {
    return new ChooseYearPage(page).arrive(/^บันทึกผลการประเมิน ITA ปีใหม่$/, /^\/admin\/results\/new$/);
  }

  async choose(year: number): Promise<ResultsFormPage> {
    await this.page.getByLabel('ปีงบประมาณที่ประเมิน').selectOption(String(year));
    await this.page.getByRole('button', { name: 'ต่อไป' }).click();
    return ResultsFormPage.arrived(this.page, year);
  }
}

export class ResultsFormPage extends BasePage {
  static async arrived(page: Page, year: number): Promise<ResultsFormPage> {
    return new ResultsFormPage(page).arrive(new RegExp(`^(บันทึก|แก้ไข)ผลการประเมิน ITA ปีงบประมาณ ${year}$`), /^\/admin\/results\/(new\?year=\d{4}|\d{4}\/edit)$/);
  }

  /** The indicator's input, found by its visible label "ตัวชี้วัดที่ N …". */
  indicator(no: number) {
    return this.page.getByLabel(new RegExp(`^ตัวชี้วัดที่ ${eitherDigits(no)} `));
  }

  oitOutcome(code: string) {
    return this.page.getByLabel(`ผลของข้อ ${code}`, { exact: true });
  }

  oitReason(code: string) {
    return this.page.getByLabel(`เหตุผลของข้อ ${code}`, { exact: true });
  }

  async fill(entry: ResultsEntry): Promise<void> {
    for (const [no, score] of Object.entries(entry.indicators)) await this.indicator(Number(no)).fill(score);
    if (entry.official) {
      await this.page.getByLabel('คะแนนรวมที่ประกาศ (ไม่บังคับ)').fill(entry.official.score);
      await this.page.getByLabel('ระดับที่ประกาศ (ไม่บังคับ)').selectOption(entry.official.level);
    }
    for (const [code, reason] of Object.entries(entry.failedOit ?? {})) {
      await this.oitOutcome(code).selectOption({ label: 'ไม่ผ่าน' });
      await this.oitReason(code).fill(reason);
    }
  }

  private async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'บันทึกและดูผลการวิเคราะห์' }).click();
  }

  async save(year: number): Promise<AnalysisPage> {
    await this.submit();
    return AnalysisPage.arrived(this.page, year);
  }

  async saveRejected(year: number): Promise<ResultsFormPage> {
    await this.submit();
    await this.errorSummary.waitFor();
    return ResultsFormPage.arrived(this.page, year);
  }

  /** The inline message next to a field (GOV.UK pattern: same words as in the summary). */
  async inlineError(fieldId: string): Promise<string> {
    return normalized(await this.page.locator(`#${fieldId}-error`).textContent());
  }
}

export class ResultsImportPage extends BasePage {
  static async arrived(page: Page): Promise<ResultsImportPage> {
    // A rejected upload re-renders at the form's action, which carries the CSRF token (multipart).
    return new ResultsImportPage(page).arrive(/^นำเข้าผลการประเมิน ITA จากไฟล์$/, /^\/admin\/results\/import$/);
  }

  private async submit(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('ไฟล์ผลการประเมิน').setInputFiles(file);
    await this.page.getByRole('button', { name: 'ตรวจสอบและนำเข้า' }).click();
  }

  async importAccepted(file: string | { name: string; mimeType: string; buffer: Buffer }, year: number): Promise<AnalysisPage> {
    await this.submit(file);
    return AnalysisPage.arrived(this.page, year);
  }

  async importRejected(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<ResultsImportPage> {
    await this.submit(file);
    await this.errorSummary.waitFor();
    return ResultsImportPage.arrived(this.page);
  }

  /** Starts the template download of a year's CSV or XLSX ("ปีงบประมาณ 2566: CSV · XLSX"). */
  templateLink(year: number, kind: 'CSV' | 'XLSX') {
    return this.page
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^ปีงบประมาณ ${eitherDigits(year)}:`) })
      .getByRole('link', { name: kind, exact: true });
  }

  /** Rows of the "ข้อผิดพลาดในไฟล์" table: [row, column, message], digits Arabic. */
  async problems(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: 'ข้อผิดพลาดในไฟล์' }).locator('tbody tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('td');
      const row: string[] = [];
      for (let j = 0; j < (await cells.count()); j++) row.push(normalized(await cells.nth(j).textContent()));
      out.push(row);
    }
    return out;
  }

  async backToList(): Promise<ResultsListPage> {
    await this.page.getByRole('link', { name: 'ผลการประเมินทุกปี' }).click();
    return ResultsListPage.arrived(this.page);
  }
}

export class AnalysisPage extends BasePage {
  static async arrived(page: Page, year: number): Promise<AnalysisPage> {
    return new AnalysisPage(page).arrive(new RegExp(`^ผลการวิเคราะห์ ITA ปีงบประมาณ ${year}$`), new RegExp(`^/admin/results/${year}$`));
  }

  private async card(id: string): Promise<string> {
    return normalized(await this.page.locator(`#${id} .card-value`).textContent());
  }

  async computedTotal(): Promise<string> {
    return this.card('total-computed');
  }
  async officialTotal(): Promise<string> {
    return this.card('total-official');
  }
  async computedLevel(): Promise<string> {
    return this.card('level-computed');
  }
  async officialLevel(): Promise<string> {
    return this.card('level-official');
  }

  /** The consistency notice: its class tells whether any flag was raised. */
  async hasFlags(): Promise<boolean> {
    return (await this.page.locator('#flags.notice-warn').count()) > 0;
  }

  /** "IIT: ตัวชี้วัด 5 … — 74.62" → { indicator: 5, score: "74.62" }. */
  async lowestOf(tool: 'IIT' | 'EIT' | 'OIT'): Promise<{ indicator: number; score: string }> {
    const text = normalized(await this.page.locator(`#lowest-${tool} h3`).textContent());
    const m = new RegExp(`^${escapeRegExp(tool)}: ตัวชี้วัด (\\d+) .* — ([\\d.]+)$`).exec(text);
    if (!m) throw new Error(`Unexpected heading of the lowest ${tool} indicator: «${text}»`);
    return { indicator: Number(m[1]), score: m[2]! };
  }

  /** Codes in the failed OIT items table, in order. */
  async failedOitCodes(): Promise<string[]> {
    const cells = this.page.getByRole('table', { name: 'รายการ OIT ที่ไม่ผ่าน' }).locator('tbody tr td:first-child');
    const out: string[] = [];
    for (let i = 0; i < (await cells.count()); i++) out.push(normalized(await cells.nth(i).textContent()));
    return out;
  }

  async openPlan(year: number): Promise<PlanPage> {
    await this.page.getByRole('link', { name: 'จัดทำแผนการนำผลการประเมินไปปรับปรุง' }).click();
    return PlanPage.arrived(this.page, year);
  }
}
