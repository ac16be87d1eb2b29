import { Layout } from '../../../ui/Layout.js';
import { Button, DataTable, fieldId, CsrfField } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatters } from './format.js';

const M = messages({
  title: { th: 'นำเข้าผลการประเมิน ITA จากไฟล์', en: 'Import ITA results from a file' },
  back: { th: 'ผลการประเมินทุกปี', en: 'All years' },
  lead: {
    th: 'รองรับไฟล์ CSV (UTF-8), XLSX และ JSON หนึ่งแถวต่อหนึ่งปีงบประมาณ ระบบตรวจทั้งไฟล์ก่อน หากพบข้อผิดพลาดแม้แถวเดียวจะไม่นำเข้าข้อมูลใดเลย และแสดงรายการข้อผิดพลาดพร้อมแถวและคอลัมน์ให้แก้ไข',
    en: 'CSV (UTF-8), XLSX and JSON; one row per fiscal year. The whole file is checked first: any error rejects the whole file and lists every problem by row and column.',
  },
  agencyRule: {
    th: 'ไฟล์ที่มีหลายแถวต้องเป็นผลของหน่วยงานนี้ทุกแถว (ชื่อหน่วยงานตรงกับในระบบ) ไฟล์ที่มีแถวเดียวจะบันทึกเป็นผลของหน่วยงานนี้',
    en: 'A file with several rows must hold only this agency’s results (same agency name); a one-row file is saved for this agency.',
  },
  file: { th: 'ไฟล์ผลการประเมิน', en: 'Results file' },
  submit: { th: 'ตรวจสอบและนำเข้า', en: 'Check and import' },
  templates: { th: 'แบบฟอร์มสำหรับกรอก', en: 'Templates' },
  templatesLead: {
    th: 'ดาวน์โหลดแบบฟอร์มของปีที่ต้องการ แถวที่ 2 เป็นตัวอย่าง ให้แทนที่ด้วยข้อมูลของหน่วยงานก่อนนำเข้า',
    en: 'Download the template of a year. Row 2 is an example: replace it with your figures before importing.',
  },
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  problems: { th: 'ข้อผิดพลาดในไฟล์', en: 'Problems in the file' },
  row: { th: 'แถว', en: 'Row' },
  column: { th: 'คอลัมน์/ช่อง', en: 'Column/field' },
  message: { th: 'รายละเอียด', en: 'Problem' },
  jsonTitle: { th: 'รูปแบบ JSON', en: 'JSON format' },
});

export interface ImportFailure {
  message: string;
  errors: FieldError[];
}

/** Row errors stay as they are in the summary; file-level ones link to the file input. */
function summaryErrors(failure: ImportFailure): FieldError[] {
  if (failure.errors.length === 0) return [{ field: 'file', message: failure.message }];
  return failure.errors.map((e) => (e.row !== undefined ? e : { field: 'file', message: e.field ? `${e.field}: ${e.message}` : e.message }));
}

const JSON_EXAMPLE = `{
  "fiscalYear": 2565,
  "agency": { "name": "เทศบาลตำบลตัวอย่าง" },
  "official": { "score": 65.66, "level": "C" },
  "indicators": { "1": 86.05, "2": 76.39, "…": "…", "10": 18.75 },
  "questions": { "I1": 88.1 },
  "oit": { "O2": { "passed": false, "reason": "…" } }
}`;

export function ResultsImportPage({ ctx, templateYears, failure }: { ctx: PageContext; templateYears: number[]; failure?: ImportFailure }) {
  const L = ctx.locale;
  const f = formatters(ctx);
  const id = fieldId('file');
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={failure ? summaryErrors(failure) : undefined}>
      <p>
        <a href="/admin/results">{tr(L, M.back)}</a>
      </p>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <p>{tr(L, M.agencyRule)}</p>
      <form method="post" action={`/admin/results/import`} enctype="multipart/form-data">
        <CsrfField token={ctx.csrfToken} />
        <div class={`field${failure ? ' field-error' : ''}`}>
          <label class="label" for={id}>
            {tr(L, M.file)}
          </label>
          {failure && (
            <p id={`${id}-error`} class="error-message">
              {failure.message}
            </p>
          )}
          <input
            class="input"
            type="file"
            id={id}
            name="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={failure ? `${id}-error` : undefined}
            aria-invalid={failure ? 'true' : undefined}
          />
        </div>
        <Button>{tr(L, M.submit)}</Button>
      </form>

      {failure && failure.errors.length > 0 && (
        <DataTable caption={tr(L, M.problems)} head={[tr(L, M.row), tr(L, M.column), tr(L, M.message)]}>
          {failure.errors.map((e) => (
            <tr>
              <td class="num">{e.row !== undefined ? String(e.row) : '—'}</td>
              <td>{e.field || '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{tr(L, M.templates)}</h2>
      <p>{tr(L, M.templatesLead)}</p>
      <ul>
        {[...templateYears].reverse().map((y) => (
          <li>
            {tr(L, M.year)} {f.text(y)}:{' '}
            <a href={`/admin/results/template.csv?year=${y}`} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={`/admin/results/template.xlsx?year=${y}`} download>
              XLSX
            </a>
          </li>
        ))}
      </ul>
      <details>
        <summary>{tr(L, M.jsonTitle)}</summary>
        <pre>
          <code>{JSON_EXAMPLE}</code>
        </pre>
      </details>
    </Layout>
  );
}
