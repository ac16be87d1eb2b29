/**
 * Issue 15: an officer imports the agency's own procurement spreadsheet, whose headers the system
 * does not know, maps its columns once (the file waits in the database meanwhile), sees the
 * register's months and a month's แบบ สขร.๑ with its total; then a citizen reads the public
 * summary on a 360 px phone without horizontal scrolling. axe runs on every page visited.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SetupPage } from './pages/account-pages.js';
import { MonthSummaryPage, ProcurementRegisterPage } from './pages/procurement-pages.js';
import { step, withJourney } from './support/journey.js';

const AGENCY = { nameTh: 'เทศบาลตำบลโนนสูง', slug: 'non-sung', type: 'subdistrict_municipality', province: 'นครราชสีมา', digits: 'thai' as const, units: ['สำนักปลัด', 'กองคลัง'] };
const ADMIN = { displayName: 'สมหญิง รักงาน', username: 'somying', password: 'โนนสูง-correct-horse-2569' };
const PHONE = { width: 360, height: 740 };

/** The agency's own register layout: none of its headers is one the import recognises. */
const CSV = [
  'รหัส e-GP,รายการ,วิธีจัดหา,คู่สัญญา,จำนวนเงิน,ลงวันที่,ผู้ยื่นข้อเสนอ',
  '68129000101,ซื้อวัสดุสำนักงาน,เฉพาะเจาะจง,ร้านโนนสูงพาณิชย์,14500,3/12/2568,ร้านโนนสูงพาณิชย์ (14500); ร้านเครื่องเขียนดี (14900)',
  '68129000202,ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5,ประกวดราคาอิเล็กทรอนิกส์ (e-bidding),หจก.ทางดีก่อสร้าง,2150000,20/12/2568,หจก.ทางดีก่อสร้าง (2150000); บริษัท ถนนงาม จำกัด (2210000)',
  '69029000303,จ้างซ่อมเครื่องปรับอากาศ,เฉพาะเจาะจง,ร้านเย็นสบายแอร์,7800,12/02/2569,ร้านเย็นสบายแอร์ (7800)',
].join('\r\n');

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('an officer imports the procurement register and the public reads the monthly summary', () => {
  it('import with a mapping step → months and the December form → the public page at 360 px', { timeout: 240_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      await step('setup', () => (async () => (await SetupPage.open(page, j.server)).createAgency(AGENCY, ADMIN))());

      const register = await step('the officer uploads the spreadsheet and maps its columns once', async () => {
        const start = await ProcurementRegisterPage.open(page, base, 2569);
        const mapping = await start.importNeedingMapping({ name: 'ทะเบียนคุม-2569.csv', buffer: Buffer.from(CSV, 'utf8') });
        expect(await mapping.errorSummary.count()).toBe(0);
        const done = await mapping.mapAndImport({
          เลขที่โครงการ: 'รหัส e-GP',
          งานที่จัดซื้อหรือจัดจ้าง: 'รายการ',
          วิธีซื้อหรือจ้าง: 'วิธีจัดหา',
          ผู้ได้รับการคัดเลือก: 'คู่สัญญา',
          ราคาที่ตกลงซื้อหรือจ้าง: 'จำนวนเงิน',
          วันที่สัญญา: 'ลงวันที่',
          ผู้เสนอราคาและราคาที่เสนอ: 'ผู้ยื่นข้อเสนอ',
        });
        expect(await done.flash()).toContain('นำเข้าแล้ว: ใหม่ 3 ปรับปรุง 0 ไม่เปลี่ยน 0 รายการ');
        // FY2569 is over: October to February (the last month with data) went to OIT on their own.
        expect(await done.flash()).toContain('แนบสรุปผลรายเดือน 5 เดือนเป็นหลักฐาน OIT (2569:O11) แล้ว');
        return done;
      });

      await step('the register shows the months: December and February filled, January without procurement', async () => {
        const months = await register.months();
        expect(months['ธันวาคม 2568']).toBe('2 รายการ');
        expect(months['มกราคม 2569']).toBe('ไม่มีการจัดซื้อจัดจ้าง');
        expect(months['กุมภาพันธ์ 2569']).toBe('1 รายการ');
      });

      const publicPath = await step('the December form lists both contracts with the bidders and the total', async () => {
        const dec = await register.openMonth('ธันวาคม ๒๕๖๘');
        expect(await dec.headers()).toEqual(['ลำดับที่', 'งานที่จัดซื้อหรือจัดจ้าง', 'วงเงินที่จัดซื้อหรือจัดจ้าง (บาท)', 'ราคากลาง (บาท)', 'วิธีซื้อหรือจ้าง', 'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', 'เหตุผลที่คัดเลือกโดยสังเขป', 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง']);
        const rows = await dec.rows();
        expect(rows).toHaveLength(3);
        expect(rows[0]).toContain('ซื้อวัสดุสำนักงาน');
        expect(rows[0]).toContain('ร้านเครื่องเขียนดี');
        expect(rows[1]).toContain('หจก.ทางดีก่อสร้าง');
        expect(rows[2]).toContain('รวม 2 รายการ');
        expect(rows[2]).toContain('2,164,500.00');
        const link = await dec.publicLink();
        expect(link).toBe(`/a/${AGENCY.slug}/procurement/2569/2025-12`);
        await dec.signOut();
        return link!;
      });

      await step('a citizen reads the public summary on a 360 px phone, and January says it had none', async () => {
        await page.setViewportSize(PHONE);
        const dec = await MonthSummaryPage.openPublic(page, base, AGENCY.slug, 2569, '2025-12');
        expect(new URL(page.url()).pathname).toBe(publicPath);
        expect((await dec.rows()).join(' ')).toContain('ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5');
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
        const jan = await MonthSummaryPage.openPublic(page, base, AGENCY.slug, 2569, '2026-01');
        expect(await jan.rows()).toEqual(['ไม่มีการจัดซื้อจัดจ้างในเดือนมกราคม 2569']);
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      });
    }),
  );
});
