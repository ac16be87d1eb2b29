/**
 * Closing a self-diagnosis round on both databases: its unused links then show a Thai message
 * and accept no answer (409, nothing stored, the link stays unspent), an answered link still
 * thanks its respondent, no new links are issued, the round page says it is closed, and the
 * close is audited once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, html, mainText, rowCount, type TestApp } from '../../support/app.js';
import { appWithRound, printLinks } from './support.js';
import { listAudit } from '../../../src/platform/audit.js';

describe.each(DIALECTS)('closing a self-diagnosis round on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let roundId: string;
  let links: string[];
  let answers: Record<string, string>;

  beforeAll(async () => {
    const s = await appWithRound(dialect);
    ({ t, admin, agencyId, roundId } = s);
    answers = Object.fromEntries(s.round.questions.map((q) => [q.key, q.scoring.kind === 'yesno' ? 'no' : '3']));
    links = await printLinks(s, 'กองคลัง', 3);
  });
  afterAll(() => t.close());

  it('stops answers on unused links with a Thai message, keeps the answered one, issues no more links', async () => {
    const first = new TestClient(t.app);
    await first.get(links[0]!);
    expect((await first.submit(links[0]!, answers)).statusCode).toBe(303);
    // A respondent who opened the page before the close and submits after it.
    const late = new TestClient(t.app);
    expect(html((await late.get(links[1]!)).body).querySelector('main form[method="post"]')).not.toBeNull();

    await admin.get(`/admin/self-diagnosis/rounds/${roundId}`);
    expect((await admin.submit(`/admin/self-diagnosis/rounds/${roundId}/close`, {})).statusCode).toBe(303);
    const page = html((await admin.get(`/admin/self-diagnosis/rounds/${roundId}`)).body);
    expect(page.querySelector('[data-round="closed"]')?.textContent).toContain('ปิดรอบการสำรวจแล้ว');
    expect(page.querySelector(`form[action$="/links"]`)).toBeNull();

    const stored = await rowCount(t, 'survey_responses');
    const refused = await late.submit(links[1]!, answers);
    expect(refused.statusCode).toBe(409);
    expect(mainText(refused.body)).toContain('แบบสำรวจนี้ปิดรับคำตอบแล้ว ขอบคุณที่สนใจร่วมตอบ');
    expect(await rowCount(t, 'survey_responses')).toBe(stored);
    const unused = html((await new TestClient(t.app).get(links[2]!)).body);
    expect(unused.querySelector('main form[method="post"]')).toBeNull();
    expect(mainText(unused.toString())).toContain('แบบสำรวจนี้ปิดรับคำตอบแล้ว');
    expect((await t.services.surveys.openToken(agencyId, links[1]!.split('/').pop()!)).spent).toBe(false);
    expect(mainText((await new TestClient(t.app).get(links[0]!)).body)).toContain('ขอบคุณที่ตอบแบบสำรวจ');

    await admin.get(`/admin/self-diagnosis/rounds/${roundId}`);
    const more = await admin.submit(`/admin/self-diagnosis/rounds/${roundId}/links`, { unit: 'กองคลัง', count: '1' });
    expect(more.statusCode).toBe(409);
    expect(mainText(more.body)).toContain('รอบการสำรวจนี้ปิดแล้ว ออกลิงก์เพิ่มไม่ได้');
    expect((await t.services.selfdiag.results(agencyId, roundId)).issued).toEqual([{ unit: 'กองคลัง', issued: 3 }]);
  });

  it('is audited once; closing again changes nothing', async () => {
    await admin.get(`/admin/self-diagnosis/rounds/${roundId}`);
    expect((await admin.submit(`/admin/self-diagnosis/rounds/${roundId}/close`, {})).statusCode).toBe(303);
    expect((await listAudit(t.database.db, agencyId)).filter((a) => a.action === 'selfdiag.round.close')).toHaveLength(1);
    expect((await t.services.selfdiag.getRound(agencyId, roundId)).closed).toBe(true);
  });
});
