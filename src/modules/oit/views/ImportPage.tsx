/** Import from an existing OIT site: the upload form, then a report of what went where and what did not match. */
import { Layout } from '../../../ui/Layout.js';
import { Button, DataTable, Field, errorFor, CsrfField } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import type { ImportReport } from '../service.js';

const M = messages({
  title: { th: 'นำเข้าลิงก์จากเว็บไซต์ OIT เดิม', en: 'Import links from an existing OIT site' },
  lead: {
    th: 'ไฟล์ CSV หรือ Excel (XLSX) ที่มีคอลัมน์ ปี, ข้อ, ชื่อ และลิงก์ (เช่น ที่ส่งออกจากเว็บไซต์ของผู้ให้บริการเดิม) ระบบจะนำลิงก์เข้าไปยังรายการของแต่ละปีตามเลขข้อหรือชื่อรายการ และรายงานแถวที่จับคู่ไม่ได้',
    en: 'A CSV or XLSX with year, item, title and link columns. Links go to the matching item of each year; rows that match nothing are listed.',
  },
  file: { th: 'ไฟล์ CSV หรือ XLSX', en: 'CSV or XLSX file' },
  submit: { th: 'นำเข้า', en: 'Import' },
  imported: { th: 'นำเข้าแล้ว', en: 'Imported' },
  duplicates: { th: 'มีลิงก์นี้อยู่แล้ว (ข้าม)', en: 'Already there (skipped)' },
  unmatched: { th: 'แถวที่จับคู่ไม่ได้', en: 'Rows not matched' },
  row: { th: 'แถว', en: 'Row' },
  year: { th: 'ปี', en: 'Year' },
  item: { th: 'ข้อ', en: 'Item' },
  name: { th: 'ชื่อ', en: 'Title' },
  link: { th: 'ลิงก์', en: 'Link' },
  by: { th: 'จับคู่จาก', en: 'Matched by' },
  byCode: { th: 'เลขข้อ', en: 'code' },
  byTitle: { th: 'ชื่อรายการ', en: 'title' },
  why: { th: 'เหตุผล', en: 'Why' },
  running: { th: 'กำลังนำเข้า', en: 'Importing' },
  progress: { th: 'บันทึกแล้ว {done} จาก {total} ลิงก์ หน้านี้จะแสดงความคืบหน้าใหม่ทุก 2 วินาที', en: 'Saved {done} of {total} links; this page refreshes every 2 seconds' },
  preparing: { th: 'กำลังอ่านและจับคู่แถวในไฟล์…', en: 'Reading and matching the rows…' },
});

/** The progress of a large import running in the background; the page reloads itself until it is done. */
export function ImportProgressPage({ ctx, done, total }: { ctx: PageContext; done: number; total: number }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.running)} refreshSeconds={2}>
      <h1>{tr(L, M.running)}</h1>
      <p class="lead" role="status">
        {total > 0 ? tr(L, M.progress).replace('{done}', done.toLocaleString('th-TH')).replace('{total}', total.toLocaleString('th-TH')) : tr(L, M.preparing)}
      </p>
      <progress id="import-progress" max={Math.max(total, 1)} value={done}>{total > 0 ? `${Math.round((done / total) * 100)}%` : ''}</progress>
    </Layout>
  );
}

export function ImportPage({ ctx, report, errors }: { ctx: PageContext; report?: ImportReport; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      {report && (
        <>
          <div class="cards">
            <div class="card"><div class="card-value" id="imported-count">{report.imported.length}</div><div class="card-label">{tr(L, M.imported)}</div></div>
            <div class="card"><div class="card-value">{report.duplicates.length}</div><div class="card-label">{tr(L, M.duplicates)}</div></div>
            <div class="card"><div class="card-value" id="unmatched-count">{report.unmatched.length}</div><div class="card-label">{tr(L, M.unmatched)}</div></div>
          </div>
          {report.unmatched.length > 0 && (
            <DataTable caption={tr(L, M.unmatched)} head={[tr(L, M.row), tr(L, M.why)]}>
              {report.unmatched.map((u) => (
                <tr><td class="num">{u.row}</td><td>{u.message}</td></tr>
              ))}
            </DataTable>
          )}
          {report.imported.length > 0 && (
            <DataTable caption={tr(L, M.imported)} head={[tr(L, M.row), tr(L, M.year), tr(L, M.item), tr(L, M.name), tr(L, M.by)]}>
              {report.imported.map((m) => (
                <tr>
                  <td class="num">{m.row}</td>
                  <td>{m.year}</td>
                  <td><a href={`/admin/oit/${m.year}/${m.code}`}>{m.code}</a></td>
                  <td>{m.title}</td>
                  <td>{tr(L, m.by === 'code' ? M.byCode : M.byTitle)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
      <form method="post" action={`/admin/oit/import`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field name="upload" label={tr(L, M.file)} error={errorFor(errors, 'upload')}>
          {(a) => <input {...a} type="file" class="input" accept=".csv,.xlsx,text/csv" />}
        </Field>
        <Button>{tr(L, M.submit)}</Button>
      </form>
    </Layout>
  );
}
