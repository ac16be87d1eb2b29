/**
 * The survey engine on both databases: one-response tokens (each answers once, a bad answer
 * spends nothing, the token itself is never stored, two instances racing on one token store one
 * answer), versions of the questions, results per group, and the CSV/XLSX export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { ADMIN_PASSWORD, TestClient, buildTestApp, mainText, setUpAgency, signIn, type TestApp } from '../../support/app.js';
import { createServices, type Services } from '../../../src/app.js';
import { openDatabase, type Db } from '../../../src/db/index.js';
import { withTenant } from '../../../src/platform/tenant.js';
import { actorOf } from '../../../src/platform/audit.js';
import { DomainError } from '../../../src/shared/errors.js';
import type { Question } from '../../../src/modules/surveys/domain/questions.js';
import type { Agency } from '../../../src/modules/agencies/domain/agency.js';
import type { User } from '../../../src/modules/users/domain/user.js';
import { movableClock, otherAgency } from '../eservices/support.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

const clock = movableClock('2024-03-05T03:00:00Z');
const QUESTIONS: Question[] = [
  { key: 'speed', text: 'ความรวดเร็ว', type: 'likert5', required: true },
  { key: 'staff', text: 'ความสุภาพของเจ้าหน้าที่', type: 'likert4', required: true },
  { key: 'again', text: 'จะใช้บริการอีก', type: 'yesno', required: true },
  { key: 'channel', text: 'ช่องทาง', type: 'choice', required: false, options: ['เว็บไซต์', 'LINE'] },
  { key: 'comment', text: 'ข้อเสนอแนะ', type: 'text', required: false },
];
const GOOD = { speed: '5', staff: '4', again: 'yes', channel: 'LINE', comment: 'ดีมาก' };

describe.each(DIALECTS)('survey engine on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agency: Agency;
  let user: User;
  let formId: string;
  let second: Db;
  let b: Services;

  const surveys = () => t.services.surveys;
  const issue = (groups: Record<string, string> = { service: 'ประปา' }, subjectRef?: string) =>
    t.database.db.transaction().execute((tx) => surveys().issueToken(tx, agency.id, formId, { groups, ...(subjectRef ? { subjectRef } : {}) }));
  const responses = async () => Number((await t.database.db.selectFrom('survey_responses').select((eb) => eb.fn.countAll().as('n')).where('form_id', '=', formId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    clock.set('2024-03-05T03:00:00Z');
    t = await buildTestApp(dialect, { clock });
    admin = await setUpAgency(t);
    agency = (await t.services.agencies.findBySlug('test-town'))!;
    user = (await t.services.users.listUsers(agency.id))[0]!;
    formId = (await t.database.db.transaction().execute((tx) => surveys().ensureForm(tx, agency.id, { key: 'engine-test', title: 'แบบสำรวจทดสอบ', questions: QUESTIONS }))).id;
    // A second app instance on its own connection, scoped per call as a request would be.
    second = openDatabase(t.database.configDatabase, t.database.pgSchema ? { schema: t.database.pgSchema, max: 4 } : {});
    b = createServices({ db: second.db, clock, config: t.config });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('keeps a form by its key: a second ensureForm returns it unchanged, version 1', async () => {
    const again = await t.database.db.transaction().execute((tx) => surveys().ensureForm(tx, agency.id, { key: 'engine-test', title: 'อื่น', questions: [QUESTIONS[0]!] }));
    expect(again).toMatchObject({ id: formId, title: 'แบบสำรวจทดสอบ', versionNo: 1 });
    expect(again.questions.map((q) => q.key)).toEqual(QUESTIONS.map((q) => q.key));
  });

  it('answers once per token on the public page; a bad answer spends nothing; the token is never stored', async () => {
    const token = await issue();
    const url = `/a/test-town/survey/${token}`;
    const c = new TestClient(t.app);
    expect((await c.get(url)).statusCode).toBe(200);
    const bad = await c.submit(url, { ...GOOD, staff: '5', again: '' });
    expect(bad.statusCode).toBe(400);
    expect(toArabicDigits(mainText(bad.body))).toContain('ข้อ "ความสุภาพของเจ้าหน้าที่" ต้องเลือกระดับ 1 ถึง 4'); // in the agency's digits
    expect(mainText(bad.body)).toContain('กรุณาตอบข้อ "จะใช้บริการอีก"');
    expect(await responses()).toBe(0);
    expect((await c.submit(url, GOOD)).statusCode).toBe(303);
    expect(await responses()).toBe(1);
    const twice = await c.submit(url, GOOD);
    expect(twice.statusCode).toBe(409);
    expect(await responses()).toBe(1);
    // Only a hash of the token is kept; unknown, malformed and other agencies' paths are 404.
    const tokens = await t.database.db.selectFrom('survey_tokens').selectAll().execute();
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect((await c.get(`/a/test-town/survey/${token.slice(0, -2)}xx`)).statusCode).toBe(404);
    expect((await c.get('/a/test-town/survey/short')).statusCode).toBe(404);
    await otherAgency(t);
    expect((await c.get(`/a/other-town/survey/${token}`)).statusCode).toBe(404);
  });

  it('stores one answer when the same token is submitted twice at once (two instances on PostgreSQL)', async () => {
    // SQLite serves one process (one connection, transactions queued): both submissions go to it.
    // Two connections in one test process cannot race there — better-sqlite3 waits for a lock
    // synchronously, blocking the very event loop that would release it.
    const other = dialect === 'postgres' ? b : t.services;
    const before = await responses();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => issue()));
    const outcomes = await Promise.allSettled(
      tokens.flatMap((token) => [
        withTenant(agency.id, () => surveys().respond(agency.id, token, GOOD)),
        withTenant(agency.id, () => other.surveys.respond(agency.id, token, { ...GOOD, speed: '1' })),
      ]),
    );
    for (let i = 0; i < tokens.length; i++) {
      const pair = outcomes.slice(2 * i, 2 * i + 2);
      expect(pair.filter((o) => o.status === 'fulfilled'), `token ${i}`).toHaveLength(1);
      const lost = pair.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      // A 409 for the loser, not a 500 (on SQLite: not "database is locked").
      expect(lost.reason).toBeInstanceOf(DomainError);
      expect((lost.reason as DomainError).code).toBe('CONFLICT');
    }
    expect(await responses()).toBe(before + tokens.length);
  });

  it('issues one token per subject and shows the same link again, with whether it was used', async () => {
    const first = await issue({ service: 'ไฟฟ้า' }, 'request-1');
    expect(await issue({ service: 'ไฟฟ้า' }, 'request-1')).toBe(first);
    expect(await surveys().tokenForSubject(agency.id, formId, 'request-1')).toEqual({ token: first, spent: false });
    await surveys().respond(agency.id, first, GOOD);
    expect(await surveys().tokenForSubject(agency.id, formId, 'request-1')).toEqual({ token: first, spent: true });
    expect([...(await surveys().spentSubjects(agency.id, formId, ['request-1', 'request-2']))]).toEqual(['request-1']);
  });

  it('publishes a new version: earlier answers keep theirs, new answers are checked against the new questions', async () => {
    const v1 = await surveys().getForm(agency.id, formId);
    const added: Question = { key: 'wait', text: 'รอนานไหม', type: 'yesno', required: true };
    const v2 = await surveys().publishVersion(actorOf(user), agency.id, formId, [...QUESTIONS, added]);
    expect(v2.versionNo).toBe(2);
    expect(v2.versionId).not.toBe(v1.versionId);
    await expect(surveys().publishVersion(actorOf(user), agency.id, formId, [...QUESTIONS, { ...added, key: 'speed' }])).rejects.toThrow('คำถามของแบบสำรวจไม่ถูกต้อง');
    expect((await surveys().getForm(agency.id, formId)).versionNo).toBe(2);
    const token = await issue({ service: 'ไฟฟ้า' });
    await expect(surveys().respond(agency.id, token, GOOD)).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: [{ field: 'wait' }] });
    clock.set('2024-03-06T03:00:00Z');
    await surveys().respond(agency.id, token, { ...GOOD, speed: '3', staff: '2', again: 'no', wait: 'yes' });
    const all = await surveys().responses(agency.id, formId);
    expect(all.filter((r) => r.versionId === v1.versionId).length).toBe(all.length - 1);
    expect(all.find((r) => r.versionId === v2.versionId)).toMatchObject({ answers: { wait: true, speed: 3 }, submittedOn: '2024-03-06', groups: { service: 'ไฟฟ้า' } });
    // Results per group, small groups hidden when asked.
    const results = await surveys().results(agency.id, formId, { groupBy: 'service', minGroupSize: 3 });
    expect(results.responses).toBe(all.length);
    const electric = results.groups.find((g) => g.group === 'ไฟฟ้า')!;
    expect(electric).toEqual({ group: 'ไฟฟ้า', responses: 2, hidden: true });
    expect(results.groups.find((g) => g.group === 'ประปา')).toMatchObject({ hidden: false, responses: all.length - 2 });
    expect((await surveys().results(agency.id, formId, { from: '2024-03-06' })).responses).toBe(1);
  });

  it('exports every answer as CSV and XLSX: a column per current question, groups, yes/no in Thai, formulas defused', async () => {
    const token = await issue({ service: '=HYPERLINK("http://x")' });
    await surveys().respond(agency.id, token, { ...GOOD, again: 'no', wait: 'no', comment: '=1+2' });
    const total = await responses();
    admin = await signIn(t, 'admin', ADMIN_PASSWORD); // the first session ended as the clock moved on
    const csvRes = await admin.get(`/admin/surveys/${formId}/export.csv`);
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toContain('text/csv');
    expect(csvRes.headers['cache-control']).toContain('no-store');
    const lines = csvRes.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('วันที่ตอบ,service,ความรวดเร็ว,ความสุภาพของเจ้าหน้าที่,จะใช้บริการอีก,ช่องทาง,ข้อเสนอแนะ,รอนานไหม');
    expect(lines).toHaveLength(total + 1);
    expect(lines).toContain(`2024-03-06,"'=HYPERLINK(""http://x"")",5,4,ไม่ใช่,LINE,'=1+2,ไม่ใช่`);
    expect(lines.filter((l) => l.includes(',ใช่,')).length).toBeGreaterThan(0);

    const xlsxRes = await admin.get(`/admin/surveys/${formId}/export.xlsx`);
    expect(xlsxRes.statusCode).toBe(200);
    expect(xlsxRes.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('คำตอบ')!;
    expect(ws.rowCount).toBe(total + 1);
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    expect(values(1)).toEqual(lines[0]!.split(','));
    const rows = Array.from({ length: total }, (_, i) => values(i + 2));
    expect(rows).toContainEqual(['2024-03-06', '=HYPERLINK("http://x")', '5', '4', 'ไม่ใช่', 'LINE', '=1+2', 'ไม่ใช่']);
    expect((await admin.get(`/admin/surveys/${formId}/export.pdf`)).statusCode).toBe(404);
  });
});
