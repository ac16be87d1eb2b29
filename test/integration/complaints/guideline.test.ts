/**
 * The guideline generated from the agency's settings: the public page, the DOCX checked in
 * LibreOffice (test/support/office.ts: no overlapping lines, every paragraph present, the step table
 * intact) and the PDF's text. A change of settings changes all three.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, mainText, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { DIALECTS } from '../../support/database.js';
import { checkDocxInOffice, officeProblems, pdfPlainText, squash } from '../../support/office.js';
import { toArabicDigits } from '../../../src/shared/thai.js';

describe.each(DIALECTS)('complaint guideline (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
  });
  afterAll(async () => t?.close());

  it('takes its time frames and unit from the settings, refusing bad values with Thai messages', async () => {
    await admin.get('/admin/complaints/settings');
    const bad = await admin.submit('/admin/complaints/settings', { responsibleUnit: '', acknowledgeDays: 'สาม', concludeDays: '400', phone: '', address: '', email: '' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('กรุณาระบุหน่วยงานที่รับผิดชอบ');
    expect(toArabicDigits(mainText(bad.body))).toContain('ต้องไม่เกิน 365 วัน'); // in the agency's digits
    const ok = await admin.submit('/admin/complaints/settings', { responsibleUnit: 'กองคลัง', acknowledgeDays: '5', concludeDays: '45', phone: '045-111-222', address: '1 หมู่ 2 ตำบลทดสอบ', email: '' });
    expect(ok.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: '/a/test-town/report-corruption/guideline' });
    const text = mainText(page.body);
    expect(text).toContain('ภายใน ๕ วัน');
    expect(text).toContain('ภายใน ๔๕ วัน');
    expect(text).toContain('กองคลัง');
  });

  it('renders a DOCX that LibreOffice lays out cleanly and a PDF with the same text', async () => {
    const docx = await t.app.inject({ method: 'GET', url: '/a/test-town/report-corruption/guideline.docx' });
    expect(docx.statusCode).toBe(200);
    const findings = await checkDocxInOffice(docx.rawPayload);
    expect(officeProblems(findings)).toEqual([]);
    const pdf = await t.app.inject({ method: 'GET', url: '/a/test-town/report-corruption/guideline.pdf' });
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const text = squash(await pdfPlainText(pdf.rawPayload));
    for (const s of ['แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'กองคลัง', 'ภายใน ๔๕ วัน']) expect(text).toContain(squash(s));
  });
});
