/**
 * Self-diagnosis on both databases: a round of the year's IIT questions, one-time links per unit
 * (each answers once), results by unit hidden below the threshold (pages and the CLI JSON), no
 * stored row that links a respondent or a link to an answer (read from the schema and the rows),
 * EIT questions entered by the agency, the trend and the predicted result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, mainText, setUpAgency, staffClient, type TestApp } from '../../support/app.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { runSurvey } from '../../../src/cli/commands/survey.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('self-diagnosis on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let roundId: string;
  const links: Record<string, string[]> = {};

  /** Issues links through the staff page and reads them off the printed slips. */
  async function issue(unit: string, count: number): Promise<string[]> {
    await admin.get(`/admin/self-diagnosis/rounds/${roundId}`);
    const res = await admin.submit(`/admin/self-diagnosis/rounds/${roundId}/links`, { unit, count: String(count) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const urls = html(res.body).querySelectorAll('.slip .mono').map((e) => e.textContent.trim());
    expect(html(res.body).querySelectorAll('.slip .qr svg')).toHaveLength(count);
    return urls.map((u) => new URL(u).pathname);
  }
  /** A respondent gives every question its best (4) or worst (1) answer, as each item is scored. */
  async function answer(path: string, level: 1 | 4): Promise<number> {
    const round = await t.services.selfdiag.getRound(agencyId, roundId);
    const c = new TestClient(t.app);
    const page = await c.get(path);
    expect(page.statusCode).toBe(200);
    const fields: Record<string, string> = {};
    const best = level === 4;
    for (const q of round.questions) {
      if (q.scoring.kind === 'yesno') fields[q.key] = (q.scoring.yesScore === 100) === best ? 'yes' : 'no';
      else fields[q.key] = String(q.scoring.reverse ? 5 - level : level);
    }
    return (await c.submit(path, fields)).statusCode;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fixedClock('2022-01-10T03:00:00Z') }); // FY2565 Q2
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(() => t.close());

  it('refuses a bad round with Thai messages naming the field and the line, storing nothing', async () => {
    await admin.get('/admin/self-diagnosis');
    const res = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'IIT', fiscalYear: '65', quarter: '5', threshold: '1', extraQuestions: 'ไม่มีตัวชี้วัด\n9|ผิดเครื่องมือ' });
    expect(res.statusCode).toBe(400);
    const text = toArabicDigits(mainText(res.body)); // messages are in the agency's digits
    expect(text).toContain('ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570');
    expect(text).toContain('ไตรมาสต้องเป็น 1 ถึง 4');
    expect(text).toContain('เกณฑ์จำนวนผู้ตอบขั้นต่ำต้องไม่น้อยกว่า 3 คน');
    expect(await t.services.selfdiag.listRounds(agencyId)).toEqual([]);
    const lines = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'IIT', fiscalYear: '2565', quarter: '2', threshold: '5', extraQuestions: 'ไม่มีตัวชี้วัด\n9|ผิดเครื่องมือ' });
    expect(toArabicDigits(mainText(lines.body))).toContain('บรรทัดที่ 1: ต้องเป็น "ตัวชี้วัด|ข้อความคำถาม"');
    expect(toArabicDigits(mainText(lines.body))).toContain('บรรทัดที่ 2');
    expect(await t.services.selfdiag.listRounds(agencyId)).toEqual([]);
  });

  it('starts an IIT round with the catalogue’s I1–I30 and their scoring', async () => {
    const res = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'IIT', fiscalYear: '2565', quarter: '2', threshold: '5', extraQuestions: '' });
    expect(res.statusCode).toBe(303);
    roundId = (res.headers.location as string).split('/').pop()!;
    const round = await t.services.selfdiag.getRound(agencyId, roundId);
    expect(round.questions.map((q) => q.code)).toEqual(Array.from({ length: 30 }, (_, i) => `I${i + 1}`));
    expect(round.questions.find((q) => q.code === 'I4')!.scoring).toEqual({ kind: 'yesno', yesScore: 0 });
    expect(round.questions.find((q) => q.code === 'I9')!.scoring).toEqual({ kind: 'likert4', reverse: true });
    expect(round.catalogueYear).toBe(2565);
    // The same period twice is refused.
    const again = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'IIT', fiscalYear: '2565', quarter: '2', threshold: '5', extraQuestions: '' });
    expect(again.statusCode).toBe(400);
    expect(toArabicDigits(mainText(again.body))).toContain('มีรอบสำรวจ IIT ไตรมาส 2/2565 แล้ว');
  });

  it('lets each one-time link answer exactly once', async () => {
    links['สำนักปลัด'] = await issue('สำนักปลัด', 6);
    links['กองคลัง'] = await issue('กองคลัง', 3);
    for (const p of links['สำนักปลัด']!.slice(0, 5)) expect(await answer(p, 4)).toBe(303);
    for (const p of links['กองคลัง']!.slice(0, 2)) expect(await answer(p, 1)).toBe(303);
    const reused = new TestClient(t.app);
    await reused.get(links['สำนักปลัด']![5]!); // an unused link's form gives the browser a CSRF token
    expect(mainText((await reused.get(links['สำนักปลัด']![0]!)).body)).toContain('ลิงก์นี้ใช้ตอบได้ครั้งเดียว');
    expect((await reused.submit(links['สำนักปลัด']![0]!, { i1: '1' })).statusCode).toBe(409);
    // An unknown unit is refused on the form.
    const bad = await admin.submit(`/admin/self-diagnosis/rounds/${roundId}/links`, { unit: 'หน่วยที่ไม่มี', count: '2' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('กรุณาเลือกหน่วยงานย่อยจากรายการ');
  });

  it('shows results by unit only where enough answered, on the page and in the CLI JSON', async () => {
    const page = await admin.get(`/admin/self-diagnosis/rounds/${roundId}`);
    const rows = html(page.body).querySelectorAll('table')[1]!.querySelectorAll('tbody tr');
    const byUnit = Object.fromEntries(rows.map((r) => [r.querySelector('th')!.textContent.trim(), r.textContent.replace(/\s+/g, ' ')]));
    expect(byUnit['สำนักปลัด']).toContain('๑๐๐.๐๐');
    expect(byUnit['กองคลัง']).toContain('ไม่แสดงผล');
    expect(byUnit['กองคลัง']).not.toMatch(/[๐-๙]+\.[๐-๙]{2}/);

    const out: string[] = [];
    const code = await runSurvey(['results', '--agency', 'test-town', '--round', roundId, '--json'], { out: (s) => out.push(s), err: (s) => out.push(s) }, t.services);
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(Object.keys(json)).toEqual(['round', 'units']);
    expect(json.round).toBe(roundId);
    expect(json.units).toEqual([
      { unit: 'กองคลัง', responses: 2, hidden: true },
      { unit: 'สำนักปลัด', responses: 5, hidden: false, indicators: { '1': 100, '2': 100, '3': 100, '4': 100, '5': 100 } },
    ]);
    // Without --round: the latest round.
    const latest: string[] = [];
    await runSurvey(['results', '--agency', 'test-town', '--json'], { out: (s) => latest.push(s), err: () => {} }, t.services);
    expect(JSON.parse(latest.join('')).round).toBe(roundId);
  });

  it('stores no row that links a respondent or a link to an answer (schema and rows)', async () => {
    const db = t.database.db;
    const tables = await db.introspection.getTables();
    const responses = tables.find((x) => x.name === 'survey_responses')!;
    expect(responses.columns.map((c) => c.name).sort()).toEqual(['agency_id', 'answers', 'form_id', 'groups', 'id', 'submitted_on', 'version_id']);
    const responseRows = await db.selectFrom('survey_responses').selectAll().execute();
    expect(responseRows.length).toBe(7);
    for (const r of responseRows) {
      expect(r.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(JSON.parse(r.groups))).toEqual(['unit']);
    }
    const tokenRows = await db.selectFrom('survey_tokens').selectAll().execute();
    const tokenSecrets = [...tokenRows.flatMap((r) => [r.id, r.token_hash]), ...Object.values(links).flat().map((p) => p.split('/').pop()!)];
    const responseIds = responseRows.map((r) => r.id);
    // No other table holds a token, its id or its hash, and none but survey_responses holds a response id.
    for (const table of tables.filter((x) => !x.name.startsWith('kysely_'))) {
      const rows = JSON.stringify(await db.selectFrom(table.name as 'survey_responses').selectAll().execute());
      if (table.name !== 'survey_tokens') for (const s of tokenSecrets) expect(rows.includes(s), `${table.name} holds a token value`).toBe(false);
      if (table.name !== 'survey_responses') for (const id of responseIds) expect(rows.includes(id), `${table.name} holds a response id`).toBe(false);
    }
    // Tokens name no subject (no person) for self-diagnosis links.
    expect(tokenRows.every((r) => r.subject_ref === null)).toBe(true);
  });

  it('asks EIT questions the agency enters, shows the trend and the predicted result', async () => {
    await admin.get('/admin/self-diagnosis');
    const res = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'EIT', fiscalYear: '2565', quarter: '2', threshold: '3', extraQuestions: '6|เจ้าหน้าที่ให้บริการตามขั้นตอนที่ประกาศไว้\n7|ท่านเข้าถึงข้อมูลของหน่วยงานได้ง่าย' });
    expect(res.statusCode).toBe(303);
    const eit = await t.services.selfdiag.getRound(agencyId, (res.headers.location as string).split('/').pop()!);
    expect(eit.questions.map((q) => [q.code, q.indicator])).toEqual([['E11', 8], ['E12', 8], ['E14', 8], ['X1', 6], ['X2', 7]]);
    expect(eit.provisional).toBe(true);

    const index = mainText((await admin.get('/admin/self-diagnosis')).body);
    expect(index).toContain('แนวโน้มรายไตรมาส IIT');
    const prediction = await admin.get('/admin/self-diagnosis/prediction?year=2565&complete=O1&complete=O2');
    expect(prediction.statusCode).toBe(200);
    const text = mainText(prediction.body);
    expect(text).toContain('คะแนนรวมคาดการณ์');
    expect(text).toContain('ถ้าทำ O1, O2 ให้ครบ');
    expect(text).toContain('ผู้ตอบที่นำมาคิด ๕ คน');
    const p = await t.services.selfdiag.predict(agencyId, 2565);
    expect(p.base.sources[1]).toBe('self-diagnosis');
    expect(p.base.sources[9]).toBe('oit-readiness');
    expect(p.base.indicators[1]).toBe(100);
    expect(p.suggested!.gain).toBeGreaterThan(0);
  });

  it('keeps the pages to staff who run self-diagnosis', async () => {
    const viewer = await staffClient(t, agencyId, 'viewer2', ['viewer']);
    expect((await viewer.get('/admin/self-diagnosis')).statusCode).toBe(403);
    expect((await viewer.get(`/admin/self-diagnosis/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await admin.get('/admin/self-diagnosis/rounds/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });
});
