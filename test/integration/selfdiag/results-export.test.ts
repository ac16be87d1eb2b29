/**
 * A self-diagnosis round's results leave the system only k-anonymously, on both databases: the
 * survey engine's own results page, raw CSV/XLSX export and question editor refuse the round's
 * form (its raw rows carry each answer's unit), and the round's by-unit CSV has figures only for
 * units at or above the threshold, a count for the others, the pooled whole-agency row, and no
 * free text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, html, mainText, type TestApp } from '../../support/app.js';
import { appWithRound, printLinks } from './support.js';
import { parseCsvLine } from '../../browser/support/csv.js';

describe.each(DIALECTS)('self-diagnosis results export on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let roundId: string;
  let formId: string;

  beforeAll(async () => {
    const s = await appWithRound(dialect);
    ({ t, admin, agencyId, roundId } = s);
    formId = s.round.formId;
    for (const [unit, n] of [['สำนักปลัด', 5], ['กองช่าง', 2]] as const) {
      for (const url of await printLinks(s, unit, n)) {
        const c = new TestClient(t.app);
        await c.get(url);
        const fields: Record<string, string> = { suggestion: `ข้อความลับของ${unit}` };
        for (const q of s.round.questions) fields[q.key] = q.scoring.kind === 'yesno' ? 'no' : unit === 'กองช่าง' ? '1' : '4';
        expect((await c.submit(url, fields)).statusCode).toBe(303);
      }
    }
  });
  afterAll(() => t.close());

  it('is refused by the survey engine’s own results page, raw exports and question editor', async () => {
    for (const path of [`/admin/surveys/${formId}`, `/admin/surveys/${formId}/export.csv`, `/admin/surveys/${formId}/export.xlsx`]) {
      const res = await admin.get(path);
      expect(res.statusCode, path).toBe(403);
      expect(res.body).not.toContain('ข้อความลับ');
    }
    expect(mainText((await admin.get(`/admin/surveys/${formId}`)).body)).toContain('ผลของแบบสำรวจนี้ดูได้ที่หน้าประเมินตนเองก่อน ITA เท่านั้น');
    const list = html((await admin.get('/admin/surveys')).body);
    expect(list.querySelector(`a[href="/admin/surveys/${formId}"]`)).toBeNull();
    expect(mainText((await admin.get('/admin/surveys')).body)).toContain('ดูผลที่เมนูประเมินตนเองก่อน ITA');
    expect((await admin.submit(`/admin/surveys/${formId}/questions`, { text: 'คำถามใหม่', type: 'yesno' })).statusCode).toBe(403);
    expect((await t.services.surveys.getForm(agencyId, formId)).versionNo).toBe(1);
  });

  it('downloads the by-unit results with the page’s suppression', async () => {
    const page = html((await admin.get(`/admin/self-diagnosis/rounds/${roundId}`)).body);
    expect(page.querySelector(`a[href="/admin/self-diagnosis/rounds/${roundId}/results.csv"]`)).not.toBeNull();
    expect(page.querySelector('a[href*="/admin/surveys/"]')).toBeNull();
    const res = await admin.get(`/admin/self-diagnosis/rounds/${roundId}/results.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['cache-control']).toContain('no-store');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map(parseCsvLine);
    expect(lines[0]).toEqual(['หน่วยงานย่อย', 'ออกลิงก์', 'ผู้ตอบ', 'การแสดงผล', 'ตัวชี้วัด 1', 'ตัวชี้วัด 2', 'ตัวชี้วัด 3', 'ตัวชี้วัด 4', 'ตัวชี้วัด 5', 'คะแนนเครื่องมือ']);
    const row = (unit: string) => lines.find((l) => l[0] === unit)!;
    expect(row('กองช่าง')).toEqual(['กองช่าง', '2', '2', 'ไม่แสดงผล (ผู้ตอบน้อยกว่า 5 คน)', '', '', '', '', '', '']);
    expect(row('สำนักปลัด').slice(0, 4)).toEqual(['สำนักปลัด', '5', '5', 'แสดงผล']);
    for (const cell of row('สำนักปลัด').slice(4)) expect(cell).toMatch(/^\d{1,3}\.\d{2}$/);
    // The whole agency: the five shown answers only (two withheld), the same figures as สำนักปลัด.
    expect(row('ผลรวมทั้งหน่วยงาน').slice(0, 4)).toEqual(['ผลรวมทั้งหน่วยงาน', '7', '5', 'แสดงผล (ไม่รวมคำตอบ 2 รายการของหน่วยที่ไม่ถึงเกณฑ์)']);
    expect(row('ผลรวมทั้งหน่วยงาน').slice(4, 9)).toEqual(row('สำนักปลัด').slice(4, 9));
    expect(res.body).not.toContain('ข้อความลับ');
    // The CLI's JSON shape is unchanged by the export.
    const json = await t.services.selfdiag.resultsJson(agencyId, roundId);
    expect(json.units.find((u) => u.unit === 'กองช่าง')).toEqual({ unit: 'กองช่าง', responses: 2, hidden: true });
  });
});
