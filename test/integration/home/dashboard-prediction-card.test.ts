/**
 * The staff dashboard's prediction card (issue 13 §4), contributed by the self-diagnosis module
 * through its manifest: absent before any round of the year; once staff have answered, the
 * predicted total and rating (the same as the full prediction page), the plain uncertainty
 * statement in the agency's digits, and the link to the full page; hidden from staff without
 * `selfdiag.manage`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, setUpAgency, staffClient, type TestApp } from '../../support/app.js';
import { fixedClock } from '../../../src/shared/clock.js';

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const CARD = '#dashboard-card-selfdiag-prediction';

describe.each(DIALECTS)('dashboard prediction card on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fixedClock('2022-01-10T03:00:00Z') }); // FY2565
    admin = await setUpAgency(t, { 'agency.digits': 'thai' });
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(() => t.close());

  it('is absent before the year has a self-diagnosis round', async () => {
    const doc = html((await admin.get('/admin')).body);
    expect(doc.querySelector(CARD)).toBeNull();
  });

  it('shows the predicted total and rating, how uncertain they are, and links to the full prediction', async () => {
    await admin.get('/admin/self-diagnosis');
    const created = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'IIT', fiscalYear: '2565', quarter: '2', threshold: '5', extraQuestions: '' });
    const roundId = (created.headers.location as string).split('/').pop()!;
    await admin.get(`/admin/self-diagnosis/rounds/${roundId}`);
    const slips = await admin.submit(`/admin/self-diagnosis/rounds/${roundId}/links`, { unit: 'สำนักปลัด', count: '5' });
    const round = await t.services.selfdiag.getRound(agencyId, roundId);
    for (const url of html(slips.body).querySelectorAll('.slip .mono').map((e) => new URL(e.textContent.trim()).pathname)) {
      const c = new TestClient(t.app);
      await c.get(url);
      const fields: Record<string, string> = {};
      for (const q of round.questions) fields[q.key] = q.scoring.kind === 'yesno' ? (q.scoring.yesScore === 100 ? 'yes' : 'no') : String(q.scoring.reverse ? 1 : 4);
      expect((await c.submit(url, fields)).statusCode).toBe(303);
    }

    const doc = html((await admin.get('/admin')).body);
    const card = doc.querySelector(CARD);
    expect(card).not.toBeNull();
    expect(squash(card!.querySelector('h2')?.textContent)).toBe('ผลคาดการณ์ ITA ปี ๒๕๖๕ (จากการประเมินตนเองและความพร้อม OIT)');
    const values = card!.querySelectorAll('.card-value').map((v) => squash(v.textContent));
    const labels = card!.querySelectorAll('.card-label').map((v) => squash(v.textContent));
    expect(labels).toEqual(['คะแนนรวมคาดการณ์', 'ระดับคาดการณ์']);
    // The same figures as the full prediction page, from the same service.
    const p = await t.services.selfdiag.predict(agencyId, 2565);
    const thai = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
    expect(values).toEqual([thai(p.base.total.toFixed(2)), thai(p.base.levelLabel)]);
    const full = html((await admin.get('/admin/self-diagnosis/prediction?year=2565')).body);
    expect(full.querySelectorAll('.card-value').map((v) => squash(v.textContent))).toEqual(values);

    const notes = card!.querySelectorAll('.card-notes li').map((li) => squash(li.textContent));
    // Five answers: ±⌈1.96 × 50 / √5⌉ = ±44 points per indicator; EIT not measured this year.
    expect(notes[0]).toBe('IIT: ประเมินตนเอง IIT ไตรมาส ๒/๒๕๖๕ ผู้ตอบที่นำมาคิด ๕ คน ความคลาดเคลื่อนโดยประมาณ ±๔๔ คะแนนต่อตัวชี้วัด');
    expect(notes).toContain('เครื่องมือที่ยังไม่มีรอบประเมินตนเองในปีนี้ ใช้ผลทางการปีก่อนแทน (ถ้ามี)');
    expect(notes.some((n) => n.startsWith('คะแนน OIT คิดจากรายการที่ครบถ้วนในระบบ'))).toBe(true);
    expect(squash(card!.textContent)).not.toMatch(/[0-9]/);
    const link = card!.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/admin/self-diagnosis/prediction?year=2565');
    expect((await admin.get(link!.getAttribute('href')!)).statusCode).toBe(200);
  });

  it('is not shown to staff who may not manage self-diagnosis', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer1', ['viewer']);
    const doc = html((await viewer.get('/admin')).body);
    expect(doc.querySelector('h1')).not.toBeNull();
    expect(doc.querySelector(CARD)).toBeNull();
  });
});
