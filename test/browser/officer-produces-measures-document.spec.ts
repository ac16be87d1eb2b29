/**
 * An ITA coordinator at a municipality, with JavaScript on, goes from a fresh installation to the
 * published measures document: first-run setup → sign out, a refused sign-in (focus moves to the
 * error summary) and sign in → import the seed's FY2565
 * results → check the analysis → draft the plan and edit a row → download DOCX and PDF and read
 * them back → open the public page. axe runs on every page on the way (page objects do it).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DashboardPage, LoginPage, SetupPage } from './pages/account-pages.js';
import { ResultsListPage } from './pages/results-pages.js';
import { PublicMeasuresPage } from './pages/public-pages.js';
import { containsAcrossLines, pdfText, readDocx } from './support/documents.js';
import { step, withJourney } from './support/journey.js';
import { SEED_ANALYSIS, SEED_FILE } from './support/seed.js';

const AGENCY = {
  nameTh: 'เทศบาลตำบลปรุใหญ่',
  slug: 'pru-yai',
  type: 'subdistrict_municipality',
  province: 'นครราชสีมา',
  digits: 'thai' as const,
  units: ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา'],
};
const ADMIN = { displayName: 'สมศรี ใจดี', username: 'somsri', password: 'ปรุใหญ่-correct-horse-2565' };
/** Thai with sara am and tone marks, and no spaces: wrong shaping or word breaking shows up in it. */
const NEW_STEP = 'จัดประชุมกำกับติดตามการเผยแพร่ข้อมูลบนเว็บไซต์หลักของหน่วยงานทุกเดือน';
const YEAR = SEED_ANALYSIS.year;

describe('an officer produces the measures document', () => {
  it('from first-run setup to the published document', { timeout: 170_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;

      const dashboard = await step('first-run setup', async () => {
        const setup = await SetupPage.open(page, j.server);
        const dashboard = await setup.createAgency(AGENCY, ADMIN);
        expect(await dashboard.flash()).toBe('ตั้งค่าระบบเรียบร้อยแล้ว ยินดีต้อนรับสู่โปร่งใส');
        expect(await dashboard.mainText()).toContain(`ภาพรวม: ${AGENCY.nameTh}`);
        return dashboard;
      });

      await step('sign out and sign in again', async () => {
        const login = await dashboard.signOutToLogin();
        expect(await login.flash()).toBe('ออกจากระบบแล้ว');
        // With JavaScript, /assets/app.js marks the page and moves focus to the error summary.
        const refused = await login.signInRefused(ADMIN.username, 'not-the-password');
        expect(await page.locator('html').getAttribute('class')).toContain('js-enabled');
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false)).toBe(true);
        await refused.signIn(ADMIN.username, ADMIN.password);
      });

      const analysis = await step('import the seed results file', async () => {
        await new DashboardPage(page).navigate('ผลการประเมิน ITA');
        const list = await ResultsListPage.arrived(page);
        expect(await list.recordedYears()).toEqual([]);
        const importPage = await list.importFile();
        const analysis = await importPage.importAccepted(SEED_FILE, YEAR);
        expect(await analysis.flash()).toBe(`นำเข้าผลการประเมินปีงบประมาณ ${YEAR} แล้ว`);
        return analysis;
      });

      await step('review the analysis', async () => {
        expect(await analysis.computedTotal()).toBe(SEED_ANALYSIS.computed);
        expect(await analysis.officialTotal()).toBe(SEED_ANALYSIS.official);
        expect(await analysis.computedLevel()).toBe(SEED_ANALYSIS.level);
        expect(await analysis.officialLevel()).toBe(SEED_ANALYSIS.level);
        // 65.67 against 65.66 is within two-decimal rounding: no flag.
        expect(await analysis.hasFlags()).toBe(false);
        expect(await analysis.lowestOf('IIT')).toEqual(SEED_ANALYSIS.lowest.IIT);
        expect(await analysis.lowestOf('EIT')).toEqual(SEED_ANALYSIS.lowest.EIT);
        expect(await analysis.lowestOf('OIT')).toEqual(SEED_ANALYSIS.lowest.OIT);
        expect((await analysis.failedOitCodes()).sort()).toEqual([...SEED_ANALYSIS.failedOit].sort());
      });

      const plan = await step('draft the improvement plan', async () => {
        const empty = await analysis.openPlan(YEAR);
        expect(await empty.hasPlan()).toBe(false);
        const plan = await empty.draft(YEAR);
        expect(await plan.flash()).toMatch(/^ร่างแผนปรับปรุงแล้ว \d+ แถว/);
        expect((await plan.rows()).length).toBeGreaterThanOrEqual(3);
        return plan;
      });

      const edited = await step('edit one plan row: responsible unit and a new step', async () => {
        const before = (await plan.rows())[0]!;
        const form = await plan.editRow(1);
        const current = await form.currentUnit();
        const unit = (await form.unitChoices()).find((u) => u !== current);
        if (!unit) throw new Error(`No other unit to choose than «${current}»`);
        await form.unit.selectOption(unit);
        const steps = await form.steps.inputValue();
        await form.steps.fill(`${steps.trimEnd()}\n${NEW_STEP}`);
        const saved = await form.save(YEAR);
        expect(await saved.flash()).toBe('บันทึกแถวของแผนแล้ว');
        const after = (await saved.rows())[0]!;
        expect(after.unit).toBe(unit);
        expect(after.steps).toEqual([...before.steps, NEW_STEP]);
        expect(after.weakness).toBe(before.weakness);
        return { plan: saved, unit };
      });

      await step('download the DOCX and read its XML', async () => {
        const download = await edited.plan.download('ดาวน์โหลด DOCX');
        expect(download.suggestedFilename()).toMatch(/\.docx$/);
        const file = join(j.browser.downloadDir, 'measures.docx');
        await download.saveAs(file);
        const { paragraphs } = await readDocx(file);
        const all = paragraphs.join('\n');
        expect(all).toContain('ประจำปีงบประมาณ');
        expect(all).toContain(AGENCY.nameTh);
        expect(paragraphs.some((p) => p.includes(NEW_STEP))).toBe(true);
        expect(all).toContain(edited.unit);
      });

      await step('download the PDF and read its text layer', async () => {
        const download = await edited.plan.download('ดาวน์โหลด PDF');
        expect(download.suggestedFilename()).toMatch(/\.pdf$/);
        const file = join(j.browser.downloadDir, 'measures.pdf');
        await download.saveAs(file);
        const text = pdfText(file);
        expect(text).toContain('ประจำปีงบประมาณ');
        expect(text).not.toContain('ำา');
        expect(text).not.toContain('\u200b');
        expect(containsAcrossLines(text, AGENCY.nameTh), `agency name in the PDF text:\n${text.slice(0, 1500)}`).toBe(true);
        const around = text.indexOf(NEW_STEP.slice(0, 8));
        expect(containsAcrossLines(text, NEW_STEP), `edited step in the PDF text, near: «${text.slice(Math.max(0, around - 100), around + 300)}»`).toBe(true);
      });

      await step('open the public measures page as a member of the public', async () => {
        const href = await edited.plan.publicPageLink().getAttribute('href');
        expect(href).toBe(`/a/${AGENCY.slug}/ita/${YEAR}/measures`);
        await edited.plan.signOut();
        await LoginPage.arrived(page);
        const publicPage = await PublicMeasuresPage.open(page, j.server.baseUrl, AGENCY.slug, YEAR);
        const text = await publicPage.documentText();
        expect(text).toContain('ประจำปีงบประมาณ');
        expect(text).toContain(AGENCY.nameTh);
        expect(text).toContain(NEW_STEP);
      });

      expect(j.browser.problems, 'console errors or page errors (a CSP violation shows up here)').toEqual([]);
    }));
});
