/**
 * The same officer on a browser with JavaScript off (STYLE.md §11: progressive enhancement is the
 * contract). Every step is a plain link, GET form or POST form: setup, a refused and an accepted
 * sign-in, the results form rejected with the error summary and kept values, then accepted, a
 * file import rejected with row and column messages and nothing saved, and the plan drafted.
 * axe runs on every page (replayed in a script-enabled auditor, see support/browser.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SetupPage } from './pages/account-pages.js';
import { ResultsListPage } from './pages/results-pages.js';
import { PlanIndexPage } from './pages/plan-pages.js';
import { parseCsvLine, toCsvLine } from './support/csv.js';
import { step, withJourney } from './support/journey.js';
import { SEED_ANALYSIS, SEED_ENTRY } from './support/seed.js';

const AGENCY = {
  nameTh: 'เทศบาลตำบลทดสอบระบบ',
  slug: 'thot-sop',
  type: 'subdistrict_municipality',
  province: 'ศรีสะเกษ',
  digits: 'arabic' as const,
  units: ['สำนักปลัด', 'กองคลัง', 'กองช่าง'],
};
const ADMIN = { displayName: 'สมชาย ทดสอบ', username: 'somchai', password: 'no-javascript-needed-2565' };
const YEAR = SEED_ANALYSIS.year;

describe('an officer without JavaScript enters results', () => {
  it('through the form, a rejected import and the plan draft', { timeout: 170_000 }, () =>
    withJourney({ javaScriptEnabled: false }, async (j) => {
      const { page } = j.browser;

      const dashboard = await step('first-run setup', async () => {
        const setup = await SetupPage.open(page, j.server);
        return setup.createAgency(AGENCY, ADMIN);
      });

      await step('a wrong password is refused, the right one signs in', async () => {
        const login = await dashboard.signOutToLogin();
        const refused = await login.signInRefused(ADMIN.username, 'not-the-password');
        expect(await refused.title()).toMatch(/^ข้อผิดพลาด: /);
        expect(await refused.errorSummaryItems()).toEqual([{ text: 'รหัสหน่วยงาน ชื่อผู้ใช้ หรือรหัสผ่านไม่ถูกต้อง', href: '#f-username' }]);
        expect(await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').inputValue()).toBe(ADMIN.username);
        expect(await page.getByLabel('รหัสผ่าน', { exact: true }).inputValue()).toBe('');
        await refused.signIn(ADMIN.username, ADMIN.password);
      });

      const form = await step('the results form rejects a score above 100 and keeps what was entered', async () => {
        await dashboard.navigate('ผลการประเมิน ITA');
        const list = await ResultsListPage.arrived(page);
        const choose = await list.enterNewYear();
        const form = await choose.choose(YEAR);
        await form.fill({ ...SEED_ENTRY, indicators: { ...SEED_ENTRY.indicators, 3: '120' } });
        const rejected = await form.saveRejected(YEAR);
        expect(await rejected.title()).toMatch(/^ข้อผิดพลาด: /);
        const items = await rejected.errorSummaryItems();
        expect(items).toHaveLength(1);
        expect(items[0]!.href).toBe('#f-indicators-3');
        // The summary and the inline message use the same words (GOV.UK error summary pattern).
        expect(items[0]!.text).toBe(await rejected.inlineError('f-indicators-3'));
        expect(await rejected.indicator(3).getAttribute('aria-invalid')).toBe('true');
        // Everything entered is still there.
        expect(await rejected.indicator(3).inputValue()).toBe('120');
        expect(await rejected.indicator(1).inputValue()).toBe(SEED_ENTRY.indicators[1]);
        expect(await rejected.indicator(10).inputValue()).toBe(SEED_ENTRY.indicators[10]);
        expect(await page.getByLabel('คะแนนรวมที่ประกาศ (ไม่บังคับ)').inputValue()).toBe(SEED_ENTRY.official!.score);
        expect(await page.getByLabel('ระดับที่ประกาศ (ไม่บังคับ)').inputValue()).toBe(SEED_ENTRY.official!.level);
        expect(await rejected.oitOutcome('O2').inputValue()).toBe('failed');
        expect(await rejected.oitReason('O2').inputValue()).toBe(SEED_ENTRY.failedOit!.O2);
        expect(await rejected.oitOutcome('O1').inputValue()).toBe('passed');
        // The summary link leads to the field.
        await rejected.errorSummary.getByRole('link').first().click();
        await page.waitForURL(/#f-indicators-3$/);
        return rejected;
      });

      await step('the corrected form is saved and the analysis shows', async () => {
        await form.indicator(3).fill(SEED_ENTRY.indicators[3]!);
        const analysis = await form.save(YEAR);
        expect(await analysis.flash()).toBe(`บันทึกผลการประเมินปีงบประมาณ ${YEAR} แล้ว`);
        expect(await analysis.computedTotal()).toBe(SEED_ANALYSIS.computed);
        expect(await analysis.officialTotal()).toBe(SEED_ANALYSIS.official);
        expect(await analysis.computedLevel()).toBe(SEED_ANALYSIS.level);
        expect(await analysis.hasFlags()).toBe(false);
        expect(await analysis.lowestOf('IIT')).toEqual(SEED_ANALYSIS.lowest.IIT);
        expect(await analysis.lowestOf('EIT')).toEqual(SEED_ANALYSIS.lowest.EIT);
        expect(await analysis.lowestOf('OIT')).toEqual(SEED_ANALYSIS.lowest.OIT);
        expect((await analysis.failedOitCodes()).sort()).toEqual([...SEED_ANALYSIS.failedOit].sort());
      });

      await step('an import with an error is rejected by row and column, and nothing is saved', async () => {
        await page.getByRole('link', { name: 'ผลการประเมินทุกปี' }).click();
        const list = await ResultsListPage.arrived(page);
        expect(await list.recordedYears()).toEqual([YEAR]);
        const importPage = await list.importFile();
        // The officer's own route: download the year's template, fill it in (wrongly), upload it.
        const [download] = await Promise.all([page.waitForEvent('download'), importPage.templateLink(2566, 'CSV').click()]);
        const templateFile = join(j.browser.downloadDir, 'template-2566.csv');
        await download.saveAs(templateFile);
        const [header, example] = readFileSync(templateFile, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
        const columns = parseCsvLine(header!);
        const row = parseCsvLine(example!);
        row[columns.indexOf('agency_name')] = AGENCY.nameTh;
        row[columns.indexOf('ind_3')] = '120';
        const csv = `\uFEFF${toCsvLine(columns)}\r\n${toCsvLine(row)}\r\n`;
        const rejected = await importPage.importRejected({ name: 'ผลการประเมิน-2566.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
        expect(await rejected.title()).toMatch(/^ข้อผิดพลาด: /);
        const problems = await rejected.problems();
        expect(problems).toContainEqual(['2', 'ind_3', expect.any(String)]);
        expect(problems).toHaveLength(1);
        expect((await rejected.errorSummaryItems()).map((i) => i.text)).toContainEqual(expect.stringMatching(/^แถวที่ 2 \(ind_3\): /));
        const after = await rejected.backToList();
        expect(await after.recordedYears()).toEqual([YEAR]);
      });

      await step('the improvement plan is drafted', async () => {
        await dashboard.navigate('แผนปรับปรุง');
        const index = await PlanIndexPage.arrived(page);
        const empty = await index.openYear(YEAR);
        expect(await empty.hasPlan()).toBe(false);
        const plan = await empty.draft(YEAR);
        expect(await plan.flash()).toMatch(/^ร่างแผนปรับปรุงแล้ว \d+ แถว/);
        const rows = await plan.rows();
        expect(rows.length).toBeGreaterThanOrEqual(3);
        expect(rows.every((r) => r.steps.length > 0 && AGENCY.units.includes(r.unit))).toBe(true);
      });

      expect(j.browser.problems).toEqual([]);
    }));
});
