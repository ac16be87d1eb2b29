/**
 * Carrying out the measures end to end (issue 11): the administrator sets up the agency, imports
 * the seed results and drafts the plan (its rows become tracked FY2566 measures) and creates a
 * unit-staff account → the unit staff reports progress on a measure of their unit with a photo of
 * the activity → the coordinator tries to produce the 6-month report without problems and
 * suggestions (refused in Thai), then produces it; it attaches itself to O43 of FY2566 with no
 * element missing → the coordinator publishes O43 → an anonymous visitor finds the report on the
 * public OIT page and opens it → the executive summary reads on a 360 px phone without sideways
 * scrolling. axe runs on every page visited.
 */
import { describe, expect, it } from 'vitest';
import { DashboardPage, LoginPage, SetupPage } from './pages/account-pages.js';
import { ResultsListPage } from './pages/results-pages.js';
import { NewUserPage, OitYearPage, PublicOitItemPage } from './pages/oit-pages.js';
import { ExecutivePage, MeasuresListPage, ReportFormPage } from './pages/tracking-pages.js';
import { step, withJourney } from './support/journey.js';
import { SEED_FILE } from './support/seed.js';
import { normalized } from './support/text.js';
import { samplePhoto } from '../../src/modules/tracking/index.js';
import { toArabicDigits } from '../../src/shared/thai.js';

// Pages write digits in the agency's style; the checks compare in Arabic digits.
const plain = (s: string) => toArabicDigits(s);

const AGENCY = { nameTh: 'เทศบาลตำบลปรุใหญ่', slug: 'pru-yai', type: 'subdistrict_municipality', province: 'นครราชสีมา', digits: 'thai' as const, units: ['สำนักปลัด', 'กองคลัง', 'กองช่าง'] };
const ADMIN = { displayName: 'สมศรี ใจดี', username: 'somsri', password: 'ปรุใหญ่-correct-horse-2565' };
const STAFF = { displayName: 'สมชาย ขยันงาน', username: 'somchai.k', password: 'palad-horse-2566-ok', unit: 'สำนักปลัด' };

describe('unit staff and the coordinator report on the measures', () => {
  it('measure with photo → 6-month report → public OIT page → executive summary at 360 px', { timeout: 200_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;

      await step('setup, seed results and the drafted plan', async () => {
        await (await SetupPage.open(page, j.server)).createAgency(AGENCY, ADMIN);
        await new DashboardPage(page).navigate('ผลการประเมิน ITA');
        const analysis = await (await (await ResultsListPage.arrived(page)).importFile()).importAccepted(SEED_FILE, 2565);
        const plan = await (await analysis.openPlan(2565)).draft(2565);
        expect(await plan.flash()).toMatch(/^ร่างแผนปรับปรุงแล้ว/);
        const list = await (await NewUserPage.open(page, base)).createUnitStaff(STAFF);
        expect(await list.flash()).toBe(`สร้างบัญชีผู้ใช้แล้ว: ${STAFF.username}`);
        await list.signOut();
        await LoginPage.arrived(page);
      });

      await step('the unit staff reports progress with a photo of the activity', async () => {
        await new LoginPage(page).signIn(STAFF.username, STAFF.password);
        const list = await MeasuresListPage.open(page, base, 2566);
        let measure = await list.openMeasure(0);
        measure = await measure.report('กำลังดำเนินการ', 'จัดประชุมชี้แจงแนวทางแก่บุคลากร 42 คน');
        expect(await measure.flash()).toBe('บันทึกความก้าวหน้าแล้ว');
        measure = await measure.addPhoto('ภาพการประชุมชี้แจงบุคลากร', { name: 'ประชุม.png', mimeType: 'image/png', buffer: samplePhoto(64) });
        expect(await measure.flash()).toBe('เพิ่มหลักฐานแล้ว');
        expect(await measure.photoAlts()).toEqual(['ภาพการประชุมชี้แจงบุคลากร']);
        expect(await measure.photoLoaded()).toBe(true);
        expect(plain(await measure.mainText())).toContain('จัดประชุมชี้แจงแนวทางแก่บุคลากร 42 คน');
        await measure.signOut();
        await LoginPage.arrived(page);
      });

      await step('the coordinator produces the 6-month report (refused first without problems and suggestions)', async () => {
        await new LoginPage(page).signIn(ADMIN.username, ADMIN.password);
        let form = await ReportFormPage.open(page, base, 2566, 'measures-6');
        await form.produce('', '');
        form = await ReportFormPage.arrived(page, 2566, 'measures-6');
        expect(await form.errorText()).toContain('กรุณากรอก "ปัญหา อุปสรรค"');
        expect(await form.errorText()).toContain('กรุณากรอก "ข้อเสนอแนะ"');
        await form.produce('ผู้รับผิดชอบมีภารกิจหลายด้าน บางมาตรการล่าช้า', 'ติดตามความก้าวหน้าทุกเดือนในที่ประชุมประจำเดือน');
        form = await ReportFormPage.arrived(page, 2566, 'measures-6');
        expect(await form.flash()).toBe('จัดทำรายงานและแนบกับรายการ OIT แล้ว');
        const year = await OitYearPage.open(page, base, 2566);
        expect(await year.missing('O43')).toEqual([]);
        const o43 = await year.openItem(2566, 'O43');
        const saved = await o43.setStatus('เผยแพร่แล้ว');
        expect(await saved.flash()).toBe('เปลี่ยนสถานะแล้ว');
      });

      await step('the report appears on the public OIT page', async () => {
        const anonymous = await page.context().browser()!.newContext();
        const visitor = await anonymous.newPage();
        try {
          const item = await PublicOitItemPage.open(visitor, base, AGENCY.slug, 2566, 'O43');
          expect(await item.mainText()).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
          const links = item.evidenceLinks();
          expect(await links.count()).toBe(1);
          const response = await visitor.request.get(`${base}${await links.first().getAttribute('href')}`);
          expect(response.status()).toBe(200);
          expect(response.headers()['content-type']).toBe('application/pdf');
          const report = await visitor.goto(`${base}/a/${AGENCY.slug}/reports/2566/measures-6`);
          expect(report?.status()).toBe(200);
          expect(plain(normalized(await visitor.locator('main').textContent()))).toContain('ระหว่างเดือนตุลาคม 2565 – มีนาคม 2566');
        } finally {
          await anonymous.close();
        }
      });

      await step('the executive summary on a 360 px phone', async () => {
        await page.setViewportSize({ width: 360, height: 780 });
        const summary = await ExecutivePage.open(page, base);
        expect(await summary.mainText()).toContain('ผลการประเมิน ITA ย้อนหลัง');
        expect(plain(await summary.mainText())).toContain('มาตรการส่งเสริมคุณธรรมฯ ปี 2566');
        expect(await summary.horizontalOverflow()).toBeLessThanOrEqual(0);
        const pdf = await page.request.get(`${base}/admin/executive/2566.pdf`);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
      });
    }),
  );
});
