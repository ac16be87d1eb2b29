/** Reads a results file in the JSON import format for the CLI, validated against the shipped catalogues. */
import { readFile } from 'node:fs/promises';
import { validationError } from '../shared/errors.js';
import { loadShippedCatalogues } from '../modules/catalogue/index.js';
import { parseResultsJson, type ImportedResults } from '../modules/ita-results/index.js';
import type { Catalogue } from '../modules/catalogue/index.js';

export interface ResultsFile {
  input: ImportedResults;
  catalogue: Catalogue;
  /** Optional presentation hints a file may carry beside the import format's `agency.name`. */
  agency: { typeTh?: string; digits?: 'thai' | 'arabic'; units: string[] };
}

export async function readResultsFile(path: string): Promise<ResultsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw validationError(`อ่านไฟล์ไม่ได้: ${path}`, [{ field: 'FILE', message: 'ไม่พบไฟล์หรือไม่มีสิทธิ์อ่าน' }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw validationError('ไฟล์ไม่ใช่ JSON ที่ถูกต้อง', [{ field: 'FILE', message: error instanceof Error ? error.message : String(error) }]);
  }
  const catalogues = loadShippedCatalogues();
  const parsed = parseResultsJson(raw, catalogues);
  if (!parsed.ok) throw validationError('ข้อมูลผลการประเมินไม่ถูกต้อง', parsed.errors);
  const a = (raw as { agency?: Record<string, unknown> }).agency ?? {};
  const digits = a.digits === 'thai' || a.digits === 'arabic' ? a.digits : undefined;
  return {
    input: parsed.value,
    catalogue: catalogues.get(parsed.value.fiscalYear)!,
    agency: {
      ...(typeof a.type === 'string' ? { typeTh: a.type } : {}),
      ...(digits ? { digits } : {}),
      units: Array.isArray(a.units) ? a.units.filter((u): u is string => typeof u === 'string' && u.trim() !== '') : [],
    },
  };
}
