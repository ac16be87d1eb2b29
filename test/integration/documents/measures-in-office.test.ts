/**
 * The measures document as an agency opens it in LibreOffice before signing: converted by
 * `soffice --headless` and read back with poppler (test/support/office.ts, docs/office-check.md).
 * One conversion for the file (~1.5–4 s); the overlap rule itself is checked on made-up boxes.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResultsFile } from '../../../src/cli/results-file.js';
import { analyze } from '../../../src/modules/ita-results/domain/analysis.js';
import { DEFAULT_UNITS } from '../../../src/modules/agencies/domain/agency.js';
import { draftedPlan, measuresModel, renderDocument } from '../../../src/modules/documents/service.js';
import { checkDocxInOffice, officeProblems, overlappingLines, pdfLineBoxes, type LineBox, type OfficeFindings } from '../../support/office.js';

const SEED = fileURLToPath(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url));

describe('measures document in LibreOffice', () => {
  let findings: OfficeFindings;
  let ownPages: number;
  beforeAll(async () => {
    const { input, catalogue } = await readResultsFile(SEED);
    const analysis = analyze(catalogue, input);
    const plan = draftedPlan(analysis, catalogue, DEFAULT_UNITS);
    const model = measuresModel({ nameTh: 'เทศบาลตำบลปรุใหญ่', typeLabelTh: '', digits: 'thai' }, catalogue, analysis, plan, '2022-11-30');
    const [docx, pdf] = await Promise.all([renderDocument(model, 'docx'), renderDocument(model, 'pdf')]);
    ownPages = (await pdfLineBoxes(pdf.buffer)).pages;
    findings = await checkDocxInOffice(docx.buffer);
  });

  it('has no line drawn over another, about our page count, every table and every paragraph', () => {
    expect(officeProblems(findings, { ownPages })).toEqual([]);
    // Not vacuous: the document has its tables with repeated headers and many lines.
    expect(findings.tables.length).toBeGreaterThanOrEqual(3);
    expect(findings.lines.length).toBeGreaterThan(300);
  });

  it('keeps the Thai text LibreOffice extracts, with tone marks in regular text', () => {
    const text = findings.lines.map((l) => l.text).join('\n');
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(text).toMatch(/ผู้รับผิดชอบ/);
  });
});

describe('overlap rule', () => {
  const box = (page: number, x: [number, number], y: [number, number], text = 'ก'): LineBox => ({ page, xMin: x[0], xMax: x[1], yMin: y[0], yMax: y[1], text });

  it('counts lines whose boxes overlap by more than a third of a line height', () => {
    // 21 pt glyph boxes 12 pt apart: the LibreOffice render of a DOCX with w:line="240" and no rule.
    const lines = [box(1, [90, 500], [100, 121]), box(1, [90, 500], [112, 133]), box(1, [90, 500], [124, 145])];
    expect(overlappingLines(lines)).toHaveLength(2);
  });

  it('does not count neighbouring lines, side-by-side cells or other pages', () => {
    const lines = [
      box(1, [90, 500], [100, 121]),
      box(1, [90, 500], [118, 139]), // 3 pt of 21: marks reaching into the line above
      box(1, [510, 560], [100, 121]), // the next table cell on the same line
      box(2, [90, 500], [100, 121]),
    ];
    expect(overlappingLines(lines)).toEqual([]);
  });
});
