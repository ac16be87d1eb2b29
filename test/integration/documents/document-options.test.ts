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
import { TestClient, buildTestApp, html, setUpAgency, type TestApp } from '../../support/app.js';
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

  it('offers the options on a form that works without JavaScript', async () => {
    const doc = html((await admin.get('/admin/documents/2565/measures')).body);
    const form = doc.querySelector('form.document-options')!;
    expect(form.getAttribute('method')).toBe('get');
    expect(form.querySelector('select[name="titleYear"] option[selected]')?.getAttribute('value')).toBe('2566');
    expect(form.querySelector('input[name="issuedOn"]')?.getAttribute('type')).toBe('text');
    expect(form.querySelectorAll('select[name="signer"] option').map((o) => o.getAttribute('value'))).toEqual(['', signerId]);
    expect(form.querySelector('button[formaction="/admin/documents/2565/measures.pdf"]')).not.toBeNull();
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
});
