/**
 * `npm run cli -- document FILE --out PATH.docx|PATH.pdf|PATH.html [--digits thai|arabic]`
 * Writes the measures document for a results file in the JSON import format, with a plan drafted
 * from its analysis. Optional `agency` fields in the file: `type` (e.g. "เทศบาลตำบล"), `digits`
 * ("thai"/"arabic") and `units` (a list of the agency's units, used for responsibilities).
 */
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { CliCommand } from '../main.js';
import { parseArgs } from '../args.js';
import { readResultsFile } from '../results-file.js';
import { validationError } from '../../shared/errors.js';
import { analyze } from '../../modules/ita-results/index.js';
import { DEFAULT_UNITS } from '../../modules/agencies/index.js';
import { draftedPlan, measuresModel, renderDocument, type DocumentFormat } from '../../modules/documents/index.js';

const FORMATS: Record<string, DocumentFormat> = { '.docx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' };

export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['out', 'digits']);
  const file = positional[0];
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (!file || !out) {
    io.err('วิธีใช้: npm run cli -- document FILE --out PATH.docx|PATH.pdf|PATH.html [--digits thai|arabic]');
    return 2;
  }
  const format = FORMATS[extname(out).toLowerCase()];
  if (!format) throw validationError('นามสกุลไฟล์ผลลัพธ์ต้องเป็น .docx, .pdf หรือ .html', [{ field: '--out', message: `ไม่รองรับ "${extname(out) || out}"` }]);
  if (flags.digits !== undefined && flags.digits !== 'thai' && flags.digits !== 'arabic') {
    throw validationError('ตัวเลือก --digits ต้องเป็น thai หรือ arabic', [{ field: '--digits', message: `ได้ "${String(flags.digits)}"` }]);
  }

  const { input, catalogue, agency } = await readResultsFile(file);
  const analysis = analyze(catalogue, input);
  const units = agency.units.length > 0 ? agency.units : DEFAULT_UNITS;
  const plan = draftedPlan(analysis, catalogue, units);
  const digits = (flags.digits as 'thai' | 'arabic' | undefined) ?? agency.digits ?? 'thai';
  const model = measuresModel({ nameTh: input.agencyName ?? 'หน่วยงาน', typeLabelTh: agency.typeTh ?? '', digits }, catalogue, analysis, plan);
  const doc = await renderDocument(model, format);
  const target = resolve(out);
  await writeFile(target, doc.buffer);
  io.err(`เขียนเอกสารมาตรการแล้ว: ${target} (${doc.buffer.length.toLocaleString('th-TH')} ไบต์)`);
  return 0;
};
