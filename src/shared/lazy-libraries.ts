/**
 * Heavy libraries loaded on first use instead of at start-up.
 *
 * exceljs, pdfkit (with fontkit) and docx together took about half of the server's cold start and
 * 60+ MB of its idle memory (bench/startup.ts, issue 14), yet most processes never write a
 * spreadsheet or a document: the first export pays the load once (a few hundred ms) and later
 * ones reuse it. Types are imported statically (`import type`), which costs nothing at run time.
 */
import type ExcelJS from 'exceljs';

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
};

const excelJs = once(async () => (await import('exceljs')).default);

/** A new, empty exceljs workbook (loads exceljs on first use). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await excelJs();
  return new Workbook();
}

/** pdfkit's document class (loads pdfkit and fontkit on first use). */
export const loadPdfKit = once(async () => (await import('pdfkit')).default);

/** JSZip (loads it on first use). */
export const loadJsZip = once(async () => (await import('jszip')).default);
