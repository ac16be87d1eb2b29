/**
 * Issue 6: the deployment administrator (the first administrator of the install) creates an
 * agency → its invited administrator signs up through the one-time link → enters the agency's
 * results → the province view shows them. axe runs on every page (page objects).
 */
import { describe, expect, it } from 'vitest';
import { LoginPage, SetupPage } from './pages/account-pages.js';
import { ResultsListPage } from './pages/results-pages.js';
import { DeploymentAgenciesPage, InvitationPage, OverviewPage } from './pages/deployment-pages.js';
import { step, withJourney } from './support/journey.js';
import { SEED_ANALYSIS, SEED_ENTRY } from './support/seed.js';
import { toArabicDigits } from '../../src/shared/thai.js';

const PROVINCE_OFFICE = { nameTh: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดยโสธร', slug: 'sthj-yasothon', type: 'other', province: 'ยโสธร', digits: 'thai' as const, units: ['ฝ่ายบริหารทั่วไป'] };
const DEPLOYMENT_ADMIN = { displayName: 'สมศรี ดูแลระบบ', username: 'province-admin', password: 'province-admin-pass-2569' };
const NEW_AGENCY = { name: 'เทศบาลตำบลทดลองเชิญ', slug: 'thot-long-choen', typeLabel: 'เทศบาลตำบล', province: 'ยโสธร' };
const AGENCY_ADMIN = { displayName: 'วิชัย ผู้ได้รับเชิญ', username: 'wichai', password: 'invited-admin-pass-2569' };

describe('the deployment administrator creates an agency', () => {
  it('whose invited administrator signs up and enters results that the province view shows', { timeout: 170_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;

      const inviteUrl = await step('the first administrator of the install creates an agency', async () => {
        const dashboard = await (await SetupPage.open(page, j.server)).createAgency(PROVINCE_OFFICE, DEPLOYMENT_ADMIN);
        await dashboard.navigate('หน่วยงานในระบบ');
        const agencies = await DeploymentAgenciesPage.arrived(page);
        const url = await agencies.createAgency(NEW_AGENCY);
        expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
        expect((await agencies.listedAgencies()).some((r) => r.includes(NEW_AGENCY.name))).toBe(true);
        await agencies.signOut();
        return url;
      });

      await step('the invited administrator sets their own password and enters the results', async () => {
        const invitation = await InvitationPage.open(page, `${j.server.baseUrl}${new URL(inviteUrl).pathname}`);
        expect(await invitation.mainText()).toContain(NEW_AGENCY.name);
        const dashboard = await invitation.createAccount(AGENCY_ADMIN);
        expect(await dashboard.h1.textContent()).toContain(NEW_AGENCY.name);
        // An agency administrator has no deployment pages.
        expect(await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'หน่วยงานในระบบ' }).count()).toBe(0);
        await dashboard.navigate('ผลการประเมิน ITA');
        const form = await (await (await ResultsListPage.arrived(page)).enterNewYear()).choose(SEED_ANALYSIS.year);
        await form.fill(SEED_ENTRY);
        const analysis = await form.save(SEED_ANALYSIS.year);
        expect(toArabicDigits(await analysis.officialTotal())).toContain(SEED_ANALYSIS.official);
        await analysis.signOut();
        // The link was used: it does not open again.
        await page.goto(`${j.server.baseUrl}${new URL(inviteUrl).pathname}`);
        expect(toArabicDigits((await page.locator('main').textContent()) ?? '')).toContain('ลิงก์เชิญนี้ไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว');
      });

      await step('the province view shows the agency with its result', async () => {
        const dashboard = await (await LoginPage.open(page, j.server.baseUrl)).signIn(DEPLOYMENT_ADMIN.username, DEPLOYMENT_ADMIN.password);
        await dashboard.navigate('ภาพรวมระดับจังหวัด');
        const national = await OverviewPage.arrived(page);
        expect((await national.rows()).some((r) => r.startsWith('ยโสธร'))).toBe(true);
        const province = await national.filterProvince('ยโสธร');
        const sorted = await province.sortBy('คะแนน ITA');
        const rows = (await sorted.rows()).map(toArabicDigits);
        const row = rows.find((r) => r.includes(NEW_AGENCY.name))!;
        expect(row).toContain(SEED_ANALYSIS.official);
        expect(row).toContain(`${SEED_ANALYSIS.level} · ไม่ผ่าน`);
        expect(row).toContain('2565');
      });
    }),
  );
});
