/**
 * The corruption-complaint channel end to end on Debian's Chromium. JavaScript on: the administrator
 * creates a complaint handler; the handler enrols TOTP and creates the agency's key; an anonymous
 * reporter sends a report with a GPS-tagged photo and gets the receipt once; the handler (2FA +
 * passphrase) acknowledges and asks a question; the reporter answers with the receipt; the public
 * statistics show the count as a suppressed range. JavaScript off: the reporter's pages alone.
 * axe runs on every page visited (support/browser.ts replays JS-off pages in an auditor).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SetupPage } from './pages/account-pages.js';
import { expectAccessible } from './support/browser.js';
import { step, withJourney, type Journey } from './support/journey.js';
import { normalized } from './support/text.js';
import { photoWithGps } from '../support/gps-photo.js';
import { totpCode } from '../../src/modules/complaints/domain/totp.js';

const AGENCY = { nameTh: 'เทศบาลตำบลทดสอบช่องทาง', slug: 'chong-tang', type: 'subdistrict_municipality', province: 'ศรีสะเกษ', digits: 'thai' as const, units: ['สำนักปลัด', 'กองคลัง'] };
const ADMIN = { displayName: 'ผู้ดูแล ทดสอบ', username: 'admin1', password: 'complaint-channel-admin-1' };
const HANDLER = { displayName: 'ผู้รับเรื่อง ทดสอบ', username: 'handler1', password: 'complaint-channel-handler-1' };
const PASSPHRASE = 'a long key passphrase for handlers';
const STORY = 'มีการเรียกรับเงินเพื่อให้ผ่านการตรวจรับงานก่อสร้างอาคารเอนกประสงค์';

/** Waits for the page's h1, checks it, runs axe. */
async function at(page: Page, heading: RegExp): Promise<void> {
  await page.locator('h1').first().waitFor();
  expect(normalized(await page.locator('h1').first().textContent())).toMatch(heading);
  await expectAccessible(page);
}

async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await at(page, /เข้าสู่ระบบ/);
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.locator('h1').first().waitFor();
}

/** Setup, a handler with TOTP, and the agency's complaint key — all through the pages. */
async function openChannel(j: Journey): Promise<{ secret: string; recovery: string[] }> {
  const { page } = j.browser;
  const base = j.server.baseUrl;
  const dashboard = await step('first-run setup', async () => (await SetupPage.open(page, j.server)).createAgency(AGENCY, ADMIN));
  await step('the administrator creates a complaint handler', async () => {
    await page.goto(`${base}/admin/users/new`);
    await at(page, /^เพิ่มผู้ใช้$/);
    await page.getByLabel('ชื่อ-นามสกุล').fill(HANDLER.displayName);
    await page.getByLabel('ชื่อผู้ใช้').fill(HANDLER.username);
    await page.getByLabel('รหัสผ่านเริ่มต้น', { exact: true }).fill(HANDLER.password);
    await page.getByLabel('ยืนยันรหัสผ่านเริ่มต้น').fill(HANDLER.password);
    await page.locator('input[name="roles"][value="complaint_handler"]').check();
    await page.getByRole('button', { name: 'สร้างบัญชีผู้ใช้' }).click();
    await at(page, /^ผู้ใช้งาน$/);
    // The administrator cannot open reports.
    const res = await page.goto(`${base}/admin/complaints`);
    expect(res!.status()).toBe(403);
    await dashboard.signOut();
  });
  return step('the handler enrols TOTP and creates the key', async () => {
    await signIn(page, base, HANDLER.username, HANDLER.password);
    await page.goto(`${base}/admin/complaints`);
    await at(page, /ยืนยันตัวตนสองขั้นตอน/);
    const secret = normalized(await page.locator('#totp-secret').textContent());
    await page.getByLabel('รหัส ๖ หลักจากแอป').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'ยืนยัน' }).click();
    await at(page, /^รหัสกู้คืน$/);
    const recovery = (await page.locator('#recovery-codes li').allTextContents()).map((s) => s.trim());
    expect(recovery).toHaveLength(10);
    await page.goto(`${base}/admin/complaints`);
    await at(page, /สร้างกุญแจ/);
    await page.getByLabel('รหัสผ่านสำหรับกุญแจ').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'สร้างกุญแจ' }).click();
    await at(page, /เปิดกุญแจ/);
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.locator('h1').first().waitFor();
    return { secret, recovery };
  });
}

/** An anonymous report (optionally with a photo); returns the receipt read off the page. */
async function report(page: Page, base: string, withPhoto: boolean): Promise<string> {
  await page.goto(`${base}/a/${AGENCY.slug}`);
  await page.getByRole('link', { name: /แจ้งเบาะแสการทุจริต/ }).click();
  await at(page, /^แจ้งเบาะแสการทุจริตและประพฤติมิชอบ$/);
  // A refused report first: Thai error summary, values kept, nothing saved.
  await page.getByLabel('เกิดอะไรขึ้น').fill('สั้น');
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
  await at(page, /^แจ้งเบาะแส/);
  expect(await page.title()).toMatch(/^ข้อผิดพลาด: /);
  expect(await page.getByLabel('เกิดอะไรขึ้น').inputValue()).toBe('สั้น');
  await page.getByLabel('เรื่องที่จะแจ้งเป็นเรื่องประเภทใด').selectOption('bribery');
  await page.getByLabel('เกิดอะไรขึ้น').fill(STORY);
  if (withPhoto) await page.locator('#f-files').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photoWithGps() });
  // The proof of work (relief over the address's limit): solved in the background with
  // JavaScript, into the action URL; without JavaScript the action stays plain and the form works.
  const form = page.locator('form[data-module="proof-of-work"]');
  if ((await page.locator('html.js-enabled').count()) > 0) {
    await page.locator('form[data-pow-solved="true"]').waitFor({ timeout: 90_000 });
    expect(await form.getAttribute('action')).toMatch(/^\/a\/[^?]+\/report-corruption\?pow=v1\.\d+\./);
  } else {
    expect(await form.getAttribute('action')).toBe(`/a/${AGENCY.slug}/report-corruption`);
  }
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
  await at(page, /^ได้รับเรื่องของท่านแล้ว$/);
  const receipt = normalized(await page.locator('#receipt').textContent()).replace(/\s/g, '');
  expect(receipt).toMatch(/^\d{16}$/);
  expect(page.url()).not.toContain(receipt);
  return receipt;
}

async function followUp(page: Page, base: string, receipt: string): Promise<void> {
  await page.goto(`${base}/a/${AGENCY.slug}/report-corruption/follow-up`);
  await at(page, /^ติดตามเรื่องที่แจ้ง$/);
  await page.getByLabel('รหัสติดตามเรื่อง ๑๖ หลัก').fill(receipt);
  await page.getByRole('button', { name: 'ดูความคืบหน้า' }).click();
  await at(page, /^ความคืบหน้าของเรื่อง$/);
  expect(page.url()).not.toContain(receipt);
}

describe('a reporter and a handler use the corruption-complaint channel', () => {
  it('anonymous report with a GPS photo → 2FA handler asks → reporter answers → suppressed statistics', { timeout: 240_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      const { secret } = await openChannel(j);
      const receipt = await step('an anonymous reporter sends a report with a photo', () => report(page, base, true));

      await step('the handler unlocks with TOTP and passphrase, sees the photo without GPS, acknowledges and asks', async () => {
        await signIn(page, base, HANDLER.username, HANDLER.password);
        await page.goto(`${base}/admin/complaints`);
        await at(page, /เปิดกุญแจ/);
        // The enrolment used this 30-second step; a code is good once, so take the next step's.
        await page.getByLabel('รหัส ๖ หลักจากแอป หรือรหัสกู้คืน').fill(totpCode(secret, new Date(Date.now() + 30_000)));
        await page.getByLabel('รหัสผ่านสำหรับกุญแจ').fill(PASSPHRASE);
        await page.getByRole('button', { name: 'เปิดกุญแจ' }).click();
        await at(page, /^เรื่องร้องเรียนการทุจริต$/);
        expect(normalized(await page.locator('#waiting').textContent())).toContain('มีเรื่องรอท่านดำเนินการ');
        await page.getByRole('link', { name: /^เปิดเรื่อง/ }).first().click();
        await at(page, /^เรื่อง /);
        expect(normalized(await page.locator('#description').textContent())).toBe(STORY);
        expect(await page.locator('main').textContent()).toContain('APP1 (EXIF)');
        await page.getByRole('button', { name: 'รับเรื่องไว้พิจารณา' }).click();
        await at(page, /^เรื่อง /);
        await page.getByLabel('ข้อความถึงผู้แจ้ง (ผู้แจ้งอ่านได้ด้วยรหัสติดตามเรื่อง)').fill('ท่านทราบชื่อผู้รับเงินหรือไม่');
        await page.getByRole('button', { name: 'ส่งถึงผู้แจ้ง' }).click();
        await at(page, /^เรื่อง /);
        expect(normalized(await page.locator('#state').textContent())).toContain('รับเรื่องไว้พิจารณาแล้ว');
        await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
        await page.locator('h1').first().waitFor();
      });

      await step('the reporter reads the question with the receipt and answers', async () => {
        await followUp(page, base, receipt);
        expect(normalized(await page.locator('#state').textContent())).toBe('รับเรื่องไว้พิจารณาแล้ว');
        expect(await page.locator('main').textContent()).toContain('ท่านทราบชื่อผู้รับเงินหรือไม่');
        await page.getByLabel('ข้อความถึงเจ้าหน้าที่').fill('ไม่ทราบชื่อ แต่จำรถกระบะสีขาวได้');
        await page.getByRole('button', { name: 'ส่งข้อความ' }).click();
        await at(page, /^ความคืบหน้าของเรื่อง$/);
        expect(await page.locator('main').textContent()).toContain('ไม่ทราบชื่อ แต่จำรถกระบะสีขาวได้');
      });

      await step('the public statistics count it as a suppressed range', async () => {
        await page.goto(`${base}/a/${AGENCY.slug}/report-corruption/statistics`);
        await at(page, /^ข้อมูลเชิงสถิติเรื่องร้องเรียน/);
        const totals = await page.locator('#stats-totals dd').allTextContents();
        expect(totals[0]!.trim()).toBe('๑–๔');
        await page.goto(`${base}/a/${AGENCY.slug}/report-corruption/guideline`);
        await at(page, /^แนวปฏิบัติการจัดการเรื่องร้องเรียน/);
        expect(await page.locator('#flowchart li').count()).toBe(5);
      });
      expect(j.browser.problems).toEqual([]);
    }));

  it('the reporter’s pages work with JavaScript off', { timeout: 200_000 }, () =>
    withJourney({ javaScriptEnabled: false }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      await openChannel(j);
      const receipt = await step('report without JavaScript', () => report(page, base, true));
      await step('follow up without JavaScript', async () => {
        await followUp(page, base, receipt);
        expect(normalized(await page.locator('#state').textContent())).toBe('ได้รับเรื่องแล้ว');
        await page.getByLabel('ข้อความถึงเจ้าหน้าที่').fill('ข้อมูลเพิ่มเติมจากผู้แจ้ง');
        await page.getByRole('button', { name: 'ส่งข้อความ' }).click();
        await at(page, /^ความคืบหน้าของเรื่อง$/);
        expect(await page.locator('main').textContent()).toContain('ข้อมูลเพิ่มเติมจากผู้แจ้ง');
      });
      expect(j.browser.problems).toEqual([]);
    }));
});
