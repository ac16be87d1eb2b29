/**
 * Issue 13, "Tests and numbers": a staff member answers a self-diagnosis survey from a one-time
 * (QR) link on a 360 px phone → the coordinator sees results by unit only where enough answered
 * (a unit below the threshold is hidden); a citizen asks a question → staff answer → it appears
 * publicly. A second journey runs the public pages with JavaScript off: the Q&A list, asking
 * (refused once, then accepted), following up, the participation list and an activity's
 * register/opinion form, and a survey link. axe runs on every page visited (page objects).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LoginPage, SetupPage } from './pages/account-pages.js';
import { RoundPage, SelfdiagIndexPage, SurveyAnswerPage } from './pages/selfdiag-pages.js';
import { QaAdminListPage, QaFollowPage, QaIndexPage } from './pages/qa-pages.js';
import { PublicParticipationPage, StaffParticipationPage } from './pages/participation-pages.js';
import { step, withJourney } from './support/journey.js';
import { normalized } from './support/text.js';

const AGENCY = { nameTh: 'เทศบาลตำบลปรุใหญ่', slug: 'pru-yai', type: 'subdistrict_municipality', province: 'นครราชสีมา', digits: 'thai' as const, units: ['สำนักปลัด', 'กองคลัง', 'กองช่าง'] };
const ADMIN = { displayName: 'สมศรี ใจดี', username: 'somsri', password: 'ปรุใหญ่-correct-horse-2565' };
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const SUGGESTION = 'ควรเปิดเผยเกณฑ์การเลื่อนขั้นให้ชัดเจน';
// Either digit set: headings are compared normalized, link names as shown (the agency's Thai digits).
const ROUND_TITLE = /^ประเมินตนเอง IIT ไตรมาส [1๑]\/[0-9๐-๙]{4}$/;

/** The slip prints the agency's public address; the test server listens elsewhere, so keep the path. */
const onServer = (base: string, printed: string) => `${base}${new URL(printed).pathname}`;

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function setup(page: Page, server: { setupUrl: string; setupCode: string }) {
  await (await SetupPage.open(page, server)).createAgency(AGENCY, ADMIN);
}

describe('staff answer a self-diagnosis survey and citizens use the Q&A channel', () => {
  it('one-time links on a phone → results by unit above the threshold only; ask → answer → public', { timeout: 240_000 }, () =>
    withJourney({ javaScriptEnabled: true }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      await step('setup', () => setup(page, j.server));

      const links = await step('the coordinator starts an IIT round (threshold 5) and prints links for two units', async () => {
        const round = await (await SelfdiagIndexPage.open(page, base)).startRound({ tool: 'IIT', threshold: 5 });
        expect(await round.flash()).toContain('เริ่มรอบการสำรวจแล้ว');
        // Six slips for สำนักปลัด: five get answered, one is still unused when the round closes.
        const office = await round.issueLinks('สำนักปลัด', 6);
        expect(await office.qrCodes()).toBe(6);
        const officeLinks = await office.links();
        const works = await (await office.backToRound()).issueLinks('กองช่าง', 2);
        const worksLinks = await works.links();
        expect(new Set([...officeLinks, ...worksLinks]).size).toBe(8);
        await works.signOut();
        await LoginPage.arrived(page);
        return { office: officeLinks.map((l) => onServer(base, l)), works: worksLinks.map((l) => onServer(base, l)) };
      });

      await step('a staff member answers on a 360 px phone; the link then refuses a second answer', async () => {
        await page.setViewportSize(PHONE);
        const survey = await SurveyAnswerPage.open(page, links.office[0]!, ROUND_TITLE);
        expect(await survey.questionCount()).toBeGreaterThan(5);
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
        const done = await survey.answerAll(4, SUGGESTION);
        expect(await done.flash()).toContain('บันทึกคำตอบแล้ว');
        expect(await done.mainText()).toContain('ลิงก์นี้ใช้ตอบได้ครั้งเดียวและได้บันทึกคำตอบแล้ว');
        expect(await done.form.count()).toBe(0);
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
        const again = await SurveyAnswerPage.open(page, links.office[0]!, ROUND_TITLE);
        expect(await again.form.count()).toBe(0);
      });

      await step('four more in สำนักปลัด and two in กองช่าง answer', async () => {
        for (const [i, link] of links.office.slice(1, 5).entries()) await (await SurveyAnswerPage.open(page, link, ROUND_TITLE)).answerAll(i % 2 ? 3 : 2);
        for (const link of links.works) await (await SurveyAnswerPage.open(page, link, ROUND_TITLE)).answerAll(1);
      });

      await step('the coordinator sees สำนักปลัด by unit and กองช่าง hidden', async () => {
        await page.setViewportSize(DESKTOP);
        await (await LoginPage.open(page, base)).signIn(ADMIN.username, ADMIN.password);
        // The dashboard now predicts the year's result from the round, with how uncertain it is.
        const card = page.locator('#dashboard-card-selfdiag-prediction');
        expect(await card.count()).toBe(1);
        expect(normalized(await card.textContent())).toContain('ผู้ตอบที่นำมาคิด 5 คน');
        await SelfdiagIndexPage.open(page, base);
        await page.getByRole('link', { name: ROUND_TITLE }).click();
        const round = await RoundPage.arrived(page);
        const office = await round.unitRow('สำนักปลัด');
        // unit, issued 5, answered 5, then indicators 1–5 with scores.
        expect(office.slice(0, 3)).toEqual(['สำนักปลัด', '6', '5']);
        expect(office.slice(3)).toHaveLength(5);
        for (const s of office.slice(3)) expect(s).toMatch(/^\d{1,3}\.\d{2}$/);
        const works = await round.unitRow('กองช่าง');
        expect(works[0]).toBe('กองช่าง');
        expect(works.slice(1, 3)).toEqual(['2', '2']);
        expect(works.slice(3)).toEqual(['ไม่แสดงผล ผู้ตอบน้อยกว่า 5 คน']);
        // The whole-agency figure pools only the units shown (2 withheld answers are left out).
        const text = await round.mainText();
        expect(text).toContain('ผู้ตอบที่นำมาคิดผลรวม 5 คน');
        expect(text).toContain('มีคำตอบ 2 รายการจากหน่วยที่ผู้ตอบไม่ถึงเกณฑ์ ไม่นำมารวม');
        // Free text is never shown per person.
        expect(text).not.toContain(SUGGESTION);
        const closed = await round.close();
        expect(await closed.flash()).toContain('ปิดรอบการสำรวจแล้ว');
        const prediction = await (await SelfdiagIndexPage.open(page, base)).openPrediction();
        await prediction.signOut();
        await LoginPage.arrived(page);
      });

      await step('the unused link now says, in Thai, that the round is closed', async () => {
        await page.setViewportSize(PHONE);
        const unused = await SurveyAnswerPage.open(page, links.office[5]!, ROUND_TITLE);
        expect(await unused.form.count()).toBe(0);
        expect(await unused.mainText()).toContain('แบบสำรวจนี้ปิดรับคำตอบแล้ว');
        await page.setViewportSize(DESKTOP);
      });

      const question = 'ขอทราบขั้นตอนการขออนุญาตตั้งแผงลอยขายของหน้าตลาดสด';
      await step('a citizen asks a public question and gets a follow-up code; it waits for staff', async () => {
        await page.setViewportSize(PHONE);
        const ask = await (await QaIndexPage.open(page, base, AGENCY.slug)).ask();
        const follow = await ask.ask({ category: 'การให้บริการและการขออนุญาต', question, publish: true });
        expect(await follow.code()).toMatch(/^QA-\w{5}-\w{5}$/);
        expect(await follow.mainText()).toContain('รอคำตอบ');
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
        expect(await (await QaIndexPage.open(page, base, AGENCY.slug)).questions()).not.toContain(question);
      });

      await step('staff answer it, which publishes it', async () => {
        await page.setViewportSize(DESKTOP);
        await (await LoginPage.open(page, base)).signIn(ADMIN.username, ADMIN.password);
        const entry = await (await QaAdminListPage.open(page, base)).openQuestion(question);
        const answered = await entry.answerAndPublish('ยื่นคำขอที่กองช่างพร้อมสำเนาบัตรประชาชน พิจารณาภายใน 7 วัน');
        expect(await answered.flash()).toContain('บันทึกคำตอบแล้ว');
        await answered.signOut();
        await LoginPage.arrived(page);
      });

      await step('the question and its answer appear publicly and are found by search', async () => {
        const index = await QaIndexPage.open(page, base, AGENCY.slug);
        expect(await index.questions()).toContain(question);
        const found = await index.search('แผงลอย');
        expect(await found.questions()).toEqual([question]);
        const entry = await found.openQuestion(question);
        expect(await entry.mainText()).toContain('พิจารณาภายใน 7 วัน');
      });
      expect(j.browser.problems).toEqual([]);
    }),
  );

  it('the public pages work without JavaScript: Q&A, asking, follow-up, participation, a survey link', { timeout: 240_000 }, () =>
    withJourney({ javaScriptEnabled: false }, async (j) => {
      const { page } = j.browser;
      const base = j.server.baseUrl;
      const title = 'ประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น';
      const link = await step('setup, an activity published and one survey link issued', async () => {
        await setup(page, j.server);
        await (await StaffParticipationPage.open(page, base)).addPublished({
          kind: 'ประชาคมรับฟังความคิดเห็นต่อแผนพัฒนา',
          title,
          issue: 'โครงการที่ควรบรรจุในแผนพัฒนาท้องถิ่นปีหน้า',
          place: 'ศาลาประชาคมหมู่ 3',
          startsOn: '15/1/2570',
          endsOn: '15/1/2570',
        });
        const round = await (await SelfdiagIndexPage.open(page, base)).startRound({ tool: 'IIT', threshold: 5 });
        const slips = await round.issueLinks('กองคลัง', 1);
        const [printed] = await slips.links();
        await slips.signOut();
        await LoginPage.arrived(page);
        return onServer(base, printed!);
      });

      await step('Q&A: list, an empty question refused with the error summary, then asked and followed', async () => {
        const ask = await (await QaIndexPage.open(page, base, AGENCY.slug)).ask();
        const refused = await ask.submitEmpty();
        expect(await refused.title()).toMatch(/^ข้อผิดพลาด: /);
        expect(await refused.errorSummaryItems()).toEqual(
          [
            { text: 'กรุณาเลือกหมวดของคำถาม', href: '#f-category' },
            { text: 'กรุณาพิมพ์คำถามอย่างน้อย 10 ตัวอักษร', href: '#f-question' },
            { text: 'กรุณาเลือกว่าจะให้เผยแพร่คำถามหรือไม่', href: '#f-isPrivate' },
          ],
        );
        const follow = await refused.ask({ category: 'ภาษีและค่าธรรมเนียม', question: 'ชำระภาษีป้ายผ่านธนาคารได้หรือไม่ครับ', publish: false });
        const code = await follow.code();
        const again = await (await QaFollowPage.open(page, base, AGENCY.slug)).find(code.toLowerCase());
        expect(await again.code()).toBe(code);
        expect(await again.mainText()).toContain('คำถามส่วนตัว ไม่เผยแพร่');
      });

      await step('participation: list → activity → empty form refused → an opinion sent', async () => {
        const activity = await (await PublicParticipationPage.open(page, base, AGENCY.slug)).openActivity(title);
        const refused = await activity.submitEmpty(title);
        expect((await refused.errorSummaryItems()).map((i) => i.href)).toContain('#f-kind');
        const sent = await refused.send({ kind: 'opinion', group: 'ประชาชนหมู่ 3', opinion: 'ขอให้ซ่อมถนนสายหลักหมู่ 3 ก่อนฤดูฝน' }, title);
        expect(await sent.flash()).toContain('ส่งความคิดเห็นแล้ว');
        expect(normalized(await page.locator('main dl').textContent())).toContain('ความคิดเห็น 1 รายการ');
      });

      await step('a survey link answered without JavaScript', async () => {
        const survey = await SurveyAnswerPage.open(page, link, ROUND_TITLE);
        const done = await survey.answerAll(3);
        expect(await done.flash()).toContain('บันทึกคำตอบแล้ว');
      });
      expect(j.browser.problems).toEqual([]);
    }),
  );
});
