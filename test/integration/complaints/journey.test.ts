/**
 * The promises of the channel, proved on the real app with logging on (SecureDrop-style):
 * an anonymous report with a GPS-tagged photo → receipt → a handler with 2FA acknowledges and
 * asks → the reporter answers with the receipt → statistics show a suppressed range. Then: no
 * plaintext of the report, the answer, the identity or the photo's GPS anywhere in the database
 * file (or pg_dump), the file store or the log; no IP address or user agent in the log; other
 * roles and another agency's handler get nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildTestApp, html, mainText, setUpAgency, staffClient, TestClient, type TestApp } from '../../support/app.js';
import { DIALECTS, TEST_POSTGRES_URL } from '../../support/database.js';
import { GPS_TEXT, photoWithGps } from '../../support/gps-photo.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { movableClock, openChannel, type Handler } from './support.js';
import { checkDocxInOffice, officeProblems, pdfPlainText, squash } from '../../support/office.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

const SLUG = 'test-town';
const SECRET_STORY = 'ปลัดรับเงินสดห้าหมื่นบาทจากผู้รับเหมาหลังตลาดสดเช้าวันอังคาร';
const SECRET_ANSWER = 'ผู้รับเหมาขับรถกระบะสีขาวทะเบียนกข1234';
const SECRET_NAME = 'นางสาวผู้แจ้ง ลับเฉพาะ';
const REPORTER_IP = '203.0.113.77';
const REPORTER_UA = 'CheapPhone/1.0 (UniqueAgentString-xyz)';

/** Every file under a directory, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });

/** The needle as UTF-8 and as base64 at each of the three alignments, so an unencrypted base64 column is caught too. */
function forms(needle: string): Buffer[] {
  const b = Buffer.from(needle, 'utf8');
  // Base64 forms only for needles long enough that a trimmed encoding is still specific.
  return b.length < 24 ? [b] : [b, ...[0, 1, 2].map((i) => Buffer.from(b.subarray(i).toString('base64').slice(4, -4)))];
}
const leaks = (haystack: Buffer, needles: string[]) => needles.filter((n) => forms(n).some((f) => haystack.includes(f)));

describe.each(DIALECTS)('complaint journey and what it leaves behind (%s)', (dialect) => {
  let t: TestApp;
  const clock = movableClock();
  const log: string[] = [];
  let agencyId: string;
  let handler: Handler;
  let receipt = '';
  const reporter = () => {
    const c = new TestClient(t.app);
    // Every reporter request comes from an address and a browser the log must not keep.
    const inject = t.app.inject.bind(t.app);
    (c as unknown as { app: unknown }).app = { inject: (o: Record<string, unknown>) => inject({ ...o, remoteAddress: REPORTER_IP, headers: { ...(o.headers as object), 'user-agent': REPORTER_UA, 'x-forwarded-for': REPORTER_IP } } as never) };
    return c;
  };

  beforeAll(async () => {
    const stream = new Writable({ write: (chunk, _e, cb) => void (log.push(String(chunk)), cb()) });
    t = await buildTestApp(dialect, { clock, logger: { level: 'info', stream } });
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug(SLUG))!.id;
    handler = await openChannel(t, clock, agencyId, 'handler1', ['complaint_custodian']);
  });
  afterAll(async () => t?.close());

  it('an anonymous reporter sends a photo with GPS and gets a receipt once', async () => {
    const r = reporter();
    const form = await r.get(`/a/${SLUG}/report-corruption`);
    expect(form.statusCode).toBe(200);
    const res = await r.upload(
      `/a/${SLUG}/report-corruption`,
      { category: 'bribery', description: SECRET_STORY, involvesExecutive: 'no', 'identity.name': SECRET_NAME },
      [{ field: 'files', filename: 'photo.jpg', content: photoWithGps(), contentType: 'image/jpeg' }],
    );
    expect(res.statusCode).toBe(200);
    receipt = html(res.body).querySelector('#receipt')!.textContent.replace(/\s/g, '');
    expect(receipt).toMatch(/^\d{16}$/);
    expect(res.headers.location).toBeUndefined();
  });

  it('a bad report is refused with Thai messages and the values kept, nothing stored', async () => {
    const r = reporter();
    await r.get(`/a/${SLUG}/report-corruption`);
    const before = await t.services.complaints.publishedComplaintStatistics(agencyId, 2570, '12-month');
    const res = await r.upload(`/a/${SLUG}/report-corruption`, { category: '', description: 'สั้น', involvesExecutive: 'no' }, [{ field: 'files', filename: 'x.pdf', content: Buffer.from('%PDF-1.4 nothing'), contentType: 'application/pdf' }]);
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('title')!.textContent).toMatch(/^ข้อผิดพลาด: /);
    expect(mainText(res.body)).toContain('กรุณาเลือกประเภทเรื่อง');
    expect(html(res.body).querySelector('#f-description')!.textContent).toBe('สั้น');
    expect(await t.services.complaints.publishedComplaintStatistics(agencyId, 2570, '12-month')).toEqual(before);
  });

  it('the handler (2FA, unlocked) sees it, the photo without GPS, acknowledges and asks a question', async () => {
    const list = await handler.client.get('/admin/complaints');
    expect(list.statusCode).toBe(200);
    expect(html(list.body).querySelector('#waiting')).not.toBeNull();
    const href = html(list.body).querySelectorAll('a').map((a) => a.getAttribute('href')!).find((h) => h?.startsWith('/admin/complaints/r/'))!;
    const page = await handler.client.get(href);
    expect(html(page.body).querySelector('#description')!.textContent).toBe(SECRET_STORY);
    const fileHref = html(page.body).querySelectorAll('a').map((a) => a.getAttribute('href')!).find((h) => h?.includes('/files/'))!;
    const photo = await handler.client.get(fileHref);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.includes(Buffer.from(GPS_TEXT))).toBe(false);
    expect(photo.rawPayload.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(await handler.client.submit(`${href}/action`, { action: 'acknowledge' })).toMatchObject({ statusCode: 303 });
    expect(await handler.client.submit(`${href}/message`, { message: 'กรุณาระบุทะเบียนรถของผู้รับเหมา' })).toMatchObject({ statusCode: 303 });
    expect(await handler.client.submit(`${href}/note`, { note: 'บันทึกภายใน ห้ามผู้แจ้งเห็น' })).toMatchObject({ statusCode: 303 });
    // The custodian opens the identity: only with a reason, and it is audited without content.
    const refused = await handler.client.submit(`${href}/disclose`, { reason: '' });
    expect(refused.statusCode).toBe(400);
    const disclosed = await handler.client.submit(`${href}/disclose`, { reason: 'ต้องติดต่อผู้แจ้งเพื่อเป็นพยานตามคำสั่ง' });
    expect(html(disclosed.body).querySelector('#identity')!.textContent).toContain(SECRET_NAME);
  });

  it('the reporter returns with the receipt (POSTed, never in a URL), reads the question and answers', async () => {
    const r = reporter();
    await r.get(`/a/${SLUG}/report-corruption/follow-up`);
    const status = await r.submit(`/a/${SLUG}/report-corruption/follow-up`, { receipt: receipt.replace(/(\d{4})/g, '$1 ') });
    expect(status.statusCode).toBe(200);
    expect(html(status.body).querySelector('#state')!.textContent).toBe('รับเรื่องไว้พิจารณาแล้ว');
    expect(mainText(status.body)).toContain('กรุณาระบุทะเบียนรถของผู้รับเหมา');
    expect(mainText(status.body)).not.toContain('บันทึกภายใน');
    for (const a of html(status.body).querySelectorAll('a, form')) expect(a.getAttribute('href') ?? a.getAttribute('action') ?? '').not.toContain(receipt);
    const answered = await r.upload(`/a/${SLUG}/report-corruption/reply`, { receipt, message: SECRET_ANSWER }, []);
    expect(answered.statusCode).toBe(200);
    expect(toArabicDigits(mainText(answered.body))).toContain(SECRET_ANSWER); // shown in the agency's digits
    const wrong = await r.submit(`/a/${SLUG}/report-corruption/follow-up`, { receipt: '1111222233334444' });
    expect(wrong.statusCode).toBe(404);
  });

  it('statistics count it, with small-cell suppression, on the public page', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/a/${SLUG}/report-corruption/statistics` });
    expect(page.statusCode).toBe(200);
    const totals = html(page.body).querySelectorAll('#stats-totals dd').map((d) => d.textContent);
    expect(totals[0]).toMatch(/^(1–4|๑–๔)$/);
    expect(mainText(page.body)).not.toMatch(/จำนวนเรื่องทั้งหมด\s*(1|๑)\b/);
    const csv = await t.app.inject({ method: 'GET', url: `/a/${SLUG}/report-corruption/statistics.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('"จำนวนเรื่องทั้งหมด","1–4"');
    expect(csv.body).not.toMatch(/"ประเภท: การเรียกรับสินบน","1"/);
  });

  it('the same suppressed figures as a PDF and a DOCX that LibreOffice lays out cleanly', async () => {
    const pdf = await t.app.inject({ method: 'GET', url: `/a/${SLUG}/report-corruption/statistics.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const text = squash(await pdfPlainText(pdf.rawPayload));
    expect(text).toContain(squash('ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'));
    const total = squash('จำนวนเรื่องทั้งหมด'); // squash drops Thai marks: compare squashed with squashed
    expect(text).toMatch(new RegExp(`${total}(1–4|๑–๔)`));
    expect(text).not.toMatch(new RegExp(`${total}(1|๑)(?![–\\d๐-๙])`));
    expect(text).not.toContain(squash(SECRET_STORY));
    const docx = await t.app.inject({ method: 'GET', url: `/a/${SLUG}/report-corruption/statistics.docx` });
    expect(docx.statusCode).toBe(200);
    expect(officeProblems(await checkDocxInOffice(docx.rawPayload))).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/a/${SLUG}/report-corruption/statistics.txt` })).statusCode).toBe(404);
  }, 180_000); // LibreOffice starts cold for each conversion

  it('other roles and another agency’s handler get nothing', async () => {
    const coordinator = await staffClient(t, agencyId, 'coord', ['coordinator']);
    for (const url of ['/admin/complaints', '/admin/complaints/2fa', '/admin/complaints/unlock']) expect((await coordinator.get(url)).statusCode, url).toBe(403);
    const other = await t.services.agencies.createAgency(SYSTEM_ACTOR, { slug: 'other-town', nameTh: 'เทศบาลอื่น', nameEn: null, type: 'sao', province: 'ศรีสะเกษ', address: null, phone: null, email: null, websiteUrl: null, digits: 'thai' }, ['สำนักปลัด']);
    const foreign = await openChannel(t, clock, other.id, 'foreign', ['complaint_custodian']);
    const list = await foreign.client.get('/admin/complaints');
    expect(list.statusCode).toBe(200);
    expect(html(list.body).querySelectorAll('a').some((a) => a.getAttribute('href')?.startsWith('/admin/complaints/r/'))).toBe(false);
    const mine = await handler.client.get('/admin/complaints');
    const href = html(mine.body).querySelectorAll('a').map((a) => a.getAttribute('href')!).find((h) => h?.startsWith('/admin/complaints/r/'))!;
    expect((await foreign.client.get(href)).statusCode).toBe(404);
    expect((await foreign.client.submit(`${href}/action`, { action: 'investigate' })).statusCode).toBe(404);
  });

  it('leaves no plaintext in the database, the file store or the log, and no IP or user agent in the log', async () => {
    const needles = [SECRET_STORY, SECRET_ANSWER, SECRET_NAME, GPS_TEXT, 'กรุณาระบุทะเบียนรถ', 'บันทึกภายใน ห้าม', 'ต้องติดต่อผู้แจ้งเพื่อเป็นพยาน', receipt];
    let db: Buffer;
    if (dialect === 'sqlite') {
      const file = (t.config.database as { file: string }).file;
      db = Buffer.concat(readdirSync(join(file, '..')).filter((n) => n.startsWith('test.sqlite')).map((n) => readFileSync(join(file, '..', n))));
      expect(db.length).toBeGreaterThan(10_000);
    } else {
      db = execFileSync('pg_dump', ['--data-only', '-n', t.database.pgSchema!, TEST_POSTGRES_URL], { maxBuffer: 256 * 1024 * 1024 });
      expect(db.toString('utf8')).toContain('complaint_reports');
    }
    expect(leaks(db, needles)).toEqual([]);
    // The test can see what it looks for: the description is in the database, encrypted, and the
    // same search finds it when it is not (the agency name proves the search works on this dump).
    expect(leaks(db, ['เทศบาลตำบลทดสอบ'])).toEqual(['เทศบาลตำบลทดสอบ']);
    const store = Buffer.concat(filesUnder(t.config.dataDir).map((f) => readFileSync(f)));
    expect(store.length).toBeGreaterThan(100);
    expect(leaks(store, [...needles, 'Exif'])).toEqual([]);
    const logText = Buffer.from(log.join(''));
    expect(log.length).toBeGreaterThan(10);
    expect(log.join('')).toContain('/report-corruption');
    expect(leaks(logText, [...needles, REPORTER_IP, 'UniqueAgentString', 'user-agent'])).toEqual([]);
  });
});
