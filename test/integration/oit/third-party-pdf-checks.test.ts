/**
 * Element checks on PDFs the product did not write: one printed by Chromium (as an officer's
 * browser "Save as PDF" makes it) and one exported by LibreOffice from a DOCX. Both carry the
 * sections "ปัญหา อุปสรรค" and "ข้อเสนอแนะ" and the fiscal year in the title; the checks must find
 * them from the text as pdftotext reads it (pdf.js dropped the tone marks of the Chromium file:
 * "ขอเสนอแนะ"). No database: extraction and the item check are the pieces under test.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { extractText, pdfReader } from '../../../src/modules/oit/text-extract.js';
import { analyseText } from '../../../src/modules/oit/domain/text-facts.js';
import { evaluateItem, type CheckEvidence } from '../../../src/modules/oit/domain/checks.js';
import { loadShippedCatalogues } from '../../../src/modules/catalogue/shipped.js';
import { findOitItemByRole } from '../../../src/modules/catalogue/index.js';
import { renderDocx } from '../../../src/modules/documents/docx/render-docx.js';
import type { DocModel } from '../../../src/modules/documents/domain/model.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../browser/support/browser.js';
import { convertDocxToPdf } from '../../support/office.js';

const require = createRequire(import.meta.url);
const TITLE = 'รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕';
const BODY = 'เทศบาลใช้จ่ายงบประมาณตามแผนการใช้จ่ายครบทุกโครงการ';

/** The FY2566 annual report item: it reports on FY2565, with problems and suggestions sections. */
const item = findOitItemByRole(loadShippedCatalogues().get(2566)!, 'annual-report')!;

async function evidenceFrom(pdf: Buffer, dir: string, name: string): Promise<{ text: string; evidence: CheckEvidence }> {
  const path = join(dir, name);
  await writeFile(path, pdf);
  const { text, textLayer } = await extractText('pdf', path, pdf.length);
  if (text === null) throw new Error(`${name} was not read`);
  return {
    text,
    evidence: { id: name, kind: 'file', title: name, url: null, mediaKind: 'pdf', textLayer, facts: analyseText(text), periodFrom: null, periodTo: null, elements: [] },
  };
}

/** The item's machine-checked elements (problems, suggestions, the year covered) and their outcome. */
function machineChecked(evidence: CheckEvidence) {
  const result = evaluateItem({ item, fiscalYear: 2566, evidence: [evidence], declarations: {} });
  return result.elements.filter((e) => e.checks.length > 0).map((e) => ({ key: e.key, satisfied: e.satisfied, problems: e.problems }));
}

describe('element checks on third-party PDFs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prongsai-pdfs-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('reads PDFs with pdftotext on this machine (CI installs poppler-utils)', () => {
    expect(pdfReader()).toBe('pdftotext');
  });

  it('finds the sections and the year in a Chromium-printed PDF, tone marks intact', async () => {
    const font = (await readFile(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'))).toString('base64');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    let pdf: Buffer;
    try {
      const page = await browser.newPage();
      await page.setContent(
        `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
          @font-face { font-family: S; src: url(data:font/ttf;base64,${font}); }
          body { font-family: S; font-size: 16pt; } </style></head>
         <body><h1>${TITLE}</h1><p>${BODY}</p><h2>ปัญหา อุปสรรค</h2><p>ผู้รับจ้างส่งงานล่าช้า</p>
         <h2>ข้อเสนอแนะ</h2><p>วางแผนการจัดซื้อจัดจ้างให้เร็วขึ้น</p></body></html>`,
      );
      await page.evaluate(() => document.fonts.ready);
      pdf = await page.pdf({ format: 'A4' });
    } finally {
      await browser.close();
    }
    const { text, evidence } = await evidenceFrom(pdf, dir, 'chromium.pdf');
    expect(text).toContain('ข้อเสนอแนะ');
    expect(text).toContain('ปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(evidence.textLayer).toBe(true);
    expect(machineChecked(evidence).filter((e) => !e.satisfied)).toEqual([]);
    expect(machineChecked(evidence).length).toBeGreaterThanOrEqual(3);
  });

  it('finds them in a LibreOffice-exported PDF, bold headings included', async () => {
    const model: DocModel = {
      title: TITLE,
      fileName: 'report',
      lang: 'th',
      digits: 'thai',
      author: 'เทศบาลตำบลทดสอบ',
      blocks: [
        { kind: 'title', lines: [TITLE] },
        { kind: 'paragraph', indent: true, runs: [BODY] },
        { kind: 'heading', level: 1, text: 'ปัญหา อุปสรรค' },
        { kind: 'paragraph', indent: true, runs: ['ผู้รับจ้างส่งงานล่าช้า'] },
        { kind: 'heading', level: 1, text: 'ข้อเสนอแนะ' },
        { kind: 'paragraph', indent: true, runs: ['วางแผนการจัดซื้อจัดจ้างให้เร็วขึ้น'] },
      ],
    };
    const pdf = await convertDocxToPdf(await renderDocx(model));
    const { text, evidence } = await evidenceFrom(pdf, dir, 'libreoffice.pdf');
    expect(text).toContain(BODY);
    expect(machineChecked(evidence).filter((e) => !e.satisfied)).toEqual([]);
  });

  it('still says missing when a document lacks the sections', async () => {
    const pdf = await convertDocxToPdf(
      await renderDocx({ title: TITLE, fileName: 'x', lang: 'th', digits: 'thai', author: 'x', blocks: [{ kind: 'title', lines: [TITLE] }, { kind: 'paragraph', runs: [BODY] }] }),
    );
    const { evidence } = await evidenceFrom(pdf, dir, 'bare.pdf');
    const missing = machineChecked(evidence).filter((e) => !e.satisfied).map((e) => e.problems.join(' '));
    expect(missing.join(' ')).toContain('ข้อเสนอแนะ');
    expect(missing.join(' ')).toContain('ปัญหา อุปสรรค');
  });
});
