/**
 * Document options (issue 9, item 3): the fiscal year in the title, the date of issue and the
 * signer from the agency's executives, with a signature block — in DOCX (checked in LibreOffice),
 * PDF and HTML; bad options refused in Thai, naming the field.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, rowCount, setUpAgency, type TestApp } from '../../support/app.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { checkDocxInOffice, officeProblems, pdfLineBoxes } from '../../support/office.js';

const SEED = JSON.parse(readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as unknown;

describe.each(DIALECTS)('measures document options on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let signerId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    const agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    await t.services.results.saveResultsJson({ userId: null, label: 'test' }, agencyId, SEED);
    const exec = await t.services.agencies.addExecutive(SYSTEM_ACTOR, agencyId, { kind: 'political', nameTh: 'นายสมชาย ใจดี', positionTh: 'นายกเทศมนตรีตำบลทดสอบ', phone: null, email: null, sortOrder: 0 });
    signerId = exec.id;
  });
  afterAll(async () => t.close());

  const query = () => `titleYear=2565&issuedOn=${encodeURIComponent('๓๐/๑๑/๒๕๖๕')}&signer=${signerId}`;

  it('offers the options on a form that works without JavaScript, saved with a plain POST', async () => {
    const doc = html((await admin.get('/admin/documents/2565/measures')).body);
    const form = doc.querySelector('form.document-options')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/admin/documents/2565/measures');
    expect(form.querySelector('select[name="titleYear"] option[selected]')?.getAttribute('value')).toBe('2566');
    expect(form.querySelector('input[name="issuedOn"]')?.getAttribute('type')).toBe('text');
    expect(form.querySelectorAll('select[name="signer"] option').map((o) => o.getAttribute('value'))).toEqual(['', signerId]);
    expect(form.querySelector('button[type="submit"]')?.textContent).toContain('บันทึกตัวเลือก');
    expect(doc.querySelector('a[href="/admin/documents/2565/measures.pdf"]')).not.toBeNull();
  });

  it('writes the chosen year, date and signer into the DOCX, which LibreOffice lays out cleanly', async () => {
    const res = await admin.get(`/admin/documents/2565/measures.docx?${query()}`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(xml).toContain('จัดทำ ณ วันที่ ๓๐ พฤศจิกายน ๒๕๖๕');
    expect(xml).toContain('(นายสมชาย ใจดี)');
    expect(xml).toContain('นายกเทศมนตรีตำบลทดสอบ');
    const pdf = await admin.get(`/admin/documents/2565/measures.pdf?${query()}`);
    const findings = await checkDocxInOffice(res.rawPayload);
    expect(officeProblems(findings, { ownPages: (await pdfLineBoxes(pdf.rawPayload)).pages })).toEqual([]);
    const office = findings.lines.map((l) => l.text).join('\n');
    expect(office).toContain('(นายสมชาย ใจดี)');
    // The signature block sits in the right half of the page.
    const name = findings.lines.find((l) => l.text.includes('(นายสมชาย ใจดี)'))!;
    const left = Math.min(...findings.lines.filter((l) => l.page === name.page).map((l) => l.xMin));
    expect(name.xMin).toBeGreaterThan(left + 150);
  });

  it('writes them into the PDF, signature block at the end', async () => {
    const res = await admin.get(`/admin/documents/2565/measures.pdf?${query()}`);
    expect(res.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'opts-'));
    writeFileSync(join(dir, 'm.pdf'), res.rawPayload);
    const text = execFileSync('pdftotext', [join(dir, 'm.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    const tail = text.slice(text.lastIndexOf('จัดทำ ณ วันที่'));
    expect(tail).toContain('๓๐ พฤศจิกายน ๒๕๖๕');
    expect(tail).toContain('(ลงชื่อ)');
    expect(tail).toContain('(นายสมชาย ใจดี)');
    const page = html((await admin.get(`/admin/documents/2565/measures.html?${query()}`)).body);
    expect(page.querySelector('.doc-title')?.textContent).toContain('พ.ศ. ๒๕๖๕');
    expect(page.querySelector('.doc-signature')?.textContent).toContain('(นายสมชาย ใจดี)');
  });

  it('refuses a year out of range, an unreadable date or an unknown signer in Thai, naming the field', async () => {
    for (const [q, words] of [
      ['titleYear=2570', 'ปีงบประมาณในชื่อเอกสาร'],
      ['issuedOn=31/02/2565', 'วันที่จัดทำเอกสาร'],
      ['signer=nobody', 'ผู้ลงนาม'],
    ] as const) {
      const res = await admin.get(`/admin/documents/2565/measures.docx?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain(words);
    }
  });

  it('saves the options per agency and year: the public page, its PDF and the copy attached to OIT carry the saved date and signer', async () => {
    // A saved plan publishes the document: public page, files, and OIT evidence of FY2566.
    await admin.get('/admin/plan/2565');
    expect((await admin.submit('/admin/plan/2565/draft', {})).statusCode).toBe(303);
    await admin.get('/admin/documents/2565/measures');
    const bad = await admin.submit('/admin/documents/2565/measures', { titleYear: '2570', issuedOn: '31/02/2565', signer: signerId });
    expect(bad.statusCode).toBe(400);
    expect(html(bad.body).querySelectorAll('.error-summary a').map((a) => a.getAttribute('href')).sort()).toEqual(['#f-issuedOn'].sort());
    expect(await rowCount(t, 'document_options')).toBe(0);

    const saved = await admin.submit('/admin/documents/2565/measures', { titleYear: '2566', issuedOn: '๑๕/๐๑/๒๕๖๖', signer: signerId });
    expect(saved.statusCode).toBe(303);
    const form = html((await admin.get('/admin/documents/2565/measures')).body);
    expect(form.querySelector('input[name="issuedOn"]')?.getAttribute('value')).toBe('๑๕/๐๑/๒๕๖๖');
    expect(form.querySelector('select[name="signer"] option[selected]')?.getAttribute('value')).toBe(signerId);

    const pub = await t.app.inject({ method: 'GET', url: '/a/test-town/ita/2565/measures' });
    expect(pub.statusCode).toBe(200);
    expect(html(pub.body).querySelector('.doc-signature')?.textContent).toContain('(นายสมชาย ใจดี)');
    expect(html(pub.body).querySelector('main')!.textContent).toContain('๑๕ มกราคม ๒๕๖๖');

    const pdf = await t.app.inject({ method: 'GET', url: '/a/test-town/ita/2565/measures.pdf' });
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'opts-'));
    writeFileSync(join(dir, 'p.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text.slice(text.lastIndexOf('จัดทำ ณ วันที่'))).toContain('๑๕ มกราคม ๒๕๖๖');
    expect(text).toContain('(นายสมชาย ใจดี)');

    // The OIT evidence of FY2566 (role "measures") points at the public copy, which carries them.
    const evidence = await t.database.db.selectFrom('oit_evidence' as any).select(['url'] as any).where('source' as any, '=', 'measures-document').execute();
    expect(evidence.length).toBe(1);
    const url = new URL(String((evidence[0] as { url: string }).url));
    const copy = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(copy.statusCode).toBe(200);
    expect(html(copy.body).querySelector('.doc-signature')?.textContent).toContain('(นายสมชาย ใจดี)');
    expect(html(copy.body).querySelector('main')!.textContent).toContain('๑๕ มกราคม ๒๕๖๖');

    // The audit log says it in words and a Buddhist-era date.
    const log = html((await admin.get('/admin/audit')).body).querySelectorAll('main tbody tr').map((tr) => tr.textContent).find((r) => r.includes('บันทึกตัวเลือกเอกสารมาตรการ'));
    expect(log).toContain('วันที่จัดทำ: ๑๕ ม.ค. ๒๕๖๖');

    // A staff download without a query uses the saved options too.
    const docx = await admin.get('/admin/documents/2565/measures.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('จัดทำ ณ วันที่ ๑๕ มกราคม ๒๕๖๖');
    expect(xml).toContain('(นายสมชาย ใจดี)');
  });
});
