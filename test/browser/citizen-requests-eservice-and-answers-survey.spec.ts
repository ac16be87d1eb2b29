/**
 * E-service end to end (issue 12, "Tests and numbers"): the administrator switches on the street
 * light repair service → a citizen on a 360 px phone, without an account, submits a request with
 * a photo and gets a tracking code → staff open it in the queue, see the photo, take it in hand
 * and finish it → the citizen sees the status and answers the one-time satisfaction survey →
 * the statistics page shows the request and the answer. A second journey runs the citizen's
 * pages with JavaScript off (the location field is a plain address). axe on every page.
 */
import { describe, expect, it } from 'vitest';
import { DashboardPage, LoginPage, SetupPage } from './pages/account-pages.js';
import { EserviceIndexPage, EserviceServicesPage, EserviceStatsPage, QueuePage, StatusPage, TrackPage } from './pages/eservice-pages.js';
import { step, withJourney } from './support/journey.js';
import { png } from '../integration/oit/fixtures.js';

const AGENCY = { nameTh: 'เทศบาลตำบลปรุใหญ่', slug: 'pru-yai', type: 'subdistrict_municipality', province: 'นครราชสีมา', digits: 'arabic' as const, units: ['สำนักปลัด', 'กองช่าง'] };
const ADMIN = { displayName: 'สมศรี ใจดี', username: 'somsri', password: 'ปรุใหญ่-correct-horse-2565' };
const SERVICE = 'แจ้งซ่อมไฟฟ้าสาธารณะ';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

describe('a citizen requests an e-service and answers the survey', () => {
  it('submit with a photo on a phone → staff handle → status → survey → statistics', { timeout: 170_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;

      await step('setup and switch on the street-light service', async () => {
        await (await SetupPage.open(page, j.server)).createAgency(AGENCY, ADMIN);
        await (await EserviceServicesPage.open(page, base)).enable(SERVICE);
        await new DashboardPage(page).signOut();
        await LoginPage.arrived(page);
      });

      const code = await step('a citizen on a 360 px phone submits a request with a photo', async () => {
        await page.setViewportSize(PHONE);
        const index = await EserviceIndexPage.open(page, base, AGENCY.slug);
        const form = await index.openService(SERVICE);
        // The form fits the phone: nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        const status = await form.submitStreetLight({ location: 'หน้าวัดปรุใหญ่ หมู่ 1', problem: 'ไฟดับ', photo: { name: 'เสาไฟ.png', mimeType: 'image/png', buffer: png(64, 48) } });
        expect(await status.flash()).toContain('ยื่นคำขอเรียบร้อยแล้ว');
        expect(await status.state()).toBe('รับเรื่องแล้ว');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        return status.trackingCode();
      });
      expect(code).toMatch(/^ES-\w{5}-\w{5}$/);

      await step('staff find it in the queue, see the photo, take it in hand and finish it', async () => {
        await page.setViewportSize(DESKTOP);
        await (await LoginPage.open(page, base)).signIn(ADMIN.username, ADMIN.password);
        const queue = await QueuePage.open(page, base);
        let request = await queue.openRequest(code);
        const photo = await request.photoLink();
        expect(photo).not.toBeNull();
        const res = await page.request.get(`${base}${photo}`);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toBe('image/png');
        request = await request.changeState('กำลังดำเนินการ', 'ช่างจะออกตรวจวันพรุ่งนี้');
        expect(await request.flash()).toContain('บันทึกสถานะแล้ว');
        request = await request.changeState('ดำเนินการเสร็จสิ้น', 'เปลี่ยนหลอดไฟแล้ว');
        expect(await request.mainText()).toContain('ดำเนินการเสร็จสิ้น');
        await request.signOut();
        await LoginPage.arrived(page);
      });

      await step('the citizen sees the status and answers the survey once', async () => {
        await page.setViewportSize(PHONE);
        const track = await TrackPage.open(page, base, AGENCY.slug);
        const status = await track.find(code.toLowerCase());
        expect(await status.state()).toBe('ดำเนินการเสร็จสิ้น');
        expect(await status.mainText()).toContain('เปลี่ยนหลอดไฟแล้ว');
        const survey = await status.openSurvey();
        const thanks = await survey.answerAll(5, 'ซ่อมเร็วมาก');
        expect(await thanks.mainText()).toContain('ขอบคุณที่ตอบแบบสำรวจ');
        const again = await StatusPage.open(page, base, AGENCY.slug, code);
        expect(await again.mainText()).toContain('ขอบคุณที่ตอบแบบสำรวจความพึงพอใจ');
      });

      await step('the statistics page shows the request and the answer', async () => {
        await page.setViewportSize(DESKTOP);
        await (await LoginPage.open(page, base)).signIn(ADMIN.username, ADMIN.password);
        const stats = await EserviceStatsPage.open(page, base);
        expect(await stats.total()).toBe('1');
        const row = await stats.serviceRow(SERVICE);
        // name, category, total 1, done 1, rejected 0, open 0, …, 1 answer, score 100.0
        expect(row).toMatch(/^แจ้งซ่อมไฟฟ้าสาธารณะงานบริการ1100.*1100\.0$/);
      });
      expect(j.browser.problems).toEqual([]);
    }),
  );

  it('works without JavaScript: request form with the location as an address, tracking, status', { timeout: 120_000 }, () =>
    withJourney({ javaScriptEnabled: false }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      await step('setup and switch on the street-light service', async () => {
        await (await SetupPage.open(page, j.server)).createAgency(AGENCY, ADMIN);
        await (await EserviceServicesPage.open(page, base)).enable(SERVICE);
        await new DashboardPage(page).signOut();
        await LoginPage.arrived(page);
      });
      await step('a citizen without JavaScript submits, is told what is missing, then tracks it', async () => {
        const index = await EserviceIndexPage.open(page, base, AGENCY.slug);
        const form = await index.openService(SERVICE);
        expect(await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบัน' }).isVisible()).toBe(false);
        await page.getByRole('button', { name: 'ยื่นคำขอ' }).click();
        await form.errorSummary.waitFor();
        const items = await form.errorSummaryItems();
        expect(items).toEqual(
          expect.arrayContaining([
            { text: 'ตำแหน่งเสาไฟหรือจุดที่ชำรุด: กรุณาระบุสถานที่หรือที่อยู่', href: '#f-location' },
            { text: 'อาการ: กรุณากรอกข้อมูล', href: '#f-problem' },
          ]),
        );
        expect(await page.title()).toMatch(/^ข้อผิดพลาด: /);
        const status = await form.submitStreetLight({ location: 'ซอยร่วมใจ หมู่ 4', problem: 'ไฟกะพริบ' });
        const code = await status.trackingCode();
        const track = await TrackPage.open(page, base, AGENCY.slug);
        const again = await track.find(code);
        expect(await again.state()).toBe('รับเรื่องแล้ว');
      });
      expect(j.browser.problems).toEqual([]);
    }),
  );
});
