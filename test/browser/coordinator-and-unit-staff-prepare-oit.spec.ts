/**
 * The OIT workspace end to end (issue 3, "Tests and numbers"): the administrator (coordinator
 * rights) sets up the agency, creates a unit-staff account and assigns O2 and O11 to that unit
 * and person → the unit staff adds a permanent-staff executive with a photo on O2 and uploads a
 * Sarabun PDF 6-month report with its period on O11 → readiness rises and O11 no longer lacks
 * its period or "ปัญหา อุปสรรค" parts → the coordinator publishes O11 → an anonymous visitor sees
 * and downloads the evidence → the ITAS CSV export lists the public URL. On the way the unit
 * staff opens FY2570 and sees the notice of its provisional catalogue. A second journey with
 * JavaScript off opens the public year index and an item. axe runs on every page visited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DashboardPage, LoginPage, SetupPage } from './pages/account-pages.js';
import { NewUserPage, OitYearPage, PublicOitItemPage, PublicOitYearPage } from './pages/oit-pages.js';
import { normalized } from './support/text.js';
import { step, withJourney } from './support/journey.js';
import { png, textPdf } from '../integration/oit/fixtures.js';

const AGENCY = {
  nameTh: 'เทศบาลตำบลปรุใหญ่',
  slug: 'pru-yai',
  type: 'subdistrict_municipality',
  province: 'นครราชสีมา',
  digits: 'arabic' as const,
  units: ['สำนักปลัด', 'กองคลัง', 'กองช่าง'],
};
const ADMIN = { displayName: 'สมศรี ใจดี', username: 'somsri', password: 'ปรุใหญ่-correct-horse-2565' };
const STAFF = { displayName: 'สมชาย ขยันงาน', username: 'somchai.k', password: 'kong-klang-horse-2565', unit: 'สำนักปลัด' };
const EXECUTIVE = { kind: 'permanent' as const, nameTh: 'นายประเสริฐ มั่นคง', positionTh: 'ปลัดเทศบาล', phone: '044-123456' };
const YEAR = 2565;
const REPORT_LINES = [
  'รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน',
  'ตุลาคม 2564 – มีนาคม 2565',
  'ปีงบประมาณ พ.ศ. 2565',
  'ปัญหา อุปสรรค',
  'งบประมาณได้รับการจัดสรรล่าช้า',
  'ข้อเสนอแนะ',
  'เร่งรัดการเบิกจ่ายให้เป็นไปตามแผน',
];

describe('a coordinator and unit staff prepare OIT', () => {
  it('assign, fill, upload, publish, export', { timeout: 170_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      const publicPath = `/a/${AGENCY.slug}/oit/${YEAR}/O11`;

      await step('first-run setup', async () => {
        const setup = await SetupPage.open(page, j.server);
        await setup.createAgency(AGENCY, ADMIN);
      });

      await step('the administrator creates a unit-staff account', async () => {
        const form = await NewUserPage.open(page, base);
        const list = await form.createUnitStaff(STAFF);
        expect(await list.flash()).toBe(`สร้างบัญชีผู้ใช้แล้ว: ${STAFF.username}`);
        expect(await list.mainText()).toContain(STAFF.displayName);
      });

      await step('the coordinator assigns O2 and O11', async () => {
        let year = await OitYearPage.open(page, base, YEAR);
        for (const code of ['O2', 'O11']) {
          const item = await year.openItem(YEAR, code);
          const saved = await item.assign(STAFF.unit, STAFF.displayName);
          expect(await saved.flash()).toBe('บันทึกการมอบหมายงานแล้ว');
          year = await saved.backToYear();
          expect(await year.responsible(code)).toBe(`${STAFF.unit}: ${STAFF.displayName}`);
        }
        await new DashboardPage(page).signOut();
        await LoginPage.arrived(page);
      });

      const before = await step('the unit staff signs in and adds an executive on O2', async () => {
        await new LoginPage(page).signIn(STAFF.username, STAFF.password);
        const year = await OitYearPage.open(page, base, YEAR);
        const o2 = await year.openItem(YEAR, 'O2');
        const saved = await o2.addExecutive({ ...EXECUTIVE, photo: { name: 'prasert.png', mimeType: 'image/png', buffer: png(40, 50) } });
        expect(await saved.flash()).toBe('เพิ่มผู้บริหารแล้ว');
        const text = await saved.mainText();
        expect(text).toContain(EXECUTIVE.nameTh);
        expect(text).toContain(EXECUTIVE.positionTh);
        expect(text).toContain(EXECUTIVE.phone);
        expect(await page.locator('main img[src^="/admin/oit/files/"]').count()).toBeGreaterThan(0);
        const back = await saved.backToYear();
        const missing = await back.missing('O11');
        expect(missing).toContain('ระบุปัญหา อุปสรรค');
        expect(missing).toContain('ระบุข้อเสนอแนะ');
        expect(missing.some((m) => m.startsWith('ครอบคลุมระยะเวลา 6 เดือนแรกของปีงบประมาณ'))).toBe(true);
        return back.readiness();
      });

      const pdf = await textPdf(REPORT_LINES);
      await step('the unit staff sees which FY2570 facts are provisional', async () => {
        const next = await OitYearPage.open(page, base, 2570);
        const notice = await next.caveats();
        expect(notice).toContain('ข้อมูลชั่วคราว: แคตตาล็อก ITA ปี 2570 ยังไม่ยืนยัน');
        expect(notice).toContain('รายการ OIT 26 จาก 26 ข้อ');
        expect(notice).toContain('ผู้ดูแลระบบแก้ไขได้โดยนำเข้าแคตตาล็อกปี 2570');
        // FY2565's catalogue is complete: at most a note on unconfirmed elements, never "provisional".
        expect(await (await OitYearPage.open(page, base, YEAR)).caveats()).not.toContain('ชั่วคราว');
      });

      await step('the unit staff uploads the 6-month report on O11', async () => {
        const o11 = await new OitYearPage(page).openItem(YEAR, 'O11');
        const saved = await o11.uploadFile({
          file: { name: 'รายงาน 6 เดือน 2565.pdf', mimeType: 'application/pdf', buffer: pdf },
          title: 'รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน',
          periodFrom: '2021-10-01',
          periodTo: '2022-03-31',
        });
        expect(await saved.flash()).toBe('แนบไฟล์หลักฐานแล้ว');
        const elements = await saved.elements();
        expect(elements.filter((e) => !e.ok).map((e) => e.text)).toEqual([]);
        const year = await saved.backToYear();
        // Every O11 element is met now: the period (machine-read from the fields and the PDF), the problems and suggestions parts.
        expect(await year.missing('O11')).toEqual([]);
        expect(await year.readiness()).toBeGreaterThan(before);
        await year.signOut();
        await LoginPage.arrived(page);
      });

      await step('the coordinator publishes O11', async () => {
        await new LoginPage(page).signIn(ADMIN.username, ADMIN.password);
        const year = await OitYearPage.open(page, base, YEAR);
        const o11 = await year.openItem(YEAR, 'O11');
        const saved = await o11.setStatus('เผยแพร่แล้ว');
        expect(await saved.flash()).toBe('เปลี่ยนสถานะแล้ว');
        await saved.signOut();
        await LoginPage.arrived(page);
      });

      await step('an anonymous visitor sees and downloads the evidence', async () => {
        const item = await PublicOitItemPage.open(page, base, AGENCY.slug, YEAR, 'O11');
        const links = item.evidenceLinks();
        expect(await links.count()).toBe(1);
        expect(normalized(await links.first().textContent())).toContain('รายงาน 6 เดือน 2565.pdf');
        const href = (await links.first().getAttribute('href'))!;
        expect(href.startsWith(`${publicPath}/evidence/`)).toBe(true);
        const response = await page.request.get(`${base}${href}`);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('application/pdf');
        // The very file the unit staff uploaded, byte for byte.
        expect((await response.body()).equals(pdf)).toBe(true);
      });

      await step('the coordinator exports the ITAS CSV', async () => {
        await (await LoginPage.open(page, base)).signIn(ADMIN.username, ADMIN.password);
        const year = await OitYearPage.open(page, base, YEAR);
        const download = await year.downloadCsv();
        const file = join(j.browser.downloadDir, 'oit.csv');
        await download.saveAs(file);
        const csv = readFileSync(file, 'utf8');
        const o11 = csv.split(/\r?\n/).find((l) => l.startsWith('O11,'));
        expect(o11).toBeDefined();
        expect(o11).toContain(publicPath);
      });

      expect(j.browser.problems).toEqual([]);
    }),
  );

  it('the public OIT pages work without JavaScript', { timeout: 90_000 }, () =>
    withJourney({ javaScriptEnabled: false }, async (j) => {
      const { page } = j.browser;
      await step('first-run setup', async () => {
        await (await SetupPage.open(page, j.server)).createAgency(AGENCY, ADMIN);
        await new DashboardPage(page).signOut();
        await LoginPage.arrived(page);
      });
      await step('the public year index and an item', async () => {
        const index = await PublicOitYearPage.open(page, j.server.baseUrl, AGENCY.slug, YEAR);
        expect(await index.mainText()).toContain('O11');
        const item = await index.openItem(AGENCY.slug, YEAR, 'O11');
        expect(await item.mainText()).toContain('O11');
      });
      expect(j.browser.problems).toEqual([]);
    }),
  );
});
